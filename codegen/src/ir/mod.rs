//! The validated intermediate representation and the rules that produce it.

mod lower;
mod model;
pub mod naming;

pub use lower::lower;
pub use model::{
    AuthScheme, Catalog, Connector, DefaultValue, EnumType, EnumValue, NoAuth, Origin, Param, ParamDefault, ParamType,
    ParamsStruct,
};
