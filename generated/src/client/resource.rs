//! The calls every Flow Service resource shares: create (`POST /things`), get (`GET
//! /things/{id}`), list (`GET /things`, paged) and delete (`DELETE /things/{id}`); each resource's
//! file names its paths and body types and calls these.

use futures_util::Stream;
use reqwest::Method;
use serde::Serialize;
use serde_json::Value;

use super::connections::{items, read_json, response_error};
use super::error::Error;
use super::fetched::Fetched;
use super::filter::ListFilter;
use super::transport::Call;
use super::{FlowClient, segment};
use crate::{BodyKind, CreatedConnection, DecodeError};

/// `body` as JSON for `request`.
pub(crate) fn to_body<B: Serialize + ?Sized>(request: &'static str, body: &B) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(body).map_err(|error| Error::Request {
        request,
        message: format!("the body could not be serialized: {error}"),
    })
}

impl FlowClient {
    /// `POST {path}` with `body`: the new resource's id and etag. Not retried once the request may
    /// have reached the service (see [`Call`]): a second `POST` would create a second resource.
    pub(crate) async fn create_resource(
        &self,
        request: &'static str,
        path: &str,
        body: Vec<u8>,
    ) -> Result<CreatedConnection, Error> {
        let answer = self
            .inner
            .send(Call {
                body: Some(body),
                ..Call::new(request, Method::POST, self.url(request, path)?)
            })
            .await?;
        let response = http::Response::builder()
            .status(answer.status.as_u16())
            .body(answer.body)
            .map_err(|error| response_error(request, error.to_string()))?;
        CreatedConnection::from_response(&response).map_err(|_| {
            response_error(
                request,
                format!("a {} answer without `id` and `etag` strings", answer.status),
            )
        })
    }

    /// `GET {prefix}/{id}`: the one item of `{"items": [...]}`, its server fields read into a
    /// [`Fetched`] and the rest by `read`.
    pub(crate) async fn get_resource<T>(
        &self,
        request: &'static str,
        prefix: &str,
        id: &str,
        kind: BodyKind,
        read: impl FnOnce(Value) -> Result<T, DecodeError>,
    ) -> Result<Fetched<T>, Error> {
        let path = format!("{prefix}/{}", segment(request, id)?);
        let answer = self.inner.send(Call::get(request, self.url(request, &path)?)).await?;
        let items = items(request, read_json(request, &answer.body)?)?;
        let count = items.len();
        let [item] = <[Value; 1]>::try_from(items).map_err(|_| {
            response_error(
                request,
                format!("`items` should hold exactly one item, but holds {count}"),
            )
        })?;
        Fetched::from_item(item, kind, read).map_err(|source| Error::Decode {
            request,
            id: id.to_owned(),
            source,
        })
    }

    /// `GET {path}` with `filter`, page after page (see [`paged`](Self::paged)), each item read
    /// into a [`Fetched`] like [`get_resource`](Self::get_resource).
    pub(crate) fn list_resources<R, T>(
        &self,
        request: &'static str,
        path: &str,
        filter: &ListFilter<R>,
        kind: BodyKind,
        read: fn(Value) -> Result<T, DecodeError>,
    ) -> impl Stream<Item = Result<Fetched<T>, Error>> + Send + 'static
    where
        T: Send + 'static,
    {
        let first = self.first_page(request, path, filter);
        self.paged(request, first, move |item| {
            let id = item.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            Fetched::from_item(item, kind, read).map_err(|source| Error::Decode { request, id, source })
        })
    }

    /// `DELETE {prefix}/{id}` (204), retried like every call safe to repeat; a 404 after an
    /// earlier attempt that may have reached the service is success.
    pub(crate) async fn delete_resource(&self, request: &'static str, prefix: &str, id: &str) -> Result<(), Error> {
        let path = format!("{prefix}/{}", segment(request, id)?);
        let call = Call::new(request, Method::DELETE, self.url(request, &path)?);
        self.inner.send(call).await.map(drop)
    }
}
