//! The new value of one field, parsed and checked where it is typed: a
//! `Set*` edit carries one of these, so applying it cannot meet bad text.

use chrono::NaiveDate;

use super::error::EditError;
use super::field::Field;
use super::fields::{BasketField, EventField, MemberField};
use crate::domain::{BasketId, Method, Session, Symbol, parse_date};

/// A basket field's new value.
#[derive(Debug, Clone, PartialEq)]
pub enum BasketValue {
    /// Trimmed, never empty.
    Name(String),
    /// Trimmed.
    Description(String),
    Method(Method),
}

impl BasketValue {
    /// `text` as the value of `field`; refused with the field named.
    pub fn parse(field: BasketField, text: &str) -> Result<BasketValue, EditError> {
        inert(field.into(), text)?;
        Ok(match field {
            BasketField::Name => BasketValue::Name(basket_name(text)?),
            BasketField::Description => BasketValue::Description(text.trim().to_string()),
            BasketField::Method => {
                BasketValue::Method(text.parse().map_err(|m| EditError::at(Field::Method, m))?)
            }
        })
    }

    pub fn field(&self) -> BasketField {
        match self {
            BasketValue::Name(_) => BasketField::Name,
            BasketValue::Description(_) => BasketField::Description,
            BasketValue::Method(_) => BasketField::Method,
        }
    }

    /// The value as text, for the history label.
    pub fn text(&self) -> String {
        match self {
            BasketValue::Name(t) | BasketValue::Description(t) => t.clone(),
            BasketValue::Method(m) => m.to_string(),
        }
    }
}

/// A member field's new value.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberValue {
    /// Trimmed, never empty.
    Name(String),
    /// Trimmed.
    NameEn(String),
    /// Trimmed.
    Segment(String),
    /// A finite weight >= 0, or none (cleared).
    Weight(Option<f64>),
}

impl MemberValue {
    /// `text` as the value of `field` of `symbol` (named in the refusal).
    pub fn parse(
        symbol: &Symbol,
        field: MemberField,
        text: &str,
    ) -> Result<MemberValue, EditError> {
        inert(field.into(), text)?;
        let trimmed = text.trim().to_string();
        Ok(match field {
            MemberField::Name if trimmed.is_empty() => {
                return Err(EditError::at(
                    Field::Name,
                    format!("the name of {symbol} cannot be empty"),
                ));
            }
            MemberField::Name => MemberValue::Name(trimmed),
            MemberField::NameEn => MemberValue::NameEn(trimmed),
            MemberField::Segment => MemberValue::Segment(trimmed),
            MemberField::Weight => MemberValue::Weight(parse_weight(text)?),
        })
    }

    pub fn field(&self) -> MemberField {
        match self {
            MemberValue::Name(_) => MemberField::Name,
            MemberValue::NameEn(_) => MemberField::NameEn,
            MemberValue::Segment(_) => MemberField::Segment,
            MemberValue::Weight(_) => MemberField::Weight,
        }
    }

    /// The value as text, for the history label ("" for no weight).
    pub fn text(&self) -> String {
        match self {
            MemberValue::Name(t) | MemberValue::NameEn(t) | MemberValue::Segment(t) => t.clone(),
            MemberValue::Weight(w) => w.map(|w| w.to_string()).unwrap_or_default(),
        }
    }
}

/// An earnings event field's new value.
#[derive(Debug, Clone, PartialEq)]
pub enum EventValue {
    Symbol(Symbol),
    /// Trimmed, never empty.
    Name(String),
    Date(NaiveDate),
    Session(Session),
    // The free-text fields, trimmed.
    Period(String),
    CapexLast(String),
    Guidance(String),
    Watch(String),
    Outcome(String),
    CapexReported(String),
    GuidanceChange(String),
}

impl EventValue {
    /// `text` as the value of `field`; refused with the field named.
    pub fn parse(field: EventField, text: &str) -> Result<EventValue, EditError> {
        inert(field.into(), text)?;
        let trimmed = text.trim().to_string();
        Ok(match field {
            EventField::Symbol => EventValue::Symbol(
                Symbol::parse(text).map_err(|e| EditError::at(Field::Symbol, e.to_string()))?,
            ),
            EventField::Name => EventValue::Name(event_name(text)?),
            EventField::Date => {
                EventValue::Date(parse_date(text).map_err(|m| EditError::at(Field::Date, m))?)
            }
            EventField::Session => {
                EventValue::Session(text.parse().map_err(|m| EditError::at(Field::Session, m))?)
            }
            EventField::Period => EventValue::Period(trimmed),
            EventField::CapexLast => EventValue::CapexLast(trimmed),
            EventField::Guidance => EventValue::Guidance(trimmed),
            EventField::Watch => EventValue::Watch(trimmed),
            EventField::Outcome => EventValue::Outcome(trimmed),
            EventField::CapexReported => EventValue::CapexReported(trimmed),
            EventField::GuidanceChange => EventValue::GuidanceChange(trimmed),
        })
    }

    pub fn field(&self) -> EventField {
        match self {
            EventValue::Symbol(_) => EventField::Symbol,
            EventValue::Name(_) => EventField::Name,
            EventValue::Date(_) => EventField::Date,
            EventValue::Session(_) => EventField::Session,
            EventValue::Period(_) => EventField::Period,
            EventValue::CapexLast(_) => EventField::CapexLast,
            EventValue::Guidance(_) => EventField::Guidance,
            EventValue::Watch(_) => EventField::Watch,
            EventValue::Outcome(_) => EventField::Outcome,
            EventValue::CapexReported(_) => EventField::CapexReported,
            EventValue::GuidanceChange(_) => EventField::GuidanceChange,
        }
    }

    /// The value as text, for the history label.
    pub fn text(&self) -> String {
        match self {
            EventValue::Symbol(s) => s.to_string(),
            EventValue::Name(t)
            | EventValue::Period(t)
            | EventValue::CapexLast(t)
            | EventValue::Guidance(t)
            | EventValue::Watch(t)
            | EventValue::Outcome(t)
            | EventValue::CapexReported(t)
            | EventValue::GuidanceChange(t) => t.clone(),
            EventValue::Date(d) => d.to_string(),
            EventValue::Session(s) => s.to_string(),
        }
    }
}

/// A basket's display name: not empty, no control characters.
pub(super) fn basket_name(name: &str) -> Result<String, EditError> {
    inert(Field::Name, name)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::at(
            Field::Name,
            "the basket name cannot be empty; give it a name, e.g. \"Optical modules\"",
        ));
    }
    Ok(name.to_string())
}

/// An event's company name: not empty, no control characters.
pub(super) fn event_name(name: &str) -> Result<String, EditError> {
    inert(Field::Name, name)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::at(
            Field::Name,
            "the event's company name cannot be empty, e.g. Alibaba",
        ));
    }
    Ok(name.to_string())
}

/// Refuses text that carries control characters or bidirectional
/// overrides (see [`crate::domain::text`]), naming the field.
pub fn inert(field: Field, text: &str) -> Result<(), EditError> {
    crate::domain::text::check_inert(field.name(), text).map_err(|m| EditError::at(field, m))
}

/// A symbol as typed, refused with the `symbol` field named.
pub fn parse_symbol(text: &str) -> Result<Symbol, EditError> {
    Symbol::parse(text).map_err(|e| EditError::at(Field::Symbol, e.to_string()))
}

/// A basket id as typed, refused with the `id` field named.
pub fn parse_basket_id(text: &str) -> Result<BasketId, EditError> {
    BasketId::parse(text).map_err(|m| EditError::at(Field::Id, m))
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
            Field::Weight,
            format!("weight {t:?} {why}; a weight is a number >= 0, e.g. 2.5 (empty clears it)"),
        )
    };
    let w: f64 = t.parse().map_err(|_| refuse("is not a number"))?;
    check_weight(w).map_err(refuse)?;
    Ok(Some(w))
}

/// Why `w` cannot be a weight, if it cannot.
pub(super) fn check_weight(w: f64) -> Result<(), &'static str> {
    if !w.is_finite() {
        return Err("is not a finite number");
    }
    if w < 0.0 {
        return Err("is negative");
    }
    Ok(())
}
