//! Import of price files (Yahoo, Stooq, long, Tushare, wide CSV; Parquet) into the cache.
//!
//! All or nothing: every file is read and validated first, the rows are
//! merged in memory (the imported row wins over a cached row of the same
//! date, a later file over an earlier one), and only then are the changed
//! `prices/<SYMBOL>.parquet` files written; a failed write puts back the
//! files already written.

mod codes;
mod commit;
mod dates;
mod detect;
mod error;
mod excel;
mod folder;
pub mod members;
mod parquet;
mod source;
mod summary;
mod tables;
mod text;
mod values;

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use codes::{Market, qualify};
pub use detect::Format;
pub use error::{DATE_FORMS, ImportError, Location, Problem};
// `fetch` writes rows from a web source the import's way: the same value
// checks, the same merge into the cached file, the same commit.
pub use commit::{Change, commit, plan};
pub use detect::Field;
pub use folder::{SUPPORTED_EXTENSIONS, expand_folders};
pub use source::Source;
pub use summary::{FileNote, ImportSummary, Overlap, SymbolImport};
pub use values::check;

use crate::domain::PriceRow;
use crate::domain::Symbol;
use crate::store::{Store, write_atomic};
use detect::{Content, Shape};
use tables::{Grid, Located, Reading, Symbols};

/// What the command line can add to the files themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The symbol of a per-symbol file, instead of its file name.
    pub symbol: Option<Symbol>,
    /// How to read dates no accepted form covers, in chrono's `%` codes
    /// (`%m/%d/%Y`); it also decides slash dates a column cannot.
    pub date_format: Option<String>,
    /// The market of bare codes (`700` is `0700.HK` only with `Market::Hk`).
    pub market: Market,
    /// The Excel sheet to read (default: the first).
    pub sheet: Option<String>,
}

/// One file, read and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    pub format: Format,
    /// Each symbol's rows, sorted by date, one row per date.
    pub tables: BTreeMap<Symbol, Vec<PriceRow>>,
    /// Columns present in the file that the import does not read.
    pub ignored_columns: Vec<String>,
    /// Rows with a date but no value at all, passed over.
    pub skipped_empty_rows: usize,
    /// Footer lines of a terminal export (`数据来源：Wind`), passed over.
    pub footer: Vec<String>,
    /// The names the file gives its symbols (名称 column, a names row).
    pub names: BTreeMap<Symbol, String>,
}

/// Imports `files` into the cache of `store`: all of them or, on any error,
/// none (the cache is then byte-for-byte as it was).
pub fn import_files(
    store: &Store,
    files: &[PathBuf],
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    if let Some(symbol) = &options.symbol
        && files.len() > 1
    {
        return Err(ImportError::SymbolWithSeveralFiles {
            symbol: symbol.clone(),
            count: files.len(),
        });
    }
    let sources: Vec<Source> = files
        .iter()
        .map(|path| Source {
            path: path.clone(),
            symbol: options.symbol.clone(),
        })
        .collect();
    import_sources(store, &sources, options, &mut |_, _| {
        ControlFlow::Continue(())
    })
}

/// Imports `sources` (each with its own symbol, if any) like
/// [`import_files`]; `progress(done, total)` is called after each file is
/// read, so a caller can show a bar, and may answer `Break` to stop: the
/// import then ends with [`ImportError::Cancelled`], nothing written.
pub fn import_sources(
    store: &Store,
    sources: &[Source],
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> ControlFlow<()>,
) -> Result<ImportSummary, ImportError> {
    if sources.is_empty() {
        return Err(ImportError::NoFiles);
    }
    let mut merged: BTreeMap<Symbol, BTreeMap<chrono::NaiveDate, (PriceRow, usize)>> =
        BTreeMap::new();
    let mut names: BTreeMap<Symbol, String> = BTreeMap::new();
    let mut overlaps: BTreeMap<(usize, usize, Symbol), usize> = BTreeMap::new();
    let mut summary = ImportSummary::default();
    for (k, source) in sources.iter().enumerate() {
        let file_options = ImportOptions {
            symbol: source.symbol.clone(),
            ..options.clone()
        };
        let parsed = parse_file(&source.path, &file_options)?;
        for (symbol, rows) in parsed.tables {
            // Command-line order: a later file's row replaces an earlier
            // one's, and the summary says so by name.
            let table = merged.entry(symbol.clone()).or_default();
            for row in rows {
                if let Some((_, earlier)) = table.insert(row.date, (row, k))
                    && earlier != k
                {
                    *overlaps.entry((earlier, k, symbol.clone())).or_default() += 1;
                }
            }
        }
        for (symbol, name) in &parsed.names {
            names.insert(symbol.clone(), name.clone());
        }
        summary.files.push((source.path.clone(), parsed.format));
        if !parsed.ignored_columns.is_empty()
            || parsed.skipped_empty_rows > 0
            || !parsed.footer.is_empty()
            || !parsed.names.is_empty()
        {
            summary.notes.push(FileNote {
                path: source.path.clone(),
                ignored_columns: parsed.ignored_columns,
                skipped_empty_rows: parsed.skipped_empty_rows,
                footer: parsed.footer,
                names: parsed.names.into_iter().collect(),
            });
        }
        if progress(k + 1, sources.len()).is_break() {
            return Err(ImportError::Cancelled);
        }
    }
    summary.overlaps = overlaps
        .into_iter()
        .map(|((earlier, later, symbol), rows)| Overlap {
            symbol,
            earlier: sources[earlier].path.clone(),
            later: sources[later].path.clone(),
            rows,
        })
        .collect();
    let imported = merged
        .into_iter()
        .map(|(symbol, rows)| (symbol, rows.into_values().map(|(r, _)| r).collect()))
        .collect();
    let (changes, per_symbol) = commit::plan(store, imported, &names)?;
    commit::commit(&changes, write_atomic)?;
    summary.per_symbol = per_symbol;
    Ok(summary)
}

/// Reads and validates one file; touches nothing in the cache.
pub fn parse_file(path: &Path, options: &ImportOptions) -> Result<ParsedFile, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        file: path.to_path_buf(),
        source,
    })?;
    parse_bytes(path, &bytes, options)
}

/// Reads and validates the bytes of a file named `path` (the name gives a
/// per-symbol file its symbol and messages their file); touches nothing.
pub fn parse_bytes(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ParsedFile, ImportError> {
    // A reader that panics on a damaged file (seen in polars' Parquet
    // decoder under fuzzing) gives an error, never a crash.
    let parsed = crate::store::no_panic(
        || parse_content(path, bytes, options),
        |why| (Location::File, Problem::Damaged(why)),
    );
    parsed.map_err(|(at, problem)| ImportError::Content {
        file: path.to_path_buf(),
        at,
        problem,
    })
}

fn parse_content(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ParsedFile, Located> {
    match detect::sniff(bytes)? {
        Content::Parquet => {
            let (grid, shape) = parquet::ParquetGrid::read(bytes, options.market)?;
            read_grid(path, &grid, shape, Format::Parquet, options, Vec::new())
        }
        Content::Excel => {
            let (grid, shape) =
                excel::SheetGrid::read(bytes, options.sheet.as_deref(), options.market)?;
            let footer = grid.footer().to_vec();
            read_grid(path, &grid, shape, Format::Excel, options, footer)
        }
        Content::Text(text) => {
            let (grid, shape, format) = text::TextGrid::read(&text, options.market)?;
            let footer = grid.footer().to_vec();
            read_grid(path, &grid, shape, format, options, footer)
        }
    }
}

fn read_grid(
    path: &Path,
    grid: &dyn Grid,
    shape: Shape,
    format: Format,
    options: &ImportOptions,
    footer: Vec<String>,
) -> Result<ParsedFile, Located> {
    let at_file = |problem: Problem| (Location::File, problem);
    let mut reading = Reading {
        date_format: options.date_format.as_deref(),
        market: options.market,
    };
    let (read, ignored_columns) = match shape {
        Shape::Columns(map) => {
            let from_name;
            if let Some(column) = map.symbol
                && says_hong_kong(&grid.headers()[column])
            {
                reading.market = codes::Market::Hk;
            }
            let symbols = match (map.symbol, &options.symbol) {
                (Some(_), Some(symbol)) => {
                    return Err(at_file(Problem::SymbolOptionNotApplicable {
                        symbol: symbol.clone(),
                    }));
                }
                (Some(column), None) => Symbols::Column(column),
                (None, Some(symbol)) => Symbols::Fixed(symbol),
                (None, None) => {
                    from_name = symbol_from_file_name(path, reading.market).map_err(at_file)?;
                    Symbols::Fixed(&from_name)
                }
            };
            (
                tables::read_columns(grid, &map, symbols, reading)?,
                map.ignored,
            )
        }
        Shape::Wide { date, symbols } => {
            if let Some(symbol) = &options.symbol {
                return Err(at_file(Problem::SymbolOptionNotApplicable {
                    symbol: symbol.clone(),
                }));
            }
            (
                tables::read_wide(grid, date, &symbols, reading)?,
                Vec::new(),
            )
        }
    };
    if read.tables.is_empty() {
        return Err(at_file(Problem::NoValues));
    }
    Ok(ParsedFile {
        format,
        tables: read.tables,
        ignored_columns,
        skipped_empty_rows: read.skipped_empty_rows,
        footer,
        names: read.names,
    })
}

/// A symbol column headed 港股代码 or "HK code" holds Hong Kong codes.
fn says_hong_kong(header: &str) -> bool {
    let header = header.to_ascii_lowercase();
    header.contains("港股")
        || header
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "hk")
}

/// `300308.SZ.csv` → 300308.SZ, `aapl.us.txt` → AAPL.US, `300308.csv` →
/// 300308.SZ (a bare code gets its exchange).
fn symbol_from_file_name(path: &Path, market: codes::Market) -> Result<Symbol, Problem> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Symbol::parse(&qualify(&stem, market))
        .map_err(|reason| Problem::FileNameNotSymbol { stem, reason })
}
