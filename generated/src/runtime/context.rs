//! Who is calling and where: the credentials and headers every Flow Service call carries.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::fmt;

use http::HeaderMap;
use http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use secrecy::{ExposeSecret, SecretString};

use super::error::{MissingContextField, RequestError};

/// The production Flow Service base URL.
pub const DEFAULT_BASE_URL: &str = "https://platform.adobe.io/data/foundation/flowservice";

/// What `Debug` and [`RequestContext::redact`] show in place of the access token.
const REDACTED: &str = "[REDACTED]";

/// The access token, API key, organization and sandbox of every request, and the base URL.
///
/// `Debug` never shows the access token.
#[derive(Clone)]
pub struct RequestContext {
    base_url: String,
    access_token: SecretString,
    api_key: String,
    org_id: String,
    sandbox_name: String,
}

impl RequestContext {
    /// Starts a context; every field but the base URL must be set.
    pub fn builder() -> RequestContextBuilder {
        RequestContextBuilder::default()
    }

    /// The base URL requests go to (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The `x-sandbox-name` header value.
    pub fn sandbox_name(&self) -> &str {
        &self.sandbox_name
    }

    /// A `POST {base}{path}` request with a JSON body and every header Flow Service requires.
    pub fn post_json(&self, path: &str, body: Vec<u8>) -> Result<http::Request<Vec<u8>>, RequestError> {
        let mut request = self.request(http::Method::POST, path, body)?;
        request
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Ok(request)
    }

    /// A `GET {base}{path_and_query}` request with every header Flow Service requires. The caller
    /// percent-encodes what goes into the path and query.
    pub fn get(&self, path_and_query: &str) -> Result<http::Request<Vec<u8>>, RequestError> {
        self.request(http::Method::GET, path_and_query, Vec::new())
    }

    fn request(&self, method: http::Method, path: &str, body: Vec<u8>) -> Result<http::Request<Vec<u8>>, RequestError> {
        let uri = format!("{}{}", self.base_url, path);
        let uri: http::Uri = uri.parse().map_err(|_| RequestError::InvalidUri(uri.clone()))?;
        let mut request = http::Request::builder()
            .method(method)
            .uri(uri)
            .body(body)
            .map_err(|_| RequestError::InvalidUri(self.base_url.clone()))?;
        request.headers_mut().extend(self.headers()?);
        Ok(request)
    }

    /// The headers every Flow Service call carries: `Authorization: Bearer ...` (marked
    /// sensitive), `x-api-key`, `x-gw-ims-org-id` and `x-sandbox-name`.
    pub fn headers(&self) -> Result<HeaderMap, RequestError> {
        let mut token = HeaderValue::try_from(format!("Bearer {}", self.access_token.expose_secret()))
            .map_err(|_| RequestError::InvalidHeader("Authorization"))?;
        token.set_sensitive(true);
        let mut headers = HeaderMap::with_capacity(4);
        headers.insert(AUTHORIZATION, token);
        for (name, value) in [
            ("x-api-key", &self.api_key),
            ("x-gw-ims-org-id", &self.org_id),
            ("x-sandbox-name", &self.sandbox_name),
        ] {
            let value = HeaderValue::try_from(value.as_str()).map_err(|_| RequestError::InvalidHeader(name))?;
            headers.insert(name, value);
        }
        Ok(headers)
    }

    /// `text` with every occurrence of the access token replaced by `[REDACTED]`: for messages
    /// that may quote it, such as an error body echoed by a careless proxy. A "token" shorter than
    /// 8 characters is no IMS token (those run to hundreds of characters); replacing it would only
    /// garble the text, so it is left alone.
    pub fn redact(&self, text: &str) -> String {
        let token = self.access_token.expose_secret();
        if token.chars().count() < 8 {
            text.to_owned()
        } else {
            text.replace(token, REDACTED)
        }
    }
}

impl fmt::Debug for RequestContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestContext")
            .field("base_url", &self.base_url)
            .field("access_token", &REDACTED)
            .field("api_key", &self.api_key)
            .field("org_id", &self.org_id)
            .field("sandbox_name", &self.sandbox_name)
            .finish()
    }
}

/// Builds a [`RequestContext`]. `Debug` never shows the access token.
#[derive(Clone, Default)]
pub struct RequestContextBuilder {
    base_url: Option<String>,
    access_token: Option<SecretString>,
    api_key: Option<String>,
    org_id: Option<String>,
    sandbox_name: Option<String>,
}

impl RequestContextBuilder {
    /// The IMS access token, sent as `Authorization: Bearer ...`. Surrounding whitespace and a
    /// leading `Bearer ` are dropped, so a token copied with its prefix is sent once.
    pub fn access_token(mut self, token: impl Into<String>) -> Self {
        let token = token.into();
        let bare = token.trim();
        let bare = bare.strip_prefix("Bearer ").unwrap_or(bare).trim_start();
        self.access_token = Some(SecretString::from(bare.to_owned()));
        self
    }

    string_setters!(
        /// The API key (the client id), sent as `x-api-key`.
        api_key,
        /// The IMS organization id (`...@AdobeOrg`), sent as `x-gw-ims-org-id`.
        org_id,
        /// The sandbox name (lowercase, such as `prod`), sent as `x-sandbox-name`.
        sandbox_name,
        /// Overrides the base URL ([`DEFAULT_BASE_URL`] otherwise), for a stage host or a test server.
        base_url,
    );

    /// The context, or the first field that is missing.
    pub fn build(self) -> Result<RequestContext, MissingContextField> {
        Ok(RequestContext {
            base_url: self
                .base_url
                .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned())
                .trim_end_matches('/')
                .to_owned(),
            access_token: self.access_token.ok_or(MissingContextField("access_token"))?,
            api_key: self.api_key.ok_or(MissingContextField("api_key"))?,
            org_id: self.org_id.ok_or(MissingContextField("org_id"))?,
            sandbox_name: self.sandbox_name.ok_or(MissingContextField("sandbox_name"))?,
        })
    }
}

impl fmt::Debug for RequestContextBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestContextBuilder")
            .field("base_url", &self.base_url)
            .field("access_token", &self.access_token.as_ref().map(|_| REDACTED))
            .field("api_key", &self.api_key)
            .field("org_id", &self.org_id)
            .field("sandbox_name", &self.sandbox_name)
            .finish()
    }
}

/// Everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) is encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// As [`UNRESERVED`], and `/` kept too (paths in query values read as the docs write them).
const UNRESERVED_AND_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

/// Percent-encodes everything but unreserved characters, and `/` when `keep_slash`.
pub(crate) fn percent_encode(text: &str, keep_slash: bool) -> String {
    let set = if keep_slash { UNRESERVED_AND_SLASH } else { UNRESERVED };
    utf8_percent_encode(text, set).to_string()
}

#[cfg(test)]
mod tests {
    use super::percent_encode;

    #[test]
    fn percent_encoding_keeps_unreserved_characters_only() {
        assert_eq!(percent_encode("a b/c=d+e%", true), "a%20b/c%3Dd%2Be%25");
        assert_eq!(percent_encode("../x", false), "..%2Fx");
        assert_eq!(percent_encode("é", true), "%C3%A9");
    }
}
