//! What a figure is asked for (size, page, view), the file formats, and
//! why drawing can fail: the types every figure file shares.

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use super::theme::Theme;
use crate::domain::Window;

/// Figure sizes a user may ask for, in CSS pixels.
pub const MIN_SIDE: u32 = 320;
pub const MAX_SIDE: u32 = 4000;

/// Why a figure could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FigureError {
    #[error("cannot draw the figure: {0}")]
    Draw(String),
    #[error("{0}")]
    Font(String),
    #[error("cannot encode the PNG: {0}")]
    Png(String),
    #[error("a figure is {min} to {max} pixels a side; got {width}×{height}")]
    Size {
        width: u32,
        height: u32,
        min: u32,
        max: u32,
    },
    #[error("nothing to plot: {0}")]
    Nothing(String),
}

/// The file a figure is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    /// At twice the pixel density, for sharp print and retina screens.
    Png,
}

impl Format {
    /// From a file's extension (`.svg`, `.png`).
    pub fn of_path(path: &Path) -> Option<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => Some(Format::Svg),
            Some("png") => Some(Format::Png),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Svg => "svg",
            Format::Png => "png",
        })
    }
}

/// How a figure is drawn: size and page, and the view on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureOptions {
    /// CSS pixels; a PNG has twice as many.
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    /// Show only these dates (a zoomed chart); default: the figure's span.
    pub window: Option<Window>,
    /// A date to mark (the chart cursor).
    pub cursor: Option<NaiveDate>,
    /// Values on a log scale (lines of positive values only).
    pub log_scale: bool,
    /// Series not drawn, by id (basket id, `A/B`).
    pub hidden: Vec<String>,
}

impl Default for FigureOptions {
    /// What suits a note: 1200×700 on white.
    fn default() -> FigureOptions {
        FigureOptions {
            width: 1200,
            height: 700,
            theme: Theme::Light,
            window: None,
            cursor: None,
            log_scale: false,
            hidden: Vec::new(),
        }
    }
}
