//! Telling request bodies apart by their shape: the members only one kind of body has.

use flow_connectors::DATA_LAKE_SPEC_ID;
use serde_json::Value;

/// The kind of a request body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BodyKind {
    /// A `POST /connections` body (a base connection).
    Connection,
    /// A `POST /sourceConnections` body.
    SourceConnection,
    /// A `POST /targetConnections` body.
    TargetConnection,
    /// A `POST /flows` body.
    Flow,
}

impl BodyKind {
    /// The word `validate` prints.
    pub(super) fn word(self) -> &'static str {
        match self {
            BodyKind::Connection => "connection",
            BodyKind::SourceConnection => "source",
            BodyKind::TargetConnection => "target",
            BodyKind::Flow => "flow",
        }
    }
}

/// The kind of `body`: a flow has `flowSpec`; a base connection has `auth`; a target connection
/// names the Data Lake's connection spec; a source connection has `baseConnectionId`, `data`,
/// `params` or a top-level `providerId` without `auth`... except that a base connection of a
/// connector without auth specs has only `name`, `description`, `providerId` and
/// `connectionSpec`, so a body with none of the source members is read as a base connection.
pub(super) fn of(body: &Value) -> BodyKind {
    let has = |key: &str| body.get(key).is_some();
    if has("flowSpec") {
        BodyKind::Flow
    } else if has("auth") {
        BodyKind::Connection
    } else if body.pointer("/connectionSpec/id").and_then(Value::as_str) == Some(DATA_LAKE_SPEC_ID) {
        BodyKind::TargetConnection
    } else if has("baseConnectionId") || has("data") || has("params") {
        BodyKind::SourceConnection
    } else {
        BodyKind::Connection
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn each_kind_is_told_by_its_own_members() {
        let spec = json!({"id": "26d738e0-8963-47ea-aadf-c60de735468a", "version": "1.0"});
        let lake = json!({"id": DATA_LAKE_SPEC_ID, "version": "1.0"});
        let cases = [
            (
                json!({"name": "f", "flowSpec": spec, "sourceConnectionIds": []}),
                BodyKind::Flow,
            ),
            (
                json!({"name": "c", "auth": {}, "connectionSpec": spec}),
                BodyKind::Connection,
            ),
            (
                json!({"name": "c", "providerId": "p", "connectionSpec": spec}),
                BodyKind::Connection,
            ),
            (
                json!({"name": "t", "data": {}, "params": {}, "connectionSpec": lake}),
                BodyKind::TargetConnection,
            ),
            (
                json!({"name": "s", "baseConnectionId": "b", "connectionSpec": spec}),
                BodyKind::SourceConnection,
            ),
            (
                json!({"name": "w", "providerId": "p", "data": {}, "connectionSpec": spec}),
                BodyKind::SourceConnection,
            ),
        ];
        for (body, kind) in cases {
            assert_eq!(of(&body), kind, "{body}");
        }
    }
}
