//! An async Flow Service client (feature `client`): credentials to an access token, and typed
//! calls on the whole workflow, from base connection to running dataflow.
//!
//! | resource | create (`POST`, never retried once sent) | read back | list (paged, lazy) | delete |
//! | --- | --- | --- | --- | --- |
//! | base connections | [`create`](FlowClient::create) | [`get`](FlowClient::get) -> [`Connection<C>`](crate::Connection), [`test`](FlowClient::test) | [`list`](FlowClient::list), [`count`](FlowClient::count) | [`delete`](FlowClient::delete) |
//! | source connections | [`create_source_connection`](FlowClient::create_source_connection) -> [`Created<SourceConnectionId<P>>`](Created) | [`get_source_connection`](FlowClient::get_source_connection) -> [`Fetched<S>`](Fetched) | [`list_source_connections`](FlowClient::list_source_connections) | [`delete_source_connection`](FlowClient::delete_source_connection) |
//! | target connections | [`create_target_connection`](FlowClient::create_target_connection) | [`get_target_connection`](FlowClient::get_target_connection) | [`list_target_connections`](FlowClient::list_target_connections) | [`delete_target_connection`](FlowClient::delete_target_connection) |
//! | dataflows | [`create_flow`](FlowClient::create_flow) -> [`Created<FlowId>`](Created) | [`get_flow`](FlowClient::get_flow) | [`list_flows`](FlowClient::list_flows) | [`delete_flow`](FlowClient::delete_flow) |
//!
//! Besides: [`update`](FlowClient::update) and [`update_with_retry`](FlowClient::update_with_retry)
//! (base connections, JSON Patch with `If-Match`), [`explore`](FlowClient::explore) (any
//! [`ExploreRequest`](crate::ExploreRequest): root, table, folder, file, REST preview),
//! [`runs`](FlowClient::runs) (a dataflow's runs, typed [`Run`]s), and the connection specs
//! ([`get_connection_spec`](FlowClient::get_connection_spec),
//! [`list_connection_specs`](FlowClient::list_connection_specs)). Listings take a [`ListFilter`]
//! typed by resource ([`ConnectionFilter`], [`SourceConnectionFilter`], [`TargetConnectionFilter`],
//! [`FlowFilter`]). Items read back go through the runtime's lenient read of the request body
//! type they were created from, so a source connection of the wrong connector, or a flow of
//! another flow spec, is an [`Error::Decode`] naming the member.
//!
//! ```no_run
//! use flow_connectors::client::{FlowClient, ImsCredentials};
//! use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
//! use flow_connectors::CreateConnection;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = FlowClient::builder()
//!     .credentials(ImsCredentials::new("my-client-id", "my-client-secret"))
//!     .org_id("0123456789ABCDEF@AdobeOrg")
//!     .sandbox_name("prod")
//!     .build()?;
//! let auth = BasicAuthenticationForDynamicsOnline::builder()
//!     .service_uri("https://myorg.crm.dynamics.com")
//!     .username("integration@myorg.example")
//!     .password("correct horse battery staple")
//!     .build()?;
//! let created = client.create(&CreateConnection::new("Dynamics", auth)).await?;
//! assert!(client.test(&created.id).await?);
//! client.delete(&created.id).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Every call is a `tracing` span `flow_service` with `method`, `path` (the template, such as
//! `/connections/{id}`), `status`, `attempt` and `request_id` (Flow Service's `x-request-id`, for
//! Adobe support); no span or event carries a param, a token or a secret, nor a URL's query (an
//! explore call's `sourceParams` is the base64 of source params, secrets included).
//!
//! From a base connection to a dataflow, with a table source `P` (a generated `SourceParams`
//! type) and a flow spec `F` that accepts it:
//!
//! ```no_run
//! # use flow_connectors::__private as rt;
//! # use flow_connectors::*;
//! # use flow_connectors::client::FlowClient;
//! # use futures_util::StreamExt;
//! # #[derive(Clone, Debug)] struct MysqlParams { table_name: String, columns: Vec<Column> }
//! # impl rt::ParamObject for MysqlParams {
//! #     fn write_params<M: rt::serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
//! #         map.serialize_entry("tableName", &rt::Wire(&self.table_name))?;
//! #         map.serialize_entry("columns", &rt::Wire(&self.columns))
//! #     }
//! #     fn read_params(reader: &mut rt::ParamReader) -> Result<Self, DecodeError> {
//! #         Ok(Self { table_name: reader.required("tableName", "tableName")?,
//! #                   columns: reader.required("columns", "columns")? })
//! #     }
//! # }
//! # impl SourceParams for MysqlParams {
//! #     const CONNECTOR: &'static str = "mysql"; const CONNECTION_SPEC_ID: &'static str = "26d738e0-8963-47ea-aadf-c60de735468a";
//! #     const CONNECTION_SPEC_VERSION: &'static str = "1.0"; const PROVIDER_ID: Option<&'static str> = None;
//! #     const SENDS_PARAMS: bool = true; type Family = TableSource; type Base = WithBaseConnection;
//! # }
//! # #[derive(Clone, Copy, Debug)] struct CrmToAep;
//! # impl FlowSpec for CrmToAep {
//! #     const ID: &'static str = "14518937-270c-4525-bdec-c2ba7cce3860"; const VERSION: &'static str = "1.0";
//! #     const NAME: &'static str = "CRMToAEP"; const SCHEDULE: Option<ScheduleRules> = None;
//! #     const TRANSFORMATIONS: &'static [TransformationKind] = &[TransformationKind::Mapping];
//! #     const MAPPING_VERSION: WireForm = WireForm::String;
//! # }
//! # impl Accepts<MysqlParams> for CrmToAep {}
//! # async fn run(client: FlowClient, created: CreatedConnection) -> Result<(), Box<dyn std::error::Error>> {
//! let base = created.base_connection_id();
//! let explore = Explore::<MysqlParams>::table(&base, "shop.orders");
//! let columns = client.explore(&explore).await?.into_columns();
//! let params = MysqlParams { table_name: "shop.orders".into(), columns };
//! let source = client
//!     .create_source_connection(&CreateSourceConnection::new("orders", base, params))
//!     .await?;
//! let schema = SchemaRef::new("https://ns.adobe.com/acme/schemas/0f1e2d3c");
//! let target = CreateTargetConnection::new("orders", "6155e3a9bd13651949515f14", schema);
//! let target = client.create_target_connection(&target).await?;
//! let flow = CreateFlow::<CrmToAep>::builder("orders to Platform")
//!     .source(source.id)
//!     .target(target.id)
//!     .mapping("0b090130b58b4819afc78b6dc98b484d", 0)
//!     .build()?;
//! let flow = client.create_flow(&flow).await?;
//! let mut runs = client.runs(&flow.id);
//! while let Some(run) = runs.next().await {
//!     println!("{:?}: {:?}", run?.status, flow.id);
//! }
//! # Ok(())
//! # }
//! ```

mod builder;
mod connections;
mod error;
mod explore;
mod fetched;
mod filter;
mod flows;
mod list;
mod read;
mod resource;
mod retry;
mod runs;
mod source;
mod target;
mod token;
mod transport;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

pub use builder::FlowClientBuilder;
pub use error::Error;
pub use fetched::{Created, Fetched};
pub use filter::{
    ConnectionFilter, Connections, FlowFilter, Flows, ListFilter, SortOrder, SourceConnectionFilter, SourceConnections,
    TargetConnectionFilter, TargetConnections,
};
pub use read::UPDATE_ATTEMPTS;
pub use retry::RetryPolicy;
pub use runs::{Run, RunError, RunMetrics};
pub use token::{DEFAULT_IMS_URL, DEFAULT_SCOPES, ImsCredentials, StaticToken, TokenFuture, TokenProvider};

/// A Flow Service client. Cheap to clone (one `Arc`), `Send + Sync`: share one across tasks, so
/// that they share its connection pool and its access token.
#[derive(Clone)]
pub struct FlowClient {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    http: reqwest::Client,
    /// The base URL, without a trailing slash.
    base: String,
    tokens: Arc<dyn TokenProvider>,
    api_key: String,
    org_id: String,
    sandbox_name: String,
    timeout: Option<Duration>,
    retry: RetryPolicy,
}

impl fmt::Debug for FlowClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlowClient")
            .field("base_url", &self.inner.base)
            .field("api_key", &self.inner.api_key)
            .field("org_id", &self.inner.org_id)
            .field("sandbox_name", &self.inner.sandbox_name)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

impl FlowClient {
    /// Starts a client: set credentials (or a token), the org id and the sandbox name.
    pub fn builder() -> FlowClientBuilder {
        FlowClientBuilder::default()
    }

    /// The base URL calls go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// `{base}{path}` as a URL; `path` starts with `/` and has its ids already encoded.
    fn url(&self, request: &'static str, path: &str) -> Result<Url, Error> {
        Url::parse(&format!("{}{path}", self.inner.base)).map_err(|error| Error::Request {
            request,
            message: format!("`{path}` does not make a valid URL: {error}"),
        })
    }
}

/// An id as one URL path segment: percent-encodes what is not unreserved and refuses `.`, `..`
/// and the empty id, so an id can never change the path it is put in.
fn segment(request: &'static str, id: &str) -> Result<String, Error> {
    if matches!(id, "" | "." | "..") {
        return Err(Error::Request {
            request,
            message: format!("`{id}` is not an id"),
        });
    }
    Ok(crate::runtime::context::percent_encode(id, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_and_its_errors_cross_threads() {
        fn shareable<T: Clone + Send + Sync + 'static>() {}
        fn sendable<T: Send + Sync + 'static>() {}
        shareable::<FlowClient>();
        sendable::<Error>();
        sendable::<FlowClientBuilder>();
    }

    #[test]
    fn ids_cannot_change_the_path() {
        let request = "GET /connections/{id}";
        assert_eq!(segment(request, "4cb0c374-d3bb").unwrap(), "4cb0c374-d3bb");
        assert_eq!(segment(request, "../specs?x=1#y").unwrap(), "..%2Fspecs%3Fx%3D1%23y");
        for id in ["", ".", ".."] {
            assert!(segment(request, id).is_err(), "{id:?}");
        }
    }

    #[test]
    fn a_missing_setting_is_named() {
        let error = FlowClient::builder().org_id("org").build().unwrap_err();
        assert_eq!(
            error.to_string(),
            "the Flow Service client is not configured right: `sandbox_name` is not set; set it on the builder"
        );
        let error = FlowClient::builder()
            .static_token("t")
            .org_id("org")
            .sandbox_name("prod")
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("`api_key`"), "{error}");
        let error = FlowClient::builder()
            .static_token("t")
            .api_key("k")
            .org_id("org")
            .sandbox_name("prod")
            .base_url("platform.adobe.io")
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("not an http(s) URL"), "{error}");
    }
}
