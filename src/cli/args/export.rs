//! `spillover export`: which table, in which format.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{AnalysisArgs, StudyArgs};
use crate::compute::CatalystRequest;
use crate::domain::BasketId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    /// Basket index levels: date, then one column per basket id.
    Indices,
    /// The two ratios: date, then `A/B` and `A/C`.
    Ratios,
    /// Scatter points (rebased to 1.0 at the first point) and the rolling correlation.
    Scatter,
    /// Member tables of every basket (or --basket): one row per member.
    Members,
    /// The event study of every watchlist report: one row per event and series, CAR and t per window.
    Events,
    /// The cross-correlation of the two ratios' log changes: one row per lag k.
    Leadlag,
    /// Rolling beta against hstech (and its standard error): date, then one column per basket.
    Beta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Parquet,
}

/// Write indices, ratios, scatter points or member tables to CSV or Parquet.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(long, value_enum)]
    pub what: ExportWhat,
    /// The file format (default: from the output file's extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// The output file.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// With --what members: only this basket.
    #[arg(long, value_parser = BasketId::parse)]
    pub basket: Option<BasketId>,
    /// With --what events|beta: the benchmark and (events) the model.
    #[command(flatten)]
    pub study: StudyArgs,
    /// With --what beta: returns per rolling beta [default: 60].
    #[arg(long, value_name = "W", value_parser = clap::value_parser!(u16).range(10..=1000))]
    pub beta_window: Option<u16>,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

impl ExportArgs {
    /// What the catalyst tables are measured against, defaults where not given.
    pub fn catalyst_request(&self) -> CatalystRequest {
        let mut request = self.study.request();
        if let Some(w) = self.beta_window {
            request.beta_window = usize::from(w);
        }
        request
    }
}
