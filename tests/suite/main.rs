//! The test suite: one binary (one link) for every integration test of the workspace.

mod common;
mod catalog_fresh;
mod compile_fail;
mod conformance;
mod corpus;
mod determinism;
mod diagnostics;
mod fixture_catalog;
mod http_request;
mod quirks;
mod redaction;
mod snapshots;
