//! The editable fields of a member, a basket and an earnings event, named as
//! the analyst types them (`name_en` or `name-en`).

use std::fmt;
use std::str::FromStr;

/// Normalises a field name: case-insensitive, `-` and `_` alike.
fn key(text: &str) -> String {
    text.trim().to_ascii_lowercase().replace('-', "_")
}

/// A member's editable field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberField {
    Name,
    NameEn,
    Segment,
    /// The custom-method target weight; an empty value clears it.
    Weight,
}

impl MemberField {
    pub const ALL: [MemberField; 4] = [
        MemberField::Name,
        MemberField::NameEn,
        MemberField::Segment,
        MemberField::Weight,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MemberField::Name => "name",
            MemberField::NameEn => "name_en",
            MemberField::Segment => "segment",
            MemberField::Weight => "weight",
        }
    }
}

impl FromStr for MemberField {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MemberField::ALL
            .into_iter()
            .find(|f| f.as_str() == key(s))
            .ok_or_else(|| {
                format!("unknown member field {s:?}; use name, name_en, segment or weight")
            })
    }
}

impl fmt::Display for MemberField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A basket's editable field (its id is changed by renaming).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BasketField {
    Name,
    Description,
    Method,
}

impl BasketField {
    pub const ALL: [BasketField; 3] = [
        BasketField::Name,
        BasketField::Description,
        BasketField::Method,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BasketField::Name => "name",
            BasketField::Description => "description",
            BasketField::Method => "method",
        }
    }
}

impl FromStr for BasketField {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BasketField::ALL
            .into_iter()
            .find(|f| f.as_str() == key(s))
            .ok_or_else(|| format!("unknown basket field {s:?}; use name, description or method"))
    }
}

impl fmt::Display for BasketField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An earnings event's editable field, as written in `watchlist.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventField {
    Symbol,
    Name,
    Date,
    Session,
    Period,
    CapexLast,
    Guidance,
    Watch,
    Outcome,
    /// The capex figure the release reported.
    CapexReported,
    /// How the release changed the guidance.
    GuidanceChange,
}

impl EventField {
    pub const ALL: [EventField; 11] = [
        EventField::Symbol,
        EventField::Name,
        EventField::Date,
        EventField::Session,
        EventField::Period,
        EventField::CapexLast,
        EventField::Guidance,
        EventField::Watch,
        EventField::Outcome,
        EventField::CapexReported,
        EventField::GuidanceChange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventField::Symbol => "symbol",
            EventField::Name => "name",
            EventField::Date => "date",
            EventField::Session => "session",
            EventField::Period => "period",
            EventField::CapexLast => "capex_last",
            EventField::Guidance => "guidance",
            EventField::Watch => "watch",
            EventField::Outcome => "outcome",
            EventField::CapexReported => "capex_reported",
            EventField::GuidanceChange => "guidance_change",
        }
    }
}

impl FromStr for EventField {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventField::ALL
            .into_iter()
            .find(|f| f.as_str() == key(s))
            .ok_or_else(|| {
                format!(
                    "unknown event field {s:?}; use symbol, name, date, session, period, capex_last, guidance, watch or outcome"
                )
            })
    }
}

impl fmt::Display for EventField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
