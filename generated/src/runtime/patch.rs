//! The `PATCH /connections/{id}` body: a JSON Patch (RFC 6902), an array of operations with
//! lowercase `op`s, as Flow Service's tutorials send it.
//!
//! [`Patch`] holds the operations with their values still typed (a secret stays a
//! `SecretString` until the body is written), so `Debug` can show which paths change without
//! showing a secret. Each generated auth spec has a typed patch builder (`{ParamsType}Patch`) that
//! converts into a `Patch`.

use std::fmt;

use serde::Serializer;
use serde::ser::SerializeMap;

use super::connection::AuthParams;
use super::params::ParamValue;

/// An operation of a JSON Patch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PatchOp {
    /// `add`: sets a member whether or not it exists (RFC 6902 section 4.1).
    Add,
    /// `replace`: sets a member that must exist (RFC 6902 section 4.3).
    Replace,
}

impl PatchOp {
    /// The `op` as sent: lowercase.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Add => "add",
            Self::Replace => "replace",
        }
    }
}

/// A value an operation sets, still typed: written to JSON only when the body is.
trait PatchValue: Send + Sync {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
    fn clone_box(&self) -> Box<dyn PatchValue>;
}

/// A param value (or a name or description).
struct Typed<T>(T);

impl<T: ParamValue + Clone + Send + Sync + 'static> PatchValue for Typed<T> {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.0.write(&mut serde_json::Serializer::new(out))
    }
    fn clone_box(&self) -> Box<dyn PatchValue> {
        Box::new(Typed(self.0.clone()))
    }
}

/// A whole `auth.params` object.
struct WholeParams<A>(A);

impl<A: AuthParams + Clone + Send + Sync + 'static> PatchValue for WholeParams<A> {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = (&mut serializer).serialize_map(None)?;
        self.0.write_params(&mut map)?;
        map.end()
    }
    fn clone_box(&self) -> Box<dyn PatchValue> {
        Box::new(WholeParams(self.0.clone()))
    }
}

/// One operation of a [`Patch`]: an `op`, a JSON Pointer `path` and the value it sets.
pub struct PatchOperation {
    op: PatchOp,
    path: String,
    value: Box<dyn PatchValue>,
    redacted: bool,
}

impl PatchOperation {
    /// The operation.
    pub fn op(&self) -> PatchOp {
        self.op
    }

    /// The JSON Pointer it changes, as sent (`/name`, `/auth/params/password`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Whether `Debug` hides the value: a secret param, an object param or a whole `auth.params`.
    pub fn is_redacted(&self) -> bool {
        self.redacted
    }

    /// The value as JSON, secrets in clear: send it, never log it.
    pub fn value_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::new();
        self.value.write_json(&mut out)?;
        Ok(out)
    }
}

impl Clone for PatchOperation {
    fn clone(&self) -> Self {
        Self {
            op: self.op,
            path: self.path.clone(),
            value: self.value.clone_box(),
            redacted: self.redacted,
        }
    }
}

/// Shows the op and path, and the value only when it is not redacted.
impl fmt::Debug for PatchOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut operation = f.debug_struct("PatchOperation");
        operation.field("op", &self.op.as_str()).field("path", &self.path);
        if self.redacted {
            operation.field("value", &format_args!("[REDACTED]"));
        } else {
            match self.value_json() {
                Ok(json) => operation.field("value", &format_args!("{}", String::from_utf8_lossy(&json))),
                Err(_) => operation.field("value", &format_args!("[not serializable]")),
            };
        }
        operation.finish()
    }
}

/// A `PATCH /connections/{id}` body: a JSON Patch (RFC 6902) array, sent with `If-Match` set to
/// the connection's etag.
///
/// Build one with the generated patch type of the connection's auth spec
/// (`BasicAuthenticationPatch::new().password(..)`, then `.into()`), or here for what every
/// connection has (its name and description). Operations are sent in the order they were set;
/// setting a path again replaces the earlier operation in place. `Debug` never shows a secret.
///
/// ```
/// let patch = flow_connectors::Patch::new().replace_name("Orders (nightly)");
/// assert_eq!(
///     patch.to_json_bytes()?,
///     br#"[{"op":"replace","path":"/name","value":"Orders (nightly)"}]"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use = "a patch does nothing until it is sent"]
pub struct Patch {
    operations: Vec<PatchOperation>,
}

impl Patch {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces the connection's name (`replace` of `/name`).
    pub fn replace_name(self, name: impl Into<String>) -> Self {
        self.push(
            PatchOp::Replace,
            "/name".to_owned(),
            Box::new(Typed(name.into())),
            false,
        )
    }

    /// Sets the connection's description. Sent as `add` of `/description`, as Flow Service's
    /// update tutorial does: RFC 6902's `add` replaces a member that exists and creates one that
    /// does not, where `replace` fails on a connection that has no description yet.
    pub fn replace_description(self, description: impl Into<String>) -> Self {
        self.push(
            PatchOp::Add,
            "/description".to_owned(),
            Box::new(Typed(description.into())),
            false,
        )
    }

    /// Whether the patch has no operation (Flow Service rejects an empty patch: send nothing).
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty()
    }

    /// The operations, in the order they are sent.
    pub fn operations(&self) -> &[PatchOperation] {
        &self.operations
    }

    /// The JSON body: `[{"op":"replace","path":"/name","value":"..."}]`, secrets in clear: send
    /// it, never log it.
    pub fn to_json_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::with_capacity(64 * self.operations.len() + 2);
        out.push(b'[');
        for (index, operation) in self.operations.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            out.extend_from_slice(br#"{"op":"#);
            serde_json::to_writer(&mut out, operation.op.as_str())?;
            out.extend_from_slice(br#","path":"#);
            serde_json::to_writer(&mut out, &operation.path)?;
            out.extend_from_slice(br#","value":"#);
            operation.value.write_json(&mut out)?;
            out.push(b'}');
        }
        out.push(b']');
        Ok(out)
    }

    /// Replaces one param (generated patch types call this): `path` is the param's JSON Pointer,
    /// already escaped (`/auth/params/a~1b`); `redacted` hides the value from `Debug`.
    #[doc(hidden)]
    pub fn replace_param<T: ParamValue + Clone + Send + Sync + 'static>(
        self,
        path: &'static str,
        value: T,
        redacted: bool,
    ) -> Self {
        self.push(PatchOp::Replace, path.to_owned(), Box::new(Typed(value)), redacted)
    }

    /// Replaces the whole `auth.params` object (`replace` of `/auth/params`); its value is
    /// always redacted from `Debug`.
    #[doc(hidden)]
    pub fn replace_params<A: AuthParams + Clone + Send + Sync + 'static>(self, params: A) -> Self {
        self.push(
            PatchOp::Replace,
            "/auth/params".to_owned(),
            Box::new(WholeParams(params)),
            true,
        )
    }

    fn push(mut self, op: PatchOp, path: String, value: Box<dyn PatchValue>, redacted: bool) -> Self {
        let operation = PatchOperation {
            op,
            path,
            value,
            redacted,
        };
        match self.operations.iter_mut().find(|o| o.path == operation.path) {
            Some(earlier) => *earlier = operation,
            None => self.operations.push(operation),
        }
        self
    }
}
