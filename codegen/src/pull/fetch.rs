//! `GET /connectionSpecs` and `GET /flowSpecs`, every page, with retries: the only code that
//! talks HTTP.

use std::thread;
use std::time::Duration;

use flow_connectors::{ApiError, RequestError};
use http::HeaderMap;
use serde_json::Value;

use super::options::Settings;

/// The most pages followed before giving up on a paging loop.
const MAX_PAGES: usize = 1000;
/// The most bytes read from one response.
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// Why fetching failed. Messages may quote response bodies; the caller redacts the token.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The service answered with an error status.
    #[error("{}", status_message(.url, *.status, .body, *.attempts))]
    Status {
        /// The URL requested.
        url: String,
        /// The HTTP status.
        status: u16,
        /// What the body said.
        body: Box<ApiError>,
        /// How many attempts were made.
        attempts: u32,
    },
    /// The request did not get an answer.
    #[error(
        "GET {url} failed after {attempts} attempt(s): {message}\n  help: check the base URL (--base-url or FLOW_BASE_URL) and the network"
    )]
    Transport {
        /// The URL requested.
        url: String,
        /// The client's message.
        message: String,
        /// How many attempts were made.
        attempts: u32,
    },
    /// The answer was not a page of specs.
    #[error("GET {url}: {message}")]
    Page {
        /// The URL requested.
        url: String,
        /// What is wrong.
        message: String,
    },
}

/// One line of what an error body says: `error FLOW-1415-400: Bad Request: the auth spec name ...
/// (request id ...)`, or `None` when the body said nothing readable.
fn summary(body: &ApiError) -> Option<String> {
    let mut parts = Vec::new();
    parts.extend(body.code.as_ref().map(|code| format!("error {code}")));
    parts.extend(body.title.clone());
    parts.extend(body.message.clone());
    if parts.is_empty() {
        return None;
    }
    let mut line = parts.join(": ");
    if let Some(id) = &body.request_id {
        line.push_str(&format!(" (request id {id})"));
    }
    Some(line)
}

fn status_message(url: &str, status: u16, body: &ApiError, attempts: u32) -> String {
    let reason = http_reason(status);
    let mut text = format!("Flow Service answered {status} {reason} to GET {url}");
    if attempts > 1 {
        text.push_str(&format!(" (after {attempts} attempts)"));
    }
    if let Some(summary) = summary(body) {
        text.push_str(&format!("\n  {summary}"));
    }
    let raw = body.raw_body.trim();
    if !raw.is_empty() {
        let shown: String = raw.chars().take(2000).collect();
        let cut = if shown.len() < raw.len() { " ..." } else { "" };
        text.push_str(&format!("\n  response body: {shown}{cut}"));
    }
    let help = match status {
        401 => Some(
            "the access token is missing, expired or invalid: get a new one from Adobe IMS and set FLOW_ACCESS_TOKEN (or --access-token)",
        ),
        403 => Some(
            "the credentials are not allowed to read connection specs: check the API key (FLOW_API_KEY), the org id (FLOW_ORG_ID), the sandbox (FLOW_SANDBOX_NAME) and the integration's product profile",
        ),
        400 => Some("check the org id and the sandbox name: Flow Service needs both"),
        404 => Some("check the base URL: it should end in /data/foundation/flowservice"),
        429 | 500..=599 => Some("the service is unavailable or overloaded: try again later, or raise --retries"),
        _ => None,
    };
    if let Some(help) = help {
        text.push_str(&format!("\n  help: {help}"));
    }
    text
}

fn http_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// Every item of every page, and how many pages there were.
#[derive(Debug)]
pub struct Fetched {
    /// The spec objects, in the order served.
    pub items: Vec<Value>,
    /// How many pages were read.
    pub pages: usize,
}

/// Whether a status is worth retrying: 429 and 5xx.
fn retryable(status: u16) -> bool {
    status == 429 || (500..=599).contains(&status)
}

/// The next page's URL: `_links.next.href` is relative to the service root
/// (`/data/foundation/flowservice`); an absolute link is followed only on the base URL's origin, so
/// the credentials never go elsewhere.
pub fn next_url(base: &str, href: &str) -> Result<String, String> {
    let origin_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|i| start + i))
        .unwrap_or(base.len());
    let (origin, base_path) = base.split_at(origin_end);
    if href.starts_with("http://") || href.starts_with("https://") {
        let same_origin = href
            .strip_prefix(origin)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'));
        return if same_origin {
            Ok(href.to_owned())
        } else {
            Err(format!(
                "the next page link `{href}` leaves {origin}; refusing to send credentials there"
            ))
        };
    }
    if !base_path.is_empty() && href.starts_with(&format!("{base_path}/")) {
        return Ok(format!("{origin}{href}"));
    }
    match href.strip_prefix('/') {
        Some(rest) => Ok(format!("{base}/{rest}")),
        None => Ok(format!("{base}/{href}")),
    }
}

/// A Flow Service client for one pull.
pub struct Client<'a> {
    agent: ureq::Agent,
    settings: &'a Settings,
    headers: HeaderMap,
}

impl<'a> Client<'a> {
    /// A client with bounded timeouts that hands error statuses back instead of failing on them,
    /// or the credential that cannot be sent as a header.
    pub fn new(settings: &'a Settings) -> Result<Self, RequestError> {
        let headers = settings.context.headers()?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(120)))
            .user_agent(format!("flow-codegen/{}", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Self {
            agent,
            settings,
            headers,
        })
    }

    /// One request: the status and the body text.
    fn once(&self, url: &str) -> Result<(u16, String), String> {
        let mut request = self.agent.get(url).header("Accept", "application/json");
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let mut response = request.call().map_err(|err| err.to_string())?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
            .map_err(|err| format!("cannot read the response body: {err}"))?;
        Ok((status, body))
    }

    /// GETs `url`, retrying 429, 5xx and network errors with exponential backoff.
    fn get(&self, url: &str, log: &mut dyn FnMut(&str)) -> Result<String, FetchError> {
        let mut attempts = 0;
        let mut delay = self.settings.retry_delay;
        loop {
            attempts += 1;
            let last = attempts > self.settings.retries;
            let problem = match self.once(url) {
                Ok((status, body)) if (200..300).contains(&status) => return Ok(body),
                Ok((status, _)) if retryable(status) && !last => format!("status {status}"),
                Ok((status, body)) => {
                    return Err(FetchError::Status {
                        url: url.to_owned(),
                        status,
                        body: Box::new(ApiError::from_body(status, body.as_bytes())),
                        attempts,
                    });
                }
                Err(message) if !last => message,
                Err(message) => {
                    return Err(FetchError::Transport {
                        url: url.to_owned(),
                        message,
                        attempts,
                    });
                }
            };
            log(&format!(
                "GET {url}: {problem}; retrying in {} ms (attempt {} of {})",
                delay.as_millis(),
                attempts + 1,
                self.settings.retries + 1
            ));
            thread::sleep(delay);
            delay = delay.saturating_mul(2);
        }
    }

    /// Every connection spec: `GET {base}/connectionSpecs`, then each `_links.next.href`.
    pub fn connection_specs(&self, log: &mut dyn FnMut(&str)) -> Result<Fetched, FetchError> {
        self.list("connectionSpecs", log)
    }

    /// Every flow spec: `GET {base}/flowSpecs`, then each `_links.next.href`.
    pub fn flow_specs(&self, log: &mut dyn FnMut(&str)) -> Result<Fetched, FetchError> {
        self.list("flowSpecs", log)
    }

    /// Every item of the listing `GET {base}/{resource}`, page after page.
    fn list(&self, resource: &str, log: &mut dyn FnMut(&str)) -> Result<Fetched, FetchError> {
        let base_url = self.settings.context.base_url();
        let mut url = format!("{base_url}/{resource}");
        let mut seen = Vec::new();
        let mut items = Vec::new();
        loop {
            let body = self.get(&url, log)?;
            let page_error = |message: String| FetchError::Page {
                url: url.clone(),
                message,
            };
            let page: Value =
                serde_json::from_str(&body).map_err(|err| page_error(format!("the response is not JSON ({err})")))?;
            match page.get("items") {
                Some(Value::Array(list)) => items.extend(list.iter().cloned()),
                _ => {
                    return Err(page_error(
                        "the response has no `items` array: is the base URL Flow Service's?".to_owned(),
                    ));
                }
            }
            seen.push(url.clone());
            let next = page
                .pointer("/_links/next/href")
                .and_then(Value::as_str)
                .filter(|href| !href.trim().is_empty());
            let Some(href) = next else {
                return Ok(Fetched {
                    items,
                    pages: seen.len(),
                });
            };
            let next = next_url(base_url, href).map_err(page_error)?;
            if seen.contains(&next) || seen.len() >= MAX_PAGES {
                return Err(page_error(format!(
                    "paging does not end: the next page link `{href}` was already followed"
                )));
            }
            url = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::next_url;

    const BASE: &str = "https://platform.adobe.io/data/foundation/flowservice";

    #[test]
    fn next_links_resolve_against_the_service_root() {
        assert_eq!(
            next_url(BASE, "/connectionSpecs?continuationToken=abc").as_deref(),
            Ok("https://platform.adobe.io/data/foundation/flowservice/connectionSpecs?continuationToken=abc")
        );
        assert_eq!(
            next_url(BASE, "/data/foundation/flowservice/connectionSpecs?start=2").as_deref(),
            Ok("https://platform.adobe.io/data/foundation/flowservice/connectionSpecs?start=2")
        );
        assert_eq!(
            next_url("http://127.0.0.1:9/flow", "connectionSpecs?page=2").as_deref(),
            Ok("http://127.0.0.1:9/flow/connectionSpecs?page=2")
        );
        assert_eq!(
            next_url("http://127.0.0.1:9", "/connectionSpecs?page=2").as_deref(),
            Ok("http://127.0.0.1:9/connectionSpecs?page=2")
        );
    }

    #[test]
    fn absolute_links_stay_on_the_base_origin() {
        assert_eq!(
            next_url(
                BASE,
                "https://platform.adobe.io/data/foundation/flowservice/connectionSpecs?x=1"
            )
            .as_deref(),
            Ok("https://platform.adobe.io/data/foundation/flowservice/connectionSpecs?x=1")
        );
        let elsewhere = next_url(BASE, "https://platform.adobe.io.evil.example/connectionSpecs").unwrap_err();
        assert!(elsewhere.contains("refusing to send credentials"), "{elsewhere}");
    }
}
