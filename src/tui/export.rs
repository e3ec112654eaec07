//! `x` and `:export FILE`: the focused pane's view as a figure (SVG and
//! PNG), drawn by the worker from data prepared on the UI thread with the
//! `plot` command's builders, so the file shows what the screen does.

use std::path::{Path, PathBuf};

use super::state::{AppState, Pane};
use crate::figure::catalysts;
use crate::figure::prepare::{FigureKind, Inputs, figure};
use crate::figure::{Figure, FigureOptions, Format, render};
use crate::store::{Store, write_atomic};

/// A figure to write: what it is made of and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// `indices`, `scatter`, `leadlag` or `events` (as `spillover plot --what`).
    pub view: &'static str,
    pub figure: Figure,
    pub options: FigureOptions,
    /// The file the user named; `None`: `<data dir>/exports/<stem>.svg` and `.png`.
    pub file: Option<PathBuf>,
    /// `<view>-<as-of>-<HHMMSS>`, named when the key was pressed.
    pub stem: String,
}

/// The export of the focused pane as it is on screen, or why there is none.
pub fn request(state: &AppState, file: Option<PathBuf>) -> Result<Export, String> {
    if let Some(file) = &file
        && Format::of_path(file).is_none()
    {
        return Err(format!(
            "cannot tell the format of {}: name the file FILE.svg or FILE.png",
            file.display()
        ));
    }
    let Some(analysis) = state.analysis.as_ref() else {
        return Err(
            "nothing to export yet: no analysis (the prices are loading or missing)".into(),
        );
    };
    let inputs = Inputs {
        analysis,
        baskets: &state.baskets,
        watchlist: &state.watchlist,
        base: state.request.base,
        method: state.request.method,
        demo: state.book.has_demo(),
    };
    let catalysts = state.catalysts.as_ref();
    let mut hidden: Vec<String> = state.chart.hidden.iter().cloned().collect();
    let (view, figure) = match state.focus {
        Pane::Chart => ("indices", figure(FigureKind::Indices, &inputs)),
        Pane::Scatter if state.lead_lag_view => {
            let ll = catalysts
                .and_then(|c| c.lead_lag.as_ref())
                .ok_or("no lead-lag without the scatter's ratios")?;
            ("leadlag", Ok(Figure::Bars(catalysts::leadlag(&inputs, ll))))
        }
        Pane::Scatter => ("scatter", figure(FigureKind::Scatter, &inputs)),
        Pane::Watchlist => {
            let study = catalysts
                .and_then(|c| c.event_study.as_ref())
                .ok_or("no event study: the benchmark basket is missing")?;
            let number = Some(state.event_row + 1);
            let paths = catalysts::events(&inputs, study, number);
            ("events", paths.map(Figure::Paths))
        }
        Pane::Baskets => {
            let shown = state
                .baskets
                .get(state.basket_tab)
                .ok_or("no basket to export")?;
            // Only the shown basket's index: every other one is hidden.
            hidden = (state.baskets.iter())
                .filter(|b| b.id != shown.id)
                .map(|b| b.id.to_string())
                .collect();
            ("indices", figure(FigureKind::Indices, &inputs))
        }
    };
    let figure = figure.map_err(|e| e.to_string())?;
    let hidden = match state.focus {
        Pane::Chart | Pane::Baskets => hidden,
        Pane::Scatter | Pane::Watchlist => Vec::new(),
    };
    let options = FigureOptions {
        window: Some(analysis.window),
        cursor: state.chart.cursor,
        log_scale: state.chart.log_scale && view == "indices",
        hidden,
        ..FigureOptions::default()
    };
    let stem = format!(
        "{view}-{}-{}",
        analysis.as_of,
        chrono::Local::now().format("%H%M%S")
    );
    Ok(Export {
        view,
        figure,
        options,
        file,
        stem,
    })
}

/// The files an export writes under `root` (the data dir).
pub fn files(export: &Export, root: &Path) -> Vec<PathBuf> {
    match &export.file {
        Some(file) => vec![file.clone()],
        None => {
            let dir = root.join("exports");
            ["svg", "png"]
                .iter()
                .map(|ext| dir.join(format!("{}.{ext}", export.stem)))
                .collect()
        }
    }
}

/// Draws the figure and writes each file atomically; the message line's
/// text, or why nothing (more) was written.
pub fn write(store: &Store, export: &Export) -> Result<String, String> {
    let files = files(export, store.layout().root());
    for file in &files {
        let format = Format::of_path(file)
            .ok_or_else(|| format!("cannot tell the format of {}", file.display()))?;
        let bytes = render(&export.figure, &export.options, format).map_err(|e| e.to_string())?;
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        write_atomic(file, &bytes).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    Ok(format!(
        "exported the {} figure to {}",
        export.view,
        names.join(" and ")
    ))
}
