//! Keys that change the analysis' inputs: the window (presets, zoom,
//! pan), the date cursor, the as-of date of a replay, the method and the
//! rolling window. A refusal leaves everything as it was and says why.

use chrono::{Days, NaiveDate};

use crate::compute::{Request, WindowChoice};
use crate::domain::{Method, RangePreset, Window};
use crate::tui::action::Action;
use crate::tui::update::AppState;

/// Applies new inputs; a refusal leaves everything as it was and says why.
pub(super) fn apply(state: &mut AppState, request: Request) {
    if let Err(reason) = state.set_request(request) {
        state.set_message(reason.to_string(), true);
    }
}

pub(super) fn set_range(state: &mut AppState, range: WindowChoice) {
    apply(
        state,
        Request {
            range,
            ..state.model.request.clone()
        },
    );
}

pub(super) fn step_preset(state: &mut AppState, longer: bool) {
    let all = RangePreset::ALL;
    let next = match state
        .preset()
        .and_then(|p| all.iter().position(|q| *q == p))
    {
        Some(i) if longer => all[(i + 1).min(all.len() - 1)],
        Some(i) => all[i.saturating_sub(1)],
        None => RangePreset::Y1,
    };
    set_range(state, WindowChoice::Preset(next));
}

/// Zoom keeps the window's end; pan keeps its length. Both give an
/// explicit window, never later than the as-of date nor earlier than the data.
pub(super) fn move_window(state: &mut AppState, action: Action) {
    let (Some(analysis), Some(first)) = (state.analysis(), state.model.data_dates.first().copied())
    else {
        return;
    };
    let (start, end, as_of) = (analysis.window.start, analysis.window.end, analysis.as_of);
    let span = (end - start).num_days().max(1);
    let back = |date: NaiveDate, days: i64| {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(first)
            .max(first)
    };
    let ahead = |date: NaiveDate, days: i64| {
        date.checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap_or(as_of)
            .min(as_of)
    };
    let (new_start, new_end) = match action {
        Action::ZoomIn => (back(end, (span / 2).max(7)), end),
        Action::ZoomOut => (back(end, span * 2), end),
        Action::PanBack => {
            let shift = (span / 4).max(1);
            let s = back(start, shift);
            (s, ahead(s, span))
        }
        _ => {
            let shift = (span / 4).max(1);
            let e = ahead(end, shift);
            (back(e, span), e)
        }
    };
    if (new_start, new_end) == (start, end) {
        state.set_message("the window is already at the edge of the data", false);
        return;
    }
    set_range(
        state,
        WindowChoice::Explicit(Window {
            start: new_start,
            end: new_end,
        }),
    );
}

/// The index dates of the window (any basket), sorted.
fn window_dates(state: &AppState) -> Vec<NaiveDate> {
    let Some(analysis) = state.analysis() else {
        return Vec::new();
    };
    let mut dates: Vec<NaiveDate> = analysis
        .indices
        .iter()
        .flat_map(|s| s.dates.iter().copied())
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

pub(super) fn step_cursor(state: &mut AppState, forward: bool) {
    let dates = window_dates(state);
    let next = match state.ui.chart.cursor {
        None => dates.last().copied(),
        Some(c) if forward => dates.iter().find(|d| **d > c).copied().or(Some(c)),
        Some(c) => dates.iter().rev().find(|d| **d < c).copied().or(Some(c)),
    };
    state.ui.chart.cursor = next;
}

pub(super) enum AsOfStep {
    Back(u64),
    Forward(u64),
    Latest,
}

/// Time travel moves between dates that have data, so every step shows a
/// different day.
pub(super) fn step_as_of(state: &mut AppState, step: AsOfStep) {
    let (Some(as_of), Some(latest)) = (state.as_of(), state.latest()) else {
        return;
    };
    let dates = &state.model.data_dates;
    let on_or_before = |d: NaiveDate| dates.iter().rev().find(|x| **x <= d).copied();
    let target = match step {
        AsOfStep::Back(1) => dates.iter().rev().find(|d| **d < as_of).copied(),
        AsOfStep::Back(n) => as_of.checked_sub_days(Days::new(n)).and_then(on_or_before),
        AsOfStep::Forward(1) => dates.iter().find(|d| **d > as_of).copied(),
        AsOfStep::Forward(n) => as_of
            .checked_add_days(Days::new(n))
            .map(|d| d.min(latest))
            .and_then(on_or_before),
        AsOfStep::Latest => Some(latest),
    };
    match target {
        Some(date) if date != as_of => apply(
            state,
            Request {
                as_of: Some(date),
                ..state.model.request.clone()
            },
        ),
        _ => state.set_message(format!("as of {as_of}: no data beyond this date"), false),
    }
}

/// `M`: file → equal → cap → custom → file.
pub(super) fn cycle_method(state: &mut AppState) {
    let method = match state.model.request.method {
        None => Some(Method::Equal),
        Some(Method::Equal) => Some(Method::Cap),
        Some(Method::Cap) => Some(Method::Custom),
        Some(Method::Custom) => None,
    };
    apply(
        state,
        Request {
            method,
            ..state.model.request.clone()
        },
    );
}

/// `w`: the rolling correlation's window, 20 → 60 → 120 → 250 → 20.
pub(super) fn cycle_roll(state: &mut AppState) {
    // About a month, a quarter, half a year and a year of changes.
    const ROLLS: [usize; 4] = [20, 60, 120, 250];
    let roll = ROLLS
        .into_iter()
        .find(|w| *w > state.model.request.roll)
        .unwrap_or(ROLLS[0]);
    apply(
        state,
        Request {
            roll,
            ..state.model.request.clone()
        },
    );
}
