//! The `:` command line: what has no key. Parsing refuses anything unclear
//! with a message that says what to type instead.

use std::path::Path;

use chrono::NaiveDate;

use crate::compute::Model;
use crate::domain::{BasketId, Method, RangePreset, Window, parse_date};
use crate::store::import::{Market, Source};

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
    /// `:basket new ID NAME`, `:basket dup NEW_ID`, `:basket rename NEW_ID`,
    /// `:basket delete` … (the words after `basket`)
    Basket(Vec<String>),
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
    /// `:help`
    Help,
    /// `:quit`, `:q`
    Quit,
}

/// A command's name, arguments and what it does: the completion list and
/// the help screen read this table.
pub struct CommandHelp {
    pub name: &'static str,
    pub usage: &'static str,
    pub help: &'static str,
}

pub static COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        name: "window",
        usage: ":window 2024-06-01..2025-05-07",
        help: "show exactly these dates",
    },
    CommandHelp {
        name: "range",
        usage: ":range 6m",
        help: "a preset: 1m 3m 6m ytd 1y 3y all",
    },
    CommandHelp {
        name: "asof",
        usage: ":asof 2025-05-07 | latest",
        help: "replay the data as of a date",
    },
    CommandHelp {
        name: "method",
        usage: ":method equal|cap|custom|file",
        help: "index method of multi-member baskets",
    },
    CommandHelp {
        name: "base",
        usage: ":base 2025-01-02 | off",
        help: "every index reads 1000 on that date",
    },
    CommandHelp {
        name: "pair",
        usage: ":pair na-chain domestic-chain hstech",
        help: "scatter x = A/B, y = A/C",
    },
    CommandHelp {
        name: "roll",
        usage: ":roll 60",
        help: "changes per rolling correlation",
    },
    CommandHelp {
        name: "benchmark",
        usage: ":benchmark hstech",
        help: "event study and beta against this basket",
    },
    CommandHelp {
        name: "model",
        usage: ":model adjusted|market",
        help: "AR: minus the benchmark, or a market model",
    },
    CommandHelp {
        name: "beta",
        usage: ":beta 60",
        help: "returns per rolling beta (at least 10)",
    },
    CommandHelp {
        name: "lags",
        usage: ":lags 10 [5]",
        help: "lead-lag: ccf lags each side (1-60), Granger lags (1-20)",
    },
    CommandHelp {
        name: "basket",
        usage: ":basket new ID NAME | dup NEW_ID | rename NEW_ID | delete",
        help: "create, or copy/rename/delete the shown basket; also name NAME, method M",
    },
    CommandHelp {
        name: "fetch",
        usage: ":fetch [ID]",
        help: "fetch prices from the web: every basket member, or one basket's (as F)",
    },
    CommandHelp {
        name: "import",
        usage: ":import FILE|DIR… [--market hk]",
        help: "price files into the cache, all or nothing (FILE=SYMBOL names one)",
    },
    CommandHelp {
        name: "export",
        usage: ":export FILE.svg | FILE.png",
        help: "write the focused pane's view as a figure to FILE (x: both, under exports/)",
    },
    CommandHelp {
        name: "help",
        usage: ":help",
        help: "open this help",
    },
    CommandHelp {
        name: "quit",
        usage: ":quit",
        help: "leave the workstation",
    },
];

/// The `:basket` subcommands, for completion and the help screen.
pub const SUBCOMMANDS: [&str; 6] = ["new", "dup", "rename", "delete", "name", "method"];

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
    /// An id that is not one of the baskets; `known` lists them.
    #[error("there is no basket {typed:?}; the baskets are: {known}")]
    NoSuchBasket { typed: String, known: String },
    #[error("unknown command {0:?}; the commands are: {names}", names = command_names())]
    Unknown(String),
}

impl From<String> for CommandError {
    fn from(reason: String) -> CommandError {
        CommandError::Value(reason)
    }
}

fn command_names() -> String {
    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    names.join(", ")
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
        "benchmark" | "bench" => Ok(Command::Benchmark(known_basket(
            one("a basket id, e.g. hstech")?,
            baskets,
        )?)),
        "model" => Ok(Command::Model(one("adjusted or market")?.parse()?)),
        "beta" => beta(one("a number of returns, e.g. 60")?),
        "lags" => lags(&args),
        "basket" | "b" => Ok(Command::Basket(
            args.iter().map(|a| a.to_string()).collect(),
        )),
        "fetch" => match args.as_slice() {
            [] => Ok(Command::Fetch(None)),
            [id] => Ok(Command::Fetch(Some(known_basket(id, baskets)?))),
            _ => Err(CommandError::FetchTakesOneBasket),
        },
        "export" => export(one("a file FILE.svg or FILE.png")?),
        "import" => import(&args, home),
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

/// Completes the last word of `line`: a command name first, then basket
/// ids (for `:pair`), method names or range presets. Returns the new line;
/// with several candidates, completes their common prefix.
pub fn complete(line: &str, baskets: &[BasketId]) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let typing_new_word = line.is_empty() || line.ends_with(' ');
    let (done, partial): (&[&str], &str) = match words.split_last() {
        Some((last, rest)) if !typing_new_word => (rest, last),
        _ => (words.as_slice(), ""),
    };
    let candidates: Vec<String> = match done.first() {
        None => COMMANDS.iter().map(|c| c.name.to_string()).collect(),
        Some(&"pair") => baskets.iter().map(|b| b.to_string()).collect(),
        Some(&"fetch") if done.len() == 1 => baskets.iter().map(|b| b.to_string()).collect(),
        Some(&"method") => ["equal", "cap", "custom", "file"]
            .map(String::from)
            .to_vec(),
        Some(&"range") => RangePreset::ALL
            .iter()
            .map(|p| p.label().to_lowercase())
            .collect(),
        Some(&"asof") => vec!["latest".to_string()],
        Some(&"basket") if done.len() == 1 => SUBCOMMANDS.map(String::from).to_vec(),
        Some(&"basket") if done.get(1) == Some(&"method") => {
            ["equal", "cap", "custom"].map(String::from).to_vec()
        }
        Some(&"base") => vec!["off".to_string()],
        Some(&"benchmark") => baskets.iter().map(|b| b.to_string()).collect(),
        Some(&"model") => ["adjusted", "market"].map(String::from).to_vec(),
        Some(_) => Vec::new(),
    };
    let matching: Vec<&String> = candidates
        .iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    let Some(first) = matching.first() else {
        return line.to_string();
    };
    let common = matching.iter().fold(first.to_string(), |prefix, c| {
        prefix
            .chars()
            .zip(c.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    });
    let mut out: Vec<String> = done.iter().map(|w| w.to_string()).collect();
    out.push(common.clone());
    let mut text = out.join(" ");
    if matching.len() == 1 {
        text.push(' ');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<BasketId> {
        ["na-chain", "domestic-chain", "hstech"]
            .iter()
            .map(|s| BasketId::parse(s).unwrap())
            .collect()
    }

    #[test]
    fn commands_parse_and_refuse_with_a_reason() {
        assert_eq!(
            parse("method file", &ids(), None),
            Ok(Command::Method(None))
        );
        assert_eq!(
            parse("range 6m", &ids(), None),
            Ok(Command::Range(RangePreset::M6))
        );
        assert_eq!(parse("roll 60", &ids(), None), Ok(Command::Roll(60)));
        assert_eq!(
            parse("roll 2", &ids(), None),
            Err(CommandError::BadRoll("2".into()))
        );
        assert!(
            parse("roll 2", &ids(), None)
                .unwrap_err()
                .to_string()
                .contains("at least 3")
        );
        assert!(
            parse("pair a b", &ids(), None)
                .unwrap_err()
                .to_string()
                .contains("three basket ids")
        );
        assert_eq!(
            parse("benchmark hstech", &ids(), None),
            Ok(Command::Benchmark(BasketId::parse("hstech").unwrap()))
        );
        assert!(matches!(
            parse("benchmark nope", &ids(), None),
            Err(CommandError::NoSuchBasket { .. })
        ));
        assert_eq!(
            parse("model market", &ids(), None),
            Ok(Command::Model(Model::Market))
        );
        assert!(
            parse("model ols", &ids(), None)
                .unwrap_err()
                .to_string()
                .contains("use adjusted or market")
        );
        assert_eq!(parse("beta 120", &ids(), None), Ok(Command::Beta(120)));
        assert_eq!(parse("lags 5", &ids(), None), Ok(Command::Lags(5, None)));
        assert_eq!(
            parse("lags 20 8", &ids(), None),
            Ok(Command::Lags(20, Some(8)))
        );
        for bad in ["lags", "lags 0", "lags 61", "lags 10 21", "lags x"] {
            assert!(
                matches!(parse(bad, &ids(), None), Err(CommandError::BadLags(_))),
                "{bad}"
            );
        }
        assert_eq!(
            parse("beta 5", &ids(), None),
            Err(CommandError::BadBetaWindow("5".into()))
        );
        assert_eq!(
            parse("import a.csv b.xlsx=0700.HK --market hk", &ids(), None),
            Ok(Command::Import {
                sources: vec![
                    Source::parse("a.csv").unwrap(),
                    Source::parse("b.xlsx=0700.HK").unwrap()
                ],
                market: Market::Hk,
            })
        );
        assert_eq!(
            parse("import", &ids(), None),
            Err(CommandError::ImportNeedsFiles)
        );
        assert!(
            parse("import a.csv --market mars", &ids(), None)
                .unwrap_err()
                .to_string()
                .contains("unknown market")
        );
        assert_eq!(parse("fetch", &ids(), None), Ok(Command::Fetch(None)));
        // Quotes keep spaces in a word; a backslash is just a character.
        assert_eq!(
            words(r#"import "~/My files/a.csv" 'b c.xlsx' C:\data\d.csv"#),
            Ok(vec![
                "import".to_string(),
                "~/My files/a.csv".into(),
                "b c.xlsx".into(),
                r"C:\data\d.csv".into()
            ])
        );
        assert_eq!(
            words(r#"export "x.svg"#),
            Err(CommandError::UnclosedQuote('"'))
        );
        assert_eq!(
            parse(r#"export "/tmp/my chart.svg""#, &ids(), None),
            Ok(Command::Export("/tmp/my chart.svg".into()))
        );
        assert_eq!(
            parse("fetch hstech", &ids(), None),
            Ok(Command::Fetch(Some(BasketId::parse("hstech").unwrap())))
        );
        assert!(
            parse("fetch nope", &ids(), None)
                .unwrap_err()
                .to_string()
                .contains("the baskets are: na-chain")
        );
        assert!(
            parse("nope", &ids(), None)
                .unwrap_err()
                .to_string()
                .contains("the commands are: window")
        );
    }

    #[test]
    fn completion_extends_to_the_common_prefix() {
        assert_eq!(complete("", &ids()), "");
        assert_eq!(complete("r", &ids()), "r");
        assert_eq!(complete("ro", &ids()), "roll ");
        assert_eq!(
            complete("pair na-chain d", &ids()),
            "pair na-chain domestic-chain "
        );
        assert_eq!(complete("method c", &ids()), "method c");
        assert_eq!(complete("method cu", &ids()), "method custom ");
    }
}
