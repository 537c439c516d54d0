//! The validated intermediate representation and the rules that produce it.

mod lower;
mod model;
pub mod naming;

pub use lower::lower;
pub use model::{
    AuthSpec, Connector, DefaultValue, EnumType, EnumValue, Location, Model, NoAuth, Param, ParamDefault, ParamType,
    ParamsStruct, RustType,
};
