//! Shared helpers of the import tests: fixtures, a cache in a temp dir, and
//! a byte-for-byte snapshot of it.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use spillover::domain::PriceTable;
use spillover::domain::Symbol;
use spillover::store::import::{ImportOptions, ImportSummary, import_files};
use spillover::store::{Store, read_price_file};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

pub fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

pub fn date(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A fresh cache in a temp dir (kept alive by the returned guard).
pub fn cache() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

pub fn import(store: &Store, files: &[PathBuf]) -> ImportSummary {
    import_files(store, files, &ImportOptions::default()).unwrap()
}

/// Every file under the cache root with its bytes.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

pub fn table(store: &Store, symbol: &str) -> PriceTable {
    read_price_file(&store.layout().price_file(&sym(symbol))).unwrap()
}
