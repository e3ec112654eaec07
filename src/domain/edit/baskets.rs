//! The basket edits: create, duplicate, rename, delete, set a field; add,
//! remove, set, copy and move a member.

use super::field::Field;
use super::values::basket_name;
use super::values::check_weight;
use super::{BasketValue, Edit, EditError, MemberValue, inert};
use crate::domain::{Basket, BasketId, Member, Method, Symbol};

/// Applies a basket edit in place; `baskets` is a scratch copy, so an error
/// part-way leaves the caller's library as it was.
pub(super) fn apply(baskets: &mut Vec<Basket>, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::CreateBasket { id, name } => {
            free_id(baskets, id)?;
            baskets.push(Basket {
                id: id.clone(),
                name: basket_name(name)?,
                description: String::new(),
                method: Method::default(),
                members: Vec::new(),
            });
        }
        Edit::DuplicateBasket { from, to } => {
            let at = position(baskets, from)?;
            free_id(baskets, to)?;
            let mut copy = baskets[at].clone();
            copy.id = to.clone();
            baskets.insert(at + 1, copy);
        }
        Edit::RenameBasket { from, to } => {
            let at = position(baskets, from)?;
            free_id(baskets, to)?;
            baskets[at].id = to.clone();
        }
        Edit::DeleteBasket { id } => {
            let at = position(baskets, id)?;
            baskets.remove(at);
        }
        Edit::SetBasket { id, value } => {
            let at = position(baskets, id)?;
            set_basket_field(&mut baskets[at], value);
        }
        Edit::AddMember { basket, member } => add_member(baskets, basket, member)?,
        Edit::RemoveMember { basket, symbol } => {
            let at = position(baskets, basket)?;
            let i = member_index(&baskets[at], symbol)?;
            baskets[at].members.remove(i);
        }
        Edit::SetMember {
            basket,
            symbol,
            value,
        } => {
            let at = position(baskets, basket)?;
            let i = member_index(&baskets[at], symbol)?;
            set_member_field(&mut baskets[at].members[i], value);
        }
        Edit::CopyMember { from, to, symbol } => {
            copy_member(baskets, from, to, symbol)?;
        }
        Edit::MoveMember { from, to, symbol } => {
            copy_member(baskets, from, to, symbol)?;
            let at = position(baskets, from)?;
            let i = member_index(&baskets[at], symbol)?;
            baskets[at].members.remove(i);
        }
        Edit::AddEvent { .. }
        | Edit::SetEvent { .. }
        | Edit::RemoveEvent { .. }
        | Edit::RecordOutcome { .. } => unreachable!("watchlist edits are applied by events.rs"),
    }
    Ok(())
}

fn set_basket_field(basket: &mut Basket, value: &BasketValue) {
    match value.clone() {
        BasketValue::Name(name) => basket.name = name,
        BasketValue::Description(text) => basket.description = text,
        BasketValue::Method(method) => basket.method = method,
    }
}

/// Adds a member, its name trimmed (or taken from another basket that holds
/// the symbol) and its weight checked.
fn add_member(baskets: &mut [Basket], basket: &BasketId, member: &Member) -> Result<(), EditError> {
    let mut member = member.clone();
    inert(Field::Name, &member.name)?;
    inert(Field::NameEn, &member.name_en)?;
    inert(Field::Segment, &member.segment)?;
    member.name = member.name.trim().to_string();
    if member.name.is_empty() {
        member.name = known_name(baskets, &member.symbol).ok_or_else(|| {
            EditError::at(
                Field::Name,
                format!(
                    "the name of {} is empty and no other basket holds it; give a name (e.g. 中际旭创)",
                    member.symbol
                ),
            )
        })?;
    }
    if let Some(w) = member.weight
        && let Err(why) = check_weight(w)
    {
        return Err(EditError::at(
            Field::Weight,
            format!("weight {w} {why}; a weight is a number >= 0, e.g. 2.5"),
        ));
    }
    let at = position(baskets, basket)?;
    absent_from(&baskets[at], &member.symbol)?;
    baskets[at].members.push(member);
    Ok(())
}

fn set_member_field(member: &mut Member, value: &MemberValue) {
    match value.clone() {
        MemberValue::Name(name) => member.name = name,
        MemberValue::NameEn(name) => member.name_en = name,
        MemberValue::Segment(segment) => member.segment = segment,
        MemberValue::Weight(weight) => member.weight = weight,
    }
}

fn copy_member(
    baskets: &mut [Basket],
    from: &BasketId,
    to: &BasketId,
    symbol: &Symbol,
) -> Result<(), EditError> {
    let source = position(baskets, from)?;
    let member = baskets[source].members[member_index(&baskets[source], symbol)?].clone();
    if from == to {
        return Err(EditError::at(
            Field::Basket,
            format!("{symbol} is already in {to}; choose another basket"),
        ));
    }
    let target = position(baskets, to)?;
    absent_from(&baskets[target], symbol)?;
    baskets[target].members.push(member);
    Ok(())
}

fn position(baskets: &[Basket], id: &BasketId) -> Result<usize, EditError> {
    baskets.iter().position(|b| &b.id == id).ok_or_else(|| {
        let known: Vec<&str> = baskets.iter().map(|b| b.id.as_str()).collect();
        EditError::at(
            Field::Basket,
            format!("no basket \"{id}\"; the baskets are: {}", known.join(", ")),
        )
    })
}

fn free_id(baskets: &[Basket], id: &BasketId) -> Result<(), EditError> {
    if baskets.iter().any(|b| &b.id == id) {
        return Err(EditError::at(
            Field::Id,
            format!("basket id \"{id}\" is already taken; choose another"),
        ));
    }
    Ok(())
}

fn member_index(basket: &Basket, symbol: &Symbol) -> Result<usize, EditError> {
    basket
        .members
        .iter()
        .position(|m| &m.symbol == symbol)
        .ok_or_else(|| {
            EditError::at(
                Field::Symbol,
                format!("{symbol} is not a member of {}", basket.id),
            )
        })
}

fn absent_from(basket: &Basket, symbol: &Symbol) -> Result<(), EditError> {
    if basket.member(symbol).is_some() {
        return Err(EditError::at(
            Field::Symbol,
            format!(
                "{symbol} is already in {}; a basket holds each symbol once",
                basket.id
            ),
        ));
    }
    Ok(())
}

/// The name another basket gives `symbol`, so adding a known stock needs
/// only its ticker.
fn known_name(baskets: &[Basket], symbol: &Symbol) -> Option<String> {
    baskets
        .iter()
        .find_map(|b| b.member(symbol))
        .map(|m: &Member| m.name.clone())
}
