//! A fetched connection: what `GET /connections/{id}` (and each item of a list page) returns,
//! split into the server's fields and the connection itself, read in lenient mode.

use std::time::{Duration, SystemTime};

use serde_json::Value;

use super::connection::RawConnection;
use super::error::DecodeError;
use super::read::{DecodeMode, Members, ReadConnection};

/// A connection as the service returns it: its server fields and the connection `C`, which is
/// [`RawConnection`] (untyped), [`CreateConnection<A>`](crate::CreateConnection) (one auth spec)
/// or the generated `AnyConnection` (any connector of the catalog).
///
/// Read in [`DecodeMode::Lenient`]: server fields this type does not name (`version`,
/// `inheritedAttributes`, ...) and params the spec does not list are dropped; the connection spec
/// id, the auth spec name, param types, enum values and required params are still checked.
/// The item's `auth.params` come back with secrets in them; `C` holds those as `SecretString`, and
/// `Debug` of a `Connection` never shows them.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Connection<C> {
    /// The connection id (`id`).
    pub id: String,
    /// The entity tag (`etag`), verbatim with its quotes (`"\"1400dd53-0000-0200-0000-5f3f23450000\""`):
    /// send it unchanged as `If-Match` to update the connection.
    pub etag: String,
    /// The connection's state (`state`), if the item has one.
    pub state: Option<ConnectionState>,
    /// When it was created (`createdAt`), in milliseconds since the Unix epoch.
    pub created_at: Option<i64>,
    /// When it was last updated (`updatedAt`), in milliseconds since the Unix epoch.
    pub updated_at: Option<i64>,
    /// Who created it (`createdBy`).
    pub created_by: Option<String>,
    /// Who last updated it (`updatedBy`).
    pub updated_by: Option<String>,
    /// The client (API key) that created it (`createdClient`).
    pub created_client: Option<String>,
    /// The client (API key) that last updated it (`updatedClient`).
    pub updated_client: Option<String>,
    /// The sandbox's id (`sandboxId`).
    pub sandbox_id: Option<String>,
    /// The sandbox's name (`sandboxName`).
    pub sandbox_name: Option<String>,
    /// The organization (`imsOrgId`).
    pub ims_org_id: Option<String>,
    /// The connection itself: name, description, auth and connection spec.
    pub connection: C,
}

impl<C: ReadConnection> Connection<C> {
    /// Reads one item of a `GET /connections/{id}` response or of a list page, in lenient mode.
    /// `id` and `etag` are required; errors name the member at fault, never a param value.
    pub fn from_item(item: Value) -> Result<Self, DecodeError> {
        let mut item = Members::of(item, "item")?;
        let id = item.required_string("id", "id")?;
        let etag = item.required_string("etag", "etag")?;
        let state = item.string("state", "state")?.map(ConnectionState::from_wire);
        let created_at = item.integer("createdAt", "createdAt")?;
        let updated_at = item.integer("updatedAt", "updatedAt")?;
        let created_by = item.string("createdBy", "createdBy")?;
        let updated_by = item.string("updatedBy", "updatedBy")?;
        let created_client = item.string("createdClient", "createdClient")?;
        let updated_client = item.string("updatedClient", "updatedClient")?;
        let sandbox_id = item.string("sandboxId", "sandboxId")?;
        let sandbox_name = item.string("sandboxName", "sandboxName")?;
        let ims_org_id = item.string("imsOrgId", "imsOrgId")?;
        let raw = RawConnection::from_value(item.into_rest(), DecodeMode::Lenient)?;
        Ok(Self {
            id,
            etag,
            state,
            created_at,
            updated_at,
            created_by,
            updated_by,
            created_client,
            updated_client,
            sandbox_id,
            sandbox_name,
            ims_org_id,
            connection: C::read(raw, DecodeMode::Lenient)?,
        })
    }

    /// Reads the body of a `GET /connections/{id}` response: `{"items": [<one item>]}`, the item
    /// read with [`Connection::from_item`]. Other members of the wrapper are ignored.
    pub fn from_get_response(body: &[u8]) -> Result<Self, DecodeError> {
        let body: Value = serde_json::from_slice(body).map_err(|error| DecodeError::Json {
            line: error.line(),
            column: error.column(),
        })?;
        let mut body = Members::of(body, "response")?;
        let items = match body.optional("items") {
            Some(Value::Array(items)) => items,
            Some(_) => {
                return Err(DecodeError::InvalidField {
                    field: "items",
                    expected: "an array",
                });
            }
            None => return Err(DecodeError::MissingField("items")),
        };
        let count = items.len();
        match <[Value; 1]>::try_from(items) {
            Ok([item]) => Self::from_item(item),
            Err(_) => Err(DecodeError::ItemCount(count)),
        }
    }
}

impl<C> Connection<C> {
    /// [`created_at`](Self::created_at) as a time, if the item has it.
    pub fn created_time(&self) -> Option<SystemTime> {
        self.created_at.and_then(epoch_millis)
    }

    /// [`updated_at`](Self::updated_at) as a time, if the item has it.
    pub fn updated_time(&self) -> Option<SystemTime> {
        self.updated_at.and_then(epoch_millis)
    }

    /// The same server fields around another connection (such as a typed read of a raw one).
    pub fn map<D>(self, f: impl FnOnce(C) -> D) -> Connection<D> {
        Connection {
            id: self.id,
            etag: self.etag,
            state: self.state,
            created_at: self.created_at,
            updated_at: self.updated_at,
            created_by: self.created_by,
            updated_by: self.updated_by,
            created_client: self.created_client,
            updated_client: self.updated_client,
            sandbox_id: self.sandbox_id,
            sandbox_name: self.sandbox_name,
            ims_org_id: self.ims_org_id,
            connection: f(self.connection),
        }
    }
}

fn epoch_millis(millis: i64) -> Option<SystemTime> {
    let offset = Duration::from_millis(millis.unsigned_abs());
    if millis >= 0 {
        SystemTime::UNIX_EPOCH.checked_add(offset)
    } else {
        SystemTime::UNIX_EPOCH.checked_sub(offset)
    }
}

/// A connection's `state`. The service documents `enabled` and `disabled`, and its error
/// messages name `initializing` and `delete-finalizing`; any other value is kept as it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConnectionState {
    /// `enabled`.
    Enabled,
    /// `disabled`.
    Disabled,
    /// `initializing`.
    Initializing,
    /// `delete-finalizing`.
    DeleteFinalizing,
    /// A value this crate does not know, verbatim.
    Other(String),
}

impl ConnectionState {
    /// The state of the wire value `value` (compared byte for byte).
    pub fn from_wire(value: String) -> Self {
        match value.as_str() {
            "enabled" => Self::Enabled,
            "disabled" => Self::Disabled,
            "initializing" => Self::Initializing,
            "delete-finalizing" => Self::DeleteFinalizing,
            _ => Self::Other(value),
        }
    }

    /// The wire value.
    pub fn as_wire(&self) -> &str {
        match self {
            Self::Enabled => "enabled",
            Self::Disabled => "disabled",
            Self::Initializing => "initializing",
            Self::DeleteFinalizing => "delete-finalizing",
            Self::Other(value) => value,
        }
    }
}

impl std::fmt::Display for ConnectionState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_wire())
    }
}
