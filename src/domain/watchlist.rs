//! The earnings calendar: events that may move the baskets.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Symbol;

/// When results are released relative to the trading session of the
/// issuer's own market (Hong Kong time for `.HK`, New York time for US tickers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Session {
    /// Before the open: that day's session is the first that can react.
    BeforeOpen,
    /// During the trading day (e.g. at the lunch break): that day reacts.
    Intraday,
    /// After the close: the next trading day is the first that can react.
    AfterClose,
}

impl Session {
    pub fn as_str(self) -> &'static str {
        match self {
            Session::BeforeOpen => "before-open",
            Session::Intraday => "intraday",
            Session::AfterClose => "after-close",
        }
    }
}

impl fmt::Display for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Session {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "before-open" => Ok(Session::BeforeOpen),
            "intraday" => Ok(Session::Intraday),
            "after-close" => Ok(Session::AfterClose),
            other => Err(format!(
                "unknown session {other:?}; use before-open, intraday or after-close"
            )),
        }
    }
}

/// One scheduled (or past) results release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarningsEvent {
    pub symbol: Symbol,
    pub name: String,
    pub date: NaiveDate,
    pub session: Session,
    #[serde(default)]
    pub period: String,
    /// The last capex figure the company reported, as text with its unit.
    #[serde(default)]
    pub capex_last: String,
    /// The guidance on AI / capex given last time.
    #[serde(default)]
    pub guidance: String,
    /// What to listen for in this release.
    #[serde(default)]
    pub watch: String,
    /// What was reported; shown only once the as-of date reaches the event.
    #[serde(default)]
    pub outcome: String,
    /// The capex figure the release reported (`capex_last` keeps what was
    /// known before it); shown, like the outcome, only from the event on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub capex_reported: String,
    /// How the release changed the guidance; shown only from the event on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance_change: String,
    /// True for a date proposed by `watchlist plan` (a year-earlier report
    /// plus 52 weeks), shown as `est.` until the date is set, which confirms it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimated: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Where an event stands relative to the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Upcoming { days: i64 },
    Today,
    Reported,
}

impl EarningsEvent {
    pub fn status(&self, as_of: NaiveDate) -> EventStatus {
        let days = (self.date - as_of).num_days();
        match days {
            d if d > 0 => EventStatus::Upcoming { days: d },
            0 => EventStatus::Today,
            _ => EventStatus::Reported,
        }
    }

    /// The outcome as it may be shown on `as_of`: nothing before the event.
    pub fn outcome_as_of(&self, as_of: NaiveDate) -> Option<&str> {
        (self.date <= as_of && !self.outcome.is_empty()).then_some(self.outcome.as_str())
    }

    /// The event as an analyst saw it on `as_of`: what the release said
    /// (outcome, reported capex, guidance change) is blank before its date.
    pub fn seen_on(&self, as_of: NaiveDate) -> EarningsEvent {
        let mut seen = self.clone();
        if self.date > as_of {
            seen.outcome.clear();
            seen.capex_reported.clear();
            seen.guidance_change.clear();
        }
        seen
    }
}

/// The earnings watchlist, kept sorted by date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Watchlist {
    #[serde(default, rename = "event")]
    pub events: Vec<EarningsEvent>,
}

impl Watchlist {
    pub fn sort(&mut self) {
        self.events
            .sort_by(|a, b| (a.date, a.symbol.as_str()).cmp(&(b.date, b.symbol.as_str())));
    }
}
