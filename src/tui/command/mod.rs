//! The `:` command line: what has no key. Parsing refuses anything unclear
//! with a message that says what to type instead.

use std::path::Path;

use chrono::NaiveDate;

use crate::compute::Model;
use crate::domain::{BasketId, Method, RangePreset, Window, parse_date};
use crate::store::import::{Market, Source};

mod basket;
mod complete;
mod season;
mod table;
#[cfg(test)]
mod tests;

pub use basket::{BasketCommand, BasketCommandError};
pub use complete::complete;
use table::command_names;
pub use table::{COMMANDS, CommandHelp, SUBCOMMANDS};

/// One parsed command.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `:window 2024-06-01..2025-05-07`
    Window(Window),
    /// `:range 6m`
    Range(RangePreset),
    /// `:asof 2025-05-07`, `:asof latest` (`None`)
    AsOf(Option<NaiveDate>),
    /// `:method cap`, `:method file` (`None`: each basket's own method)
    Method(Option<Method>),
    /// `:base 2025-01-02`, `:base off`
    Base(Option<NaiveDate>),
    /// `:pair na-chain domestic-chain hstech`
    Pair([BasketId; 3]),
    /// `:roll 60`
    Roll(usize),
    /// `:segments`: the chart draws the shown basket's segment sub-indices,
    /// or the basket indices again
    Segments,
    /// `:basket new ID NAME`, `:basket dup NEW_ID`, `:basket rename NEW_ID`,
    /// `:basket delete` …
    Basket(BasketCommand),
    /// `:benchmark hk-internet`: the basket the event study and beta are
    /// measured against
    Benchmark(BasketId),
    /// `:model market`: the event study's abnormal-return model
    Model(Model),
    /// `:beta 120`: returns per rolling beta
    Beta(usize),
    /// `:lags 10 5`: the lead-lag's ccf lags each side of 0, and (if
    /// given) the lags of each Granger regression
    Lags(usize, Option<usize>),
    /// `:fetch`, `:fetch na-chain` (`None`: every basket)
    Fetch(Option<BasketId>),
    /// `:export /tmp/chart.svg`: the focused pane's figure to this file
    Export(std::path::PathBuf),
    /// `:import ~/Downloads/wind.xlsx 0700.csv=0700.HK --market hk`: price
    /// files or folders into the cache, all or nothing
    Import {
        sources: Vec<Source>,
        market: Market,
    },
    /// `:plan 2026-05`: the season's reports proposed from a year earlier
    Plan(crate::domain::Season),
    /// `:demo remove`: the demo price files deleted
    DemoRemove,
    /// `:help`
    Help,
    /// `:quit`, `:q`
    Quit,
}

/// Why a command line was refused; each says what to type instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CommandError {
    #[error("empty command; type :help for the list")]
    Empty,
    #[error(
        "a {0} opens a quoted word that is not closed; close it, e.g. :import \"~/My files/prices.csv\""
    )]
    UnclosedQuote(char),
    /// The command takes exactly one argument, described.
    #[error("{name} takes one argument: {what}")]
    OneArgument { name: String, what: &'static str },
    /// A date, window, preset or method the domain refuses, with its reason.
    #[error("{0}")]
    Value(String),
    #[error("pair takes three basket ids A B C (x = A/B, y = A/C)")]
    PairNeedsThree,
    #[error("the scatter needs three different baskets (x = A/B, y = A/C), got {0} {1} {2}")]
    PairNotDistinct(BasketId, BasketId, BasketId),
    #[error("roll {0:?}: give a whole number of changes of at least 3, e.g. 60")]
    BadRoll(String),
    #[error("beta {0:?}: give a whole number of returns of at least {MIN_BETA_WINDOW}, e.g. 60")]
    BadBetaWindow(String),
    #[error(
        "lags {0}: give the ccf lags (1 to 60) and, if you like, the Granger lags (1 to 20), e.g. :lags 10 5"
    )]
    BadLags(String),
    #[error("fetch takes at most one basket id, e.g. :fetch na-chain")]
    FetchTakesOneBasket,
    #[error("export {0:?}: name the file FILE.svg or FILE.png, e.g. :export /tmp/chart.svg")]
    BadExportFile(String),
    #[error("import what? name price files or folders, e.g. :import ~/Downloads/300308.csv")]
    ImportNeedsFiles,
    #[error("plan {0:?}: name the season as YYYY-MM, e.g. :plan 2026-05")]
    BadSeason(String),
    #[error("demo: the workstation only removes the demo prices: type :demo remove")]
    DemoRemoveOnly,
    /// An id that is not one of the baskets; `known` lists them.
    #[error("there is no basket {typed:?}; the baskets are: {known}")]
    NoSuchBasket { typed: String, known: String },
    #[error("unknown command {0:?}; the commands are: {names}", names = command_names())]
    Unknown(String),
    /// A `:basket` command refused: the command line stays open with it.
    #[error(transparent)]
    Basket(#[from] BasketCommandError),
}

impl From<String> for CommandError {
    fn from(reason: String) -> CommandError {
        CommandError::Value(reason)
    }
}

/// The words of a command line: split at spaces, except inside '…' or
/// "…" (`:import "~/Downloads/Wind export.xlsx"`). A backslash is an
/// ordinary character, so a Windows path needs no doubling.
pub fn words(line: &str) -> Result<Vec<String>, CommandError> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_default().push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_default();
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_default().push(c),
        }
    }
    if let Some(q) = quote {
        return Err(CommandError::UnclosedQuote(q));
    }
    words.extend(word);
    Ok(words)
}

/// Parses a command line (without the `:`); `baskets` are the known ids,
/// `home` what `~/` stands for (given, never looked up here).
pub fn parse(
    line: &str,
    baskets: &[BasketId],
    home: Option<&Path>,
) -> Result<Command, CommandError> {
    let all = words(line)?;
    let Some((name, rest)) = all.split_first() else {
        return Err(CommandError::Empty);
    };
    let name = name.as_str();
    let args: Vec<&str> = rest.iter().map(String::as_str).collect();
    let one = |what: &'static str| -> Result<&str, CommandError> {
        match args.as_slice() {
            [arg] => Ok(*arg),
            _ => Err(CommandError::OneArgument {
                name: name.to_string(),
                what,
            }),
        }
    };
    match name {
        "window" | "w" => Ok(Command::Window(
            one("START..END, e.g. 2024-06-01..2025-05-07")?.parse()?,
        )),
        "range" | "r" => Ok(Command::Range(
            one("1m, 3m, 6m, ytd, 1y, 3y or all")?.parse()?,
        )),
        "asof" | "as-of" => match one("a date YYYY-MM-DD or latest")? {
            "latest" | "last" | "now" => Ok(Command::AsOf(None)),
            date => Ok(Command::AsOf(Some(parse_date(date)?))),
        },
        "method" | "m" => match one("equal, cap, custom or file")? {
            "file" | "default" | "off" => Ok(Command::Method(None)),
            method => Ok(Command::Method(Some(method.parse()?))),
        },
        "base" => match one("a date YYYY-MM-DD or off")? {
            "off" | "none" => Ok(Command::Base(None)),
            date => Ok(Command::Base(Some(parse_date(date)?))),
        },
        "pair" => pair(&args, baskets),
        "roll" => roll(one("a number of changes, e.g. 60")?),
        "segments" | "seg" if args.is_empty() => Ok(Command::Segments),
        "benchmark" | "bench" => Ok(Command::Benchmark(known_basket(
            one("a basket id, e.g. hstech")?,
            baskets,
        )?)),
        "model" => Ok(Command::Model(one("adjusted or market")?.parse()?)),
        "beta" => beta(one("a number of returns, e.g. 60")?),
        "lags" => lags(&args),
        "basket" | "b" => Ok(Command::Basket(BasketCommand::parse(&args)?)),
        "fetch" => match args.as_slice() {
            [] => Ok(Command::Fetch(None)),
            [id] => Ok(Command::Fetch(Some(known_basket(id, baskets)?))),
            _ => Err(CommandError::FetchTakesOneBasket),
        },
        "export" => export(one("a file FILE.svg or FILE.png")?),
        "import" => import(&args, home),
        "plan" => {
            let text = one("a season YYYY-MM, e.g. 2026-05")?;
            let season = season::parse(text).ok_or_else(|| CommandError::BadSeason(text.into()));
            Ok(Command::Plan(season?))
        }
        "demo" => match args.as_slice() {
            ["remove"] => Ok(Command::DemoRemove),
            _ => Err(CommandError::DemoRemoveOnly),
        },
        "help" | "h" | "?" if args.is_empty() => Ok(Command::Help),
        "quit" | "q" if args.is_empty() => Ok(Command::Quit),
        other => Err(CommandError::Unknown(other.to_string())),
    }
}

/// `:pair A B C`: three different known baskets.
fn pair(args: &[&str], baskets: &[BasketId]) -> Result<Command, CommandError> {
    let [a, b, c] = args else {
        return Err(CommandError::PairNeedsThree);
    };
    let known = |text: &str| known_basket(text, baskets);
    let [a, b, c] = [known(a)?, known(b)?, known(c)?];
    if a == b || a == c || b == c {
        return Err(CommandError::PairNotDistinct(a, b, c));
    }
    Ok(Command::Pair([a, b, c]))
}

/// `:roll N`: at least 3 changes per correlation.
fn roll(text: &str) -> Result<Command, CommandError> {
    match text.parse::<usize>() {
        Ok(w) if w >= 3 => Ok(Command::Roll(w)),
        _ => Err(CommandError::BadRoll(text.to_string())),
    }
}

/// The fewest returns a rolling beta may use.
pub const MIN_BETA_WINDOW: usize = 10;

/// `:beta N`: at least [`MIN_BETA_WINDOW`] returns per beta.
fn beta(text: &str) -> Result<Command, CommandError> {
    match text.parse::<usize>() {
        Ok(w) if w >= MIN_BETA_WINDOW => Ok(Command::Beta(w)),
        _ => Err(CommandError::BadBetaWindow(text.to_string())),
    }
}

/// `:lags K [P]`: K in 1..=60, P in 1..=20 (as `spillover leadlag`).
fn lags(args: &[&str]) -> Result<Command, CommandError> {
    let within = |text: &str, most: usize| {
        text.parse::<usize>()
            .ok()
            .filter(|n| (1..=most).contains(n))
    };
    let bad = || CommandError::BadLags(args.join(" "));
    match args {
        [k] => Ok(Command::Lags(within(k, 60).ok_or_else(bad)?, None)),
        [k, p] => Ok(Command::Lags(
            within(k, 60).ok_or_else(bad)?,
            Some(within(p, 20).ok_or_else(bad)?),
        )),
        _ => Err(bad()),
    }
}

/// `:export FILE`: a file whose extension names a figure format.
fn export(file: &str) -> Result<Command, CommandError> {
    let path = std::path::PathBuf::from(file);
    match crate::figure::Format::of_path(&path) {
        Some(_) => Ok(Command::Export(path)),
        None => Err(CommandError::BadExportFile(file.to_string())),
    }
}

/// `:import FILE… [--market hk]`: `~/` is the home directory; `FILE=SYMBOL`
/// names a per-symbol file's symbol.
fn import(args: &[&str], home: Option<&Path>) -> Result<Command, CommandError> {
    let mut market = Market::default();
    let mut sources = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.strip_prefix("--market") {
            Some("") => {
                let value = words.next().ok_or(CommandError::OneArgument {
                    name: "--market".into(),
                    what: "hk or cn",
                })?;
                market = value.parse()?;
            }
            Some(value) if value.starts_with('=') => market = value[1..].parse()?,
            _ => sources.push(Source::parse(&home_expanded(word, home))?),
        }
    }
    if sources.is_empty() {
        return Err(CommandError::ImportNeedsFiles);
    }
    Ok(Command::Import { sources, market })
}

/// `~/x` as `home`'s `x`, as a shell would.
fn home_expanded(word: &str, home: Option<&Path>) -> String {
    match (word.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest).to_string_lossy().into_owned(),
        _ => word.to_string(),
    }
}

/// `text` as the id of one of `baskets`, or why not.
fn known_basket(text: &str, baskets: &[BasketId]) -> Result<BasketId, CommandError> {
    let id = BasketId::parse(text)?;
    if baskets.contains(&id) {
        Ok(id)
    } else {
        let all: Vec<&str> = baskets.iter().map(BasketId::as_str).collect();
        Err(CommandError::NoSuchBasket {
            typed: text.to_string(),
            known: all.join(", "),
        })
    }
}
