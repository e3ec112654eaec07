//! A dead source gives up in seconds: a server that accepts and never
//! answers, and an address that refuses connections. After two symbols in
//! a row the fetch stops asking, lists the rest as not fetched and exits 1;
//! every file stays byte-identical. Timeouts are shortened by the
//! environment so each test runs in a few seconds; the only bound on time
//! is a generous one on the whole run.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::support::*;

const TEN: [&str; 10] = [
    "300308.SZ",
    "300502.SZ",
    "688256.SH",
    "0700.HK",
    "9988.HK",
    "1810.HK",
    "3690.HK",
    "9618.HK",
    "1024.HK",
    "HSTECH.HK",
];

/// Fetches the ten symbols from `url`; checks what every dead-source fetch
/// must hold and returns the summary text.
fn gives_up(url: &str, source: &str) -> String {
    let home = home();
    let before = snapshot(home.path());
    let started = Instant::now();
    let out = spillover(home.path(), url)
        .env("SPILLOVER_FETCH_TIMEOUT_MS", "300")
        .env("SPILLOVER_FETCH_CONNECT_TIMEOUT_MS", "300")
        .env("TUSHARE_TOKEN", TOKEN)
        .args(["fetch", "--source", source, "--to", "2025-05-16"])
        .args(TEN)
        .output()
        .unwrap();
    // Two symbols of two 0.3 s attempts at most: far under this bound.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(snapshot(home.path()), before, "the cache is byte-identical");
    let text = stdout(&out);
    assert!(
        text.contains(
            "; 2 failed (their files are unchanged); 8 not fetched (source unreachable):"
        ),
        "{text}"
    );
    assert_eq!(
        text.matches("\n      not fetched: source unreachable (")
            .count(),
        8,
        "{text}"
    );
    text
}

#[test]
fn a_server_that_never_answers_stops_the_fetch_after_two_symbols() {
    let silent = Silent::start();
    let text = gives_up(&silent.url, "yahoo");
    assert!(
        text.contains("Yahoo did not answer within 0.3s (2 attempts)"),
        "{text}"
    );
    assert!(
        text.contains(
            "not fetched: source unreachable (no answer within 0.3s on 300308.SZ and 300502.SZ)"
        ),
        "{text}"
    );
    // Two attempts for each of the two symbols, none after.
    assert_eq!(silent.connections(), 4);
}

#[test]
fn a_refused_connection_stops_the_fetch_after_two_symbols() {
    let url = refusing_url();
    let text = gives_up(&url, "tushare");
    assert!(text.contains("cannot reach Tushare:"), "{text}");
    assert!(
        text.contains("not fetched: source unreachable (cannot connect:"),
        "{text}"
    );
    assert!(text.contains("on 300308.SZ and 300502.SZ)"), "{text}");
}

#[test]
fn the_json_summary_lists_the_symbols_not_asked() {
    let silent = Silent::start();
    let home = home();
    let out = spillover(home.path(), &silent.url)
        .env("SPILLOVER_FETCH_TIMEOUT_MS", "300")
        .args(["fetch", "--json", "--to", "2025-05-16"])
        .args(&TEN[..4])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = &json["symbols"][3];
    assert_eq!(last["status"], "not fetched");
    assert_eq!(
        last["reason"],
        "source unreachable (no answer within 0.3s on 300308.SZ and 300502.SZ)"
    );
}

#[test]
fn an_answer_between_two_hangs_keeps_the_fetch_going() {
    // 300308.SZ and 688256.SH hang; 300502.SZ is unknown (a real answer);
    // 0700.HK answers: never two unreachable symbols in a row.
    let yahoo = yahoo_route(fixture("yahoo/chart_template.json"));
    let server = Server::start(move |request, n| {
        let path = request.path();
        if path.ends_with("/300308.SZ") || path.ends_with("/688256.SS") {
            Reply::json("{}").after(Duration::from_secs(2))
        } else if path.ends_with("/300502.SZ") {
            Reply::status(404, fixture("yahoo/not_found.json"))
        } else {
            yahoo(request, n)
        }
    });
    let home = home();
    let out = spillover(home.path(), &server.url)
        .env("SPILLOVER_FETCH_TIMEOUT_MS", "300")
        .args(["fetch", "--to", "2025-05-16"])
        .args(&TEN[..4])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("Fetched 1 of 4 symbols from Yahoo up to 2025-05-16; 3 failed"),
        "{text}"
    );
    assert!(!text.contains("not fetched"), "{text}");
    assert!(!table(home.path(), "0700.HK").demo);
}
