//! `spillover breadth` and `spillover segments`: one basket, its window,
//! as-of date and method.

use chrono::NaiveDate;
use clap::Args;

use super::AnalysisArgs;
use crate::domain::{BasketId, Method, RangePreset, Window, parse_date};

/// The options of `breadth` and `segments`.
#[derive(Debug, Args)]
pub struct DiffusionArgs {
    /// The basket [default: na-chain, else the first basket].
    #[arg(long, value_parser = BasketId::parse, value_name = "ID")]
    pub basket: Option<BasketId>,
    /// Replay the data as of this date (YYYY-MM-DD): nothing after it is used. Default: the last date in the data.
    #[arg(long = "as-of", value_parser = parse_date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// A preset window counting back from the as-of date: 1m 3m 6m ytd 1y 3y all [default: 1y].
    #[arg(long)]
    pub range: Option<RangePreset>,
    /// The window as START..END, e.g. 2024-06-01..2025-05-07.
    #[arg(long, conflicts_with = "range")]
    pub window: Option<Window>,
    /// Index weighting of a multi-member basket: equal, cap or custom [default: the basket's own].
    #[arg(long)]
    pub method: Option<Method>,
    /// Print as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl DiffusionArgs {
    /// The same window, as-of and method as the other commands take them.
    pub fn analysis(&self) -> AnalysisArgs {
        AnalysisArgs {
            window: self.window,
            range: self.range,
            as_of: self.as_of,
            method: self.method,
            base: None,
            pair: None,
            roll: None,
        }
    }
}

/// Breadth inside a basket, day by day: the shares of members above their 20/60-day means, up
/// and beating the basket over 20 sessions, the dispersion of those returns, and 60-day highs.
#[derive(Debug, Args)]
pub struct BreadthArgs {
    #[command(flatten)]
    pub options: DiffusionArgs,
}

/// A basket's segments over the window: each one's sub-index return and its contribution to
/// the basket's return (they add up to it).
#[derive(Debug, Args)]
pub struct SegmentsArgs {
    #[command(flatten)]
    pub options: DiffusionArgs,
}
