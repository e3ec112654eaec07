//! `:plan YYYY-MM`: the season's reports proposed from a year earlier
//! (`plan_season`, as `spillover watchlist plan`), added as one edit of the
//! history (one `u` undoes them) and saved atomically like every edit.

use std::fmt::Write as _;

use super::commit::commit;
use crate::domain::edit::Edit;
use crate::domain::{Season, calendar, plan_season};
use crate::tui::effect::Effect;
use crate::tui::update::AppState;

/// Plans `season` and adds its proposed events; the message says how many
/// were proposed, how many were already there and which had no basis.
pub fn run(state: &mut AppState, season: Season) -> Vec<Effect> {
    let plan = plan_season(&state.model.watchlist, season, calendar::current());
    let mut text = format!(
        "plan {season}: {} proposed (est.), {} already there",
        plan.proposed.len(),
        plan.already.len()
    );
    if !plan.no_basis.is_empty() {
        let names: Vec<&str> = plan.no_basis.iter().map(|(s, _)| s.as_str()).collect();
        let _ = write!(text, "; no basis a year earlier: {}", names.join(", "));
    }
    if plan.proposed.is_empty() {
        state.set_message(format!("{text}; nothing added"), false);
        return Vec::new();
    }
    let edits: Vec<Edit> = plan
        .proposed
        .iter()
        .map(|p| Edit::AddEvent {
            event: p.event.clone(),
        })
        .collect();
    match commit(state, format!("plan {season}"), &edits) {
        Ok(effects) => {
            state.set_message(format!("{text} (u undoes)"), false);
            effects
        }
        Err(error) => {
            state.set_message(
                format!("plan {season}: nothing added: {}", error.message),
                true,
            );
            Vec::new()
        }
    }
}
