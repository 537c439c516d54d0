//! Telling request bodies apart by their shape.

use serde_json::Value;

/// The kind of a request body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BodyKind {
    /// A `POST /connections` body (a base connection).
    Connection,
}

/// The kind of `body`, from the members only one kind has.
pub(super) fn of(_body: &Value) -> BodyKind {
    BodyKind::Connection
}
