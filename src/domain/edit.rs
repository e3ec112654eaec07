//! Editing the user's data: every change to a basket or the watchlist is an
//! [`Edit`], applied purely to a [`Library`] (a copy comes back, or an error
//! naming the field and nothing changes), and undone from a [`History`] of
//! snapshots. Saving is the store's business.

mod baskets;
pub mod complete;
mod error;
mod events;
mod field;
mod fields;
mod history;
mod library;
#[cfg(test)]
mod tests;
mod values;

pub use error::EditError;
pub use field::Field;
pub use fields::{BasketField, EventField, MemberField};
pub use history::History;
pub use library::{Edit, Library};
pub use values::{
    BasketValue, EventValue, MemberValue, inert, parse_basket_id, parse_symbol, parse_weight,
};

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
