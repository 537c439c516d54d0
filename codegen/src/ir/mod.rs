//! The validated intermediate representation and the rules that produce it.

mod lower;
mod model;
pub mod naming;

pub use lower::lower;
pub use model::{AuthScheme, Catalog, Connector, EnumType, EnumValue, NoAuth, Origin, Param, ParamType, ParamsStruct};
