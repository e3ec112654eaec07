//! The files analysts actually have (issue 9): AkShare and Chinese-terminal
//! CSV (GBK, units in headers, footers, `--`, thousands separators), Excel in
//! every layout, Yahoo files with M/D/YYYY dates, bare exchange codes, and
//! what pandas and polars write as Parquet. Each asserts the stored values.

mod import_support;

use std::path::{Path, PathBuf};

use polars::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
use spillover::domain::PriceRow;
use spillover::store::import::{
    Format, ImportError, ImportOptions, Market, Problem, import_files, parse_file,
};
use spillover::store::{decode_parquet_noting, parquet_name};

use import_support::{cache, date, fixture, import, snapshot, sym, table};

fn closes(rows: &[PriceRow]) -> Vec<(String, f64)> {
    rows.iter().map(|r| (r.date.to_string(), r.close)).collect()
}

fn parse(path: &Path) -> spillover::store::import::ParsedFile {
    parse_file(path, &ImportOptions::default()).unwrap()
}

#[test]
fn akshare_stock_zh_a_hist_imports_as_it_comes() {
    // Saved by pandas with encoding="utf-8-sig": a BOM before 日期.
    let parsed = parse(&fixture("analyst/akshare_stock_zh_a_hist.csv"));
    assert_eq!(parsed.format, Format::AkShareCsv);
    // 股票代码 300308 is a ChiNext code: Shenzhen.
    let rows = &parsed.tables[&sym("300308.SZ")];
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[0],
        PriceRow {
            date: date("2025-04-01"),
            open: Some(98.5),
            high: Some(101.2),
            low: Some(97.8),
            close: 99.87,
            adj_close: None,
            volume: Some(312845.0),
            mcap: None,
        }
    );
    assert_eq!(rows[3].close, 84.76, "2025-04-07, the limit-down day");
    assert_eq!(
        parsed.ignored_columns,
        ["成交额", "振幅", "涨跌幅", "涨跌额", "换手率"]
    );
}

#[test]
fn a_gbk_choice_export_with_units_separators_and_a_footer_imports() {
    let path = fixture("analyst/688256.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    let parsed = parse(&path);
    assert_eq!(parsed.format, Format::ChineseCsv);
    // The file name 688256 is a STAR Market code: Shanghai.
    let rows = &parsed.tables[&sym("688256.SH")];
    // "1,245.80" is 1245.8; the `--` row of 2025-04-03 says nothing (skipped);
    // the blank row before the footer goes with the footer.
    assert_eq!(
        closes(rows),
        [
            ("2025-04-01".into(), 1245.8),
            ("2025-04-02".into(), 1251.2),
            ("2025-04-07".into(), 1126.1)
        ]
    );
    assert_eq!(rows[0].volume, Some(2_345_600.0));
    assert_eq!(rows[0].mcap, Some(104_561_000_000.0));
    assert_eq!(parsed.skipped.len(), 1);
    assert_eq!(parsed.footer, ["数据来源：东方财富Choice数据"]);
}

#[test]
fn a_wind_long_export_lists_names_and_skips_its_footer() {
    let (_dir, store) = cache();
    let summary = import(&store, &[fixture("analyst/wind_long.csv")]);
    let stored = table(&store, "002463.SZ");
    assert_eq!(
        closes(&stored.rows),
        [
            ("2025-04-01".into(), 38.12),
            ("2025-04-02".into(), 39.4),
            ("2025-04-07".into(), 34.01)
        ]
    );
    assert_eq!(stored.rows[0].adj_close, Some(37.95));
    let text = summary.to_string();
    assert!(text.contains("skipped footer: 数据来源：Wind"), "{text}");
    assert!(text.contains("names: 002463.SZ 沪电股份"), "{text}");
    // The name is kept in the price file for `basket add`.
    let bytes = std::fs::read(store.layout().price_file(&sym("002463.SZ"))).unwrap();
    assert_eq!(parquet_name(&bytes).as_deref(), Some("沪电股份"));
}

#[test]
fn a_wind_wide_csv_with_a_names_row_imports() {
    let parsed = parse(&fixture("analyst/wind_wide_names.csv"));
    assert_eq!(parsed.format, Format::WideCsv);
    assert_eq!(parsed.names[&sym("688256.SH")], "寒武纪-U");
    assert_eq!(
        closes(&parsed.tables[&sym("688256.SH")]),
        [("2025-04-01".into(), 1245.8), ("2025-04-02".into(), 1251.2)]
    );
    // `—` is no value: 002463.SZ has no row on 2025-04-03.
    assert_eq!(parsed.tables[&sym("002463.SZ")].len(), 2);
    assert_eq!(parsed.tables[&sym("300308.SZ")][2].close, 94.18);
}

/// A Wind-style workbook: sheet 1 wide (dates as Excel dates, codes across,
/// a names row, a footer), sheet 2 one stock with Chinese headers and text
/// dates, sheet 3 long with codes Excel turned into numbers.
fn workbook(dir: &Path) -> PathBuf {
    let mut book = Workbook::new();
    let date_format = CellFormat::new().set_num_format("yyyy-mm-dd");
    let wide = book.add_worksheet().set_name("收盘价").unwrap();
    for (c, h) in ["日期", "300308.SZ", "002463.SZ"].iter().enumerate() {
        wide.write_string(0, c as u16, *h).unwrap();
    }
    wide.write_string(1, 1, "中际旭创").unwrap();
    wide.write_string(1, 2, "沪电股份").unwrap();
    let days = [(2025, 4, 1, 99.87, 38.12), (2025, 4, 2, 102.35, 39.40)];
    for (i, (y, m, d, a, b)) in days.iter().enumerate() {
        let row = 2 + i as u32;
        let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        wide.write_datetime_with_format(row, 0, &when, &date_format)
            .unwrap();
        wide.write_number(row, 1, *a).unwrap();
        wide.write_number(row, 2, *b).unwrap();
    }
    wide.write_string(5, 0, "数据来源：Wind").unwrap();

    let one = book.add_worksheet().set_name("中际旭创").unwrap();
    for (c, h) in ["交易日期", "收盘价(元)", "成交量(股)"].iter().enumerate() {
        one.write_string(0, c as u16, *h).unwrap();
    }
    one.write_string(1, 0, "2025/04/01").unwrap();
    one.write_number(1, 1, 99.87).unwrap();
    one.write_number(1, 2, 312845.0).unwrap();
    one.write_string(2, 0, "2025/04/02").unwrap();
    one.write_string(2, 1, "--").unwrap();
    one.write_string(3, 0, "2025/04/03").unwrap();
    one.write_string(3, 1, "abc").unwrap();

    let long = book.add_worksheet().set_name("long").unwrap();
    for (c, h) in ["代码", "日期", "收盘"].iter().enumerate() {
        long.write_string(0, c as u16, *h).unwrap();
    }
    long.write_number(1, 0, 2463.0).unwrap();
    long.write_number(1, 1, 20250401.0).unwrap();
    long.write_number(1, 2, 38.12).unwrap();
    long.write_number(2, 0, 600000.0).unwrap();
    long.write_number(2, 1, 20250401.0).unwrap();
    long.write_number(2, 2, 10.05).unwrap();

    let path = dir.join("wind_export.xlsx");
    book.save(&path).unwrap();
    path
}

#[test]
fn excel_sheets_import_in_every_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path());
    let wide = parse(&path);
    assert_eq!(wide.format, Format::Excel);
    assert_eq!(wide.names[&sym("300308.SZ")], "中际旭创");
    assert_eq!(
        closes(&wide.tables[&sym("002463.SZ")]),
        [("2025-04-01".into(), 38.12), ("2025-04-02".into(), 39.4)]
    );
    assert_eq!(wide.footer, ["数据来源：Wind"]);

    let long = parse_file(
        &path,
        &ImportOptions {
            sheet: Some("long".into()),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    // 2463 lost its zeros in Excel: 002463.SZ; 20250401 as a number is a date.
    assert_eq!(
        closes(&long.tables[&sym("002463.SZ")]),
        [("2025-04-01".into(), 38.12)]
    );
    assert_eq!(long.tables[&sym("600000.SH")][0].close, 10.05);
}

#[test]
fn a_bad_excel_cell_is_named_by_sheet_row_and_column_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path());
    let (home, store) = cache();
    import(&store, &[fixture("analyst/akshare_stock_zh_a_hist.csv")]);
    let before = snapshot(home.path());
    let options = ImportOptions {
        sheet: Some("中际旭创".into()),
        symbol: Some(sym("300308.SZ")),
        ..ImportOptions::default()
    };
    let err = import_files(&store, std::slice::from_ref(&path), &options).unwrap_err();
    let text = err.to_string();
    // Row 4 of the sheet (Excel's numbering) holds "abc" under 收盘价(元).
    assert!(
        text.starts_with(&format!("{}: row 4: 收盘价(元) is \"abc\"", path.display())),
        "{text}"
    );
    assert_eq!(snapshot(home.path()), before);

    let err = parse_file(
        &path,
        &ImportOptions {
            sheet: Some("Sheet9".into()),
            ..ImportOptions::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("its sheets are: 收盘价, 中际旭创, long"),
        "{err}"
    );
}

#[test]
fn yahoo_month_first_dates_are_decided_by_the_column() {
    // Regression: `1/4/1999` was refused. 1/13/1999 says month-first.
    let (_dir, store) = cache();
    import(&store, &[fixture("analyst/SPX.csv")]);
    let spx = table(&store, "SPX");
    assert_eq!(spx.rows[0].date, date("1999-01-04"));
    assert_eq!(spx.rows[0].close, 1228.10);
    assert_eq!(spx.rows[7].date, date("1999-01-13"));
}

#[test]
fn an_ambiguous_date_column_names_the_option_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("EUR.csv");
    std::fs::write(&path, "Date,Close\n1/4/1999,1.17\n2/4/1999,1.16\n").unwrap();
    let (home, store) = cache();
    let before = snapshot(home.path());
    let err = import_files(
        &store,
        std::slice::from_ref(&path),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(
        err.problem(),
        Some(Problem::AmbiguousSlashDates { .. })
    ));
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("{}:1: column Date", path.display())),
        "{text}"
    );
    assert!(text.contains("--date-format %d/%m/%Y"), "{text}");
    assert_eq!(snapshot(home.path()), before);
    // Day-first, as the user says.
    let options = ImportOptions {
        date_format: Some("%d/%m/%Y".into()),
        ..ImportOptions::default()
    };
    import_files(&store, &[path], &options).unwrap();
    assert_eq!(table(&store, "EUR").rows[1].date, date("1999-04-02"));
}

#[test]
fn symbol_with_several_files_is_refused_and_overlaps_are_named() {
    // Regression: `import SPX.csv --symbol SPX NDX.csv` stored NDX under SPX.
    let (home, store) = cache();
    let before = snapshot(home.path());
    let files = [fixture("analyst/SPX.csv"), fixture("analyst/NDX.csv")];
    let options = ImportOptions {
        symbol: Some(sym("SPX")),
        ..ImportOptions::default()
    };
    let err = import_files(&store, &files, &options).unwrap_err();
    assert!(matches!(
        err,
        ImportError::SymbolWithSeveralFiles { count: 2, .. }
    ));
    assert!(err.to_string().contains("FILE=SYMBOL"), "{err}");
    assert_eq!(snapshot(home.path()), before);
}

#[test]
fn bare_hong_kong_codes_need_the_market() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hk.csv");
    std::fs::write(
        &path,
        "代码,日期,收盘\n700,2025-04-01,480.2\n09988,2025-04-01,118.5\n",
    )
    .unwrap();
    let hk = parse_file(
        &path,
        &ImportOptions {
            market: Market::Hk,
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert!(hk.tables.contains_key(&sym("0700.HK")));
    assert!(hk.tables.contains_key(&sym("9988.HK")));
    // Without it 700 stays a bare code, never silently made Hong Kong.
    let plain = parse(&path);
    assert!(plain.tables.contains_key(&sym("700")));
    // A header that says HK decides it too.
    std::fs::write(&path, "港股代码,日期,收盘\n700,2025-04-01,480.2\n").unwrap();
    assert!(parse(&path).tables.contains_key(&sym("0700.HK")));
}

fn write_parquet(path: &Path, mut frame: DataFrame) {
    let mut file = std::fs::File::create(path).unwrap();
    ParquetWriter::new(&mut file).finish(&mut frame).unwrap();
}

/// What `df.to_parquet()` writes: `date` as a nanosecond timestamp, integer
/// and float32 prices, rows out of order.
fn pandas_like_frame() -> DataFrame {
    let ns_per_day = 86_400_000_000_000i64;
    // 2025-01-03 and 2025-01-02 (days 20091 and 20090 since 1970), unsorted.
    let stamps = Series::new("date".into(), [20091 * ns_per_day, 20090 * ns_per_day])
        .cast(&DataType::Datetime(TimeUnit::Nanoseconds, None))
        .unwrap();
    DataFrame::new(
        2,
        vec![
            stamps.into_column(),
            Column::new("close".into(), [11i64, 10]),
            Column::new("volume".into(), [2.5f32, 1.5]),
        ],
    )
    .unwrap()
}

#[test]
fn parquet_written_by_pandas_or_polars_is_accepted_in_the_cache_and_on_import() {
    let (home, store) = cache();
    // Dropped straight into the cache, as another tool would.
    let path = store.layout().price_file(&sym("PD"));
    write_parquet(&path, pandas_like_frame());
    let (table, notes) = decode_parquet_noting(&std::fs::read(&path).unwrap()).unwrap();
    assert!(notes.unsorted);
    assert_eq!(
        closes(&table.rows),
        [("2025-01-02".into(), 10.0), ("2025-01-03".into(), 11.0)]
    );
    assert_eq!(table.rows[0].volume, Some(1.5));
    // ISO text dates too.
    let text_dates = df!("date" => ["2025-01-02", "2025-01-03"], "close" => [1.0, 2.0]).unwrap();
    let elsewhere = home.path().join("TXT.parquet");
    write_parquet(&elsewhere, text_dates);
    import(&store, &[elsewhere]);
    assert_eq!(table_rows(&store, "TXT"), 2);
    // Duplicate dates are still refused.
    let twice = df!("date" => ["2025-01-02", "2025-01-02"], "close" => [1.0, 2.0]).unwrap();
    write_parquet(&store.layout().price_file(&sym("DUP")), twice);
    let bytes = std::fs::read(store.layout().price_file(&sym("DUP"))).unwrap();
    assert!(decode_parquet_noting(&bytes).is_err());
}

fn table_rows(store: &spillover::store::Store, symbol: &str) -> usize {
    table(store, symbol).rows.len()
}

#[test]
fn a_file_in_an_unknown_encoding_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("X.csv");
    // Latin-1 "é" (0xE9) then a comma: neither UTF-8 nor GBK.
    std::fs::write(&path, b"date,close\n2025-01-02,1\nx\xE9,2\n").unwrap();
    let err = parse_file(&path, &ImportOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains(":3: not UTF-8 or GBK/GB18030 text"),
        "{err}"
    );
}
