//! Shared helpers for the test suite live in `suite/`; this library is empty on purpose.
