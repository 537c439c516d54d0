//! Dataflows: a source connection to a target connection under a flow spec (`/flows`).

use futures_util::Stream;

use super::FlowClient;
use super::error::Error;
use super::fetched::{Created, Fetched};
use super::filter::FlowFilter;
use super::resource::to_body;
use crate::{BodyKind, CreateFlow, DecodeError, DecodeMode, FlowId, FlowSpec, ReadFlow};

const PATH: &str = "/flows";

impl FlowClient {
    /// `POST /flows`: creates a dataflow and returns its typed id and etag. **Not retried** once
    /// the request may have reached the service (see
    /// [`create_source_connection`](Self::create_source_connection)): look for it by name
    /// ([`list_flows`](Self::list_flows)) before creating it again.
    pub async fn create_flow<F: FlowSpec>(&self, body: &CreateFlow<F>) -> Result<Created<FlowId>, Error> {
        const REQUEST: &str = "POST /flows";
        let created = self
            .create_resource(REQUEST, PATH, to_body(REQUEST, &body.to_value())?)
            .await?;
        Ok(Created {
            id: FlowId::new(created.id),
            etag: created.etag,
        })
    }

    /// `GET /flows/{id}`: the dataflow with its server fields (its `state` says whether it is
    /// enabled), its body read leniently as `F`: [`CreateFlow<S>`] for one flow spec (the flow
    /// spec id, transformations and schedule are checked against it, taking the string/number
    /// drift the service answers with) or a generated `AnyFlow`.
    pub async fn get_flow<F: ReadFlow>(&self, id: impl AsRef<str>) -> Result<Fetched<F>, Error> {
        self.get_resource("GET /flows/{id}", PATH, id.as_ref(), BodyKind::Flow, read::<F>)
            .await
    }

    /// `GET /flows` with `filter` (by flow spec, name, state, ids, any member): every match, page
    /// after page, lazily, each read like [`get_flow`](Self::get_flow); an item that does not fit
    /// `F` is an `Err` item and the stream goes on.
    pub fn list_flows<F>(&self, filter: &FlowFilter) -> impl Stream<Item = Result<Fetched<F>, Error>> + Send + 'static
    where
        F: ReadFlow + Send + 'static,
    {
        self.list_resources("GET /flows", PATH, filter, BodyKind::Flow, read::<F>)
    }

    /// `DELETE /flows/{id}` (204), retried like [`delete`](Self::delete). Delete a base
    /// connection's flows before the connection ([`Error::InUse`] otherwise).
    pub async fn delete_flow(&self, id: impl AsRef<str>) -> Result<(), Error> {
        self.delete_resource("DELETE /flows/{id}", PATH, id.as_ref()).await
    }
}

fn read<F: ReadFlow>(value: serde_json::Value) -> Result<F, DecodeError> {
    F::read(value, DecodeMode::Lenient)
}
