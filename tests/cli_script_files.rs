//! Issue 20 through the built binary: a yfinance download fetched during
//! the session, a file named by an index code, and a data dir given as a
//! URL, from the flag and from the environment.

mod cli_support;

use std::fs;
use std::path::Path;

use cli_support::spillover;
use predicates::prelude::*;

/// A data dir with one basket and no prices (so no demo is installed).
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let baskets = home.path().join("baskets");
    fs::create_dir_all(&baskets).unwrap();
    fs::write(
        baskets.join("hk.toml"),
        "name = \"HK\"\n[[member]]\nsymbol = \"^HSI\"\nname = \"Hang Seng\"\n",
    )
    .unwrap();
    home
}

fn prices(home: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(home.join("prices"))
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_download_fetched_during_the_session_imports_and_says_what_it_skipped() {
    let home = home();
    let files = tempfile::tempdir().unwrap();
    let hsi = files.path().join("hsi.csv");
    fs::write(
        &hsi,
        "Price,Close,High,Low,Open,Volume\nTicker,^HSI,^HSI,^HSI,^HSI,^HSI\nDate,,,,,\n\
         2026-03-24,24410.2,24455.9,24102.8,24190.4,3987654300\n\
         2026-03-25,24301.7,24512.6,24250.0,24480.1,4012345600\n\
         2026-03-26,,,,,6238632\n",
    )
    .unwrap();
    spillover(home.path())
        .arg("import")
        .arg(&hsi)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(yfinance CSV with ticker header rows); 1 row without prices skipped: 2026-03-26",
        ))
        .stdout(predicate::str::contains(
            "^HSI  2 rows 2026-03-24..2026-03-25: 2 added",
        ));
    assert_eq!(prices(home.path()), ["^HSI.parquet"]);
}

#[test]
fn a_file_named_by_an_index_code_says_how_to_import_the_index() {
    let home = home();
    let files = tempfile::tempdir().unwrap();
    let csi = files.path().join("000300.csv");
    fs::write(&csi, "date,close\n2025-04-01,3900.1\n2025-04-02,3911.5\n").unwrap();
    spillover(home.path())
        .arg("import")
        .arg(&csi)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "named 000300.SZ from the file name; 000300 is also the CSI 300 index — if this file is the index, import it with --symbol 000300.SH",
        ));
    spillover(home.path())
        .arg("import")
        .arg(&csi)
        .args(["--symbol", "000300.SH"])
        .assert()
        .success();
    assert_eq!(
        prices(home.path()),
        ["000300.SH.parquet", "000300.SZ.parquet"]
    );
}

#[test]
fn a_data_dir_given_as_a_url_is_refused_and_no_folder_is_made() {
    let work = tempfile::tempdir().unwrap();
    for url in [
        "s3://bucket/spillover",
        "http://example.com/data",
        "ftp://host/dir",
    ] {
        let scheme = url.split(':').next().unwrap();
        let said = format!("{scheme}:// data dirs are not supported");
        // From the flag (with a real SPILLOVER_HOME that it overrides) ...
        spillover(work.path())
            .current_dir(work.path())
            .args(["--data-dir", url, "symbols"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(&said))
            .stderr(predicate::str::contains("pass a local folder"));
        // ... and from the environment.
        spillover(Path::new(url))
            .current_dir(work.path())
            .arg("symbols")
            .assert()
            .failure()
            .stderr(predicate::str::contains(&said));
    }
    let made: Vec<_> = fs::read_dir(work.path()).unwrap().flatten().collect();
    assert!(made.is_empty(), "nothing is created: {made:?}");
}
