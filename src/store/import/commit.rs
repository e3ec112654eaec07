//! Merging imported rows into the cached files, and writing them so that
//! either every file changes or none does.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::ImportError;
use super::summary::SymbolImport;
use crate::domain::Symbol;
use crate::domain::{PriceRow, PriceTable};
use crate::store::Store;
use crate::store::prices::{DecodeError, decode_parquet, encode_parquet_named, parquet_name};

/// One price file to write, with the bytes it had before (if it existed).
#[derive(Debug)]
pub struct Change {
    pub path: PathBuf,
    pub previous: Option<Vec<u8>>,
    pub bytes: Vec<u8>,
}

/// Merges each symbol's imported rows with its cached file: an imported row
/// replaces a cached row of the same date; cached demo prices are dropped
/// whole. Reads the cache, writes nothing.
pub fn plan(
    store: &Store,
    imported: BTreeMap<Symbol, Vec<PriceRow>>,
    names: &BTreeMap<Symbol, String>,
) -> Result<(Vec<Change>, Vec<SymbolImport>), ImportError> {
    let mut changes = Vec::new();
    let mut report = Vec::new();
    for (symbol, rows) in imported {
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            continue;
        };
        let imported_range = (first.date, last.date);
        let path = store.layout().price_file(&symbol);
        let previous = read_cached(&path, &symbol)?;
        let replaced_demo = previous.as_ref().is_some_and(|(_, table)| table.demo);
        let mut merged: BTreeMap<NaiveDate, PriceRow> = match &previous {
            Some((_, table)) if !table.demo => table.rows.iter().map(|r| (r.date, *r)).collect(),
            _ => BTreeMap::new(),
        };
        let mut added = 0;
        let mut replaced = 0;
        for row in rows {
            match merged.insert(row.date, row) {
                Some(_) => replaced += 1,
                None => added += 1,
            }
        }
        let table = PriceTable {
            rows: merged.into_values().collect(),
            demo: false,
        };
        let (Some(first), Some(last)) = (table.rows.first(), table.rows.last()) else {
            continue;
        };
        report.push(SymbolImport {
            symbol: symbol.clone(),
            added,
            replaced,
            imported: imported_range,
            cached: (first.date, last.date),
            rows_after: table.rows.len(),
            replaced_demo,
        });
        // The file's name for the symbol, else the one the cache had.
        let name = names.get(&symbol).cloned().or_else(|| {
            previous
                .as_ref()
                .and_then(|(bytes, table)| (!table.demo).then(|| parquet_name(bytes)).flatten())
        });
        let bytes =
            encode_parquet_named(&table, name.as_deref()).map_err(|e| ImportError::Encode {
                symbol: symbol.clone(),
                detail: e.to_string(),
            })?;
        let previous = previous.map(|(bytes, _)| bytes);
        // Re-importing the same rows gives the same bytes: leave the file alone.
        if previous.as_deref() != Some(bytes.as_slice()) {
            changes.push(Change {
                path,
                previous,
                bytes,
            });
        }
    }
    Ok((changes, report))
}

/// The cached file's bytes and table; `None` when there is no file yet.
fn read_cached(path: &Path, symbol: &Symbol) -> Result<Option<(Vec<u8>, PriceTable)>, ImportError> {
    let unreadable = |detail: String| ImportError::UnreadableCache {
        file: path.to_path_buf(),
        symbol: symbol.clone(),
        detail,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    match decode_parquet(&bytes) {
        Ok(table) => Ok(Some((bytes, table))),
        Err(DecodeError::Parquet(detail) | DecodeError::Content(detail)) => Err(unreadable(detail)),
    }
}

/// Writes every change with `write`; if one fails, puts back the files
/// already written (their previous bytes, or no file) so the cache is as it
/// was, and says which could not be put back if any.
pub fn commit(
    changes: &[Change],
    mut write: impl FnMut(&Path, &[u8]) -> io::Result<()>,
) -> Result<(), ImportError> {
    for (k, change) in changes.iter().enumerate() {
        let Err(source) = write(&change.path, &change.bytes) else {
            continue;
        };
        let not_restored: Vec<PathBuf> = changes[..k]
            .iter()
            .rev()
            .filter(|done| {
                let undone = match &done.previous {
                    Some(bytes) => write(&done.path, bytes),
                    None => std::fs::remove_file(&done.path),
                };
                undone.is_err()
            })
            .map(|done| done.path.clone())
            .collect();
        let file = change.path.clone();
        return Err(if not_restored.is_empty() {
            ImportError::Write { file, source }
        } else {
            ImportError::WriteNotUndone {
                file,
                source,
                not_restored,
            }
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(dir: &Path, name: &str, previous: Option<&[u8]>) -> Change {
        let path = dir.join(name);
        if let Some(bytes) = previous {
            std::fs::write(&path, bytes).unwrap();
        }
        Change {
            path,
            previous: previous.map(<[u8]>::to_vec),
            bytes: format!("new {name}").into_bytes(),
        }
    }

    #[test]
    fn a_failed_write_puts_back_every_file_already_written() {
        let dir = tempfile::tempdir().unwrap();
        let changes = vec![
            change(dir.path(), "A.parquet", Some(b"old A")),
            change(dir.path(), "B.parquet", None),
            change(dir.path(), "C.parquet", Some(b"old C")),
        ];
        // The third write fails, after A was replaced and B created.
        let mut writes = 0;
        let err = commit(&changes, |path, bytes| {
            writes += 1;
            if writes == 3 {
                return Err(io::Error::other("disk full"));
            }
            crate::store::write_atomic(path, bytes)
        })
        .unwrap_err();
        assert!(matches!(err, ImportError::Write { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("C.parquet: cannot write: disk full"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(dir.path().join("A.parquet")).unwrap(),
            b"old A"
        );
        assert!(!dir.path().join("B.parquet").exists());
        assert_eq!(
            std::fs::read(dir.path().join("C.parquet")).unwrap(),
            b"old C"
        );
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["A.parquet", "C.parquet"],
            "no temporary file is left"
        );
    }

    #[test]
    fn a_failed_undo_names_the_files_left_changed() {
        let dir = tempfile::tempdir().unwrap();
        let changes = vec![
            change(dir.path(), "A.parquet", Some(b"old A")),
            change(dir.path(), "B.parquet", Some(b"old B")),
        ];
        // The first write succeeds; every later write (B, then undoing A) fails.
        let mut writes = 0;
        let err = commit(&changes, |path, bytes| {
            writes += 1;
            if writes > 1 {
                return Err(io::Error::other("disk full"));
            }
            crate::store::write_atomic(path, bytes)
        })
        .unwrap_err();
        let ImportError::WriteNotUndone { not_restored, .. } = &err else {
            panic!("expected WriteNotUndone, got {err}");
        };
        assert_eq!(not_restored, &vec![dir.path().join("A.parquet")]);
        assert!(
            err.to_string()
                .contains("restore or delete those files by hand")
        );
    }
}
