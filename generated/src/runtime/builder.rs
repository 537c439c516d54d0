//! Typestate support for the generated builders: a required param is tracked in the builder's
//! type, so `build()` only exists once every required param is set.
//!
//! The generated root module declares, per required param name, a trait (with `IsSet` as its
//! supertrait) implemented only by [`Set`] and carrying a `#[diagnostic::on_unimplemented]`
//! message that names the param: that is the compile error a user sees when a required param is
//! missing.

use std::fmt;

/// The state of a required param that has not been set yet.
#[derive(Clone, Copy, Default)]
pub struct Unset;

impl fmt::Debug for Unset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Unset")
    }
}

/// The state of a required param that holds a value. `Debug` shows the value's own `Debug`, which
/// for secrets is redacted.
#[derive(Clone)]
pub struct Set<T>(T);

impl<T> Set<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A typestate that holds a value: only [`Set`]. `build()` takes each required param's value
/// through it. Generated code reaches it as `__private::IsSet`.
#[doc(hidden)]
pub trait IsSet<T> {
    /// The value that was set.
    fn into_value(self) -> T;
}

impl<T> IsSet<T> for Set<T> {
    fn into_value(self) -> T {
        self.into_inner()
    }
}
