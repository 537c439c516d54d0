//! Explore requests (`GET /connections/{id}/explore?...`), per source family: what exists is
//! decided by the family of the source params type `P`.

use std::fmt;
use std::marker::PhantomData;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Serializer;
use serde::ser::SerializeMap;

use super::data::{FileFormat, FileProperties};
use super::explore_response::{ExploreItem, ExploreResponse, ResponseError, RestPreview, SchemaPreview};
use super::ids::BaseConnectionId;
use super::source::{FileSource, RestSource, SourceFamily, SourceParams, StreamSource, TableSource};
use crate::runtime::context::RequestContext;
use crate::runtime::context::percent_encode;
use crate::runtime::error::RequestError;

/// Families whose sources list objects from a root: [`TableSource`], [`FileSource`] and
/// [`StreamSource`] (Snowflake Streaming lists the tables it streams from).
pub trait ListsRoot: SourceFamily {}
impl ListsRoot for TableSource {}
impl ListsRoot for FileSource {}
impl ListsRoot for StreamSource {}

/// The explore calls of the connector whose source params are `P`; a namespace, never a value:
/// `Explore::<mysql::SourceParams>::root(base)`.
pub struct Explore<P> {
    _never: std::convert::Infallible,
    _params: PhantomData<fn() -> P>,
}

impl<P: SourceParams> Explore<P>
where
    P::Family: ListsRoot,
{
    /// `objectType=root`: the tables, or the files and folders at the root.
    pub fn root(base: &BaseConnectionId) -> ExploreRequest<Vec<ExploreItem>> {
        ExploreRequest::new(base, vec![("objectType", "root".into())])
    }
}

impl<P: SourceParams<Family = TableSource>> Explore<P> {
    /// `objectType=table&object=<path>`: the columns of the table at `path` (an item's `path` from
    /// [`root`](Self::root)); add rows with [`ExploreRequest::preview`].
    pub fn table(base: &BaseConnectionId, path: impl Into<String>) -> ExploreRequest<SchemaPreview> {
        ExploreRequest::new(base, vec![("objectType", "table".into()), ("object", path.into())])
    }
}

impl<P: SourceParams<Family = FileSource>> Explore<P> {
    /// `objectType=folder&object=<path>`: the files and folders in `path`.
    pub fn folder(base: &BaseConnectionId, path: impl Into<String>) -> ExploreRequest<Vec<ExploreItem>> {
        ExploreRequest::new(base, vec![("objectType", "folder".into()), ("object", path.into())])
    }

    /// `objectType=file&object=<path>&fileType=<format>&preview=true` and the properties set: the
    /// columns and first rows of the file at `path`, read as `format` with `properties`.
    pub fn file(
        base: &BaseConnectionId,
        path: impl Into<String>,
        format: FileFormat,
        properties: &FileProperties,
    ) -> ExploreRequest<SchemaPreview> {
        let mut query = vec![
            ("objectType", "file".into()),
            ("object", path.into()),
            ("fileType", format.as_str().into()),
            ("preview", "true".into()),
        ];
        query.extend(properties.pairs());
        ExploreRequest::new(base, query)
    }
}

impl<P: SourceParams<Family = RestSource>> Explore<P> {
    /// `objectType=rest&object=<object>&fileType=json&preview=true&sourceParams=<base64>`: a
    /// preview of the records the source connection with `params` would read. `sourceParams` is
    /// the standard base64 (padded) of the compact JSON of `params`, the same `params` the source
    /// connection sends, so the two cannot disagree.
    pub fn rest(
        base: &BaseConnectionId,
        object: impl Into<String>,
        params: &P,
    ) -> Result<ExploreRequest<RestPreview>, serde_json::Error> {
        let json = serde_json::to_vec(&ParamsJson(params))?;
        let query = vec![
            ("objectType", "rest".into()),
            ("object", object.into()),
            ("fileType", "json".into()),
            ("preview", "true".into()),
            ("sourceParams", STANDARD.encode(json)),
        ];
        Ok(ExploreRequest::new(base, query))
    }
}

struct ParamsJson<'a, P>(&'a P);

impl<P: SourceParams> serde::Serialize for ParamsJson<'_, P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.write_params(&mut map)?;
        map.end()
    }
}

/// One explore call, answered by an `R`. `Debug` does not show `sourceParams`.
#[derive(Clone)]
pub struct ExploreRequest<R> {
    base: BaseConnectionId,
    query: Vec<(&'static str, String)>,
    response: PhantomData<fn() -> R>,
}

impl<R: ExploreResponse> ExploreRequest<R> {
    fn new(base: &BaseConnectionId, query: Vec<(&'static str, String)>) -> Self {
        Self {
            base: base.clone(),
            query,
            response: PhantomData,
        }
    }

    /// The base connection explored (the `{id}` of `/connections/{id}/explore`).
    pub fn base_connection_id(&self) -> &BaseConnectionId {
        &self.base
    }

    /// The query's `(name, value)` pairs, in the order sent, not encoded.
    pub fn query(&self) -> &[(&'static str, String)] {
        &self.query
    }

    /// The value of the query param `name`, not encoded.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }

    /// `/connections/{id}/explore?...`, every value percent-encoded.
    pub fn path_and_query(&self) -> String {
        let query: Vec<String> = self
            .query
            .iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(value, true)))
            .collect();
        format!(
            "/connections/{}/explore?{}",
            percent_encode(self.base.as_str(), false),
            query.join("&")
        )
    }

    /// The complete HTTP request: `GET {base}/connections/{id}/explore?...` with the context's
    /// headers.
    pub fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        context.get(&self.path_and_query())
    }

    /// Reads the answer: `R` for a 2xx with the documented shape, otherwise the service's error
    /// (or what is wrong with the body).
    pub fn parse_response<B: AsRef<[u8]>>(&self, response: &http::Response<B>) -> Result<R, ResponseError> {
        super::explore_response::parse(response)
    }

    fn set(mut self, name: &'static str, value: String) -> Self {
        match self.query.iter_mut().find(|(key, _)| *key == name) {
            Some(entry) => entry.1 = value,
            None => self.query.push((name, value)),
        }
        self
    }
}

impl ExploreRequest<SchemaPreview> {
    /// Sets `preview`: whether the answer carries sample rows (`data`) besides the columns.
    pub fn preview(self, preview: bool) -> Self {
        self.set("preview", preview.to_string())
    }
}

impl ExploreRequest<RestPreview> {
    /// Sets `preview` (`true` unless changed).
    pub fn preview(self, preview: bool) -> Self {
        self.set("preview", preview.to_string())
    }
}

impl<R> fmt::Debug for ExploreRequest<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query: Vec<(&str, &str)> = self
            .query
            .iter()
            .map(|(key, value)| match *key {
                "sourceParams" => (*key, "[REDACTED]"),
                _ => (*key, value.as_str()),
            })
            .collect();
        f.debug_struct("ExploreRequest")
            .field("base", &self.base)
            .field("query", &query)
            .finish()
    }
}
