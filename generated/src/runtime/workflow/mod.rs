//! The rest of the workflow after a base connection: explore, source connections, target
//! connections and dataflows. Hand-written; generated connector modules implement
//! [`SourceParams`] for their source params type and generated flow-spec types implement
//! [`FlowSpec`] and [`Accepts`].

pub(crate) mod column;
pub(crate) mod flow_spec;
pub(crate) mod ids;
pub(crate) mod source;
