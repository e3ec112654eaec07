//! `:import` in the workstation: price files into the cache on the worker,
//! all or nothing, with the panes following and a bad file's reason over
//! the panes (nothing written).

mod tui_edit_support;
mod tui_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use spillover::domain::Symbol;
use spillover::tui::overlay::Overlay;
use spillover::tui::state::Mode;
use tui_edit_support::{Session, ch};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Runs `:line`.
fn command(session: &mut Session, line: &str) {
    session.press(&[ch(':')]);
    session.type_text(line);
    session.press(&[tui_edit_support::key(KeyCode::Enter)]);
}

/// Every price file of the cache and its bytes.
fn prices(session: &Session) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(session.dir.path().join("prices"))
        .unwrap()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn import_brings_files_in_and_the_panes_follow() {
    let mut s = Session::new();
    let sym = Symbol::parse("300308.SZ").unwrap();
    assert!(s.state.book().series[&sym].demo);
    let line = format!(
        "import {} {}",
        fixture("good/300308.SZ.csv").display(),
        fixture("good/aapl.us.txt").display()
    );
    command(&mut s, &line);
    let message = s.state.message().cloned().unwrap();
    assert!(!message.error, "{message:?}");
    assert_eq!(
        message.text,
        "imported 2 files: 2 symbols (1 new, 1 replacing demo prices); 1 in the baskets, 1 in none (a adds one); 1 row without prices skipped: 2025-01-03",
        "the null row of 2025-01-03 is said, with its date"
    );
    // The member's real prices replaced the demo's in the book and on disk.
    let series = &s.state.book().series[&sym];
    assert!(!series.demo);
    assert_eq!(
        series.dates.first().map(ToString::to_string).as_deref(),
        Some("2025-01-02")
    );
    assert!(s.dir.path().join("prices/AAPL.parquet").exists());
    assert!(s.state.work().is_empty(), "{:?}", s.state.work());
    // A restart reads the same cache.
    assert!(!s.restart().book().series.is_empty());
}

#[test]
fn a_bad_file_imports_nothing_and_says_where_and_why() {
    let mut s = Session::new();
    let before = prices(&s);
    let line = format!(
        "import {} {}",
        fixture("good/300308.SZ.csv").display(),
        fixture("bad/price_negative.csv").display()
    );
    command(&mut s, &line);
    assert_eq!(prices(&s), before, "the cache is byte-for-byte unchanged");
    let message = s.state.message().cloned().unwrap();
    assert!(
        message.error && message.text.contains("nothing imported"),
        "{message:?}"
    );
    assert_eq!(s.state.mode(), Mode::Problems);
    let text = s.screen(120, 30);
    assert!(
        text.contains("Import: nothing imported, the cache is unchanged"),
        "{text}"
    );
    // The file, its line and what is wrong there.
    assert!(
        text.contains("price_negative.csv:3: Adj Close is -1"),
        "{text}"
    );
    s.press(&[tui_edit_support::key(KeyCode::Esc)]);
    assert_eq!(*s.state.overlay(), Overlay::None);
}

#[test]
fn import_is_refused_without_files_and_with_a_bad_market() {
    let mut s = Session::new();
    for (line, says) in [
        ("import", "import what? name price files or folders"),
        ("import x.csv --market mars", "unknown market \"mars\""),
    ] {
        command(&mut s, line);
        let message = s.state.message().cloned().unwrap();
        assert!(
            message.error && message.text.contains(says),
            "{line}: {message:?}"
        );
    }
}

#[test]
fn a_quoted_path_keeps_its_spaces() {
    let mut s = Session::new();
    let before = prices(&s);
    let line = format!("import \"{}\"", fixture("bad/my prices.csv").display());
    command(&mut s, &line);
    // The file was found and read (its name is not a symbol): the reason
    // names it whole, and nothing was written.
    let text = s.screen(160, 30);
    assert!(text.contains("my prices.csv"), "{text}");
    assert!(!text.contains("cannot read"), "{text}");
    assert_eq!(prices(&s), before);
}

/// One job writes the cache at a time: while an import is under way, a
/// fetch and a second import are refused and say why.
#[test]
fn nothing_else_writes_the_cache_while_an_import_runs() {
    let mut state = tui_support::demo_state();
    let run = |state: &mut spillover::tui::AppState, line: &str| {
        tui_support::press(state, &[ch(':')]);
        tui_support::type_text(state, line);
        tui_support::press(state, &[tui_edit_support::key(KeyCode::Enter)])
    };
    let effects = run(&mut state, "import a.csv b.csv");
    assert_eq!(effects.len(), 1, "the import starts: {effects:?}");
    let fetch = tui_support::press(&mut state, &[ch('F')]);
    assert!(fetch.is_empty());
    let message = state.message().cloned().unwrap();
    assert!(
        message.error
            && message
                .text
                .contains("an import is writing the cache (importing 2 files)"),
        "{message:?}"
    );
    assert!(run(&mut state, "import c.csv").is_empty());
    let message = state.message().cloned().unwrap();
    assert!(
        message.text.contains("the cache is being written"),
        "{message:?}"
    );
}
