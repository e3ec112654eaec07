//! `spillover demo`.

use clap::Args;

/// Manage the embedded demo default.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Re-install the default baskets, watchlist and demo prices (imported prices are kept).
    #[arg(long, required_unless_present_any = ["universe", "remove"])]
    pub reset: bool,
    /// Delete every demo price file and list them; baskets, watchlist and real prices stay.
    #[arg(long, conflicts_with_all = ["reset", "universe"])]
    pub remove: bool,
    /// Instead: write a synthetic market of N symbols into a new, empty data dir (benchmarks).
    #[arg(long, hide = true, value_name = "N", conflicts_with = "reset")]
    pub universe: Option<usize>,
    /// With --universe: trading days per symbol.
    #[arg(
        long,
        hide = true,
        value_name = "D",
        requires = "universe",
        default_value_t = 5000
    )]
    pub days: usize,
}
