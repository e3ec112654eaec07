//! Every field an edit can be refused on, so a refusal names its field by
//! type and a form finds the field to focus without comparing strings.

use std::fmt;

use super::fields::{BasketField, EventField, MemberField};

/// The field at fault in an [`EditError`](super::EditError).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// A basket's id.
    Id,
    /// The basket an edit names: the one a member is moved or copied to, or
    /// a basket that does not exist.
    Basket,
    Name,
    NameEn,
    Description,
    Method,
    Segment,
    Weight,
    Symbol,
    Date,
    Session,
    Period,
    CapexLast,
    Guidance,
    Watch,
    Outcome,
    /// The capex of a recorded outcome.
    Capex,
    CapexReported,
    GuidanceChange,
    /// The position of an event in the watchlist.
    Index,
    /// The name of the field a `set` command gives.
    FieldName,
}

impl Field {
    /// The name the analyst types and the messages say.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Basket => "basket",
            Field::Name => "name",
            Field::NameEn => "name_en",
            Field::Description => "description",
            Field::Method => "method",
            Field::Segment => "segment",
            Field::Weight => "weight",
            Field::Symbol => "symbol",
            Field::Date => "date",
            Field::Session => "session",
            Field::Period => "period",
            Field::CapexLast => "capex_last",
            Field::Guidance => "guidance",
            Field::Watch => "watch",
            Field::Outcome => "outcome",
            Field::Capex => "capex",
            Field::CapexReported => "capex_reported",
            Field::GuidanceChange => "guidance_change",
            Field::Index => "index",
            Field::FieldName => "field",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<MemberField> for Field {
    fn from(field: MemberField) -> Field {
        match field {
            MemberField::Name => Field::Name,
            MemberField::NameEn => Field::NameEn,
            MemberField::Segment => Field::Segment,
            MemberField::Weight => Field::Weight,
        }
    }
}

impl From<BasketField> for Field {
    fn from(field: BasketField) -> Field {
        match field {
            BasketField::Name => Field::Name,
            BasketField::Description => Field::Description,
            BasketField::Method => Field::Method,
        }
    }
}

impl From<EventField> for Field {
    fn from(field: EventField) -> Field {
        match field {
            EventField::Symbol => Field::Symbol,
            EventField::Name => Field::Name,
            EventField::Date => Field::Date,
            EventField::Session => Field::Session,
            EventField::Period => Field::Period,
            EventField::CapexLast => Field::CapexLast,
            EventField::Guidance => Field::Guidance,
            EventField::Watch => Field::Watch,
            EventField::Outcome => Field::Outcome,
            EventField::CapexReported => Field::CapexReported,
            EventField::GuidanceChange => Field::GuidanceChange,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_editable_field_keeps_its_typed_name() {
        for f in MemberField::ALL {
            assert_eq!(Field::from(f).name(), f.as_str());
        }
        for f in BasketField::ALL {
            assert_eq!(Field::from(f).name(), f.as_str());
        }
        for f in EventField::ALL {
            assert_eq!(Field::from(f).name(), f.as_str());
        }
    }
}
