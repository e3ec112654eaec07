//! `spillover watchlist ...`: list and edit the earnings watchlist.

use clap::Subcommand;

use super::PlanArgs;

/// List and edit the earnings watchlist: list, add, set, remove, report.
///
/// Events are numbered by date as `watchlist list` shows them; every edit is saved at once
/// to watchlist.toml.
#[derive(Debug, Subcommand)]
pub enum WatchlistCommand {
    /// List the events by date, numbered: the numbers the other commands take.
    List {
        /// Print the events as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add an event.
    Add {
        #[arg(long)]
        symbol: String,
        /// The company, e.g. Alibaba.
        #[arg(long)]
        name: String,
        /// The release date, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// before-open, intraday or after-close (Hong Kong time).
        #[arg(long)]
        session: String,
        /// The period reported, e.g. "FY25 Q4 (Mar)".
        #[arg(long)]
        period: Option<String>,
        /// The last capex figure reported, with its unit.
        #[arg(long = "capex-last")]
        capex_last: Option<String>,
        /// The AI / capex guidance given last time.
        #[arg(long)]
        guidance: Option<String>,
        /// What to listen for.
        #[arg(long)]
        watch: Option<String>,
    },
    /// Set an event's field: symbol, name, date, session, period, capex_last, guidance, watch, outcome.
    Set {
        /// The event's number in `watchlist list`.
        index: String,
        field: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Remove an event.
    Remove {
        /// The event's number in `watchlist list`.
        index: String,
    },
    /// Record what an event reported: the outcome, and the new capex figure and guidance.
    Report {
        /// The event's number in `watchlist list`.
        index: String,
        /// What was reported.
        #[arg(long)]
        outcome: String,
        /// The capex figure reported, with its unit (becomes capex_last).
        #[arg(long)]
        capex: Option<String>,
        /// The change in AI / capex guidance (becomes guidance).
        #[arg(long)]
        guidance: Option<String>,
    },
    /// Plan a season: each company that reported in that month a year earlier gets the same date + 52 weeks, est.
    Plan(PlanArgs),
}
