//! What the workflow calls return: a created resource's typed id and etag, and a resource read
//! back with its server fields around its typed body.

use serde_json::{Map, Value};

use crate::runtime::workflow::body::describe;
use crate::{
    BodyError, BodyKind, BodyProblem, ConnectionState, CreateSourceConnection, CreateTargetConnection, DecodeError,
    FlowId, ReadFlow, SourceConnectionId, SourceParams, TargetConnectionId,
};

/// What a `POST` that creates a resource answers: its id, typed by what it names
/// ([`SourceConnectionId<P>`], [`TargetConnectionId`], [`FlowId`]), and its etag, verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Created<I> {
    /// The new resource's id.
    pub id: I,
    /// Its entity tag, verbatim with its quotes.
    pub etag: String,
}

/// A source connection, target connection or dataflow as the service returns it (`GET
/// /sourceConnections/{id}` and each item of a listing): its server fields, and its body `T`
/// read back in [`DecodeMode::Lenient`](crate::DecodeMode) into the type it was created from.
///
/// `T` is [`CreateSourceConnection<P>`] (or a generated `AnySourceConnection`),
/// [`CreateTargetConnection`], or [`CreateFlow<F>`](crate::CreateFlow) (or a generated
/// `AnyFlow`). Members neither the server fields nor `T` name (`version`, `inheritedAttributes`,
/// `runs`, ...) are dropped; `T`'s own rules (spec ids, required members, param types) still
/// apply. The same shape as a base connection's [`Connection<C>`](crate::Connection); `Debug`
/// shows no secret param.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Fetched<T> {
    /// The id (`id`).
    pub id: String,
    /// The entity tag (`etag`), verbatim with its quotes.
    pub etag: String,
    /// The state (`state`: `enabled`, `disabled`, ...), if the item has one.
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
    /// The resource itself, as the request body type it reads back into.
    pub body: T,
}

impl<T> Fetched<T> {
    /// Reads one item: the server fields (`id` and `etag` required), then the rest with `read`.
    /// Errors are [`BodyError`]s of `kind` naming the member, never a param value.
    pub(crate) fn from_item(
        item: Value,
        kind: BodyKind,
        read: impl FnOnce(Value) -> Result<T, DecodeError>,
    ) -> Result<Self, DecodeError> {
        let mut item = ServerFields::of(item, kind)?;
        let id = item.required_string("id")?;
        let etag = item.required_string("etag")?;
        let state = item.string("state")?.map(ConnectionState::from_wire);
        let created_at = item.integer("createdAt")?;
        let updated_at = item.integer("updatedAt")?;
        let created_by = item.string("createdBy")?;
        let updated_by = item.string("updatedBy")?;
        let created_client = item.string("createdClient")?;
        let updated_client = item.string("updatedClient")?;
        let sandbox_id = item.string("sandboxId")?;
        let sandbox_name = item.string("sandboxName")?;
        let ims_org_id = item.string("imsOrgId")?;
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
            body: read(Value::Object(item.map))?,
        })
    }

    /// The same server fields around another body.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Fetched<U> {
        Fetched {
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
            body: f(self.body),
        }
    }
}

impl<P: SourceParams> Fetched<CreateSourceConnection<P>> {
    /// The id, typed: what a flow's `source(..)` takes.
    pub fn source_connection_id(&self) -> SourceConnectionId<P> {
        SourceConnectionId::new(self.id.clone())
    }
}

impl Fetched<CreateTargetConnection> {
    /// The id, typed: what a flow's `target(..)` takes.
    pub fn target_connection_id(&self) -> TargetConnectionId {
        TargetConnectionId::new(self.id.clone())
    }
}

impl<F: ReadFlow> Fetched<F> {
    /// The id, typed: what [`FlowClient::runs`](super::FlowClient::runs) takes.
    pub fn flow_id(&self) -> FlowId {
        FlowId::new(self.id.clone())
    }
}

/// The members of one item, taken out one by one.
struct ServerFields {
    map: Map<String, Value>,
    kind: BodyKind,
}

impl ServerFields {
    fn of(item: Value, kind: BodyKind) -> Result<Self, BodyError> {
        match item {
            Value::Object(map) => Ok(Self { map, kind }),
            other => Err(Self::error(kind, "(root)", "an object", &other)),
        }
    }

    fn error(kind: BodyKind, field: &str, expected: &str, found: &Value) -> BodyError {
        BodyError {
            body: kind,
            field: field.into(),
            problem: BodyProblem::Expected {
                expected: expected.into(),
                found: describe(found),
            },
        }
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|value| !value.is_null())
    }

    fn string(&mut self, key: &str) -> Result<Option<String>, BodyError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => Err(Self::error(self.kind, key, "a string", &other)),
        }
    }

    fn required_string(&mut self, key: &str) -> Result<String, BodyError> {
        self.string(key)?.ok_or_else(|| BodyError {
            body: self.kind,
            field: key.into(),
            problem: BodyProblem::Missing,
        })
    }

    fn integer(&mut self, key: &str) -> Result<Option<i64>, BodyError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Number(number)) if number.is_i64() => Ok(number.as_i64()),
            Some(other) => Err(Self::error(self.kind, key, "an integer", &other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn server_fields_are_taken_and_the_rest_is_read() {
        let item = json!({"id": "t1", "etag": "\"e\"", "state": "enabled", "createdAt": 5, "version": "\"e\"",
            "name": "n"});
        let fetched = Fetched::from_item(item, BodyKind::TargetConnection, |rest| {
            assert_eq!(rest, json!({"version": "\"e\"", "name": "n"}));
            Ok(7)
        })
        .unwrap();
        assert_eq!((fetched.id.as_str(), fetched.etag.as_str()), ("t1", "\"e\""));
        assert_eq!(fetched.state, Some(ConnectionState::Enabled));
        assert_eq!((fetched.created_at, fetched.body), (Some(5), 7));

        let error = Fetched::from_item(json!({"id": "t1"}), BodyKind::Flow, |_| Ok(())).unwrap_err();
        assert_eq!(error.to_string(), "flow body, `etag`: missing");
        let item = json!({"id": "t1", "etag": "e", "createdAt": "yesterday"});
        let error = Fetched::from_item(item, BodyKind::Flow, |_| Ok(())).unwrap_err();
        assert_eq!(
            error.to_string(),
            "flow body, `createdAt`: expected an integer, got the string \"yesterday\""
        );
    }
}
