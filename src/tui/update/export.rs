//! The figure export (`x`, `:export FILE`): the job started with the
//! focused pane's view, and the message its files (or error) leave.

use std::path::PathBuf;

use crate::tui::effect::Effect;
use crate::tui::export;
use crate::tui::jobs::{Job, JobKind};
use crate::tui::state::AppState;

/// Starts the export of the focused pane, to `file` or the default names.
pub(super) fn start(state: &mut AppState, file: Option<PathBuf>) -> Vec<Effect> {
    match export::request(state, file) {
        Ok(export) => {
            let job = Job::Export(Box::new(export));
            state.set_message(format!("{}…", job.label()), false);
            vec![state.start(job)]
        }
        Err(why) => {
            state.set_message(format!("not exported: {why}"), true);
            Vec::new()
        }
    }
}

/// The export has written its files, or could not.
pub(super) fn finished(state: &mut AppState, result: Result<String, String>) {
    if let Some(i) = state.work.iter().position(|w| w.kind == JobKind::Export) {
        state.work.remove(i);
    }
    match result {
        Ok(message) => state.set_message(message, false),
        Err(why) => state.set_message(format!("not exported: {why}"), true),
    }
}
