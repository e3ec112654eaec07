//! A symbol that fails leaves its file byte-identical and is named with its
//! reason; the others are still written; the exit code says it.

use std::time::Duration;

use super::support::*;

/// Fetches 300308.SZ from a server answering `route`; the cache must come
/// out byte-identical, and the output is returned.
fn fails_cleanly(
    env: &[(&str, &str)],
    route: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
) -> (std::process::Output, Vec<Request>) {
    let server = Server::start(route);
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .envs(env.iter().copied())
        .args(["fetch", "300308.SZ", "--to", "2025-05-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(snapshot(home.path()), before, "the cache is byte-identical");
    let text = stdout(&out);
    assert!(
        text.starts_with("Fetched 0 of 1 symbols from Yahoo"),
        "{text}"
    );
    assert!(
        text.contains("1 failed (their files are unchanged)"),
        "{text}"
    );
    assert!(text.contains("300308.SZ  300308.SZ  FAILED"), "{text}");
    (out, server.requests())
}

#[test]
fn an_unknown_symbol_is_named() {
    let (out, requests) = fails_cleanly(&[], |_, _| {
        Reply::status(404, fixture("yahoo/not_found.json"))
    });
    assert!(
        stdout(&out).contains(
            "Yahoo has no series for 300308.SZ; check the symbol, or try another --source"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(requests.len(), 1, "a 404 is not retried");
}

#[test]
fn malformed_json_is_named() {
    let (out, _) = fails_cleanly(&[], |_, _| Reply::json(fixture("yahoo/malformed.json")));
    assert!(
        stdout(&out).contains("Yahoo answered with malformed JSON (EOF while parsing"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_html_page_with_status_200_is_named() {
    let (out, _) = fails_cleanly(&[], |_, _| Reply::html(fixture("yahoo/consent.html")));
    assert!(
        stdout(&out).contains("Yahoo answered with an HTML page instead of JSON"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_timeout_is_retried_then_named() {
    let (out, requests) = fails_cleanly(&[("SPILLOVER_FETCH_TIMEOUT_MS", "300")], |_, _| {
        Reply::json(fixture("yahoo/chart_template.json")).after(Duration::from_millis(1500))
    });
    // With SPILLOVER_FETCH_TIMEOUT_MS=300: a hung server is tried twice,
    // whatever SPILLOVER_FETCH_RETRIES (2) allows for other failures.
    assert!(
        stdout(&out).contains("Yahoo did not answer within 0.3s (2 attempts)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(requests.len(), 2);
}

#[test]
fn a_server_error_every_time_gives_up_after_the_retries() {
    let (out, requests) = fails_cleanly(&[], |_, _| Reply::status(503, "upstream down"));
    assert!(
        stdout(&out).contains("HTTP 503 from Yahoo after 3 attempts; the service is failing"),
        "{}",
        stdout(&out)
    );
    assert_eq!(requests.len(), 3);
}

#[test]
fn too_many_requests_then_success() {
    let recorded = fixture("yahoo/chart_template.json");
    let yahoo = yahoo_route(recorded);
    let server = Server::start(move |request, n| {
        if n == 0 {
            Reply::status(429, fixture("yahoo/too_many_requests.txt"))
        } else {
            yahoo(request, n)
        }
    });
    let home = home();
    let out = spillover(home.path(), &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(server.requests().len(), 2);
    assert_eq!(table(home.path(), "300308.SZ").rows.len(), 30);
}

#[test]
fn one_failed_symbol_does_not_stop_the_others() {
    let yahoo = yahoo_route(fixture("yahoo/chart_template.json"));
    let server = Server::start(move |request, n| {
        if request.path().ends_with("/9999.HK") {
            Reply::status(404, fixture("yahoo/not_found.json"))
        } else {
            yahoo(request, n)
        }
    });
    let home = home();
    let demo_9999 = std::fs::read(price_file(home.path(), "9999.HK")).unwrap();
    let out = spillover(home.path(), &server.url)
        .args([
            "fetch",
            "300308.SZ",
            "9999.HK",
            "0700.HK",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("Fetched 2 of 3 symbols from Yahoo up to 2025-05-16; 1 failed"),
        "{text}"
    );
    assert!(text.contains("Yahoo has no series for 9999.HK"), "{text}");
    assert_eq!(
        std::fs::read(price_file(home.path(), "9999.HK")).unwrap(),
        demo_9999
    );
    assert!(!table(home.path(), "300308.SZ").demo);
    assert!(!table(home.path(), "0700.HK").demo);
}
