//! Typed request builders for Adobe Experience Platform Flow Service base connections.
//!
//! Every connector of the repository's `specs/` is a module here, generated at build time by
//! `flow-codegen`. Each auth spec of a connector is a params type with a builder on which a
//! missing required param does not compile; secrets are held as [`SecretString`] and never shown
//! by `Debug`. [`CreateConnection`] is the `POST /connections` body, with the connection spec id,
//! version and auth spec name filled in from the spec. [`AnyConnection`] reads any stored body
//! back into typed form.
//!
//! ```
//! use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
//! use flow_connectors::{CreateConnection, CreatedConnection, RequestContext};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let auth = BasicAuthenticationForDynamicsOnline::builder()
//!     .service_uri("https://myorg.crm.dynamics.com")
//!     .username("integration@myorg.example")
//!     .password("correct horse battery staple")
//!     .build()?;
//! let connection = CreateConnection::new("Dynamics connection", auth)
//!     .description("Dynamics connection using basic auth");
//!
//! let context = RequestContext::builder()
//!     .access_token("eyJhbGciOi...")
//!     .api_key("my-client-id")
//!     .org_id("0123456789ABCDEF@AdobeOrg")
//!     .sandbox_name("prod")
//!     .build()?;
//! let request = connection.to_http_request(&context)?;
//! assert_eq!(request.uri(), "https://platform.adobe.io/data/foundation/flowservice/connections");
//!
//! let body: serde_json::Value = serde_json::from_slice(request.body())?;
//! assert_eq!(body["auth"]["specName"], "Basic Authentication for Dynamics-Online");
//! assert_eq!(body["connectionSpec"]["id"], "38ad80fe-8b06-4938-94f4-d4ee80266b07");
//! assert!(!format!("{connection:?}").contains("correct horse"));
//!
//! // Send `request` with any HTTP client, then read the answer:
//! let answer = http::Response::builder()
//!     .status(201)
//!     .body(r#"{"id": "4cb0c374-d3bb-4557-b139-5712880adc55", "etag": "\"9e0052a2\""}"#)?;
//! let created = CreatedConnection::from_response(&answer)?;
//! assert_eq!(created.etag, "\"9e0052a2\"");
//! # Ok(())
//! # }
//! ```
//!
//! Leaving out a required param is a compile error that names it:
//!
//! ```compile_fail
//! use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
//! let auth = BasicAuthenticationForDynamicsOnline::builder()
//!     .service_uri("https://myorg.crm.dynamics.com")
//!     .username("integration@myorg.example")
//!     .build(); // error: missing required auth param `password`
//! ```

#![deny(missing_docs)]

extern crate self as flow_connectors;

mod builder;
mod catalog;
mod connection;
mod context;
mod error;
mod params;
mod response;

pub use builder::{IsSet, Set, Unset};
pub use catalog::{AuthSpecInfo, Catalog, ConnectorInfo, ParamInfo, ParamKind};
pub use connection::{AuthParams, CreateConnection, RawAuth, RawConnection, RawSpecRef};
pub use context::{DEFAULT_BASE_URL, RequestContext, RequestContextBuilder};
pub use error::{BuildError, DecodeError, MissingContextField, RequestError};
pub use params::{
    ParamObject, ParamReader, ParamValue, Pattern, PatternText, Wire, WireEnum, enum_expected, read_enum, read_object,
    write_object,
};
pub use response::{ApiError, CreatedConnection};
pub use secrecy::{ExposeSecret, SecretString};

/// Everything generated code names, under one short path: generated files start with
/// `use flow_connectors::__private as __rt;` and write `__rt::Option`, `__rt::SecretString`. Users
/// need not depend on serde or http themselves, and no generated type can shadow `Option`.
#[doc(hidden)]
pub mod __private {
    pub use core::convert::{From, Into};
    pub use core::default::Default;
    pub use core::fmt;
    pub use core::iter::IntoIterator;
    pub use core::option::Option::{self, None, Some};
    pub use core::result::Result::{self, Err, Ok};
    pub use std::string::String;
    pub use std::vec::Vec;

    pub use http;
    pub use serde;
    pub use serde_json;

    pub use crate::connection::{DynConnection, decode_as};
    pub use crate::{
        AuthParams, AuthSpecInfo, BuildError, Catalog, ConnectorInfo, CreateConnection, DecodeError, IsSet, ParamInfo,
        ParamKind, ParamObject, ParamReader, ParamValue, Pattern, RawConnection, RequestContext, RequestError,
        SecretString, Set, Unset, Wire, WireEnum, enum_expected, read_enum, read_object, write_object,
    };
}

#[cfg(feature = "catalog")]
include!(concat!(env!("OUT_DIR"), "/flow_connectors/mod.rs"));
