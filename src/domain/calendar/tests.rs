//! Known answers of the calendars: the exchanges' own holiday notices.

use super::table::{FIRST_YEAR, parse_table};
use super::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_embedded_table_covers_every_market_from_2015() {
    let cal = Calendars::embedded();
    assert_eq!(cal.known_until(Market::Mainland), 2026);
    assert_eq!(cal.known_until(Market::HongKong), 2027);
    assert_eq!(cal.known_until(Market::NewYork), 2027);
    for market in Market::ALL {
        for year in FIRST_YEAR..=cal.known_until(market) {
            let closed = cal.closures_in_year(market, year).len();
            assert!((8..=25).contains(&closed), "{market} {year}: {closed}");
        }
    }
}

#[test]
fn a_broken_table_line_is_named() {
    let err = parse_table("known,XHKG,2026\nXHKG,2026,0230\n").unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
    let err = parse_table("XLON,2026,0101\n").unwrap_err();
    assert!(err.to_string().contains("XLON"), "{err}");
    let err = parse_table("XHKG,2026,0103\n").unwrap_err();
    assert!(err.to_string().contains("weekend"), "{err}");
}

#[test]
fn the_2026_holidays_of_the_issue_are_closed() {
    let cal = Calendars::embedded();
    // Chinese New Year 2026: mainland 02-16..02-23, Hong Kong 02-17..02-19.
    for day in ["2026-02-16", "2026-02-17", "2026-02-20", "2026-02-23"] {
        assert!(!cal.is_session(Market::Mainland, d(day)), "{day}");
    }
    assert!(cal.is_session(Market::HongKong, d("2026-02-16")));
    for day in ["2026-02-17", "2026-02-18", "2026-02-19"] {
        assert!(!cal.is_session(Market::HongKong, d(day)), "{day}");
    }
    assert!(cal.is_session(Market::HongKong, d("2026-02-20")));
    // Labour Day: mainland 05-01..05-05, Hong Kong 05-01 only.
    assert_eq!(
        cal.next_session(Market::Mainland, d("2026-04-30")),
        d("2026-05-06")
    );
    assert_eq!(
        cal.next_session(Market::HongKong, d("2026-04-30")),
        d("2026-05-04")
    );
    // Buddha's Birthday in Hong Kong, 2026-05-25; New York closes for Memorial Day.
    assert!(!cal.is_session(Market::HongKong, d("2026-05-25")));
    assert!(cal.is_session(Market::Mainland, d("2026-05-25")));
    assert!(!cal.is_session(Market::NewYork, d("2026-05-25")));
    // Thanksgiving; the day after is a half day, a session.
    assert!(!cal.is_session(Market::NewYork, d("2026-11-26")));
    assert!(cal.is_session(Market::NewYork, d("2026-11-27")));
    // Nothing past 2026 is known on the mainland: assumed, and said so.
    assert_eq!(
        cal.source(Market::Mainland, d("2027-02-08")),
        DaySource::Assumed
    );
    assert!(cal.is_estimated(Market::Mainland, d("2027-02-08")));
    assert!(!cal.is_estimated(Market::HongKong, d("2027-02-08")));
    assert!(!cal.is_session(Market::HongKong, d("2027-02-08")));
}

#[test]
fn a_report_on_the_eve_of_new_year_reacts_after_the_break() {
    let cal = Calendars::embedded();
    assert_eq!(
        cal.first_reacting_session(Market::Mainland, d("2026-02-13"), Session::AfterClose),
        d("2026-02-24")
    );
    assert_eq!(
        cal.first_reacting_session(Market::HongKong, d("2026-02-16"), Session::AfterClose),
        d("2026-02-20")
    );
    assert_eq!(
        cal.first_reacting_session(Market::HongKong, d("2026-05-25"), Session::BeforeOpen),
        d("2026-05-26")
    );
}

#[test]
fn the_user_file_extends_and_corrects() {
    let text = "date,market,note\n\
        # next year's notice\n\
        2027-02-08,XSHE,Closed (Spring Festival)\n\
        2027-01-01,XSHG,closed\n\
        2026-05-25,XHKG,open: say the exchange opened\n";
    let days = parse_user_file(text).unwrap();
    assert_eq!(days.len(), 3);
    assert_eq!(days[0].line, 3);
    let cal = Calendars::embedded().with_user(&days);
    assert!(!cal.is_session(Market::Mainland, d("2027-02-08")));
    assert!(cal.is_session(Market::Mainland, d("2027-02-09")));
    assert!(cal.is_session(Market::HongKong, d("2026-05-25")));
    assert_eq!(cal.known_until(Market::Mainland), 2027);
    assert_eq!(
        cal.source(Market::Mainland, d("2027-02-09")),
        DaySource::UserFile
    );
    assert!(!cal.is_estimated(Market::Mainland, d("2027-03-01")));
    assert!(cal.is_estimated(Market::Mainland, d("2028-03-01")));
    assert_eq!(
        cal.source(Market::Mainland, d("2026-03-02")),
        DaySource::Embedded
    );
}

#[test]
fn a_bad_user_line_names_its_line_and_the_fix() {
    let cases = [
        ("2027-13-01,XHKG,closed", "not a date"),
        ("2027-02-08,XLON,closed", "XSHG (or XSHE"),
        ("2027-02-08,XHKG,holiday", "neither open nor closed"),
        ("2027-02-08,XHKG,open or closed", "both"),
        ("2027-02-06,XHKG,open", "weekend"),
        ("2027-02-08,XHKG,closed\n2027-02-08,XHKG,open", "on line 2"),
        ("2027-02-08", "unknown market \"\""),
    ];
    for (body, expected) in cases {
        let text = format!("date,market,note\n{body}\n");
        let err = parse_user_file(&text).unwrap_err();
        let line = if body.contains('\n') { 3 } else { 2 };
        assert_eq!(err.line, line, "{body}");
        assert!(err.to_string().contains(expected), "{body}: {err}");
    }
}

#[test]
fn calendars_differ_where_the_exchanges_did() {
    // 2025-05-02: Hong Kong open, mainland still on the Labour Day break.
    assert!(is_trading_day(Market::HongKong, d("2025-05-02")));
    assert!(!is_trading_day(Market::Mainland, d("2025-05-02")));
    // Good Friday and Easter Monday 2025: A-share-only sessions.
    for date in ["2025-04-18", "2025-04-21"] {
        assert!(is_trading_day(Market::Mainland, d(date)), "{date}");
        assert!(!is_trading_day(Market::HongKong, d(date)), "{date}");
    }
    // Half days trade: Christmas Eve 2024 in Hong Kong.
    assert!(is_trading_day(Market::HongKong, d("2024-12-24")));
    // A weekend is closed everywhere, also outside the known years.
    for date in ["2025-05-03", "2025-05-04", "2030-06-01"] {
        assert!(!is_trading_day(Market::Mainland, d(date)), "{date}");
        assert!(!is_trading_day(Market::HongKong, d(date)), "{date}");
    }
    // Past the known years every weekday is assumed to trade.
    assert!(is_trading_day(Market::Mainland, d("2030-01-01")));
}

#[test]
fn market_follows_the_suffix() {
    assert_eq!(
        Market::of(&Symbol::parse("9988.HK").unwrap()),
        Market::HongKong
    );
    assert_eq!(
        Market::of(&Symbol::parse("HSTECH.HK").unwrap()),
        Market::HongKong
    );
    assert_eq!(
        Market::of(&Symbol::parse("688256.SS").unwrap()),
        Market::Mainland
    );
    assert_eq!(
        Market::of(&Symbol::parse("300308.SZ").unwrap()),
        Market::Mainland
    );
    for us in ["AAPL", "nvda.us", "BRK-B"] {
        assert_eq!(
            Market::of(&Symbol::parse(us).unwrap()),
            Market::NewYork,
            "{us}"
        );
    }
}

#[test]
fn trading_days_skip_weekends_and_holidays() {
    // Week of 2025-04-28: Mon-Wed trade on both; Thu 05-01 closed on both;
    // Fri 05-02 Hong Kong only; Mon 05-05 closed on both.
    let hk = trading_days(Market::HongKong, d("2025-04-28"), d("2025-05-06"));
    let cn = trading_days(Market::Mainland, d("2025-04-28"), d("2025-05-06"));
    let days = |list: &[&str]| list.iter().map(|s| d(s)).collect::<Vec<_>>();
    assert_eq!(
        hk,
        days(&[
            "2025-04-28",
            "2025-04-29",
            "2025-04-30",
            "2025-05-02",
            "2025-05-06"
        ])
    );
    assert_eq!(
        cn,
        days(&["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-06"])
    );
    assert!(trading_days(Market::HongKong, d("2025-05-06"), d("2025-05-05")).is_empty());
}

#[test]
fn next_trading_day_is_strictly_after() {
    assert_eq!(
        next_trading_day(Market::Mainland, d("2025-04-30")),
        d("2025-05-06")
    );
    assert_eq!(
        next_trading_day(Market::HongKong, d("2025-04-30")),
        d("2025-05-02")
    );
    assert_eq!(
        next_trading_day(Market::HongKong, d("2025-05-02")),
        d("2025-05-06")
    );
    // Chinese New Year 2025: mainland closed 01-28..02-04.
    assert_eq!(
        next_trading_day(Market::Mainland, d("2025-01-27")),
        d("2025-02-05")
    );
}

#[test]
fn the_first_reacting_session_follows_the_release_time() {
    // Alibaba reported on Thursday 2025-05-15 after the Hong Kong close.
    let hk = Market::HongKong;
    assert_eq!(
        first_reacting_session(hk, d("2025-05-15"), Session::AfterClose),
        d("2025-05-16")
    );
    // Trip.com before the open on Monday 2025-05-19: that day reacts.
    assert_eq!(
        first_reacting_session(hk, d("2025-05-19"), Session::BeforeOpen),
        d("2025-05-19")
    );
    assert_eq!(
        first_reacting_session(hk, d("2025-05-19"), Session::Intraday),
        d("2025-05-19")
    );
    // Before the open on a holiday (Good Friday 2025-04-18): Easter Monday
    // is closed too, so Tuesday 04-22 is the first session.
    assert_eq!(
        first_reacting_session(hk, d("2025-04-18"), Session::BeforeOpen),
        d("2025-04-22")
    );
    // After the close on a Friday: the next Monday.
    assert_eq!(
        first_reacting_session(hk, d("2025-05-23"), Session::AfterClose),
        d("2025-05-26")
    );
}
