//! Shared helpers of the fetch tests: the recorded server, a fresh data dir,
//! the binary with quick retries, and byte snapshots of the cache.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use super::server::*;
use assert_cmd::Command;
use spillover::domain::{PriceTable, Symbol};
use spillover::store::{Workspace, read_price_file};

pub const TOKEN: &str = "9f3c2b1a8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271";

pub fn d(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

/// A data dir holding the embedded default (baskets, DEMO prices).
pub fn home() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    Workspace::open(dir.path().to_path_buf()).unwrap();
    dir
}

/// The binary on `home`, every source pointed at `url`, quick retries and
/// no throttle, no token unless a test sets one.
pub fn spillover(home: &Path, url: &str) -> Command {
    let mut cmd = Command::cargo_bin("spillover").unwrap();
    cmd.env("SPILLOVER_HOME", home)
        .env("SPILLOVER_YAHOO_URL", url)
        .env("SPILLOVER_EASTMONEY_URL", url)
        .env("SPILLOVER_TUSHARE_URL", url)
        .env("SPILLOVER_FETCH_TIMEOUT_MS", "2000")
        .env("SPILLOVER_FETCH_RETRIES", "2")
        .env("SPILLOVER_FETCH_BACKOFF_MS", "10")
        .env("SPILLOVER_EASTMONEY_INTERVAL_MS", "0")
        .env_remove("TUSHARE_TOKEN")
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

/// Every file under the data dir with its bytes, but the log.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.file_name().is_some_and(|n| n != "spillover.log") {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

pub fn price_file(home: &Path, symbol: &str) -> PathBuf {
    home.join("prices").join(sym(symbol).file_name())
}

pub fn table(home: &Path, symbol: &str) -> PriceTable {
    read_price_file(&price_file(home, symbol)).unwrap()
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
