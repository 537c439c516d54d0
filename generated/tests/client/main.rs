//! The async client (feature `client`) against a stand-in for Adobe IMS and Flow Service on
//! 127.0.0.1 (wiremock): real HTTP, nothing mocked inside the client. Every test also checks that
//! no secret of the suite (client secret, tokens, secret params) reached the captured tracing
//! output or an error's `Debug`.

mod errors;
mod explore;
mod flows;
mod hostile;
mod kinds;
mod operations;
mod read;
mod retries;
mod secrets;
mod sources;
mod support;
mod targets;
mod token;
