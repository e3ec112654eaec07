//! The files analysts' scripts write (issue 20): yfinance's `download(...)
//! .to_csv()` with its three header rows (one ticker or several, grouped by
//! field or by ticker, with or without `Adj Close`), the two-row ticker
//! header of a frame written after `reset_index()`, a session fetched during
//! trading hours (no prices yet), and files named by a bare code that is also
//! an index code. Each fixture is written here in the shape the tool writes.

mod import_support;

use std::path::{Path, PathBuf};

use spillover::domain::PriceRow;
use spillover::store::import::{
    Format, ImportOptions, Naming, Problem, SkippedRow, import_files, parse_file,
};

use import_support::{cache, date, snapshot, sym, table};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn parse(path: &Path) -> spillover::store::import::ParsedFile {
    parse_file(path, &ImportOptions::default()).unwrap()
}

fn problem(path: &Path) -> (String, Problem) {
    let err = parse_file(path, &ImportOptions::default()).unwrap_err();
    (
        err.to_string(),
        err.problem().cloned().expect("a content problem"),
    )
}

fn row(day: &str, [open, high, low, close]: [f64; 4], volume: f64) -> PriceRow {
    PriceRow {
        date: date(day),
        open: Some(open),
        high: Some(high),
        low: Some(low),
        close,
        adj_close: None,
        volume: Some(volume),
        mcap: None,
    }
}

/// `yf.download("^HSI", start="2026-03-23").to_csv()` during the session of
/// 2026-03-26: yfinance ≥ 0.2.51's three header rows (fields, tickers, the
/// index name), Close/High/Low/Open/Volume in that order, and today's row
/// with a volume but no price yet.
const HSI_DOWNLOAD: &str = "\
Price,Close,High,Low,Open,Volume
Ticker,^HSI,^HSI,^HSI,^HSI,^HSI
Date,,,,,
2026-03-23,24186.5,24420.1,24010.3,24350.0,4123456700
2026-03-24,24410.2,24455.9,24102.8,24190.4,3987654300
2026-03-25,24301.7,24512.6,24250.0,24480.1,4012345600
2026-03-26,,,,,6238632
";

#[test]
fn a_yfinance_download_of_one_ticker_imports_and_skips_the_unfinished_session() {
    let dir = tempfile::tempdir().unwrap();
    let parsed = parse(&write(dir.path(), "hsi.csv", HSI_DOWNLOAD));
    assert_eq!(parsed.format, Format::TickerLevels);
    // The ticker row names the symbol: the index kept as Yahoo writes it.
    assert_eq!(parsed.tables.keys().collect::<Vec<_>>(), [&sym("^HSI")]);
    let rows = &parsed.tables[&sym("^HSI")];
    assert_eq!(
        rows[..],
        [
            row(
                "2026-03-23",
                [24350.0, 24420.1, 24010.3, 24186.5],
                4123456700.0
            ),
            row(
                "2026-03-24",
                [24190.4, 24455.9, 24102.8, 24410.2],
                3987654300.0
            ),
            row(
                "2026-03-25",
                [24480.1, 24512.6, 24250.0, 24301.7],
                4012345600.0
            ),
        ]
    );
    assert_eq!(
        parsed.skipped,
        [SkippedRow {
            date: Some(date("2026-03-26")),
            symbol: None
        }]
    );
    assert!(parsed.named.is_empty(), "the file wrote the ticker in full");

    let (_dir, store) = cache();
    let summary = import_files(
        &store,
        &[dir.path().join("hsi.csv")],
        &ImportOptions::default(),
    )
    .unwrap();
    let text = summary.to_string();
    assert!(
        text.contains("hsi.csv (yfinance CSV with ticker header rows); 1 row without prices skipped: 2026-03-26"),
        "{text}"
    );
    assert!(
        text.contains("^HSI  3 rows 2026-03-23..2026-03-25"),
        "{text}"
    );
    assert_eq!(
        summary.remarks(),
        ["1 row without prices skipped: 2026-03-26"]
    );
    assert_eq!(table(&store, "^HSI").rows, *rows);
}

/// Two tickers, columns grouped by field (yfinance's default), with
/// `auto_adjust=False` (an `Adj Close` per ticker), a Shanghai ticker as
/// Yahoo writes it (`.SS`), and a Hong Kong holiday on which only the
/// Shanghai ticker traded.
const TWO_BY_FIELD: &str = "\
Price,Adj Close,Adj Close,Close,Close,High,High,Low,Low,Open,Open,Volume,Volume
Ticker,0700.HK,600519.SS,0700.HK,600519.SS,0700.HK,600519.SS,0700.HK,600519.SS,0700.HK,600519.SS,0700.HK,600519.SS
Date,,,,,,,,,,,,
2025-04-03,380.2,1560.5,382.0,1570.0,386.0,1580.0,378.0,1555.0,380.0,1560.0,21000000,3100000
2025-04-04,,1541.2,,1551.0,,1572.0,,1540.0,,1569.0,,2900000
2025-04-07,310.6,1510.9,312.0,1520.0,330.0,1545.0,300.0,1500.0,328.0,1540.0,98000000,5200000
";

/// The same download with `group_by="ticker"`: the ticker row first, each
/// ticker's fields together in Open, High, Low, Close, Adj Close, Volume order.
const TWO_BY_TICKER: &str = "\
Ticker,0700.HK,0700.HK,0700.HK,0700.HK,0700.HK,0700.HK,600519.SS,600519.SS,600519.SS,600519.SS,600519.SS,600519.SS
Price,Open,High,Low,Close,Adj Close,Volume,Open,High,Low,Close,Adj Close,Volume
Date,,,,,,,,,,,,
2025-04-03,380.0,386.0,378.0,382.0,380.2,21000000,1560.0,1580.0,1555.0,1570.0,1560.5,3100000
2025-04-04,,,,,,,1569.0,1572.0,1540.0,1551.0,1541.2,2900000
2025-04-07,328.0,330.0,300.0,312.0,310.6,98000000,1540.0,1545.0,1500.0,1520.0,1510.9,5200000
";

#[test]
fn several_tickers_grouped_by_field_or_by_ticker_give_one_series_each() {
    let dir = tempfile::tempdir().unwrap();
    let by_field = parse(&write(dir.path(), "by_field.csv", TWO_BY_FIELD));
    let by_ticker = parse(&write(dir.path(), "by_ticker.csv", TWO_BY_TICKER));
    assert_eq!(
        by_field.tables, by_ticker.tables,
        "one layout, two groupings"
    );
    assert_eq!(by_field.skipped, by_ticker.skipped);
    // Yahoo's .SS is written .SH.
    assert_eq!(
        by_field.tables.keys().collect::<Vec<_>>(),
        [&sym("0700.HK"), &sym("600519.SH")]
    );
    let tencent = &by_field.tables[&sym("0700.HK")];
    assert_eq!(tencent.len(), 2, "the Ching Ming holiday is no row");
    assert_eq!(tencent[1].date, date("2025-04-07"));
    assert_eq!(tencent[1].close, 312.0);
    assert_eq!(tencent[1].adj_close, Some(310.6));
    let moutai = &by_field.tables[&sym("600519.SH")];
    assert_eq!(moutai.len(), 3);
    assert_eq!(
        moutai[1],
        PriceRow {
            adj_close: Some(1541.2),
            ..row("2025-04-04", [1569.0, 1572.0, 1540.0, 1551.0], 2900000.0)
        }
    );
    // The holiday row is skipped for the ticker that did not trade, by name.
    assert_eq!(
        by_field.skipped,
        [SkippedRow {
            date: Some(date("2025-04-04")),
            symbol: Some(sym("0700.HK"))
        }]
    );

    let (_dir, store) = cache();
    let summary = import_files(
        &store,
        &[dir.path().join("by_ticker.csv")],
        &ImportOptions::default(),
    )
    .unwrap();
    assert!(
        summary
            .to_string()
            .contains("1 row without prices skipped: 2025-04-04 0700.HK"),
        "{summary}"
    );
    assert_eq!(table(&store, "600519.SH").rows, *moutai);
}

#[test]
fn old_yfinance_headers_without_level_names_and_time_zones_read_too() {
    // yfinance before 0.2.51 left the level names empty; Ticker.history()
    // stamps carry the exchange's offset.
    let old = "\
,Close,Close,Volume,Volume
,AAPL,MSFT,AAPL,MSFT
Date,,,,
2025-01-02 00:00:00-05:00,243.85,418.58,55740700,16896500
2025-01-03 00:00:00-05:00,243.36,423.35,40244100,16662900
";
    let dir = tempfile::tempdir().unwrap();
    let parsed = parse(&write(dir.path(), "old.csv", old));
    assert_eq!(parsed.tables[&sym("AAPL")][1].close, 243.36);
    assert_eq!(parsed.tables[&sym("MSFT")][0].date, date("2025-01-02"));
    assert_eq!(parsed.tables[&sym("MSFT")][0].volume, Some(16896500.0));
}

#[test]
fn actions_columns_are_listed_as_ignored_and_symbol_renames_one_ticker() {
    // `yf.download(..., actions=True)` adds Dividends and Stock Splits.
    let text = "\
Price,Close,Dividends,Stock Splits,Volume
Ticker,^GSPC,^GSPC,^GSPC,^GSPC
Date,,,,
2025-01-02,5868.55,0.0,0.0,3621680000
";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "spx.csv", text);
    let parsed = parse(&path);
    assert_eq!(
        parsed.ignored_columns,
        ["Dividends ^GSPC", "Stock Splits ^GSPC"]
    );
    let options = ImportOptions {
        symbol: Some(sym("SPX")),
        ..ImportOptions::default()
    };
    let renamed = parse_file(&path, &options).unwrap();
    assert_eq!(renamed.tables.keys().collect::<Vec<_>>(), [&sym("SPX")]);
    // Of several tickers, --symbol could name any: refused.
    let several = write(dir.path(), "two.csv", TWO_BY_FIELD);
    let err = parse_file(&several, &options).unwrap_err();
    assert!(matches!(
        err.problem(),
        Some(Problem::SymbolOptionNotApplicable { .. })
    ));
}

/// A frame from yfinance with a `Ticker` column holding the bare code,
/// written with `reset_index()` and `to_csv(index=False)`: the fields, then
/// each price column's ticker.
const TICKER_ROW: &str = "\
Ticker,Date,Open,High,Low,Close,Volume
,,000001.SZ,000001.SZ,000001.SZ,000001.SZ,000001.SZ
000001,2025-04-01,11.02,11.10,10.95,11.05,98765400
000001,2025-04-02,11.05,11.20,11.01,11.16,87654300
";

#[test]
fn a_two_row_ticker_header_imports_under_the_ticker_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let parsed = parse(&write(dir.path(), "pingan.csv", TICKER_ROW));
    assert_eq!(parsed.format, Format::TickerLevels);
    let rows = &parsed.tables[&sym("000001.SZ")];
    assert_eq!(
        rows[1],
        row("2025-04-02", [11.05, 11.20, 11.01, 11.16], 87654300.0)
    );
    // The ticker row says Shanghai's 000001 (the SSE Composite): the
    // Ticker column's bare 000001 agrees with it, and the row wins.
    let index = TICKER_ROW.replace("000001.SZ", "000001.SS");
    let parsed = parse(&write(dir.path(), "sse.csv", &index));
    assert_eq!(
        parsed.tables.keys().collect::<Vec<_>>(),
        [&sym("000001.SH")]
    );
    // A Ticker column naming another code is refused at its line.
    let other = TICKER_ROW.replacen("000001,2025-04-02", "600000,2025-04-02", 1);
    let path = write(dir.path(), "other.csv", &other);
    let (text, problem) = self::problem(&path);
    assert!(matches!(problem, Problem::TickerColumnDisagrees { .. }));
    assert!(
        text.starts_with(&format!(
            "{}:4: the Ticker column says \"600000\"",
            path.display()
        )),
        "{text}"
    );
    // The same frame without its Ticker column.
    let plain = "\
Date,Close,High,Low,Open,Volume
,^HSI,^HSI,^HSI,^HSI,^HSI
2026-03-23,24186.5,24420.1,24010.3,24350.0,4123456700
";
    let parsed = parse(&write(dir.path(), "plain.csv", plain));
    assert_eq!(parsed.tables[&sym("^HSI")][0].close, 24186.5);
}

#[test]
fn a_row_with_some_prices_but_no_close_is_still_an_error() {
    let broken = HSI_DOWNLOAD.replace(
        "2026-03-24,24410.2,24455.9,24102.8,24190.4",
        "2026-03-24,,24455.9,24102.8,24190.4",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hsi.csv", &broken);
    let (text, problem) = self::problem(&path);
    assert_eq!(
        problem,
        Problem::MissingClose {
            column: "Close ^HSI".into()
        }
    );
    assert!(
        text.starts_with(&format!("{}:5: Close ^HSI is empty", path.display())),
        "{text}"
    );
    // The same for a one-row header: a row with prices needs its close.
    let yahoo =
        "Date,Open,High,Low,Close,Volume\n2026-03-25,1,2,1,1.5,10\n2026-03-26,1.6,,,,6238632\n";
    let (text, _) = self::problem(&write(dir.path(), "x.csv", yahoo));
    assert!(text.contains("x.csv:3: Close is empty"), "{text}");
    // A row with only a volume is a session without prices.
    let partial = yahoo.replace("2026-03-26,1.6,,,,6238632", "2026-03-26,,,,,6238632");
    let parsed = parse(&write(dir.path(), "y.csv", &partial));
    assert_eq!(parsed.skipped[0].date, Some(date("2026-03-26")));
}

#[test]
fn ticker_headers_that_cannot_be_read_are_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let no_close = "\
Price,Open,Volume
Ticker,^HSI,^HSI
Date,,
2026-03-23,24350.0,4123456700
";
    let (text, problem) = self::problem(&write(dir.path(), "a.csv", no_close));
    assert!(
        matches!(problem, Problem::TickerWithoutClose { .. }),
        "{text}"
    );
    assert!(
        text.contains("a.csv:1: ticker ^HSI has no Close column"),
        "{text}"
    );
    let twice = "\
Price,Close,Close
Ticker,^HSI,^HSI
Date,,
2026-03-23,1,2
";
    let (text, problem) = self::problem(&write(dir.path(), "b.csv", twice));
    assert!(matches!(problem, Problem::DuplicateColumn { .. }), "{text}");
    // .SS and .SH are one symbol: two tickers cannot both be it.
    let same = "\
Price,Close,Close
Ticker,600519.SS,600519.SH
Date,,
2026-03-23,1,2
";
    let (_, problem) = self::problem(&write(dir.path(), "c.csv", same));
    assert!(matches!(problem, Problem::WideDuplicateSymbol { .. }));
    // A data row with fewer cells than the header is named by its line.
    let short = HSI_DOWNLOAD.replace("2026-03-24,24410.2,", "2026-03-24,");
    let (text, _) = self::problem(&write(dir.path(), "d.csv", &short));
    assert!(
        text.contains("d.csv:5: 5 fields where the header has 6"),
        "{text}"
    );
}

#[test]
fn a_file_named_by_an_index_code_says_how_to_import_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let body = "date,close\n2025-04-01,3900.1\n2025-04-02,3911.5\n";
    let (_cache_dir, store) = cache();
    let files: Vec<PathBuf> = ["000300", "000905", "000852", "000016", "000001", "300308"]
        .iter()
        .map(|code| write(dir.path(), &format!("{code}.csv"), body))
        .collect();
    let summary = import_files(&store, &files, &ImportOptions::default()).unwrap();
    let text = summary.to_string();
    for (code, index) in [
        ("000300", "CSI 300"),
        ("000905", "CSI 500"),
        ("000852", "CSI 1000"),
        ("000016", "SSE 50"),
        ("000001", "SSE Composite"),
    ] {
        let said = format!(
            "named {code}.SZ from the file name; {code} is also the {index} index — if this file is the index, import it with --symbol {code}.SH"
        );
        assert!(text.contains(&said), "{said}\n{text}");
    }
    assert!(
        text.contains("300308.csv (per-symbol CSV); named 300308.SZ from the file name\n"),
        "{text}"
    );
    assert!(summary.remarks().contains(&format!(
        "000300.SZ is also the CSI 300 index code ({}=000300.SH imports the index)",
        files[0].display()
    )));
    // Named as the index, it is stored as the index, and nothing more is said.
    let (_other, store) = cache();
    let options = ImportOptions {
        symbol: Some(sym("000300.SH")),
        ..ImportOptions::default()
    };
    let summary = import_files(&store, &files[..1], &options).unwrap();
    assert!(!summary.to_string().contains("named"), "{summary}");
    assert_eq!(table(&store, "000300.SH").rows.len(), 2);
    assert!(!store.layout().price_file(&sym("000300.SZ")).exists());
}

#[test]
fn bare_codes_in_a_symbol_column_are_said_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let akshare = "日期,股票代码,开盘,收盘,最高,最低,成交量\n2025-04-01,000300,1,2,3,1,10\n2025-04-02,000300,1,2,3,1,10\n2025-04-01,300308,1,2,3,1,10\n";
    let parsed = parse(&write(dir.path(), "hist.csv", akshare));
    assert_eq!(
        parsed.named,
        [
            Naming::BareCode {
                symbol: sym("000300.SZ"),
                code: "000300".into()
            },
            Naming::BareCode {
                symbol: sym("300308.SZ"),
                code: "300308".into()
            },
        ]
    );
    let (_cache_dir, store) = cache();
    let summary = import_files(
        &store,
        &[dir.path().join("hist.csv")],
        &ImportOptions::default(),
    )
    .unwrap();
    let text = summary.to_string();
    assert!(text.contains("code 000300 read as 000300.SZ; 000300 is also the CSI 300 index — if these rows are the index, write 000300.SH in the file"), "{text}");
    assert!(
        text.contains("codes given their exchange: 300308 → 300308.SZ"),
        "{text}"
    );
}

#[test]
fn a_refused_ticker_file_leaves_the_cache_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.csv", TWO_BY_FIELD);
    let bad = write(
        dir.path(),
        "bad.csv",
        &HSI_DOWNLOAD.replace("24410.2,", ","),
    );
    let (cache_dir, store) = cache();
    let before = snapshot(cache_dir.path());
    assert!(import_files(&store, &[good, bad], &ImportOptions::default()).is_err());
    assert_eq!(snapshot(cache_dir.path()), before);
}
