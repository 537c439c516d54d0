//! The `POST /connections` body: a typed request generic over the auth params of one auth spec.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::context::RequestContext;
use super::error::{DecodeError, RequestError};
use super::params::{ParamObject, ParamReader};
use super::read::DecodeMode;

/// The params of one auth spec of one connector. Implemented by every generated params type, and
/// by the `NoAuth` type of a connector whose connections carry no `auth`.
pub trait AuthParams: ParamObject {
    /// The connection spec id, sent as `connectionSpec.id`.
    const CONNECTION_SPEC_ID: &'static str;
    /// The connection spec version, sent as `connectionSpec.version`.
    const CONNECTION_SPEC_VERSION: &'static str;
    /// The auth spec name, sent byte for byte as `auth.specName` (empty when [`Self::HAS_AUTH`]
    /// is false).
    const AUTH_SPEC_NAME: &'static str;
    /// Whether bodies carry `auth`: false only for connectors without auth specs.
    const HAS_AUTH: bool = true;
}

/// A `POST /connections` request body for the auth spec `A`: creates a base connection.
///
/// Its JSON is `{"name", "description"?, "auth": {"specName", "params"}, "connectionSpec": {"id", "version"}}`,
/// with the spec id, version and auth spec name taken from `A`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CreateConnection<A> {
    /// The connection's display name.
    pub name: String,
    /// An optional description.
    pub description: Option<String>,
    /// The provider id, sent as a top-level `providerId` when set. Most documented bodies leave it
    /// out; some streaming sources (Amazon Kinesis) send it.
    pub provider_id: Option<String>,
    /// The credentials.
    pub auth: A,
}

impl<A: AuthParams> CreateConnection<A> {
    /// A request named `name` that authenticates with `auth`.
    pub fn new(name: impl Into<String>, auth: A) -> Self {
        Self {
            name: name.into(),
            description: None,
            provider_id: None,
            auth,
        }
    }

    string_setters!(
        /// Sets the top-level `providerId`.
        provider_id,
        /// Sets the description.
        description,
    );

    /// The connection spec id the request is for.
    pub fn connection_spec_id(&self) -> &'static str {
        A::CONNECTION_SPEC_ID
    }

    /// The auth spec name the request sends, or `None` for a connector without auth specs.
    pub fn auth_spec_name(&self) -> Option<&'static str> {
        A::HAS_AUTH.then_some(A::AUTH_SPEC_NAME)
    }

    /// The JSON body, with secrets in clear: send it, never log it.
    pub fn to_json_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(self)
    }

    /// The complete HTTP request: `POST {base}/connections` with the context's headers.
    pub fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        context.post_json("/connections", self.to_json_bytes()?)
    }

    /// Reads a body that was already split into its parts, checking it belongs to `A`, in
    /// [`DecodeMode::Strict`] (see [`ReadConnection`](crate::ReadConnection) for the lenient read).
    pub fn from_raw(raw: RawConnection) -> Result<Self, DecodeError> {
        Self::read_in(raw, DecodeMode::Strict)
    }

    /// [`ReadConnection::read`](crate::ReadConnection::read) of this type.
    pub(super) fn read_in(raw: RawConnection, mode: DecodeMode) -> Result<Self, DecodeError> {
        if raw.connection_spec.id != A::CONNECTION_SPEC_ID {
            return Err(DecodeError::UnknownSpecId(raw.connection_spec.id));
        }
        if mode == DecodeMode::Strict && raw.connection_spec.version != A::CONNECTION_SPEC_VERSION {
            return Err(DecodeError::VersionMismatch {
                spec_id: raw.connection_spec.id,
                expected: A::CONNECTION_SPEC_VERSION,
                found: raw.connection_spec.version,
            });
        }
        let params = if A::HAS_AUTH {
            let Some(auth) = raw.auth else {
                return Err(DecodeError::MissingAuth {
                    spec_id: raw.connection_spec.id,
                    expected: format!("{:?}", A::AUTH_SPEC_NAME),
                });
            };
            if auth.spec_name != A::AUTH_SPEC_NAME {
                return Err(DecodeError::UnknownAuthSpec {
                    spec_id: raw.connection_spec.id,
                    name: auth.spec_name,
                    expected: format!("{:?}", A::AUTH_SPEC_NAME),
                });
            }
            let mut reader = ParamReader::new(A::AUTH_SPEC_NAME, auth.params, mode);
            let params = A::read_params(&mut reader)?;
            reader.finish()?;
            params
        } else {
            if raw.auth.is_some() {
                return Err(DecodeError::UnexpectedAuth {
                    spec_id: raw.connection_spec.id,
                });
            }
            A::read_params(&mut ParamReader::new(A::AUTH_SPEC_NAME, Map::new(), mode))?
        };
        Ok(Self {
            name: raw.name,
            description: raw.description,
            provider_id: raw.provider_id,
            auth: params,
        })
    }
}

/// What every variant of a catalog-wide enum (the generated `AnyConnection`) shares, object-safe:
/// the enum matches once to reach it instead of once per accessor.
#[doc(hidden)]
pub trait DynConnection {
    /// See [`CreateConnection::connection_spec_id`].
    fn connection_spec_id(&self) -> &'static str;
    /// See [`CreateConnection::auth_spec_name`].
    fn auth_spec_name(&self) -> Option<&'static str>;
    /// The connection's name.
    fn name(&self) -> &str;
    /// The connection's description.
    fn description(&self) -> Option<&str>;
    /// The connection's top-level `providerId`.
    fn provider_id(&self) -> Option<&str>;
    /// See [`CreateConnection::to_http_request`].
    fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError>;
}

impl<A: AuthParams> DynConnection for CreateConnection<A> {
    fn connection_spec_id(&self) -> &'static str {
        CreateConnection::connection_spec_id(self)
    }

    fn auth_spec_name(&self) -> Option<&'static str> {
        CreateConnection::auth_spec_name(self)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    fn provider_id(&self) -> Option<&str> {
        self.provider_id.as_deref()
    }

    fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        CreateConnection::to_http_request(self, context)
    }
}

/// Reads `raw` in `mode` as a body of the auth spec `A` and wraps it with `variant` (an enum
/// variant's constructor, from which `A` is inferred): one short arm per variant in generated
/// dispatch.
#[doc(hidden)]
pub fn decode_as<A: AuthParams, T>(
    raw: RawConnection,
    mode: DecodeMode,
    variant: fn(CreateConnection<A>) -> T,
) -> Result<T, DecodeError> {
    CreateConnection::read_in(raw, mode).map(variant)
}

struct ParamsBody<'a, A>(&'a A);

impl<A: AuthParams> Serialize for ParamsBody<'_, A> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.write_params(&mut map)?;
        map.end()
    }
}

struct AuthBody<'a, A>(&'a A);

impl<A: AuthParams> Serialize for AuthBody<'_, A> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut auth = serializer.serialize_struct("Auth", 2)?;
        auth.serialize_field("specName", A::AUTH_SPEC_NAME)?;
        auth.serialize_field("params", &ParamsBody(self.0))?;
        auth.end()
    }
}

#[derive(Serialize)]
struct SpecRef {
    id: &'static str,
    version: &'static str,
}

impl<A: AuthParams> Serialize for CreateConnection<A> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = 2
            + usize::from(self.description.is_some())
            + usize::from(self.provider_id.is_some())
            + usize::from(A::HAS_AUTH);
        let mut body = serializer.serialize_struct("CreateConnection", fields)?;
        body.serialize_field("name", &self.name)?;
        if let Some(description) = &self.description {
            body.serialize_field("description", description)?;
        }
        if let Some(provider_id) = &self.provider_id {
            body.serialize_field("providerId", provider_id)?;
        }
        if A::HAS_AUTH {
            body.serialize_field("auth", &AuthBody(&self.auth))?;
        }
        body.serialize_field(
            "connectionSpec",
            &SpecRef {
                id: A::CONNECTION_SPEC_ID,
                version: A::CONNECTION_SPEC_VERSION,
            },
        )?;
        body.end()
    }
}

impl<'de, A: AuthParams> Deserialize<'de> for CreateConnection<A> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawConnection::deserialize(deserializer)?;
        Self::from_raw(raw).map_err(serde::de::Error::custom)
    }
}

/// A `POST /connections` body split into its parts, before the auth params are typed.
///
/// Deserializing reads it strictly ([`DecodeMode::Strict`]: no member a request body does not
/// have) through [`RawConnection::from_value`], never through serde's derived errors, which quote
/// the value they reject (such as a connection string with its password, sent where an object
/// belongs).
#[derive(Clone, Debug)]
pub struct RawConnection {
    /// `name`.
    pub name: String,
    /// `description`.
    pub description: Option<String>,
    /// `providerId`.
    pub provider_id: Option<String>,
    /// `auth`.
    pub auth: Option<RawAuth>,
    /// `connectionSpec`.
    pub connection_spec: RawSpecRef,
}

impl<'de> Deserialize<'de> for RawConnection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_value(value, DecodeMode::Strict).map_err(serde::de::Error::custom)
    }
}

impl RawConnection {
    /// `auth.specName`, if the body has `auth`.
    pub fn auth_spec_name(&self) -> Option<&str> {
        self.auth.as_ref().map(|auth| auth.spec_name.as_str())
    }
}

/// The `auth` member of a body, params still untyped.
#[derive(Clone)]
pub struct RawAuth {
    /// `auth.specName`.
    pub spec_name: String,
    /// `auth.params`.
    pub params: Map<String, Value>,
}

impl std::fmt::Debug for RawAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawAuth")
            .field("spec_name", &self.spec_name)
            .field("params", &format_args!("[REDACTED: {} params]", self.params.len()))
            .finish()
    }
}

/// The `connectionSpec` member of a body.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpecRef {
    /// `connectionSpec.id`.
    pub id: String,
    /// `connectionSpec.version`.
    pub version: String,
}
