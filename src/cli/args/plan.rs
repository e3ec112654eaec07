//! `spillover watchlist plan`: which season.

use clap::Args;

use super::month::{NotAMonth, year_month};
use crate::domain::Season;

// No doc comment: the `Plan` variant of `WatchlistCommand` carries the help text.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The month to plan, YYYY-MM: every company that reported in that month a year
    /// earlier gets that date + 52 weeks (next session when closed), marked est.
    #[arg(long, value_parser = parse_season, value_name = "YYYY-MM")]
    pub season: Season,
    /// Print the plan without writing the watchlist.
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_season(text: &str) -> Result<Season, NotAMonth> {
    let (year, month) = year_month(text, "2026-05")?;
    Ok(Season { year, month })
}
