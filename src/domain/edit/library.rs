//! The user's editable data and the edits that change it.

use super::values::{BasketValue, EventValue, MemberValue};
use crate::domain::{Basket, BasketId, EarningsEvent, Member, Symbol, Watchlist};

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
