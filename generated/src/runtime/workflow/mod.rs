//! The rest of the workflow after a base connection: explore, source connections, target
//! connections and dataflows. Hand-written; generated connector modules implement
//! [`SourceParams`] for their source params type and generated flow-spec types implement
//! [`FlowSpec`] and [`Accepts`].

pub(crate) mod body;
pub(crate) mod column;
pub(crate) mod data;
pub(crate) mod explore;
pub(crate) mod explore_response;
pub(crate) mod flow;
pub(crate) mod flow_spec;
pub(crate) mod ids;
pub(crate) mod schedule;
pub(crate) mod source;
pub(crate) mod source_connection;
pub(crate) mod target_connection;
pub(crate) mod transformation;
