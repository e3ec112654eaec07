//! `spillover events`: which reports, against what.

use clap::Args;

use super::month::{NotAMonth, year_month};
use super::{AnalysisArgs, StudyArgs};
use crate::domain::Symbol;

/// What each earnings report did: the CAR (with t) of every basket and both ratios around it, then the aggregate.
///
/// Day 0 is the first session that can react (after-close: the next Hong Kong trading day).
/// Reads all history up to the as-of date, whatever the window; see METHODOLOGY.md "Event study".
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only the event numbered N in `spillover watchlist list`.
    #[arg(long, value_name = "N", conflicts_with_all = ["symbol", "month"])]
    pub event: Option<usize>,
    /// Only the reports of this company, e.g. 9988.HK.
    #[arg(long, value_parser = Symbol::parse, conflicts_with = "month")]
    pub symbol: Option<Symbol>,
    /// Only the reports dated in this month, YYYY-MM (e.g. 2025-05).
    #[arg(long, value_parser = parse_month, value_name = "YYYY-MM")]
    pub month: Option<(i32, u32)>,
    #[command(flatten)]
    pub study: StudyArgs,
    /// Print every number as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

/// `2025-05` as (year, month).
fn parse_month(text: &str) -> Result<(i32, u32), NotAMonth> {
    year_month(text, "2025-05")
}
