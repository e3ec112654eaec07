//! The budget rows of the README's performance table on synthetic caches
//! (`spillover demo --universe N --days D`): a whole market, not the demo's
//! 99 symbols.
//!
//! `cargo bench --bench scale` — the caches are generated once (deterministic)
//! under the target dir and reused. The 5,000 × 5,000 cache of the `check`
//! and `symbols` rows (~600 MB) is only made with SPILLOVER_BENCH_LARGE=1.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use spillover::compute::{
    IndexHistory, Request, WindowChoice, analyse, breadth, rotation, segment_study,
};
use spillover::domain::{Basket, BasketId, Method, RangePreset, Window};
use spillover::store::demo::{UniverseSpec, install_universe};
use spillover::store::{Store, Workspace};
use spillover::tui::AppState;
use spillover::tui::action::Action;
use spillover::tui::outcome::Outcome;
use spillover::tui::update::update;

/// The data dir of an `n × days` universe, written on first use.
fn universe(n: usize, days: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("universe-{n}x{days}"));
    let done = dir.join("DEMO");
    if !done.exists() {
        // A half-written dir from an interrupted run is started again.
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::open(&dir).expect("a data dir");
        install_universe(&store, UniverseSpec { symbols: n, days }, &|_| {})
            .expect("the universe is written");
    }
    dir
}

/// The binary cargo built for this bench, or SPILLOVER_BIN (a copy taken
/// right after the build, where several worktrees share one target dir).
fn spillover(dir: &Path, args: &[&str]) -> Command {
    let binary = std::env::var_os("SPILLOVER_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_spillover")),
        PathBuf::from,
    );
    let mut command = Command::new(binary);
    command.arg("--data-dir").arg(dir).args(args);
    command
}

fn run(mut command: Command) -> usize {
    let output = command.output().expect("spillover runs");
    assert!(output.status.success(), "{output:?}");
    output.stdout.len()
}

fn all_range() -> Request {
    Request {
        range: WindowChoice::Preset(RangePreset::All),
        ..Request::default()
    }
}

/// `export --what indices --range all` on 1,000 × 5,000, the whole process.
fn export_process(c: &mut Criterion) {
    let dir = universe(1000, 5000);
    let out = tempfile::tempdir().expect("a temporary dir");
    let csv = out.path().join("indices.csv");
    let csv = csv.to_str().expect("a UTF-8 path");
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("export indices ALL, 1,000 x 5,000, whole process", |b| {
        b.iter(|| {
            run(spillover(
                &dir,
                &["export", "--what", "indices", "--range", "all", "-o", csv],
            ))
        })
    });
    group.finish();
}

/// What the workstation redoes after an edit: `analyse` on prices in memory.
fn analyse_in_memory(c: &mut Criterion) {
    let dir = universe(1000, 5000);
    let ws = Workspace::open(dir).expect("the universe opens");
    let request = all_range();
    let mut group = c.benchmark_group("scale");
    group.sample_size(20);
    group.bench_function("analyse, 1,000 members x 5,000 days, ALL", |b| {
        b.iter(|| {
            analyse(black_box(&ws.baskets), black_box(&ws.book), &request).map(|a| a.indices.len())
        })
    });
    group.bench_function("load the baskets' prices, 1,001 files", |b| {
        b.iter(|| {
            ws.store
                .load_basket_prices(black_box(&ws.baskets))
                .series
                .len()
        })
    });
    group.finish();
}

/// `check` and `symbols` over every file of a 5,000 × 5,000 cache.
fn whole_cache(c: &mut Criterion) {
    if std::env::var_os("SPILLOVER_BENCH_LARGE").is_none() {
        eprintln!("skipping check/symbols on 5,000 x 5,000: set SPILLOVER_BENCH_LARGE=1");
        return;
    }
    let dir = universe(5000, 5000);
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function("check, 5,000 x 5,000", |b| {
        b.iter(|| run(spillover(&dir, &["check"])))
    });
    group.bench_function("symbols, 5,000 x 5,000", |b| {
        b.iter(|| run(spillover(&dir, &["symbols"])))
    });
    group.finish();
}

/// The workstation's recompute after an edit: one weight of the 500-member
/// `na-chain` changed (a new library, handed to `update` as a reload from
/// disk hands it: the same recompute the edit form's commit runs), then
/// everything on screen recomputed — the analysis, with the other baskets'
/// histories and tables kept, and the catalyst statistics.
fn recompute_after_edit(c: &mut Criterion) {
    let ws = Workspace::open(universe(1000, 5000)).expect("the universe opens");
    let mut state = AppState::from_workspace(ws);
    update(&mut state, Action::Range(RangePreset::All));
    assert!(state.analysis().is_some(), "the universe analyses");
    let at = state
        .baskets()
        .iter()
        .position(|b| b.id.as_str() == "na-chain")
        .expect("the universe has na-chain");
    assert_eq!(state.baskets()[at].members.len(), 500);
    let mut group = c.benchmark_group("scale");
    group.sample_size(20);
    let mut edit = 0u32;
    group.bench_function(
        "recompute after editing one weight of a 500-member basket, 1,000 x 5,000, ALL",
        |b| {
            // The edited library is a copy, as the edit form's commit makes.
            b.iter(|| {
                edit += 1;
                let mut library = state.library();
                library.baskets[at].members[7].weight = Some(f64::from(edit % 5 + 1));
                let problems = Vec::new();
                update(&mut state, Outcome::Reloaded { library, problems });
                state.analysis().map(|a| a.indices.len())
            })
        },
    );
    group.finish();
}

/// Inside a 1,000-member basket over 5,000 days (issue 19's budget, 30 ms):
/// the breadth of every day, and the segments (eight of them) with their
/// sub-indices, contributions and rotation, from the basket's index history.
fn inside_a_basket(c: &mut Criterion) {
    let ws = Workspace::open(universe(1000, 5000)).expect("the universe opens");
    // Both 500-member baskets as one, in eight segments.
    let mut members: Vec<_> = ws.baskets[..2]
        .iter()
        .flat_map(|b| b.members.clone())
        .collect();
    for (k, member) in members.iter_mut().enumerate() {
        member.segment = format!("segment {}", k % 8);
    }
    assert_eq!(members.len(), 1000);
    let basket = Basket {
        id: BasketId::parse("all").expect("a valid id"),
        name: "All stocks".to_string(),
        description: String::new(),
        method: Method::Equal,
        members,
    };
    let as_of = ws.book.last_date().expect("the universe has prices");
    let first = ws.book.first_date().expect("the universe has prices");
    let history = IndexHistory::build(&basket, &ws.book, None, as_of);
    assert!(history.dates.len() >= 5000);
    let window = Window::new(first, as_of).expect("a window");
    let mut group = c.benchmark_group("scale");
    group.sample_size(30);
    group.bench_function(
        "breadth and segments of a 1,000-member basket, 5,000 days",
        |b| {
            b.iter(|| {
                let days = breadth(&basket, black_box(&ws.book), &history, window)
                    .days
                    .len();
                let study = segment_study(&basket, black_box(&history), window);
                days + rotation(&study).periods.len()
            })
        },
    );
    group.finish();
}

criterion_group!(
    benches,
    inside_a_basket,
    export_process,
    analyse_in_memory,
    recompute_after_edit,
    whole_cache
);
criterion_main!(benches);
