//! Listings: the service's pages (`_links.next.href`, followed lazily, on the base URL's origin
//! only, never in a circle) as one stream of typed items, and counting base connections.

use std::collections::{HashSet, VecDeque};

use futures_util::Stream;
use reqwest::Url;
use serde_json::Value;

use super::FlowClient;
use super::connections::{items, read_json, response_error};
use super::error::Error;
use super::filter::{ConnectionFilter, ListFilter};
use super::transport::Call;

/// One page of a listing: its items, and the next page's URL.
pub(crate) struct Page {
    pub items: Vec<Value>,
    /// The next page, or why its link is not followed (the items are still good).
    pub next: Result<Option<Url>, Error>,
}

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

    /// The first page's URL of the listing `request` of `path` (`/flows`) with `filter`.
    pub(crate) fn first_page<R>(
        &self,
        request: &'static str,
        path: &str,
        filter: &ListFilter<R>,
    ) -> Result<Url, Error> {
        let mut url = self.url(request, path)?;
        filter.apply(&mut url, false);
        Ok(url)
    }

    /// One page of the listing `request`.
    async fn page(&self, request: &'static str, url: Url, read: &mut HashSet<Url>) -> Result<Page, Error> {
        let answer = self.inner.send(Call::get(request, url.clone())).await?;
        let json = read_json(request, &answer.body)?;
        let next = self.next_link(request, &json, &url, read);
        Ok(Page {
            items: items(request, json)?,
            next,
        })
    }

    /// The items of the listing `request` from its page `first` on, each read by `decode`. A page
    /// is requested only when the previous one has been consumed; `_links.next.href` leads to the
    /// next (see [`next_link`](Self::next_link)). An item `decode` refuses is an `Err` item and
    /// the stream goes on; after an error fetching a page, the stream ends.
    pub(crate) fn paged<T, D>(
        &self,
        request: &'static str,
        first: Result<Url, Error>,
        decode: D,
    ) -> impl Stream<Item = Result<T, Error>> + Send + 'static
    where
        T: Send + 'static,
        D: Fn(Value) -> Result<T, Error> + Send + 'static,
    {
        struct State<D> {
            client: FlowClient,
            request: &'static str,
            decode: D,
            items: VecDeque<Value>,
            next: Option<Result<Url, Error>>,
            read: HashSet<Url>,
        }
        let state = State {
            client: self.clone(),
            request,
            decode,
            items: VecDeque::new(),
            next: Some(first),
            read: HashSet::new(),
        };
        Box::pin(futures_util::stream::unfold(state, |mut state| async move {
            loop {
                if let Some(item) = state.items.pop_front() {
                    let item = (state.decode)(item);
                    return Some((item, state));
                }
                match state.next.take()? {
                    Err(error) => return Some((Err(error), state)),
                    Ok(url) => match state.client.page(state.request, url, &mut state.read).await {
                        Ok(page) => {
                            state.items = page.items.into();
                            state.next = page.next.transpose();
                        }
                        Err(error) => return Some((Err(error), state)),
                    },
                }
            }
        }))
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
        read: &mut HashSet<Url>,
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
