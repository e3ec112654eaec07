//! `spillover demo --remove`: the demo price files go, nothing else does.

use std::path::PathBuf;

use super::DemoError;
use crate::domain::Symbol;
use crate::store::{Store, read_price_file};

/// What [`remove_demo`] deleted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removed {
    /// The symbols whose demo price files were deleted, in file-name order.
    pub symbols: Vec<Symbol>,
    pub files: Vec<PathBuf>,
    /// True when the demo marker (which says the cache holds demo prices)
    /// was deleted with them.
    pub marker: bool,
}

/// Deletes every price file holding the demo mark, and the demo marker.
/// Baskets, the watchlist, and imported or fetched prices (files without the
/// mark, or that cannot be read) are left as they are.
pub fn remove_demo(store: &Store) -> Result<Removed, DemoError> {
    let layout = store.layout();
    let io = |path: &std::path::Path, source: std::io::Error| DemoError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = layout.prices_dir();
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io(&dir, e)),
    };
    paths.sort();
    let mut removed = Removed::default();
    for path in paths {
        if !read_price_file(&path).is_ok_and(|table| table.demo) {
            continue;
        }
        std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if let Ok(symbol) = Symbol::parse(stem) {
            removed.symbols.push(symbol);
        }
        removed.files.push(path);
    }
    let marker = layout.demo_marker();
    if marker.exists() {
        std::fs::remove_file(&marker).map_err(|e| io(&marker, e))?;
        removed.marker = true;
    }
    Ok(removed)
}
