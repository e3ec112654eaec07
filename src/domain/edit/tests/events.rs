//! Watchlist edits and their refusals.

use super::*;

#[test]
fn events_stay_sorted_by_date() {
    // Sorted: 0 = Tencent 05-14, 1 = Alibaba 05-15.
    let lib = ok(Edit::AddEvent {
        event: event("9618.HK", "JD.com", "2025-05-13"),
    });
    let names: Vec<&str> = lib
        .watchlist
        .events
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["JD.com", "Tencent", "Alibaba"]);

    let set = |index, field, value: &str| Edit::SetEvent {
        index,
        value: EventValue::parse(field, value).unwrap(),
    };
    let lib = ok(set(0, EventField::Date, "2025-05-20"));
    assert_eq!(
        lib.watchlist.events[1].name, "Tencent",
        "moved after Alibaba"
    );
    let lib = ok(set(1, EventField::Session, "before-open"));
    assert_eq!(lib.watchlist.events[1].session, Session::BeforeOpen);
    assert_eq!(
        ok(set(1, EventField::Symbol, "9988.hk")).watchlist.events[1].symbol,
        sym("9988.HK")
    );
    assert_eq!(
        ok(set(1, EventField::Watch, "cloud")).watchlist.events[1].watch,
        "cloud"
    );
    assert_eq!(
        ok(set(1, EventField::Period, "FY25 Q4")).watchlist.events[1].period,
        "FY25 Q4"
    );

    let lib = ok(Edit::RemoveEvent { index: 0 });
    assert_eq!(lib.watchlist.events.len(), 1);
    assert_eq!(lib.watchlist.events[0].name, "Alibaba");

    let lib = ok(Edit::RecordOutcome {
        index: 1,
        outcome: "Cloud +18%".into(),
        capex: Some("RMB 24.6 bn".into()),
        guidance: None,
    });
    let e = &lib.watchlist.events[1];
    // What was known before the release stays; the release's own figures
    // go beside it (a replay before the event must not see them).
    assert_eq!(
        (
            e.outcome.as_str(),
            e.capex_reported.as_str(),
            e.capex_last.as_str(),
            e.guidance_change.as_str()
        ),
        ("Cloud +18%", "RMB 24.6 bn", "", "")
    );
}

#[test]
fn event_refusals() {
    let set = |index, field, value: &str| {
        EventValue::parse(field, value).map(|value| Edit::SetEvent { index, value })
    };
    assert!(refused_at(set(0, EventField::Date, "2025-13-01"), Field::Date).contains("YYYY-MM-DD"));
    assert!(
        refused_at(set(0, EventField::Session, "noon"), Field::Session).contains("before-open")
    );
    refused_at(set(0, EventField::Symbol, "a/b"), Field::Symbol);
    refused_at(set(0, EventField::Name, ""), Field::Name);
    assert!(refused_at(set(2, EventField::Watch, "x"), Field::Index).contains("events 1 to 2"));
    refused(Edit::RemoveEvent { index: 9 }, Field::Index);
    let outcome = |text: &str| Edit::RecordOutcome {
        index: 0,
        outcome: text.into(),
        capex: None,
        guidance: None,
    };
    refused(outcome(" "), Field::Outcome);
    refused(
        Edit::AddEvent {
            event: event("9988.HK", " ", "2025-08-29"),
        },
        Field::Name,
    );
}
