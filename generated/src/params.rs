//! Reading and checking auth params: what generated params types call to decode stored bodies and
//! to enforce their spec's rules.

use std::sync::OnceLock;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value};

use crate::error::{BuildError, DecodeError};

/// A value an auth param can hold, read from its JSON form.
pub trait ParamValue: Sized {
    /// What the JSON value must be, for error messages ("a string").
    const EXPECTED: &'static str;
    /// The typed value, or `None` if the JSON value has the wrong type.
    fn from_json(value: Value) -> Option<Self>;
}

impl ParamValue for String {
    const EXPECTED: &'static str = "a string";
    fn from_json(value: Value) -> Option<Self> {
        match value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

impl ParamValue for SecretString {
    const EXPECTED: &'static str = "a string";
    fn from_json(value: Value) -> Option<Self> {
        String::from_json(value).map(SecretString::from)
    }
}

impl ParamValue for i64 {
    const EXPECTED: &'static str = "an integer";
    fn from_json(value: Value) -> Option<Self> {
        value.as_i64()
    }
}

impl ParamValue for f64 {
    const EXPECTED: &'static str = "a number";
    fn from_json(value: Value) -> Option<Self> {
        value.as_f64()
    }
}

impl ParamValue for bool {
    const EXPECTED: &'static str = "a boolean";
    fn from_json(value: Value) -> Option<Self> {
        value.as_bool()
    }
}

/// Takes params out of an `auth.params` object one by one, then rejects what is left over.
#[derive(Debug)]
pub struct ParamReader {
    auth_spec: &'static str,
    params: Map<String, Value>,
}

impl ParamReader {
    /// A reader over the params of the auth spec named `auth_spec`.
    pub fn new(auth_spec: &'static str, params: Map<String, Value>) -> Self {
        Self { auth_spec, params }
    }

    /// A param the auth spec requires.
    pub fn required<T: ParamValue>(&mut self, param: &'static str) -> Result<T, DecodeError> {
        self.optional(param)?.ok_or(DecodeError::MissingParam {
            auth_spec: self.auth_spec,
            param,
        })
    }

    /// A param the auth spec does not require; `null` counts as absent.
    pub fn optional<T: ParamValue>(&mut self, param: &'static str) -> Result<Option<T>, DecodeError> {
        match self.params.remove(param) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::from_json(value).map(Some).ok_or(DecodeError::InvalidParam {
                auth_spec: self.auth_spec,
                param,
                expected: T::EXPECTED,
            }),
        }
    }

    /// Fails on the first param that was not taken: the auth spec does not define it.
    pub fn finish(self) -> Result<(), DecodeError> {
        match self.params.into_iter().next() {
            Some((param, _)) => Err(DecodeError::UnknownParam {
                auth_spec: self.auth_spec,
                param,
            }),
            None => Ok(()),
        }
    }
}

/// A value whose text a `pattern` can be checked against.
pub trait PatternText {
    /// The text to match.
    fn pattern_text(&self) -> &str;
}

impl PatternText for String {
    fn pattern_text(&self) -> &str {
        self
    }
}

impl PatternText for SecretString {
    fn pattern_text(&self) -> &str {
        self.expose_secret()
    }
}

/// A spec's `pattern`, compiled once on first use.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Option<regex::Regex>>,
}

impl Pattern {
    /// A pattern from its source (a JSON Schema regular expression; it matches anywhere in the value).
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// Checks the value of `param`. The error names the param and the pattern, never the value.
    pub fn check(&self, param: &'static str, value: &impl PatternText) -> Result<(), BuildError> {
        let matches = self
            .compiled
            .get_or_init(|| regex::Regex::new(self.source).ok())
            .as_ref()
            .is_some_and(|regex| regex.is_match(value.pattern_text()));
        if matches {
            Ok(())
        } else {
            Err(BuildError::PatternMismatch {
                param,
                pattern: self.source,
            })
        }
    }
}
