//! Editing the user's data: every change to a basket or the watchlist is an
//! [`Edit`], applied purely to a [`Library`] (a copy comes back, or an error
//! naming the field and nothing changes), and undone from a [`History`] of
//! snapshots. Saving is the store's business.

mod baskets;
pub mod complete;
mod events;
mod fields;
mod history;
#[cfg(test)]
mod tests;
mod values;

use super::{Basket, BasketId, EarningsEvent, Member, Symbol, Watchlist};

pub use fields::{BasketField, EventField, MemberField};
pub use history::History;
pub use values::{BasketValue, EventValue, MemberValue};

/// The user's editable data: every basket (in display order) and the watchlist.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    pub baskets: Vec<Basket>,
    /// Kept sorted by date: event indices count in this order.
    pub watchlist: Watchlist,
}

impl Library {
    pub fn basket(&self, id: &BasketId) -> Option<&Basket> {
        self.baskets.iter().find(|b| &b.id == id)
    }
}

/// One change to the library, as the analyst makes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A new, empty basket (method equal).
    CreateBasket {
        id: BasketId,
        name: String,
    },
    /// A copy of `from` under the id `to`, placed after it.
    DuplicateBasket {
        from: BasketId,
        to: BasketId,
    },
    /// Changes the id (the file name); the display name stays.
    RenameBasket {
        from: BasketId,
        to: BasketId,
    },
    DeleteBasket {
        id: BasketId,
    },
    SetBasket {
        id: BasketId,
        value: BasketValue,
    },
    /// An empty member name is taken from another basket holding the symbol.
    AddMember {
        basket: BasketId,
        member: Member,
    },
    RemoveMember {
        basket: BasketId,
        symbol: Symbol,
    },
    /// `MemberValue::Weight(None)` clears the weight.
    SetMember {
        basket: BasketId,
        symbol: Symbol,
        value: MemberValue,
    },
    CopyMember {
        from: BasketId,
        to: BasketId,
        symbol: Symbol,
    },
    MoveMember {
        from: BasketId,
        to: BasketId,
        symbol: Symbol,
    },
    AddEvent {
        event: EarningsEvent,
    },
    /// `index` counts in the date-sorted list; the list is re-sorted after.
    SetEvent {
        index: usize,
        value: EventValue,
    },
    RemoveEvent {
        index: usize,
    },
    /// Mark an event reported: outcome text plus optional capex figure and
    /// guidance change, which become the event's latest `capex_last` and
    /// `guidance`.
    RecordOutcome {
        index: usize,
        outcome: String,
        capex: Option<String>,
        guidance: Option<String>,
    },
}

impl Edit {
    /// What the edit does, in a few words: "add 688981.SH to domestic-chain".
    pub fn describe(&self) -> String {
        match self {
            Edit::CreateBasket { id, .. } => format!("create basket {id}"),
            Edit::DuplicateBasket { from, to } => format!("duplicate {from} as {to}"),
            Edit::RenameBasket { from, to } => format!("rename {from} to {to}"),
            Edit::DeleteBasket { id } => format!("delete basket {id}"),
            Edit::SetBasket { id, value } => {
                format!("set {} of {id} to {:?}", value.field(), value.text())
            }
            Edit::AddMember { basket, member } => format!("add {} to {basket}", member.symbol),
            Edit::RemoveMember { basket, symbol } => format!("remove {symbol} from {basket}"),
            Edit::SetMember {
                basket,
                symbol,
                value: MemberValue::Weight(None),
            } => format!("clear the weight of {symbol} in {basket}"),
            Edit::SetMember {
                basket,
                symbol,
                value,
            } => format!(
                "set {} of {symbol} in {basket} to {:?}",
                value.field(),
                value.text()
            ),
            Edit::CopyMember { from, to, symbol } => format!("copy {symbol} from {from} to {to}"),
            Edit::MoveMember { from, to, symbol } => format!("move {symbol} from {from} to {to}"),
            Edit::AddEvent { event } => {
                format!("add the {} event of {}", event.date, event.symbol)
            }
            Edit::SetEvent { index, value } => format!(
                "set {} of event {} to {:?}",
                value.field(),
                index + 1,
                value.text()
            ),
            Edit::RemoveEvent { index } => format!("remove event {}", index + 1),
            Edit::RecordOutcome { index, .. } => {
                format!("record the outcome of event {}", index + 1)
            }
        }
    }
}

/// Why an edit was refused: the field at fault (`"symbol"`, `"weight"`,
/// `"name"`, `"id"`, `"date"`, …) and a sentence saying what is accepted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct EditError {
    pub field: Option<&'static str>,
    pub message: String,
}

impl EditError {
    pub fn at(field: &'static str, message: impl Into<String>) -> EditError {
        EditError {
            field: Some(field),
            message: message.into(),
        }
    }
}

/// Applies `edit` to a copy of `library`; on any error the library is
/// untouched and the error says which field and why.
pub fn apply(library: &Library, edit: &Edit) -> Result<Library, EditError> {
    let mut next = library.clone();
    match edit {
        Edit::AddEvent { .. }
        | Edit::SetEvent { .. }
        | Edit::RemoveEvent { .. }
        | Edit::RecordOutcome { .. } => events::apply(&mut next.watchlist, edit)?,
        _ => baskets::apply(&mut next.baskets, edit)?,
    }
    Ok(next)
}

/// Refuses text that carries control characters or bidirectional
/// overrides (see [`crate::domain::text`]), naming the field.
pub fn inert(field: &'static str, text: &str) -> Result<(), EditError> {
    crate::domain::text::check_inert(field, text).map_err(|m| EditError::at(field, m))
}

/// A symbol as typed, refused with the `symbol` field named.
pub fn parse_symbol(text: &str) -> Result<Symbol, EditError> {
    Symbol::parse(text).map_err(|e| EditError::at("symbol", e.to_string()))
}

/// A basket id as typed, refused with the `id` field named.
pub fn parse_basket_id(text: &str) -> Result<BasketId, EditError> {
    BasketId::parse(text).map_err(|m| EditError::at("id", m))
}

/// A custom-method weight as typed: empty clears it, otherwise a finite
/// number >= 0 (weights are renormalised, so any positive scale will do).
pub fn parse_weight(text: &str) -> Result<Option<f64>, EditError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let refuse = |why: &str| {
        EditError::at(
            "weight",
            format!("weight {t:?} {why}; a weight is a number >= 0, e.g. 2.5 (empty clears it)"),
        )
    };
    let w: f64 = t.parse().map_err(|_| refuse("is not a number"))?;
    check_weight(w).map_err(refuse)?;
    Ok(Some(w))
}

/// Why `w` cannot be a weight, if it cannot.
fn check_weight(w: f64) -> Result<(), &'static str> {
    if !w.is_finite() {
        return Err("is not a finite number");
    }
    if w < 0.0 {
        return Err("is negative");
    }
    Ok(())
}
