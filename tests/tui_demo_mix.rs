//! Issue 17 in the workstation: the opening date follows real data, demo
//! series mixed with real ones are named (status bar, basket tab and
//! summary, event-study title), `:plan YYYY-MM` proposes the season as one
//! undoable edit, `:demo remove` deletes the demo price files.

mod tui_edit_support;
mod tui_support;

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};
use crossterm::event::KeyCode;
use spillover::domain::Symbol;
use spillover::store::demo::demo_prices;
use tui_edit_support::{Session, ch, key};

/// The two series left demo in the mixed data dir.
const STILL_DEMO: [&str; 2] = ["HSTECH.HK", "9626.HK"];

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// A price file of `symbol`: every weekday from 2025-01-02 to 2026-11-30,
/// a gentle seeded walk (the holidays are in it: `check` would warn, the
/// workstation reads them).
fn write_real_csv(dir: &Path, symbol: &Symbol, seed: usize) {
    let mut text = String::from("Date,Close\n");
    let mut day = date("2025-01-02");
    let mut price = 50.0 + seed as f64;
    let mut i = 0usize;
    while day <= date("2026-11-30") {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            i += 1;
            price *= 1.0 + 0.002 * (((i * 7 + seed) % 11) as f64 - 5.0) / 5.0;
            let _ = writeln!(text, "{day},{price:.2}");
        }
        day = day.succ_opt().expect("a next day");
    }
    std::fs::write(dir.join(format!("{symbol}.csv")), text).expect("the CSV is written");
}

/// Runs `:line`.
fn command(s: &mut Session, line: &str) {
    s.press(&[ch(':')]);
    s.type_text(line);
    s.press(&[key(KeyCode::Enter)]);
}

/// The demo data dir with every series but [`STILL_DEMO`] imported as real
/// prices to 2026-11-30, opened again as a user would.
fn mixed_session() -> Session {
    let mut s = Session::new();
    let files = tempfile::tempdir().expect("a temp dir");
    for (i, symbol) in demo_prices().keys().enumerate() {
        if !STILL_DEMO.contains(&symbol.as_str()) {
            write_real_csv(files.path(), symbol, i);
        }
    }
    command(&mut s, &format!("import \"{}\"", files.path().display()));
    let message = s
        .state
        .message()
        .cloned()
        .expect("the import says what it did");
    assert!(!message.error, "{message:?}");
    s.state = s.restart();
    s
}

/// The screen with the temporary data dir's path written as `<data dir>`.
fn shown(s: &Session, width: u16, height: u16) -> String {
    let dir = s.dir.path().display().to_string();
    s.screen(width, height).replace(&dir, "<data dir>")
}

fn status_line(screen: &str, height: usize) -> String {
    screen
        .lines()
        .nth(height - 2)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn opening_date_follows_the_real_series() {
    let s = mixed_session();
    assert_eq!(s.state.as_of(), Some(date("2026-11-30")));
    assert!(!s.state.is_replay());
    // Every series demo: the research note's replay date, as before.
    let demo = Session::new();
    assert_eq!(demo.state.as_of(), Some(date("2025-05-07")));
}

#[test]
fn status_bar_names_the_demo_series_when_mixed() {
    let s = mixed_session();
    for (w, h) in [(160u16, 48usize), (80, 24)] {
        let screen = s.screen(w, h as u16);
        let status = status_line(&screen, h);
        assert!(status.contains("DEMO: 9626.HK, HSTECH.HK"), "{status}");
    }
    // Plain DEMO on the pure demo: the existing snapshots hold it.
    let demo = Session::new();
    let screen = demo.screen(160, 48);
    assert!(screen.contains(" DEMO "), "{screen}");
    assert!(!screen.contains("DEMO:"), "{screen}");
}

#[test]
fn mixed_screens_80x24_and_160x48() {
    let s = mixed_session();
    insta::assert_snapshot!("mixed_80x24", shown(&s, 80, 24));
    insta::assert_snapshot!("mixed_160x48", shown(&s, 160, 48));
}

#[test]
fn a_basket_mixing_demo_and_real_members_is_marked() {
    let mut s = mixed_session();
    let mixed = s
        .state
        .baskets()
        .iter()
        .find(|b| {
            let demo = b.members.iter().any(|m| m.symbol.as_str() == "9626.HK");
            demo && b.members.len() > 1
        })
        .map(|b| b.id.to_string())
        .expect("a basket holds 9626.HK and others");
    s.show_basket(&mixed);
    let screen = s.screen(160, 48);
    assert!(screen.contains(&format!(" {mixed}* ")), "{screen}");
    assert!(screen.contains("*DEMO: 9626.HK"), "{screen}");
    // A basket of real members only has no mark.
    let real = s
        .state
        .baskets()
        .iter()
        .find(|b| {
            b.members
                .iter()
                .all(|m| !STILL_DEMO.contains(&m.symbol.as_str()))
        })
        .map(|b| b.id.to_string())
        .expect("a basket of real members");
    assert!(screen.contains(&format!(" {real} ")), "{screen}");
    assert!(!screen.contains(&format!(" {real}* ")), "{screen}");
}

#[test]
fn event_study_title_says_its_benchmark_is_demo() {
    let mut s = mixed_session();
    command(&mut s, "benchmark hstech");
    s.press(&[ch('4'), ch('E')]);
    let screen = s.screen(160, 48);
    let title = screen
        .lines()
        .find(|l| l.contains("Event study #"))
        .expect("a title");
    assert!(title.contains("DEMO benchmark: HSTECH.HK"), "{title}");
    insta::assert_snapshot!("event_study_demo_benchmark_160x48", shown(&s, 160, 48));
}

#[test]
fn plan_proposes_the_season_as_one_undoable_edit() {
    let mut s = Session::new();
    let before = s.state.watchlist().events.len();
    command(&mut s, "plan 2026-05");
    let message = s.state.message().cloned().expect("a message");
    assert!(!message.error, "{message:?}");
    let added = s.state.watchlist().events.len() - before;
    assert!(added > 0, "{message:?}");
    assert!(
        message.text.starts_with(&format!(
            "plan 2026-05: {added} proposed (est.), 0 already there"
        )),
        "{}",
        message.text
    );
    // Meituan: 2025-05-26 + 364 days is Buddha's Birthday in Hong Kong.
    let meituan = s
        .state
        .watchlist()
        .events
        .iter()
        .find(|e| e.symbol.as_str() == "3690.HK" && e.date.year() == 2026)
        .expect("Meituan is planned");
    assert_eq!(meituan.date, date("2026-05-26"));
    assert!(meituan.estimated);
    // Saved atomically to watchlist.toml, estimated = true.
    let saved = s.read(&s.watchlist_file());
    assert!(saved.contains("2026-05-26"), "{saved}");
    assert!(saved.contains("estimated = true"), "{saved}");
    // Twice adds nothing twice.
    command(&mut s, "plan 2026-05");
    assert_eq!(s.state.watchlist().events.len() - before, added);
    let again = s.state.message().cloned().expect("a message");
    assert!(
        again
            .text
            .contains(&format!("0 proposed (est.), {added} already there")),
        "{}",
        again.text
    );
    // One u undoes the whole plan.
    s.press(&[ch('4'), ch('u')]);
    assert_eq!(s.state.watchlist().events.len(), before);
}

#[test]
fn plan_names_companies_without_basis_and_refuses_a_bad_season() {
    let mut s = Session::new();
    command(&mut s, "plan 2026-07");
    let message = s.state.message().cloned().expect("a message");
    assert!(
        message.text.contains("no basis a year earlier: "),
        "{}",
        message.text
    );
    assert!(message.text.ends_with("nothing added"), "{}", message.text);
    command(&mut s, "plan May");
    let screen = s.screen(120, 30);
    assert!(screen.contains("name the season as YYYY-MM"), "{screen}");
}

#[test]
fn estimated_events_show_est_in_the_pane_and_the_detail() {
    let mut s = Session::new();
    command(&mut s, "plan 2026-05");
    s.press(&[ch('4'), key(KeyCode::Esc)]);
    insta::assert_snapshot!("watchlist_planned_160x48", shown(&s, 160, 48));
    insta::assert_snapshot!("watchlist_planned_80x24", shown(&s, 80, 24));
    let screen = s.screen(160, 48);
    assert!(screen.contains("2026-05-12 est. post  JD.com"), "{screen}");
    // The detail of the planned Meituan report says it is an estimate.
    s.press(&[ch('G')]);
    let last = s.state.watchlist().events.len() - 1;
    let meituan = s
        .state
        .watchlist()
        .events
        .iter()
        .position(|e| e.symbol.as_str() == "3690.HK" && e.estimated)
        .expect("Meituan is planned");
    for _ in meituan..last {
        s.press(&[ch('k')]);
    }
    s.press(&[key(KeyCode::Enter)]);
    let detail = s.screen(160, 48);
    assert!(
        detail.contains("planned: a year-earlier report + 52 weeks"),
        "{detail}"
    );
    insta::assert_snapshot!("planned_detail_80x24", shown(&s, 80, 24));
}

#[test]
fn demo_remove_deletes_the_demo_files_and_the_book_follows() {
    let mut s = mixed_session();
    let watchlist = s.read(&s.watchlist_file());
    command(&mut s, "demo remove");
    let message = s.state.message().cloned().expect("a message");
    assert_eq!(
        message.text, "removed 2 demo price files: 9626.HK, HSTECH.HK",
        "{message:?}"
    );
    for symbol in STILL_DEMO {
        assert!(
            !s.dir
                .path()
                .join(format!("prices/{symbol}.parquet"))
                .exists()
        );
        assert!(
            !s.state
                .book()
                .series
                .contains_key(&Symbol::parse(symbol).unwrap())
        );
    }
    assert!(!s.state.book().has_demo());
    assert!(s.state.work().is_empty());
    assert_eq!(
        s.read(&s.watchlist_file()),
        watchlist,
        "the watchlist is untouched"
    );
    let screen = s.screen(160, 48);
    assert!(!screen.contains("DEMO"), "{screen}");
    // Again: nothing demo is loaded, nothing to do.
    command(&mut s, "demo remove");
    let again = s.state.message().cloned().expect("a message");
    assert_eq!(again.text, "no demo prices are loaded: nothing to remove");
    command(&mut s, "demo reset");
    assert!(s.screen(120, 30).contains("type :demo remove"));
}

#[test]
fn demo_remove_on_the_pure_demo_opens_nothing_demo_after() {
    let mut s = Session::new();
    command(&mut s, "demo remove");
    let message = s.state.message().cloned().expect("a message");
    assert!(message.text.starts_with("removed "), "{message:?}");
    assert!(s.state.book().series.is_empty());
    assert!(s.restart().book().series.is_empty(), "the files are gone");
    assert!(s.dir.path().join("watchlist.toml").exists());
}
