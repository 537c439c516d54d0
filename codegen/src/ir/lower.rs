//! Lowering: the parsed spec model -> the validated [`Catalog`], with every problem reported.

use std::collections::BTreeMap;
use std::path::Path;

use super::model::{AuthScheme, Catalog, Connector, Origin, Param, ParamType};
use super::naming;
use crate::diagnostic::Diagnostic;
use crate::spec::{AuthSpec, ConnectionSpec, JsonPath, Located, Schema, SpecFile};

/// Builds the catalog from parsed files. Diagnostics (errors and warnings) are appended to
/// `diagnostics`; the catalog is only meaningful when none of them is an error.
pub fn lower(files: &[SpecFile], diagnostics: &mut Vec<Diagnostic>) -> Catalog {
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
    Catalog { connectors }
}

fn origin(file: &Path, path: &JsonPath) -> Origin {
    Origin {
        file: file.to_path_buf(),
        path: path.clone(),
    }
}

/// Reports each group of items that share a key, pointing at every place after the first.
fn report_duplicates<'a, T: 'a>(
    items: impl IntoIterator<Item = (String, &'a T, &'a Origin)>,
    diagnostics: &mut Vec<Diagnostic>,
    message: impl Fn(&str, &T, &T) -> (String, String),
) {
    let mut seen: BTreeMap<String, (&T, &Origin)> = BTreeMap::new();
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
    report_duplicates(
        connectors.iter().map(|c| (c.spec_id.clone(), c, &c.origin)),
        diagnostics,
        |id, _, _| {
            (
                format!("two connection specs share the id `{id}`"),
                "each connection spec id may appear once in a catalogue; remove or correct one of them".into(),
            )
        },
    );
    report_duplicates(
        connectors.iter().map(|c| (c.module.clone(), c, &c.origin)),
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
    report_duplicates(
        connectors
            .iter()
            .flat_map(|c| c.auth_schemes.iter().map(|a| (a.variant.clone(), a, &a.origin))),
        diagnostics,
        |variant, _, _| {
            (
                format!("two auth specs would both generate the `AnyConnection::{variant}` variant"),
                "rename the connector or one of the auth specs so their names differ".into(),
            )
        },
    );
}

fn connector(file: &Path, spec: &ConnectionSpec, diagnostics: &mut Vec<Diagnostic>) -> Option<Connector> {
    let mut ok = true;
    let module = naming::snake(&spec.name.value);
    if module.is_none() {
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
        if value.value.trim().is_empty() {
            diagnostics.push(
                Diagnostic::error(file, &value.path, format!("the {what} is empty"))
                    .with_help(format!("write the {what} the service expects")),
            );
            ok = false;
        }
    }
    let module = module?;
    let camel = naming::camel(&module).unwrap_or_default();
    let auth_schemes: Vec<AuthScheme> = spec
        .auth_specs
        .iter()
        .filter_map(|auth| auth_scheme(file, &camel, auth, diagnostics))
        .collect();
    if auth_schemes.len() != spec.auth_specs.len() {
        ok = false;
    }
    report_duplicates(
        auth_schemes.iter().map(|a| (a.spec_name.clone(), a, &a.origin)),
        diagnostics,
        |name, _, _| {
            (
                format!("the auth spec name `{name}` appears twice in this connection spec"),
                "auth spec names select the auth method in requests and must be unique; rename or remove one".into(),
            )
        },
    );
    // Every type the connector module defines: params types and their builders.
    report_duplicates(
        auth_schemes.iter().flat_map(|a| {
            [
                (a.type_name.clone(), a, &a.origin),
                (a.builder_name.clone(), a, &a.origin),
            ]
        }),
        diagnostics,
        |name, first, second| {
            (
                format!(
                    "auth specs `{}` and `{}` would both generate the Rust type `{name}`",
                    first.spec_name, second.spec_name
                ),
                "rename one of the auth specs so their names differ in more than case and punctuation".into(),
            )
        },
    );
    if !ok {
        return None;
    }
    Some(Connector {
        module,
        machine_name: spec.name.value.clone(),
        spec_id: spec.id.value.clone(),
        version: spec.version.value.clone(),
        description: spec.description.clone(),
        auth_schemes,
        origin: origin(file, &spec.path),
    })
}

fn auth_scheme(
    file: &Path,
    connector_camel: &str,
    auth: &AuthSpec,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<AuthScheme> {
    let name = &auth.name;
    if name.value.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error(file, &name.path, "the auth spec name is empty")
                .with_help("requests select an auth method by this exact name; give it one"),
        );
        return None;
    }
    let Some(type_name) = naming::camel(&name.value) else {
        diagnostics.push(
            Diagnostic::error(
                file,
                &name.path,
                format!("the auth spec name `{}` gives no usable Rust type name", name.value),
            )
            .with_help("auth spec names need at least one ASCII letter or digit"),
        );
        return None;
    };
    let schema = &auth.schema;
    if let Some(ty) = &schema.ty
        && ty.value != "object"
    {
        diagnostics.push(
            Diagnostic::error(
                file,
                &ty.path,
                format!(
                    "an auth spec schema must have `\"type\": \"object\"`, found `{}`",
                    ty.value
                ),
            )
            .with_help("describe the credential params as the properties of an object schema"),
        );
        return None;
    }
    let params = params(file, schema, diagnostics)?;
    Some(AuthScheme {
        spec_name: name.value.clone(),
        kind: auth.kind.clone(),
        description: schema.description.clone(),
        builder_name: format!("{type_name}Builder"),
        variant: format!("{connector_camel}{type_name}"),
        type_name,
        params,
        origin: origin(file, &auth.path),
    })
}

fn unsupported(file: &Path, schema: &Schema, diagnostics: &mut Vec<Diagnostic>) -> bool {
    for keyword in &schema.unsupported {
        diagnostics.push(
            Diagnostic::error(file, &keyword.path, format!("the JSON Schema keyword `{}` is not supported", keyword.value))
                .with_help("flow-codegen supports type, properties, required, default, format and pattern; describe the param with those"),
        );
    }
    !schema.unsupported.is_empty()
}

fn params(file: &Path, schema: &Schema, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<Param>> {
    let mut ok = !unsupported(file, schema, diagnostics);
    for required in &schema.required {
        if !schema.properties.iter().any(|p| p.name.value == required.value) {
            diagnostics.push(
                Diagnostic::warning(
                    file,
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
    let mut params = Vec::new();
    let mut origins = Vec::new();
    for property in &schema.properties {
        let required = schema.required.iter().any(|r| r.value == property.name.value);
        match param(file, &property.name, &property.schema, required, diagnostics) {
            Some(param) => {
                origins.push(origin(file, &property.name.path));
                params.push(param);
            }
            None => ok = false,
        }
    }
    let before = diagnostics.len();
    report_duplicates(
        params.iter().zip(&origins).map(|(p, o)| (p.field.clone(), p, o)),
        diagnostics,
        |field, first, second| {
            (
                format!(
                    "params `{}` and `{}` would both be named `{field}` in Rust",
                    first.wire_name, second.wire_name
                ),
                "params whose names differ only in case or punctuation cannot both be generated; remove one".into(),
            )
        },
    );
    report_duplicates(
        params
            .iter()
            .zip(&origins)
            .filter(|(p, _)| p.required)
            .map(|(p, o)| (p.state.clone(), p, o)),
        diagnostics,
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
    ok &= diagnostics.len() == before;
    ok.then_some(params)
}

fn param(
    file: &Path,
    name: &Located<String>,
    schema: &Schema,
    required: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Param> {
    if unsupported(file, schema, diagnostics) {
        return None;
    }
    let Some(field) = naming::field(&name.value) else {
        diagnostics.push(
            Diagnostic::error(
                file,
                &name.path,
                format!("the param name `{}` gives no usable Rust identifier", name.value),
            )
            .with_help("param names need at least one ASCII letter or digit"),
        );
        return None;
    };
    let Some(ty_name) = &schema.ty else {
        diagnostics.push(
            Diagnostic::error(file, &schema.path, format!("the param `{}` has no `type`", name.value))
                .with_help("add `\"type\": \"string\"` (or integer, number, boolean)"),
        );
        return None;
    };
    let ty = match ty_name.value.as_str() {
        "string" => ParamType::String,
        "integer" => ParamType::Integer,
        "number" => ParamType::Number,
        "boolean" => ParamType::Boolean,
        "object" | "array" => {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    &ty_name.path,
                    format!("params of type `{}` are not supported yet", ty_name.value),
                )
                .with_help("describe the param as a string, integer, number or boolean"),
            );
            return None;
        }
        other => {
            diagnostics.push(
                Diagnostic::error(file, &ty_name.path, format!("unknown type `{other}`"))
                    .with_help("use one of \"string\", \"integer\", \"number\", \"boolean\""),
            );
            return None;
        }
    };
    if let Some(values) = &schema.enum_values {
        diagnostics.push(
            Diagnostic::error(file, &values.path, "`enum` params are not supported yet")
                .with_help("remove `enum` and describe the allowed values in the description"),
        );
        return None;
    }
    let format = schema.format.as_ref().map(|f| f.value.clone());
    let secret = format.as_deref() == Some("password");
    if secret && ty != ParamType::String {
        diagnostics.push(
            Diagnostic::error(
                file,
                &schema.format.as_ref().map_or(schema.path.clone(), |f| f.path.clone()),
                format!(
                    "`format: password` is only allowed on strings, not on a `{}`",
                    ty.schema_name()
                ),
            )
            .with_help("make the secret a string, or drop `format: password`"),
        );
        return None;
    }
    if let Some(pattern) = &schema.pattern {
        if ty != ParamType::String {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    &pattern.path,
                    format!("`pattern` only applies to strings, not to a `{}`", ty.schema_name()),
                )
                .with_help("remove `pattern` or make the param a string"),
            );
            return None;
        }
        if let Err(err) = regex::Regex::new(&pattern.value) {
            let reason = err.to_string().lines().last().unwrap_or_default().trim().to_owned();
            diagnostics.push(
                Diagnostic::error(
                    file,
                    &pattern.path,
                    format!("the pattern is not a supported regular expression: {reason}"),
                )
                .with_help("patterns use the `regex` crate's syntax (no look-around or backreferences)"),
            );
            return None;
        }
    }
    Some(Param {
        wire_name: name.value.clone(),
        state: naming::camel(&field).unwrap_or_else(|| field.clone()),
        field,
        description: schema.description.clone().or_else(|| schema.title.clone()),
        ty,
        required,
        secret,
        format,
        pattern: schema.pattern.as_ref().map(|p| p.value.clone()),
        default: schema.default.as_ref().map(|d| d.value.clone()),
    })
}
