//! The validated intermediate representation and the rules that produce it.

mod lower;
mod model;
pub mod naming;
mod workflow;

pub use lower::{FLOW_SPECS_MODULE, lower};
pub use model::{
    AuthSpec, Connector, DefaultValue, EnumType, EnumValue, Location, Model, NoAuth, Param, ParamDefault, ParamType,
    ParamsStruct, RustType,
};
pub use workflow::{FlowSpec, Frequency, Schedule, Source, SourceFamily, Transformation, WireForm};
