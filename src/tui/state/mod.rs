//! What is on screen: the inputs of the analysis, the analysis itself, the
//! selections, what is open over the panes, the work under way, the
//! message line. Changed only by [`update`](super::update::update), through
//! the methods here and in [`library`].

mod library;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::config::Config;
use super::jobs::JobKind;
use super::overlay::form::Form;
use super::overlay::{Overlay, Problems};
use super::sort::Sort;
use crate::compute::{
    Analysis, AnalysisCache, CatalystRequest, Catalysts, ComputeError, Request, WindowChoice,
    catalysts,
};
use crate::domain::edit::History;
use crate::domain::{Basket, BasketId, PriceBook, RangePreset, Symbol, Watchlist};
use crate::store::fetch::SourceKind;
use crate::store::{Workspace, demo::DEMO_AS_OF};

pub use super::overlay::Mode;

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
    /// Each basket's index history and member table from the last
    /// recomputes: an edit rebuilds only the edited basket's.
    pub analysis_cache: AnalysisCache,
    /// Changed whenever `book` changes, so the cache never serves a history
    /// of other prices.
    pub prices_generation: u64,
    /// The event study, lead-lag, beta and drawdown of `analysis`
    /// (recomputed with it, never per frame).
    pub catalysts: Option<Catalysts>,
    /// What the catalysts are measured against: the benchmark, the
    /// abnormal-return model and the beta window (`:benchmark`, `:model`,
    /// `:beta`).
    pub catalyst_request: CatalystRequest,
    /// The scatter pane shows the lead-lag of its two ratios instead.
    pub lead_lag_view: bool,
    pub focus: Pane,
    /// The focused pane fills the screen.
    pub maximised: bool,
    /// What is open over the panes (and so what the keys do).
    pub overlay: Overlay,
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
    pub message: Option<Message>,
    /// Undo history, completion candidates, files left alone.
    pub edit: EditSession,
    /// Jobs sent to the worker and not yet answered, oldest first.
    pub work: Vec<Work>,
    /// Set until the first prices arrive (a session opened by `tui::open`).
    pub opening: Option<Opening>,
    /// Where `F` fetches prices from (config.toml's `fetch_source`).
    pub fetch_source: SourceKind,
}

impl AppState {
    /// The state a session opens with: the demo at the research note's date,
    /// real data at its latest date; the 1Y range.
    pub fn new(
        baskets: Vec<Basket>,
        book: PriceBook,
        watchlist: Watchlist,
        source_label: String,
    ) -> AppState {
        let mut state = AppState::waiting(baskets, watchlist, source_label);
        state.take_first_prices(book);
        state
    }

    /// The state before any prices: the panes draw at once, the status bar
    /// says what is loading.
    fn waiting(baskets: Vec<Basket>, mut watchlist: Watchlist, source_label: String) -> AppState {
        watchlist.sort();
        AppState {
            baskets,
            book: PriceBook::default(),
            watchlist,
            source: DataSource {
                label: source_label,
                demo: false,
            },
            data_dates: Vec::new(),
            request: Request::default(),
            analysis: None,
            analysis_cache: AnalysisCache::default(),
            prices_generation: 0,
            catalysts: None,
            catalyst_request: CatalystRequest::default(),
            lead_lag_view: false,
            focus: Pane::Baskets,
            maximised: false,
            overlay: Overlay::None,
            basket_tab: 0,
            sort: Sort::default(),
            filter: String::new(),
            member_row: 0,
            chart: ChartView::default(),
            series_selected: 0,
            event_row: 0,
            message: None,
            edit: EditSession::default(),
            work: Vec::new(),
            opening: None,
            fetch_source: SourceKind::default(),
        }
    }

    /// A session on `ws` whose prices are still to be loaded (by the
    /// worker): `opening` is applied when they arrive.
    pub fn opening(ws: Workspace, cached: Vec<Symbol>, opening: Opening) -> AppState {
        let label = ws.store.layout().root().display().to_string();
        let mut state = AppState::waiting(ws.baskets, ws.watchlist, label);
        state.edit.cached = cached;
        state.source.demo = opening.demo_marker;
        state.fetch_source = opening.config.fetch_source.unwrap_or_default();
        state.opening = Some(opening);
        state
    }

    /// The first prices: the as-of date, the default pair, the analysis.
    fn take_first_prices(&mut self, book: PriceBook) {
        self.book = book;
        self.prices_generation += 1;
        self.data_dates = data_dates(&self.book);
        let latest = self.data_dates.last().copied();
        let demo = self.book.has_demo();
        self.source.demo = demo;
        let as_of = match latest {
            Some(last) if demo && last >= DEMO_AS_OF => Some(DEMO_AS_OF),
            other => other,
        };
        let mut request = Request {
            as_of,
            ..Request::default()
        };
        request.pair = default_pair(&self.baskets, request.pair.clone());
        if let Err(error) = self.set_request(request.clone()) {
            self.request = request;
            self.set_message(error.to_string(), true);
        }
        self.event_row = self.first_upcoming_event();
    }

    /// The prices a session opened without have arrived: the state is as
    /// [`AppState::from_workspace`] and the config would have made it.
    pub(crate) fn first_prices_arrived(&mut self, opening: Opening, book: PriceBook) {
        let mut problems = opening.problems;
        problems.extend(book.problems.iter().map(|(_, message)| message.clone()));
        self.take_first_prices(book);
        self.show_opening(&problems, opening.installed_default);
        if let Some(error) = opening.config_error {
            self.set_message(format!("{error}; opened with the defaults"), true);
        }
        let wanted = opening.config.apply(self.request.clone());
        if wanted != self.request
            && let Err(e) = self.set_request(wanted)
        {
            self.set_message(format!("config.toml: {e}; opened with the defaults"), true);
        }
    }

    /// The state of an opened workspace (prices loaded).
    pub fn from_workspace(ws: Workspace) -> AppState {
        let label = ws.store.layout().root().display().to_string();
        let mut state = AppState::new(ws.baskets, ws.book, ws.watchlist, label);
        state.show_opening(&ws.problems, ws.installed_default);
        state
    }

    /// The first problem of the opened files, else the news of an installed default.
    fn show_opening(&mut self, problems: &[String], installed_default: bool) {
        if let Some(problem) = problems.first() {
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more: `spillover check` lists them all)", n - 1),
            };
            self.set_message(format!("warning: {problem}{more}"), true);
        } else if installed_default {
            self.set_message("installed the embedded default: the research note's baskets, the May watchlist, DEMO prices", false);
        }
    }

    /// What the keys do now.
    pub fn mode(&self) -> Mode {
        self.overlay.mode()
    }

    /// The open form, if any.
    pub fn form(&self) -> Option<&Form> {
        match &self.overlay {
            Overlay::Form(form) => Some(form),
            _ => None,
        }
    }

    /// The `:` text being typed ("" when the command line is closed).
    pub fn command_line(&self) -> &str {
        match &self.overlay {
            Overlay::Command(line) => &line.text,
            _ => "",
        }
    }

    /// Why the last command was refused, while the command line is open.
    pub fn command_error(&self) -> Option<&str> {
        match &self.overlay {
            Overlay::Command(line) => line.error.as_deref(),
            _ => None,
        }
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
    pub fn set_request(&mut self, request: Request) -> Result<(), ComputeError> {
        let analysis = self.analysis_cache.analyse(
            &self.baskets,
            &self.book,
            self.prices_generation,
            &request,
        )?;
        if let Some(problem) = &analysis.pair_problem {
            self.set_message(format!("no ratios or scatter: {problem}"), true);
        }
        self.catalysts = Some(catalysts(
            &self.baskets,
            &self.book,
            &self.watchlist,
            &analysis,
            &request,
            &self.catalyst_request,
        ));
        self.request = request;
        self.analysis = Some(analysis);
        self.after_recompute();
        Ok(())
    }

    /// Measures the catalysts again against new settings; the analysis
    /// stays as it is (they do not change it).
    pub fn set_catalyst_request(&mut self, settings: CatalystRequest) {
        if let Some(analysis) = &self.analysis {
            self.catalysts = Some(catalysts(
                &self.baskets,
                &self.book,
                &self.watchlist,
                analysis,
                &self.request,
                &settings,
            ));
        }
        self.catalyst_request = settings;
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

    /// Lists a job's problems over the panes, unless a form or prompt the
    /// user is in is open (the message line then says what happened).
    pub fn show_problems(&mut self, problems: Problems) {
        if self.overlay == Overlay::None {
            self.overlay = Overlay::Problems(problems);
        }
    }
}

/// Every date on which any series has a row, sorted: a merge of the
/// sorted series (most are subsets of the union so far), never a sort of
/// every row.
fn data_dates(book: &PriceBook) -> Vec<NaiveDate> {
    book.dates()
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
