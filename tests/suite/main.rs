//! The test suite: one binary (one link) for every integration test of the workspace.

mod catalog_fresh;
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
