//! Reading the state: what `view.rs`, the keymap, the run loop, tests and
//! benches may see. Nothing here changes it.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use super::{AppState, Computed};
use crate::compute::{Analysis, CatalystRequest, Catalysts, Request, WindowChoice};
use crate::domain::edit::Library;
use crate::domain::{Basket, PriceBook, RangePreset, Symbol, Watchlist};
use crate::store::fetch::SourceKind;
use crate::tui::jobs::JobKind;
use crate::tui::overlay::Overlay;
use crate::tui::overlay::form::Form;
use crate::tui::sort::Sort;
use crate::tui::state::{
    BasketDiffusion, BasketView, ChartView, DataSource, EditSession, Message, Mode, Pane, Work,
};

impl AppState {
    pub fn baskets(&self) -> &[Basket] {
        &self.model.baskets
    }

    pub fn book(&self) -> &PriceBook {
        &self.model.book
    }

    /// Sorted by date.
    pub fn watchlist(&self) -> &Watchlist {
        &self.model.watchlist
    }

    pub fn source(&self) -> &DataSource {
        &self.model.source
    }

    /// Every date on which any series has a row, sorted.
    pub fn data_dates(&self) -> &[NaiveDate] {
        &self.model.data_dates
    }

    /// The inputs of the analysis.
    pub fn request(&self) -> &Request {
        &self.model.request
    }

    /// The analysis and its catalysts, when something could be computed.
    pub fn computed(&self) -> Option<&Computed> {
        self.model.computed.as_ref()
    }

    pub fn analysis(&self) -> Option<&Analysis> {
        self.model.computed.as_ref().map(|c| &c.analysis)
    }

    pub fn catalysts(&self) -> Option<&Catalysts> {
        self.model.computed.as_ref().map(|c| &c.catalysts)
    }

    pub fn catalyst_request(&self) -> &CatalystRequest {
        &self.model.catalyst_request
    }

    /// Undo history, completion candidates, files left alone.
    pub fn edit(&self) -> &EditSession {
        &self.model.edit
    }

    /// Where `F` fetches prices from.
    pub fn fetch_source(&self) -> SourceKind {
        self.model.fetch_source
    }

    /// What `~/` stands for in a `:` command.
    pub fn home(&self) -> Option<&Path> {
        self.model.home.as_deref()
    }

    pub fn focus(&self) -> Pane {
        self.ui.focus
    }

    pub fn maximised(&self) -> bool {
        self.ui.maximised
    }

    /// What is open over the panes.
    pub fn overlay(&self) -> &Overlay {
        &self.ui.overlay
    }

    pub fn basket_tab(&self) -> usize {
        self.ui.basket_tab
    }

    pub fn sort(&self) -> Sort {
        self.ui.sort
    }

    pub fn filter(&self) -> &str {
        &self.ui.filter
    }

    pub fn member_row(&self) -> usize {
        self.ui.member_row
    }

    pub fn chart(&self) -> &ChartView {
        &self.ui.chart
    }

    pub fn series_selected(&self) -> usize {
        self.ui.series_selected
    }

    pub fn event_row(&self) -> usize {
        self.ui.event_row
    }

    pub fn lead_lag_view(&self) -> bool {
        self.ui.lead_lag_view
    }

    /// What the baskets pane shows under the summary (`g`).
    pub fn basket_view(&self) -> BasketView {
        self.ui.basket_view
    }

    /// The chart draws the shown basket's segments (`:segments`).
    pub fn segment_chart(&self) -> bool {
        self.ui.segment_chart
    }

    /// The segments, breadth and rotation of the basket the baskets pane
    /// shows, as last computed.
    pub fn shown_diffusion(&self) -> Option<&BasketDiffusion> {
        let basket = self.model.baskets.get(self.ui.basket_tab)?;
        self.model
            .computed
            .as_ref()?
            .diffusion
            .iter()
            .find(|d| d.basket == basket.id)
    }

    pub fn message(&self) -> Option<&Message> {
        self.ui.message.as_ref()
    }

    /// Jobs under way, oldest first.
    pub fn work(&self) -> &[Work] {
        &self.jobs.work
    }

    /// What the keys do now.
    pub fn mode(&self) -> Mode {
        self.ui.overlay.mode()
    }

    /// The open form, if any.
    pub fn form(&self) -> Option<&Form> {
        match &self.ui.overlay {
            Overlay::Form(form) | Overlay::ConfirmClose(form) => Some(form),
            _ => None,
        }
    }

    /// The `:` text being typed ("" when the command line is closed).
    pub fn command_line(&self) -> &str {
        match &self.ui.overlay {
            Overlay::Command(line) => &line.text,
            _ => "",
        }
    }

    /// Why the last command was refused, while the command line is open.
    pub fn command_error(&self) -> Option<&str> {
        match &self.ui.overlay {
            Overlay::Command(line) => line.error.as_deref(),
            _ => None,
        }
    }

    /// The latest date of the data (the as-of date of "no replay").
    pub fn latest(&self) -> Option<NaiveDate> {
        self.model.data_dates.last().copied()
    }

    /// The as-of date in force.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.analysis()
            .map(|a| a.as_of)
            .or(self.model.request.as_of)
    }

    /// True when the as-of date is before the last data date.
    pub fn is_replay(&self) -> bool {
        matches!((self.as_of(), self.latest()), (Some(a), Some(l)) if a < l)
    }

    /// The labels of the chart's series, in legend order: basket ids, then
    /// ratio labels.
    pub fn series_labels(&self) -> Vec<String> {
        let Some(analysis) = self.analysis() else {
            return Vec::new();
        };
        analysis
            .indices
            .iter()
            .map(|s| s.basket.to_string())
            .chain(analysis.ratios.iter().map(|r| r.label.clone()))
            .collect()
    }

    /// The labels of the chart's lines, in legend order: the basket indices
    /// and ratios, or with `:segments` the shown basket and its segments.
    pub fn chart_labels(&self) -> Vec<String> {
        match self.shown_diffusion().filter(|_| self.ui.segment_chart) {
            Some(d) => std::iter::once(d.basket.to_string())
                .chain(
                    d.segments
                        .indices
                        .iter()
                        .map(|s| crate::domain::text::escape(&s.segment).into_owned()),
                )
                .collect(),
            None => self.series_labels(),
        }
    }

    /// The range preset in force, if the window is one.
    pub fn preset(&self) -> Option<RangePreset> {
        match self.model.request.range {
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
        let events = &self.model.watchlist.events;
        events
            .iter()
            .position(|e| e.date >= as_of)
            .unwrap_or(events.len().saturating_sub(1))
    }

    /// The editable data as it is now.
    pub fn library(&self) -> Library {
        Library {
            baskets: self.model.baskets.clone(),
            watchlist: self.model.watchlist.clone(),
        }
    }

    /// Members whose prices are not in the book yet (added since the
    /// session opened) and not being loaded.
    pub fn missing_prices(&self) -> Vec<Symbol> {
        let book = &self.model.book;
        let symbols: BTreeSet<&Symbol> = self
            .model
            .baskets
            .iter()
            .flat_map(|b| b.members.iter().map(|m| &m.symbol))
            .filter(|s| !book.series.contains_key(*s))
            .filter(|s| !book.problems.iter().any(|(known, _)| known == *s))
            .filter(|s| !self.jobs.work.iter().any(|w| w.symbols.contains(s)))
            .collect();
        symbols.into_iter().cloned().collect()
    }

    /// What a job that writes the cache (a fetch or an import) is doing,
    /// if one is under way: only one may write at a time.
    pub fn writing_cache(&self) -> Option<String> {
        self.jobs
            .work
            .iter()
            .find(|w| {
                matches!(
                    w.kind,
                    JobKind::Fetch | JobKind::Import | JobKind::RemoveDemo
                )
            })
            .map(|w| w.now.clone().unwrap_or_else(|| w.label.clone()))
    }
}
