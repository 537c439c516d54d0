//! Creating, testing and deleting base connections, and reading connection specs.

use futures_util::TryStreamExt;
use serde::Serialize;
use serde_json::Value;

use super::error::Error;
use super::resource::to_body;
use super::transport::Call;
use super::{FlowClient, segment};
use crate::CreatedConnection;

impl FlowClient {
    /// `POST /connections`: creates a base connection from a typed body (a
    /// [`CreateConnection<A>`](crate::CreateConnection) or the generated `AnyConnection`) and
    /// returns its id and etag, verbatim.
    ///
    /// **Not retried** once the request may have reached the service (only a connection that
    /// could not be opened, or a 401 answered before the token was renewed, is tried again): a
    /// second `POST` could create a second connection. After a [`Error::Timeout`],
    /// [`Error::Transport`] or [`Error::Server`], look for the connection by name before creating
    /// it again: [`list`](Self::list) with [`ListFilter::name`](super::ListFilter::name).
    pub async fn create<B: Serialize + ?Sized>(&self, body: &B) -> Result<CreatedConnection, Error> {
        const REQUEST: &str = "POST /connections";
        let body = to_body(REQUEST, body)?;
        self.create_resource(REQUEST, "/connections", body).await
    }

    /// `DELETE /connections/{id}` (204). A connection still used by a flow is
    /// [`Error::InUse`] (`1418-400`). Retried like every call safe to repeat; a 404 after an earlier
    /// attempt that may have reached the service (a 503 or a lost answer) is success: that attempt
    /// deleted it. A 404 on the first attempt is [`Error::NotFound`].
    pub async fn delete(&self, id: &str) -> Result<(), Error> {
        self.delete_resource("DELETE /connections/{id}", "/connections", id)
            .await
    }

    /// `GET /connections/{id}/test`: whether Flow Service can reach the source with the stored
    /// credentials (`{"result": true|false}`).
    pub async fn test(&self, id: &str) -> Result<bool, Error> {
        const REQUEST: &str = "GET /connections/{id}/test";
        let path = format!("/connections/{}/test", segment(REQUEST, id)?);
        let answer = self.inner.send(Call::get(REQUEST, self.url(REQUEST, &path)?)).await?;
        let json = read_json(REQUEST, &answer.body)?;
        json.get("result")
            .and_then(Value::as_bool)
            .ok_or_else(|| response_error(REQUEST, "no boolean `result`".to_owned()))
    }

    /// `GET /connectionSpecs/{id}`: one connection spec, unwrapped from its `{"items": [...]}`.
    ///
    /// As JSON, not a typed struct: a connection spec's members vary from connector to connector,
    /// and reading them is `flow-codegen`'s job (with located diagnostics); this hands over the
    /// document as it is, for saving or for the generator.
    pub async fn get_connection_spec(&self, id: &str) -> Result<Value, Error> {
        const REQUEST: &str = "GET /connectionSpecs/{id}";
        let path = format!("/connectionSpecs/{}", segment(REQUEST, id)?);
        let answer = self.inner.send(Call::get(REQUEST, self.url(REQUEST, &path)?)).await?;
        let mut items = items(REQUEST, read_json(REQUEST, &answer.body)?)?;
        if items.is_empty() {
            return Err(response_error(REQUEST, "`items` is empty".to_owned()));
        }
        Ok(items.swap_remove(0))
    }

    /// `GET /connectionSpecs`: every connection spec (following `_links.next` when the service
    /// pages), as JSON (see [`get_connection_spec`](Self::get_connection_spec) for why).
    pub async fn list_connection_specs(&self) -> Result<Vec<Value>, Error> {
        const REQUEST: &str = "GET /connectionSpecs";
        let first = self.url(REQUEST, "/connectionSpecs");
        self.paged(REQUEST, first, Ok).try_collect().await
    }
}

/// An answer's body as JSON.
pub(crate) fn read_json(request: &'static str, body: &[u8]) -> Result<Value, Error> {
    serde_json::from_slice(body).map_err(|error| {
        // A syntax error's message gives a line and column, never the text around it.
        response_error(request, format!("the body is not JSON ({error})"))
    })
}

/// The `items` array of a `{"items": [...]}` answer.
pub(crate) fn items(request: &'static str, json: Value) -> Result<Vec<Value>, Error> {
    match json {
        Value::Object(mut object) => match object.remove("items") {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(response_error(request, "no `items` array".to_owned())),
        },
        _ => Err(response_error(request, "the body is not a JSON object".to_owned())),
    }
}

pub(crate) fn response_error(request: &'static str, message: String) -> Error {
    Error::Response { request, message }
}
