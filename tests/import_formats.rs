//! Good files: each format imports the right rows; merging counts and
//! ranges; re-imports are idempotent; demo prices are replaced, not mixed.

mod import_support;

use polars::prelude::*;
use spillover::domain::{PriceRow, PriceTable};
use spillover::store::encode_parquet;
use spillover::store::import::{Format, ImportOptions, SymbolImport, import_files, parse_file};

use import_support::{cache, date, fixture, import, snapshot, sym, table};

fn closes(rows: &[PriceRow]) -> Vec<(String, f64)> {
    rows.iter().map(|r| (r.date.to_string(), r.close)).collect()
}

fn parse(name: &str) -> spillover::store::import::ParsedFile {
    parse_file(&fixture(name), &ImportOptions::default()).unwrap()
}

#[test]
fn yahoo_rows_keep_every_column_and_skip_null_rows() {
    let parsed = parse("good/300308.SZ.csv");
    assert_eq!(parsed.format, Format::YahooCsv);
    assert_eq!(parsed.skipped.len(), 1, "2025-01-03 is all null");
    let rows = &parsed.tables[&sym("300308.SZ")];
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0],
        PriceRow {
            date: date("2025-01-02"),
            open: Some(100.0),
            high: Some(105.0),
            low: Some(99.0),
            close: 104.0,
            adj_close: Some(103.0),
            volume: Some(1200.0),
            mcap: None,
        }
    );
    // The price used is Adj Close: 103, 106.5, 101; a volume of 0 is allowed.
    assert_eq!(
        rows.iter().map(PriceRow::price).collect::<Vec<_>>(),
        [103.0, 106.5, 101.0]
    );
    assert_eq!(rows[2].volume, Some(0.0));
}

#[test]
fn stooq_files_take_the_symbol_from_the_name_or_the_ticker_column() {
    let parsed = parse("good/aapl.us.txt");
    assert_eq!(parsed.format, Format::StooqCsv);
    assert_eq!(
        closes(&parsed.tables[&sym("AAPL.US")]),
        [("2025-01-02".into(), 243.85), ("2025-01-03".into(), 243.36)]
    );

    let bulk = parse("good/stooq_bulk.txt");
    assert_eq!(bulk.format, Format::StooqBulk);
    assert_eq!(bulk.ignored_columns, ["<PER>", "<TIME>", "<OPENINT>"]);
    assert_eq!(bulk.tables.len(), 2);
    assert_eq!(
        closes(&bulk.tables[&sym("MSFT.US")]),
        [("2025-01-02".into(), 418.58)]
    );
    assert_eq!(bulk.tables[&sym("AAPL.US")][0].volume, Some(55_740_731.0));
}

#[test]
fn long_and_tushare_files_accept_their_spellings() {
    let long = parse("good/long.csv");
    assert_eq!(long.format, Format::LongCsv);
    // The name column is read (listed in the summary), not ignored.
    assert!(long.ignored_columns.is_empty());
    assert!(!long.names.is_empty());
    // 688256.ss and 688256.SS are one symbol, written .SH; dates in three forms.
    assert_eq!(
        long.tables.keys().map(|s| s.as_str()).collect::<Vec<_>>(),
        ["688256.SH", "9988.HK"]
    );
    let cambricon = &long.tables[&sym("688256.SH")];
    assert_eq!(
        closes(cambricon),
        [("2025-01-02".into(), 600.5), ("2025-01-03".into(), 610.0)]
    );
    assert_eq!(cambricon[1].mcap, Some(2.54e11));
    assert_eq!(
        closes(&long.tables[&sym("9988.HK")])[1],
        ("2025-01-03".into(), 82.3)
    );

    let tushare = parse("good/tushare.csv");
    assert_eq!(tushare.format, Format::TushareCsv);
    assert_eq!(tushare.ignored_columns, ["pre_close", "amount"]);
    // Written newest first by Tushare; sorted on import.
    let rows = &tushare.tables[&sym("300308.SZ")];
    assert_eq!(
        closes(rows),
        [("2025-01-07".into(), 102.0), ("2025-01-08".into(), 102.5)]
    );
    assert_eq!(rows[1].volume, Some(35000.5));
}

#[test]
fn wide_files_have_no_row_where_a_cell_is_empty() {
    let wide = parse("good/wide.csv");
    assert_eq!(wide.format, Format::WideCsv);
    assert_eq!(
        closes(&wide.tables[&sym("300308.SZ")]),
        [("2025-01-02".into(), 104.0), ("2025-01-06".into(), 107.5)]
    );
    assert_eq!(
        closes(&wide.tables[&sym("9988.HK")]),
        [("2025-01-02".into(), 80.1), ("2025-01-03".into(), 82.3)]
    );
    assert_eq!(wide.tables[&sym("NVDA")].len(), 3);
}

#[test]
fn parquet_files_import_long_or_per_symbol() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prices.parquet");
    let mut frame = DataFrame::new(
        2,
        vec![
            Column::new("Symbol".into(), ["300308.sz", "9988.HK"]),
            DateChunked::from_naive_date("date".into(), [date("2025-01-02"), date("2025-01-03")])
                .into_series()
                .into_column(),
            Column::new("close".into(), [104.0, 82.3]),
            Column::new("volume".into(), [1200_i64, 5]),
            Column::new("sector".into(), ["optics", "internet"]),
        ],
    )
    .unwrap();
    ParquetWriter::new(std::fs::File::create(&path).unwrap())
        .finish(&mut frame)
        .unwrap();
    let parsed = parse_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(parsed.format, Format::Parquet);
    assert_eq!(parsed.ignored_columns, ["sector"]);
    assert_eq!(parsed.tables[&sym("300308.SZ")][0].volume, Some(1200.0));

    // Another cache's price file imports as it is, its symbol from its name.
    let (_dir, store) = cache();
    import(&store, &[fixture("good/300308.SZ.csv")]);
    let copied = dir.path().join("300308.SZ.parquet");
    std::fs::copy(store.layout().price_file(&sym("300308.SZ")), &copied).unwrap();
    let parsed = parse_file(&copied, &ImportOptions::default()).unwrap();
    assert_eq!(
        parsed.tables[&sym("300308.SZ")],
        table(&store, "300308.SZ").rows
    );
}

#[test]
fn the_symbol_option_names_a_per_symbol_file() {
    let (_dir, store) = cache();
    let options = ImportOptions {
        symbol: Some(sym("apple")),
        ..ImportOptions::default()
    };
    import_files(&store, &[fixture("good/aapl.us.txt")], &options).unwrap();
    assert_eq!(table(&store, "APPLE").rows.len(), 2);
    // Not the name the file's own name gives (Stooq's aapl.us is AAPL).
    assert!(!store.layout().price_file(&sym("AAPL")).exists());
}

#[test]
fn merging_counts_added_and_replaced_rows_and_the_imported_row_wins() {
    let (_dir, store) = cache();
    import(&store, &[fixture("good/300308.SZ.csv")]);
    // The cache has 01-02, 01-06, 01-07; Tushare brings 01-07 (replaced) and 01-08 (added).
    let summary = import(&store, &[fixture("good/tushare.csv")]);
    assert_eq!(
        summary.per_symbol,
        [SymbolImport {
            symbol: sym("300308.SZ"),
            added: 1,
            replaced: 1,
            imported: (date("2025-01-07"), date("2025-01-08")),
            cached: (date("2025-01-02"), date("2025-01-08")),
            rows_after: 4,
            replaced_demo: false,
        }]
    );
    let rows = table(&store, "300308.SZ").rows;
    // The whole imported row wins: 01-07 no longer has Yahoo's Adj Close 101.
    assert_eq!(rows[2].date, date("2025-01-07"));
    assert_eq!(
        (rows[2].close, rows[2].adj_close, rows[2].volume),
        (102.0, None, Some(40000.0))
    );
    assert_eq!(
        rows[0].adj_close,
        Some(103.0),
        "cached rows not imported are kept"
    );
}

#[test]
fn in_one_import_a_later_file_wins_and_the_summary_says_it_all() {
    let (_dir, store) = cache();
    let yahoo = fixture("good/300308.SZ.csv");
    let tushare = fixture("good/tushare.csv");
    let summary = import(&store, &[yahoo.clone(), tushare.clone()]);
    let rows = table(&store, "300308.SZ").rows;
    assert_eq!(rows.len(), 4, "01-02, 01-06, 01-07 (from Tushare), 01-08");
    assert_eq!(rows[2].adj_close, None);
    assert_eq!(
        summary.to_string(),
        format!(
            "Imported 2 files:\n  {} (Yahoo CSV); 1 row without prices skipped: 2025-01-03; named 300308.SZ from the file name\n  {} (Tushare CSV); ignored columns: pre_close, amount\n  warning: {} replaced 1 row of {} (300308.SZ)\n  300308.SZ  4 rows 2025-01-02..2025-01-08: 4 added, 0 replaced; cache now 2025-01-02..2025-01-08, 4 rows\n",
            yahoo.display(),
            tushare.display(),
            tushare.display(),
            yahoo.display()
        )
    );
}

#[test]
fn re_importing_the_same_file_changes_no_byte() {
    let (dir, store) = cache();
    let files = [fixture("good/long.csv"), fixture("good/wide.csv")];
    import(&store, &files);
    let before = snapshot(dir.path());
    let summary = import(&store, &files);
    assert_eq!(snapshot(dir.path()), before);
    for s in &summary.per_symbol {
        assert_eq!(s.added, 0, "{}", s.symbol);
        assert_eq!(s.replaced, s.rows_after, "{}", s.symbol);
    }
    // .SS was written .SH: one file, no twin.
    let names: Vec<String> = before
        .keys()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "300308.SZ.parquet",
            "688256.SH.parquet",
            "9988.HK.parquet",
            "NVDA.parquet"
        ]
    );
}

#[test]
fn demo_prices_are_replaced_whole_never_mixed() {
    let (_dir, store) = cache();
    let demo = PriceTable {
        rows: ["2024-12-31", "2025-01-02", "2025-01-03"]
            .iter()
            .map(|d| PriceRow::close_only(date(d), 50.0))
            .collect(),
        demo: true,
    };
    std::fs::write(
        store.layout().price_file(&sym("9988.HK")),
        encode_parquet(&demo).unwrap(),
    )
    .unwrap();
    let summary = import(&store, &[fixture("good/long.csv")]);
    let hk = summary
        .per_symbol
        .iter()
        .find(|s| s.symbol == sym("9988.HK"))
        .unwrap();
    assert!(hk.replaced_demo);
    assert_eq!((hk.added, hk.replaced, hk.rows_after), (2, 0, 2));
    let line = "  9988.HK    2 rows 2025-01-02..2025-01-03: replaced the demo prices; cache now 2025-01-02..2025-01-03, 2 rows\n";
    assert!(summary.to_string().contains(line), "{summary}");
    let after = table(&store, "9988.HK");
    assert!(!after.demo);
    assert_eq!(
        closes(&after.rows),
        [("2025-01-02".into(), 80.1), ("2025-01-03".into(), 82.3)]
    );
}
