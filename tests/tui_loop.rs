//! The event loop with its threads, headless: the first frame is drawn
//! while the prices still load (a worker held back by the test), progress
//! and results arrive as outcomes, and a quit during a load stops the
//! worker and writes nothing. The test drives it from the input source,
//! which sees every frame the loop draws.

mod tui_support;

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use crossterm::event::Event;
use spillover::store::Workspace;
use spillover::tui::AppState;
use spillover::tui::jobs::{self, Job, JobContext};
use spillover::tui::run::run_session;
use spillover::tui::state::Opening;
use tui_support::recording::recording_terminal;
use tui_support::{ch, theme};

/// A fresh data dir (the embedded default) opened as the workstation
/// does: no prices yet.
fn opening(dir: &Path) -> (AppState, Workspace) {
    let ws = Workspace::open_without_prices(dir.to_path_buf()).expect("the data dir opens");
    let cached = ws.store.cached_symbols().0;
    let state = AppState::opening(ws.clone(), cached, Opening::default());
    (state, ws)
}

/// Every file under `dir` with its bytes, sorted: what is on disk.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).expect("a readable dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_none_or(|e| e != "log") {
                let bytes = std::fs::read(&path).expect("a readable file");
                out.push((path.display().to_string(), bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_first_frame_is_drawn_while_the_prices_load() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (mut state, ws) = opening(dir.path());
    let symbols = state.missing_prices().len();
    assert!(symbols > 5, "the demo baskets have members: {symbols}");
    let (mut terminal, screens) = recording_terminal();
    // The worker waits for the test to let it load.
    let (release, gate) = mpsc::channel::<()>();
    let store = ws.store.clone();
    let load = move |job: Job, context: &JobContext| {
        gate.recv().ok()?;
        jobs::run(&store, job, context)
    };
    let mut seen = Vec::new();
    let mut release = Some(release);
    let read = move || -> std::io::Result<Option<Event>> {
        // The first frame, drawn before the worker was let go.
        let first = screens.recv().expect("a first frame");
        seen.push(first);
        if let Some(release) = release.take() {
            release.send(()).expect("the worker waits");
            // Frames until the prices are on screen (progress in between).
            for screen in screens.iter() {
                let loaded = !screen.contains("loading");
                seen.push(screen);
                if loaded {
                    break;
                }
            }
            assert_frames(&seen, symbols);
        }
        Ok(Some(Event::Key(ch('q'))))
    };
    run_session(&mut terminal, &mut state, &theme(), None, read, load).expect("a clean run");
    assert!(state.work().is_empty(), "{:?}", state.work());
    assert_eq!(state.book().series.len(), symbols);
    assert!(state.analysis().is_some());
}

/// The first frame says what loads and draws the panes; the last shows the
/// demo's as-of date.
fn assert_frames(seen: &[String], symbols: usize) {
    let first = &seen[0];
    assert!(
        first.contains(&format!("loading {symbols} symbols")),
        "{first}"
    );
    assert!(first.contains("Baskets"), "{first}");
    assert!(first.contains("loading prices…"), "{first}");
    let last = seen.last().expect("frames");
    assert!(last.contains("as of 2025-05-07"), "{last}");
}

#[test]
fn quitting_during_a_load_stops_the_worker_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (mut state, ws) = opening(dir.path());
    let before = contents(dir.path());
    let (mut terminal, screens) = recording_terminal();
    // A load that never finishes by itself: it checks the cancel flag
    // between units of work, as every job does (at most 2000 checks).
    let (cancelled, told) = mpsc::channel::<()>();
    let (_never, gate) = mpsc::channel::<()>();
    let (started, running) = mpsc::channel::<()>();
    let store = ws.store.clone();
    let load = move |job: Job, context: &JobContext| {
        let _ = started.send(());
        for _ in 0..2000 {
            if context.cancelled() {
                let _ = cancelled.send(());
                return None;
            }
            match gate.recv_timeout(Duration::from_millis(5)) {
                Ok(()) => return jobs::run(&store, job, context),
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        None
    };
    let read = move || -> std::io::Result<Option<Event>> {
        let first = screens.recv().expect("a first frame");
        assert!(first.contains("loading"), "{first}");
        // Quit once the job is under way (not merely queued).
        running.recv().expect("the job starts");
        Ok(Some(Event::Key(ch('q'))))
    };
    run_session(&mut terminal, &mut state, &theme(), None, read, load).expect("a clean quit");
    // The session returns only once the worker has stopped: it saw the flag.
    assert!(told.try_recv().is_ok(), "the job was told to stop");
    assert!(
        state.book().series.is_empty(),
        "nothing arrived after the quit"
    );
    assert_eq!(contents(dir.path()), before, "nothing written");
}
