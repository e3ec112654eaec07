//! `spillover report`.

use clap::Args;

use super::AnalysisArgs;

/// Print the indices, the two ratios, the scatter statistics and the earnings around the as-of date.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Print every statistic as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}
