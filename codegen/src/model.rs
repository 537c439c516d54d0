//! A read-only view of the validated model: what [`Config::validate`](crate::Config::validate)
//! returns, for build scripts and tests that need the generated names (module, type, field and
//! variant of every connector, auth spec, source params type, param and flow spec).
//!
//! Its structs are `#[non_exhaustive]`: fields can be read, but a struct cannot be built with a
//! literal outside flow-codegen (a `Model` only comes from `Config::validate`). Its enums are
//! `#[non_exhaustive]` too: a `match` needs a wildcard arm, so a new variant is not a breaking
//! release. `JsonPath` is a value with private parts.

pub use crate::ir::{
    AuthSpec, Connector, DefaultValue, EnumType, EnumValue, FlowSpec, Frequency, Location, Model, NoAuth, Param,
    ParamDefault, ParamType, ParamsStruct, RustType, Schedule, Source, SourceFamily, Transformation, WireForm,
};
pub use crate::json_path::JsonPath;
pub use crate::spec::Literal;
