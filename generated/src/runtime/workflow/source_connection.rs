//! The `POST /sourceConnections` body: what to read, typed by a connector's source params `P`.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::body::Fields;
use super::data::SourceData;
use super::ids::BaseConnectionId;
use super::source::{NoBaseConnection, SourceFamily, SourceParams, WithBaseConnection};
use crate::runtime::context::RequestContext;
use crate::runtime::error::{BodyError, BodyKind, BodyProblem, DecodeError, RequestError};
use crate::runtime::read::DecodeMode;

/// The `data` type of `P`'s family.
pub type DataOf<P> = <<P as SourceParams>::Family as SourceFamily>::Data;

/// A `POST /sourceConnections` request body for the connector whose source params are `P`.
///
/// Its JSON is `{"name", "providerId"?, "baseConnectionId"?, "description"?, "data"?, "params"?,
/// "connectionSpec": {"id", "version"}}`. `P` decides the rest at compile time: a connector with
/// a base connection is built with [`new`](Self::new) and sends `baseConnectionId`; one without
/// (webhooks) is built with [`without_base_connection`](Self::without_base_connection) and sends
/// the top-level `providerId`; `data` has the type of `P`'s family; `params` is sent only when
/// the connector's spec has source params. `Debug` shows no secret params.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CreateSourceConnection<P: SourceParams> {
    /// The source connection's display name.
    pub name: String,
    /// An optional description.
    pub description: Option<String>,
    base_connection_id: Option<BaseConnectionId>,
    /// `data`: the format of what is read, per family.
    pub data: DataOf<P>,
    /// `params`: what to read (a table and its columns, a path, a list id).
    pub params: P,
}

impl<P: SourceParams<Base = WithBaseConnection>> CreateSourceConnection<P> {
    /// A source connection named `name` reading `params` through the base connection `base`,
    /// with the family's default `data` (table: `tabular`; REST: `json`; stream: `json`). File
    /// sources have no default format: use [`with_data`](Self::with_data).
    pub fn new(name: impl Into<String>, base: BaseConnectionId, params: P) -> Self
    where
        DataOf<P>: Default,
    {
        Self::with_data(name, base, params, DataOf::<P>::default())
    }

    /// A source connection named `name` reading `params` in the format `data` through the base
    /// connection `base`.
    pub fn with_data(name: impl Into<String>, base: BaseConnectionId, params: P, data: DataOf<P>) -> Self {
        Self::from_parts(name.into(), Some(base), params, data)
    }
}

impl<P: SourceParams<Base = NoBaseConnection>> CreateSourceConnection<P> {
    /// A source connection named `name` of a connector without base connections (webhooks): it
    /// sends the spec's `providerId`, and `{"format": "json"}` as `data`.
    pub fn without_base_connection(name: impl Into<String>, params: P) -> Self
    where
        DataOf<P>: Default,
    {
        Self::from_parts(name.into(), None, params, DataOf::<P>::default())
    }

    /// A source connection named `name` of a connector without base connections reading `params`
    /// in the format `data`: what file sources without one (Data Landing Zone) need, since files
    /// have no default format.
    pub fn without_base_connection_with_data(name: impl Into<String>, params: P, data: DataOf<P>) -> Self {
        Self::from_parts(name.into(), None, params, data)
    }
}

impl<P: SourceParams> CreateSourceConnection<P> {
    fn from_parts(name: String, base: Option<BaseConnectionId>, params: P, data: DataOf<P>) -> Self {
        Self {
            name,
            description: None,
            base_connection_id: base,
            data,
            params,
        }
    }

    string_setters!(
        /// Sets the description.
        description,
    );

    /// Replaces `data`.
    pub fn data(mut self, data: DataOf<P>) -> Self {
        self.data = data;
        self
    }

    /// The base connection read through, `None` for a connector without base connections.
    pub fn base_connection_id(&self) -> Option<&BaseConnectionId> {
        self.base_connection_id.as_ref()
    }

    /// The JSON body, with secret params in clear: send it, never log it.
    pub fn to_json_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(self)
    }

    /// The complete HTTP request: `POST {base}/sourceConnections` with the context's headers.
    pub fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        context.post_json("/sourceConnections", self.to_json_bytes()?)
    }

    /// Reads a source connection body (or the connection part of what the service returned) in
    /// `mode`, checking it belongs to `P`'s connector: the connection spec, `baseConnectionId` or
    /// `providerId` as `P` requires, `data` as its family allows, and `params` by `P`'s rules.
    /// Strict mode also rejects members a request body does not have. Errors name the member.
    pub fn from_value(value: Value, mode: DecodeMode) -> Result<Self, DecodeError> {
        // Generic only where `P`'s types read; the members every body has are `read_head`'s,
        // compiled once for all connectors (and shared with the catalog check).
        let rules = SourceRules::of::<P>();
        let (mut body, head) = read_head(value, mode, &rules)?;
        let data = DataOf::<P>::from_data(body.optional("data"), mode)?;
        refuse_params_without_spec(&mut body, &rules)?;
        let params = body.params::<P>("params", P::CONNECTOR)?;
        body.finish()?;
        Ok(Self {
            name: head.name,
            description: head.description,
            base_connection_id: head.base_connection_id,
            data,
            params,
        })
    }
}

/// What a source connection body is checked against, as values: from `P`'s consts for the typed
/// read-back, from a catalog's [`ConnectorInfo`](crate::ConnectorInfo) for its check. One reader
/// serves both, so the two cannot disagree.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SourceRules {
    pub(crate) connector: &'static str,
    pub(crate) spec_id: &'static str,
    pub(crate) version: &'static str,
    pub(crate) provider_id: Option<&'static str>,
    pub(crate) has_base: bool,
    pub(crate) sends_params: bool,
}

impl SourceRules {
    pub(crate) fn of<P: SourceParams>() -> Self {
        Self {
            connector: P::CONNECTOR,
            spec_id: P::CONNECTION_SPEC_ID,
            version: P::CONNECTION_SPEC_VERSION,
            provider_id: P::PROVIDER_ID,
            has_base: <P::Base as super::source::SourceBase>::HAS_BASE_CONNECTION,
            sends_params: P::SENDS_PARAMS,
        }
    }
}

/// Reads a source connection body in `mode` by `rules`, checking `data` as the family named
/// `family` reads it and `params` against `params`: the catalog's check of a body, in the same
/// order and with the same errors as [`CreateSourceConnection::from_value`].
pub(crate) fn check_source(
    value: Value,
    mode: DecodeMode,
    rules: &SourceRules,
    family: &str,
    params: &'static [crate::ParamInfo],
) -> Result<(), DecodeError> {
    let (mut body, _head) = read_head(value, mode, rules)?;
    super::data::check_family_data(family, body.optional("data"), mode)?;
    refuse_params_without_spec(&mut body, rules)?;
    body.checked_params("params", rules.connector, params)?;
    body.finish()?;
    Ok(())
}

/// The members every source connection body has, read before `data` and `params`.
struct SourceHead {
    name: String,
    description: Option<String>,
    base_connection_id: Option<BaseConnectionId>,
}

/// Reads `name`, `description`, `connectionSpec`, `baseConnectionId` and `providerId` by `rules`;
/// the rest of the body is left in the returned fields.
fn read_head(value: Value, mode: DecodeMode, rules: &SourceRules) -> Result<(Fields, SourceHead), DecodeError> {
    let kind = BodyKind::SourceConnection;
    let mut body = Fields::root(value, kind, mode)?;
    let name = body.required_string("name")?;
    let description = body.string("description")?;
    body.expect_spec_ref(
        "connectionSpec",
        rules.spec_id,
        rules.version,
        &format!("the connection spec id of `{}`", rules.connector),
    )?;
    let base = body.string("baseConnectionId")?;
    let provider_id = body.string("providerId")?;
    let base_connection_id = match (rules.has_base, base) {
        (true, Some(base)) => Some(BaseConnectionId::new(base)),
        (true, None) => return Err(body.error("baseConnectionId", BodyProblem::Missing).into()),
        (false, None) => None,
        (false, Some(_)) => return Err(not_allowed(&body, "baseConnectionId", no_base(rules.connector)).into()),
    };
    match (rules.has_base, provider_id) {
        (_, None) => {}
        (true, Some(_)) if mode == DecodeMode::Lenient => {}
        (true, Some(_)) => {
            let reason = format!(
                "`{}` source connections name a base connection (`baseConnectionId`) and send no `providerId`",
                rules.connector
            );
            return Err(not_allowed(&body, "providerId", reason).into());
        }
        (false, Some(found)) => {
            if let Some(expected) = rules.provider_id.filter(|expected| *expected != found) {
                let found = Value::String(found);
                return Err(body
                    .expected("providerId", format!("the provider id {expected:?}"), &found)
                    .into());
            }
        }
    }
    let head = SourceHead {
        name,
        description,
        base_connection_id,
    };
    Ok((body, head))
}

/// In strict mode, `params` on a connector whose spec has no source params is an error.
fn refuse_params_without_spec(body: &mut Fields, rules: &SourceRules) -> Result<(), DecodeError> {
    if !rules.sends_params && body.mode == DecodeMode::Strict && body.optional("params").is_some() {
        let reason = format!(
            "the spec of `{}` has no source params: send no `params`",
            rules.connector
        );
        return Err(not_allowed(body, "params", reason).into());
    }
    Ok(())
}

fn no_base(connector: &str) -> String {
    format!("`{connector}` has no base connection: its source connections send `providerId` instead")
}

fn not_allowed(body: &Fields, key: &str, reason: String) -> BodyError {
    body.error(key, BodyProblem::NotAllowed(reason))
}

/// A source connection type that reads from a body in either [`DecodeMode`]: implemented by
/// [`CreateSourceConnection<P>`] and by a generated `AnySourceConnection` (any connector).
pub trait ReadSourceConnection: Sized {
    /// Reads `value` in `mode`. Errors name the member at fault, never a secret.
    fn read(value: Value, mode: DecodeMode) -> Result<Self, DecodeError>;
}

impl<P: SourceParams> ReadSourceConnection for CreateSourceConnection<P> {
    fn read(value: Value, mode: DecodeMode) -> Result<Self, DecodeError> {
        Self::from_value(value, mode)
    }
}

/// What every variant of a generated `AnySourceConnection` shares, object-safe.
#[doc(hidden)]
pub trait DynSourceConnection {
    /// The connector's machine name.
    fn connector(&self) -> &'static str;
    /// The connection spec id sent.
    fn connection_spec_id(&self) -> &'static str;
    /// The name.
    fn name(&self) -> &str;
    /// The description.
    fn description(&self) -> Option<&str>;
    /// The base connection, if the connector has them.
    fn base_connection_id(&self) -> Option<&BaseConnectionId>;
    /// See [`CreateSourceConnection::to_http_request`].
    fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError>;
}

impl<P: SourceParams> DynSourceConnection for CreateSourceConnection<P> {
    fn connector(&self) -> &'static str {
        P::CONNECTOR
    }
    fn connection_spec_id(&self) -> &'static str {
        P::CONNECTION_SPEC_ID
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
    fn base_connection_id(&self) -> Option<&BaseConnectionId> {
        self.base_connection_id.as_ref()
    }
    fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        CreateSourceConnection::to_http_request(self, context)
    }
}

/// `connectionSpec.id` of a source connection body, to choose the variant of a generated
/// `AnySourceConnection`; `None` when the body has none (then read any variant for the error).
#[doc(hidden)]
pub fn source_connection_spec_id(value: &Value) -> Option<&str> {
    value.get("connectionSpec")?.get("id")?.as_str()
}

/// Reads `value` in `mode` as a source connection of `P` and wraps it with `variant`: one short
/// arm per connector in generated dispatch.
#[doc(hidden)]
pub fn decode_source_as<P: SourceParams, T>(
    value: Value,
    mode: DecodeMode,
    variant: fn(CreateSourceConnection<P>) -> T,
) -> Result<T, DecodeError> {
    CreateSourceConnection::from_value(value, mode).map(variant)
}

/// The error of a generated `AnySourceConnection` for a body whose `connectionSpec.id` is no
/// connector's with source params; `known` lists the connectors that have them.
#[doc(hidden)]
pub fn unknown_source_connection(value: &Value, known: &[&str]) -> DecodeError {
    let found = value.get("connectionSpec").and_then(|spec| spec.get("id"));
    let problem = match found {
        None => BodyProblem::Missing,
        Some(found) => BodyProblem::Expected {
            expected: format!(
                "the connection spec id of a connector with source params ({})",
                known.join(", ")
            ),
            found: super::body::describe(found),
        },
    };
    BodyError {
        body: BodyKind::SourceConnection,
        field: "connectionSpec.id".into(),
        problem,
    }
    .into()
}

struct ParamsBody<'a, P>(&'a P);

impl<P: SourceParams> Serialize for ParamsBody<'_, P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.write_params(&mut map)?;
        map.end()
    }
}

#[derive(Serialize)]
struct SpecRef {
    id: &'static str,
    version: &'static str,
}

/// The JSON body, in the documentation's member order. Only the params are `P`'s: the rest is
/// serialized by this one non-generic type, compiled once for all connectors.
#[derive(Serialize)]
struct SourceBody<'a> {
    name: &'a str,
    #[serde(rename = "providerId", skip_serializing_if = "Option::is_none")]
    provider_id: Option<&'static str>,
    #[serde(rename = "baseConnectionId", skip_serializing_if = "Option::is_none")]
    base_connection_id: Option<&'a BaseConnectionId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<Value>,
    #[serde(rename = "connectionSpec")]
    connection_spec: SpecRef,
}

impl<P: SourceParams> Serialize for CreateSourceConnection<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let params = if P::SENDS_PARAMS {
            Some(serde_json::to_value(ParamsBody(&self.params)).map_err(serde::ser::Error::custom)?)
        } else {
            None
        };
        SourceBody {
            name: &self.name,
            provider_id: if self.base_connection_id.is_none() {
                P::PROVIDER_ID
            } else {
                None
            },
            base_connection_id: self.base_connection_id.as_ref(),
            description: self.description.as_deref(),
            data: self.data.to_value(),
            params,
            connection_spec: SpecRef {
                id: P::CONNECTION_SPEC_ID,
                version: P::CONNECTION_SPEC_VERSION,
            },
        }
        .serialize(serializer)
    }
}
