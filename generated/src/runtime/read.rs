//! Reading connections back: the two decode modes, and splitting a JSON object into a
//! [`RawConnection`] without serde's messages (which quote values, and values may be secrets).
//!
//! A body we send is read in [`DecodeMode::Strict`]: anything the spec does not define is a
//! mistake worth an error. What the service returns (`GET /connections/{id}`, list pages) is read
//! in [`DecodeMode::Lenient`]: it carries server fields (`id`, `etag`, `createdAt`, ...) and may
//! carry params the spec does not list, and neither may make reading it fail.

use serde_json::{Map, Value};

use super::connection::{AuthParams, CreateConnection, RawAuth, RawConnection, RawSpecRef};
use super::error::DecodeError;

/// How strictly a connection is read back into typed form.
///
/// Both modes check what makes the typed value right: the connection spec id, the auth spec name,
/// every param's type and enum value, and that required params are present. They differ in what
/// they do with what the spec does not define.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DecodeMode {
    /// For bodies we send (`POST /connections`): an unknown body member, an unknown param (also
    /// inside a nested object param) and a `connectionSpec.version` other than the generated one
    /// are errors. The default, and what `from_raw` and `Deserialize` do.
    #[default]
    Strict,
    /// For what the service returns: unknown body members and unknown params are dropped,
    /// `connectionSpec.version` is not compared (a connection created against an older version of
    /// its spec still reads; [`RawConnection`] keeps the version found), and values are not checked
    /// against their spec's `pattern` (the service accepted them already, and may return them
    /// masked).
    Lenient,
}

/// A connection type that can be read from a [`RawConnection`] in either [`DecodeMode`].
///
/// Implemented by [`RawConnection`] itself (nothing typed: any connector), by
/// [`CreateConnection<A>`] (one auth spec of one connector) and by the generated `AnyConnection`
/// (any connector of the catalog), so a fetched [`Connection<C>`](crate::Connection) can hold any
/// of them.
pub trait ReadConnection: Sized {
    /// Reads `raw` in `mode`. Errors name the member or param at fault, never a param value.
    fn read(raw: RawConnection, mode: DecodeMode) -> Result<Self, DecodeError>;
}

/// Already split: nothing more to check.
impl ReadConnection for RawConnection {
    fn read(raw: RawConnection, _mode: DecodeMode) -> Result<Self, DecodeError> {
        Ok(raw)
    }
}

impl<A: AuthParams> ReadConnection for CreateConnection<A> {
    fn read(raw: RawConnection, mode: DecodeMode) -> Result<Self, DecodeError> {
        CreateConnection::read_in(raw, mode)
    }
}

/// The members of one JSON object, taken out one by one; `label` prefixes member names in errors.
pub(super) struct Members {
    map: Map<String, Value>,
    label: &'static str,
}

impl Members {
    pub(super) fn of(value: Value, label: &'static str) -> Result<Self, DecodeError> {
        match value {
            Value::Object(map) => Ok(Self { map, label }),
            _ => Err(DecodeError::InvalidField {
                field: label,
                expected: "an object",
            }),
        }
    }

    /// A member that may be absent; `null` counts as absent.
    pub(super) fn optional(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|value| !value.is_null())
    }

    pub(super) fn string(&mut self, key: &str, field: &'static str) -> Result<Option<String>, DecodeError> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(DecodeError::InvalidField {
                field,
                expected: "a string",
            }),
        }
    }

    pub(super) fn required_string(&mut self, key: &str, field: &'static str) -> Result<String, DecodeError> {
        self.string(key, field)?.ok_or(DecodeError::MissingField(field))
    }

    /// An integer member that may be absent.
    pub(super) fn integer(&mut self, key: &str, field: &'static str) -> Result<Option<i64>, DecodeError> {
        match self.optional(key) {
            None => Ok(None),
            Some(value) => value.as_i64().map(Some).ok_or(DecodeError::InvalidField {
                field,
                expected: "an integer",
            }),
        }
    }

    /// The members not taken yet.
    pub(super) fn into_rest(self) -> Value {
        Value::Object(self.map)
    }

    /// In strict mode, fails on the first member that was not taken.
    fn finish(self, mode: DecodeMode) -> Result<(), DecodeError> {
        match (mode, self.map.into_iter().next()) {
            (DecodeMode::Strict, Some((key, _))) => Err(DecodeError::UnknownField(if self.label.is_empty() {
                key
            } else {
                format!("{}.{key}", self.label)
            })),
            _ => Ok(()),
        }
    }
}

impl RawConnection {
    /// Splits a connection body (or a fetched connection's item) into its parts, in `mode`.
    ///
    /// In strict mode a member that a `POST /connections` body does not have is an error; in
    /// lenient mode it is dropped. In both, `name` and `connectionSpec.{id,version}` are required
    /// and every known member must have its JSON type. A lenient read also takes a numeric
    /// `connectionSpec.version` (`1`) as its text. Errors name the member, never its value.
    pub fn from_value(value: Value, mode: DecodeMode) -> Result<Self, DecodeError> {
        let mut body = Members::of(value, "connection")?;
        let name = body.required_string("name", "name")?;
        let description = body.string("description", "description")?;
        let provider_id = body.string("providerId", "providerId")?;
        let auth = match body.optional("auth") {
            None => None,
            Some(auth) => {
                let mut auth = Members::of(auth, "auth")?;
                let spec_name = auth.required_string("specName", "auth.specName")?;
                let params = match auth.optional("params") {
                    None => Map::new(),
                    Some(Value::Object(params)) => params,
                    Some(_) => {
                        return Err(DecodeError::InvalidField {
                            field: "auth.params",
                            expected: "an object",
                        });
                    }
                };
                auth.finish(mode)?;
                Some(RawAuth { spec_name, params })
            }
        };
        let spec = body
            .optional("connectionSpec")
            .ok_or(DecodeError::MissingField("connectionSpec"))?;
        let mut spec = Members::of(spec, "connectionSpec")?;
        let id = spec.required_string("id", "connectionSpec.id")?;
        let version = match (spec.optional("version"), mode) {
            (None, _) => return Err(DecodeError::MissingField("connectionSpec.version")),
            (Some(Value::String(version)), _) => version,
            (Some(Value::Number(version)), DecodeMode::Lenient) => version.to_string(),
            (Some(_), _) => {
                return Err(DecodeError::InvalidField {
                    field: "connectionSpec.version",
                    expected: "a string",
                });
            }
        };
        spec.finish(mode)?;
        body.finish(mode)?;
        Ok(Self {
            name,
            description,
            provider_id,
            auth,
            connection_spec: RawSpecRef { id, version },
        })
    }
}
