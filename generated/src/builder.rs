//! Typestate support for the generated builders: a required param is tracked in the builder's
//! type, so `build()` only exists once every required param is set.

use std::fmt;
use std::marker::PhantomData;

/// The state of a required param that has not been set yet. `P` names the param.
pub struct Unset<P>(PhantomData<fn() -> P>);

impl<P> Unset<P> {
    /// The unset state.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}

impl<P> Default for Unset<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P> Clone for Unset<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P> Copy for Unset<P> {}

impl<P> fmt::Debug for Unset<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Unset")
    }
}

/// The state of a required param that holds a value.
#[derive(Clone)]
pub struct Set<T>(pub(crate) T);

impl<T> Set<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Self(value)
    }
}

impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Implemented only by [`Set`]: the bound that `build()` puts on every required param.
#[diagnostic::on_unimplemented(
    message = "missing required auth param `{P}`",
    label = "`{P}` is required by this auth spec and was never set",
    note = "call `.{P}(...)` on the builder before `.build()`"
)]
pub trait Required<P, T> {
    /// The value that was set.
    fn into_value(self) -> T;
}

impl<P, T> Required<P, T> for Set<T> {
    fn into_value(self) -> T {
        self.0
    }
}
