//! What generated code says about a connector's source connections: its source params type
//! implements [`SourceParams`], whose associated types decide, at compile time, the family (how
//! the source is explored and which `data.format` it sends) and whether a source connection
//! names a base connection.

use std::fmt::Debug;

use super::data::{FileData, RestData, SourceData, StreamData, TableData};
use crate::runtime::params::ParamObject;

/// How a source is explored and what its source connection sends as `data`; from the connection
/// spec's `exploreSpec.type`. Implemented only by [`TableSource`], [`FileSource`],
/// [`RestSource`] and [`StreamSource`].
pub trait SourceFamily: sealed::Sealed + 'static {
    /// The family's name in the catalog and in messages: `table`, `file`, `rest`, `stream`.
    const NAME: &'static str;
    /// The `data` member its source connections send: [`TableData`], [`FileData`], [`RestData`]
    /// or [`StreamData`].
    type Data: SourceData;
}

/// Table sources (databases, CRMs): explored by `objectType=root`, then
/// `objectType=table&object=<path>`; `data.format` is `tabular`.
#[derive(Clone, Copy, Debug)]
pub enum TableSource {}

/// File sources (cloud storage): explored by folder and file; `data.format` is `delimited`,
/// `json` or `parquet`, with file properties.
#[derive(Clone, Copy, Debug)]
pub enum FileSource {}

/// REST sources (built with the Sources SDK): explored with `objectType=rest` and the source
/// params, base64-encoded; `data.format` is `json`.
#[derive(Clone, Copy, Debug)]
pub enum RestSource {}

/// Streaming sources: not explored; `data.format` is `json` when sent.
#[derive(Clone, Copy, Debug)]
pub enum StreamSource {}

impl SourceFamily for TableSource {
    const NAME: &'static str = "table";
    type Data = TableData;
}
impl SourceFamily for FileSource {
    const NAME: &'static str = "file";
    type Data = FileData;
}
impl SourceFamily for RestSource {
    const NAME: &'static str = "rest";
    type Data = RestData;
}
impl SourceFamily for StreamSource {
    const NAME: &'static str = "stream";
    type Data = StreamData;
}

/// Whether a connector's source connections name a base connection: [`WithBaseConnection`] for
/// every connector with auth specs, [`NoBaseConnection`] for those without (webhooks), whose
/// source connections send the top-level `providerId` instead.
pub trait SourceBase: sealed::Sealed + 'static {
    /// Whether source connections send `baseConnectionId` (else the top-level `providerId`).
    const HAS_BASE_CONNECTION: bool;
}

/// Source connections of this connector send `baseConnectionId`.
#[derive(Clone, Copy, Debug)]
pub enum WithBaseConnection {}

/// Source connections of this connector have no base connection and send `providerId`.
#[derive(Clone, Copy, Debug)]
pub enum NoBaseConnection {}

impl SourceBase for WithBaseConnection {
    const HAS_BASE_CONNECTION: bool = true;
}
impl SourceBase for NoBaseConnection {
    const HAS_BASE_CONNECTION: bool = false;
}

/// A connector's source params: the `params` of its `POST /sourceConnections` body, from the
/// connection spec's `sourceSpec.spec`. Generated per connector that has a `sourceSpec`.
pub trait SourceParams: ParamObject + Clone + Debug + 'static {
    /// The connector's machine name, such as `mysql`.
    const CONNECTOR: &'static str;
    /// The connection spec id, sent as `connectionSpec.id`.
    const CONNECTION_SPEC_ID: &'static str;
    /// The connection spec version, sent as `connectionSpec.version`.
    const CONNECTION_SPEC_VERSION: &'static str;
    /// The provider id of the spec, sent as the top-level `providerId` when there is no base
    /// connection.
    const PROVIDER_ID: Option<&'static str>;
    /// Whether the spec has a `sourceSpec.spec` at all: when not, the body has no `params`.
    const SENDS_PARAMS: bool;
    /// How the source is explored and what `data` its source connection sends.
    type Family: SourceFamily;
    /// Whether its source connections name a base connection.
    type Base: SourceBase;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::TableSource {}
    impl Sealed for super::FileSource {}
    impl Sealed for super::RestSource {}
    impl Sealed for super::StreamSource {}
    impl Sealed for super::WithBaseConnection {}
    impl Sealed for super::NoBaseConnection {}
}
