//! The watchlist edits: add, set a field, remove, record an outcome. The
//! list stays sorted by date, so indices always count in that order.

use super::field::Field;
use super::values::event_name;
use super::{Edit, EditError, EventValue, inert};
use crate::domain::{EarningsEvent, Watchlist};

pub(super) fn apply(list: &mut Watchlist, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddEvent { event } => {
            for (field, text) in [
                (Field::Name, &event.name),
                (Field::Period, &event.period),
                (Field::CapexLast, &event.capex_last),
                (Field::Guidance, &event.guidance),
                (Field::Watch, &event.watch),
                (Field::Outcome, &event.outcome),
            ] {
                inert(field, text)?;
            }
            let mut event = event.clone();
            event.name = event_name(&event.name)?;
            list.events.push(event);
        }
        Edit::SetEvent { index, value } => {
            let i = checked(list, *index)?;
            set_field(&mut list.events[i], value);
        }
        Edit::RemoveEvent { index } => {
            let i = checked(list, *index)?;
            list.events.remove(i);
        }
        Edit::RecordOutcome {
            index,
            outcome,
            capex,
            guidance,
        } => {
            let i = checked(list, *index)?;
            inert(Field::Outcome, outcome)?;
            inert(Field::Capex, capex.as_deref().unwrap_or_default())?;
            inert(Field::Guidance, guidance.as_deref().unwrap_or_default())?;
            let outcome = outcome.trim();
            if outcome.is_empty() {
                return Err(EditError::at(
                    Field::Outcome,
                    "the outcome is empty; say what was reported",
                ));
            }
            let event = &mut list.events[i];
            event.outcome = outcome.to_string();
            // The figures known before the release (capex_last, guidance)
            // stay: a replay before the event must still show them.
            if let Some(capex) = capex {
                event.capex_reported = capex.trim().to_string();
            }
            if let Some(guidance) = guidance {
                event.guidance_change = guidance.trim().to_string();
            }
        }
        _ => unreachable!("basket edits are applied by baskets.rs"),
    }
    list.sort();
    Ok(())
}

fn checked(list: &Watchlist, index: usize) -> Result<usize, EditError> {
    if index < list.events.len() {
        return Ok(index);
    }
    let message = if list.events.is_empty() {
        format!("no event {}: the watchlist is empty", index + 1)
    } else {
        format!(
            "no event {}: the watchlist has events 1 to {}",
            index + 1,
            list.events.len()
        )
    };
    Err(EditError::at(Field::Index, message))
}

fn set_field(event: &mut EarningsEvent, value: &EventValue) {
    match value.clone() {
        EventValue::Symbol(symbol) => event.symbol = symbol,
        EventValue::Name(name) => event.name = name,
        EventValue::Date(date) => {
            // Setting the date confirms a planned (estimated) one.
            event.date = date;
            event.estimated = false;
        }
        EventValue::Session(session) => event.session = session,
        EventValue::Period(t) => event.period = t,
        EventValue::CapexLast(t) => event.capex_last = t,
        EventValue::Guidance(t) => event.guidance = t,
        EventValue::Watch(t) => event.watch = t,
        EventValue::Outcome(t) => event.outcome = t,
        EventValue::CapexReported(t) => event.capex_reported = t,
        EventValue::GuidanceChange(t) => event.guidance_change = t,
    }
}
