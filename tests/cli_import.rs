//! Issue 9 as a new user meets it, through the built binary: the three
//! defects, folders, constituent lists, inert text and messages that point
//! at the cause.

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use cli_support::{files, spillover};
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/analyst")
        .join(name)
}

/// A data dir with one basket and no prices (so no demo is installed).
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let baskets = home.path().join("baskets");
    fs::create_dir_all(&baskets).unwrap();
    fs::write(
        baskets.join("hk-internet.toml"),
        "name = \"HK internet\"\n[[member]]\nsymbol = \"9988.HK\"\nname = \"阿里巴巴-W\"\n",
    )
    .unwrap();
    home
}

#[test]
fn symbol_with_two_files_is_refused_and_file_equals_symbol_works() {
    let home = home();
    let h = home.path();
    let before = files(h);
    let (spx, ndx) = (fixture("SPX.csv"), fixture("NDX.csv"));
    spillover(h)
        .arg("import")
        .arg(&spx)
        .args(["--symbol", "SPX"])
        .arg(&ndx)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("FILE=SYMBOL"));
    assert_eq!(files(h), before);
    // Both under one symbol on purpose: the summary names the overlap.
    spillover(h)
        .arg("import")
        .arg(format!("{}=IDX", spx.display()))
        .arg(format!("{}=IDX", ndx.display()))
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "warning: {} replaced 3 rows of {} (IDX)",
            ndx.display(),
            spx.display()
        )));
}

#[test]
fn basket_add_and_create_default_their_names() {
    let home = home();
    let h = home.path();
    spillover(h)
        .arg("import")
        .arg(fixture("wind_long.csv"))
        .arg(fixture("SPX.csv"))
        .assert()
        .success();
    spillover(h)
        .args(["basket", "create", "spx"])
        .assert()
        .success();
    let file = |id: &str| fs::read_to_string(h.join("baskets").join(format!("{id}.toml"))).unwrap();
    assert!(file("spx").contains("name = \"spx\""));
    // No name anywhere: the symbol itself (regression: was refused).
    spillover(h)
        .args(["basket", "add", "spx", "SPX"])
        .assert()
        .success();
    assert!(file("spx").contains("name = \"SPX\""));
    // The name found in the imported file.
    spillover(h)
        .args(["basket", "add", "spx", "002463.SZ"])
        .assert()
        .success();
    assert!(file("spx").contains("name = \"沪电股份\""));
    // Another basket's name comes first.
    spillover(h)
        .args(["basket", "add", "spx", "9988.HK"])
        .assert()
        .success();
    assert!(file("spx").contains("name = \"阿里巴巴-W\""));
}

#[test]
fn a_folder_imports_every_file_and_a_bad_one_stops_all() {
    let home = home();
    let h = home.path();
    let dir = tempfile::tempdir().unwrap();
    for name in ["SPX.csv", "688256.csv", "akshare_stock_zh_a_hist.csv"] {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    fs::write(dir.path().join("notes.md"), "not a price file").unwrap();
    spillover(h)
        .arg("import")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported 3 files"));
    for symbol in ["SPX", "688256.SH", "300308.SZ"] {
        assert!(h.join("prices").join(format!("{symbol}.parquet")).exists());
    }
    // The same folder with one bad file, into a fresh data dir: nothing is written.
    fs::write(
        dir.path().join("zz_bad.csv"),
        "date,close\n2025-01-02,1\n2025-01-03,n/a?\n",
    )
    .unwrap();
    let fresh = self::home();
    let before = files(fresh.path());
    spillover(fresh.path())
        .arg("import")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("zz_bad.csv:3: close is \"n/a?\""));
    assert_eq!(files(fresh.path()), before);
}

#[test]
fn constituent_lists_import_export_and_dry_run() {
    let home = home();
    let h = home.path();
    let list = fixture("optical_members.csv");
    let before = files(h);
    spillover(h)
        .args(["basket", "import", "optical"])
        .arg(&list)
        .arg("--dry-run")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "dry run, nothing written: create basket optical: 4 added (300308.SZ, 300502.SZ, 002463.SZ, 601138.SH)",
        ));
    assert_eq!(files(h), before);
    spillover(h)
        .args(["basket", "import", "optical"])
        .arg(&list)
        .assert()
        .success();
    let toml = fs::read_to_string(h.join("baskets/optical.toml")).unwrap();
    assert!(toml.contains("name = \"中际旭创\""), "{toml}");
    assert!(toml.contains("segment = \"光模块\""), "{toml}");
    assert!(toml.contains("weight = 30.0"), "{toml}");
    // Round trip: export, change one weight, drop one member, re-import.
    let out = tempfile::tempdir().unwrap();
    let exported = out.path().join("optical.csv");
    spillover(h)
        .args(["basket", "export", "optical", "-o"])
        .arg(&exported)
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote 4 members of optical"));
    let text = fs::read_to_string(&exported).unwrap();
    assert!(
        text.starts_with("symbol,name,name_en,segment,weight\n300308.SZ,中际旭创,,光模块,30\n"),
        "{text}"
    );
    let edited: String = text
        .lines()
        .filter(|l| !l.starts_with("601138"))
        .map(|l| l.replace("300502.SZ,新易盛,,光模块,25", "300502.SZ,新易盛,,光模块,35"))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&exported, edited).unwrap();
    spillover(h)
        .args(["basket", "import", "optical"])
        .arg(&exported)
        .arg("--dry-run")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "replace basket optical: 0 added; 1 removed (601138.SH); 1 changed (300502.SZ: weight \"25\" → \"35\")",
        ));
}

#[test]
fn control_characters_are_refused_in_edits_and_escaped_in_output() {
    let home = home();
    let h = home.path();
    let before = files(h);
    spillover(h)
        .args([
            "basket",
            "add",
            "hk-internet",
            "0700.HK",
            "--name",
            "\u{1b}[31mRED",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("U+001B"));
    assert_eq!(files(h), before);
    // A hand-edited file that holds one still loads, and shows it escaped.
    spillover(h)
        .arg("import")
        .arg(fixture("SPX.csv"))
        .assert()
        .success();
    fs::write(
        h.join("baskets/hk-internet.toml"),
        "name = \"HK\"\n[[member]]\nsymbol = \"SPX\"\nname = \"\\u001b[31mRED\\u202e\"\n",
    )
    .unwrap();
    let out = spillover(h).args(["basket", "list"]).output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(!shown.contains('\u{1b}'));
    let out = spillover(h)
        .args(["basket", "show", "hk-internet"])
        .output()
        .unwrap();
    let shown =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
        "{shown}"
    );
    assert!(shown.contains("\\u{1b}[31mRED\\u{202e}"), "{shown}");
}

#[test]
fn messages_point_at_the_broken_file() {
    let home = home();
    let h = home.path();
    spillover(h)
        .arg("import")
        .arg(fixture("SPX.csv"))
        .assert()
        .success();
    // Every basket file broken: name them, not "no prices in the cache".
    fs::write(
        h.join("baskets/hk-internet.toml"),
        "name = \"HK\"\n[[member]]\nsymbol = \"9988.HK\"\n",
    )
    .unwrap();
    spillover(h)
        .arg("report")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no basket file could be loaded"))
        .stderr(predicate::str::contains("hk-internet.toml"))
        .stderr(predicate::str::contains("no prices in the cache").not());
    // A bad date names the field and the value; list does not say "empty".
    fs::write(
        h.join("watchlist.toml"),
        "[[event]]\nsymbol = \"9988.HK\"\nname = \"Alibaba\"\ndate = \"2025-13-45\"\nsession = \"after-close\"\n",
    )
    .unwrap();
    spillover(h)
        .args(["watchlist", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "watchlist.toml:4: date = \"2025-13-45\"",
        ))
        .stderr(predicate::str::contains("is empty").not());
}
