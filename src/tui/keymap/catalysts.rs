//! The keys of the catalyst views (issue 10): the event study of a report
//! and the lead-lag of the scatter's ratios, as data beside the others.

use crossterm::event::KeyCode;

use super::binding::{Binding, DOWN, EVENTS, SCATTER, UP, WATCH, bind, hint};
use super::key::{ch, code};
use crate::tui::action::Action;

/// Every binding of the catalyst views.
pub static CATALYST_BINDINGS: &[Binding] = &[
    hint(
        WATCH,
        &[ch('E')],
        Action::OpenEventStudy,
        "event study: CAR around the report",
    ),
    hint(
        SCATTER,
        &[ch('v')],
        Action::ToggleLeadLag,
        "lead-lag / scatter: ccf bars, Granger",
    ),
    hint(
        EVENTS,
        &[code(KeyCode::Esc), ch('E'), ch('q')],
        Action::Close,
        "close the event study",
    ),
    hint(
        EVENTS,
        &[ch('m')],
        Action::ToggleMonth,
        "the month's table / the event's table",
    ),
    hint(EVENTS, DOWN, Action::Down, "next event"),
    bind(EVENTS, UP, Action::Up, "previous event"),
    hint(
        EVENTS,
        &[ch('<')],
        Action::AsOfDayBack,
        "as-of date a day back (replay)",
    ),
    hint(
        EVENTS,
        &[ch('>')],
        Action::AsOfDayForward,
        "as-of date a day forward",
    ),
];
