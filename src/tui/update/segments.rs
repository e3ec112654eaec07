//! `:segments`: the chart pane draws the shown basket's segment sub-indices
//! instead of the basket indices, and back.

use super::app::AppState;

/// Turns the segment chart on (when the shown basket has segments computed)
/// or off, and says which.
pub(super) fn toggle(state: &mut AppState) {
    if state.ui.segment_chart {
        state.ui.segment_chart = false;
        state.ui.series_selected = 0;
        state.set_message("chart: the basket indices", false);
        return;
    }
    state.ui.segment_chart = true;
    state.ensure_diffusion();
    let Some(diffusion) = state.shown_diffusion() else {
        state.ui.segment_chart = false;
        state.set_message(
            "no segments to chart: the shown basket has no index (see :help, or F to fetch)",
            true,
        );
        return;
    };
    let text = format!(
        "chart: the {} segments of {} (:segments again for the baskets)",
        diffusion.segments.indices.len(),
        diffusion.basket
    );
    state.ui.series_selected = 0;
    state.set_message(text, false);
}
