//! Yahoo's chart answers: a normal history, halted days, dates in the
//! exchange's time zone.

use chrono::Datelike;

use super::support::*;

#[test]
fn a_normal_history_replaces_the_demo_prices_whole() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let home = home();
    assert!(table(home.path(), "300308.SZ").demo);
    let out = spillover(home.path(), &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Fetched 1 of 1 symbols from Yahoo up to 2025-05-16:"),
        "{text}"
    );
    assert!(text.contains("replaced DEMO"), "{text}");
    // The recorded history has 30 sessions from 2025-04-01 to 2025-05-16.
    assert!(text.contains("2025-04-01..2025-05-16 (30 rows)"), "{text}");
    // Not a terminal: one plain progress line per symbol on stderr.
    assert!(stderr(&out).contains("[1/1] 300308.SZ replaced DEMO: 30 added, 0 replaced"));

    let t = table(home.path(), "300308.SZ");
    assert!(!t.demo);
    assert_eq!(t.rows.len(), 30);
    let first = t.rows[0];
    // From the fixture: 2025-04-01 open 112.06, close 112.62, adjclose
    // 112.0383 (before the 0.60 dividend of 2025-05-13).
    assert_eq!(first.date, d("2025-04-01"));
    assert_eq!(
        (first.open, first.close, first.adj_close),
        (Some(112.06), 112.62, Some(112.0383))
    );
    let last = t.rows[29];
    assert_eq!(
        (last.date, last.close, last.adj_close),
        (d("2025-05-16"), 119.44, Some(119.44))
    );
    assert_eq!(last.volume, Some(18_003_973.0));

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.path(), "/v8/finance/chart/300308.SZ");
    assert_eq!(r.query("interval").as_deref(), Some("1d"));
    assert_eq!(r.query("events").as_deref(), Some("div%2Csplit"));
    // period1: 2017-12-31 00:00 UTC (the default start 2018-01-01, a day early).
    assert_eq!(r.query("period1").as_deref(), Some("1514678400"));
    assert!(
        r.header("user-agent")
            .unwrap_or("")
            .starts_with("Mozilla/5.0")
    );
}

#[test]
fn shanghai_is_asked_as_ss_and_written_as_sh() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let home = home();
    spillover(home.path(), &server.url)
        .args(["fetch", "688256.SH", "--to", "2025-05-09"])
        .assert()
        .success();
    assert_eq!(server.requests()[0].path(), "/v8/finance/chart/688256.SS");
    // 25 sessions up to 2025-05-09.
    assert_eq!(table(home.path(), "688256.SH").rows.len(), 25);
    assert!(!home.path().join("prices/688256.SS.parquet").exists());
}

#[test]
fn halted_days_with_null_prices_are_skipped_and_said() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_halted.json")));
    let home = home();
    let out = spillover(home.path(), &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("2 days without a price (halted) skipped"),
        "{}",
        stdout(&out)
    );
    let dates: Vec<_> = table(home.path(), "300308.SZ")
        .rows
        .iter()
        .map(|r| r.date)
        .collect();
    assert_eq!(dates.len(), 28);
    assert!(!dates.contains(&d("2025-04-15")) && !dates.contains(&d("2025-04-16")));
    assert!(dates.contains(&d("2025-04-14")) && dates.contains(&d("2025-04-17")));
}

#[test]
fn time_stamps_on_the_previous_utc_day_keep_the_exchange_date() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_prev_utc_day.json")));
    let home = home();
    spillover(home.path(), &server.url)
        .args(["fetch", "HSTECH.HK", "--to", "2025-05-16"])
        .assert()
        .success();
    assert_eq!(server.requests()[0].path(), "/v8/finance/chart/HSTECH.HK");
    let t = table(home.path(), "HSTECH.HK");
    // The first stamp, 1743436800, is 2025-03-31 16:00 UTC: 2025-04-01 00:00
    // in Hong Kong (gmtoffset 28800), a Tuesday; never the UTC Monday.
    assert_eq!(t.rows[0].date, d("2025-04-01"));
    assert_eq!(t.rows[0].close, 5079.16);
    assert!(
        t.rows
            .iter()
            .all(|r| r.date.weekday().number_from_monday() <= 5)
    );
}

#[test]
fn json_summary_for_scripts() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let home = home();
    let out = spillover(home.path(), &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-16", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"], "Yahoo");
    assert_eq!(json["cancelled"], false);
    let s = &json["symbols"][0];
    assert_eq!(s["symbol"], "300308.SZ");
    assert_eq!(s["status"], "ok");
    assert_eq!(s["added"], 30);
    assert_eq!(s["replaced_demo"], true);
    assert_eq!(s["cached"], serde_json::json!(["2025-04-01", "2025-05-16"]));
}
