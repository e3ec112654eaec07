//! The workstation's `F` against a dead source: the engine stops asking
//! after two unreachable symbols, and the problems list names every symbol
//! not fetched with `source unreachable (…)`, as `spillover fetch` does.

mod tui_support;

use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use spillover::domain::Symbol;
use spillover::store::Workspace;
use spillover::store::fetch::{FetchError, FetchPlan, FetchResult, Rows, Source, fetch};
use spillover::tui::effect::Effect;
use spillover::tui::jobs::Job;
use spillover::tui::outcome::{JobReport, Outcome};
use spillover::tui::state::Mode;
use spillover::tui::update::update;
use tui_support::{ch, demo_state, press, screen};

/// A source whose host refuses every connection.
struct Refusing;

impl Source for Refusing {
    fn name(&self) -> &'static str {
        "Yahoo"
    }

    fn code(&self, symbol: &Symbol) -> Result<String, FetchError> {
        Ok(symbol.to_string())
    }

    fn history(&self, _: &Symbol, _: NaiveDate, _: NaiveDate) -> Result<Rows, FetchError> {
        Err(FetchError::Connection {
            source_name: "Yahoo",
            detail: "io: Connection refused (os error 111)".into(),
            variable: "SPILLOVER_YAHOO_URL",
        })
    }
}

#[test]
fn f_against_a_dead_source_lists_the_symbols_not_fetched() {
    let mut state = demo_state();
    let (id, symbols) = match press(&mut state, &[ch('F')]).as_slice() {
        [Effect::Start(id, Job::Fetch { symbols, .. })] => (*id, symbols.clone()),
        other => panic!("a fetch job: {other:?}"),
    };
    assert!(symbols.len() > 3, "{}", symbols.len());
    let dir = tempfile::tempdir().expect("a temp dir");
    let ws = Workspace::open(dir.path().to_path_buf()).expect("the data dir opens");
    let today = NaiveDate::from_ymd_opt(2025, 5, 23).expect("a date");
    let plan = FetchPlan::incremental(symbols.clone(), today);
    let summary = fetch(
        &ws.store,
        &plan,
        &Refusing,
        &mut |_| {},
        &AtomicBool::new(false),
    );
    // Two symbols asked, the rest not.
    let abandoned = summary
        .symbols
        .iter()
        .filter(|s| matches!(s.result, FetchResult::Abandoned { .. }))
        .count();
    assert_eq!(abandoned, symbols.len() - 2);
    let effects = update(
        &mut state,
        Outcome::Job(id, JobReport::Fetched(Ok(summary))),
    );
    assert!(effects.is_empty(), "nothing written, nothing to reload");
    assert_eq!(state.mode(), Mode::Problems);
    let text = screen(&state, 200, 60);
    let third = symbols[2].to_string();
    let first_two = format!("{} and {}", symbols[0], symbols[1]);
    assert!(
        text.contains(&format!(
            "{third}   not fetched: source unreachable (cannot connect: io: Connection refused (os error 111) on {first_two})"
        )),
        "{text}"
    );
    assert!(text.contains("cannot reach Yahoo"), "{text}");
    let counts = format!("2 failed, {} not fetched", symbols.len() - 2);
    assert!(
        text.contains(&format!("Fetch: {counts}, their files unchanged")),
        "{text}"
    );
    assert!(text.contains(&format!("0 re-based, {counts}")), "{text}");
}
