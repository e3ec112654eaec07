//! `spillover events`: which reports, against what.

use clap::Args;

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

/// `--month` was not a month.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a month; write YYYY-MM, e.g. 2025-05")]
pub struct NotAMonth(pub String);

/// `2025-05` as (year, month).
pub fn parse_month(text: &str) -> Result<(i32, u32), NotAMonth> {
    let wrong = || NotAMonth(text.to_string());
    let (year, month) = text.trim().split_once('-').ok_or_else(wrong)?;
    let year: i32 = year.parse().map_err(|_| wrong())?;
    let month: u32 = month.parse().map_err(|_| wrong())?;
    if !(1..=12).contains(&month) || !(1900..=2999).contains(&year) {
        return Err(wrong());
    }
    Ok((year, month))
}
