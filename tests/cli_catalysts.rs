//! `spillover events`, `leadlag`, `report --json` and `export --what
//! events|leadlag|beta`, run as a user would on a fresh demo cache.

mod cli_support;

use std::fs;

use cli_support::{json, spillover};
use predicates::prelude::*;

#[test]
fn events_of_a_month_print_every_report_and_the_aggregate() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .args(["events", "--month", "2025-05"])
        .assert()
        .success()
        .stdout(predicate::str::contains("DEMO data"))
        .stdout(predicate::str::contains(
            "#14 2025-05-15 after-close 9988.HK",
        ))
        .stdout(predicate::str::contains(
            "first Hong Kong session 2025-05-16",
        ))
        .stdout(predicate::str::contains("na-chain/alibaba"))
        .stdout(predicate::str::contains("Aggregate over #11 #12"))
        // The benchmark is not a series of the study.
        .stdout(predicate::str::contains("\n  hstech ").not());
}

#[test]
fn events_json_agrees_with_the_report_and_writes_null_for_na() {
    let home = tempfile::tempdir().unwrap();
    let study = json(home.path(), &["events", "--event", "14", "--json"]);
    assert_eq!(study["benchmark"], "hstech");
    assert_eq!(study["model"], "adjusted");
    let event = &study["events"][0];
    assert_eq!(event["number"], 14);
    assert_eq!(event["first_session"], "2025-05-16");
    let series: Vec<&str> = event["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["series"].as_str().unwrap())
        .collect();
    assert_eq!(
        series,
        [
            "na-chain",
            "domestic-chain",
            "hk-internet",
            "alibaba",
            "us-csp",
            "na-chain/domestic-chain",
            "na-chain/alibaba"
        ]
    );
    // The same event in report --json (all events) has the same numbers.
    let report = json(home.path(), &["report", "--json"]);
    let same = report["event_study"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["number"] == 14)
        .unwrap();
    for (a, b) in same["series"]
        .as_array()
        .unwrap()
        .iter()
        .zip(event["series"].as_array().unwrap())
    {
        assert_eq!(a["cars"], b["cars"]);
        assert_eq!(a["day0"], b["day0"]);
        // The τ path (−5…+10) is in `events --json`, not in the report.
        assert_eq!(b["path"].as_array().unwrap().len(), 16);
        assert!(a.get("path").is_none());
    }
    for key in ["lead_lag", "beta", "drawdown"] {
        assert!(report[key].is_array() || report[key].is_object(), "{key}");
    }
    // As of the release day, after the close: no numbers, written as null.
    let early = json(home.path(), &["events", "--json", "--as-of", "2025-05-20"]);
    let later = early["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["number"] == 17)
        .unwrap();
    assert_eq!(later["after_as_of"], true);
    assert!(later["series"][0]["cars"][0]["car"].is_null());
    assert!(later["series"][0]["cars"][0]["t"].is_null());
}

#[test]
fn bad_event_options_say_what_to_do_and_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path()).arg("symbols").assert().success();
    let before = fs::read(home.path().join("watchlist.toml")).unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--event", "99"],
            "no event 99; the watchlist has events 1 to 22",
        ),
        (
            &["--month", "2025-07"],
            "no report in 2025-07; its reports are in: 2025-01, 2025-02, 2025-03, 2025-04, 2025-05, 2025-06",
        ),
        (&["--symbol", "0005.HK"], "no report of 0005.HK"),
        (
            &["--event", "14", "--as-of", "2025-05-15"],
            "pick --as-of 2025-05-16 or later",
        ),
        (&["--benchmark", "nope"], "no basket nope"),
    ];
    for (args, message) in cases {
        spillover(home.path())
            .arg("events")
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message))
            .stdout("");
    }
    spillover(home.path())
        .args(["events", "--month", "2025-5x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("write YYYY-MM"));
    assert_eq!(
        fs::read(home.path().join("watchlist.toml")).unwrap(),
        before
    );
}

#[test]
fn leadlag_prints_the_ccf_granger_and_a_reading() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .args(["leadlag", "--max-lag", "3", "--granger-lags", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "x = na-chain/domestic-chain, y = na-chain/alibaba",
        ))
        .stdout(predicate::str::contains("Granger F test (2 lags each"))
        .stdout(predicate::str::contains("reading: "));
    let ll = json(home.path(), &["leadlag", "--json", "--max-lag", "3"]);
    assert_eq!(ll["ccf"].as_array().unwrap().len(), 7);
    assert_eq!(ll["x_to_y"]["lags"], 5);
    assert!(ll["leader"].is_string());
    spillover(home.path())
        .args(["leadlag", "--max-lag", "0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--max-lag"));
}

#[test]
fn export_writes_the_catalyst_tables() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("out");
    fs::create_dir(&out).unwrap();
    for (what, header) in [
        (
            "events",
            "event,symbol,date,session,first_session,series,day0,estimation_n,s,car_m1_p1,t_m1_p1",
        ),
        ("leadlag", "k,n,ccf,band,significant"),
        ("beta", "date,na-chain,na-chain_se,domestic-chain"),
    ] {
        let file = out.join(format!("{what}.csv"));
        spillover(home.path())
            .args(["export", "--what", what, "-o"])
            .arg(&file)
            .assert()
            .success()
            .stderr(predicate::str::contains("wrote"));
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with(header),
            "{what}: {}",
            text.lines().next().unwrap_or("")
        );
    }
    let events = fs::read_to_string(out.join("events.csv")).unwrap();
    // 22 events (12 HK, 10 US) × 7 series, plus the header.
    assert_eq!(events.lines().count(), 1 + 22 * 7);
    let leadlag = fs::read_to_string(out.join("leadlag.csv")).unwrap();
    assert_eq!(leadlag.lines().count(), 1 + 21);
}

#[test]
fn export_measures_against_the_benchmark_model_and_window_given() {
    let home = tempfile::tempdir().unwrap();
    let export = |what: &str, extra: &[&str]| {
        let file = home.path().join(format!("{what}-{}.csv", extra.join("_")));
        spillover(home.path())
            .args(["export", "--what", what, "-o"])
            .arg(&file)
            .args(extra)
            .assert()
            .success();
        fs::read_to_string(&file).unwrap()
    };
    // Beta against hk-internet over 120 returns: hstech becomes a column,
    // hk-internet (the benchmark) is not one, and the first beta comes
    // later than with the default window of 60.
    let default = export("beta", &[]);
    let beta = export(
        "beta",
        &["--benchmark", "hk-internet", "--beta-window", "120"],
    );
    let header = beta.lines().next().unwrap();
    assert!(header.contains(",hstech,"), "{header}");
    assert!(!header.contains(",hk-internet,"), "{header}");
    assert!(!default.lines().next().unwrap().contains(",hstech,"));
    let first_date = |table: &str| table.lines().nth(1).unwrap()[..10].to_string();
    assert!(first_date(&beta) > first_date(&default));
    assert!(beta.lines().count() + 55 < default.lines().count());

    // The event study as `spillover events` measures it with the same options.
    let options = ["--benchmark", "hk-internet", "--model", "market"];
    let events = export("events", &options);
    assert_ne!(events, export("events", &[]));
    let mut args = vec!["events", "--event", "14", "--as-of", "2025-07-31", "--json"];
    args.extend(options);
    let cli = json(home.path(), &args);
    let car = cli["events"][0]["series"][0]["cars"][0]["car"]
        .as_f64()
        .unwrap();
    let series = cli["events"][0]["series"][0]["series"].as_str().unwrap();
    let row = events
        .lines()
        .find(|l| l.starts_with("14,") && l.split(',').nth(5) == Some(series))
        .unwrap_or_else(|| panic!("no row of event 14, {series}:\n{events}"));
    let header: Vec<&str> = events.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "car_m1_p1").unwrap();
    let exported: f64 = row.split(',').nth(column).unwrap().parse().unwrap();
    assert!((exported - car).abs() <= 1e-12, "{exported} vs {car}");

    // An option that does not change the table asked for is refused.
    spillover(home.path())
        .args(["export", "--what", "beta", "--model", "market", "-o"])
        .arg(home.path().join("x.csv"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--model changes only --what events",
        ));
    assert!(!home.path().join("x.csv").exists());
}
