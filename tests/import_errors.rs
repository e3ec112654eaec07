//! Bad input: every case names the file, the line (or row) and what would
//! be accepted, and leaves the cache byte-for-byte as it was.

mod import_support;

use std::path::PathBuf;

use polars::prelude::*;
use spillover::domain::{PriceRow, PriceTable};
use spillover::store::encode_parquet;
use spillover::store::import::{ImportError, ImportOptions, Problem, import_files};

use import_support::{cache, date, fixture, import, snapshot, sym};

/// Imports `files` into a cache already holding 300308.SZ, expects an error,
/// checks that nothing changed, and returns the message.
fn refused(files: &[PathBuf]) -> (String, ImportError) {
    let (dir, store) = cache();
    import(&store, &[fixture("good/300308.SZ.csv")]);
    let before = snapshot(dir.path());
    let err = import_files(&store, files, &ImportOptions::default()).unwrap_err();
    assert_eq!(snapshot(dir.path()), before, "the cache changed on {err}");
    (err.to_string(), err)
}

/// `(fixture, where, what the message must also say)`; `where` is the
/// `FILE:LINE:` prefix, or `FILE:` for problems of the whole file.
const CASES: &[(&str, &str, &[&str])] = &[
    (
        "empty.csv",
        "",
        &[
            "the file is empty",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "Parquet",
        ],
    ),
    (
        "header_only.csv",
        "",
        &["no data rows", "add at least one row"],
    ),
    (
        "no_date.csv",
        ":1",
        &[
            "no date column",
            "Open, High, Low, Close",
            "name one `date`",
        ],
    ),
    (
        "no_price.csv",
        ":1",
        &["no price column", "add a `close` column"],
    ),
    (
        "bad_date.csv",
        ":3",
        &[
            "date \"2025-13-01\" does not parse",
            "YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD",
            "2025-01-02T00:00:00",
        ],
    ),
    (
        "price_text.csv",
        ":3",
        &["Close is \"ten\", not a number", "such as 12.5"],
    ),
    (
        "price_zero.csv",
        ":2",
        &["Close is 0;", "must be finite numbers > 0"],
    ),
    (
        "price_negative.csv",
        ":3",
        &["Adj Close is -1;", "must be finite numbers > 0"],
    ),
    (
        "price_nan.csv",
        ":2",
        &["close is NaN;", "must be finite numbers > 0"],
    ),
    (
        "price_inf.csv",
        ":4",
        &["close is inf;", "must be finite numbers > 0"],
    ),
    (
        "duplicate_date.csv",
        ":4",
        &[
            "date 2025-01-02 of 300308.SZ appears again (first on line 2)",
            "one row per date",
        ],
    ),
    (
        "long_empty_symbol.csv",
        ":3",
        &["the symbol is empty", "such as 300308.SZ"],
    ),
    (
        "ragged_too_many.csv",
        ":3",
        &[
            "3 fields where the header has 2",
            "quote a value that contains a comma",
        ],
    ),
    (
        "ragged_too_few.csv",
        ":3",
        &["2 fields where the header has 3"],
    ),
    (
        "symbol_slash.csv",
        ":3",
        &[
            "\"../etc/passwd\" contains '/'",
            "letters, digits and . - _ ^",
        ],
    ),
    (
        "symbol_dotdot.csv",
        ":2",
        &["\"A..B\"", "contains \"..\"", "like 300308.SZ"],
    ),
    (
        "symbol_control.csv",
        ":2",
        &["contains '\\u{7}'", "letters, digits"],
    ),
    // "NESN.SW,2025-01-03,81,Nestl" is 27 bytes: the Latin-1 é is column 28.
    (
        "not_utf8.csv",
        ":3",
        &[
            "not UTF-8 or GBK/GB18030 text (byte 0xe9 at column 28)",
            "save the file as UTF-8",
        ],
    ),
    (
        "binary.bin",
        "",
        &[
            "not a CSV or Parquet file",
            "import a CSV text file (UTF-8) or a Parquet file",
        ],
    ),
    (
        "wide_empty_column.csv",
        ":1",
        &[
            "column 9988.HK has no value at all",
            "fill it or drop the column",
        ],
    ),
    (
        "my prices.csv",
        "",
        &[
            "the file name \"my prices\" is not a symbol",
            "pass --symbol",
        ],
    ),
];

#[test]
fn each_bad_file_is_named_with_its_line_and_what_is_accepted() {
    for (name, at, says) in CASES {
        let path = fixture(&format!("bad/{name}"));
        let (message, _) = refused(std::slice::from_ref(&path));
        let prefix = format!("{}{at}: ", path.display());
        assert!(
            message.starts_with(&prefix),
            "{name}: expected prefix {prefix:?} in {message:?}"
        );
        for part in *says {
            assert!(
                message.contains(part),
                "{name}: expected {part:?} in {message:?}"
            );
        }
        assert_eq!(message.lines().count(), 1, "{name}: one line: {message:?}");
    }
}

#[test]
fn a_bad_second_file_stops_the_first_from_being_written() {
    // The first file alone would add 9988.HK and replace 300308.SZ's rows.
    let (message, err) = refused(&[
        fixture("good/long.csv"),
        fixture("good/wide.csv"),
        fixture("bad/price_zero.csv"),
    ]);
    assert!(
        matches!(err.problem(), Some(Problem::OutOfRange { .. })),
        "{message}"
    );
    assert!(message.contains("price_zero.csv:2: "), "{message}");
}

#[test]
fn a_cached_file_that_cannot_be_read_is_named_not_overwritten() {
    let (dir, store) = cache();
    let path = store.layout().price_file(&sym("300308.SZ"));
    std::fs::write(&path, b"not parquet").unwrap();
    let before = snapshot(dir.path());
    let err = import_files(
        &store,
        &[fixture("good/300308.SZ.csv")],
        &ImportOptions::default(),
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(err, ImportError::UnreadableCache { .. }),
        "{message}"
    );
    assert!(
        message.starts_with(&format!("{}: ", path.display())),
        "{message}"
    );
    assert!(message.contains("delete it and import again"), "{message}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn symbol_option_on_a_long_file_is_refused() {
    let (dir, store) = cache();
    let options = ImportOptions {
        symbol: Some(sym("AAPL.US")),
        ..ImportOptions::default()
    };
    let err = import_files(&store, &[fixture("good/long.csv")], &options).unwrap_err();
    assert!(err.to_string().contains("drop --symbol"), "{err}");
    assert!(snapshot(dir.path()).is_empty());
}

fn write_parquet(path: &std::path::Path, columns: Vec<Column>) {
    let height = columns[0].len();
    let mut frame = DataFrame::new(height, columns).unwrap();
    let file = std::fs::File::create(path).unwrap();
    ParquetWriter::new(file).finish(&mut frame).unwrap();
}

#[test]
fn parquet_columns_of_the_wrong_type_are_named() {
    let dir = tempfile::tempdir().unwrap();
    // Text dates are read (issue 9); dates as true/false are not dates.
    let dates_as_bool = dir.path().join("dates_as_bool.parquet");
    write_parquet(
        &dates_as_bool,
        vec![
            Column::new("symbol".into(), ["300308.SZ", "300308.SZ"]),
            Column::new("date".into(), [true, false]),
            Column::new("close".into(), [1.0, 2.0]),
        ],
    );
    let (message, _) = refused(std::slice::from_ref(&dates_as_bool));
    assert!(
        message.starts_with(&format!(
            "{}: column `date` has type bool",
            dates_as_bool.display()
        )),
        "{message}"
    );
    assert!(
        message.contains("must be of type Date, Datetime (any unit) or text"),
        "{message}"
    );

    let close_as_text = dir.path().join("close_as_text.parquet");
    write_parquet(
        &close_as_text,
        vec![
            Column::new("symbol".into(), ["300308.SZ"]),
            DateChunked::from_naive_date("date".into(), [date("2025-01-02")])
                .into_series()
                .into_column(),
            Column::new("close".into(), ["1.5"]),
        ],
    );
    let (message, _) = refused(std::slice::from_ref(&close_as_text));
    assert!(
        message.contains("close_as_text.parquet: column `close` has type str"),
        "{message}"
    );
    assert!(message.contains("must be numbers"), "{message}");
}

#[test]
fn parquet_bad_values_are_named_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.parquet");
    write_parquet(
        &path,
        vec![
            Column::new("symbol".into(), ["300308.SZ", "9988.HK"]),
            DateChunked::from_naive_date("date".into(), [date("2025-01-02"), date("2025-01-02")])
                .into_series()
                .into_column(),
            Column::new("close".into(), [1.0, f64::NAN]),
        ],
    );
    let (message, _) = refused(std::slice::from_ref(&path));
    assert!(
        message.starts_with(&format!("{}: row 2: close is NaN", path.display())),
        "{message}"
    );
}

#[test]
fn a_truncated_parquet_file_is_not_readable() {
    let table = PriceTable {
        rows: vec![PriceRow::close_only(date("2025-01-02"), 1.0)],
        demo: false,
    };
    let bytes = encode_parquet(&table).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("300308.SZ.parquet");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let (message, _) = refused(std::slice::from_ref(&path));
    assert!(message.contains("not a readable Parquet file"), "{message}");
}

#[test]
fn a_missing_file_is_named() {
    let (_dir, store) = cache();
    let missing = fixture("bad/no_such_file.csv");
    let err = import_files(
        &store,
        std::slice::from_ref(&missing),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: cannot read", missing.display())),
        "{err}"
    );
}
