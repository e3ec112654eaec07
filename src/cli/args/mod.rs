//! The command line: the top-level parser and one variant per subcommand.
//! Each subcommand's options, and its help text (the doc comment of its
//! args struct or enum), live in its own file here; adding a subcommand is
//! one line below, a file here, and its dispatch line in `cli/mod.rs`.

mod analysis;
mod basket;
mod cache;
mod calendar;
mod demo;
mod events;
mod export;
mod fetch;
mod import;
mod leadlag;
mod month;
mod note;
mod plan;
mod plot;
mod report;
mod watchlist;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use analysis::{AnalysisArgs, StudyArgs};
pub use basket::BasketCommand;
pub use cache::{CheckArgs, SymbolsArgs};
pub use calendar::CalendarArgs;
pub use demo::DemoArgs;
pub use events::EventsArgs;
pub use export::{ExportArgs, ExportFormat, ExportWhat};
pub use fetch::FetchArgs;
pub use import::ImportArgs;
pub use leadlag::LeadLagArgs;
pub use note::NoteArgs;
pub use plan::PlanArgs;
pub use plot::{PlotArgs, PlotTheme, PlotWhat};
pub use report::ReportArgs;
pub use watchlist::WatchlistCommand;

#[derive(Debug, Parser)]
#[command(
    name = "spillover",
    version,
    about = "Thematic basket indices, ratios and the earnings calendar, from a local price cache",
    long_about = "spillover builds thematic basket indices (e.g. the A-share North American and \
domestic computing-power chains) from a local cache of price files, compares them as ratios, \
correlates ratio against ratio, and tracks the earnings calendar of Hong Kong internet platforms.\n\n\
With no command it opens the workstation. The first command run on an empty data dir installs \
the embedded default: the research note's baskets, the 2025 HK and US earnings watchlist and labelled DEMO prices."
)]
pub struct Cli {
    /// The data dir (prices/, baskets/, watchlist.toml). Default: the platform's data dir for
    /// "spillover", or $SPILLOVER_HOME.
    #[arg(long, global = true, env = "SPILLOVER_HOME", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands, in the order `--help` lists them; each one's help text
/// is the doc comment of the type it carries.
#[derive(Debug, Subcommand)]
pub enum Command {
    Report(ReportArgs),
    Export(ExportArgs),
    Plot(PlotArgs),
    Note(NoteArgs),
    Import(ImportArgs),
    Fetch(FetchArgs),
    #[command(subcommand)]
    Basket(BasketCommand),
    #[command(subcommand)]
    Watchlist(WatchlistCommand),
    Symbols(SymbolsArgs),
    Check(CheckArgs),
    Events(EventsArgs),
    Leadlag(LeadLagArgs),
    Calendar(CalendarArgs),
    Demo(DemoArgs),
}
