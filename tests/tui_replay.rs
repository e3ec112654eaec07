//! `update` is a function of the state and the message: the clock comes in
//! with the key's message and the home directory with the session, so a
//! sequence of messages replayed on the same opening state gives the same
//! state, the same effects and the same screen, every time.

mod tui_support;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent};
use spillover::store::import::Source;
use spillover::tui::AppState;
use spillover::tui::action::Msg;
use spillover::tui::effect::Effect;
use spillover::tui::jobs::Job;
use spillover::tui::keymap::action_for;
use spillover::tui::outcome::{JobReport, Outcome};
use spillover::tui::update::update;
use tui_support::{ch, demo_state, key, screen};

fn at(hms: (u32, u32, u32)) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 5, 7)
        .and_then(|d| d.and_hms_opt(hms.0, hms.1, hms.2))
        .expect("a time")
}

/// One key per character.
fn keys(text: &str) -> Vec<KeyEvent> {
    text.chars().map(ch).collect()
}

/// Plays the keys as the run loop does (each with its time), then the
/// export's report and a tick; returns every effect and the screen.
fn replay(mut state: AppState) -> (AppState, Vec<Effect>, String) {
    let mut all = Vec::new();
    let mut script: Vec<(KeyEvent, NaiveDateTime)> = Vec::new();
    let steps: [(&str, (u32, u32, u32)); 4] = [
        ("2L,x", (9, 30, 5)),
        ("3v]:import ~/Downloads/wind.csv", (9, 31, 0)),
        ("", (9, 31, 1)),
        ("4jj:benchmark hk-internet", (9, 32, 10)),
    ];
    for (i, (text, hms)) in steps.iter().enumerate() {
        script.extend(keys(text).into_iter().map(|k| (k, at(*hms))));
        if i == 1 || i == 3 {
            script.push((key(KeyCode::Enter), at(*hms)));
        }
    }
    for (k, when) in script {
        if let Some(action) = action_for(state.mode(), state.focus(), &k) {
            all.extend(update(&mut state, Msg::UserAt { action, at: when }));
        }
    }
    let export = all.iter().find_map(|e| match e {
        Effect::Start(id, Job::Export(_)) => Some(*id),
        _ => None,
    });
    let id = export.expect("x started an export");
    let report = JobReport::Exported(Ok("wrote the figure".into()));
    all.extend(update(&mut state, Outcome::Job(id, report)));
    all.extend(update(&mut state, Msg::Tick));
    let text = screen(&state, 160, 48);
    (state, all, text)
}

fn opening(home: &Path) -> AppState {
    demo_state().with_home(Some(home.to_path_buf()))
}

#[test]
fn a_message_sequence_replayed_gives_the_same_state() {
    let home = PathBuf::from("/home/analyst");
    let (first, effects, text) = replay(opening(&home));
    let (again, effects_again, text_again) = replay(opening(&home));
    assert_eq!(effects, effects_again);
    assert_eq!(text, text_again);
    assert_eq!(first.request(), again.request());
    assert_eq!(first.catalyst_request(), again.catalyst_request());
    assert_eq!(first.library(), again.library());
    assert_eq!(first.overlay(), again.overlay());
    assert_eq!(first.message(), again.message());
    assert_eq!(first.work(), again.work());
    assert_eq!(first.chart(), again.chart());
    assert_eq!(
        (first.focus(), first.event_row(), first.lead_lag_view()),
        (again.focus(), again.event_row(), again.lead_lag_view())
    );
    assert_eq!(first.analysis(), again.analysis());

    // The clock is the key's: the export is named by the time `x` was pressed.
    let stem = effects.iter().find_map(|e| match e {
        Effect::Start(_, Job::Export(export)) => Some(export.stem.clone()),
        _ => None,
    });
    assert_eq!(stem.as_deref(), Some("indices-2025-05-07-093005"));
    // The home directory is the session's: `~/` stands for it.
    let sources = effects.iter().find_map(|e| match e {
        Effect::Start(_, Job::Import { sources, .. }) => Some(sources.clone()),
        _ => None,
    });
    let wanted = Source::parse("/home/analyst/Downloads/wind.csv").expect("a source");
    assert_eq!(sources, Some(vec![wanted]));
    assert_eq!(first.catalyst_request().benchmark.as_str(), "hk-internet");
    assert!(
        first
            .message()
            .is_some_and(|m| m.text == "wrote the figure")
    );
}

#[test]
fn without_a_home_a_tilde_stays_as_typed() {
    let mut state = demo_state();
    for k in keys(":import ~/a.csv") {
        if let Some(action) = action_for(state.mode(), state.focus(), &k) {
            update(&mut state, action);
        }
    }
    let action = action_for(state.mode(), state.focus(), &key(KeyCode::Enter));
    let effects = update(&mut state, action.expect("Enter submits"));
    let wanted = Source::parse("~/a.csv").expect("a source");
    assert!(
        matches!(effects.as_slice(), [Effect::Start(_, Job::Import { sources, .. })] if *sources == vec![wanted]),
        "{effects:?}"
    );
}
