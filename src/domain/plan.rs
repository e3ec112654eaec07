//! The next season planned from the last one: for every company of the
//! watchlist that reported in the same month a year earlier, the same date
//! plus 52 weeks (same weekday, same session), moved forward to the next
//! session of its market when that day is closed (METHODOLOGY.md "Planning").

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::{Calendars, Market};
use super::{EarningsEvent, Symbol, Watchlist};

/// A season: the month whose reports are planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Season {
    pub year: i32,
    pub month: u32,
}

impl Season {
    fn holds(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }

    fn a_year_earlier(self) -> Season {
        Season {
            year: self.year - 1,
            month: self.month,
        }
    }
}

impl std::fmt::Display for Season {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

/// A planned report and the one it was planned from.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    /// The new event, `estimated = true`.
    pub event: EarningsEvent,
    /// The report a year earlier it repeats.
    pub basis: NaiveDate,
    /// True when basis + 364 days was closed and the date moved forward.
    pub moved: bool,
}

/// What planning a season gives.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// New events, one per company that reported a year earlier.
    pub proposed: Vec<Proposed>,
    /// Companies with no report in the same month a year earlier.
    pub no_basis: Vec<(Symbol, String)>,
    /// Companies that already have an event in the season: left as they are
    /// (this is what makes planning twice add nothing twice).
    pub already: Vec<EarningsEvent>,
}

/// Plans `season` from the watchlist's reports a year earlier.
pub fn plan_season(watchlist: &Watchlist, season: Season, calendars: &Calendars) -> Plan {
    let earlier = season.a_year_earlier();
    // Each company once, by symbol, with its last name in the watchlist.
    let mut companies: BTreeMap<&Symbol, Vec<&EarningsEvent>> = BTreeMap::new();
    for event in &watchlist.events {
        companies.entry(&event.symbol).or_default().push(event);
    }
    let mut plan = Plan::default();
    for (symbol, events) in companies {
        if let Some(present) = events.iter().find(|e| season.holds(e.date)) {
            plan.already.push((*present).clone());
            continue;
        }
        // The last report of that month, if a company reported twice.
        match events.iter().rev().find(|e| earlier.holds(e.date)) {
            Some(basis) => plan.proposed.push(propose(basis, calendars)),
            None => {
                let name = events.last().map(|e| e.name.clone()).unwrap_or_default();
                plan.no_basis.push((symbol.clone(), name));
            }
        }
    }
    plan.proposed
        .sort_by_key(|p| (p.event.date, p.event.symbol.clone()));
    plan
}

fn propose(basis: &EarningsEvent, calendars: &Calendars) -> Proposed {
    let market = Market::of(&basis.symbol);
    let same_weekday = basis.date + Duration::days(364);
    let date = calendars.session_on_or_after(market, same_weekday);
    let carried = |reported: &str, before: &str| {
        if reported.is_empty() {
            before
        } else {
            reported
        }
        .to_string()
    };
    Proposed {
        event: EarningsEvent {
            symbol: basis.symbol.clone(),
            name: basis.name.clone(),
            date,
            session: basis.session,
            period: String::new(),
            capex_last: carried(&basis.capex_reported, &basis.capex_last),
            guidance: carried(&basis.guidance_change, &basis.guidance),
            watch: format!("planned from the {} {} report", basis.date, basis.session),
            outcome: String::new(),
            capex_reported: String::new(),
            guidance_change: String::new(),
            estimated: true,
        },
        basis: basis.date,
        moved: date != same_weekday,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Session;
    use crate::domain::calendar::{Calendars, parse_user_file};

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn event(symbol: &str, date: &str, session: Session) -> EarningsEvent {
        EarningsEvent {
            symbol: Symbol::parse(symbol).unwrap(),
            name: format!("{symbol} Co"),
            date: d(date),
            session,
            period: "FY25".into(),
            capex_last: "RMB 10bn".into(),
            guidance: "flat".into(),
            watch: String::new(),
            outcome: "beat".into(),
            capex_reported: "RMB 12bn".into(),
            guidance_change: String::new(),
            estimated: false,
        }
    }

    const MAY_2026: Season = Season {
        year: 2026,
        month: 5,
    };

    #[test]
    fn a_report_plus_52_weeks_moves_past_buddhas_birthday() {
        let list = Watchlist {
            events: vec![
                event("3690.HK", "2025-05-26", Session::AfterClose),
                event("9988.HK", "2025-05-15", Session::AfterClose),
                event("300308.SZ", "2025-04-20", Session::BeforeOpen),
            ],
        };
        let plan = plan_season(&list, MAY_2026, Calendars::embedded());
        let dates: Vec<(&str, NaiveDate, bool)> = plan
            .proposed
            .iter()
            .map(|p| (p.event.symbol.as_str(), p.event.date, p.moved))
            .collect();
        assert_eq!(
            dates,
            [
                ("9988.HK", d("2026-05-14"), false),
                ("3690.HK", d("2026-05-26"), true)
            ]
        );
        let meituan = &plan.proposed[1].event;
        assert!(meituan.estimated);
        assert_eq!(meituan.session, Session::AfterClose);
        assert_eq!(meituan.capex_last, "RMB 12bn");
        assert!(meituan.outcome.is_empty() && meituan.period.is_empty());
        assert_eq!(plan.no_basis.len(), 1);
        assert_eq!(plan.no_basis[0].0.as_str(), "300308.SZ");
    }

    #[test]
    fn planning_twice_adds_nothing_twice() {
        let mut list = Watchlist {
            events: vec![event("3690.HK", "2025-05-26", Session::AfterClose)],
        };
        let first = plan_season(&list, MAY_2026, Calendars::embedded());
        list.events
            .extend(first.proposed.iter().map(|p| p.event.clone()));
        let second = plan_season(&list, MAY_2026, Calendars::embedded());
        assert!(second.proposed.is_empty());
        assert_eq!(second.already.len(), 1);
        assert!(second.no_basis.is_empty());
    }

    #[test]
    fn the_mainland_labour_day_break_and_the_users_calendar_move_the_date() {
        // 2025-05-05 + 364 = Mon 2026-05-04, inside the mainland's break.
        let list = Watchlist {
            events: vec![event("688256.SH", "2025-05-05", Session::BeforeOpen)],
        };
        let plan = plan_season(&list, MAY_2026, Calendars::embedded());
        assert_eq!(plan.proposed[0].event.date, d("2026-05-06"));
        // 2026-05 + 1: the mainland is not known in 2027; the user's file closes 05-03.
        let list = Watchlist {
            events: vec![event("688256.SH", "2026-05-04", Session::BeforeOpen)],
        };
        let season = Season {
            year: 2027,
            month: 5,
        };
        let assumed = plan_season(&list, season, Calendars::embedded());
        assert_eq!(assumed.proposed[0].event.date, d("2027-05-03"));
        let user = parse_user_file("2027-05-03,XSHG,closed Labour Day\n").unwrap();
        let cal = Calendars::embedded().with_user(&user);
        let planned = plan_season(&list, season, &cal);
        assert_eq!(planned.proposed[0].event.date, d("2027-05-04"));
    }
}
