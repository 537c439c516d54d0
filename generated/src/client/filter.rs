//! Which items a listing returns: `property=` filters, `orderby` and `limit`, typed by the
//! resource listed so that a filter one resource does not have cannot be set.

use std::fmt;
use std::marker::PhantomData;

use reqwest::Url;

use crate::{BaseConnectionId, ConnectionState};

/// The direction of an `orderby`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// `+field`.
    Ascending,
    /// `-field`.
    Descending,
}

/// Base connections (`GET /connections`), for [`ListFilter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Connections {}
/// Source connections (`GET /sourceConnections`), for [`ListFilter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceConnections {}
/// Target connections (`GET /targetConnections`), for [`ListFilter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetConnections {}
/// Dataflows (`GET /flows`), for [`ListFilter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flows {}
/// Flow runs (`GET /runs`): only [`FlowClient::runs`](super::FlowClient::runs) lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Runs {}

/// Which base connections [`FlowClient::list`](super::FlowClient::list) and
/// [`FlowClient::count`](super::FlowClient::count) return.
pub type ConnectionFilter = ListFilter<Connections>;
/// Which source connections [`FlowClient::list_source_connections`](super::FlowClient::list_source_connections) returns.
pub type SourceConnectionFilter = ListFilter<SourceConnections>;
/// Which target connections [`FlowClient::list_target_connections`](super::FlowClient::list_target_connections) returns.
pub type TargetConnectionFilter = ListFilter<TargetConnections>;
/// Which dataflows [`FlowClient::list_flows`](super::FlowClient::list_flows) returns.
pub type FlowFilter = ListFilter<Flows>;

/// Which items of the resource `R` a listing returns: every filter set is sent as its own
/// `property=field==value` query parameter, and the service combines them with AND. Setting the
/// same field again replaces its value. Use the aliases: [`ConnectionFilter`],
/// [`SourceConnectionFilter`], [`TargetConnectionFilter`], [`FlowFilter`].
pub struct ListFilter<R> {
    properties: Vec<(String, String)>,
    order_by: Option<(String, SortOrder)>,
    limit: Option<u32>,
    resource: PhantomData<fn() -> R>,
}

impl<R> ListFilter<R> {
    /// Every item of the sandbox.
    pub fn new() -> Self {
        Self {
            properties: Vec::new(),
            order_by: None,
            limit: None,
            resource: PhantomData,
        }
    }

    /// Only items whose member at the dotted path `field` equals `value`
    /// (`property=field==value`): any member of the resource, such as `params.tableName` of a
    /// source connection. Arrays take `[]` in the path (`transformations[].name`).
    pub fn property(self, field: impl Into<String>, value: impl Into<String>) -> Self {
        self.set(field.into(), value.into())
    }

    /// Only items with this exact name (`property=name==...`).
    pub fn name(self, name: impl Into<String>) -> Self {
        self.set("name".into(), name.into())
    }

    /// Only these items (`property=id==a,b`); no ids removes the filter.
    pub fn ids<S: Into<String>>(self, ids: impl IntoIterator<Item = S>) -> Self {
        let ids: Vec<String> = ids.into_iter().map(Into::into).collect();
        if ids.is_empty() {
            let mut filter = self;
            filter.properties.retain(|(field, _)| field != "id");
            filter
        } else {
            self.set("id".into(), ids.join(","))
        }
    }

    /// Only items in this state (`property=state==...`).
    pub fn state(self, state: ConnectionState) -> Self {
        self.set("state".into(), state.as_wire().to_owned())
    }

    /// Sorted by a field (`orderby=+name`, `orderby=-createdAt`).
    pub fn order_by(mut self, field: impl Into<String>, order: SortOrder) -> Self {
        self.order_by = Some((field.into(), order));
        self
    }

    /// At most this many items per page (`limit`); listings still follow every page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    fn set(mut self, field: String, value: String) -> Self {
        match self.properties.iter_mut().find(|(set, _)| *set == field) {
            Some(entry) => entry.1 = value,
            None => self.properties.push((field, value)),
        }
        self
    }

    /// `url` with this filter's query: the `property=` filters, and `orderby` and `limit` unless
    /// only counting (the service refuses `limit` with `count`).
    pub(crate) fn apply(&self, url: &mut Url, count: bool) {
        let mut query = url.query_pairs_mut();
        for (field, value) in &self.properties {
            query.append_pair("property", &format!("{field}=={value}"));
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

impl ListFilter<Connections> {
    /// Only connections of this connector (`property=connectionSpec.id==...`); for a generated
    /// params type `A`, pass `A::CONNECTION_SPEC_ID`.
    pub fn connection_spec_id(self, id: impl Into<String>) -> Self {
        self.set("connectionSpec.id".into(), id.into())
    }
}

impl ListFilter<SourceConnections> {
    /// Only source connections of this connector (`property=connectionSpec.id==...`); for a
    /// generated source params type `P`, pass `P::CONNECTION_SPEC_ID`.
    pub fn connection_spec_id(self, id: impl Into<String>) -> Self {
        self.set("connectionSpec.id".into(), id.into())
    }

    /// Only source connections reading through this base connection
    /// (`property=baseConnectionId==...`).
    pub fn base_connection_id(self, id: &BaseConnectionId) -> Self {
        self.set("baseConnectionId".into(), id.as_str().to_owned())
    }
}

impl ListFilter<TargetConnections> {
    /// Only target connections of this connection spec (`property=connectionSpec.id==...`):
    /// [`DATA_LAKE_SPEC_ID`](crate::DATA_LAKE_SPEC_ID) for the Data Lake's.
    pub fn connection_spec_id(self, id: impl Into<String>) -> Self {
        self.set("connectionSpec.id".into(), id.into())
    }
}

impl ListFilter<Flows> {
    /// Only dataflows of this flow spec (`property=flowSpec.id==...`); for a flow spec type `F`,
    /// pass `F::ID`.
    pub fn flow_spec_id(self, id: impl Into<String>) -> Self {
        self.set("flowSpec.id".into(), id.into())
    }
}

// Written out: derives would require `R: Default` and so on, and `R` is only a marker.
impl<R> Default for ListFilter<R> {
    fn default() -> Self {
        Self::new()
    }
}

impl<R> Clone for ListFilter<R> {
    fn clone(&self) -> Self {
        Self {
            properties: self.properties.clone(),
            order_by: self.order_by.clone(),
            limit: self.limit,
            resource: PhantomData,
        }
    }
}

impl<R> PartialEq for ListFilter<R> {
    fn eq(&self, other: &Self) -> bool {
        (&self.properties, &self.order_by, self.limit) == (&other.properties, &other.order_by, other.limit)
    }
}

impl<R> Eq for ListFilter<R> {}

impl<R> fmt::Debug for ListFilter<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListFilter")
            .field("properties", &self.properties)
            .field("order_by", &self.order_by)
            .field("limit", &self.limit)
            .finish()
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

    #[test]
    fn setting_a_field_again_replaces_it() {
        let filter = SourceConnectionFilter::new()
            .base_connection_id(&BaseConnectionId::new("b1"))
            .connection_spec_id("s1")
            .base_connection_id(&BaseConnectionId::new("b2"))
            .ids(["x"])
            .ids(Vec::<String>::new())
            .property("params.tableName", "lead");
        let mut url = Url::parse("https://h/sourceConnections").unwrap();
        filter.apply(&mut url, false);
        assert_eq!(
            url.query(),
            Some(
                "property=baseConnectionId%3D%3Db2&property=connectionSpec.id%3D%3Ds1\
                 &property=params.tableName%3D%3Dlead"
            )
        );
        let mut url = Url::parse("https://h/flows").unwrap();
        FlowFilter::new()
            .flow_spec_id("14518937")
            .state(ConnectionState::Disabled)
            .apply(&mut url, false);
        assert_eq!(
            url.query(),
            Some("property=flowSpec.id%3D%3D14518937&property=state%3D%3Ddisabled")
        );
    }
}
