//! The workstation: four panes explored by keyboard.
//!
//! One loop ([`run`]) waits on one channel fed by the input thread
//! ([`input`]: keys, an idle tick) and the [`worker`] (progress and
//! results of [`jobs`]). Keys become [`Action`](action::Action)s in
//! [`keymap`] (a table that the help screen reads too); [`update::update`]
//! applies actions and [`Outcome`](outcome::Outcome)s to
//! [`AppState`](update::AppState) without I/O and returns
//! [`Effect`](effect::Effect)s: files are written at once ([`disk`]), slow
//! work goes to the worker, and what became of either comes back through
//! `update`. [`view`] draws the state, each pane in [`panes`] from prepared
//! data; what is open over the panes is one [`overlay::Overlay`].
//! docs/ARCHITECTURE.md follows a key press through these files.

pub mod action;
pub mod command;
pub mod config;
pub mod disk;
pub mod effect;
pub mod event;
pub mod export;
pub mod input;
pub mod jobs;
pub mod keymap;
pub mod outcome;
pub mod overlay;
pub mod panes;
pub mod run;
pub mod sort;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;
pub mod worker;

use anyhow::Context;

use crate::store::{Layout, Workspace};
use config::{Config, load_config, no_color_requested};
use disk::Disk;
use state::Opening;

use theme::Theme;
pub use update::AppState;

/// The state the workstation opens with on `ws` (opened without prices),
/// before its loop starts: its first frame says what loads while the
/// worker reads the prices. `config_error` says why `config` is the default.
pub fn opening_state(ws: Workspace, config: Config, config_error: Option<String>) -> AppState {
    let cached = ws.store.cached_symbols().0;
    let opening = Opening {
        problems: ws.problems.clone(),
        installed_default: ws.installed_default,
        demo_marker: ws.store.layout().demo_marker().exists(),
        config,
        config_error,
        home: directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()),
    };
    AppState::opening(ws, cached, opening)
}

/// Opens the workstation on `ws` (opened without prices) in the real
/// terminal: the panes draw at once and the prices load on the worker
/// thread. The terminal is given back on quit, on error and on panic
/// (ratatui's init installs a panic hook that restores it).
pub fn open(ws: Workspace) -> anyhow::Result<()> {
    // A broken config.toml must not keep the analyst out: defaults, and
    // the message line says what is wrong and where.
    let config_path = Layout::platform_config_file();
    let (config, config_error) = match load_config(config_path.as_deref()) {
        Ok(config) => (config, None),
        Err(e) => (Config::default(), Some(e.to_string())),
    };
    // A panic is written to the log as well: the terminal it was printed to
    // may be gone by the time anyone looks.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!("panic: {info}");
        previous(info);
    }));
    let theme = Theme::new(
        config.theme,
        no_color_requested(std::env::var_os("NO_COLOR")),
    );
    let mut disk = Disk {
        store: ws.store.clone(),
        prints: ws.prints.clone(),
    };
    let mut state = opening_state(ws, config, config_error);
    let mut terminal = ratatui::try_init().context(
        "cannot open the terminal for the workstation; run spillover in an interactive terminal, or use `spillover report` for text",
    )?;
    let store = disk.store.clone();
    let result = run::run_session(
        &mut terminal,
        &mut state,
        &theme,
        Some(&mut disk),
        input::terminal,
        |job, context: &jobs::JobContext| jobs::run(&store, job, context),
    );
    ratatui::try_restore().context("cannot restore the terminal")?;
    Ok(result?)
}
