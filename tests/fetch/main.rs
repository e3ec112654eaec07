//! `spillover fetch` against a loopback server replaying recorded answers
//! of Yahoo, Eastmoney and Tushare (tests/fixtures/fetch/): exit code,
//! message, summary and the cache's bytes. No test touches the network.

#![allow(
    dead_code,
    reason = "the server module is shared with examples/fetch_server.rs"
)]

mod server;
mod support;

mod cache;
mod dead;
mod failures;
mod faults;
mod sources;
mod yahoo;
