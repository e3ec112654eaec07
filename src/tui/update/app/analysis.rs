//! Changing the analysis: new inputs recomputed at once (or refused with
//! nothing changed), the catalysts measured again, selections kept valid,
//! and the message line.

use super::{AppState, Computed};
use crate::compute::{CatalystRequest, ComputeError, Request, catalysts};
use crate::tui::overlay::{Overlay, Problems};
use crate::tui::state::{Message, default_pair, short_label};

impl AppState {
    /// Applies new inputs: recomputes the analysis, or refuses and keeps
    /// everything as it was, returning the reason.
    pub(in crate::tui::update) fn set_request(
        &mut self,
        request: Request,
    ) -> Result<(), ComputeError> {
        let model = &mut self.model;
        let analysis = model.analysis_cache.analyse(
            &model.baskets,
            &model.book,
            model.prices_generation,
            &request,
        )?;
        let catalysts = catalysts(
            &model.baskets,
            &model.book,
            &model.watchlist,
            &analysis,
            &request,
            &model.catalyst_request,
        );
        if let Some(problem) = &analysis.pair_problem {
            self.set_message(format!("no ratios or scatter: {problem}"), true);
        }
        self.model.request = request;
        self.model.computed = Some(Computed {
            analysis,
            catalysts,
            diffusion: Vec::new(),
        });
        self.after_recompute();
        Ok(())
    }

    /// Measures the catalysts again against new settings; the analysis
    /// stays as it is (they do not change it).
    pub(in crate::tui::update) fn set_catalyst_request(&mut self, settings: CatalystRequest) {
        let model = &mut self.model;
        if let Some(computed) = &mut model.computed {
            computed.catalysts = catalysts(
                &model.baskets,
                &model.book,
                &model.watchlist,
                &computed.analysis,
                &model.request,
                &settings,
            );
        }
        model.catalyst_request = settings;
    }

    /// Recomputes the analysis with the same inputs; a pair naming a basket
    /// that no longer exists falls back to the default pair.
    pub(in crate::tui::update) fn recompute(&mut self) {
        let mut request = self.model.request.clone();
        if !request
            .pair
            .iter()
            .all(|id| self.model.baskets.iter().any(|b| &b.id == id))
        {
            request.pair = default_pair(&self.model.baskets, request.pair.clone());
        }
        if let Err(reason) = self.set_request(request) {
            self.model.computed = None;
            self.set_message(format!("nothing to compute: {reason}"), true);
        }
        self.ui.basket_tab = self
            .ui
            .basket_tab
            .min(self.model.baskets.len().saturating_sub(1));
    }

    /// Keeps selections and the cursor valid for a new analysis.
    fn after_recompute(&mut self) {
        let Some(computed) = &self.model.computed else {
            return;
        };
        let window = computed.analysis.window;
        let chart = &mut self.ui.chart;
        if chart.cursor.is_some_and(|c| !window.contains(c)) {
            chart.cursor = None;
        }
        chart.markers = self
            .model
            .watchlist
            .events
            .iter()
            .filter(|e| window.contains(e.date))
            .map(|e| (e.date, short_label(&e.name)))
            .collect();
        self.ui.basket_tab = self
            .ui
            .basket_tab
            .min(self.model.baskets.len().saturating_sub(1));
        self.ui.series_selected = self
            .ui
            .series_selected
            .min(self.chart_labels().len().saturating_sub(1));
    }

    pub(in crate::tui::update) fn set_message(&mut self, text: impl Into<String>, error: bool) {
        self.ui.message = Some(Message {
            text: text.into(),
            error,
        });
    }

    /// Lists a job's problems over the panes, unless a form or prompt the
    /// user is in is open (the message line then says what happened).
    pub(in crate::tui::update) fn show_problems(&mut self, problems: Problems) {
        if self.ui.overlay == Overlay::None {
            self.ui.overlay = Overlay::Problems(problems);
        }
    }
}
