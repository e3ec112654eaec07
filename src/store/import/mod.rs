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
mod format;
mod levels;
pub mod members;
mod naming;
mod parquet;
mod read;
mod source;
mod summary;
mod tables;
mod text;
mod values;

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use codes::{Market, qualify};
pub use error::{DATE_FORMS, ImportError, Location, Problem};
pub use format::Format;
// `fetch` writes rows from a web source the import's way: the same value
// checks, the same merge into the cached file, the same commit.
pub use commit::{Change, commit, plan};
pub use detect::Field;
pub use folder::{SUPPORTED_EXTENSIONS, expand_folders};
pub use naming::Naming;
pub use read::{ImportOptions, ParsedFile};
pub use source::Source;
pub use summary::{FileNote, ImportSummary, Overlap, SkippedRow, SymbolImport};
pub use values::check;

use crate::domain::PriceRow;
use crate::domain::Symbol;
use crate::store::{Store, write_atomic};
use detect::Content;
use tables::Located;

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
            || !parsed.skipped.is_empty()
            || !parsed.footer.is_empty()
            || !parsed.names.is_empty()
            || !parsed.named.is_empty()
        {
            summary.notes.push(FileNote {
                path: source.path.clone(),
                ignored_columns: parsed.ignored_columns,
                skipped: parsed.skipped,
                footer: parsed.footer,
                names: parsed.names.into_iter().collect(),
                named: parsed.named,
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
            read::read_grid(path, &grid, shape, Format::Parquet, options, Vec::new())
        }
        Content::Excel => {
            let (grid, shape) =
                excel::SheetGrid::read(bytes, options.sheet.as_deref(), options.market)?;
            let footer = grid.footer().to_vec();
            read::read_grid(path, &grid, shape, Format::Excel, options, footer)
        }
        Content::Text(text) => {
            let (grid, shape, format) = text::TextGrid::read(&text, options.market)?;
            let footer = grid.footer().to_vec();
            read::read_grid(path, &grid, shape, format, options, footer)
        }
    }
}
