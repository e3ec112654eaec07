//! `spillover leadlag`: how many lags.

use clap::Args;

use super::AnalysisArgs;

/// Which ratio leads the other: cross-correlation of their daily log changes at lags -K..+K and
/// the Granger F test both ways, over the window.
#[derive(Debug, Args)]
pub struct LeadLagArgs {
    /// Cross-correlation lags each side of 0 [default: 10].
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(1..=60))]
    pub max_lag: Option<u16>,
    /// Lags of each Granger regression [default: 5].
    #[arg(long, value_name = "P", value_parser = clap::value_parser!(u16).range(1..=20))]
    pub granger_lags: Option<u16>,
    /// Print every number as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}
