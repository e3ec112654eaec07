//! The event loop. One channel feeds it: the input thread (keys, resizes,
//! an idle tick) and the worker (job progress and results). Each arrival
//! becomes a [`Msg`] for [`update`], the only place the state changes; the
//! effects `update` returns are carried out here (files, at once) or by the
//! worker (slow jobs), and their outcomes go back through `update`. The
//! screen is drawn before every wait, so it is live while a job runs.
//!
//! Generic over ratatui's `Backend`, the input source and the job runner,
//! so tests drive it headless with a `TestBackend`, a list of events and a
//! worker they hold back.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::{Action, Msg};
use super::disk::Disk;
use super::effect::Effect;
use super::event::Event;
use super::input;
use super::jobs::{self, Job, JobContext};
use super::keymap::action_for;
use super::outcome::{JobError, JobId, JobReport, Outcome};
use super::theme::Theme;
use super::update::{AppState, update};
use super::view;
use super::worker::Worker;
use crate::domain::PriceBook;

/// Why the event loop stopped early.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot draw on the terminal: {0}")]
    Draw(String),
    #[error("cannot read from the terminal: {0}")]
    Input(#[from] std::io::Error),
}

/// The action an input event means now, if any; a resize needs none (the
/// next draw uses the new size).
pub fn action_for_event(state: &AppState, event: &crossterm::event::Event) -> Option<Action> {
    match event {
        crossterm::event::Event::Key(key) => action_for(state.mode(), state.focus(), key),
        _ => None,
    }
}

/// Runs until an action asks to quit or the event source fails, with
/// nothing on disk: edits stay in memory (tests of the screen).
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
    mut next_event: impl FnMut() -> std::io::Result<crossterm::event::Event> + Send,
) -> Result<(), RunError> {
    let read = move || next_event().map(Some);
    run_session(terminal, state, theme, None, read, |job, _: &JobContext| {
        Some(without_disk(job))
    })
}

/// The event loop of a session editing `disk` (none: edits stay in
/// memory). `read` is the input source (`None`: nothing yet; the real one
/// is [`input::terminal`]); `run_job` carries out a job on the worker
/// thread (the real one is [`jobs::run`] on the data dir).
pub fn run_session<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
    disk: Option<&mut Disk>,
    read: impl FnMut() -> std::io::Result<Option<crossterm::event::Event>> + Send,
    run_job: impl FnMut(Job, &JobContext) -> Option<JobReport> + Send,
) -> Result<(), RunError> {
    std::thread::scope(|scope| {
        let (events, inbox) = mpsc::channel();
        let (handled, handled_rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        input::spawn(scope, read, events.clone(), handled_rx, stop.clone());
        let worker = Worker::spawn(scope, run_job, events);
        let mut session = Session {
            state,
            disk,
            worker: &worker,
        };
        let result = session.run(terminal, theme, &inbox, &handled);
        // Stop both threads; the scope waits for them (the worker after
        // the unit of work it is in), so nothing outlives the session.
        stop.store(true, Ordering::Relaxed);
        worker.stop();
        drop(handled);
        result
    })
}

/// What the loop works on.
struct Session<'a, 'w> {
    state: &'a mut AppState,
    disk: Option<&'a mut Disk>,
    worker: &'w Worker,
}

impl Session<'_, '_> {
    fn run<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        theme: &Theme,
        inbox: &Receiver<Event>,
        handled: &Sender<()>,
    ) -> Result<(), RunError> {
        let opening = update(self.state, Msg::Open);
        if self.carry_out(opening) {
            return Ok(());
        }
        loop {
            terminal
                .draw(|frame| view::draw(frame, self.state, theme))
                .map_err(|e| RunError::Draw(e.to_string()))?;
            let Ok(event) = inbox.recv() else {
                return Ok(());
            };
            let input = matches!(event, Event::Input(_));
            let effects = match event {
                Event::Input(input) => action_for_event(self.state, &input)
                    .map(|action| {
                        let at = chrono::Local::now().naive_local();
                        update(self.state, Msg::UserAt { action, at })
                    })
                    .unwrap_or_default(),
                Event::InputFailed(e) => return Err(RunError::Input(e)),
                Event::Tick => update(self.state, Msg::Tick),
                Event::Done(outcome) => update(self.state, outcome),
            };
            if self.carry_out(effects) {
                if !self.state.work().is_empty() {
                    // A job finishes its unit before the session ends: say so.
                    terminal
                        .draw(|frame| view::draw(frame, self.state, theme))
                        .map_err(|e| RunError::Draw(e.to_string()))?;
                }
                return Ok(());
            }
            if input {
                // Handled: the input thread may read the next event (after
                // a quit it reads nothing more).
                let _ = handled.send(());
            }
        }
    }

    /// Carries out `effects` in order (jobs go to the worker), feeding each
    /// outcome back through `update`; true when one of them is to quit.
    fn carry_out(&mut self, effects: Vec<Effect>) -> bool {
        let worker = self.worker;
        carry_out(
            self.state,
            self.disk.as_deref_mut(),
            effects,
            &mut |id, job| {
                worker.start(id, job);
                None
            },
        )
    }
}

/// Carries out `effects` at once, jobs included, each outcome through
/// `update`, as the loop does but without threads (tests, headless use);
/// true when one of them is to quit. Without a disk edits stay in memory.
pub fn perform(state: &mut AppState, disk: Option<&mut Disk>, effects: Vec<Effect>) -> bool {
    let store = disk.as_ref().map(|d| d.store.clone());
    carry_out(state, disk, effects, &mut |id, job| {
        let report = match &store {
            Some(store) => jobs::run(store, job, &JobContext::inline().for_job(id)),
            None => Some(without_disk(job)),
        };
        report.map(|report| Outcome::Job(id, report))
    })
}

/// While idle: the files changed outside spillover (and not left alone by
/// the user) open the prompt, unless something else is open.
pub fn notice_outside_changes(state: &mut AppState, disk: &Disk) {
    for effect in update(state, Msg::Tick) {
        if effect == Effect::LookOutside
            && let Some(outcome) = disk.look_outside()
        {
            update(state, outcome);
        }
    }
}

fn carry_out(
    state: &mut AppState,
    mut disk: Option<&mut Disk>,
    effects: Vec<Effect>,
    start: &mut dyn FnMut(JobId, Job) -> Option<Outcome>,
) -> bool {
    let mut queue = VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        let outcome = match (effect, disk.as_deref_mut()) {
            (Effect::Quit, _) => return true,
            (Effect::Start(id, job), _) => start(id, job),
            (effect, Some(disk)) => disk.carry_out(effect),
            (effect, None) => without_disk_effect(effect),
        };
        if let Some(outcome) = outcome {
            queue.extend(update(state, outcome));
        }
    }
    false
}

/// A session without a disk saves nothing and is told it did.
fn without_disk_effect(effect: Effect) -> Option<Outcome> {
    match effect {
        Effect::Save { .. } => Some(Outcome::Saved {
            files: String::new(),
        }),
        _ => None,
    }
}

/// A job without a disk has nothing to load.
fn without_disk(job: Job) -> JobReport {
    match job {
        Job::LoadPrices(_) => JobReport::PricesLoaded(PriceBook::default()),
        Job::Fetch { .. } => JobReport::Fetched(Err(JobError::NoDataDir("fetch"))),
        Job::Export(_) => JobReport::Exported(Err(JobError::NoDataDir("export"))),
        Job::Import { .. } => JobReport::Imported(Err(JobError::NoDataDir("import"))),
        Job::RemoveDemo => JobReport::DemoRemoved(Err(JobError::NoDataDir("remove demo prices"))),
    }
}
