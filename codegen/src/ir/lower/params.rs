//! The params of an object schema (an auth spec's or a nested object's): limits, unsupported
//! keywords, field names, and each param's checks (secrets, patterns, defaults).

use std::collections::BTreeMap;

use super::{ConnectorCx, MAX_PARAMS_PER_OBJECT, MAX_REQUIRED_PER_OBJECT, collisions, location};
use crate::diagnostic::Diagnostic;
use crate::ir::model::{DefaultValue, Param, ParamDefault, ParamType};
use crate::ir::naming;
use crate::spec::{Literal, Located, Schema};

impl ConnectorCx<'_> {
    /// Reports unsupported keywords; true if there were any.
    pub(super) fn unsupported(&mut self, schema: &Schema) -> bool {
        for keyword in &schema.unsupported {
            self.error(
                &keyword.path,
                format!("the JSON Schema keyword `{}` is not supported", keyword.value),
                "flow-codegen supports type, properties, required, items, enum, default, format and pattern; \
                 describe the param with those",
            );
        }
        !schema.unsupported.is_empty()
    }

    /// Whether the object has few enough params (and required params) to generate.
    fn within_limits(&mut self, schema: &Schema) -> bool {
        let path = schema.path.key("properties");
        let count = schema.properties.len();
        if count > MAX_PARAMS_PER_OBJECT {
            self.error(
                &path,
                format!(
                    "this object has {count} params; flow-codegen generates at most {MAX_PARAMS_PER_OBJECT} per object"
                ),
                "check that this is the spec you meant to generate from; group related params into nested objects",
            );
            return false;
        }
        let tracked = schema
            .properties
            .iter()
            .filter(|p| p.schema.default.is_none() && schema.required.iter().any(|r| r.value == p.name.value))
            .count();
        if tracked > MAX_REQUIRED_PER_OBJECT {
            self.error(
                &schema.path.key("required"),
                format!(
                    "this object has {tracked} required params without a default; flow-codegen generates at most \
                     {MAX_REQUIRED_PER_OBJECT} per object"
                ),
                "each required param is a type parameter of the builder; make some optional, give them defaults \
                 or group them into nested objects",
            );
            return false;
        }
        true
    }

    /// The params of an object schema. `parent` is the Rust type that will hold them (for naming
    /// nested types); `prefix` the dotted path of the object from `auth.params` (`""` at the top).
    pub(super) fn params(&mut self, schema: &Schema, parent: &str, prefix: &str) -> Option<Vec<Param>> {
        if !self.within_limits(schema) {
            return None;
        }
        let mut ok = !self.unsupported(schema);
        for required in &schema.required {
            if !schema.properties.iter().any(|p| p.name.value == required.value)
                && !schema.unreadable.covers(&required.value)
            {
                self.diagnostics.push(
                    Diagnostic::warning(
                        self.file,
                        &required.path,
                        format!(
                            "`required` names `{}`, which is not among the properties; it is ignored",
                            required.value
                        ),
                    )
                    .with_help(format!(
                        "add a property `{}` or remove it from `required`",
                        required.value
                    )),
                );
            }
        }
        // Plain field names, and the groups of params that fold to the same one.
        let plain: Vec<Option<String>> = schema.properties.iter().map(|p| naming::field(&p.name.value)).collect();
        let mut folded: BTreeMap<&str, usize> = BTreeMap::new();
        for field in plain.iter().flatten() {
            *folded.entry(field.as_str()).or_default() += 1;
        }
        let mut params = Vec::new();
        let mut locations = Vec::new();
        for (property, plain) in schema.properties.iter().zip(&plain) {
            let field = match plain {
                Some(field) if folded[field.as_str()] > 1 => naming::exact_field(&property.name.value),
                other => other.clone(),
            };
            let required = schema.required.iter().any(|r| r.value == property.name.value);
            match self.param(&property.name, &property.schema, field, required, parent, prefix) {
                Some(param) => {
                    locations.push(location(self.file, &property.name.path));
                    params.push(param);
                }
                None => ok = false,
            }
        }
        ok &= collisions::param_names(&params, &locations, self.diagnostics);
        ok.then_some(params)
    }

    fn param(
        &mut self,
        name: &Located<String>,
        schema: &Schema,
        field: Option<String>,
        required: bool,
        parent: &str,
        prefix: &str,
    ) -> Option<Param> {
        if self.unsupported(schema) {
            return None;
        }
        let Some(field) = field else {
            self.error(
                &name.path,
                format!("the param name `{}` gives no usable Rust identifier", name.value),
                "param names need at least one ASCII letter or digit",
            );
            return None;
        };
        let dotted_name = if prefix.is_empty() {
            name.value.clone()
        } else {
            format!("{prefix}.{}", name.value)
        };
        let ty = self.value_type(name, schema, parent, &dotted_name)?;
        let format = schema.format.as_ref().map(|f| f.value.clone());
        let secret = format.as_deref() == Some("password")
            || matches!(&ty, ParamType::Array(_))
                && schema
                    .items
                    .as_ref()
                    .and_then(|i| i.format.as_ref())
                    .is_some_and(|f| f.value == "password");
        let secret_allowed = match &ty {
            ParamType::String => true,
            ParamType::Array(item) => **item == ParamType::String,
            _ => false,
        };
        if secret && !secret_allowed {
            let path = schema.format.as_ref().map_or(schema.path.clone(), |f| f.path.clone());
            self.error(
                &path,
                format!(
                    "`format: password` is only allowed on strings, not on `{}` params",
                    ty.schema_name()
                ),
                "make the secret a string, or drop `format: password`",
            );
            return None;
        }
        if let Some(pattern) = &schema.pattern {
            if ty != ParamType::String {
                self.error(
                    &pattern.path,
                    format!(
                        "`pattern` is supported on plain string params, not on `{}` params{}",
                        ty.schema_name(),
                        if matches!(ty, ParamType::Enum(_)) {
                            " with `enum`"
                        } else {
                            ""
                        }
                    ),
                    "remove `pattern`, or make the param a plain string",
                );
                return None;
            }
            #[cfg(feature = "pattern")]
            if let Err(err) = regex::Regex::new(&pattern.value) {
                let reason = err.to_string().lines().last().unwrap_or_default().trim().to_owned();
                self.error(
                    &pattern.path,
                    format!("the pattern is not a supported regular expression: {reason}"),
                    "patterns use the `regex` crate's syntax (no look-around or backreferences)",
                );
                return None;
            }
            #[cfg(not(feature = "pattern"))]
            {
                self.error(
                    &pattern.path,
                    "`pattern` needs the `pattern` feature of flow-codegen, which is off",
                    "turn on the `pattern` feature of flow-codegen (it checks the regular expression) \
                     and of flow-connectors (it checks values at run time), or remove `pattern`",
                );
                return None;
            }
        }
        let default = match &schema.default {
            None => None,
            Some(default) => Some(self.default(default, &ty)?),
        };
        Some(Param {
            wire_name: name.value.clone(),
            dotted_name,
            state: naming::camel(&field).unwrap_or_else(|| field.clone()),
            field,
            description: schema.description.clone().or_else(|| schema.title.clone()),
            ty,
            required,
            secret,
            format,
            pattern: schema.pattern.as_ref().map(|p| p.value.clone()),
            default,
        })
    }

    /// Checks that a `default` fits the param's type, and types it.
    fn default(&mut self, default: &Located<Literal>, ty: &ParamType) -> Option<ParamDefault> {
        let value = match (ty, &default.value) {
            (ParamType::String, Literal::String(text)) => Some(DefaultValue::String(text.clone())),
            (ParamType::Integer, Literal::Integer(int)) => Some(DefaultValue::Integer(*int)),
            #[allow(clippy::cast_precision_loss)] // a `number` default written as an integer
            (ParamType::Number, Literal::Integer(int)) => Some(DefaultValue::Number(*int as f64)),
            (ParamType::Number, Literal::Float(float)) => Some(DefaultValue::Number(*float)),
            (ParamType::Boolean, Literal::Bool(flag)) => Some(DefaultValue::Boolean(*flag)),
            (ParamType::Enum(enum_type), Literal::String(wire)) => enum_type
                .values
                .iter()
                .find(|v| &v.wire == wire)
                .map(|v| DefaultValue::Variant {
                    type_name: enum_type.type_name.clone(),
                    variant: v.variant.clone(),
                }),
            _ => None,
        };
        if let Some(value) = value {
            return Some(ParamDefault {
                literal: default.value.clone(),
                value,
            });
        }
        let help = match ty {
            ParamType::Array(_) | ParamType::Object(_) => {
                format!("`default` is not supported on `{}` params; remove it", ty.schema_name())
            }
            ParamType::Enum(_) => "use one of the `enum` values as the default".to_owned(),
            _ => format!("write a default of type `{}`, or remove it", ty.schema_name()),
        };
        self.error(
            &default.path,
            format!(
                "the default {} does not fit the param's type `{}`",
                default.value,
                ty.schema_name()
            ),
            help,
        );
        None
    }
}
