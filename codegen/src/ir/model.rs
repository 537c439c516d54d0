//! The validated intermediate representation: Model > Connector > AuthSpec > Param.
//!
//! Everything here is known to be consistent: names are valid, unique Rust identifiers, required
//! params exist, types are supported, defaults fit their types. The emitter turns it into code
//! without further checks.

use std::path::PathBuf;

use super::workflow::{Schedule, SourceFamily, Transformation, WireForm};
use crate::json_path::JsonPath;
use crate::spec::Literal;

/// Where an item came from, for diagnostics about collisions.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The spec file.
    pub file: PathBuf,
    /// Where in it.
    pub path: JsonPath,
}

/// Every connector and flow spec of a run, each sorted by name (so output never depends on file
/// order).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Model {
    /// The connectors, by module name.
    pub connectors: Vec<Connector>,
    /// The flow specs, by name (then id).
    pub flow_specs: Vec<FlowSpec>,
}

impl Model {
    /// The flow specs, by name (then id).
    pub fn flow_specs(&self) -> &[FlowSpec] {
        &self.flow_specs
    }

    /// Every `(connector, auth spec)` pair, in model order.
    pub fn auth_specs(&self) -> impl Iterator<Item = (&Connector, &AuthSpec)> {
        self.connectors
            .iter()
            .flat_map(|connector| connector.auth_specs.iter().map(move |auth_spec| (connector, auth_spec)))
    }
}

/// One connection spec.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Connector {
    /// The Rust module name, such as `dynamics_online`.
    pub module: String,
    /// The machine name from the spec, such as `dynamics-online`.
    pub machine_name: String,
    /// The human-readable name (`attributes.uiAttributes.label`), or the machine name.
    pub display_name: String,
    /// The connection spec id, sent as `connectionSpec.id`.
    pub spec_id: String,
    /// The connection spec version, sent as `connectionSpec.version`.
    pub version: String,
    /// The provider id, if the spec names one.
    pub provider_id: Option<String>,
    /// The spec's description, if it has one.
    pub description: Option<String>,
    /// The auth specs, in spec order. Empty for a source whose connections carry no `auth`; then
    /// [`Connector::no_auth`] holds the names generated for that case.
    pub auth_specs: Vec<AuthSpec>,
    /// For a connector without auth specs: the unit type that stands for "no credentials".
    pub no_auth: Option<NoAuth>,
    /// What its source connections take, if the spec has a `sourceSpec`.
    pub source: Option<Source>,
    /// The ids of the run's flow specs that accept its source connections, in id order.
    pub flow_specs: Vec<String>,
    /// Where the spec was defined.
    pub location: Location,
}

/// `object` and the nested params structs its params hold, depth first, in spec order.
fn with_nested<'a>(object: &'a ParamsStruct, out: &mut Vec<&'a ParamsStruct>) {
    out.push(object);
    for param in &object.params {
        if let ParamType::Object(inner) = &param.ty {
            with_nested(inner, out);
        }
    }
}

impl Connector {
    /// What its source connections take, if the spec has a `sourceSpec`.
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    /// Every params struct of the connector: [`auth_params_structs`](Self::auth_params_structs),
    /// then [`source_params_structs`](Self::source_params_structs).
    pub fn params_structs(&self) -> Vec<&ParamsStruct> {
        let mut out = self.auth_params_structs();
        out.extend(self.source_params_structs());
        out
    }

    /// The auth specs' params structs, each followed by the nested ones its params hold (depth
    /// first, in spec order).
    pub fn auth_params_structs(&self) -> Vec<&ParamsStruct> {
        let mut out = Vec::new();
        for auth_spec in &self.auth_specs {
            with_nested(&auth_spec.params, &mut out);
        }
        out
    }

    /// The source params struct (if any), followed by the nested ones its params hold.
    pub fn source_params_structs(&self) -> Vec<&ParamsStruct> {
        let mut out = Vec::new();
        if let Some(source) = &self.source {
            with_nested(&source.params, &mut out);
        }
        out
    }

    /// The enums generated for params with `enum`, each once, in spec order: auth spec by auth
    /// spec (then the source params), param by param, an `object` param's own params before the
    /// next param.
    pub fn enums(&self) -> Vec<&EnumType> {
        fn walk<'a>(ty: &'a ParamType, out: &mut Vec<&'a EnumType>) {
            match ty {
                ParamType::Enum(enum_type) => out.push(enum_type),
                ParamType::Array(item) => walk(item, out),
                ParamType::Object(object) => object.params.iter().for_each(|param| walk(&param.ty, out)),
                ParamType::String
                | ParamType::Integer
                | ParamType::Number
                | ParamType::Boolean
                | ParamType::JsonObject
                | ParamType::Column => {}
            }
        }
        let mut out = Vec::new();
        let roots = self
            .auth_specs
            .iter()
            .map(|a| &a.params)
            .chain(self.source.iter().map(|s| &s.params));
        for params in roots {
            for param in &params.params {
                walk(&param.ty, &mut out);
            }
        }
        out
    }
}

/// The names generated for a connector whose connections carry no `auth`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct NoAuth {
    /// The unit type, `NoAuth`.
    pub type_name: String,
    /// The `AnyConnection` variant name.
    pub variant: String,
}

/// One auth spec of a connector: a params type, its builder and its patch type.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AuthSpec {
    /// The exact auth spec name, sent as `auth.specName`.
    pub spec_name: String,
    /// The auth spec's free-text `type`, if given.
    pub auth_type: Option<String>,
    /// The schema's description, if it has one.
    pub description: Option<String>,
    /// The `AnyConnection` variant name.
    pub variant: String,
    /// The params type, its builder and its params.
    pub params: ParamsStruct,
    /// The typed JSON Patch builder of the auth spec's connections (`{params type}Patch`): one
    /// setter per param, for `PATCH /connections/{id}`.
    pub patch_name: String,
    /// Where the auth spec was defined.
    pub location: Location,
}

/// A generated struct of params with a typestate builder: an auth spec's params, or a nested
/// `object` param.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ParamsStruct {
    /// The struct name, such as `BasicAuthenticationForDynamicsOnline`.
    pub type_name: String,
    /// The builder name, such as `BasicAuthenticationForDynamicsOnlineBuilder`.
    pub builder_name: String,
    /// The params, in spec order.
    pub params: Vec<Param>,
}

impl ParamsStruct {
    /// Whether any param of this struct (not of nested ones) has a pattern to check.
    pub fn has_patterns(&self) -> bool {
        self.params.iter().any(|p| p.pattern.is_some())
    }
}

/// A string `enum` param's type: a Rust enum whose variants carry the exact wire values.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct EnumType {
    /// The enum name, such as `SslMode`.
    pub type_name: String,
    /// The param path it belongs to, for docs (`sslMode`, `requestParameterOverride.method`).
    pub dotted_name: String,
    /// The values, in spec order.
    pub values: Vec<EnumValue>,
}

/// One allowed value of an enum param.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct EnumValue {
    /// The exact string sent on the wire.
    pub wire: String,
    /// The Rust variant name.
    pub variant: String,
}

/// One credential param.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Param {
    /// The property key, sent in `auth.params` (or in its parent object).
    pub wire_name: String,
    /// The dotted path from `auth.params`, used in messages: `clientId`, `override.method`.
    pub dotted_name: String,
    /// The Rust field and setter name.
    pub field: String,
    /// The name of the builder's type parameter that tracks whether this param is set (see
    /// [`Param::tracked`]), which the emitter writes after a `_`: `SslMode` becomes `_SslMode`.
    pub state: String,
    /// The schema's description (or title), if any.
    pub description: Option<String>,
    /// The value type.
    pub ty: ParamType,
    /// Whether the spec lists it in `required`.
    pub required: bool,
    /// Whether it is a secret (`format: password`): held redacted, never printed.
    pub secret: bool,
    /// The schema's `format`, if any.
    pub format: Option<String>,
    /// A regular expression values must match (anywhere in the value, as in JSON Schema).
    pub pattern: Option<String>,
    /// The documented default, already checked against the type.
    pub default: Option<ParamDefault>,
}

/// A param's documented default: as the spec writes it, and the Rust value `build()` fills in.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ParamDefault {
    /// The JSON literal of the spec (for docs, the runtime catalog and diffs).
    pub literal: Literal,
    /// The value, of the param's type.
    pub value: DefaultValue,
}

impl std::fmt::Display for ParamDefault {
    /// The JSON literal, as the spec writes it (`"public"`, `5432`, `true`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.literal.fmt(f)
    }
}

/// The typed value of a default: lowering only keeps defaults that fit their param's type.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DefaultValue {
    /// A string (held as a secret when the param is one).
    String(String),
    /// An integer.
    Integer(i64),
    /// A number (an integer literal on a `number` param included).
    Number(f64),
    /// A boolean.
    Boolean(bool),
    /// One of an enum param's values: the enum type and the variant that holds it.
    Variant {
        /// The enum's type name.
        type_name: String,
        /// The variant.
        variant: String,
    },
}

impl Param {
    /// Whether the builder tracks this param in its type: required and without a default. A
    /// required param with a default is optional in the builder and filled in by `build()`.
    pub fn tracked(&self) -> bool {
        self.required && self.default.is_none()
    }

    /// The Rust type that holds this param's value (without `Option`).
    pub fn rust_type(&self) -> RustType<'_> {
        self.ty.rust_type(self.secret)
    }
}

/// The value type of a param.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ParamType {
    /// `"type": "string"`.
    String,
    /// `"type": "integer"`.
    Integer,
    /// `"type": "number"`.
    Number,
    /// `"type": "boolean"`.
    Boolean,
    /// A string with `enum`: a generated Rust enum (all of a connector's: [`Connector::enums`]).
    Enum(Box<EnumType>),
    /// `"type": "array"` of scalars or enums.
    Array(Box<ParamType>),
    /// `"type": "object"` with its own properties: a nested params struct.
    Object(Box<ParamsStruct>),
    /// A source param's `"type": "object"` without `properties`: a free-form JSON object, the
    /// runtime's `JsonObject`.
    JsonObject,
    /// The item of a source param's array of `{name, type[, xdm][, meta:xdmType]}` objects: a
    /// table column, the runtime's `Column` (what a table explore response lists).
    Column,
}

impl ParamType {
    /// The Rust type that holds a value of this type (without `Option`); `secret` strings are
    /// held as `SecretString`, and so are the items of a secret array.
    pub fn rust_type(&self, secret: bool) -> RustType<'_> {
        match self {
            ParamType::String if secret => RustType::Runtime("SecretString"),
            ParamType::String => RustType::Runtime("String"),
            ParamType::Integer => RustType::Primitive("i64"),
            ParamType::Number => RustType::Primitive("f64"),
            ParamType::Boolean => RustType::Primitive("bool"),
            ParamType::Enum(enum_type) => RustType::Generated(&enum_type.type_name),
            ParamType::Object(object) => RustType::Generated(&object.type_name),
            ParamType::JsonObject => RustType::Runtime("JsonObject"),
            ParamType::Column => RustType::Runtime("Column"),
            ParamType::Array(item) => RustType::Vec(Box::new(item.rust_type(secret))),
        }
    }

    /// The JSON Schema name of the type.
    pub fn schema_name(&self) -> &'static str {
        match self {
            ParamType::String | ParamType::Enum(_) => "string",
            ParamType::Integer => "integer",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
            ParamType::Array(_) => "array",
            ParamType::Object(_) | ParamType::JsonObject | ParamType::Column => "object",
        }
    }
}

/// The Rust type of a param's value, the one fact behind the emitter's tokens, the diff's
/// messages and the API-surface snapshot. `Display` writes it as people read it, without paths
/// (`SecretString`, `Vec<SslMode>`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RustType<'a> {
    /// A primitive type: `i64`, `f64` or `bool`.
    Primitive(&'static str),
    /// A type generated code takes from the runtime (its own, or one it re-exports from `std`):
    /// `String`, `SecretString`, `JsonObject`, `Column`.
    Runtime(&'static str),
    /// A type generated in the connector's module: a string enum or a nested params struct.
    Generated(&'a str),
    /// A `Vec` of the item type.
    Vec(Box<RustType<'a>>),
}

impl std::fmt::Display for RustType<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RustType::Primitive(name) | RustType::Runtime(name) | RustType::Generated(name) => f.write_str(name),
            RustType::Vec(item) => write!(f, "Vec<{item}>"),
        }
    }
}

/// What a connector's source connections take: its spec's `sourceSpec` and `exploreSpec`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Source {
    /// The family, from `exploreSpec.type` (inferred from the params when the type is missing or
    /// unknown, with a warning).
    pub family: SourceFamily,
    /// The `AnySourceConnection` variant name: the connector's name in CamelCase.
    pub variant: String,
    /// Whether a source connection names a base connection: false when the spec has no auth specs
    /// (webhooks), whose source connections send `providerId` instead.
    pub base_connection: bool,
    /// Whether the spec has `sourceSpec.spec`: when not, source connections send no `params`.
    pub sends_params: bool,
    /// The source params type (`SourceParams`, or `{Connector}SourceParams` when an auth spec's
    /// types take that name), its builder and its params, in spec order.
    pub params: ParamsStruct,
    /// `sourceSpec.spec`'s description, if any.
    pub description: Option<String>,
    /// Where `sourceSpec` was defined.
    pub location: Location,
}

/// One flow spec: a generated unit type in the `flow_specs` module.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct FlowSpec {
    /// The unit type's name, such as `CrmToAep`.
    pub type_name: String,
    /// The flow spec id, sent as `flowSpec.id`.
    pub id: String,
    /// The flow spec's name, such as `CRMToAEP`.
    pub name: String,
    /// The flow spec version, sent as `flowSpec.version`.
    pub version: String,
    /// The flow spec's description, if any.
    pub description: Option<String>,
    /// `sourceConnectionSpecIds`, as listed (ids of connectors the run may not have included).
    pub source_connection_spec_ids: Vec<String>,
    /// `targetConnectionSpecIds`, as listed.
    pub target_connection_spec_ids: Vec<String>,
    /// The transformations flow-codegen knows, in spec order.
    pub transformations: Vec<Transformation>,
    /// The names of the transformations it does not know, in spec order (documented, not built).
    pub other_transformations: Vec<String>,
    /// How `mappingVersion` is sent (a string unless the Mapping spec says integer).
    pub mapping_version: WireForm,
    /// The schedule rules, or `None` when the flow spec has no `scheduleSpec`.
    pub schedule: Option<Schedule>,
    /// The modules of the run's connectors with a source whose spec id it lists, in model order.
    pub accepts: Vec<String>,
    /// Where the flow spec was defined.
    pub location: Location,
}
