//! The catalyst views of the workstation on the demo (issue 10): the event
//! study (`E` in the watchlist), the lead-lag face of the scatter pane
//! (`v`), beta and drawdown in the baskets pane; snapshots at 80×24 and
//! 160×48, the keys driven as a user would, and the event view's numbers
//! against `spillover events --json`.

mod cli_support;

mod tui_support;

use cli_support::spillover;
use crossterm::event::{KeyCode, KeyEvent};
use spillover::compute::{CAR_WINDOWS, EventOutcome};
use spillover::tui::overlay::Overlay;
use spillover::tui::state::{AppState, Pane};
use tui_support::{ch, demo_state, key, press, screen, type_text};

/// The demo at its as-of date 2025-05-07, after `keys`.
fn after(keys: &[KeyEvent]) -> AppState {
    let mut state = demo_state();
    press(&mut state, keys);
    state
}

/// Watchlist focused, the first event, then `j` `n` times.
fn nth_event(n: usize) -> Vec<KeyEvent> {
    let mut keys = vec![ch('4'), ch('g')];
    keys.extend(std::iter::repeat_n(ch('j'), n));
    keys
}

/// Watchlist focused, the first event, down to #7 (Tencent, 2025-03-19), `E`.
fn tencent_march() -> Vec<KeyEvent> {
    let mut keys = nth_event(6);
    keys.push(ch('E'));
    keys
}

/// Watchlist focused, the first event, down to #14 (Alibaba, 2025-05-15), `E`.
fn alibaba_may() -> Vec<KeyEvent> {
    let mut keys = nth_event(13);
    keys.push(ch('E'));
    keys
}

/// Moves the as-of date with the `:asof` command.
fn as_of(state: &mut AppState, date: &str) {
    press(state, &[ch(':')]);
    type_text(state, &format!("asof {date}"));
    press(state, &[key(KeyCode::Enter)]);
    assert_eq!(state.as_of().map(|d| d.to_string()).as_deref(), Some(date));
}

#[test]
fn event_study_160x48() {
    insta::assert_snapshot!(screen(&after(&tencent_march()), 160, 48));
}

#[test]
fn event_study_80x24() {
    insta::assert_snapshot!(screen(&after(&tencent_march()), 80, 24));
}

#[test]
fn event_study_after_the_as_of_date_says_so_80x24() {
    // #12 JD.com (the first upcoming report) reports on 2025-05-13, after
    // the as-of date 2025-05-07.
    let state = after(&[ch('4'), ch('E')]);
    let text = screen(&state, 80, 24);
    assert!(text.contains("No numbers yet"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn event_study_of_may_with_its_month_160x48() {
    // #14 Alibaba (2025-05-15), seen from 2025-06-10: the whole May season.
    let mut state = demo_state();
    as_of(&mut state, "2025-06-10");
    press(&mut state, &nth_event(13));
    press(&mut state, &[ch('E')]);
    insta::assert_snapshot!(screen(&state, 160, 48));
}

#[test]
fn event_study_month_on_a_small_screen_80x24() {
    // 80×24 has room for one table under the chart: `m` shows the month's.
    let mut state = demo_state();
    as_of(&mut state, "2025-06-10");
    press(&mut state, &nth_event(13));
    press(&mut state, &[ch('E'), ch('m')]);
    assert_eq!(state.overlay, Overlay::Events { month: true });
    let text = screen(&state, 80, 24);
    assert!(text.contains("2025-05 ×11"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn lead_lag_view_160x48() {
    insta::assert_snapshot!(screen(&after(&[ch('3'), ch('v')]), 160, 48));
}

#[test]
fn lead_lag_view_80x24() {
    insta::assert_snapshot!(screen(&after(&[ch('3'), ch('v')]), 80, 24));
}

#[test]
fn lead_lag_view_maximised_80x24() {
    insta::assert_snapshot!(screen(&after(&[ch('3'), ch('v'), ch('z')]), 80, 24));
}

#[test]
fn e_opens_the_event_study_and_esc_closes_it() {
    let mut state = after(&nth_event(6));
    assert_eq!(state.event_row, 6);
    press(&mut state, &[ch('E')]);
    assert_eq!(state.overlay, Overlay::Events { month: false });
    let text = screen(&state, 160, 48);
    assert!(
        text.contains("Event study #7 · Tencent Holdings 0700.HK"),
        "{text}"
    );
    // j moves to the next event inside the view; the chart cursor follows.
    press(&mut state, &[ch('j')]);
    assert_eq!(state.event_row, 7);
    assert!(screen(&state, 160, 48).contains("Event study #8 · Alphabet GOOGL"));
    // > steps the as-of date inside the view: the view follows it.
    let before = state.as_of();
    press(&mut state, &[ch('>')]);
    assert!(state.as_of() > before);
    assert_eq!(state.overlay, Overlay::Events { month: false });
    press(&mut state, &[key(KeyCode::Esc)]);
    assert_eq!(state.overlay, Overlay::None);
    assert!(!screen(&state, 160, 48).contains("Event study"));
    // E outside the watchlist does nothing.
    press(&mut state, &[ch('1'), ch('E')]);
    assert_eq!(state.overlay, Overlay::None);
}

#[test]
fn v_switches_the_scatter_pane_to_the_lead_lag_and_back() {
    let mut state = after(&[ch('3')]);
    assert!(!screen(&state, 160, 48).contains("Lead-lag"));
    press(&mut state, &[ch('v')]);
    assert!(state.lead_lag_view);
    let text = screen(&state, 160, 48);
    assert!(text.contains("Lead-lag"), "{text}");
    assert!(text.contains("Granger, 5 lags"), "{text}");
    // The view follows the window: a shorter range recomputes it.
    let changes = |s: &AppState| {
        s.catalysts
            .as_ref()
            .and_then(|c| c.lead_lag.as_ref())
            .map(|l| l.changes)
    };
    let long = changes(&state);
    press(&mut state, &[ch('[')]);
    assert!(
        changes(&state) < long,
        "{:?} then {:?}",
        long,
        changes(&state)
    );
    press(&mut state, &[ch('v')]);
    assert!(!state.lead_lag_view);
    assert!(!screen(&state, 160, 48).contains("Lead-lag"));
    // In another pane v is not bound.
    press(&mut state, &[ch('2'), ch('v')]);
    assert!(!state.lead_lag_view);
    assert_eq!(state.focus, Pane::Chart);
}

#[test]
fn the_baskets_header_shows_beta_and_drawdown() {
    let state = demo_state();
    let text = screen(&state, 160, 48);
    assert!(text.contains("β "), "{text}");
    assert!(text.contains(" vs hstech · DD "), "{text}");
    assert!(text.contains("not recovered (peak "), "{text}");
    assert!(text.contains("DD "), "{text}");
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-300)
}

/// `spillover events --event N --as-of DATE --json` with `extra` options.
fn cli_event(n: usize, as_of: &str, extra: &[&str]) -> serde_json::Value {
    let home = tempfile::tempdir().unwrap();
    let n = n.to_string();
    let out = spillover(home.path())
        .args(["events", "--event", &n, "--as-of", as_of, "--json"])
        .args(extra)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let cli: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(cli["events"][0]["number"], n.parse::<u64>().unwrap());
    cli
}

/// Every CAR and t of `cli_event` equals the workstation's; how many numbers
/// were compared.
fn assert_same_cars(cli_event: &serde_json::Value, tui_event: &EventOutcome) -> usize {
    assert_eq!(cli_event["date"], tui_event.date.to_string());
    let cli_series = cli_event["series"].as_array().unwrap();
    assert_eq!(cli_series.len(), tui_event.series.len());
    let mut compared = 0;
    for (c, t) in cli_series.iter().zip(&tui_event.series) {
        assert_eq!(c["series"], t.series.as_str());
        for (i, &(from, to)) in CAR_WINDOWS.iter().enumerate() {
            let cli_car = &c["cars"][i];
            assert_eq!(
                (cli_car["from"].as_i64(), cli_car["to"].as_i64()),
                (Some(from.into()), Some(to.into()))
            );
            let car = t.car(from, to).unwrap();
            for (name, value) in [("car", car.car), ("t", car.t)] {
                match (cli_car[name].as_f64(), value) {
                    (Some(a), Some(b)) => {
                        assert!(close(a, b), "{} {name} {from},{to}: {a} vs {b}", t.series);
                        compared += 1;
                    }
                    (None, None) => {}
                    other => panic!("{} {name}: {other:?}", t.series),
                }
            }
        }
    }
    compared
}

/// Event `n` of the workstation's event study.
fn tui_event(state: &AppState, n: usize) -> EventOutcome {
    let study = state
        .catalysts
        .clone()
        .and_then(|c| c.event_study)
        .expect("the demo has its benchmark");
    study.events.into_iter().find(|e| e.number == n).unwrap()
}

/// Runs `:line` on the command line.
fn command(state: &mut AppState, line: &str) {
    press(state, &[ch(':')]);
    type_text(state, line);
    press(state, &[key(KeyCode::Enter)]);
}

#[test]
fn the_event_view_shows_the_numbers_of_spillover_events() {
    // Event #14 (Alibaba, 2025-05-15) seen from 2025-06-10, in both.
    let cli = cli_event(14, "2025-06-10", &[]);
    let mut state = demo_state();
    as_of(&mut state, "2025-06-10");
    let tui_event = tui_event(&state, 14);
    let compared = assert_same_cars(&cli["events"][0], &tui_event);
    assert!(compared >= 50, "only {compared} numbers compared");
    // And the screen writes them as the CLI's table does (two decimals wide).
    press(&mut state, &alibaba_may());
    let text = screen(&state, 160, 48);
    let alibaba = tui_event
        .series
        .iter()
        .find(|s| s.series == "alibaba")
        .unwrap();
    let car = alibaba.car(0, 1).unwrap();
    let cell = format!("{:+.2}% ({:.2})", car.car.unwrap() * 100.0, car.t.unwrap());
    assert!(text.contains(&cell), "{cell} not on\n{text}");
}

#[test]
fn benchmark_model_and_beta_window_are_set_from_the_command_line() {
    // The same event against hk-internet with the market model, in both.
    let cli = cli_event(
        14,
        "2025-06-10",
        &["--benchmark", "hk-internet", "--model", "market"],
    );
    assert_eq!(cli["benchmark"], "hk-internet");
    let mut state = demo_state();
    as_of(&mut state, "2025-06-10");
    let before = tui_event(&state, 14);
    let analysis = state.analysis.clone();
    command(&mut state, "benchmark hk-internet");
    command(&mut state, "model market");
    let message = state.message.clone().unwrap();
    assert!(!message.error, "{message:?}");
    assert!(
        message.text.contains("against hk-internet, model market"),
        "{message:?}"
    );
    let after = tui_event(&state, 14);
    assert_ne!(before, after, "the numbers change with the benchmark");
    assert!(assert_same_cars(&cli["events"][0], &after) >= 30);
    // The analysis itself is untouched; the event view says what it used.
    assert_eq!(state.analysis, analysis);
    press(&mut state, &alibaba_may());
    let text = screen(&state, 160, 48);
    assert!(
        text.contains("benchmark hk-internet · model market"),
        "{text}"
    );
    press(&mut state, &[key(KeyCode::Esc)]);

    // Beta over 120 returns, against hk-internet, in the baskets pane.
    command(&mut state, "beta 120");
    let betas = &state.catalysts.as_ref().unwrap().beta;
    assert!(
        betas
            .iter()
            .all(|b| b.window == 120 && b.benchmark.as_str() == "hk-internet")
    );
    assert!(screen(&state, 160, 48).contains(" vs hk-internet · DD "));

    // Refusals change nothing and say what to type.
    let settings = state.catalyst_request.clone();
    for (line, says) in [
        ("benchmark nope", "the baskets are:"),
        ("model ols", "use adjusted or market"),
        ("beta 3", "at least 10"),
    ] {
        command(&mut state, line);
        let message = state.message.clone().unwrap();
        assert!(
            message.error && message.text.contains(says),
            "{line}: {message:?}"
        );
        assert_eq!(state.catalyst_request, settings);
    }
}

#[test]
fn lags_set_the_lead_lag_view() {
    let mut state = demo_state();
    command(&mut state, "lags 5 2");
    let ll = state
        .catalysts
        .as_ref()
        .and_then(|c| c.lead_lag.clone())
        .expect("the demo has its ratios");
    assert_eq!((ll.max_lag, ll.ccf.len(), ll.x_to_y.lags), (5, 11, 2));
    press(&mut state, &[ch('3'), ch('v')]);
    let text = screen(&state, 160, 48);
    assert!(text.contains("Granger, 2 lags"), "{text}");
    // K alone keeps P; out of range is refused and changes nothing.
    command(&mut state, "lags 8");
    assert_eq!(
        (
            state.catalyst_request.max_lag,
            state.catalyst_request.granger_lags
        ),
        (8, 2)
    );
    command(&mut state, "lags 61");
    assert!(state.message.as_ref().unwrap().error);
    assert_eq!(state.catalyst_request.max_lag, 8);
}
