//! The built binary, run as a user would, on a fresh data dir.

mod cli_support;

use std::fs;
use std::path::Path;

use cli_support::{files, json, spillover};
use predicates::prelude::*;

/// `spillover report --json ARGS`, parsed; the command must succeed.
fn report_json(home: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", "--json"];
    all.extend_from_slice(args);
    json(home, &all)
}

#[test]
fn report_on_an_empty_dir_installs_the_default_and_labels_it_demo() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .arg("report")
        .assert()
        .success()
        .stderr(predicate::str::contains("installed the embedded default"))
        .stdout(predicate::str::contains("DEMO data"))
        .stdout(predicate::str::contains("na-chain/domestic-chain"))
        .stdout(predicate::str::contains("levels r"))
        .stdout(predicate::str::contains("Alibaba"));
    assert!(home.path().join("baskets/na-chain.toml").exists());
    assert!(home.path().join("prices/300308.SZ.parquet").exists());
    assert!(home.path().join("watchlist.toml").exists());
    // A second run installs nothing.
    spillover(home.path())
        .arg("report")
        .assert()
        .success()
        .stderr(predicate::str::contains("installed").not());
}

#[test]
fn report_json_holds_every_statistic() {
    let home = tempfile::tempdir().unwrap();
    let json = report_json(home.path(), &["--as-of", "2025-05-07", "--range", "ytd"]);
    assert_eq!(json["as_of"], "2025-05-07");
    assert_eq!(json["window"]["start"], "2025-01-01");
    assert_eq!(json["demo"], true);
    let indices = json["indices"].as_array().unwrap();
    assert_eq!(indices.len(), 5);
    for key in [
        "levels_r",
        "slope",
        "intercept",
        "r_squared",
        "changes_r",
        "n",
        "n_changes",
    ] {
        assert!(
            json["scatter"].get(key).is_some(),
            "scatter.{key} missing: {}",
            json["scatter"]
        );
    }
    assert!(json["scatter"]["n"].as_u64().unwrap() > 60);
    assert_eq!(json["ratios"].as_array().unwrap().len(), 2);
    assert!(json["members"][0]["members"].as_array().unwrap().len() >= 40);
    // The May catalysts are ahead on the note's date.
    let events = json["events"].as_array().unwrap();
    let alibaba = events
        .iter()
        .find(|e| e["symbol"] == "9988.HK" && e["status"] == "in 8 days")
        .expect("Alibaba's May results are ahead");
    // The watchlist holds the outcome, but on 2025-05-07 it is not known yet.
    assert_eq!(alibaba["outcome"], "", "no leak from after the as-of date");
    assert_eq!(alibaba["capex_last"], "Dec-2024 quarter capex RMB 31.8 bn");
    // Nothing after the as-of date is shown.
    let last = json["indices"][0]["last_date"].as_str().unwrap();
    assert!(last <= "2025-05-07", "{last}");
}

#[test]
fn export_writes_csv_and_parquet_with_the_same_numbers() {
    let home = tempfile::tempdir().unwrap();
    let csv = home.path().join("indices.csv");
    let parquet = home.path().join("indices.parquet");
    for (path, format) in [(&csv, "csv"), (&parquet, "parquet")] {
        spillover(home.path())
            .args([
                "export", "--what", "indices", "--format", format, "--range", "all", "-o",
            ])
            .arg(path)
            .assert()
            .success()
            .stderr(predicate::str::contains("DEMO"));
    }
    let text = fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "date,na-chain,domestic-chain,hk-internet,alibaba,hstech"
    );
    let first = text.lines().nth(1).unwrap();
    assert!(
        first.starts_with("2024-01-02,1000.0,1000.0,1000.0,1000.0,1000.0"),
        "{first}"
    );

    use polars::prelude::*;
    let from_csv = CsvReadOptions::default()
        .with_has_header(true)
        .try_into_reader_with_file_path(Some(csv.clone()))
        .unwrap()
        .finish()
        .unwrap();
    let from_parquet = ParquetReader::new(fs::File::open(&parquet).unwrap())
        .finish()
        .unwrap();
    assert_eq!(from_csv.height(), from_parquet.height());
    for name in ["na-chain", "alibaba"] {
        let a: Vec<Option<f64>> = from_csv
            .column(name)
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect();
        let b: Vec<Option<f64>> = from_parquet
            .column(name)
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(a, b, "{name}: CSV and Parquet differ");
    }
}

#[test]
fn export_every_table() {
    let home = tempfile::tempdir().unwrap();
    for what in ["ratios", "scatter", "members"] {
        let path = home.path().join(format!("{what}.csv"));
        spillover(home.path())
            .args(["export", "--what", what, "-o"])
            .arg(&path)
            .assert()
            .success();
        let text = fs::read_to_string(&path).unwrap();
        let header = text.lines().next().unwrap().to_string();
        match what {
            "ratios" => assert_eq!(header, "date,na-chain/domestic-chain,na-chain/alibaba"),
            "scatter" => assert_eq!(
                header,
                "date,na-chain/domestic-chain,na-chain/alibaba,rolling_r_60"
            ),
            _ => assert!(
                header.starts_with("basket,symbol,name,segment,"),
                "{header}"
            ),
        }
        assert!(text.lines().count() > 10, "{what} has rows");
    }
}

#[test]
fn basket_list_and_show() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .args(["basket", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("na-chain"))
        .stdout(predicate::str::contains("domestic-chain"))
        .stdout(predicate::str::contains("hstech"));
    spillover(home.path())
        .args(["basket", "show", "na-chain"])
        .assert()
        .success()
        .stdout(predicate::str::contains("300308.SZ"))
        .stdout(predicate::str::contains("中际旭创"));
    spillover(home.path())
        .args(["basket", "show", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no basket \"nope\""))
        .stderr(predicate::str::contains("na-chain"));
}

#[test]
fn symbols_lists_the_cache_with_date_ranges() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .arg("symbols")
        .assert()
        .success()
        .stdout(predicate::str::contains("HSTECH.HK"))
        .stdout(predicate::str::contains("2024-01-02"))
        .stdout(predicate::str::contains("DEMO"));
}

#[test]
fn a_corrupt_price_file_is_named_by_report_and_check() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors"));
    fs::write(home.path().join("prices/300308.SZ.parquet"), b"not parquet").unwrap();
    spillover(home.path())
        .arg("report")
        .assert()
        .success()
        .stderr(predicate::str::contains("300308.SZ.parquet"));
    spillover(home.path())
        .arg("check")
        .assert()
        .failure()
        .stdout(predicate::str::contains("300308.SZ.parquet"))
        .stdout(predicate::str::contains("1 error,"));
}

#[test]
fn a_broken_basket_file_is_reported_with_its_line_and_the_rest_load() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path()).arg("check").assert().success();
    fs::write(
        home.path().join("baskets/mine.toml"),
        "name = \"Mine\"\n[[member]]\nsymbol = \"a/b\"\nname = \"x\"\n",
    )
    .unwrap();
    spillover(home.path())
        .args(["basket", "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("mine.toml:3"))
        .stdout(predicate::str::contains("na-chain"));
    spillover(home.path())
        .arg("check")
        .assert()
        .failure()
        .stdout(predicate::str::contains("mine.toml:3"));
}

#[test]
fn bad_options_are_clear_errors() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .args(["report", "--window", "2025-06-01..2024-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is after its end"));
    spillover(home.path())
        .args(["report", "--as-of", "yesterday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    spillover(home.path())
        .args(["report", "--pair", "na-chain", "domestic-chain", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nope"));
}

#[test]
fn a_base_date_on_a_holiday_inside_the_window_is_taken() {
    let home = tempfile::tempdir().unwrap();
    // 1 January is no trading day: the index reads 1000 on the first one.
    let json = report_json(home.path(), &["--range", "ytd", "--base", "2025-01-01"]);
    assert_eq!(json["window"]["start"], "2025-01-01");
    spillover(home.path())
        .args(["report", "--range", "ytd", "--base", "2025-01-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1000 on 2025-01-01 (the base date)",
        ));
    spillover(home.path())
        .args(["report", "--range", "ytd", "--base", "2024-12-31"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("outside the window"));
}

#[test]
fn a_basket_without_eligible_members_shows_na_not_a_flat_1000() {
    let home = tempfile::tempdir().unwrap();
    // The demo baskets have no custom weights.
    let json = report_json(home.path(), &["--method", "custom"]);
    let na_chain = &json["indices"][0];
    assert_eq!(na_chain["basket"], "na-chain");
    assert_eq!(na_chain["no_eligible_member"], true);
    assert!(na_chain["level"].is_null() && na_chain["ret_window"].is_null());
    // A single series ignores the method: Alibaba still has its numbers.
    assert_eq!(json["indices"][3]["no_eligible_member"], false);
    assert!(json["indices"][3]["level"].is_number());
    spillover(home.path())
        .args(["report", "--method", "custom"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "n/a for na-chain: no member is eligible",
        ));
}

#[test]
fn a_pair_basket_that_did_not_load_leaves_the_rest_of_the_report() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path()).arg("check").assert().success();
    fs::write(
        home.path().join("baskets/alibaba.toml"),
        "name = \"x\"\nbroken = 1\n",
    )
    .unwrap();
    spillover(home.path())
        .arg("report")
        .assert()
        .success()
        .stderr(predicate::str::contains("alibaba.toml:2"))
        .stderr(predicate::str::contains("no ratios or scatter"))
        .stdout(predicate::str::contains("na-chain"))
        .stdout(predicate::str::contains("n/a: there is no basket alibaba"));
    // Typed on the command line, a wrong pair is an error.
    spillover(home.path())
        .args(["report", "--pair", "na-chain", "domestic-chain", "alibaba"])
        .assert()
        .failure();
}

#[test]
fn a_scatter_pair_needs_three_different_baskets() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .args(["report", "--pair", "na-chain", "na-chain", "alibaba"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("three different baskets"));
}

#[test]
fn a_bad_import_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path()).arg("check").assert().success();
    let before = files(home.path());
    let good = home.path().join("300308.SZ.csv");
    fs::write(
        &good,
        "Date,Open,High,Low,Close,Adj Close,Volume\n2025-07-01,1,1,1,10,10,100\n",
    )
    .unwrap();
    let bad = home.path().join("0700.HK.csv");
    fs::write(
        &bad,
        "Date,Open,High,Low,Close,Adj Close,Volume\n2025-07-01,1,1,1,abc,10,100\n",
    )
    .unwrap();
    spillover(home.path())
        .arg("import")
        .arg(&good)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("0700.HK.csv"))
        .stderr(predicate::str::contains(":2"));
    fs::remove_file(&good).unwrap();
    fs::remove_file(&bad).unwrap();
    assert_eq!(
        files(home.path()),
        before,
        "the cache is byte-for-byte unchanged"
    );
}

#[test]
fn a_good_import_lands_and_replaces_demo_prices() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path()).arg("check").assert().success();
    let file = home.path().join("300308.SZ.csv");
    fs::write(&file, "Date,Open,High,Low,Close,Adj Close,Volume\n2025-07-01,1,1,1,10,10,100\n2025-07-02,1,1,1,11,11,100\n").unwrap();
    spillover(home.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("300308.SZ"));
    spillover(home.path())
        .arg("symbols")
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"300308\.SZ\s+2\s+2025-07-01\s+2025-07-02\s+imported")
                .unwrap(),
        );
}

#[test]
fn demo_reset_restores_the_default_baskets() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path()).arg("check").assert().success();
    let path = home.path().join("baskets/na-chain.toml");
    let original = fs::read(&path).unwrap();
    fs::write(&path, "name = \"edited\"\n").unwrap();
    spillover(home.path())
        .args(["demo", "--reset"])
        .assert()
        .success();
    assert_eq!(fs::read(&path).unwrap(), original);
}

#[test]
fn every_subcommand_has_help() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["report", "--help"],
        vec!["export", "--help"],
        vec!["import", "--help"],
        vec!["basket", "--help"],
        vec!["basket", "list", "--help"],
        vec!["basket", "show", "--help"],
        vec!["symbols", "--help"],
        vec!["check", "--help"],
        vec!["demo", "--help"],
    ] {
        spillover(home.path())
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
    }
    assert!(
        fs::read_dir(home.path()).unwrap().next().is_none(),
        "--help writes nothing"
    );
}
