//! `x` and `:export FILE`: the figure the worker draws and writes (SVG and
//! PNG). What goes into it is prepared from the screen's state on the UI
//! thread (`update/export.rs`), with the `plot` command's builders, so the
//! file shows what the screen does; this side never sees the state.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::figure::{Figure, FigureError, FigureOptions, Format, render};
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

/// Why an export wrote nothing (more).
#[derive(Debug, Clone, thiserror::Error)]
pub enum ExportError {
    #[error("cannot tell the format of {}", .0.display())]
    UnknownFormat(PathBuf),
    /// The figure could not be drawn.
    #[error(transparent)]
    Figure(#[from] FigureError),
    #[error("cannot create {}: {source}", dir.display())]
    CreateDir {
        dir: PathBuf,
        source: Arc<std::io::Error>,
    },
    #[error("cannot write {}: {source}", file.display())]
    Write {
        file: PathBuf,
        source: Arc<std::io::Error>,
    },
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
pub fn write(store: &Store, export: &Export) -> Result<String, ExportError> {
    let files = files(export, store.layout().root());
    for file in &files {
        let format =
            Format::of_path(file).ok_or_else(|| ExportError::UnknownFormat(file.clone()))?;
        let bytes = render(&export.figure, &export.options, format)?;
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| ExportError::CreateDir {
                dir: dir.to_path_buf(),
                source: Arc::new(e),
            })?;
        }
        write_atomic(file, &bytes).map_err(|e| ExportError::Write {
            file: file.clone(),
            source: Arc::new(e),
        })?;
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    Ok(format!(
        "exported the {} figure to {}",
        export.view,
        names.join(" and ")
    ))
}
