//! Source connections: what a dataflow reads (`/sourceConnections`).

use futures_util::Stream;

use super::FlowClient;
use super::error::Error;
use super::fetched::{Created, Fetched};
use super::filter::SourceConnectionFilter;
use super::resource::to_body;
use crate::{BodyKind, CreateSourceConnection, DecodeMode, ReadSourceConnection, SourceConnectionId, SourceParams};

const PATH: &str = "/sourceConnections";

impl FlowClient {
    /// `POST /sourceConnections`: creates a source connection of `P`'s connector and returns its
    /// id, typed for the flows that accept `P`, and its etag.
    ///
    /// **Not retried** once the request may have reached the service, like
    /// [`create`](Self::create): after an [`Error::Timeout`], [`Error::Transport`] or
    /// [`Error::Server`], look for it by name
    /// ([`list_source_connections`](Self::list_source_connections) with
    /// [`ListFilter::name`](super::ListFilter::name)) before creating it again.
    pub async fn create_source_connection<P: SourceParams>(
        &self,
        body: &CreateSourceConnection<P>,
    ) -> Result<Created<SourceConnectionId<P>>, Error> {
        const REQUEST: &str = "POST /sourceConnections";
        let created = self.create_resource(REQUEST, PATH, to_body(REQUEST, body)?).await?;
        Ok(Created {
            id: SourceConnectionId::new(created.id),
            etag: created.etag,
        })
    }

    /// `GET /sourceConnections/{id}`: the source connection with its server fields, its body read
    /// leniently as `S`: [`CreateSourceConnection<P>`] for one connector (the connection spec, base
    /// connection or provider, `data` and params are checked; [`Error::Decode`] names the member,
    /// never a param's value) or a generated `AnySourceConnection`.
    pub async fn get_source_connection<S: ReadSourceConnection>(
        &self,
        id: impl AsRef<str>,
    ) -> Result<Fetched<S>, Error> {
        let request = "GET /sourceConnections/{id}";
        self.get_resource(request, PATH, id.as_ref(), BodyKind::SourceConnection, read::<S>)
            .await
    }

    /// `GET /sourceConnections` with `filter` (by connector, base connection, name, state, ids, any
    /// member): every match, page after page, lazily, each read like
    /// [`get_source_connection`](Self::get_source_connection). An item that does not fit `S` is an
    /// `Err` item and the stream goes on; paging follows the rules of [`list`](Self::list).
    pub fn list_source_connections<S>(
        &self,
        filter: &SourceConnectionFilter,
    ) -> impl Stream<Item = Result<Fetched<S>, Error>> + Send + 'static
    where
        S: ReadSourceConnection + Send + 'static,
    {
        let request = "GET /sourceConnections";
        self.list_resources(request, PATH, filter, BodyKind::SourceConnection, read::<S>)
    }

    /// `DELETE /sourceConnections/{id}` (204), retried like [`delete`](Self::delete): a 404 after
    /// an earlier attempt that may have reached the service is success, a 404 on the first is
    /// [`Error::NotFound`].
    pub async fn delete_source_connection(&self, id: impl AsRef<str>) -> Result<(), Error> {
        self.delete_resource("DELETE /sourceConnections/{id}", PATH, id.as_ref())
            .await
    }
}

fn read<S: ReadSourceConnection>(value: serde_json::Value) -> Result<S, crate::DecodeError> {
    S::read(value, DecodeMode::Lenient)
}
