//! Reading connections back (`get`, `list`) and updating them (`update`, `update_with_retry`).

use futures_util::Stream;
use reqwest::Method;
use serde_json::Value;

use super::connections::{read_json, response_error};
use super::error::Error;
use super::filter::ConnectionFilter;
use super::transport::Call;
use super::{FlowClient, segment};
use crate::{Connection, Patch, ReadConnection};

/// How many times [`FlowClient::update_with_retry`] reads and patches before giving up.
pub const UPDATE_ATTEMPTS: u32 = 5;

impl FlowClient {
    /// `GET /connections/{id}`: the connection with its server fields (id, etag, state, times,
    /// sandbox) and its params typed as `C`: [`RawConnection`](crate::RawConnection),
    /// [`CreateConnection<A>`](crate::CreateConnection) or the generated `AnyConnection`.
    ///
    /// Read leniently (see [`Connection`]): members and params the spec does not list are
    /// dropped, the spec id, auth spec name, types and required params are checked
    /// ([`Error::Decode`] names the field, never its value). The answer carries the stored
    /// secrets; `C` holds them as `SecretString`.
    pub async fn get<C: ReadConnection>(&self, id: &str) -> Result<Connection<C>, Error> {
        const REQUEST: &str = "GET /connections/{id}";
        let path = format!("/connections/{}", segment(REQUEST, id)?);
        let answer = self.inner.send(Call::get(REQUEST, self.url(REQUEST, &path)?)).await?;
        Connection::from_get_response(&answer.body).map_err(|source| Error::Decode {
            request: REQUEST,
            id: id.to_owned(),
            source,
        })
    }

    /// `GET /connections` with `filter`: every matching connection, page after page. A page is
    /// requested only when the previous one has been consumed; `_links.next.href` (relative to the
    /// base path) leads to the next, and a link off the base URL's origin ends the stream with
    /// [`Error::ForeignLink`]. Each item is read like [`get`](Self::get); an item that does not
    /// fit `C` is an `Err` item and the stream goes on. After an error fetching a page, the
    /// stream ends.
    pub fn list<C>(
        &self,
        filter: &ConnectionFilter,
    ) -> impl Stream<Item = Result<Connection<C>, Error>> + Send + 'static
    where
        C: ReadConnection + Send + 'static,
    {
        const REQUEST: &str = "GET /connections";
        let first = self.first_page(REQUEST, "/connections", filter);
        self.paged(REQUEST, first, |item| {
            let id = item.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            Connection::from_item(item).map_err(|source| Error::Decode {
                request: REQUEST,
                id,
                source,
            })
        })
    }

    /// `PATCH /connections/{id}` with `If-Match: etag` (the etag verbatim, quotes included): applies
    /// `patch` (a [`Patch`] or the typed patch generated for an auth spec, sent as an RFC 6902
    /// array) and returns the connection's new etag. An empty patch sends nothing and returns
    /// `etag`.
    ///
    /// A 412 is [`Error::PreconditionFailed`]: the connection changed since `etag` was read
    /// ([`update_with_retry`](Self::update_with_retry) reads it again). Retried like `GET`: with
    /// `If-Match`, a repeat of a patch that was applied meets a new etag and answers 412 instead
    /// of applying twice.
    pub async fn update(&self, id: &str, etag: &str, patch: impl Into<Patch>) -> Result<String, Error> {
        const REQUEST: &str = "PATCH /connections/{id}";
        let patch = patch.into();
        if patch.is_empty() {
            return Ok(etag.to_owned());
        }
        let path = format!("/connections/{}", segment(REQUEST, id)?);
        let body = patch.to_json_bytes().map_err(|error| Error::Request {
            request: REQUEST,
            message: format!("the patch could not be serialized: {error}"),
        })?;
        let answer = self
            .inner
            .send(Call {
                body: Some(body),
                if_match: Some(etag),
                ..Call::new(REQUEST, Method::PATCH, self.url(REQUEST, &path)?)
            })
            .await?;
        read_json(REQUEST, &answer.body)?
            .get("etag")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| response_error(REQUEST, "no `etag` string".to_owned()))
    }

    /// Reads the connection, builds a patch from it with `change`, and updates it with the etag
    /// just read; on a 412 (someone else changed it in between), reads it again and re-applies
    /// `change`, up to [`UPDATE_ATTEMPTS`] times in all. Returns the new etag, or the last error.
    pub async fn update_with_retry<C, P>(
        &self,
        id: &str,
        mut change: impl FnMut(&Connection<C>) -> P,
    ) -> Result<String, Error>
    where
        C: ReadConnection,
        P: Into<Patch>,
    {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let current = self.get::<C>(id).await?;
            let patch = change(&current).into();
            match self.update(id, &current.etag, patch).await {
                Err(Error::PreconditionFailed { .. }) if attempt < UPDATE_ATTEMPTS => {
                    tracing::debug!(attempt, "the connection changed since it was read; reading it again");
                }
                result => return result,
            }
        }
    }
}
