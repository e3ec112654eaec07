//! The figure export (`x`, `:export FILE`): the job started with the
//! focused pane's view, and the message its files (or error) leave.

use std::path::PathBuf;

use crate::figure::catalysts;
use crate::figure::prepare::{FigureKind, Inputs, figure};
use crate::figure::{Figure, FigureError, FigureOptions, Format};
use crate::tui::effect::Effect;
use crate::tui::export::Export;
use crate::tui::jobs::Job;
use crate::tui::outcome::{JobError, JobId};
use crate::tui::state::Pane;
use crate::tui::update::AppState;

/// Starts the export of the focused pane, to `file` or the default names.
pub(super) fn start(state: &mut AppState, file: Option<PathBuf>) -> Vec<Effect> {
    match request(state, file) {
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
pub(super) fn finished(state: &mut AppState, id: JobId, result: Result<String, JobError>) {
    state.end_work(id);
    match result {
        Ok(message) => state.set_message(message, false),
        Err(why) => state.set_message(format!("not exported: {why}"), true),
    }
}

/// Why the focused pane has nothing to export (the message says it after
/// "not exported: ").
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
enum NotExported {
    #[error("cannot tell the format of {}: name the file FILE.svg or FILE.png", .0.display())]
    UnknownFormat(PathBuf),
    #[error("nothing to export yet: no analysis (the prices are loading or missing)")]
    NoAnalysis,
    #[error("no lead-lag without the scatter's ratios")]
    NoLeadLag,
    #[error("no event study: the benchmark basket is missing")]
    NoEventStudy,
    #[error("no basket to export")]
    NoBasket,
    #[error(transparent)]
    Figure(#[from] FigureError),
}

/// The export of the focused pane as it is on screen, or why there is none.
fn request(state: &AppState, file: Option<PathBuf>) -> Result<Export, NotExported> {
    if let Some(file) = &file
        && Format::of_path(file).is_none()
    {
        return Err(NotExported::UnknownFormat(file.clone()));
    }
    let Some(analysis) = state.analysis() else {
        return Err(NotExported::NoAnalysis);
    };
    let inputs = Inputs {
        analysis,
        baskets: &state.model.baskets,
        watchlist: &state.model.watchlist,
        base: state.model.request.base,
        method: state.model.request.method,
        demo: state.model.book.has_demo(),
    };
    let catalysts = state.catalysts();
    let mut hidden: Vec<String> = state.ui.chart.hidden.iter().cloned().collect();
    let (view, figure) = match state.ui.focus {
        Pane::Chart => ("indices", figure(FigureKind::Indices, &inputs)),
        Pane::Scatter if state.ui.lead_lag_view => {
            let ll = catalysts
                .and_then(|c| c.lead_lag.as_ref())
                .ok_or(NotExported::NoLeadLag)?;
            ("leadlag", Ok(Figure::Bars(catalysts::leadlag(&inputs, ll))))
        }
        Pane::Scatter => ("scatter", figure(FigureKind::Scatter, &inputs)),
        Pane::Watchlist => {
            let study = catalysts
                .and_then(|c| c.event_study.as_ref())
                .ok_or(NotExported::NoEventStudy)?;
            let number = Some(state.ui.event_row + 1);
            let paths = catalysts::events(&inputs, study, number);
            ("events", paths.map(Figure::Paths))
        }
        Pane::Baskets => {
            let shown = state
                .model
                .baskets
                .get(state.ui.basket_tab)
                .ok_or(NotExported::NoBasket)?;
            // Only the shown basket's index: every other one is hidden.
            hidden = (state.model.baskets.iter())
                .filter(|b| b.id != shown.id)
                .map(|b| b.id.to_string())
                .collect();
            ("indices", figure(FigureKind::Indices, &inputs))
        }
    };
    let figure = figure?;
    let hidden = match state.ui.focus {
        Pane::Chart | Pane::Baskets => hidden,
        Pane::Scatter | Pane::Watchlist => Vec::new(),
    };
    let options = FigureOptions {
        window: Some(analysis.window),
        cursor: state.ui.chart.cursor,
        log_scale: state.ui.chart.log_scale && view == "indices",
        hidden,
        ..FigureOptions::default()
    };
    // The time the key was pressed, as its message said.
    let pressed = state.model.clock.unwrap_or_default();
    let stem = format!("{view}-{}-{}", analysis.as_of, pressed.format("%H%M%S"));
    Ok(Export {
        view,
        figure,
        options,
        file,
        stem,
    })
}
