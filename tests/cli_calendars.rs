//! The calendars, the season plan and the demo/real mix, run as a user
//! would: `calendar`, the user's calendars.csv, `check`, `watchlist plan`,
//! `demo --remove` and the default as-of date, on files the tests write
//! (2026 dates around Chinese New Year, Labour Day and Buddha's Birthday).

mod cli_support;

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use cli_support::{files, json, spillover};
use predicates::prelude::*;
use spillover::domain::calendar::{Calendars, Market};
use spillover::domain::{PriceRow, PriceTable, Symbol};
use spillover::store::{encode_parquet, write_atomic};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Installs the default (baskets, watchlist, demo prices) in `home`.
fn install_default(home: &Path) {
    spillover(home).arg("symbols").assert().success();
}

/// Writes real (non-demo) prices of `symbol` on `dates` into the cache.
fn write_real(home: &Path, symbol: &str, dates: &[NaiveDate]) {
    let rows = dates
        .iter()
        .enumerate()
        .map(|(i, day)| PriceRow::close_only(*day, 100.0 + i as f64 * 0.1))
        .collect();
    let table = PriceTable { rows, demo: false };
    let path = home.join("prices").join(format!("{symbol}.parquet"));
    write_atomic(&path, &encode_parquet(&table).unwrap()).unwrap();
}

fn hk_sessions(from: &str, to: &str) -> Vec<NaiveDate> {
    Calendars::embedded().sessions(Market::HongKong, d(from), d(to))
}

#[test]
fn calendar_json_lists_hong_kongs_2026_closures() {
    let home = tempfile::tempdir().unwrap();
    let v = json(
        home.path(),
        &["calendar", "--market", "XHKG", "--year", "2026", "--json"],
    );
    assert_eq!(v["market"], "XHKG");
    assert_eq!(v["year"], 2026);
    assert_eq!(v["known_until"], 2027);
    let closures: Vec<&str> = v["closures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    for day in [
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-05-01",
        "2026-05-25",
    ] {
        assert!(closures.contains(&day), "{day}: {closures:?}");
    }
    let sessions = v["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 261 - closures.len());
    assert!(!sessions.iter().any(|s| s == "2026-05-25"));
    // The calendar command reads nothing else: it installs no default.
    assert!(!home.path().join("baskets").exists());
}

#[test]
fn the_users_file_extends_the_mainland_past_2026_and_a_bad_line_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("calendars.csv");
    fs::write(
        &file,
        "date,market,note\n2027-02-08,XSHG,closed Spring Festival\n2027-02-09,XSHE,closed\n",
    )
    .unwrap();
    let v = json(
        home.path(),
        &["calendar", "--market", "XSHG", "--year", "2027", "--json"],
    );
    assert_eq!(v["known_until"], 2027);
    assert_eq!(
        v["closures"],
        serde_json::json!(["2027-02-08", "2027-02-09"])
    );
    spillover(home.path())
        .args(["calendar", "--market", "XSHG", "--year", "2027"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2027-02-08 Mon  user file"));
    // Without the file 2027 is assumed, and said so.
    let other = tempfile::tempdir().unwrap();
    spillover(other.path())
        .args(["calendar", "--market", "XSHG", "--year", "2027"])
        .assert()
        .success()
        .stdout(predicate::str::contains("known until 2026"))
        .stdout(predicate::str::contains("est. calendar"));

    install_default(home.path());
    fs::write(
        &file,
        "date,market,note\n2027-02-08,XSHG,closed\n2027-02-31,XHKG,closed\n",
    )
    .unwrap();
    let before = files(home.path());
    spillover(home.path())
        .args(["watchlist", "plan", "--season", "2026-05"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("calendars.csv:3"))
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    assert_eq!(files(home.path()), before, "a refused file changes nothing");
}

#[test]
fn plan_proposes_meituan_after_buddhas_birthday_once() {
    let home = tempfile::tempdir().unwrap();
    install_default(home.path());
    let before = files(home.path());
    spillover(home.path())
        .args(["watchlist", "plan", "--season", "2026-05", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2026-05-26 est. after-close 3690.HK",
        ))
        .stdout(predicate::str::contains("2026-05-25 closed on XHKG"))
        .stdout(predicate::str::contains("dry run: nothing written"));
    assert_eq!(files(home.path()), before);

    spillover(home.path())
        .args(["watchlist", "plan", "--season", "2026-05"])
        .assert()
        .success()
        .stdout(predicate::str::contains("added 10 estimated events"));
    let list = json(home.path(), &["watchlist", "list", "--json"]);
    let events = list.as_array().unwrap();
    assert_eq!(events.len(), 22);
    let meituan = events
        .iter()
        .find(|e| e["symbol"] == "3690.HK" && e["date"] == "2026-05-26")
        .unwrap();
    assert_eq!(meituan["estimated"], true);
    let text = fs::read_to_string(home.path().join("watchlist.toml")).unwrap();
    assert_eq!(text.matches("estimated = true").count(), 10);

    // Twice: nothing added, nothing written.
    let planned = files(home.path());
    spillover(home.path())
        .args(["watchlist", "plan", "--season", "2026-05"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to add"))
        .stdout(predicate::str::contains("already in 2026-05"));
    assert_eq!(files(home.path()), planned);

    // Setting the date confirms it.
    let number = meituan["number"].as_u64().unwrap().to_string();
    spillover(home.path())
        .args(["watchlist", "set", &number, "date", "2026-05-27"])
        .assert()
        .success();
    let list = json(home.path(), &["watchlist", "list", "--json"]);
    let confirmed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["symbol"] == "3690.HK" && e["date"] == "2026-05-27")
        .unwrap();
    assert!(confirmed.get("estimated").is_none(), "{confirmed}");
}

#[test]
fn plan_lists_companies_with_no_basis() {
    let home = tempfile::tempdir().unwrap();
    install_default(home.path());
    spillover(home.path())
        .args(["watchlist", "plan", "--season", "2026-08", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no basis (no report in 2025-08)"))
        .stdout(predicate::str::contains("3690.HK"));
}

#[test]
fn real_prices_set_the_as_of_and_name_the_demo_series_left() {
    let home = tempfile::tempdir().unwrap();
    install_default(home.path());
    let days = hk_sessions("2025-01-02", "2026-11-30");
    for symbol in ["0700.HK", "9988.HK", "3690.HK"] {
        write_real(home.path(), symbol, &days);
    }
    let v = json(home.path(), &["report", "--json"]);
    assert_eq!(v["as_of"], "2026-11-30");
    let demo: Vec<&str> = v["demo_series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        demo.contains(&"HSTECH.HK") && demo.contains(&"9626.HK"),
        "{demo:?}"
    );
    assert!(!demo.contains(&"0700.HK"));
    assert_eq!(v["calendar_known_until"]["XSHG"], 2026);
    let out = spillover(home.path()).arg("report").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let line = text.lines().find(|l| l.starts_with("DEMO: ")).unwrap();
    assert!(
        line.contains("HSTECH.HK") && line.contains("9626.HK"),
        "{line}"
    );
    assert!(!line.contains("0700.HK"), "{line}");
    assert!(text.contains("calendars known until: XSHG 2026"), "{text}");
}

#[test]
fn demo_remove_deletes_only_the_demo_files() {
    let home = tempfile::tempdir().unwrap();
    install_default(home.path());
    write_real(
        home.path(),
        "0700.HK",
        &hk_sessions("2026-01-02", "2026-03-31"),
    );
    let keep = |path: &str| !path.contains("prices") || path.ends_with("0700.HK.parquet");
    let kept: Vec<_> = files(home.path())
        .into_iter()
        .filter(|(p, _)| keep(p) && !p.ends_with(".demo") && !p.contains("DEMO"))
        .collect();
    spillover(home.path())
        .args(["demo", "--remove"])
        .assert()
        .success()
        .stdout(predicate::str::contains("removed 98 demo price files"))
        .stdout(predicate::str::contains("9988.HK.parquet"))
        .stdout(predicate::str::contains("0700.HK.parquet").not());
    let after = files(home.path());
    for file in &kept {
        assert!(after.contains(file), "{} changed or went", file.0);
    }
    let prices: Vec<String> = fs::read_dir(home.path().join("prices"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(prices, ["0700.HK.parquet"]);
    let v = json(home.path(), &["report", "--json"]);
    assert_eq!(v["demo_series"], serde_json::json!([]));
    assert_eq!(v["as_of"], "2026-03-31");
}

#[test]
fn check_lists_a_price_on_a_holiday_and_a_session_no_one_traded() {
    let home = tempfile::tempdir().unwrap();
    install_default(home.path());
    spillover(home.path())
        .args(["demo", "--remove"])
        .assert()
        .success();
    let mut days: Vec<NaiveDate> = hk_sessions("2026-02-02", "2026-03-06")
        .into_iter()
        .filter(|day| *day != d("2026-02-24"))
        .collect();
    for symbol in ["9988.HK", "3690.HK", "9618.HK", "1810.HK"] {
        write_real(home.path(), symbol, &days);
    }
    days.push(d("2026-02-18"));
    days.sort();
    write_real(home.path(), "0700.HK", &days);
    spillover(home.path())
        .arg("check")
        .assert()
        .stdout(predicate::str::contains(
            "0700.HK has prices on 1 day(s) XHKG is closed: 2026-02-18",
        ))
        .stdout(predicate::str::contains(
            "1 session(s) of XHKG with no price for any of its 5 symbols",
        ))
        .stdout(predicate::str::contains("2026-02-24"))
        .stdout(predicate::str::contains(
            "calendars known until: XSHG 2026 · XHKG 2027 · XNYS 2027",
        ));
    let _ = Symbol::parse("0700.HK").unwrap();
}
