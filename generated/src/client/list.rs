//! Listing and counting base connections: typed filters, and the service's pages.

use reqwest::Url;
use serde_json::Value;

use super::FlowClient;
use super::connections::{items, read_json, response_error};
use super::error::Error;
use super::transport::Call;
use crate::ConnectionState;

/// The direction of an `orderby`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// `+field`.
    Ascending,
    /// `-field`.
    Descending,
}

/// Which connections [`FlowClient::list`] and [`FlowClient::count`] return: every filter set is
/// sent as its own `property=` query parameter, and the service combines them with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectionFilter {
    connection_spec_id: Option<String>,
    state: Option<ConnectionState>,
    name: Option<String>,
    ids: Vec<String>,
    order_by: Option<(String, SortOrder)>,
    limit: Option<u32>,
}

impl ConnectionFilter {
    /// Every connection of the sandbox.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only connections of this connector (`property=connectionSpec.id==...`); for a generated
    /// params type `A`, pass `A::CONNECTION_SPEC_ID`.
    pub fn connection_spec_id(mut self, id: impl Into<String>) -> Self {
        self.connection_spec_id = Some(id.into());
        self
    }

    /// Only connections in this state (`property=state==...`).
    pub fn state(mut self, state: ConnectionState) -> Self {
        self.state = Some(state);
        self
    }

    /// Only connections with this exact name (`property=name==...`).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Only these connections (`property=id==a,b`).
    pub fn ids<S: Into<String>>(mut self, ids: impl IntoIterator<Item = S>) -> Self {
        self.ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Sorted by a field (`orderby=+name`, `orderby=-createdAt`).
    pub fn order_by(mut self, field: impl Into<String>, order: SortOrder) -> Self {
        self.order_by = Some((field.into(), order));
        self
    }

    /// At most this many connections per page (`limit`); [`FlowClient::list`] still follows
    /// every page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The `property=` filters, as sent.
    fn properties(&self) -> Vec<String> {
        let mut properties = Vec::new();
        properties.extend(
            self.connection_spec_id
                .as_ref()
                .map(|id| format!("connectionSpec.id=={id}")),
        );
        properties.extend(self.state.as_ref().map(|state| format!("state=={state}")));
        properties.extend(self.name.as_ref().map(|name| format!("name=={name}")));
        if !self.ids.is_empty() {
            properties.push(format!("id=={}", self.ids.join(",")));
        }
        properties
    }

    /// `url` with this filter's query: the `property=` filters, and `orderby` and `limit` unless
    /// only counting (the service refuses `limit` with `count`).
    pub(crate) fn apply(&self, url: &mut Url, count: bool) {
        let mut query = url.query_pairs_mut();
        for property in self.properties() {
            query.append_pair("property", &property);
        }
        if count {
            query.append_pair("count", "true");
        } else {
            if let Some((field, order)) = &self.order_by {
                let sign = match order {
                    SortOrder::Ascending => '+',
                    SortOrder::Descending => '-',
                };
                query.append_pair("orderby", &format!("{sign}{field}"));
            }
            if let Some(limit) = self.limit {
                query.append_pair("limit", &limit.to_string());
            }
        }
        drop(query);
        if url.query() == Some("") {
            url.set_query(None);
        }
    }
}

/// One page of `GET /connections`: its items, and the next page's URL.
pub(crate) struct Page {
    pub items: Vec<Value>,
    /// The next page, or why its link is not followed (the items are still good).
    pub next: Result<Option<Url>, Error>,
}

pub(crate) const LIST: &str = "GET /connections";

impl FlowClient {
    /// `GET /connections?count=true`: how many connections match `filter` (its `orderby` and
    /// `limit` are not sent).
    pub async fn count(&self, filter: &ConnectionFilter) -> Result<u64, Error> {
        const REQUEST: &str = "GET /connections?count=true";
        let mut url = self.url(REQUEST, "/connections")?;
        filter.apply(&mut url, true);
        let answer = self.inner.send(Call::get(REQUEST, url)).await?;
        read_json(REQUEST, &answer.body)?
            .get("count")
            .and_then(Value::as_u64)
            .ok_or_else(|| response_error(REQUEST, "no numeric `count`".to_owned()))
    }

    /// The first page's URL of a listing.
    pub(crate) fn first_page(&self, filter: &ConnectionFilter) -> Result<Url, Error> {
        let mut url = self.url(LIST, "/connections")?;
        filter.apply(&mut url, false);
        Ok(url)
    }

    /// One page of a listing.
    pub(crate) async fn page(&self, url: Url, read: &mut std::collections::HashSet<Url>) -> Result<Page, Error> {
        let answer = self.inner.send(Call::get(LIST, url.clone())).await?;
        let json = read_json(LIST, &answer.body)?;
        let next = self.next_link(LIST, &json, &url, read);
        Ok(Page {
            items: items(LIST, json)?,
            next,
        })
    }

    /// `_links.next.href` as a URL: relative to the base path (`/connections?continuationToken=...`),
    /// or absolute on the base URL's origin. A link elsewhere is [`Error::ForeignLink`] (it would
    /// carry the token away); a link to the page just read ends the listing, and a link to any
    /// earlier page of it (`read`: every page read so far) is an error, so a service that pages
    /// in a circle cannot make a listing endless.
    pub(crate) fn next_link(
        &self,
        request: &'static str,
        json: &Value,
        current: &Url,
        read: &mut std::collections::HashSet<Url>,
    ) -> Result<Option<Url>, Error> {
        read.insert(current.clone());
        let href = json
            .pointer("/_links/next/href")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|href| !href.is_empty());
        let Some(href) = href else { return Ok(None) };
        let base = self.url(request, "")?;
        let url = if href.starts_with("http://") || href.starts_with("https://") {
            Url::parse(href).ok()
        } else if href.starts_with('/') {
            Url::parse(&format!("{}{href}", self.inner.base)).ok()
        } else {
            Url::parse(&format!("{}/{href}", self.inner.base)).ok()
        };
        let origin = base.origin().ascii_serialization();
        match url {
            Some(url) if url == *current => Ok(None),
            Some(url) if read.contains(&url) => Err(response_error(
                request,
                format!("the next page link `{href}` leads back to a page already read"),
            )),
            Some(url) if url.origin() == base.origin() => Ok(Some(url)),
            _ => Err(Error::ForeignLink {
                request,
                href: href.to_owned(),
                origin,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_properties() {
        let filter = ConnectionFilter::new()
            .connection_spec_id("ecadc60c")
            .state(ConnectionState::Enabled)
            .name("My S3")
            .ids(["a", "b"])
            .order_by("name", SortOrder::Descending)
            .limit(2);
        let mut url = Url::parse("https://platform.adobe.io/data/foundation/flowservice/connections").unwrap();
        filter.apply(&mut url, false);
        assert_eq!(
            url.query(),
            Some(
                "property=connectionSpec.id%3D%3Decadc60c&property=state%3D%3Denabled&property=name%3D%3DMy+S3\
                 &property=id%3D%3Da%2Cb&orderby=-name&limit=2"
            )
        );
        let mut url = Url::parse("https://h/connections").unwrap();
        filter.apply(&mut url, true);
        assert!(url.query().unwrap().ends_with("&count=true"), "{url}");
        let mut url = Url::parse("https://h/connections").unwrap();
        ConnectionFilter::new().apply(&mut url, false);
        assert_eq!(url.as_str(), "https://h/connections");
    }
}
