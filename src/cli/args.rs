//! The command line: every subcommand and option, with their help texts.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::compute::{CatalystRequest, Model, Request, WindowChoice};
use crate::domain::{BasketId, Method, RangePreset, Symbol, Window, parse_date};
use crate::store::import::{Market, Source};

#[derive(Debug, Parser)]
#[command(
    name = "spillover",
    version,
    about = "Thematic basket indices, ratios and the earnings calendar, from a local price cache",
    long_about = "spillover builds thematic basket indices (e.g. the A-share North American and \
domestic computing-power chains) from a local cache of price files, compares them as ratios, \
correlates ratio against ratio, and tracks the earnings calendar of Hong Kong internet platforms.\n\n\
With no command it opens the workstation. The first command run on an empty data dir installs \
the embedded default: the research note's baskets, the May earnings watchlist and labelled DEMO prices."
)]
pub struct Cli {
    /// The data dir (prices/, baskets/, watchlist.toml). Default: the platform's data dir for
    /// "spillover", or $SPILLOVER_HOME.
    #[arg(long, global = true, env = "SPILLOVER_HOME", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the indices, the two ratios, the scatter statistics and the earnings around the as-of date.
    Report {
        #[command(flatten)]
        analysis: AnalysisArgs,
        /// Print every statistic as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write indices, ratios, scatter points or member tables to CSV or Parquet.
    Export(ExportArgs),
    /// Draw a figure for a note (indices, ratios, scatter, rolling, events, leadlag, breadth,
    /// segments, rotation): SVG or PNG.
    Plot(super::plot::PlotArgs),
    /// Write the research note's exhibits (figures, tables, captions) to DIR/note.md and DIR/note.html.
    Note(super::note::NoteArgs),
    /// Import price files into the cache: CSV (Yahoo, Stooq, long, Tushare, AkShare, wide, Chinese
    /// headers; UTF-8 or GBK), Excel (.xlsx/.xls) and Parquet; a folder imports every such file in it.
    ///
    /// All or nothing: if any file is rejected, the cache is left byte-for-byte unchanged.
    Import {
        /// The files or folders to import; FILE=SYMBOL gives a per-symbol file its symbol.
        #[arg(required = true, value_name = "FILE", value_parser = parse_source)]
        files: Vec<Source>,
        /// The symbol of the one per-symbol file imported (default: from the file name, e.g.
        /// 300308.SZ.csv); with several files write FILE=SYMBOL instead.
        #[arg(long, value_parser = parse_symbol)]
        symbol: Option<Symbol>,
        /// How dates are written when no accepted form fits, or to settle M/D vs D/M
        /// (chrono codes): e.g. %m/%d/%Y, %d/%m/%Y, %d.%m.%Y.
        #[arg(long = "date-format", value_name = "FORMAT")]
        date_format: Option<String>,
        /// The market of bare codes: hk reads 700 / 00700 as 0700.HK (6-digit A-share codes
        /// always get .SZ/.SH/.BJ).
        #[arg(long, value_parser = parse_market, value_name = "hk|cn")]
        market: Option<Market>,
        /// The Excel sheet to read [default: the first].
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
    /// Download daily prices from Yahoo, Eastmoney or Tushare into the cache.
    ///
    /// Incremental by default (from the last cached date, re-checking a few sessions of overlap);
    /// each symbol's file is written atomically, a symbol that fails is left unchanged, and the
    /// exit code is 0 only when every symbol was fetched.
    Fetch(super::fetch::FetchArgs),
    /// List, show and edit baskets: create, add, remove, set, rename, delete, copy.
    ///
    /// Every edit is checked first (nothing is written if it is refused) and saved at once,
    /// atomically, to baskets/<ID>.toml; a file changed by someone else since is never overwritten.
    #[command(subcommand)]
    Basket(BasketCommand),
    /// List and edit the earnings watchlist: list, add, set, remove, report.
    ///
    /// Events are numbered by date as `watchlist list` shows them; every edit is saved at once
    /// to watchlist.toml.
    #[command(subcommand)]
    Watchlist(WatchlistCommand),
    /// List the cached symbols with their date ranges.
    Symbols,
    /// Validate the whole cache: price files, baskets, watchlist.
    Check,
    /// What each earnings report did: the CAR (with t) of every basket and both ratios around it, then the aggregate.
    ///
    /// Day 0 is the first session that can react (after-close: the next Hong Kong trading day).
    /// Reads all history up to the as-of date, whatever the window; see METHODOLOGY.md "Event study".
    Events(EventsArgs),
    /// Which ratio leads the other: cross-correlation of their daily log changes at lags -K..+K and
    /// the Granger F test both ways, over the window.
    Leadlag(LeadLagArgs),
    /// Breadth inside a basket, day by day: the shares of members above their 20/60-day means, up
    /// and beating the basket over 20 sessions, the dispersion of those returns, and 60-day highs.
    Breadth(super::diffusion::DiffusionArgs),
    /// A basket's segments over the window: each one's sub-index return and its contribution to
    /// the basket's return (they add up to it).
    Segments(super::diffusion::DiffusionArgs),
    /// Manage the embedded demo default.
    Demo {
        /// Re-install the default baskets, watchlist and demo prices (imported prices are kept).
        #[arg(long, required_unless_present = "universe")]
        reset: bool,
        /// Instead: write a synthetic market of N symbols into a new, empty data dir (benchmarks).
        #[arg(long, hide = true, value_name = "N", conflicts_with = "reset")]
        universe: Option<usize>,
        /// With --universe: trading days per symbol.
        #[arg(
            long,
            hide = true,
            value_name = "D",
            requires = "universe",
            default_value_t = 5000
        )]
        days: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum BasketCommand {
    /// List every basket with its method and data coverage.
    List,
    /// Show a basket's member table: weights, returns, contributions, data status.
    Show {
        /// The basket id (its file name without .toml), e.g. na-chain.
        #[arg(value_parser = parse_basket_id)]
        id: BasketId,
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Create an empty basket (baskets/ID.toml).
    Create {
        /// The new basket's id: lower-case letters, digits, - and _ (e.g. optical).
        id: String,
        /// Its display name [default: the id].
        #[arg(long)]
        name: Option<String>,
        /// Index weighting: equal, cap or custom [default: equal].
        #[arg(long)]
        method: Option<String>,
        /// A line saying what the basket is.
        #[arg(long)]
        description: Option<String>,
    },
    /// Add a member; a symbol without cached prices may be added (it shows "no data").
    Add {
        /// The basket id, e.g. domestic-chain.
        id: String,
        /// The member's symbol, e.g. 688981.SH.
        symbol: String,
        /// Display name [default: the name another basket gives the symbol, else the name
        /// found in its imported price file, else the symbol].
        #[arg(long)]
        name: Option<String>,
        /// English name.
        #[arg(long = "name-en")]
        name_en: Option<String>,
        /// Segment, e.g. "Optical module".
        #[arg(long)]
        segment: Option<String>,
        /// Target weight for the custom method: a number >= 0.
        #[arg(long, allow_hyphen_values = true)]
        weight: Option<String>,
    },
    /// Remove a member.
    Remove {
        /// The basket id.
        id: String,
        /// The member's symbol.
        symbol: String,
    },
    /// Set a member's field (`set ID SYMBOL FIELD VALUE`) or a basket's (`set ID --name NAME`).
    ///
    /// Member fields: name, name_en, segment, weight ("" clears the weight).
    /// Basket fields: --name, --description or --method (one at a time).
    #[command(group(
        clap::ArgGroup::new("what")
            .required(true)
            .args(["member", "name", "description", "method"])
    ))]
    Set {
        /// The basket id.
        id: String,
        /// SYMBOL FIELD VALUE, e.g. 300308.SZ weight 2.5.
        #[arg(num_args = 3, value_names = ["SYMBOL", "FIELD", "VALUE"], allow_hyphen_values = true)]
        member: Option<Vec<String>>,
        /// The basket's display name.
        #[arg(long)]
        name: Option<String>,
        /// The basket's description.
        #[arg(long)]
        description: Option<String>,
        /// The basket's index weighting: equal, cap or custom.
        #[arg(long)]
        method: Option<String>,
    },
    /// Rename a basket's id (its file); the display name stays.
    Rename {
        /// The basket id.
        id: String,
        /// The new id.
        new_id: String,
    },
    /// Delete a basket and its file; needs --yes, since the file is your data.
    Delete {
        /// The basket id.
        id: String,
        /// Confirm the deletion.
        #[arg(long)]
        yes: bool,
    },
    /// Create or replace a basket from a constituent list (CSV or Excel): a `symbol` (or 代码)
    /// column, optional name, name_en, segment, weight (名称, 行业, 权重).
    ///
    /// A replaced basket keeps its name, description and method; --dry-run shows the
    /// difference (added, removed, changed) and writes nothing.
    Import {
        /// The basket id; a new id creates the basket.
        id: String,
        /// The constituent list.
        file: PathBuf,
        /// Show what would change; write nothing.
        #[arg(long = "dry-run")]
        dry_run: bool,
        /// The market of bare codes: hk reads 700 as 0700.HK.
        #[arg(long, value_parser = parse_market, value_name = "hk|cn")]
        market: Option<Market>,
    },
    /// Write a basket's constituent list as CSV (symbol,name,name_en,segment,weight): the table
    /// `basket import` reads.
    Export {
        /// The basket id.
        #[arg(value_parser = parse_basket_id)]
        id: BasketId,
        /// The output file (CSV).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Duplicate a basket (`copy ID NEW_ID`), or copy a member to another basket
    /// (`copy ID SYMBOL --to OTHER`, with --move to take it out of ID).
    Copy {
        /// The basket id.
        id: String,
        /// The new basket's id, or with --to the member's symbol.
        #[arg(value_name = "NEW_ID|SYMBOL")]
        target: String,
        /// Copy the member SYMBOL into this basket.
        #[arg(long, value_name = "OTHER")]
        to: Option<String>,
        /// With --to: move the member instead of copying it.
        #[arg(long = "move", requires = "to")]
        move_member: bool,
    },
}

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
}

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
    /// Breadth of every basket (or --basket): one row per basket and date.
    Breadth,
    /// Segments of every basket (or --basket): sub-index return, weight and contribution.
    Segments,
    /// Segment minus basket return per week (month for a window over 183 days): one row per cell.
    Rotation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Parquet,
}

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
    /// With --what members|breadth|segments|rotation: only this basket.
    #[arg(long, value_parser = parse_basket_id)]
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

/// What an event study (and beta) is measured against: `events`, `export`,
/// `plot --what events`, `note`.
#[derive(Debug, Clone, Default, Args)]
pub struct StudyArgs {
    /// The benchmark basket whose return is taken out [default: hstech].
    #[arg(long, value_parser = parse_basket_id, value_name = "ID")]
    pub benchmark: Option<BasketId>,
    /// adjusted: AR = R - R_bench; market: AR = R - (alpha + beta R_bench), fitted over tau -120..-11 [default: adjusted].
    #[arg(long, value_parser = parse_model)]
    pub model: Option<Model>,
}

impl StudyArgs {
    /// The settings, defaults where not given.
    pub fn request(&self) -> CatalystRequest {
        let mut request = CatalystRequest::default();
        if let Some(benchmark) = &self.benchmark {
            request.benchmark = benchmark.clone();
        }
        request.model = self.model.unwrap_or_default();
        request
    }
}

/// `spillover events`: which reports, against what.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only the event numbered N in `spillover watchlist list`.
    #[arg(long, value_name = "N", conflicts_with_all = ["symbol", "month"])]
    pub event: Option<usize>,
    /// Only the reports of this company, e.g. 9988.HK.
    #[arg(long, value_parser = parse_symbol, conflicts_with = "month")]
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

/// `spillover leadlag`: how many lags.
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

/// The options shared by report, export, basket show (and the workstation's `:` commands).
#[derive(Debug, Clone, Default, Args)]
pub struct AnalysisArgs {
    /// The window as START..END, e.g. 2024-06-01..2025-05-07.
    #[arg(long, value_parser = parse_window, conflicts_with = "range")]
    pub window: Option<Window>,
    /// A preset window counting back from the as-of date: 1m 3m 6m ytd 1y 3y all [default: 1y].
    #[arg(long, value_parser = parse_range)]
    pub range: Option<RangePreset>,
    /// Replay the data as of this date (YYYY-MM-DD): nothing after it is used. Default: the last date in the data.
    #[arg(long = "as-of", value_parser = parse_date_arg, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Index weighting for every multi-member basket: equal, cap or custom [default: each basket's own].
    #[arg(long, value_parser = parse_method)]
    pub method: Option<Method>,
    /// Scale every index to 1000 on this date (default: the window's first date).
    #[arg(long, value_parser = parse_date_arg, value_name = "DATE")]
    pub base: Option<NaiveDate>,
    /// The scatter's baskets A B C: x = A/B, y = A/C [default: na-chain domestic-chain alibaba].
    #[arg(long, num_args = 3, value_names = ["A", "B", "C"], value_parser = parse_basket_id)]
    pub pair: Option<Vec<BasketId>>,
    /// Trailing window of the rolling correlation, in daily changes [default: 60].
    #[arg(long, value_name = "W", value_parser = clap::value_parser!(u16).range(3..))]
    pub roll: Option<u16>,
}

impl AnalysisArgs {
    pub fn request(&self) -> Request {
        let mut request = Request::default();
        if let Some(window) = self.window {
            request.range = WindowChoice::Explicit(window);
        } else if let Some(preset) = self.range {
            request.range = WindowChoice::Preset(preset);
        }
        request.as_of = self.as_of;
        request.method = self.method;
        request.base = self.base;
        if let Some([a, b, c]) = self.pair.as_deref() {
            request.pair = [a.clone(), b.clone(), c.clone()];
        }
        if let Some(roll) = self.roll {
            request.roll = usize::from(roll);
        }
        request
    }
}

fn parse_window(text: &str) -> Result<Window, String> {
    text.parse()
}

fn parse_range(text: &str) -> Result<RangePreset, String> {
    text.parse()
}

fn parse_date_arg(text: &str) -> Result<NaiveDate, String> {
    parse_date(text)
}

fn parse_method(text: &str) -> Result<Method, String> {
    text.parse()
}

fn parse_basket_id(text: &str) -> Result<BasketId, String> {
    BasketId::parse(text)
}

fn parse_model(text: &str) -> Result<Model, String> {
    text.parse()
}

/// `2025-05` as (year, month).
fn parse_month(text: &str) -> Result<(i32, u32), String> {
    let wrong = || format!("{text:?} is not a month; write YYYY-MM, e.g. 2025-05");
    let (year, month) = text.trim().split_once('-').ok_or_else(wrong)?;
    let year: i32 = year.parse().map_err(|_| wrong())?;
    let month: u32 = month.parse().map_err(|_| wrong())?;
    if !(1..=12).contains(&month) || !(1900..=2999).contains(&year) {
        return Err(wrong());
    }
    Ok((year, month))
}

fn parse_source(text: &str) -> Result<Source, String> {
    Source::parse(text)
}

fn parse_market(text: &str) -> Result<Market, String> {
    text.parse()
}

fn parse_symbol(text: &str) -> Result<Symbol, String> {
    Symbol::parse(text).map_err(|e| e.to_string())
}
