//! A fuzz harness on the stable toolchain: property tests feed arbitrary
//! bytes, and mutations of every valid fixture, to each reader of outside
//! text — every import format (CSV, GBK text, Excel, Parquet), constituent
//! lists, basket and watchlist TOML, and the workstation's `:` command
//! parser. A reader may refuse the input; it may never panic.
//!
//! The suite runs a short pass (256 cases per test). The long run:
//!
//! ```text
//! FUZZ_CASES=200000 cargo test --release --test fuzz_inputs
//! ```
//!
//! README "Fuzzing" records how long it ran and what it found.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use spillover::domain::BasketId;
use spillover::store::import::members::parse_members;
use spillover::store::import::{ImportOptions, Market, parse_bytes};
use spillover::store::{encode_parquet, parse_basket, parse_watchlist};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    })
}

/// The header shapes of issue 20, as yfinance and pandas write them: one
/// ticker with a session without prices, several grouped by field with
/// Adj Close, grouped by ticker, old unnamed levels, and the two-row
/// ticker header of a frame written after `reset_index()`.
const TICKER_HEADERS: [(&str, &str); 5] = [
    (
        "hsi.csv",
        "Price,Close,High,Low,Open,Volume\nTicker,^HSI,^HSI,^HSI,^HSI,^HSI\nDate,,,,,\n2026-03-25,24301.7,24512.6,24250.0,24480.1,4012345600\n2026-03-26,,,,,6238632\n",
    ),
    (
        "by_field.csv",
        "Price,Adj Close,Adj Close,Close,Close,Volume,Volume\nTicker,0700.HK,600519.SS,0700.HK,600519.SS,0700.HK,600519.SS\nDate,,,,,,\n2025-04-03,380.2,1560.5,382.0,1570.0,21000000,3100000\n2025-04-04,,1541.2,,1551.0,,2900000\n",
    ),
    (
        "by_ticker.csv",
        "Ticker,AAPL,AAPL,MSFT,MSFT\nPrice,Close,Volume,Close,Volume\nDate,,,,\n2025-01-02 00:00:00-05:00,243.85,55740700,418.58,16896500\n",
    ),
    (
        "old.csv",
        ",Close,Close\n,AAPL,MSFT\nDate,,\n2025-01-02,243.85,418.58\n",
    ),
    (
        "pingan.csv",
        "Ticker,Date,Open,Close,Volume\n,,000001.SZ,000001.SZ,000001.SZ\n000001,2025-04-01,11.02,11.05,98765400\n",
    ),
];

/// Every valid import fixture, plus a Parquet file and an Excel workbook
/// made here, with the name each is imported under.
fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut out = Vec::new();
    for dir in ["good", "analyst"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            out.push((entry.path(), std::fs::read(entry.path()).unwrap()));
        }
    }
    let table = spillover::domain::PriceTable {
        rows: vec![spillover::domain::PriceRow::close_only(
            chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
            1.5,
        )],
        demo: false,
    };
    out.push((PathBuf::from("A.parquet"), encode_parquet(&table).unwrap()));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["日期", "300308.SZ"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "2025-01-02").unwrap();
    sheet.write_number(1, 1, 99.5).unwrap();
    out.push((PathBuf::from("w.xlsx"), book.save_to_buffer().unwrap()));
    for (name, text) in TICKER_HEADERS {
        out.push((PathBuf::from(name), text.as_bytes().to_vec()));
    }
    out.sort();
    out
}

/// One change to a byte string: flip, insert, delete, truncate or splice
/// in a byte that matters to a parser.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        any::<u8>(),
        Just(b','),
        Just(b'"'),
        Just(b'\n'),
        Just(b'/'),
        Just(b'-'),
        Just(0u8),
        Just(0xE4u8),
    ];
    // Truncation is rare: most cases should keep enough of the file to
    // reach the parsers' later stages.
    prop_oneof![
        4 => (any::<usize>(), byte.clone()).prop_map(|(i, b)| Mutation::Set(i, b)),
        4 => (any::<usize>(), byte).prop_map(|(i, b)| Mutation::Insert(i, b)),
        4 => any::<usize>().prop_map(Mutation::Delete),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, changes: &[Mutation]) -> Vec<u8> {
    for change in changes {
        let n = bytes.len().max(1);
        match *change {
            Mutation::Set(i, b) if !bytes.is_empty() => bytes[i % n] = b,
            Mutation::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Mutation::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % n);
            }
            Mutation::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

fn options() -> impl Strategy<Value = ImportOptions> {
    (
        prop::option::of(prop_oneof![Just("%m/%d/%Y"), Just("%d.%m.%Y"), Just("%")]),
        prop::bool::ANY,
    )
        .prop_map(|(format, hk)| ImportOptions {
            date_format: format.map(String::from),
            market: if hk { Market::Hk } else { Market::Auto },
            ..ImportOptions::default()
        })
}

#[test]
fn arbitrary_bytes_never_panic_an_import() {
    let names = ["x.csv", "300308.csv", "w.xlsx", "p.parquet"];
    runner()
        .run(
            &(
                prop::collection::vec(any::<u8>(), 0..512),
                0..names.len(),
                options(),
            ),
            |(bytes, k, options)| {
                let _ = parse_bytes(Path::new(names[k]), &bytes, &options);
                let _ = parse_members(&bytes, options.market);
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn mutations_of_every_valid_fixture_never_panic_an_import() {
    let seeds = seeds();
    let strategy = (
        0..seeds.len(),
        prop::collection::vec(mutation(), 1..4),
        options(),
    );
    let parsed = std::sync::atomic::AtomicUsize::new(0);
    runner()
        .run(&strategy, |(k, changes, options)| {
            let (path, bytes) = &seeds[k];
            // Known, outside our code: polars-parquet 0.55 trusts lengths in a
            // damaged file and aborts the process on a huge allocation (an
            // abort cannot be caught). Its panics are caught (store::guard);
            // mutated Parquet stays out of this harness until polars is fixed.
            if path.extension().is_some_and(|e| e == "parquet") {
                return Ok(());
            }
            let bytes = mutate(bytes.clone(), &changes);
            if parse_bytes(path, &bytes, &options).is_ok() {
                parsed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            let _ = parse_members(&bytes, options.market);
            Ok(())
        })
        .unwrap();
    // Mutations must still reach the parsers' depths: some inputs still import.
    eprintln!(
        "{} of {} mutated files still imported",
        parsed.into_inner(),
        cases()
    );
}

const BASKET: &str = "name = \"NA\"\nmethod = \"custom\"\n[[member]]\nsymbol = \"300308.SZ\"\nname = \"中际旭创\"\nsegment = \"Optical\"\nweight = 2.0\n";
const WATCHLIST: &str = "[[event]]\nsymbol = \"9988.HK\"\nname = \"Alibaba\"\ndate = \"2025-05-15\"\nsession = \"after-close\"\ncapex_last = \"RMB 31.8bn\"\n";

#[test]
fn basket_and_watchlist_toml_never_panic() {
    let strategy = (
        prop::collection::vec(mutation(), 0..8),
        prop::bool::ANY,
        ".{0,64}",
    );
    runner()
        .run(&strategy, |(changes, which, noise)| {
            let seed = if which { BASKET } else { WATCHLIST };
            let bytes = mutate(seed.as_bytes().to_vec(), &changes);
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse_basket(Path::new("baskets/na.toml"), &text);
            let _ = parse_watchlist(Path::new("watchlist.toml"), &text);
            let _ = parse_basket(Path::new("baskets/na.toml"), &noise);
            let _ = parse_watchlist(Path::new("watchlist.toml"), &noise);
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_command_parser_never_panics() {
    let baskets: Vec<BasketId> = ["na-chain", "domestic-chain", "alibaba"]
        .iter()
        .map(|id| BasketId::parse(id).unwrap())
        .collect();
    let words = prop::sample::select(vec![
        "range",
        "window",
        "as-of",
        "method",
        "pair",
        "base",
        "roll",
        "add",
        "rm",
        "set",
        "help",
        "quit",
        "na-chain",
        "2025-01-02",
        "..",
        "1y",
        "ytd",
        "equal",
        "custom",
        "9988.HK",
        "-1",
        "\u{1b}",
        "中际",
    ]);
    let line = prop_oneof![
        ".{0,48}".boxed(),
        prop::collection::vec(words, 0..6)
            .prop_map(|w| w.join(" "))
            .boxed(),
    ];
    runner()
        .run(&line, |line| {
            let _ = spillover::tui::command::parse(&line, &baskets, None);
            let _ = spillover::tui::command::complete(&line, &baskets);
            Ok(())
        })
        .unwrap();
}

/// The new header seeds are valid files: the mutations start from an import
/// that works.
#[test]
fn the_ticker_header_seeds_import() {
    for (name, text) in TICKER_HEADERS {
        let parsed = parse_bytes(Path::new(name), text.as_bytes(), &ImportOptions::default());
        assert!(parsed.is_ok(), "{name}: {parsed:?}");
    }
}
