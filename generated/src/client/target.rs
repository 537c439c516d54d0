//! Target connections: where a dataflow writes, the Data Lake dataset (`/targetConnections`).

use futures_util::Stream;

use super::FlowClient;
use super::error::Error;
use super::fetched::{Created, Fetched};
use super::filter::TargetConnectionFilter;
use super::resource::to_body;
use crate::{BodyKind, CreateTargetConnection, DecodeError, DecodeMode, TargetConnectionId};

const PATH: &str = "/targetConnections";

impl FlowClient {
    /// `POST /targetConnections`: creates a Data Lake target connection and returns its typed id
    /// and etag. **Not retried** once the request may have reached the service (see
    /// [`create_source_connection`](Self::create_source_connection)).
    pub async fn create_target_connection(
        &self,
        body: &CreateTargetConnection,
    ) -> Result<Created<TargetConnectionId>, Error> {
        const REQUEST: &str = "POST /targetConnections";
        let created = self
            .create_resource(REQUEST, PATH, to_body(REQUEST, &body.to_value())?)
            .await?;
        Ok(Created {
            id: TargetConnectionId::new(created.id),
            etag: created.etag,
        })
    }

    /// `GET /targetConnections/{id}`: the target connection with its server fields, its body read
    /// leniently (the Data Lake's connection spec, `data.schema` and `params.dataSetId` are
    /// required; [`Error::Decode`] names what does not fit).
    pub async fn get_target_connection(&self, id: impl AsRef<str>) -> Result<Fetched<CreateTargetConnection>, Error> {
        let request = "GET /targetConnections/{id}";
        self.get_resource(request, PATH, id.as_ref(), BodyKind::TargetConnection, read)
            .await
    }

    /// `GET /targetConnections` with `filter`: every match, page after page, lazily, each read like
    /// [`get_target_connection`](Self::get_target_connection). A sandbox's target connections
    /// include destinations' (other connection specs), which are `Err` items: filter with
    /// `.connection_spec_id(DATA_LAKE_SPEC_ID)` to list the Data Lake's only.
    pub fn list_target_connections(
        &self,
        filter: &TargetConnectionFilter,
    ) -> impl Stream<Item = Result<Fetched<CreateTargetConnection>, Error>> + Send + 'static {
        let request = "GET /targetConnections";
        self.list_resources(request, PATH, filter, BodyKind::TargetConnection, read)
    }

    /// `DELETE /targetConnections/{id}` (204), retried like [`delete`](Self::delete).
    pub async fn delete_target_connection(&self, id: impl AsRef<str>) -> Result<(), Error> {
        self.delete_resource("DELETE /targetConnections/{id}", PATH, id.as_ref())
            .await
    }
}

fn read(value: serde_json::Value) -> Result<CreateTargetConnection, DecodeError> {
    CreateTargetConnection::from_value(value, DecodeMode::Lenient)
}
