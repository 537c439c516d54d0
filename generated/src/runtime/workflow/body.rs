//! Reading workflow bodies back: the members of one JSON object taken out one by one, each error a
//! [`BodyError`] naming the member's dotted path and, for the body's own members, what was found.

use serde_json::{Map, Value};

use crate::runtime::error::{BodyError, BodyKind, BodyProblem, DecodeError};
use crate::runtime::params::{ParamObject, ParamReader};
use crate::runtime::read::DecodeMode;

/// Describes a JSON value for a message: its type and, for scalars, the value shortened to 40
/// characters. Only for the body's own members, never for source params.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("the string {:?}...", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The members of one object of a workflow body.
pub(crate) struct Fields {
    map: Map<String, Value>,
    body: BodyKind,
    /// The object's dotted path with a trailing dot (`scheduleParams.`), empty at the root.
    prefix: String,
    pub(crate) mode: DecodeMode,
}

impl Fields {
    /// The root object of a body.
    pub(crate) fn root(value: Value, body: BodyKind, mode: DecodeMode) -> Result<Self, BodyError> {
        Self::of(value, body, String::new(), mode)
    }

    /// The `data` member of a source connection body, which must be present.
    pub(crate) fn data(data: Option<Value>, mode: DecodeMode) -> Result<Self, BodyError> {
        let body = BodyKind::SourceConnection;
        match data {
            None => Err(BodyError {
                body,
                field: "data".into(),
                problem: BodyProblem::Missing,
            }),
            Some(value) => Self::of(value, body, "data".into(), mode),
        }
    }

    /// The object `value` found at the dotted path `path` of a body.
    pub(crate) fn at(value: Value, body: BodyKind, path: String, mode: DecodeMode) -> Result<Self, BodyError> {
        Self::of(value, body, path, mode)
    }

    fn of(value: Value, body: BodyKind, path: String, mode: DecodeMode) -> Result<Self, BodyError> {
        match value {
            Value::Object(map) => Ok(Self {
                map,
                body,
                prefix: if path.is_empty() { path } else { format!("{path}.") },
                mode,
            }),
            other => Err(BodyError {
                body,
                field: if path.is_empty() { "(root)".into() } else { path },
                problem: BodyProblem::Expected {
                    expected: "an object".into(),
                    found: describe(&other),
                },
            }),
        }
    }

    /// The dotted path of the member `key` of this object.
    pub(crate) fn path(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// An error about the member `key`.
    pub(crate) fn error(&self, key: &str, problem: BodyProblem) -> BodyError {
        BodyError {
            body: self.body,
            field: self.path(key),
            problem,
        }
    }

    /// An error: `key` holds `found` where `expected` belongs.
    pub(crate) fn expected(&self, key: &str, expected: impl Into<String>, found: &Value) -> BodyError {
        self.error(
            key,
            BodyProblem::Expected {
                expected: expected.into(),
                found: describe(found),
            },
        )
    }

    /// A member that may be absent; `null` counts as absent.
    pub(crate) fn optional(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|value| !value.is_null())
    }

    /// A member that must be present.
    pub(crate) fn required(&mut self, key: &str) -> Result<Value, BodyError> {
        self.optional(key).ok_or_else(|| self.error(key, BodyProblem::Missing))
    }

    /// A string member that may be absent.
    pub(crate) fn string(&mut self, key: &str) -> Result<Option<String>, BodyError> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => Err(self.expected(key, "a string", &other)),
        }
    }

    /// A string member that must be present.
    pub(crate) fn required_string(&mut self, key: &str) -> Result<String, BodyError> {
        self.string(key)?.ok_or_else(|| self.error(key, BodyProblem::Missing))
    }

    /// A nested object member that may be absent.
    pub(crate) fn object(&mut self, key: &str) -> Result<Option<Fields>, BodyError> {
        match self.optional(key) {
            None => Ok(None),
            Some(value) => Self::of(value, self.body, self.path(key), self.mode).map(Some),
        }
    }

    /// A nested object member that must be present.
    pub(crate) fn required_object(&mut self, key: &str) -> Result<Fields, BodyError> {
        let value = self.required(key)?;
        Self::of(value, self.body, self.path(key), self.mode)
    }

    /// A string member whose value must be `expected` (a spec id): the error quotes both.
    pub(crate) fn expect_id(&mut self, key: &str, expected: &'static str, what: &str) -> Result<(), BodyError> {
        let found = self.required_string(key)?;
        if found == expected {
            Ok(())
        } else {
            Err(self.error(
                key,
                BodyProblem::Expected {
                    expected: format!("{what} {expected:?}"),
                    found: describe(&Value::String(found)),
                },
            ))
        }
    }

    /// `{id, version}` of a spec reference (`connectionSpec`, `flowSpec`): the id must be
    /// `id`; in strict mode the version must be the string `version`, in lenient mode any string or
    /// number is taken.
    pub(crate) fn expect_spec_ref(
        &mut self,
        key: &str,
        id: &'static str,
        version: &'static str,
        what: &str,
    ) -> Result<(), BodyError> {
        let mut spec = self.required_object(key)?;
        spec.expect_id("id", id, what)?;
        match (spec.required("version")?, spec.mode) {
            (Value::String(found), _) if found == version => {}
            (Value::String(_) | Value::Number(_), DecodeMode::Lenient) => {}
            (other, _) => return Err(spec.expected("version", format!("the string {version:?}"), &other)),
        }
        spec.finish()
    }

    /// An object member read by a source params type `P`: a missing or mistyped param is named
    /// `<key>.<param>`. `connector` labels the reader.
    pub(crate) fn params<P: ParamObject>(&mut self, key: &str, connector: &'static str) -> Result<P, DecodeError> {
        let map = match self.optional(key) {
            None => Map::new(),
            Some(Value::Object(map)) => map,
            Some(other) => return Err(self.expected(key, "an object", &other).into()),
        };
        let mut reader = ParamReader::new(connector, map, self.mode);
        let read = P::read_params(&mut reader).and_then(|params| reader.finish().map(|()| params));
        read.map_err(|error| self.param_error(key, error))
    }

    /// An object member checked against catalog params (`Catalog::check_source_connection`), with
    /// the rules and errors of [`params`](Self::params).
    pub(crate) fn checked_params(
        &mut self,
        key: &str,
        connector: &'static str,
        params: &'static [crate::ParamInfo],
    ) -> Result<(), DecodeError> {
        let map = match self.optional(key) {
            None => Map::new(),
            Some(Value::Object(map)) => map,
            Some(other) => return Err(self.expected(key, "an object", &other).into()),
        };
        crate::runtime::check::check_params(params, connector, "", map, self.mode)
            .map_err(|error| self.param_error(key, error))
    }

    /// A params error of `ParamReader` (worded for auth params) as a [`BodyError`] naming
    /// `<key>.<param>`.
    fn param_error(&self, key: &str, error: DecodeError) -> DecodeError {
        let at = |param: &str| self.path(&format!("{key}.{param}"));
        let (field, problem) = match error {
            DecodeError::MissingParam { param, .. } => (at(param), BodyProblem::Missing),
            DecodeError::UnknownParam { param, .. } => (at(&param), BodyProblem::Unknown),
            DecodeError::InvalidParam { param, expected, .. } => (
                at(param),
                BodyProblem::Expected {
                    expected,
                    found: "another value".into(),
                },
            ),
            DecodeError::Invalid(crate::BuildError::PatternMismatch { param, pattern }) => (
                at(param),
                BodyProblem::NotAllowed(format!("does not match the pattern `{pattern}` its spec requires")),
            ),
            other => return other,
        };
        BodyError {
            body: self.body,
            field,
            problem,
        }
        .into()
    }

    /// In strict mode, fails on the first member not taken; in lenient mode drops what is left.
    pub(crate) fn finish(self) -> Result<(), BodyError> {
        match (self.mode, self.map.into_iter().next()) {
            (DecodeMode::Strict, Some((key, _))) => Err(BodyError {
                body: self.body,
                field: format!("{}{key}", self.prefix),
                problem: BodyProblem::Unknown,
            }),
            _ => Ok(()),
        }
    }
}
