//! The validated intermediate representation and the rules that produce it.

mod lower;
mod model;
pub mod naming;
mod workflow;

pub use lower::{FLOW_SPECS_MODULE, lower};
pub use model::{
    AuthSpec, Connector, DefaultValue, EnumType, EnumValue, FlowSpec, Location, Model, NoAuth, Param, ParamDefault,
    ParamType, ParamsStruct, RustType, Source,
};
pub use workflow::{Frequency, Schedule, SourceFamily, Transformation, WireForm};
