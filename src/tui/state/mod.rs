//! The plain data the workstation's state is made of: the panes, the
//! message line, the chart's settings, a job under way, the edit session,
//! what a session opened on. The state itself, `AppState`, lives in the
//! `update` module tree (`update/app`), the only code that may change it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::config::Config;
use super::jobs::JobKind;
use super::outcome::JobId;
use crate::domain::edit::History;
use crate::domain::{Basket, BasketId, Symbol};

pub use super::overlay::Mode;

mod diffusion;
pub use diffusion::{BasketDiffusion, BasketView};

/// The four panes, in focus order (digits 1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Baskets,
    Chart,
    Scatter,
    Watchlist,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Baskets, Pane::Chart, Pane::Scatter, Pane::Watchlist];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Baskets => "Baskets",
            Pane::Chart => "Index chart",
            Pane::Scatter => "Ratio scatter",
            Pane::Watchlist => "Earnings watchlist",
        }
    }

    fn position(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.position() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.position() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// The line under the status bar: the outcome of the last command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Where the prices came from, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataSource {
    /// The data dir, as the user would type it.
    pub label: String,
    /// Any series is synthetic demo data.
    pub demo: bool,
}

/// What the analyst has set on the chart (the app state owns it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartView {
    /// Plot ln(value), labels still in real values.
    pub log_scale: bool,
    /// Labels of hidden series: basket ids or ratio labels.
    pub hidden: BTreeSet<String>,
    /// The date whose values the legends read out.
    pub cursor: Option<NaiveDate>,
    /// Earnings events on the date axis: date and a short label ("BABA").
    pub markers: Vec<(NaiveDate, String)>,
}

/// Work under way off the UI thread, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// The id the worker's answers carry.
    pub id: JobId,
    /// What it is, as the status bar says it ("loading 9 symbols").
    pub label: String,
    /// The symbols it loads prices for (none are asked for twice).
    pub symbols: Vec<Symbol>,
    pub done: usize,
    pub total: usize,
    pub kind: JobKind,
    /// What it is doing now, when it says ("fetching 3/99 0700.HK"):
    /// shown instead of the label and count.
    pub now: Option<String>,
}

/// The editing part of the workstation's state.
#[derive(Debug, Clone, Default)]
pub struct EditSession {
    pub history: History,
    /// The history as it was before the edit being saved: a failed save
    /// puts it back, with the library, so nothing is half-applied.
    pub rollback: Option<History>,
    /// Symbols with a price file (completion candidates beyond the baskets).
    pub cached: Vec<Symbol>,
    /// Files changed outside that the user chose to leave alone: not asked
    /// about again while idle (a save touching them still asks).
    pub dismissed: Vec<PathBuf>,
}

/// What a session opened on before its prices arrived: said on the
/// message line, and the config's settings applied, once they have.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    /// Files that could not be read (the prices' own problems come with them).
    pub problems: Vec<String>,
    pub installed_default: bool,
    /// The data dir has the demo set's marker: the status bar says DEMO
    /// while its prices load (then the prices themselves say).
    pub demo_marker: bool,
    pub config: Config,
    /// Why config.toml could not be used (the defaults are).
    pub config_error: Option<String>,
    /// What `~/` stands for in a `:` command (the user's home directory).
    pub home: Option<PathBuf>,
}

/// The research note's pair when its baskets exist, else the first three
/// baskets (repeating when there are fewer).
pub(crate) fn default_pair(baskets: &[Basket], wanted: [BasketId; 3]) -> [BasketId; 3] {
    let known = |id: &BasketId| baskets.iter().any(|b| &b.id == id);
    if wanted.iter().all(known) || baskets.is_empty() {
        return wanted;
    }
    let id = |i: usize| baskets[i.min(baskets.len() - 1)].id.clone();
    [id(0), id(1), id(2)]
}

/// A marker label for the date axis: the company's first word ("Alibaba").
pub(crate) fn short_label(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or(name)
        .chars()
        .take(8)
        .collect()
}
