//! What is on screen: the inputs of the analysis, the analysis itself, the
//! selections, the open input, the message line. Changed only by
//! [`update`](super::update::update).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::edit::EditSession;
use super::panes::chart::ChartView;
use super::sort::Sort;
use crate::compute::{Analysis, Request, WindowChoice, analyse};
use crate::domain::PriceBook;
use crate::domain::{Basket, BasketId, RangePreset, Watchlist};
use crate::store::{Workspace, demo::DEMO_AS_OF};

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

/// What the keys currently do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Keys act on the focused pane.
    Normal,
    /// Typing the member-table filter.
    Filter,
    /// Typing a `:` command.
    Command,
    /// The help screen is open.
    Help,
    /// The detail view of an earnings event is open.
    Detail,
    /// A form is open, a one-line field focused (add member, edit cell…).
    Form,
    /// A form is open, a multi-line field focused (watch, outcome…).
    Text,
    /// A file changed outside spillover: reload theirs or keep mine?
    Conflict,
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

/// Everything the workstation shows and remembers.
#[derive(Debug, Clone)]
pub struct AppState {
    pub baskets: Vec<Basket>,
    pub book: PriceBook,
    /// Sorted by date.
    pub watchlist: Watchlist,
    pub source: DataSource,
    /// Every date on which any series has a row, sorted: the steps of
    /// as-of time travel.
    pub data_dates: Vec<NaiveDate>,
    /// The inputs of the analysis; `as_of` is always set.
    pub request: Request,
    /// Recomputed only when the request changes; `None` when nothing can be
    /// computed (e.g. an empty cache).
    pub analysis: Option<Analysis>,
    pub focus: Pane,
    /// The focused pane fills the screen.
    pub maximised: bool,
    pub mode: Mode,
    /// The basket whose member table is shown.
    pub basket_tab: usize,
    pub sort: Sort,
    pub filter: String,
    /// Selected row of the (filtered, sorted) member table.
    pub member_row: usize,
    pub chart: ChartView,
    /// The legend entry that Space shows or hides.
    pub series_selected: usize,
    /// Selected earnings event (index into the sorted watchlist).
    pub event_row: usize,
    pub help_scroll: u16,
    /// The text typed after `:`.
    pub command: String,
    pub message: Option<Message>,
    /// Forms, the conflict prompt, undo history.
    pub edit: EditSession,
}

impl AppState {
    /// The state a session opens with: the demo at the research note's date,
    /// real data at its latest date; the 1Y range.
    pub fn new(
        baskets: Vec<Basket>,
        book: PriceBook,
        mut watchlist: Watchlist,
        source_label: String,
    ) -> AppState {
        watchlist.sort();
        let data_dates: Vec<NaiveDate> = book
            .series
            .values()
            .flat_map(|s| s.dates.iter().copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let latest = data_dates.last().copied();
        let demo = book.has_demo();
        let as_of = match latest {
            Some(last) if demo && last >= DEMO_AS_OF => Some(DEMO_AS_OF),
            other => other,
        };
        let mut request = Request {
            as_of,
            ..Request::default()
        };
        request.pair = default_pair(&baskets, request.pair.clone());
        let mut state = AppState {
            baskets,
            book,
            watchlist,
            source: DataSource {
                label: source_label,
                demo,
            },
            data_dates,
            request: request.clone(),
            analysis: None,
            focus: Pane::Baskets,
            maximised: false,
            mode: Mode::Normal,
            basket_tab: 0,
            sort: Sort::default(),
            filter: String::new(),
            member_row: 0,
            chart: ChartView::default(),
            series_selected: 0,
            event_row: 0,
            help_scroll: 0,
            command: String::new(),
            message: None,
            edit: EditSession::default(),
        };
        if let Err(error) = state.set_request(request) {
            state.message = Some(Message {
                text: error,
                error: true,
            });
        }
        state.event_row = state.first_upcoming_event();
        state
    }

    /// The state of an opened workspace.
    pub fn from_workspace(ws: Workspace) -> AppState {
        let label = ws.store.layout().root().display().to_string();
        let mut state = AppState::new(ws.baskets, ws.book, ws.watchlist, label);
        if let Some(problem) = ws.problems.first() {
            let more = match ws.problems.len() {
                1 => String::new(),
                n => format!(" (and {} more: `spillover check` lists them all)", n - 1),
            };
            state.message = Some(Message {
                text: format!("warning: {problem}{more}"),
                error: true,
            });
        } else if ws.installed_default {
            state.message = Some(Message {
                text: "installed the embedded default: the research note's baskets, the May watchlist, DEMO prices".into(),
                error: false,
            });
        }
        state
    }

    /// The latest date of the data (the as-of date of "no replay").
    pub fn latest(&self) -> Option<NaiveDate> {
        self.data_dates.last().copied()
    }

    /// The as-of date in force.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.analysis
            .as_ref()
            .map(|a| a.as_of)
            .or(self.request.as_of)
    }

    /// True when the as-of date is before the last data date.
    pub fn is_replay(&self) -> bool {
        matches!((self.as_of(), self.latest()), (Some(a), Some(l)) if a < l)
    }

    /// Applies new inputs: recomputes the analysis, or refuses and keeps
    /// everything as it was, returning the reason.
    pub fn set_request(&mut self, request: Request) -> Result<(), String> {
        let analysis = analyse(&self.baskets, &self.book, &request).map_err(|e| e.to_string())?;
        if let Some(problem) = &analysis.pair_problem {
            self.set_message(format!("no ratios or scatter: {problem}"), true);
        }
        self.request = request;
        self.analysis = Some(analysis);
        self.after_recompute();
        Ok(())
    }

    /// Keeps selections and the cursor valid for a new analysis.
    fn after_recompute(&mut self) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let window = analysis.window;
        if self.chart.cursor.is_some_and(|c| !window.contains(c)) {
            self.chart.cursor = None;
        }
        self.chart.markers = self
            .watchlist
            .events
            .iter()
            .filter(|e| window.contains(e.date))
            .map(|e| (e.date, short_label(&e.name)))
            .collect();
        self.basket_tab = self.basket_tab.min(self.baskets.len().saturating_sub(1));
        self.series_selected = self
            .series_selected
            .min(self.series_labels().len().saturating_sub(1));
    }

    /// The labels of the chart's series, in legend order: basket ids, then
    /// ratio labels.
    pub fn series_labels(&self) -> Vec<String> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        analysis
            .indices
            .iter()
            .map(|s| s.basket.to_string())
            .chain(analysis.ratios.iter().map(|r| r.label.clone()))
            .collect()
    }

    /// The range preset in force, if the window is one.
    pub fn preset(&self) -> Option<RangePreset> {
        match self.request.range {
            WindowChoice::Preset(p) => Some(p),
            WindowChoice::Explicit(_) => None,
        }
    }

    /// The first event on or after the as-of date (else the last one):
    /// where the watchlist selection starts.
    pub fn first_upcoming_event(&self) -> usize {
        let Some(as_of) = self.as_of() else {
            return 0;
        };
        self.watchlist
            .events
            .iter()
            .position(|e| e.date >= as_of)
            .unwrap_or(self.watchlist.events.len().saturating_sub(1))
    }

    pub fn set_message(&mut self, text: impl Into<String>, error: bool) {
        self.message = Some(Message {
            text: text.into(),
            error,
        });
    }
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
fn short_label(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or(name)
        .chars()
        .take(8)
        .collect()
}
