//! The workstation: four panes explored by keyboard.
//!
//! Keys become [`Action`](action::Action)s in [`keymap`] (a table that the
//! help screen reads too); [`update::update`] applies them to
//! [`AppState`](state::AppState) without I/O; [`view`] draws the state, each
//! pane in [`panes`] from prepared data; [`run`] is the event loop.

pub mod action;
pub mod command;
pub mod config;
pub mod edit;
pub mod effects;
pub mod key;
pub mod keymap;
pub mod panes;
pub mod run;
pub mod sort;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use anyhow::Context;

use crate::store::{Layout, Workspace};
use config::{Config, load_config, no_color_requested};
use effects::Disk;
use state::AppState;
use theme::Theme;

/// Opens the workstation on `ws` in the real terminal, and gives the
/// terminal back on quit, on error and on panic (ratatui's init installs a
/// panic hook that restores it).
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
    let cached = ws.store.cached_symbols().0;
    let mut state = AppState::from_workspace(ws);
    state.edit.cached = cached;
    if let Some(error) = config_error {
        state.set_message(format!("{error}; opened with the defaults"), true);
    }
    let opening = config.apply(state.request.clone());
    if opening != state.request
        && let Err(e) = state.set_request(opening)
    {
        state.set_message(format!("config.toml: {e}; opened with the defaults"), true);
    }
    let mut terminal = ratatui::try_init().context(
        "cannot open the terminal for the workstation; run spillover in an interactive terminal, or use `spillover report` for text",
    )?;
    // Idle for this long: look for files changed outside spillover.
    let idle = std::time::Duration::from_millis(1500);
    let next_event = || -> std::io::Result<Option<crossterm::event::Event>> {
        if crossterm::event::poll(idle)? {
            crossterm::event::read().map(Some)
        } else {
            Ok(None)
        }
    };
    let result = run::run_session(
        &mut terminal,
        &mut state,
        &theme,
        Some(&mut disk),
        next_event,
    );
    ratatui::try_restore().context("cannot restore the terminal")?;
    Ok(result?)
}
