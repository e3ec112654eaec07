//! The cache over several fetches: every default basket filled, then
//! updated with only the new days; a re-based history replaced whole; a
//! dry run; a cancelled fetch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde_json::Value;
use spillover::domain::{PriceRow, Symbol};
use spillover::store::Store;
use spillover::store::fetch::{
    FetchError, FetchPlan, FetchProgress, FetchResult, Rows, Source, fetch,
};

use super::support::*;

#[test]
fn fills_every_default_basket_then_adds_only_the_new_days() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let home = home();
    let first = spillover(home.path(), &server.url)
        .args(["fetch", "--to", "2025-05-16", "--json"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    let json: Value = serde_json::from_slice(&first.stdout).unwrap();
    let symbols = json["symbols"].as_array().unwrap();
    // Every member of the six default baskets, each once (HSTECH.HK and
    // the five US tickers included).
    assert!(symbols.len() > 90, "{}", symbols.len());
    assert!(symbols.iter().any(|s| s["symbol"] == "HSTECH.HK"));
    assert!(symbols.iter().any(|s| s["symbol"] == "MSFT"));
    assert!(
        symbols
            .iter()
            .all(|s| s["status"] == "ok" && s["replaced_demo"] == true)
    );
    // The recorded history follows the mainland calendar; Hong Kong was
    // closed on 2025-04-18 and 2025-04-21 (Easter), so a .HK symbol keeps
    // 28 of the 30 rows, and the two are said, not stored; New York only
    // on Good Friday, 2025-04-18: a US ticker keeps 29.
    for s in symbols {
        let symbol = s["symbol"].as_str().unwrap();
        let t = table(home.path(), symbol);
        assert!(!t.demo);
        let hk = symbol.ends_with(".HK");
        let us = !symbol.contains('.');
        let kept = if hk {
            28
        } else if us {
            29
        } else {
            30
        };
        assert_eq!(t.rows.len(), kept, "{symbol}");
        let notes = s["notes"].to_string();
        assert_eq!(
            notes.contains("2 rows on days its market is closed not stored (2025-04-18 (Fri), 2025-04-21 (Mon))"),
            hk,
            "{symbol}: {notes}"
        );
        assert_eq!(
            notes.contains("1 row on days its market is closed not stored (2025-04-18 (Fri))"),
            us,
            "{symbol}: {notes}"
        );
    }

    let report = spillover(home.path(), &server.url)
        .arg("report")
        .output()
        .unwrap();
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    assert!(!stdout(&report).contains("DEMO"), "{}", stdout(&report));
    assert!(!stderr(&report).contains("DEMO"), "{}", stderr(&report));

    // A week later: the update asks from the fifth-last cached session
    // (2025-05-12), so 5 rows are checked and replaced, 5 are new.
    let before = server.requests().len();
    let second = spillover(home.path(), &server.url)
        .args(["fetch", "--to", "2025-05-23", "--json"])
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&second.stdout).unwrap();
    for s in json["symbols"].as_array().unwrap() {
        assert_eq!(
            (s["added"].as_u64(), s["replaced"].as_u64()),
            (Some(5), Some(5)),
            "{s}"
        );
        assert_eq!(s["rebased"], Value::Null);
        assert_eq!(s["cached"], serde_json::json!(["2025-04-01", "2025-05-23"]));
    }
    let update = &server.requests()[before];
    // period1 = 2025-05-11 00:00 UTC: the day before 2025-05-12.
    assert_eq!(update.query("period1").as_deref(), Some("1746921600"));
    assert_eq!(table(home.path(), "300308.SZ").rows.len(), 35);
}

/// Caches `first` up to `--to 2025-05-12`, then updates from `second` to
/// 2025-05-23; returns the update's summary text.
fn update_across(home: &std::path::Path, first: &str, second: &str) -> (String, usize) {
    let recorded = Arc::new(Mutex::new(fixture(first)));
    let now = Arc::clone(&recorded);
    let server = Server::start(move |request, n| {
        let recorded = now.lock().unwrap().clone();
        yahoo_route(recorded)(request, n)
    });
    spillover(home, &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-12"])
        .assert()
        .success();
    assert_eq!(table(home, "300308.SZ").rows.len(), 26);
    *recorded.lock().unwrap() = fixture(second);
    let out = spillover(home, &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-23"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    (stdout(&out), server.requests().len())
}

#[test]
fn a_dividend_that_rebases_the_overlap_replaces_the_whole_history() {
    let home = home();
    let (text, requests) = update_across(
        home.path(),
        "yahoo/chart_before_dividend.json",
        "yahoo/chart_template.json",
    );
    assert!(text.contains("300308.SZ  300308.SZ  re-based"), "{text}");
    // The overlap starts at 2025-05-06 (fifth-last of 26 cached sessions).
    assert!(
        text.contains("whole history re-fetched and replaced: the prices of 2025-05-06 changed"),
        "{text}"
    );
    assert_eq!(
        requests, 3,
        "first fetch, the update, the whole history again"
    );
    let t = table(home.path(), "300308.SZ");
    assert_eq!(t.rows.len(), 35);
    // Every row on the new basis: 2025-04-01 adj_close 112.0383, not 112.62.
    assert_eq!(t.rows[0].adj_close, Some(112.0383));
}

#[test]
fn a_split_inside_the_overlap_replaces_the_whole_history() {
    let home = home();
    let (text, requests) = update_across(
        home.path(),
        "yahoo/chart_template.json",
        "yahoo/chart_split.json",
    );
    assert!(text.contains("re-based"), "{text}");
    assert!(
        text.contains("a dividend or split re-based the history"),
        "{text}"
    );
    assert_eq!(requests, 3);
    let t = table(home.path(), "300308.SZ");
    assert_eq!(t.rows.len(), 35);
    // 2-for-1: 112.62 / 2 = 56.31 on 2025-04-01, the whole history halved.
    assert_eq!((t.rows[0].date, t.rows[0].close), (d("2025-04-01"), 56.31));
}

#[test]
fn a_dry_run_asks_nothing_and_writes_nothing() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .args([
            "fetch",
            "688256.SH",
            "--basket",
            "alibaba",
            "--dry-run",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("Would fetch 2 symbols from Yahoo (dry run"),
        "{text}"
    );
    assert!(
        text.contains(
            "688256.SH  688256.SS  2018-01-01  2025-05-16  whole history, replaces the DEMO prices"
        ),
        "{text}"
    );
    assert!(text.contains("9988.HK    9988.HK"), "{text}");
    assert!(server.requests().is_empty());
    assert_eq!(snapshot(home.path()), before);
}

#[test]
fn an_unknown_basket_is_refused_before_any_request() {
    let server = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let home = home();
    spillover(home.path(), &server.url)
        .args(["fetch", "--basket", "optical"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no basket \"optical\"; the baskets are:",
        ));
    assert!(server.requests().is_empty());
}

/// A source that answers at once, for the library's loop.
struct Fixed;

impl Source for Fixed {
    fn name(&self) -> &'static str {
        "Fixed"
    }
    fn code(&self, symbol: &Symbol) -> Result<String, FetchError> {
        Ok(symbol.to_string())
    }
    fn history(&self, _: &Symbol, _: NaiveDate, _: NaiveDate) -> Result<Rows, FetchError> {
        Ok(Rows {
            rows: vec![PriceRow::close_only(d("2025-05-16"), 10.0)],
            ..Rows::default()
        })
    }
}

#[test]
fn the_cancel_flag_stops_between_symbols_with_nothing_half_written() {
    let home = home();
    let store = Store::open(home.path()).unwrap();
    let before = snapshot(home.path());
    let plan = FetchPlan {
        symbols: vec![sym("300308.SZ"), sym("688256.SH"), sym("9988.HK")],
        from: None,
        to: d("2025-05-16"),
        full: false,
    };
    let cancel = AtomicBool::new(false);
    let mut events = Vec::new();
    // Ctrl-C arrives while the first symbol is being fetched.
    let summary = fetch(
        &store,
        &plan,
        &Fixed,
        &mut |event| {
            if let FetchProgress::Symbol {
                done,
                total,
                symbol,
            } = event
            {
                events.push(format!("{done}/{total} {symbol}"));
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    );
    assert_eq!(events, ["0/3 300308.SZ"]);
    assert!(summary.cancelled && !summary.all_ok());
    assert!(matches!(summary.symbols[0].result, FetchResult::Ok(_)));
    assert_eq!(summary.not_fetched(), 2);
    for s in &summary.symbols[1..] {
        assert_eq!(s.result, FetchResult::NotFetched, "{s:?}");
    }
    let after = snapshot(home.path());
    let changed: Vec<_> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(changed, ["300308.SZ.parquet"]);
}
