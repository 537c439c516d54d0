//! The type of a param's value: scalars, arrays, and the nested structs and enums generated for
//! `object` and `enum` params, named after the param (prefixed with the parent's name when shared).

use std::collections::BTreeMap;

use super::ConnectorCx;
use crate::diagnostic::Diagnostic;
use crate::ir::model::{EnumType, EnumValue, ParamType, ParamsStruct};
use crate::ir::naming;
use crate::spec::{Literal, Located, Schema};

/// The JSON Schema `type` of `schema`, if it says one.
fn declared_type(schema: &Schema) -> Option<&str> {
    schema.ty.as_ref().map(|t| t.value.as_str())
}

/// Whether an array's `items` is a table column: an object of the string properties `name` and
/// `type`, optionally the object `xdm` and the string `meta:xdmType`, nothing else, no enum, no
/// pattern, no unsupported keyword. (The runtime's `Column` reads and writes exactly that.)
fn is_column(items: &Schema) -> bool {
    let plain = |schema: &Schema| schema.unsupported.is_empty() && schema.enum_values.is_none();
    let typed = |schema: &Schema, ty: &str| plain(schema) && declared_type(schema) == Some(ty);
    let member = |name: &str| {
        items
            .properties
            .iter()
            .find(|p| p.name.value == name)
            .map(|p| &p.schema)
    };
    matches!(declared_type(items), None | Some("object"))
        && plain(items)
        && !items.unreadable.all
        && items.unreadable.names.is_empty()
        && items
            .properties
            .iter()
            .all(|p| ["name", "type", "xdm", "meta:xdmType"].contains(&p.name.value.as_str()))
        && member("name").is_some_and(|s| typed(s, "string") && s.pattern.is_none())
        && member("type").is_some_and(|s| typed(s, "string") && s.pattern.is_none())
        && member("xdm").is_none_or(|s| typed(s, "object"))
        && member("meta:xdmType").is_none_or(|s| typed(s, "string") && s.pattern.is_none())
}

impl ConnectorCx<'_> {
    /// The name of a nested object or enum type: the param's own name, prefixed with its parent's
    /// when that name is shared within the connector.
    fn type_name(&mut self, wire_name: &Located<String>, parent: &str) -> Option<String> {
        let Some(base) = naming::camel(&wire_name.value) else {
            self.error(
                &wire_name.path,
                format!("the param name `{}` gives no usable Rust type name", wire_name.value),
                "param names need at least one ASCII letter or digit",
            );
            return None;
        };
        Some(if self.shared_names.contains(&base) {
            naming::join(parent, &base)
        } else {
            base
        })
    }

    /// The type of a param's value, generating nested structs and enums as needed.
    pub(super) fn value_type(
        &mut self,
        name: &Located<String>,
        schema: &Schema,
        parent: &str,
        dotted_name: &str,
    ) -> Option<ParamType> {
        let declared = schema.ty.as_ref().map(|t| t.value.as_str());
        // Without `type`, `properties` or `enum` still say what the value is.
        let schema_type = match declared {
            Some(declared) => declared,
            None if !schema.properties.is_empty() => "object",
            None if schema.enum_values.is_some() => "string",
            None => {
                self.error(
                    &schema.path,
                    format!("the param `{}` has no `type`", name.value),
                    "add `\"type\": \"string\"` (or integer, number, boolean, array, object)",
                );
                return None;
            }
        };
        let type_path = schema.ty.as_ref().map_or(&schema.path, |t| &t.path);
        if let Some(values) = &schema.enum_values
            && schema_type != "string"
        {
            self.error(
                &values.path,
                format!("`enum` is supported on strings, not on `{schema_type}` params"),
                "list string values, or drop `enum` and describe the allowed values in the description",
            );
            return None;
        }
        match schema_type {
            "string" => match &schema.enum_values {
                Some(values) => self.enum_type(name, values, parent, dotted_name),
                None => Some(ParamType::String),
            },
            "integer" => Some(ParamType::Integer),
            "number" => Some(ParamType::Number),
            "boolean" => Some(ParamType::Boolean),
            "array" => {
                let Some(items) = &schema.items else {
                    self.error(
                        type_path,
                        format!("the array param `{}` has no `items`", name.value),
                        "add `\"items\": {\"type\": \"string\"}` (or integer, number, boolean)",
                    );
                    return None;
                };
                if self.unsupported(items) {
                    return None;
                }
                if let Some(pattern) = &items.pattern {
                    self.error(
                        &pattern.path,
                        "`pattern` on array items is not supported",
                        "remove `pattern` from `items`, or make the param a single string",
                    );
                    return None;
                }
                if let Some(default) = &items.default {
                    self.error(
                        &default.path,
                        "`default` on array items is not supported",
                        "remove `default` from `items`",
                    );
                    return None;
                }
                if self.source_params && is_column(items) {
                    return Some(ParamType::Array(Box::new(ParamType::Column)));
                }
                let item = self.value_type(name, items, parent, dotted_name)?;
                if matches!(item, ParamType::Array(_) | ParamType::Object(_) | ParamType::JsonObject) {
                    self.error(
                        &items.path,
                        format!("arrays of `{}` are not supported", item.schema_name()),
                        if self.source_params {
                            "source param arrays may hold strings, integers, numbers, booleans, string enums or \
                             table columns (objects of the string properties `name` and `type`, and optionally the \
                             object `xdm` and the string `meta:xdmType`)"
                        } else {
                            "arrays may hold strings, integers, numbers, booleans or string enums"
                        },
                    );
                    return None;
                }
                Some(ParamType::Array(Box::new(item)))
            }
            "object" => {
                // A source param may be a free-form object (BigQuery's `filters`).
                if self.source_params && schema.properties.is_empty() && !schema.unreadable.all {
                    return Some(ParamType::JsonObject);
                }
                if schema.properties.is_empty() {
                    self.error(
                        type_path,
                        format!("the object param `{}` has no `properties`", name.value),
                        "list the object's members under `properties`; free-form objects are not supported",
                    );
                    return None;
                }
                let type_name = self.type_name(name, parent)?;
                let params = self.params(schema, &type_name, dotted_name)?;
                self.claim(&type_name, &name.path);
                self.claim(&naming::join(&type_name, "Builder"), &name.path);
                Some(ParamType::Object(Box::new(ParamsStruct {
                    builder_name: naming::join(&type_name, "Builder"),
                    type_name,
                    params,
                })))
            }
            other => {
                self.error(
                    type_path,
                    format!("unknown type `{other}`"),
                    "use one of \"string\", \"integer\", \"number\", \"boolean\", \"array\", \"object\"",
                );
                None
            }
        }
    }

    fn enum_type(
        &mut self,
        name: &Located<String>,
        values: &Located<Vec<Located<Literal>>>,
        parent: &str,
        dotted_name: &str,
    ) -> Option<ParamType> {
        if values.value.is_empty() {
            self.error(
                &values.path,
                "`enum` lists no values",
                "list the allowed values, or remove `enum`",
            );
            return None;
        }
        let mut ok = true;
        let mut out: Vec<EnumValue> = Vec::new();
        let mut seen: BTreeMap<String, &Located<Literal>> = BTreeMap::new();
        for value in &values.value {
            let Literal::String(wire) = &value.value else {
                self.error(
                    &value.path,
                    "`enum` values of a string param must be strings",
                    "quote the value, or change the param's type",
                );
                ok = false;
                continue;
            };
            if out.iter().any(|v| &v.wire == wire) {
                self.error(
                    &value.path,
                    format!("the enum value `{wire}` is listed twice"),
                    "remove the repeated value",
                );
                ok = false;
                continue;
            }
            let Some(variant) = naming::camel(wire) else {
                self.error(
                    &value.path,
                    format!("the enum value `{wire}` gives no usable Rust variant name"),
                    "enum values need at least one ASCII letter or digit",
                );
                ok = false;
                continue;
            };
            if let Some(first) = seen.get(&variant) {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        &value.path,
                        format!(
                            "the enum values `{}` and `{wire}` would both be the variant `{variant}`",
                            match &first.value {
                                Literal::String(first) => first.as_str(),
                                _ => "",
                            }
                        ),
                    )
                    .with_related(self.file, &first.path, "first defined here")
                    .with_help("enum values that differ only in case or punctuation cannot both be generated"),
                );
                ok = false;
                continue;
            }
            seen.insert(variant.clone(), value);
            out.push(EnumValue {
                wire: wire.clone(),
                variant,
            });
        }
        if !ok {
            return None;
        }
        let type_name = self.type_name(name, parent)?;
        self.claim(&type_name, &name.path);
        let enum_type = EnumType {
            type_name,
            dotted_name: dotted_name.to_owned(),
            values: out,
        };
        Some(ParamType::Enum(Box::new(enum_type)))
    }
}
