//! Import of price files (Yahoo, Stooq, long, Tushare, wide CSV; Parquet) into the cache.
//!
//! All or nothing: every file is read and validated first, the rows are
//! merged in memory (the imported row wins over a cached row of the same
//! date, a later file over an earlier one), and only then are the changed
//! `prices/<SYMBOL>.parquet` files written; a failed write puts back the
//! files already written.

mod commit;
mod detect;
mod error;
mod parquet;
mod summary;
mod tables;
mod text;
mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use detect::Format;
pub use error::{DATE_FORMS, ImportError, Location, Problem};
pub use summary::{FileNote, ImportSummary, SymbolImport};
// `fetch` writes rows from a web source the import's way: the same value
// checks, the same merge into the cached file, the same commit.
pub use commit::{Change, commit, plan};
pub use detect::Field;
pub use values::check;

use crate::domain::PriceRow;
use crate::domain::Symbol;
use crate::store::{Store, write_atomic};
use detect::{Content, Shape};
use tables::{Grid, Located, Symbols};

/// What the command line can add to the files themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The symbol of a per-symbol file, instead of its file name.
    pub symbol: Option<Symbol>,
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
}

/// Imports `files` into the cache of `store`: all of them or, on any error,
/// none (the cache is then byte-for-byte as it was).
pub fn import_files(
    store: &Store,
    files: &[PathBuf],
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    if files.is_empty() {
        return Err(ImportError::NoFiles);
    }
    let mut merged: BTreeMap<Symbol, BTreeMap<chrono::NaiveDate, PriceRow>> = BTreeMap::new();
    let mut summary = ImportSummary::default();
    for path in files {
        let parsed = parse_file(path, options)?;
        for (symbol, rows) in parsed.tables {
            // Command-line order: a later file's row replaces an earlier one's.
            merged
                .entry(symbol)
                .or_default()
                .extend(rows.into_iter().map(|r| (r.date, r)));
        }
        summary.files.push((path.clone(), parsed.format));
        if !parsed.ignored_columns.is_empty() || parsed.skipped_empty_rows > 0 {
            summary.notes.push(FileNote {
                path: path.clone(),
                ignored_columns: parsed.ignored_columns,
                skipped_empty_rows: parsed.skipped_empty_rows,
            });
        }
    }
    let imported = merged
        .into_iter()
        .map(|(symbol, rows)| (symbol, rows.into_values().collect()))
        .collect();
    let (changes, per_symbol) = commit::plan(store, imported)?;
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
    parse_bytes(path, &bytes, options).map_err(|(at, problem)| ImportError::Content {
        file: path.to_path_buf(),
        at,
        problem,
    })
}

fn parse_bytes(path: &Path, bytes: &[u8], options: &ImportOptions) -> Result<ParsedFile, Located> {
    match detect::sniff(bytes)? {
        Content::Parquet => {
            let (grid, shape) = parquet::ParquetGrid::read(bytes)?;
            read_grid(path, &grid, shape, Format::Parquet, options)
        }
        Content::Text(text) => {
            let (grid, shape, format) = text::TextGrid::read(text)?;
            read_grid(path, &grid, shape, format, options)
        }
    }
}

fn read_grid(
    path: &Path,
    grid: &dyn Grid,
    shape: Shape,
    format: Format,
    options: &ImportOptions,
) -> Result<ParsedFile, Located> {
    let at_file = |problem: Problem| (Location::File, problem);
    let (read, ignored_columns) = match shape {
        Shape::Columns(map) => {
            let from_name;
            let symbols = match (map.symbol, &options.symbol) {
                (Some(_), Some(symbol)) => {
                    return Err(at_file(Problem::SymbolOptionNotApplicable {
                        symbol: symbol.clone(),
                    }));
                }
                (Some(column), None) => Symbols::Column(column),
                (None, Some(symbol)) => Symbols::Fixed(symbol),
                (None, None) => {
                    from_name = symbol_from_file_name(path).map_err(at_file)?;
                    Symbols::Fixed(&from_name)
                }
            };
            (tables::read_columns(grid, &map, symbols)?, map.ignored)
        }
        Shape::Wide { date, symbols } => {
            if let Some(symbol) = &options.symbol {
                return Err(at_file(Problem::SymbolOptionNotApplicable {
                    symbol: symbol.clone(),
                }));
            }
            (tables::read_wide(grid, date, &symbols)?, Vec::new())
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
    })
}

/// `300308.SZ.csv` → 300308.SZ, `aapl.us.txt` → AAPL.US.
fn symbol_from_file_name(path: &Path) -> Result<Symbol, Problem> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Symbol::parse(&stem).map_err(|reason| Problem::FileNameNotSymbol { stem, reason })
}
