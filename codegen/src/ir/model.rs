//! The validated intermediate representation: Catalog > Connector > AuthScheme > Param.
//!
//! Everything here is known to be consistent: names are valid, unique Rust identifiers, required
//! params exist, types are supported. The emitter turns it into code without further checks.

use std::path::PathBuf;

use crate::spec::{JsonPath, Literal};

/// Where an item came from, for diagnostics about collisions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The spec file.
    pub file: PathBuf,
    /// The place in it.
    pub path: JsonPath,
}

/// Every connector of a run, sorted by module name (so output never depends on file order).
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The connectors.
    pub connectors: Vec<Connector>,
}

/// One connection spec.
#[derive(Clone, Debug)]
pub struct Connector {
    /// The Rust module name, such as `dynamics_online`.
    pub module: String,
    /// The machine name from the spec, such as `dynamics-online`.
    pub machine_name: String,
    /// The connection spec id, sent as `connectionSpec.id`.
    pub spec_id: String,
    /// The connection spec version, sent as `connectionSpec.version`.
    pub version: String,
    /// The spec's description, if it has one.
    pub description: Option<String>,
    /// The auth specs, in spec order.
    pub auth_schemes: Vec<AuthScheme>,
    /// Where the spec was defined.
    pub origin: Origin,
}

/// One auth spec of a connector: a params type and its builder.
#[derive(Clone, Debug)]
pub struct AuthScheme {
    /// The exact auth spec name, sent as `auth.specName`.
    pub spec_name: String,
    /// The auth spec's free-text `type`, if given.
    pub kind: Option<String>,
    /// The schema's description, if it has one.
    pub description: Option<String>,
    /// The params type name, such as `BasicAuthenticationForDynamicsOnline`.
    pub type_name: String,
    /// The builder type name, such as `BasicAuthenticationForDynamicsOnlineBuilder`.
    pub builder_name: String,
    /// The `AnyConnection` variant name.
    pub variant: String,
    /// The params, in spec order.
    pub params: Vec<Param>,
    /// Where the auth spec was defined.
    pub origin: Origin,
}

/// One credential param.
#[derive(Clone, Debug)]
pub struct Param {
    /// The property key, sent in `auth.params`.
    pub wire_name: String,
    /// The Rust field and setter name.
    pub field: String,
    /// The builder's type parameter that tracks whether this (required) param is set.
    pub state: String,
    /// The schema's description (or title), if any.
    pub description: Option<String>,
    /// The value type.
    pub ty: ParamType,
    /// Whether requests must carry it.
    pub required: bool,
    /// Whether it is a secret (`format: password`): held redacted, never printed.
    pub secret: bool,
    /// The schema's `format`, if any.
    pub format: Option<String>,
    /// A regular expression values must match (anywhere in the value, as in JSON Schema).
    pub pattern: Option<String>,
    /// The documented default, if any.
    pub default: Option<Literal>,
}

/// The value type of a param.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// `"type": "string"`.
    String,
    /// `"type": "integer"`.
    Integer,
    /// `"type": "number"`.
    Number,
    /// `"type": "boolean"`.
    Boolean,
}

impl ParamType {
    /// The JSON Schema name of the type.
    pub fn schema_name(&self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
        }
    }
}
