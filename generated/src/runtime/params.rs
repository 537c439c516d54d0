//! Reading, writing and checking auth params: what generated params types call to encode request
//! bodies, decode stored ones and enforce their spec's rules.

#[cfg(feature = "pattern")]
use std::sync::OnceLock;

use secrecy::{ExposeSecret, SecretString};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::error::{BuildError, DecodeError};
use super::read::DecodeMode;

/// A value an auth param can hold: how it is written into a body and read back from one.
///
/// Implemented for strings, secrets, integers, numbers, booleans, arrays of those, and for every
/// generated enum and nested object type.
pub trait ParamValue: Sized {
    /// What the JSON value must be, for error messages ("a string", "one of \"A\", \"B\"").
    fn expected() -> String;

    /// The typed value of the param whose dotted name is `param` of the auth spec `auth_spec`, read in `mode`
    /// (which decides whether a nested object may carry members its spec does not define). Errors
    /// name the param and what was expected, never the value.
    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        mode: DecodeMode,
    ) -> Result<Self, DecodeError>;

    /// Writes the value as JSON. Secrets are written in clear: this is the request body.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// The error for a value of the param `param` that is not what `T` reads.
pub(crate) fn invalid<T: ParamValue>(auth_spec: &'static str, param: &'static str) -> DecodeError {
    DecodeError::InvalidParam {
        auth_spec,
        param,
        expected: T::expected(),
    }
}

impl ParamValue for String {
    fn expected() -> String {
        "a string".into()
    }
    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        _mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        match value {
            Value::String(s) => Ok(s),
            _ => Err(invalid::<Self>(auth_spec, param)),
        }
    }
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl ParamValue for SecretString {
    fn expected() -> String {
        String::expected()
    }
    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        String::from_json(value, auth_spec, param, mode).map(SecretString::from)
    }
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose_secret())
    }
}

/// The `ParamValue` of a JSON scalar: what it is called, how `serde_json` reads it and how serde
/// writes it.
macro_rules! scalar_param_value {
    ($($ty:ty: $expected:literal, $read:ident, $write:ident;)+) => {$(
        impl ParamValue for $ty {
            fn expected() -> String {
                $expected.into()
            }
            fn from_json(value: Value, auth_spec: &'static str, param: &'static str, _mode: DecodeMode) -> Result<Self, DecodeError> {
                value.$read().ok_or_else(|| invalid::<Self>(auth_spec, param))
            }
            fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.$write(*self)
            }
        }
    )+};
}

scalar_param_value! {
    i64: "an integer", as_i64, serialize_i64;
    bool: "a boolean", as_bool, serialize_bool;
}

/// The largest integer an `f64` holds exactly.
const EXACT_F64_INTEGER: f64 = 9_007_199_254_740_992.0;

impl ParamValue for f64 {
    fn expected() -> String {
        "a number".into()
    }
    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        _mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        value.as_f64().ok_or_else(|| invalid::<Self>(auth_spec, param))
    }
    /// Whole numbers are written without a fraction (`5`, not `5.0`), as bodies write them.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.fract() == 0.0 && self.abs() <= EXACT_F64_INTEGER {
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(*self as i64)
        } else {
            serializer.serialize_f64(*self)
        }
    }
}

impl<T: ParamValue> ParamValue for Vec<T> {
    fn expected() -> String {
        format!("an array of which each element is {}", T::expected())
    }
    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        match value {
            Value::Array(items) => items
                .into_iter()
                .map(|item| T::from_json(item, auth_spec, param, mode).map_err(|_| invalid::<Self>(auth_spec, param)))
                .collect(),
            _ => Err(invalid::<Self>(auth_spec, param)),
        }
    }
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Wire(item))?;
        }
        seq.end()
    }
}

/// Serializes a param value through [`ParamValue::write`].
pub struct Wire<'a, T>(pub &'a T);

impl<T: ParamValue> Serialize for Wire<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

/// A generated struct of params (an auth spec's params, or a nested object param).
pub trait ParamObject: Sized {
    /// Writes the params as the members of a JSON object. Secrets are written in clear.
    fn write_params<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// Reads the params from a JSON object, rejecting missing, mistyped and invalid ones; the
    /// caller rejects what is left over.
    fn read_params(reader: &mut ParamReader) -> Result<Self, DecodeError>;
}

/// A generated enum of the allowed string values of a param. Implementing it makes the type a
/// [`ParamValue`].
pub trait WireEnum: Sized + Copy + 'static {
    /// Every allowed value, in spec order.
    const VALUES: &'static [&'static str];

    /// The exact wire value.
    fn as_wire(&self) -> &'static str;

    /// The variant whose wire value is `value`, compared byte for byte.
    fn from_wire(value: &str) -> Option<Self>;
}

/// Every generated enum is a param value: written as its wire string, read back only from one of
/// the allowed strings.
impl<T: WireEnum> ParamValue for T {
    fn expected() -> String {
        enum_expected::<T>()
    }

    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        _mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        read_enum(value, auth_spec, param)
    }

    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_wire())
    }
}

/// [`ParamValue::expected`] of an enum: the allowed values.
fn enum_expected<T: WireEnum>() -> String {
    let values: Vec<String> = T::VALUES.iter().map(|v| format!("{v:?}")).collect();
    format!("one of {}", values.join(", "))
}

/// [`ParamValue::from_json`] of an enum.
fn read_enum<T: WireEnum>(value: Value, auth_spec: &'static str, param: &'static str) -> Result<T, DecodeError> {
    match &value {
        Value::String(s) => T::from_wire(s),
        _ => None,
    }
    .ok_or_else(|| invalid::<T>(auth_spec, param))
}

/// [`ParamValue::from_json`] of a nested object: its params, and (in strict mode) nothing else.
pub fn read_object<T: ParamObject + ParamValue>(
    value: Value,
    auth_spec: &'static str,
    param: &'static str,
    mode: DecodeMode,
) -> Result<T, DecodeError> {
    let Value::Object(params) = value else {
        return Err(invalid::<T>(auth_spec, param));
    };
    let mut reader = ParamReader::nested(auth_spec, param, params, mode);
    let object = T::read_params(&mut reader)?;
    reader.finish()?;
    Ok(object)
}

/// [`ParamValue::write`] of a nested object.
pub fn write_object<T: ParamObject, S: Serializer>(object: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    object.write_params(&mut map)?;
    map.end()
}

/// Takes params out of a JSON object one by one, then rejects what is left over (in strict mode)
/// or drops it (in lenient mode).
pub struct ParamReader {
    auth_spec: &'static str,
    object: &'static str,
    params: Map<String, Value>,
    mode: DecodeMode,
}

/// Names the params left to read, never their values: they may be secrets.
impl std::fmt::Debug for ParamReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParamReader")
            .field("auth_spec", &self.auth_spec)
            .field("object", &self.object)
            .field("params", &self.params.keys().collect::<Vec<_>>())
            .field("mode", &self.mode)
            .finish()
    }
}

impl ParamReader {
    /// A reader over `auth.params` of the auth spec named `auth_spec`, reading in `mode`.
    pub fn new(auth_spec: &'static str, params: Map<String, Value>, mode: DecodeMode) -> Self {
        Self::nested(auth_spec, "", params, mode)
    }

    /// A reader over the object param whose dotted name is `object` (`""` for `auth.params` itself).
    pub fn nested(auth_spec: &'static str, object: &'static str, params: Map<String, Value>, mode: DecodeMode) -> Self {
        Self {
            auth_spec,
            object,
            params,
            mode,
        }
    }

    /// Whether values are checked against their spec's `pattern`: for bodies to send
    /// ([`DecodeMode::Strict`]), not for what the service returns ([`DecodeMode::Lenient`]), which
    /// it accepted already and may hold masked (`********`).
    pub fn checks_patterns(&self) -> bool {
        self.mode == DecodeMode::Strict
    }

    /// A param the spec requires. `key` is its name in this object, `dotted_name` its dotted name from
    /// `auth.params` for messages.
    pub fn required<T: ParamValue>(&mut self, key: &'static str, dotted_name: &'static str) -> Result<T, DecodeError> {
        self.optional(key, dotted_name)?.ok_or(DecodeError::MissingParam {
            auth_spec: self.auth_spec,
            param: dotted_name,
        })
    }

    /// A param the spec does not require; `null` counts as absent.
    pub fn optional<T: ParamValue>(
        &mut self,
        key: &'static str,
        dotted_name: &'static str,
    ) -> Result<Option<T>, DecodeError> {
        match self.params.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::from_json(value, self.auth_spec, dotted_name, self.mode).map(Some),
        }
    }

    /// In strict mode, fails on the first param that was not taken: the spec does not define it.
    /// In lenient mode, drops what is left.
    pub fn finish(self) -> Result<(), DecodeError> {
        if self.mode == DecodeMode::Lenient {
            return Ok(());
        }
        match self.params.into_iter().next() {
            Some((key, _)) => Err(DecodeError::UnknownParam {
                auth_spec: self.auth_spec,
                param: if self.object.is_empty() {
                    key
                } else {
                    format!("{}.{key}", self.object)
                },
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
#[cfg(feature = "pattern")]
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Option<regex::Regex>>,
}

#[cfg(feature = "pattern")]
impl Pattern {
    /// A pattern from its source (a JSON Schema regular expression; it matches anywhere in the value).
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// Checks the value of the param whose dotted name is `param`. The error names the param and the
    /// pattern, never the value.
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

/// A spec's `pattern` without the `pattern` feature: generated code that checks one (a static
/// built with [`Pattern::new`]) fails to compile, and the compiler shows the message saying which
/// feature to turn on, instead of values going unchecked.
#[cfg(not(feature = "pattern"))]
pub struct Pattern {
    // Inhabited, so a static of it is no lint of its own: only the message below shows.
    _private: (),
}

#[cfg(not(feature = "pattern"))]
impl Pattern {
    /// Stops compilation (it is evaluated in a static's initializer) with what to do.
    pub const fn new(_source: &'static str) -> Self {
        panic!("a connector of these specs has a `pattern`: turn on the `pattern` feature of flow-connectors")
    }

    /// Never called: no `Pattern` exists without the feature ([`Pattern::new`] stops compilation).
    pub fn check(&self, _param: &'static str, _value: &impl PatternText) -> Result<(), BuildError> {
        unreachable!("Pattern::new stops compilation without the `pattern` feature")
    }
}
