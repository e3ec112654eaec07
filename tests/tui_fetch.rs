//! The workstation's background fetch (`F`, `:fetch [ID]`): `update` with
//! each of its outcomes, and the loop with its threads while a fetch runs
//! (the screen redraws and shows the progress) and when the user quits in
//! the middle of one (the symbols not reached keep their files byte for
//! byte). The loop tests fetch from a source played by the test, held back
//! symbol by symbol; no test touches the network.

mod tui_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode};
use spillover::domain::{BasketId, PriceBook, PriceRow, PriceSeries, PriceTable, Symbol};
use spillover::store::Workspace;
use spillover::store::fetch::{
    FetchError, FetchResult, FetchSummary, Fetched, Rows, Source, SourceKind, SymbolFetch, members,
};
use spillover::tui::config::Config;
use spillover::tui::effect::Effect;
use spillover::tui::jobs::{self, Job, JobContext};
use spillover::tui::outcome::Outcome;
use spillover::tui::overlay::Overlay;
use spillover::tui::run::run_session;
use spillover::tui::state::{AppState, Mode, Opening};
use spillover::tui::update::update;
use tui_support::recording::recording_terminal;
use tui_support::{ch, demo_state, key, press, screen, theme, type_text};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn sym(text: &str) -> Symbol {
    Symbol::parse(text).expect("a symbol")
}

/// The fetch job `effects` start, with its symbols and source.
fn fetch_job(effects: &[Effect]) -> (Vec<Symbol>, SourceKind) {
    match effects {
        [Effect::Start(Job::Fetch { symbols, source })] => (symbols.clone(), *source),
        other => panic!("a fetch job: {other:?}"),
    }
}

/// What the fetch did to one symbol's file: `rows` new rows (DEMO replaced).
fn written(symbol: &str, rows: usize) -> SymbolFetch {
    SymbolFetch {
        symbol: sym(symbol),
        code: Some(symbol.replace(".SH", ".SS")),
        result: FetchResult::Ok(Fetched {
            added: rows,
            replaced: 0,
            dropped: 0,
            fetched: (d("2025-04-01"), d("2025-05-23")),
            cached: (d("2025-04-01"), d("2025-05-23")),
            rows_after: rows,
            replaced_demo: true,
            rebased: None,
            skipped: 0,
            written: true,
            notes: Vec::new(),
        }),
    }
}

fn unchanged(symbol: &str) -> SymbolFetch {
    let mut s = written(symbol, 38);
    if let FetchResult::Ok(f) = &mut s.result {
        f.written = false;
        f.added = 0;
        f.replaced = 3;
    }
    s
}

fn rebased(symbol: &str) -> SymbolFetch {
    let mut s = written(symbol, 38);
    if let FetchResult::Ok(f) = &mut s.result {
        f.rebased = Some("adj_close differs by 4.8% on 2025-05-20".into());
    }
    s
}

fn failed(symbol: &str, reason: &str) -> SymbolFetch {
    SymbolFetch {
        symbol: sym(symbol),
        code: None,
        result: FetchResult::Failed {
            reason: reason.into(),
        },
    }
}

fn summary(symbols: Vec<SymbolFetch>) -> FetchSummary {
    FetchSummary {
        source: "Yahoo",
        to: d("2025-05-23"),
        symbols,
        cancelled: false,
    }
}

/// The state after `F`, the fetch under way.
fn fetching() -> (AppState, Vec<Symbol>) {
    let mut state = demo_state();
    let effects = press(&mut state, &[ch('F')]);
    let (symbols, _) = fetch_job(&effects);
    (state, symbols)
}

#[test]
fn f_fetches_every_member_once_from_yahoo_and_a_second_f_waits() {
    let mut state = demo_state();
    let effects = press(&mut state, &[ch('F')]);
    let (symbols, source) = fetch_job(&effects);
    assert_eq!(source, SourceKind::Yahoo, "the default source");
    assert_eq!(symbols, members(&state.baskets));
    assert_eq!(
        symbols.len(),
        104,
        "the six default baskets' members, each once"
    );
    let text = screen(&state, 160, 48);
    assert!(text.contains("fetching 104 symbols from yahoo"), "{text}");
    // A second F starts nothing and says why.
    let again = press(&mut state, &[ch('F')]);
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(state.work.len(), 1);
    let message = state.message.clone().expect("a message");
    assert!(
        message.text.contains("a fetch is already running") && message.error,
        "{message:?}"
    );
}

#[test]
fn fetch_command_takes_one_basket_and_refuses_an_unknown_one() {
    let mut state = demo_state();
    press(&mut state, &[ch(':')]);
    type_text(&mut state, "fetch hstech");
    let effects = press(&mut state, &[key(KeyCode::Enter)]);
    let (symbols, _) = fetch_job(&effects);
    let hstech = BasketId::parse("hstech").expect("an id");
    let basket = state
        .baskets
        .iter()
        .find(|b| b.id == hstech)
        .expect("hstech");
    let expected: Vec<Symbol> = basket.members.iter().map(|m| m.symbol.clone()).collect();
    assert_eq!(symbols, expected);

    let mut state = demo_state();
    press(&mut state, &[ch(':')]);
    type_text(&mut state, "fetch nope");
    let effects = press(&mut state, &[key(KeyCode::Enter)]);
    assert!(effects.is_empty(), "{effects:?}");
    let message = state.message.clone().expect("a message");
    assert!(
        message.error && message.text.contains("the baskets are: na-chain"),
        "{message:?}"
    );
}

#[test]
fn the_config_chooses_the_source() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let ws = Workspace::open_without_prices(dir.path().to_path_buf()).expect("the data dir");
    let opening = Opening {
        config: Config {
            fetch_source: Some(SourceKind::Eastmoney),
            ..Config::default()
        },
        ..Opening::default()
    };
    let mut state = AppState::opening(ws, Vec::new(), opening);
    let effects = update(&mut state, spillover::tui::action::Action::Fetch);
    assert_eq!(fetch_job(&effects).1, SourceKind::Eastmoney);
}

#[test]
fn progress_names_the_symbol_under_way_on_the_status_bar() {
    let (mut state, symbols) = fetching();
    let effects = update(
        &mut state,
        Outcome::Fetching {
            done: 2,
            total: 104,
            symbol: symbols[2].clone(),
        },
    );
    assert!(effects.is_empty());
    assert_eq!((state.work[0].done, state.work[0].total), (2, 104));
    let text = screen(&state, 160, 48);
    // Two done, the third under way.
    assert!(
        text.contains(&format!("fetching 3/104 {}", symbols[2])),
        "{text}"
    );
    // The keys still work while it runs.
    press(&mut state, &[ch(']')]);
    assert!(screen(&state, 160, 48).contains("3Y"));
}

#[test]
fn a_clean_fetch_says_what_it_did_and_reloads_the_written_prices() {
    let (mut state, _) = fetching();
    let effects = update(
        &mut state,
        Outcome::Fetched(Ok(summary(vec![
            written("300308.SZ", 38),
            unchanged("300502.SZ"),
            rebased("0700.HK"),
        ]))),
    );
    // The written and re-based files are loaded again; the unchanged one is not.
    assert_eq!(
        effects,
        vec![Effect::Start(Job::LoadPrices(vec![
            sym("300308.SZ"),
            sym("0700.HK")
        ]))]
    );
    assert_eq!(state.overlay, Overlay::None);
    let message = state.message.clone().expect("a message");
    assert_eq!(
        message.text,
        "fetched 3 of 3 symbols from Yahoo up to 2025-05-23: 1 updated, 1 unchanged, 1 re-based, 0 failed"
    );
    assert!(!message.error);
    assert_eq!(state.work.len(), 1, "only the reload is under way");
    assert_eq!(state.work[0].label, "loading 2 symbols");
}

#[test]
fn failures_are_listed_until_esc_and_the_rest_is_reloaded() {
    let (mut state, _) = fetching();
    let reason = "no such symbol at Yahoo (HTTP 404); check the code";
    let effects = update(
        &mut state,
        Outcome::Fetched(Ok(summary(vec![
            written("300308.SZ", 38),
            failed("688498.SH", reason),
        ]))),
    );
    assert_eq!(
        effects,
        vec![Effect::Start(Job::LoadPrices(vec![sym("300308.SZ")]))]
    );
    assert_eq!(state.mode(), Mode::Problems);
    let text = screen(&state, 160, 48);
    assert!(text.contains("Fetch: 1 failed"), "{text}");
    assert!(text.contains(&format!("688498.SH   {reason}")), "{text}");
    assert!(
        text.contains("1 updated, 0 unchanged, 0 re-based, 1 failed"),
        "{text}"
    );
    // Esc closes the list; the summary stays on the message line.
    press(&mut state, &[key(KeyCode::Esc)]);
    assert_eq!(state.overlay, Overlay::None);
    let message = state.message.clone().expect("the summary stays");
    assert!(
        message.text.contains("1 failed") && message.error,
        "{message:?}"
    );
}

#[test]
fn a_fetch_that_cannot_start_says_why() {
    let (mut state, _) = fetching();
    let effects = update(
        &mut state,
        Outcome::Fetched(Err("Tushare needs a token: set TUSHARE_TOKEN".into())),
    );
    assert!(effects.is_empty());
    assert!(state.work.is_empty());
    let message = state.message.clone().expect("a message");
    assert!(
        message.error && message.text.contains("TUSHARE_TOKEN"),
        "{message:?}"
    );
}

#[test]
fn reloaded_real_prices_drop_the_demo_mark_and_move_the_as_of_date() {
    let (mut state, _) = fetching();
    assert!(state.source.demo);
    let symbols = members(&state.baskets);
    let all: Vec<SymbolFetch> = symbols.iter().map(|s| written(s.as_str(), 38)).collect();
    let effects = update(&mut state, Outcome::Fetched(Ok(summary(all))));
    let [Effect::Start(Job::LoadPrices(reload))] = effects.as_slice() else {
        panic!("a reload: {effects:?}");
    };
    assert_eq!(reload, &symbols);
    let book = PriceBook {
        series: symbols
            .iter()
            .map(|s| (s.clone(), PriceSeries::from_table(&real_table())))
            .collect(),
        problems: Vec::new(),
    };
    update(&mut state, Outcome::PricesLoaded(book));
    assert!(state.work.is_empty());
    assert!(!state.source.demo);
    let text = screen(&state, 160, 48);
    assert!(!text.contains("DEMO"), "{text}");
    assert_eq!(state.as_of(), Some(d("2025-05-23")), "the new latest date");
    assert!(state.analysis.is_some());
}

/// 40 weekdays of real (not demo) prices up to 2025-05-23, rising a little.
fn real_rows() -> Vec<PriceRow> {
    let mut rows = Vec::new();
    let mut date = d("2025-03-28");
    while rows.len() < 40 {
        date = date.succ_opt().expect("a date");
        if chrono::Datelike::weekday(&date).number_from_monday() <= 5 {
            let close = 10.0 + rows.len() as f64 * 0.1;
            rows.push(PriceRow {
                adj_close: Some(close),
                ..PriceRow::close_only(date, close)
            });
        }
    }
    rows
}

fn real_table() -> PriceTable {
    PriceTable {
        rows: real_rows(),
        demo: false,
    }
}

/// A price service played by the test: each answer waits until `release`
/// says so (a message, or the test letting go), at most 10 s.
struct HeldBack<'a> {
    gate: &'a Mutex<Receiver<()>>,
    /// Set when the session quits: an answer under way then comes at once.
    cancel: &'a AtomicBool,
}

impl Source for HeldBack<'_> {
    fn name(&self) -> &'static str {
        "Held"
    }

    fn code(&self, symbol: &Symbol) -> Result<String, FetchError> {
        Ok(symbol.to_string())
    }

    fn history(&self, _: &Symbol, _: NaiveDate, _: NaiveDate) -> Result<Rows, FetchError> {
        for _ in 0..2000 {
            if self.cancel.load(Ordering::Relaxed) {
                break;
            }
            let wait = self
                .gate
                .lock()
                .expect("the gate")
                .recv_timeout(Duration::from_millis(5));
            match wait {
                Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => continue,
            }
        }
        Ok(Rows {
            rows: real_rows(),
            ..Rows::default()
        })
    }
}

/// The next screen the loop draws for which `wanted` holds (within 20 s);
/// else an input error, which ends the session (a panic on the input
/// thread would leave the loop waiting).
fn wait_for(
    screens: &Receiver<String>,
    what: &str,
    wanted: impl Fn(&str) -> bool,
) -> std::io::Result<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = String::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match screens.recv_timeout(left) {
            Ok(screen) if wanted(&screen) => return Ok(screen),
            Ok(screen) => last = screen,
            Err(_) => break,
        }
    }
    Err(std::io::Error::other(format!(
        "no frame {what} within 20 s; the last:\n{last}"
    )))
}

/// A fresh data dir (the embedded default, DEMO prices) opened as the
/// workstation does: prices still to load.
fn opening(dir: &Path) -> (AppState, Workspace) {
    let ws = Workspace::open_without_prices(dir.to_path_buf()).expect("the data dir opens");
    let cached = ws.store.cached_symbols().0;
    let state = AppState::opening(ws.clone(), cached, Opening::default());
    (state, ws)
}

/// Every price file with its bytes.
fn price_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir.join("prices"))
        .expect("a prices dir")
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).expect("readable")))
        .collect()
}

#[test]
fn the_screen_stays_live_while_a_fetch_runs_and_shows_its_progress() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (mut state, ws) = opening(dir.path());
    let first = members(&state.baskets)[0].clone();
    let (mut terminal, screens) = recording_terminal();
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    let store = ws.store.clone();
    let run_job = move |job: Job, context: &JobContext| match job {
        Job::Fetch { symbols, .. } => {
            let source = HeldBack {
                gate: &gate,
                cancel: context.cancel_flag(),
            };
            jobs::fetch_from(&store, &symbols, &source, context).map(|s| Outcome::Fetched(Ok(s)))
        }
        other => jobs::run(&store, other, context),
    };
    let mut release = Some(release);
    let mut step = 0;
    let read = move || -> std::io::Result<Option<Event>> {
        step += 1;
        let key = match step {
            1 => {
                wait_for(&screens, "with the demo loaded", |s| {
                    s.contains("as of 2025-05-07") && !s.contains("loading")
                })?;
                'F'
            }
            2 => {
                // The first symbol is held back: the bar names it.
                wait_for(&screens, "with the fetch's progress", |s| {
                    s.contains(&format!("fetching 1/104 {first}"))
                })?;
                ']'
            }
            3 => {
                // A key while the fetch runs: redrawn at once, fetch still under way.
                wait_for(&screens, "with the new range", |s| {
                    s.contains("3Y") && s.contains("fetching 1/104")
                })?;
                'F'
            }
            _ => {
                wait_for(&screens, "refusing a second fetch", |s| {
                    s.contains("a fetch is already running")
                })?;
                // Let every symbol through; the panes recompute without DEMO.
                drop(release.take());
                wait_for(&screens, "with the summary", |s| {
                    s.contains("fetched 104 of 104 symbols from Held")
                })?;
                // The reloaded prices end on 2025-05-23: the as-of date follows.
                wait_for(&screens, "on the fetched prices", |s| {
                    s.contains("as of 2025-05-23") && !s.contains("loading")
                })?;
                'q'
            }
        };
        Ok(Some(Event::Key(ch(key))))
    };
    run_session(&mut terminal, &mut state, &theme(), None, read, run_job).expect("a clean run");
    assert!(state.work.is_empty(), "{:?}", state.work);
    assert!(!state.book.has_demo());
    assert_eq!(state.as_of(), Some(d("2025-05-23")));
}

#[test]
fn quitting_during_a_fetch_leaves_the_symbols_not_reached_byte_identical() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (mut state, ws) = opening(dir.path());
    let order = members(&state.baskets);
    let before = price_files(dir.path());
    let (mut terminal, screens) = recording_terminal();
    let (pass, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    // The first symbol passes at once; the second is held until the quit.
    pass.send(()).expect("the gate is open");
    let store = ws.store.clone();
    let run_job = move |job: Job, context: &JobContext| match job {
        Job::Fetch { symbols, .. } => {
            let source = HeldBack {
                gate: &gate,
                cancel: context.cancel_flag(),
            };
            let summary = jobs::fetch_from(&store, &symbols, &source, context);
            assert!(summary.is_none(), "a quit stops the fetch: {summary:?}");
            None
        }
        other => jobs::run(&store, other, context),
    };
    let second = order[1].clone();
    let mut step = 0;
    let read = move || -> std::io::Result<Option<Event>> {
        step += 1;
        let key = if step == 1 {
            wait_for(&screens, "with the demo loaded", |s| {
                s.contains("as of 2025-05-07") && !s.contains("loading")
            })?;
            'F'
        } else {
            wait_for(&screens, "with the second symbol under way", |s| {
                s.contains(&format!("fetching 2/104 {second}"))
            })?;
            // Held by this closure: the second answer waits for the quit.
            let _held = &pass;
            'q'
        };
        Ok(Some(Event::Key(ch(key))))
    };
    run_session(&mut terminal, &mut state, &theme(), None, read, run_job).expect("a clean quit");
    let after = price_files(dir.path());
    // The same files, no temporary left; the symbol under way at the quit
    // finished its unit (written whole), the first was written, every other
    // file has its bytes.
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    let changed: Vec<&PathBuf> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    let names: Vec<String> = order[..2].iter().map(Symbol::file_name).collect();
    let expected: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = names
            .iter()
            .map(|n| dir.path().join("prices").join(n))
            .collect();
        v.sort();
        v
    };
    assert_eq!(changed, expected.iter().collect::<Vec<_>>());
    assert_eq!(before.len(), after.len());
    assert!(order.len() > 90, "97 symbols were not reached");
}
