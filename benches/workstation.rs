//! The workstation's frame budgets (README "Performance"): the first frame
//! on a 1,000 × 5,000 cache, drawn before the prices load, and one frame
//! at 240×70 with everything loaded and analysed — the demo default and
//! the 1,000 × 5,000 cache. Frames are drawn as the loop draws them, with
//! `view::draw` on a ratatui `Terminal` (here a `TestBackend`).
//!
//! `cargo bench --bench workstation` — the cache is generated once
//! (deterministic) under the target dir and reused, as in `benches/scale.rs`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use spillover::compute::WindowChoice;
use spillover::domain::{PriceBook, PriceSeries, RangePreset};
use spillover::store::demo::{
    UniverseSpec, default_baskets, default_watchlist, demo_prices, install_universe,
};
use spillover::store::{Store, Workspace};
use spillover::tui::AppState;
use spillover::tui::action::{Action, Msg};
use spillover::tui::config::Config;
use spillover::tui::theme::{Theme, ThemeName};
use spillover::tui::update::update;
use spillover::tui::{opening_state, view};

const WIDTH: u16 = 240;
const HEIGHT: u16 = 70;

/// The data dir of an `n × days` universe, written on first use.
fn universe(n: usize, days: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("universe-{n}x{days}"));
    if !dir.join("DEMO").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::open(&dir).expect("a data dir");
        install_universe(&store, UniverseSpec { symbols: n, days }, &|_| {})
            .expect("the universe is written");
    }
    dir
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn theme() -> Theme {
    Theme::new(ThemeName::Dark, false)
}

/// Opening the data dir as `tui::open` does, up to its first frame: the
/// library read, the state built, the load of the prices asked for (the
/// worker would do it), the screen drawn.
fn first_frame(c: &mut Criterion) {
    let dir = universe(1000, 5000);
    let theme = theme();
    let mut group = c.benchmark_group("workstation");
    group.sample_size(30);
    group.bench_function("first frame, 1,000 x 5,000 cache, 240x70", |b| {
        b.iter(|| {
            let ws = Workspace::open_without_prices(dir.clone()).expect("the cache opens");
            let mut state = opening_state(ws, Config::default(), None);
            let effects = update(&mut state, Msg::Open);
            let mut terminal = terminal();
            terminal
                .draw(|frame| view::draw(frame, &state, &theme))
                .expect("a frame");
            (effects.len(), black_box(terminal))
        })
    });
    group.finish();
}

fn demo_state() -> AppState {
    let book = PriceBook {
        series: demo_prices()
            .into_iter()
            .map(|(symbol, table)| (symbol, PriceSeries::from_table(&table)))
            .collect(),
        problems: Vec::new(),
    };
    AppState::new(
        default_baskets(),
        book,
        default_watchlist(),
        "demo data".into(),
    )
}

/// One frame of the loop with the analysis in place (all four panes).
fn one_frame(c: &mut Criterion) {
    let theme = theme();
    let demo = demo_state();
    let ws = Workspace::open(universe(1000, 5000)).expect("the cache opens");
    let universe = AppState::from_workspace(ws);
    assert!(universe.analysis().is_some(), "the universe analyses");
    // The whole history on the chart: 5,000 dates per series (the ALL
    // preset, as its key sets it).
    let mut all = universe.clone();
    update(&mut all, Action::Range(RangePreset::All));
    assert_eq!(
        all.request().range,
        WindowChoice::Preset(RangePreset::All),
        "the universe analyses over ALL"
    );
    let mut group = c.benchmark_group("workstation");
    for (name, state) in [
        ("demo", &demo),
        ("1,000 x 5,000 cache", &universe),
        ("1,000 x 5,000 cache, ALL", &all),
    ] {
        let mut terminal = terminal();
        group.bench_function(format!("one frame, {name}, 240x70"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| view::draw(frame, state, &theme))
                    .map(|f| f.area)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, first_frame, one_frame);
criterion_main!(benches);
