//! Lowering: the parsed spec model -> the validated [`Model`], with every problem reported.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::model::{
    AuthSpec, Connector, DefaultValue, EnumType, EnumValue, Location, Model, NoAuth, Param, ParamDefault, ParamType,
    ParamsStruct,
};
use super::naming;
use crate::diagnostic::Diagnostic;
use crate::json_path::JsonPath;
use crate::spec::{self, ConnectionSpec, Literal, Located, Schema, SpecFile};

/// The type name generated for a connector whose connections carry no `auth`.
const NO_AUTH: &str = "NoAuth";

/// The most params one object schema (an auth spec or a nested object) may have. Real auth specs
/// have fewer than 30; the limit keeps a runaway spec from generating megabytes of code.
pub const MAX_PARAMS_PER_OBJECT: usize = 256;

/// The most required params without a default one object may have. Each is a type parameter of
/// the builder, and every setter names all of them, so generated code grows with the square of
/// this number (64 of them is already ~330 KB of source).
pub const MAX_REQUIRED_PER_OBJECT: usize = 64;

/// Builds the catalog from parsed files. Diagnostics (errors and warnings) are appended to
/// `diagnostics`; the catalog is only meaningful when none of them is an error.
pub fn lower(files: &[SpecFile], diagnostics: &mut Vec<Diagnostic>) -> Model {
    let mut connectors = Vec::new();
    for file in files {
        for spec in &file.specs {
            if let Some(connector) = connector(&file.path, spec, diagnostics) {
                connectors.push(connector);
            }
        }
    }
    connectors.sort_by(|a, b| (&a.module, &a.spec_id).cmp(&(&b.module, &b.spec_id)));
    check_catalog_collisions(&connectors, diagnostics);
    Model { connectors }
}

fn location(file: &Path, path: &JsonPath) -> Location {
    Location {
        file: file.to_path_buf(),
        path: path.clone(),
    }
}

/// Reports each group of items that share a key, pointing at every place after the first.
fn report_duplicates<'a, T: 'a>(
    items: impl IntoIterator<Item = (String, &'a T, &'a Location)>,
    diagnostics: &mut Vec<Diagnostic>,
    message: impl Fn(&str, &T, &T) -> (String, String),
) {
    let mut seen: BTreeMap<String, (&T, &Location)> = BTreeMap::new();
    for (key, item, place) in items {
        match seen.get(&key) {
            Some((first, first_place)) => {
                let (text, help) = message(&key, first, item);
                diagnostics.push(
                    Diagnostic::error(&place.file, &place.path, text)
                        .with_related(&first_place.file, &first_place.path, "first defined here")
                        .with_help(help),
                );
            }
            None => {
                seen.insert(key, (item, place));
            }
        }
    }
}

fn check_catalog_collisions(connectors: &[Connector], diagnostics: &mut Vec<Diagnostic>) {
    let at = |c: &Connector, key: &str| location(&c.location.file, &c.location.path.key(key));
    let id_places: Vec<Location> = connectors.iter().map(|c| at(c, "id")).collect();
    // UUIDs are case-insensitive: `ABC..` and `abc..` name one connection spec.
    report_duplicates(
        connectors
            .iter()
            .zip(&id_places)
            .map(|(c, place)| (c.spec_id.to_ascii_lowercase(), c, place)),
        diagnostics,
        |_, first, second| {
            (
                format!(
                    "connectors `{}` and `{}` both declare the connection spec id `{}`",
                    first.machine_name, second.machine_name, second.spec_id
                ),
                "a connection spec id names one connector; keep the spec that owns it and correct or remove the other"
                    .into(),
            )
        },
    );
    let name_places: Vec<Location> = connectors.iter().map(|c| at(c, "name")).collect();
    let before = diagnostics.len();
    report_duplicates(
        connectors
            .iter()
            .zip(&name_places)
            .map(|(c, place)| (c.module.clone(), c, place)),
        diagnostics,
        |module, first, second| {
            (
                format!(
                    "connectors `{}` and `{}` would both generate the module `{module}`",
                    first.machine_name, second.machine_name
                ),
                "give one of the connection specs a distinct `name`".into(),
            )
        },
    );
    if diagnostics.len() > before {
        // Connectors sharing a module share every variant name too: nothing more to report.
        return;
    }
    // (variant, connector, auth spec name) for every variant of `AnyConnection`.
    let variants: Vec<(String, &Connector, Option<&str>, Location)> = connectors
        .iter()
        .flat_map(|c| {
            c.auth_specs
                .iter()
                .map(move |a| {
                    (
                        a.variant.clone(),
                        c,
                        Some(a.spec_name.as_str()),
                        location(&a.location.file, &a.location.path.key("name")),
                    )
                })
                .chain(
                    c.no_auth
                        .iter()
                        .map(move |n| (n.variant.clone(), c, None, at(c, "authSpec"))),
                )
        })
        .collect();
    let describe = |(_, c, auth, _): &(String, &Connector, Option<&str>, Location)| match auth {
        Some(auth) => format!("`{}` with auth spec `{auth}`", c.machine_name),
        None => format!("`{}` (no auth specs)", c.machine_name),
    };
    report_duplicates(
        variants.iter().map(|item| (item.0.clone(), item, &item.3)),
        diagnostics,
        |variant, first, second| {
            (
                format!(
                    "connectors {} and {} would both generate the `AnyConnection::{variant}` variant",
                    describe(first),
                    describe(second)
                ),
                "the variant joins the connector and auth spec names; rename the connector or the auth spec so \
                 the joined names differ"
                    .into(),
            )
        },
    );
}

/// Whether `id` is a UUID in its canonical text form (`8-4-4-4-12` hex digits).
fn is_canonical_uuid(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn connector(file: &Path, spec: &ConnectionSpec, diagnostics: &mut Vec<Diagnostic>) -> Option<Connector> {
    // An incomplete spec (a missing `id`, `name` or `version`, already reported) is still checked
    // for every other error, but generates nothing.
    let mut ok = spec.complete;
    let module = naming::snake(&spec.name.value);
    if module.is_none() && spec.complete {
        diagnostics.push(
            Diagnostic::error(
                file,
                &spec.name.path,
                format!(
                    "the connector name `{}` gives no usable Rust module name",
                    spec.name.value
                ),
            )
            .with_help("use a machine name with ASCII letters or digits, such as \"my-source\""),
        );
        ok = false;
    }
    for (value, what) in [(&spec.id, "connection spec id"), (&spec.version, "version")] {
        if spec.complete && value.value.trim().is_empty() {
            diagnostics.push(
                Diagnostic::error(file, &value.path, format!("the {what} is empty"))
                    .with_help(format!("write the {what} the service expects")),
            );
            ok = false;
        }
    }
    if !spec.id.value.trim().is_empty() && !is_canonical_uuid(&spec.id.value) {
        diagnostics.push(
            Diagnostic::warning(
                file,
                &spec.id.path,
                format!(
                    "the connection spec id `{}` is not a UUID; requests will send it exactly as written",
                    spec.id.value
                ),
            )
            .with_help("check the id against `GET /connectionSpecs`; Flow Service ids look like 8-4-4-4-12 hex digits"),
        );
    }
    let connector_camel = module.as_deref().and_then(naming::camel).unwrap_or_default();
    let mut cx = ConnectorCx {
        file,
        shared_names: shared_type_names(&spec.auth_specs),
        enums: Vec::new(),
        types: Vec::new(),
        diagnostics,
    };
    // A repeated auth spec name is reported once, below; lowering the repeat would only report
    // the same collision again as clashing type names.
    let mut seen_names = BTreeSet::new();
    let auth_specs: Vec<AuthSpec> = spec
        .auth_specs
        .iter()
        .filter(|auth| seen_names.insert(auth.name.value.as_str()))
        .filter_map(|auth| cx.auth_spec(&connector_camel, auth))
        .collect();
    if auth_specs.len() != spec.auth_specs.len() {
        ok = false;
    }
    let no_auth = if spec.declared_auth_specs == 0 {
        cx.diagnostics.push(
            Diagnostic::warning(
                file,
                &spec.path.key("authSpec"),
                "this connection spec has no auth specs: its connections are created without `auth`",
            )
            .with_help("add the auth specs the service lists for this connector, or keep `[]` for a source without credentials"),
        );
        Some(NoAuth {
            type_name: NO_AUTH.to_owned(),
            variant: naming::join(&connector_camel, NO_AUTH),
        })
    } else {
        None
    };
    let diagnostics = cx.diagnostics;
    let name_locations: Vec<Location> = spec.auth_specs.iter().map(|a| location(file, &a.name.path)).collect();
    report_duplicates(
        spec.auth_specs
            .iter()
            .zip(&name_locations)
            .map(|(a, place)| (a.name.value.clone(), a, place)),
        diagnostics,
        |name, _, _| {
            (
                format!("the auth spec name `{name}` appears twice in this connection spec"),
                "auth spec names select the auth method in requests and must be unique; rename or remove one".into(),
            )
        },
    );
    // Every type the connector module defines: params types, builders, nested types and enums.
    let before = diagnostics.len();
    report_duplicates(
        cx.types.iter().map(|(name, place)| (name.clone(), place, place)),
        diagnostics,
        |name, _, _| {
            (
                format!("two items of this connector would both generate the Rust type `{name}`"),
                "rename one of the auth specs or params so their names differ in more than case and punctuation".into(),
            )
        },
    );
    ok &= diagnostics.len() == before;
    if !ok {
        return None;
    }
    Some(Connector {
        module: module?,
        machine_name: spec.name.value.clone(),
        display_name: spec.display_name.clone().unwrap_or_else(|| spec.name.value.clone()),
        spec_id: spec.id.value.clone(),
        version: spec.version.value.clone(),
        provider_id: spec.provider_id.clone(),
        description: spec.description.clone(),
        auth_specs,
        no_auth,
        enums: cx.enums,
        location: location(file, &spec.path),
    })
}

/// The camel-case names that would be claimed more than once by nested objects and enums of one
/// connector, or that equal an auth spec's type name: such types are prefixed with their parent.
fn shared_type_names(auth_specs: &[spec::AuthSpec]) -> BTreeSet<String> {
    fn walk(schema: &Schema, counts: &mut BTreeMap<String, usize>) {
        for property in &schema.properties {
            let named = property.schema.enum_values.is_some()
                || !property.schema.properties.is_empty()
                || property.schema.items.as_ref().is_some_and(|i| i.enum_values.is_some());
            if named && let Some(name) = naming::camel(&property.name.value) {
                *counts.entry(name).or_default() += 1;
            }
            walk(&property.schema, counts);
        }
    }
    let mut counts = BTreeMap::new();
    for auth in auth_specs {
        walk(&auth.schema, &mut counts);
    }
    let scheme_names: BTreeSet<String> = auth_specs
        .iter()
        .filter_map(|auth| naming::camel(&auth.name.value))
        .flat_map(|name| [naming::join(&name, "Builder"), name])
        .collect();
    counts
        .into_iter()
        .filter(|(name, count)| {
            *count > 1 || scheme_names.contains(name) || scheme_names.contains(&naming::join(name, "Builder"))
        })
        .map(|(name, _)| name)
        .collect()
}

/// What lowering one connector accumulates.
struct ConnectorCx<'a> {
    file: &'a Path,
    shared_names: BTreeSet<String>,
    enums: Vec<EnumType>,
    /// Every type name the connector module will define, with where it comes from.
    types: Vec<(String, Location)>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl ConnectorCx<'_> {
    fn error(&mut self, path: &JsonPath, message: impl Into<String>, help: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.file, path, message).with_help(help));
    }

    fn claim(&mut self, name: &str, path: &JsonPath) {
        self.types.push((name.to_owned(), location(self.file, path)));
    }

    fn auth_spec(&mut self, connector_camel: &str, auth: &spec::AuthSpec) -> Option<AuthSpec> {
        let name = &auth.name;
        // A bad name is reported, and the params are still checked under a stand-in name.
        let type_name = if name.value.trim().is_empty() {
            self.error(
                &name.path,
                "the auth spec name is empty",
                "requests select an auth method by this exact name; give it one",
            );
            None
        } else {
            let type_name = naming::camel(&name.value);
            if type_name.is_none() {
                self.error(
                    &name.path,
                    format!("the auth spec name `{}` gives no usable Rust type name", name.value),
                    "auth spec names need at least one ASCII letter or digit",
                );
            }
            type_name
        };
        let schema = &auth.schema;
        if let Some(ty) = &schema.ty
            && ty.value != "object"
        {
            self.error(
                &ty.path,
                format!(
                    "an auth spec schema must have `\"type\": \"object\"`, found `{}`",
                    ty.value
                ),
                "describe the credential params as the properties of an object schema",
            );
            return None;
        }
        if let Some(type_name) = &type_name {
            self.claim(type_name, &name.path);
            self.claim(&naming::join(type_name, "Builder"), &name.path);
        }
        let params = self.params(schema, type_name.as_deref().unwrap_or("AuthSpec"), "");
        let (type_name, params) = (type_name?, params?);
        Some(AuthSpec {
            spec_name: name.value.clone(),
            auth_type: auth.auth_type.clone(),
            description: schema.description.clone(),
            variant: naming::join(connector_camel, &type_name),
            params: ParamsStruct {
                builder_name: naming::join(&type_name, "Builder"),
                type_name,
                params,
            },
            location: location(self.file, &auth.path),
        })
    }

    /// Reports unsupported keywords; true if there were any.
    fn unsupported(&mut self, schema: &Schema) -> bool {
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
    fn params(&mut self, schema: &Schema, parent: &str, prefix: &str) -> Option<Vec<Param>> {
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
        let mut origins = Vec::new();
        for (property, plain) in schema.properties.iter().zip(&plain) {
            let field = match plain {
                Some(field) if folded[field.as_str()] > 1 => naming::exact_field(&property.name.value),
                other => other.clone(),
            };
            let required = schema.required.iter().any(|r| r.value == property.name.value);
            match self.param(&property.name, &property.schema, field, required, parent, prefix) {
                Some(param) => {
                    origins.push(location(self.file, &property.name.path));
                    params.push(param);
                }
                None => ok = false,
            }
        }
        let before = self.diagnostics.len();
        report_duplicates(
            params.iter().zip(&origins).map(|(p, o)| (p.field.clone(), p, o)),
            self.diagnostics,
            |field, first, second| {
                (
                    format!(
                        "params `{}` and `{}` would both be named `{field}` in Rust",
                        first.wire_name, second.wire_name
                    ),
                    "params whose names differ only in punctuation cannot both be generated; rename or remove one"
                        .into(),
                )
            },
        );
        report_duplicates(
            params
                .iter()
                .zip(&origins)
                .filter(|(p, _)| p.tracked())
                .map(|(p, o)| (p.state.clone(), p, o)),
            self.diagnostics,
            |state, first, second| {
                (
                    format!(
                        "params `{}` and `{}` would share the builder type parameter `{state}`",
                        first.wire_name, second.wire_name
                    ),
                    "rename one of the params".into(),
                )
            },
        );
        ok &= self.diagnostics.len() == before;
        ok.then_some(params)
    }

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
            if let Err(err) = regex::Regex::new(&pattern.value) {
                let reason = err.to_string().lines().last().unwrap_or_default().trim().to_owned();
                self.error(
                    &pattern.path,
                    format!("the pattern is not a supported regular expression: {reason}"),
                    "patterns use the `regex` crate's syntax (no look-around or backreferences)",
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

    /// The type of a param's value, generating nested structs and enums as needed.
    fn value_type(
        &mut self,
        name: &Located<String>,
        schema: &Schema,
        parent: &str,
        dotted_name: &str,
    ) -> Option<ParamType> {
        let declared = schema.ty.as_ref().map(|t| t.value.as_str());
        // Without `type`, `properties` or `enum` still say what the value is.
        let kind = match declared {
            Some(kind) => kind,
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
            && kind != "string"
        {
            self.error(
                &values.path,
                format!("`enum` is supported on strings, not on `{kind}` params"),
                "list string values, or drop `enum` and describe the allowed values in the description",
            );
            return None;
        }
        match kind {
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
                let item = self.value_type(name, items, parent, dotted_name)?;
                if matches!(item, ParamType::Array(_) | ParamType::Object(_)) {
                    self.error(
                        &items.path,
                        format!("arrays of `{}` are not supported", item.schema_name()),
                        "arrays may hold strings, integers, numbers, booleans or string enums",
                    );
                    return None;
                }
                Some(ParamType::Array(Box::new(item)))
            }
            "object" => {
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
        self.enums.push(enum_type.clone());
        Some(ParamType::Enum(Box::new(enum_type)))
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

#[cfg(test)]
mod tests {
    use super::is_canonical_uuid;

    #[test]
    fn canonical_uuids() {
        assert!(is_canonical_uuid("38ad80fe-8b06-4938-94f4-d4ee80266b07"));
        assert!(is_canonical_uuid("35D6C4D8-C9A9-11EB-B8BC-0242AC130003"));
        assert!(!is_canonical_uuid("b66ab34-8619-49cb-96d1-39b37ede86ea"));
        assert!(!is_canonical_uuid("{CONNECTION_SPEC_ID}"));
        assert!(!is_canonical_uuid("38ad80fe8b06493894f4d4ee80266b07"));
    }
}
