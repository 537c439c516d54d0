//! A read-only view of the validated model: what [`Config::validate`](crate::Config::validate)
//! returns, for build scripts and tests that need the generated names (module, type, field and
//! variant of every connector, auth spec and param).
//!
//! Every type is `#[non_exhaustive]`: fields can be read, but values cannot be built outside
//! flow-codegen, and matches on its enums need a wildcard arm, so the model can grow without a
//! breaking release.

pub use crate::ir::{
    AuthSpec, Connector, DefaultValue, EnumType, EnumValue, Location, Model, NoAuth, Param, ParamDefault, ParamType,
    ParamsStruct, RustType,
};
pub use crate::json_path::JsonPath;
pub use crate::spec::Literal;
