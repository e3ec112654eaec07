//! `spillover plot`: which figure, how large, on which page.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{AnalysisArgs, StudyArgs};
use crate::domain::parse_date;
use crate::figure::{MAX_SIDE, MIN_SIDE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlotWhat {
    /// The basket indices over the window, earnings releases marked.
    Indices,
    /// The two ratios A/B and A/C.
    Ratios,
    /// A/C against A/B, one point per day, with the OLS line and statistics.
    Scatter,
    /// The rolling correlation of the two ratios' daily log changes.
    Rolling,
    /// Each series' cumulative abnormal return around a report (--event N, else the latest).
    Events,
    /// The ratios' cross-correlations by lag with the ±1.96/√n band, and the Granger tests.
    Leadlag,
}

impl PlotWhat {
    pub fn as_str(self) -> &'static str {
        match self {
            PlotWhat::Indices => "indices",
            PlotWhat::Ratios => "ratios",
            PlotWhat::Scatter => "scatter",
            PlotWhat::Rolling => "rolling",
            PlotWhat::Events => "events",
            PlotWhat::Leadlag => "leadlag",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlotTheme {
    /// White page, for notes and slides.
    Light,
    /// Dark page, for screens.
    Dark,
}

/// Draw a figure for a note (indices, ratios, scatter, rolling, events, leadlag): SVG or PNG.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// The figure.
    #[arg(long, value_enum)]
    pub what: PlotWhat,
    /// The output file, FILE.svg or FILE.png (a PNG has twice the pixels, for sharpness).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Width in CSS pixels.
    #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(i64::from(MIN_SIDE)..=i64::from(MAX_SIDE)))]
    pub width: u32,
    /// Height in CSS pixels.
    #[arg(long, default_value_t = 700, value_parser = clap::value_parser!(u32).range(i64::from(MIN_SIDE)..=i64::from(MAX_SIDE)))]
    pub height: u32,
    /// The title instead of the figure's own.
    #[arg(long)]
    pub title: Option<String>,
    /// The page.
    #[arg(long, value_enum, default_value_t = PlotTheme::Light)]
    pub theme: PlotTheme,
    /// Values on a log scale (indices, ratios).
    #[arg(long)]
    pub log: bool,
    /// Leave out a series, by basket id or ratio (A/B); may be repeated.
    #[arg(long = "hide", value_name = "SERIES")]
    pub hide: Vec<String>,
    /// With --what events: the report numbered N in `spillover watchlist list`
    /// [default: the latest with a reaction by the as-of date].
    #[arg(long, value_name = "N")]
    pub event: Option<usize>,
    /// Mark this date (as the workstation's cursor does), YYYY-MM-DD.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub cursor: Option<NaiveDate>,
    /// With --what events: the benchmark and the model.
    #[command(flatten)]
    pub study: StudyArgs,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}
