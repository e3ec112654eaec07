//! The constructors: the state a session opens with, and the prices of an
//! opening session arriving. These are the only ways to build an
//! [`AppState`] outside `update`; everything after goes through messages.

use std::path::PathBuf;

use super::{AppState, Jobs, Model, Ui};
use crate::compute::{AnalysisCache, CatalystRequest, Request};
use crate::domain::{Basket, PriceBook, Symbol, Watchlist};
use crate::store::fetch::SourceKind;
use crate::store::{Workspace, demo::DEMO_AS_OF};
use crate::tui::overlay::Overlay;
use crate::tui::sort::Sort;
use crate::tui::state::{
    BasketView, ChartView, DataSource, EditSession, Opening, Pane, default_pair,
};

impl AppState {
    /// The state a session opens with: the latest date of the real series
    /// when any is real, the demo's replay date when every series is demo;
    /// the 1Y range.
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
        let model = Model {
            baskets,
            book: PriceBook::default(),
            watchlist,
            source: DataSource {
                label: source_label,
                demo: false,
            },
            data_dates: Vec::new(),
            request: Request::default(),
            computed: None,
            analysis_cache: AnalysisCache::default(),
            prices_generation: 0,
            catalyst_request: CatalystRequest::default(),
            edit: EditSession::default(),
            opening: None,
            fetch_source: SourceKind::default(),
            home: None,
            clock: None,
        };
        let ui = Ui {
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
            lead_lag_view: false,
            basket_view: BasketView::Members,
            segment_chart: false,
            message: None,
        };
        AppState {
            model,
            ui,
            jobs: Jobs::default(),
        }
    }

    /// A session on `ws` whose prices are still to be loaded (by the
    /// worker): `opening` is applied when they arrive.
    pub fn opening(ws: Workspace, cached: Vec<Symbol>, opening: Opening) -> AppState {
        let label = ws.store.layout().root().display().to_string();
        let mut state = AppState::waiting(ws.baskets, ws.watchlist, label);
        state.model.edit.cached = cached;
        state.model.source.demo = opening.demo_marker;
        state.model.fetch_source = opening.config.fetch_source.unwrap_or_default();
        state.model.home = opening.home.clone();
        state.model.opening = Some(opening);
        state
    }

    /// The state of an opened workspace (prices loaded).
    pub fn from_workspace(ws: Workspace) -> AppState {
        let label = ws.store.layout().root().display().to_string();
        let mut state = AppState::new(ws.baskets, ws.book, ws.watchlist, label);
        state.show_opening(&ws.problems, ws.installed_default);
        state
    }

    /// The same state with `cached` as the symbols that have a price file
    /// (completion candidates beyond the baskets), as `tui::open` gives them.
    pub fn with_cached(mut self, cached: Vec<Symbol>) -> AppState {
        self.model.edit.cached = cached;
        self
    }

    /// The same state with `home` as what `~/` stands for in a `:` command
    /// (`tui::open` gives the user's home directory).
    pub fn with_home(mut self, home: Option<PathBuf>) -> AppState {
        self.model.home = home;
        self
    }

    /// The first prices: the as-of date, the default pair, the analysis.
    fn take_first_prices(&mut self, book: PriceBook) {
        self.model.book = book;
        self.model.prices_generation += 1;
        self.model.data_dates = self.model.book.dates();
        self.model.source.demo = self.model.book.has_demo();
        let as_of = self.model.book.opening_as_of(DEMO_AS_OF);
        let mut request = Request {
            as_of,
            ..Request::default()
        };
        request.pair = default_pair(&self.model.baskets, request.pair.clone());
        if let Err(error) = self.set_request(request.clone()) {
            self.model.request = request;
            self.set_message(error.to_string(), true);
        }
        self.ui.event_row = self.first_upcoming_event();
    }

    /// The prices a session opened without have arrived: the state is as
    /// [`AppState::from_workspace`] and the config would have made it.
    pub(in crate::tui::update) fn first_prices_arrived(
        &mut self,
        opening: Opening,
        book: PriceBook,
    ) {
        let mut problems = opening.problems;
        problems.extend(book.problems.iter().map(|(_, message)| message.clone()));
        self.take_first_prices(book);
        self.show_opening(&problems, opening.installed_default);
        if let Some(error) = opening.config_error {
            self.set_message(format!("{error}; opened with the defaults"), true);
        }
        let wanted = opening.config.apply(self.model.request.clone());
        if wanted != self.model.request
            && let Err(e) = self.set_request(wanted)
        {
            self.set_message(format!("config.toml: {e}; opened with the defaults"), true);
        }
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
}
