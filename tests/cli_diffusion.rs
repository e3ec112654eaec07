//! `spillover breadth`, `spillover segments`, `export --what
//! breadth|segments|rotation` and `plot --what breadth|segments|rotation`
//! on the demo data, good and bad.

mod cli_support;

use std::fs;

use cli_support::{json, spillover};
use predicates::prelude::*;
use serde_json::Value;

fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

#[test]
fn breadth_json_has_the_issues_shape_and_stops_at_as_of() {
    let home = tempfile::tempdir().unwrap();
    let b = json(
        home.path(),
        &[
            "breadth",
            "--basket",
            "domestic-chain",
            "--as-of",
            "2025-05-07",
            "--range",
            "3m",
            "--json",
        ],
    );
    assert_eq!(keys(&b), ["as_of", "basket", "days"]);
    assert_eq!(b["basket"], "domestic-chain");
    assert_eq!(b["as_of"], "2025-05-07");
    let days = b["days"].as_array().unwrap();
    assert!(days.len() > 50);
    assert_eq!(
        keys(&days[0]),
        [
            "above_ma20",
            "above_ma60",
            "date",
            "dispersion_20d",
            "highs_60d",
            "members",
            "outperforming_20d",
            "positive_20d"
        ]
    );
    assert_eq!(days.last().unwrap()["date"], "2025-05-07");
    assert!(
        days.iter()
            .all(|d| d["date"].as_str().unwrap() <= "2025-05-07")
    );
    assert_eq!(days.last().unwrap()["members"], 41);
}

#[test]
fn segment_contributions_add_up_to_the_window_return() {
    let home = tempfile::tempdir().unwrap();
    let s = json(home.path(), &["segments", "--json", "--range", "1y"]);
    assert_eq!(keys(&s), ["basket", "segments", "window_return"]);
    assert_eq!(s["basket"], "na-chain", "the default basket");
    let rows = s["segments"].as_array().unwrap();
    assert_eq!(rows.len(), 7);
    assert_eq!(
        keys(&rows[0]),
        [
            "contribution",
            "index_return",
            "members",
            "segment",
            "weight"
        ]
    );
    assert_eq!(rows[0]["segment"], "Optical modules");
    let total: f64 = rows
        .iter()
        .map(|r| r["contribution"].as_f64().unwrap())
        .sum();
    let weights: f64 = rows.iter().map(|r| r["weight"].as_f64().unwrap()).sum();
    let members: u64 = rows.iter().map(|r| r["members"].as_u64().unwrap()).sum();
    assert!((total - s["window_return"].as_f64().unwrap()).abs() < 1e-12);
    assert!((weights - 1.0).abs() < 1e-12);
    assert_eq!(members, 47);
}

#[test]
fn text_output_names_the_basket_and_the_total() {
    let home = tempfile::tempdir().unwrap();
    spillover(home.path())
        .args(["segments", "--basket", "domestic-chain"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Domestic computing-power chain"))
        .stdout(predicate::str::contains("Foundry and packaging"))
        .stdout(predicate::str::contains("basket"));
    spillover(home.path())
        .args(["breadth", "--range", "1m"])
        .assert()
        .success()
        .stdout(predicate::str::contains("dispersion 20d"));
}

#[test]
fn an_unknown_basket_is_refused_by_name() {
    let home = tempfile::tempdir().unwrap();
    for command in ["breadth", "segments"] {
        spillover(home.path())
            .args([command, "--basket", "nope"])
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains(
                "no basket \"nope\"; the baskets are: ",
            ));
    }
}

#[test]
fn export_writes_long_tables_of_every_basket_or_one() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("out");
    fs::create_dir(&out).unwrap();
    for (what, header) in [
        (
            "breadth",
            "basket,date,members,above_ma20,above_ma60,positive_20d,outperforming_20d,dispersion_20d,highs_60d",
        ),
        (
            "segments",
            "basket,segment,members,weight,index_return,contribution,window_return",
        ),
        ("rotation", "basket,segment,period,start,end,excess_return"),
    ] {
        let file = out.join(format!("{what}.csv"));
        spillover(home.path())
            .args(["export", "--what", what, "--range", "6m", "-o"])
            .arg(&file)
            .assert()
            .success();
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().next().unwrap(), header);
        assert!(text.contains("\nna-chain,") && text.contains("\ndomestic-chain,"));
    }
    // Six months: weeks.
    let rotation = fs::read_to_string(out.join("rotation.csv")).unwrap();
    assert!(rotation.contains(",2025-W26,"));
    let one = out.join("one.csv");
    spillover(home.path())
        .args([
            "export",
            "--what",
            "segments",
            "--basket",
            "domestic-chain",
            "-o",
        ])
        .arg(&one)
        .assert()
        .success();
    let text = fs::read_to_string(&one).unwrap();
    assert!(
        text.lines()
            .skip(1)
            .all(|l| l.starts_with("domestic-chain,"))
    );
    assert_eq!(text.lines().count(), 1 + 6);
}

#[test]
fn plot_draws_the_three_figures_and_refuses_basket_elsewhere() {
    let home = tempfile::tempdir().unwrap();
    for what in ["breadth", "segments", "rotation"] {
        let file = home.path().join(format!("{what}.svg"));
        spillover(home.path())
            .args(["plot", "--what", what, "--basket", "domestic-chain", "-o"])
            .arg(&file)
            .assert()
            .success();
        let svg = fs::read_to_string(&file).unwrap();
        assert!(svg.contains("Domestic computing-power chain"), "{what}");
    }
    let heat = fs::read_to_string(home.path().join("rotation.svg")).unwrap();
    assert!(heat.contains("pp, segment minus basket"));
    let file = home.path().join("indices.svg");
    spillover(home.path())
        .args(["plot", "--what", "indices", "--basket", "na-chain", "-o"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--basket changes only --what breadth|segments|rotation",
        ));
    assert!(!file.exists());
}
