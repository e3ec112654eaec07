//! The segments, breadth and rotation of every basket, computed when the
//! analysis is (never per frame): the baskets pane's `g` views and the
//! chart's `:segments` read them.

use crate::compute::{Analysis, breadth, history_of, rotation, segment_study};
use crate::domain::{Basket, PriceBook};
use crate::tui::state::BasketDiffusion;

/// One entry per basket whose index history `analysis` holds, in basket
/// order, over the analysis window (cut at its as-of date).
pub(in crate::tui::update) fn diffusion_of(
    baskets: &[Basket],
    book: &PriceBook,
    analysis: &Analysis,
) -> Vec<BasketDiffusion> {
    baskets
        .iter()
        .filter_map(|basket| {
            let history = history_of(analysis, &basket.id)?;
            let segments = segment_study(basket, history, analysis.window);
            Some(BasketDiffusion {
                basket: basket.id.clone(),
                breadth: breadth(basket, book, history, analysis.window),
                rotation: rotation(&segments),
                segments,
            })
        })
        .collect()
}
