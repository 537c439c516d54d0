//! Explore calls (`GET /connections/{id}/explore?...`): what a source holds, through a base
//! connection, typed by the runtime's [`ExploreRequest`].

use super::connections::response_error;
use super::error::Error;
use super::transport::Call;
use super::{FlowClient, segment};
use crate::{ExploreRequest, ExploreResponse, ResponseError};

impl FlowClient {
    /// `GET /connections/{id}/explore?...`: sends `request` (built with
    /// [`Explore`](crate::Explore): a root or folder listing, a table's columns, a file or REST
    /// preview) and reads the answer into its type `R`. Retried like every `GET`.
    ///
    /// The query of a REST explore carries `sourceParams`, the base64 of the source params, which
    /// may hold secrets: the span records the path template only, transport errors drop the URL,
    /// and an error answer quoting it has it cut out.
    pub async fn explore<R: ExploreResponse>(&self, request: &ExploreRequest<R>) -> Result<R, Error> {
        const REQUEST: &str = "GET /connections/{id}/explore";
        let base = request.base_connection_id().as_str();
        segment(REQUEST, base)?;
        let url = self.url(REQUEST, &request.path_and_query())?;
        let mut redact: Vec<String> = request
            .query_value("sourceParams")
            .map(str::to_owned)
            .into_iter()
            .collect();
        // The percent-encoded form as sent, too.
        redact.extend(
            url.query()
                .unwrap_or_default()
                .split('&')
                .filter_map(|pair| pair.strip_prefix("sourceParams="))
                .map(str::to_owned),
        );
        let answer = self
            .inner
            .send(Call {
                redact,
                ..Call::get(REQUEST, url)
            })
            .await?;
        let response = http::Response::builder()
            .status(answer.status.as_u16())
            .body(answer.body)
            .map_err(|error| response_error(REQUEST, error.to_string()))?;
        request.parse_response(&response).map_err(|error| match error {
            ResponseError::Decode(source) => Error::Decode {
                request: REQUEST,
                id: base.to_owned(),
                source,
            },
            other => response_error(REQUEST, other.to_string()),
        })
    }
}
