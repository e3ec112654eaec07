//! The table of `:` commands: each one's name, usage and what it does.
//! The completion list, the help screen and the README read it.

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
        name: "segments",
        usage: ":segments",
        help: "chart the shown basket's segments (toggle)",
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
        name: "plan",
        usage: ":plan 2026-05",
        help: "propose the season's reports: a year earlier + 52 weeks, est. (u undoes)",
    },
    CommandHelp {
        name: "demo",
        usage: ":demo remove",
        help: "delete the demo price files (baskets, watchlist, real prices stay)",
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

pub(super) fn command_names() -> String {
    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    names.join(", ")
}
