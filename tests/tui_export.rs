//! The workstation's figure export (`x`, `:export FILE`): `update` starts
//! a job carrying the focused pane's figure with the view on screen
//! (window, cursor, log scale, hidden series); the job, run as the worker
//! runs it, writes a well-formed SVG and a PNG under the data dir's
//! `exports/` (or the named file) and its outcome's message names them.

mod tui_support;

use std::path::Path;

use crossterm::event::KeyCode;
use spillover::figure::Figure;
use spillover::store::Store;
use spillover::tui::AppState;
use spillover::tui::effect::Effect;
use spillover::tui::export::Export;
use spillover::tui::jobs::{self, Job, JobContext};
use spillover::tui::outcome::{JobId, Outcome};
use spillover::tui::state::Pane;
use spillover::tui::update::update;
use tui_support::{ch, demo_state, key, press, type_text};

/// The export job `effects` start.
fn export_job(effects: &[Effect]) -> Export {
    match effects {
        [Effect::Start(_, Job::Export(export))] => (**export).clone(),
        other => panic!("an export job: {other:?}"),
    }
}

/// The id of the one job `effects` start.
fn started(effects: &[Effect]) -> JobId {
    match effects {
        [Effect::Start(id, _)] => *id,
        other => panic!("one job: {other:?}"),
    }
}

/// Focuses `pane` (its digit) and presses `x`.
fn x_on(state: &mut AppState, pane: Pane) -> Export {
    export_job(&x_effects(state, pane))
}

fn x_effects(state: &mut AppState, pane: Pane) -> Vec<Effect> {
    let digit = match pane {
        Pane::Baskets => '1',
        Pane::Chart => '2',
        Pane::Scatter => '3',
        Pane::Watchlist => '4',
    };
    press(state, &[ch(digit)]);
    assert_eq!(state.focus(), pane);
    press(state, &[ch('x')])
}

#[test]
fn x_exports_the_focused_pane_with_the_view_on_screen() {
    let mut state = demo_state();
    let analysis = state.analysis().cloned().expect("the demo computes");
    // On the chart: the date cursor a date back, the log scale, the
    // first series hidden.
    press(&mut state, &[ch('2'), ch(','), ch('L'), ch(' ')]);
    let cursor = state.chart().cursor;
    assert!(cursor.is_some() && state.chart().log_scale);
    let first = state.series_labels()[0].clone();

    let chart = x_on(&mut state, Pane::Chart);
    assert_eq!(chart.view, "indices");
    assert!(matches!(chart.figure, Figure::Lines(_)));
    assert_eq!(chart.options.window, Some(analysis.window));
    assert_eq!(chart.options.cursor, cursor);
    assert!(chart.options.log_scale);
    assert_eq!(chart.options.hidden, vec![first]);
    assert_eq!(chart.file, None);
    assert!(
        chart
            .stem
            .starts_with(&format!("indices-{}-", analysis.as_of)),
        "{}",
        chart.stem
    );
    assert_eq!(state.work().len(), 1, "the status bar shows the export");

    let scatter = x_on(&mut state, Pane::Scatter);
    assert_eq!(scatter.view, "scatter");
    assert!(matches!(scatter.figure, Figure::Scatter(_)));
    assert!(!scatter.options.log_scale, "the toggle is the chart's");
    press(&mut state, &[ch('v')]);
    assert!(state.lead_lag_view());
    let leadlag = x_on(&mut state, Pane::Scatter);
    assert_eq!(leadlag.view, "leadlag");
    assert!(matches!(leadlag.figure, Figure::Bars(_)));

    // The first demo report (#1) has a reaction by the as-of date.
    press(&mut state, &[ch('4'), ch('g')]);
    assert_eq!(state.event_row(), 0);
    let events = x_on(&mut state, Pane::Watchlist);
    assert_eq!(events.view, "events");
    assert!(matches!(events.figure, Figure::Paths(_)));

    // The baskets pane: only the shown basket's index is drawn.
    let shown = state.baskets()[state.basket_tab()].id.to_string();
    let basket = x_on(&mut state, Pane::Baskets);
    assert_eq!(basket.view, "indices");
    assert!(!basket.options.hidden.contains(&shown));
    assert_eq!(basket.options.hidden.len(), state.baskets().len() - 1);
}

fn assert_svg(path: &Path) {
    let text = std::fs::read_to_string(path).expect("the SVG is written");
    let doc = roxmltree::Document::parse(&text).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
}

fn assert_png(path: &Path) {
    let bytes = std::fs::read(path).expect("the PNG is written");
    let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    let info = decoder.read_info().expect("a PNG");
    assert_eq!((info.info().width, info.info().height), (2400, 1400));
}

#[test]
fn the_job_writes_an_svg_and_a_png_under_exports_and_says_where() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::open(dir.path()).expect("a store");
    let mut state = demo_state();
    let effects = x_effects(&mut state, Pane::Chart);
    let (id, export) = (started(&effects), export_job(&effects));
    let stem = export.stem.clone();
    let report = jobs::run(&store, Job::Export(Box::new(export)), &JobContext::inline())
        .expect("an export is not cancelled");
    update(&mut state, Outcome::Job(id, report));

    let svg = dir.path().join("exports").join(format!("{stem}.svg"));
    let png = dir.path().join("exports").join(format!("{stem}.png"));
    assert_svg(&svg);
    assert_png(&png);
    let message = state.message().cloned().expect("a message");
    assert!(!message.error, "{message:?}");
    assert!(
        message.text.contains(&svg.display().to_string())
            && message.text.contains(&png.display().to_string()),
        "{message:?}"
    );
    assert!(state.work().is_empty(), "the export is no longer under way");
}

#[test]
fn export_command_chooses_the_file_and_refuses_another_format() {
    let out = tempfile::tempdir().expect("a temp dir");
    let file = out.path().join("scatter.svg");
    let mut state = demo_state();
    press(&mut state, &[ch('3'), ch(':')]);
    type_text(&mut state, &format!("export {}", file.display()));
    let effects = press(&mut state, &[key(KeyCode::Enter)]);
    let (id, export) = (started(&effects), export_job(&effects));
    assert_eq!(export.view, "scatter");
    assert_eq!(export.file.as_deref(), Some(file.as_path()));

    let home = tempfile::tempdir().expect("a temp dir");
    let store = Store::open(home.path()).expect("a store");
    let report = jobs::run(&store, Job::Export(Box::new(export)), &JobContext::inline())
        .expect("not cancelled");
    update(&mut state, Outcome::Job(id, report));
    assert_svg(&file);
    assert!(!home.path().join("exports").exists(), "only the named file");
    let message = state.message().cloned().expect("a message");
    assert!(
        message.text.contains(&file.display().to_string()),
        "{message:?}"
    );

    let mut state = demo_state();
    press(&mut state, &[ch(':')]);
    type_text(&mut state, "export /tmp/chart.pdf");
    let effects = press(&mut state, &[key(KeyCode::Enter)]);
    assert!(effects.is_empty(), "{effects:?}");
    let message = state.message().cloned().expect("a message");
    assert!(
        message.error && message.text.contains("FILE.svg or FILE.png"),
        "{message:?}"
    );
}
