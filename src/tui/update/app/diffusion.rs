//! The segments, breadth and rotation of the basket the baskets pane shows,
//! computed when a view needs them (`g`'s views, the chart's `:segments`)
//! and kept with the analysis until it is recomputed: never per frame, and
//! never for every basket (a 1,000-member basket's breadth over 5,000 days
//! costs tens of milliseconds, more than a whole recompute after an edit).

use super::AppState;
use crate::compute::{Analysis, breadth, history_of, rotation, segment_study};
use crate::domain::{Basket, PriceBook};
use crate::tui::state::{BasketDiffusion, BasketView};

/// One basket's diffusion over the analysis window (cut at its as-of
/// date), when `analysis` holds its index history.
fn diffusion_of(basket: &Basket, book: &PriceBook, analysis: &Analysis) -> Option<BasketDiffusion> {
    let history = history_of(analysis, &basket.id)?;
    let segments = segment_study(basket, history, analysis.window);
    Some(BasketDiffusion {
        basket: basket.id.clone(),
        breadth: breadth(basket, book, history, analysis.window),
        rotation: rotation(&segments),
        segments,
    })
}

impl AppState {
    /// Computes the shown basket's diffusion if a view shows it and the
    /// current analysis does not have it yet.
    pub(in crate::tui::update) fn ensure_diffusion(&mut self) {
        if self.ui.basket_view == BasketView::Members && !self.ui.segment_chart {
            return;
        }
        let model = &mut self.model;
        let (Some(basket), Some(computed)) = (
            model.baskets.get(self.ui.basket_tab),
            model.computed.as_mut(),
        ) else {
            return;
        };
        if computed.diffusion.iter().any(|d| d.basket == basket.id) {
            return;
        }
        if let Some(diffusion) = diffusion_of(basket, &model.book, &computed.analysis) {
            computed.diffusion.push(diffusion);
        }
    }
}
