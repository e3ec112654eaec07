//! [`AppState`]: everything the workstation shows and remembers, in three
//! parts with one owner each — the [`Model`] (the library, the prices, the
//! request and what was computed from them), the [`Ui`] (focus, what is
//! open, cursors, sort, filter, the message line) and the [`Jobs`] under
//! way (keyed by the id the worker echoes back).
//!
//! The fields are visible only inside the `update` module tree, so the
//! compiler keeps the rule that only [`update`](super::update) changes the
//! state; everything else reads it through the accessors in [`read`] (the
//! panes through the view structs `view.rs` builds from them) and builds
//! it through the constructors in [`open`].

mod analysis;
mod diffusion;
mod library;
mod open;
mod read;
mod work;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::compute::{Analysis, AnalysisCache, CatalystRequest, Catalysts, Request};
use crate::domain::{Basket, PriceBook, Watchlist};
use crate::store::fetch::SourceKind;
use crate::tui::outcome::JobId;
use crate::tui::overlay::Overlay;
use crate::tui::sort::Sort;
use crate::tui::state::{
    BasketDiffusion, BasketView, ChartView, DataSource, EditSession, Message, Opening, Pane, Work,
};

/// Everything the workstation shows and remembers.
#[derive(Debug, Clone)]
pub struct AppState {
    pub(in crate::tui::update) model: Model,
    pub(in crate::tui::update) ui: Ui,
    pub(in crate::tui::update) jobs: Jobs,
}

/// The analysis and its catalysts, computed together from one request:
/// either both are there or neither is.
#[derive(Debug, Clone)]
pub struct Computed {
    pub analysis: Analysis,
    /// The event study, lead-lag, beta and drawdown of `analysis`
    /// (recomputed with it, never per frame).
    pub catalysts: Catalysts,
    /// The segments, breadth and rotation over the same window of the
    /// baskets a view has shown since the analysis was computed.
    pub diffusion: Vec<BasketDiffusion>,
}

/// What the analysis is of and what came of it.
#[derive(Debug, Clone)]
pub(in crate::tui::update) struct Model {
    pub(in crate::tui::update) baskets: Vec<Basket>,
    pub(in crate::tui::update) book: PriceBook,
    /// Sorted by date.
    pub(in crate::tui::update) watchlist: Watchlist,
    pub(in crate::tui::update) source: DataSource,
    /// Every date on which any series has a row, sorted: the steps of
    /// as-of time travel.
    pub(in crate::tui::update) data_dates: Vec<NaiveDate>,
    /// The inputs of the analysis; `as_of` is always set.
    pub(in crate::tui::update) request: Request,
    /// Recomputed only when the request changes; `None` when nothing can be
    /// computed (e.g. an empty cache).
    pub(in crate::tui::update) computed: Option<Computed>,
    /// Each basket's index history and member table from the last
    /// recomputes: an edit rebuilds only the edited basket's.
    pub(in crate::tui::update) analysis_cache: AnalysisCache,
    /// Changed whenever `book` changes, so the cache never serves a history
    /// of other prices.
    pub(in crate::tui::update) prices_generation: u64,
    /// What the catalysts are measured against: the benchmark, the
    /// abnormal-return model and the beta window (`:benchmark`, `:model`,
    /// `:beta`).
    pub(in crate::tui::update) catalyst_request: CatalystRequest,
    /// Undo history, completion candidates, files left alone.
    pub(in crate::tui::update) edit: EditSession,
    /// Set until the first prices arrive (a session opened by `tui::open`).
    pub(in crate::tui::update) opening: Option<Opening>,
    /// Where `F` fetches prices from (config.toml's `fetch_source`).
    pub(in crate::tui::update) fetch_source: SourceKind,
    /// The home directory `~/` stands for in a `:` command, given when the
    /// session opens (never looked up while a command is parsed).
    pub(in crate::tui::update) home: Option<PathBuf>,
    /// The local time of the last key, as its message said (an export
    /// names its files by it).
    pub(in crate::tui::update) clock: Option<NaiveDateTime>,
}

/// What the analyst is looking at: focus, what is open, the selections.
#[derive(Debug, Clone)]
pub(in crate::tui::update) struct Ui {
    pub(in crate::tui::update) focus: Pane,
    /// The focused pane fills the screen.
    pub(in crate::tui::update) maximised: bool,
    /// What is open over the panes (and so what the keys do).
    pub(in crate::tui::update) overlay: Overlay,
    /// The basket whose member table is shown.
    pub(in crate::tui::update) basket_tab: usize,
    pub(in crate::tui::update) sort: Sort,
    pub(in crate::tui::update) filter: String,
    /// Selected row of the (filtered, sorted) member table.
    pub(in crate::tui::update) member_row: usize,
    pub(in crate::tui::update) chart: ChartView,
    /// The legend entry that Space shows or hides.
    pub(in crate::tui::update) series_selected: usize,
    /// Selected earnings event (index into the sorted watchlist).
    pub(in crate::tui::update) event_row: usize,
    /// The scatter pane shows the lead-lag of its two ratios instead.
    pub(in crate::tui::update) lead_lag_view: bool,
    /// What the baskets pane shows under the summary (`g`).
    pub(in crate::tui::update) basket_view: BasketView,
    /// The chart draws the shown basket's segment sub-indices (`:segments`).
    pub(in crate::tui::update) segment_chart: bool,
    pub(in crate::tui::update) message: Option<Message>,
}

/// Jobs sent to the worker and not yet answered, oldest first; each
/// answer names its job by id.
#[derive(Debug, Clone, Default)]
pub(in crate::tui::update) struct Jobs {
    pub(in crate::tui::update) work: Vec<Work>,
    /// The id the next job gets.
    pub(in crate::tui::update) next: u64,
}

impl Jobs {
    /// The job `id`, if it is still under way.
    pub(in crate::tui::update) fn get_mut(&mut self, id: JobId) -> Option<&mut Work> {
        self.work.iter_mut().find(|w| w.id == id)
    }
}
