//! The synthetic universe (`spillover demo --universe`) and the fast loading
//! path on it: what is loaded for a computation equals what a plain read of
//! every file gives, and the numbers do not depend on which path loaded them.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use spillover::compute::{Request, WindowChoice, analyse};
use spillover::domain::{Method, PriceBook, PriceSeries, RangePreset};
use spillover::store::demo::{UniverseSpec, install_universe, universe_baskets};
use spillover::store::{Store, read_price_file};

fn spillover(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spillover"));
    cmd.env("SPILLOVER_HOME", home);
    cmd
}

fn universe(symbols: usize, days: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    install_universe(&store, UniverseSpec { symbols, days }, &|_| {}).unwrap();
    (dir, store)
}

/// The book a plain, one-file-at-a-time read of every member gives.
fn plain_book(store: &Store, symbols: usize) -> PriceBook {
    let mut book = PriceBook::default();
    for basket in universe_baskets(symbols) {
        for m in basket.members {
            let table = read_price_file(&store.layout().price_file(&m.symbol)).unwrap();
            book.series
                .insert(m.symbol.clone(), PriceSeries::from_table(&table));
        }
    }
    book
}

#[test]
fn loading_in_parallel_gives_what_a_plain_read_gives() {
    let (_dir, store) = universe(40, 300);
    let baskets = universe_baskets(40);
    let plain = plain_book(&store, 40);
    let loaded = store.load_basket_prices(&baskets);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.series, plain.series);
    // Without cap weighting no mcap is kept; with it, exactly the file's,
    // except for the single series (never weighted).
    let lean = store.load_basket_prices_for(&baskets, None);
    let capped = store.load_basket_prices_for(&baskets, Some(Method::Cap));
    for (symbol, series) in &plain.series {
        assert!(lean.series[symbol].mcap.is_empty(), "{symbol}");
        assert_eq!(lean.series[symbol].price, series.price);
        assert_eq!(lean.series[symbol].dates, series.dates);
        let single = symbol.as_str() == "9988.HK";
        assert_eq!(capped.series[symbol].mcap.is_empty(), single, "{symbol}");
        if !single {
            assert_eq!(&capped.series[symbol], series, "{symbol}");
        }
    }
    for method in [None, Some(Method::Cap), Some(Method::Custom)] {
        let request = Request {
            range: WindowChoice::Preset(RangePreset::All),
            method,
            ..Request::default()
        };
        let book = store.load_basket_prices_for(&baskets, method);
        assert_eq!(
            analyse(&baskets, &book, &request).unwrap(),
            analyse(&baskets, &plain, &request).unwrap(),
            "{method:?}"
        );
    }
}

#[test]
fn the_universe_is_exported_checked_and_listed_by_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("u");
    spillover(&home)
        .args(["demo", "--universe", "30", "--days", "60"])
        .assert()
        .success()
        .stdout(predicate::str::contains("31 price files, 60 weekdays"));
    let csv = dir.path().join("indices.csv");
    spillover(&home)
        .args(["export", "--what", "indices", "--range", "all", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("date,na-chain,domestic-chain,alibaba\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 61, "a header and 60 weekdays");
    spillover(&home)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("31/31 price files readable"));
    spillover(&home)
        .arg("symbols")
        .assert()
        .success()
        .stdout(predicate::str::contains("31 symbols in"));
}

#[test]
fn a_universe_is_only_written_into_an_empty_dir() {
    let (dir, _store) = universe(4, 10);
    let before = std::fs::read(dir.path().join("baskets/na-chain.toml")).unwrap();
    spillover(dir.path())
        .args(["demo", "--universe", "6", "--days", "10"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("only into a new, empty data dir"));
    let after = std::fs::read(dir.path().join("baskets/na-chain.toml")).unwrap();
    assert_eq!(before, after, "nothing was overwritten");
    // A refused size creates nothing.
    let fresh = dir.path().join("fresh");
    spillover(&fresh)
        .args(["demo", "--universe", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("2 to 999999 symbols"));
    assert!(!fresh.exists());
}
