//! The test suite of flow-tests: one binary (one link) for every test that needs the generated crate.

mod check;
mod common;
mod compile_fail;
mod conformance;
mod corpus;
mod fixture_catalog;
mod http_request;
mod patch;
mod quirks;
mod read_back;
mod redaction;
mod workflow;
