//! Known answers of the event study (METHODOLOGY.md "Event study"), worked
//! out by hand from the rules in the comments.

pub mod compute_support;

use chrono::NaiveDate;
use compute_support::*;
use spillover::compute::{
    EventSelection, EventStudy, Model, SelectionError, StudyRequest, aggregate, event_study,
    select_events,
};
use spillover::domain::calendar::{Market, trading_days};
use spillover::domain::{
    Basket, BasketId, EarningsEvent, Method, PriceBook, PriceSeries, Session, Watchlist,
};

fn id(text: &str) -> BasketId {
    BasketId::parse(text).unwrap()
}

fn event(symbol: &str, date: &str, session: Session) -> EarningsEvent {
    EarningsEvent {
        symbol: sym(symbol),
        name: symbol.to_string(),
        date: d(date),
        session,
        period: String::new(),
        capex_last: String::new(),
        guidance: String::new(),
        watch: String::new(),
        outcome: String::new(),
        capex_reported: String::new(),
        guidance_change: String::new(),
        estimated: false,
    }
}

fn single(id_text: &str, symbol: &str) -> Basket {
    basket(id_text, Method::Equal, &[(symbol, None)])
}

fn request(as_of: &str, model: Model) -> StudyRequest {
    StudyRequest {
        as_of: d(as_of),
        method: None,
        // The pair names baskets absent here: no ratios, only baskets.
        pair: [id("na-chain"), id("domestic-chain"), id("alibaba")],
        benchmark: id("hstech"),
        model,
    }
}

fn study(
    baskets: &[Basket],
    book: &PriceBook,
    events: &[EarningsEvent],
    req: &StudyRequest,
) -> EventStudy {
    let numbered: Vec<(usize, &EarningsEvent)> =
        events.iter().enumerate().map(|(i, e)| (i + 1, e)).collect();
    event_study(baskets, book, &numbered, req).unwrap()
}

fn flat(dates: &[NaiveDate]) -> PriceSeries {
    PriceSeries::from_pairs(&dates.iter().map(|d| (*d, 100.0)).collect::<Vec<_>>())
}

#[test]
fn day_zero_follows_the_release_time_across_a_hong_kong_holiday() {
    // Easter 2025: Hong Kong is closed Fri 04-18 and Mon 04-21, the
    // mainland trades both. Labour Day: Hong Kong trades Fri 05-02, the
    // mainland is closed 05-01..05-05.
    let cn = trading_days(Market::Mainland, d("2025-04-01"), d("2025-05-09"));
    let hk = trading_days(Market::HongKong, d("2025-04-01"), d("2025-05-09"));
    let book = book(vec![
        ("000001.SZ", flat(&cn)),
        ("0001.HK", flat(&hk)),
        ("HSTECH.HK", flat(&hk)),
    ]);
    let baskets = [
        single("cn", "000001.SZ"),
        single("hk", "0001.HK"),
        single("hstech", "HSTECH.HK"),
    ];
    let events = [
        // Before the open on Good Friday: the first Hong Kong session is
        // Tue 04-22, and the mainland's first date on or after it too (its
        // own sessions of 04-18 and 04-21 came before Hong Kong could react).
        event("0001.HK", "2025-04-18", Session::BeforeOpen),
        // After the close on Thu 04-17: the next Hong Kong day is 04-22.
        event("0001.HK", "2025-04-17", Session::AfterClose),
        // After the close on Wed 04-30: Hong Kong reacts on Fri 05-02; the
        // mainland, closed until 05-05, on Tue 05-06.
        event("0001.HK", "2025-04-30", Session::AfterClose),
        // Before the open on a trading day: that day.
        event("0001.HK", "2025-04-24", Session::BeforeOpen),
    ];
    let result = study(
        &baskets,
        &book,
        &events,
        &request("2025-05-09", Model::Adjusted),
    );
    let day0 = |e: usize, s: usize| result.events[e].series[s].day0;
    assert_eq!(result.events[0].first_session, d("2025-04-22"));
    assert_eq!(
        (day0(0, 0), day0(0, 1)),
        (Some(d("2025-04-22")), Some(d("2025-04-22")))
    );
    assert_eq!(result.events[1].first_session, d("2025-04-22"));
    assert_eq!(day0(1, 0), Some(d("2025-04-22")));
    assert_eq!(result.events[2].first_session, d("2025-05-02"));
    assert_eq!(
        (day0(2, 0), day0(2, 1)),
        (Some(d("2025-05-06")), Some(d("2025-05-02")))
    );
    assert_eq!(day0(3, 0), Some(d("2025-04-24")));
    // The benchmark itself is not listed: the series are cn and hk.
    let names: Vec<&str> = result.events[0]
        .series
        .iter()
        .map(|s| s.series.as_str())
        .collect();
    assert_eq!(names, ["cn", "hk"]);
}

#[test]
fn the_benchmark_carries_over_an_a_share_only_date_and_as_of_cuts_the_window() {
    // cn (A-share) closes 100, 100, 102, 102, 103.02 on 04-16, 04-17,
    // 04-18, 04-21, 04-22; the benchmark (Hong Kong, closed 04-18 and
    // 04-21) 100, 100, 101 on 04-16, 04-17, 04-22. Event before the open
    // on Thu 04-17: day 0 = 04-17, τ = −1…+3 are 04-16…04-22.
    // R:      04-17 0, 04-18 0.02, 04-21 0, 04-22 0.01
    // R_bench (carried): 0, 100/100 − 1 = 0, 0, 101/100 − 1 = 0.01
    // AR:     0, 0.02, 0, 0
    let book = book(vec![
        (
            "000001.SZ",
            prices(&[
                ("2025-04-16", 100.0),
                ("2025-04-17", 100.0),
                ("2025-04-18", 102.0),
                ("2025-04-21", 102.0),
                ("2025-04-22", 103.02),
            ]),
        ),
        (
            "HSTECH.HK",
            prices(&[
                ("2025-04-16", 100.0),
                ("2025-04-17", 100.0),
                ("2025-04-22", 101.0),
            ]),
        ),
    ]);
    let baskets = [single("cn", "000001.SZ"), single("hstech", "HSTECH.HK")];
    let events = [event("0700.HK", "2025-04-17", Session::BeforeOpen)];
    let result = study(
        &baskets,
        &book,
        &events,
        &request("2025-04-22", Model::Adjusted),
    );
    let cn = &result.events[0].series[0];
    assert_eq!(cn.day0, Some(d("2025-04-17")));
    // [-1,+1]: τ = −1 is the first date, which has no return: n/a.
    assert_eq!(cn.car(-1, 1).unwrap().car, None);
    // [0,+1] = 0 + 0.02, whole.
    let c01 = cn.car(0, 1).unwrap();
    assert_close(c01.car.unwrap(), 0.02);
    assert_eq!((c01.days, c01.partial), (2, false));
    // [0,+5] reaches past as-of (04-22 = τ +3): cut there, 4 days, partial.
    let c05 = cn.car(0, 5).unwrap();
    assert_close(c05.car.unwrap(), 0.02);
    assert_eq!((c05.days, c05.partial), (4, true));
    // [-5,+5] starts before the data: n/a. The estimation window is empty
    // (< 60 returns): s and every t are n/a.
    assert_eq!(cn.car(-5, 5).unwrap().car, None);
    assert_eq!((cn.estimation_n, cn.s), (0, None));
    assert!(cn.cars.iter().all(|c| c.t.is_none()));
    // Path CAR(−5, τ): n/a from τ = −5 (no data) on.
    assert!(cn.path.iter().all(|p| p.car.is_none()));
    // The market model needs 60 estimation returns: every CAR is n/a.
    let market = study(
        &baskets,
        &book,
        &events,
        &request("2025-04-22", Model::Market),
    );
    let cn = &market.events[0].series[0];
    assert_eq!((cn.alpha, cn.beta), (None, None));
    assert!(cn.cars.iter().all(|c| c.car.is_none()));
}

/// Weekdays from 2026-01-01 (outside the holiday list every weekday
/// trades): a series whose return on position p is `ret(p)`, and a flat
/// benchmark (its returns are 0, so AR = R).
fn weekday_book(count: usize, ret: impl Fn(usize) -> f64) -> (Vec<NaiveDate>, PriceBook) {
    let dates = trading_days(Market::HongKong, d("2026-01-01"), d("2026-12-31"));
    let dates: Vec<NaiveDate> = dates.into_iter().take(count).collect();
    let mut level = 100.0;
    let rows: Vec<(NaiveDate, f64)> = dates
        .iter()
        .enumerate()
        .map(|(p, date)| {
            if p > 0 {
                level *= 1.0 + ret(p);
            }
            (*date, level)
        })
        .collect();
    let book = book(vec![
        ("000001.SZ", PriceSeries::from_pairs(&rows)),
        ("HSTECH.HK", flat(&dates)),
    ]);
    (dates, book)
}

/// AR on position p: ±0.01 alternating on 1..=110 (odd +, even −), 0 on
/// 111..=120, 0.03 on day 0 (121), 0.01 on τ = +1 (122), 0 after.
fn story(p: usize) -> f64 {
    match p {
        1..=110 if p % 2 == 1 => 0.01,
        1..=110 => -0.01,
        121 => 0.03,
        122 => 0.01,
        _ => 0.0,
    }
}

#[test]
fn t_uses_the_estimation_windows_sd() {
    // Day 0 at position 121: the estimation window τ ∈ [−120, −11] is
    // positions 1..=110, 110 returns (≥ 60), 55 of +0.01 and 55 of −0.01:
    // mean 0, Σ dev² = 110·0.0001, s = 0.01·√(110/109).
    let (dates, book) = weekday_book(132, story);
    let baskets = [single("cn", "000001.SZ"), single("hstech", "HSTECH.HK")];
    let events = [event(
        "0700.HK",
        &dates[121].to_string(),
        Session::BeforeOpen,
    )];
    let as_of = dates[131].to_string();
    let result = study(&baskets, &book, &events, &request(&as_of, Model::Adjusted));
    let cn = &result.events[0].series[0];
    let s = 0.01 * (110.0f64 / 109.0).sqrt();
    assert_eq!(cn.estimation_n, 110);
    assert_close(cn.s.unwrap(), s);
    // CAR[-1,+1] = 0 + 0.03 + 0.01 = 0.04, t = 0.04/(s√3); CAR[0,+1] =
    // 0.04, t = 0.04/(s√2); CAR[0,+10] = 0.04 over 11 days.
    for (from, to, days) in [
        (-1, 1, 3.0),
        (0, 1, 2.0),
        (0, 5, 6.0),
        (-5, 5, 11.0),
        (0, 10, 11.0),
    ] {
        let car = cn.car(from, to).unwrap();
        assert_close(car.car.unwrap(), 0.04);
        assert_close(car.t.unwrap(), 0.04 / (s * f64::sqrt(days)));
        assert!(!car.partial);
    }
    // The path: CAR(−5, τ) is 0 until τ = −1, 0.03 at 0, 0.04 from +1.
    let path: Vec<f64> = cn.path.iter().map(|p| p.car.unwrap()).collect();
    let mut expected = vec![0.0; 5];
    expected.extend([0.03]);
    expected.extend(vec![0.04; 10]);
    assert_eq!(cn.path.first().unwrap().tau, -5);
    for (a, e) in path.iter().zip(&expected) {
        assert!((a - e).abs() < 1e-12, "{path:?}");
    }
    // A flat benchmark gives the market model no β: every CAR is n/a.
    let market = study(&baskets, &book, &events, &request(&as_of, Model::Market));
    assert!(
        market.events[0].series[0]
            .cars
            .iter()
            .all(|c| c.car.is_none())
    );
}

#[test]
fn as_of_cuts_a_window_and_an_event_after_it_has_no_numbers() {
    let (dates, book) = weekday_book(132, story);
    let baskets = [single("cn", "000001.SZ"), single("hstech", "HSTECH.HK")];
    let events = [
        event("0700.HK", &dates[121].to_string(), Session::BeforeOpen),
        event("9988.HK", &dates[125].to_string(), Session::AfterClose),
    ];
    // As of τ = +3 (position 124): [0,+5] sums positions 121..=124, 4 days:
    // 0.04, t = 0.04/(s·√4); the second event reacts on position 126.
    let as_of = dates[124].to_string();
    let result = study(&baskets, &book, &events, &request(&as_of, Model::Adjusted));
    let s = 0.01 * (110.0f64 / 109.0).sqrt();
    let c05 = *result.events[0].series[0].car(0, 5).unwrap();
    assert_eq!((c05.days, c05.partial), (4, true));
    assert_close(c05.car.unwrap(), 0.04);
    assert_close(c05.t.unwrap(), 0.04 / (s * 2.0));
    // Path past as-of is n/a, before it is not.
    let path = &result.events[0].series[0].path;
    assert!(path.iter().filter(|p| p.tau <= 3).all(|p| p.car.is_some()));
    assert!(
        path.iter()
            .filter(|p| p.tau > 3)
            .all(|p| p.car.is_none() && p.date.is_none())
    );
    let later = &result.events[1];
    assert!(later.after_as_of);
    assert_eq!(later.series[0].day0, None);
    assert!(
        later.series[0]
            .cars
            .iter()
            .all(|c| c.car.is_none() && c.t.is_none())
    );
    // The aggregate leaves partial windows out: [0,+5] has no event,
    // [0,+1] has the first alone, whose t is n/a (one event).
    let agg = &result.aggregate[0];
    let of = |from: i32, to: i32| {
        *agg.cars
            .iter()
            .find(|c| (c.from, c.to) == (from, to))
            .unwrap()
    };
    assert_eq!((of(0, 5).n, of(0, 5).mean, of(0, 5).t), (0, None, None));
    let one = of(0, 1);
    assert_eq!((one.n, one.positive, one.t), (1, 1, None));
    assert_close(one.mean.unwrap(), 0.04);
}

#[test]
fn the_cross_sectional_t_of_two_events() {
    // Two events at positions 121 (CAR[0,+1] = 0.03 + 0.01 = 0.04) and
    // 141 (0.02 + 0 = 0.02): mean 0.03, sd = √((0.01² + 0.01²)/1) = 0.01·√2,
    // t = 0.03/(0.01·√2/√2) = 3.
    let (dates, book) = weekday_book(160, |p| match p {
        141 => 0.02,
        p => story(p),
    });
    let baskets = [single("cn", "000001.SZ"), single("hstech", "HSTECH.HK")];
    let events = [
        event("0700.HK", &dates[121].to_string(), Session::BeforeOpen),
        event("9988.HK", &dates[141].to_string(), Session::Intraday),
    ];
    let result = study(
        &baskets,
        &book,
        &events,
        &request(&dates[159].to_string(), Model::Adjusted),
    );
    let agg = aggregate(result.events.iter().flat_map(|e| &e.series));
    let c01 = agg[0]
        .cars
        .iter()
        .find(|c| (c.from, c.to) == (0, 1))
        .unwrap();
    assert_eq!((c01.n, c01.positive), (2, 2));
    assert_close(c01.mean.unwrap(), 0.03);
    assert_close(c01.t.unwrap(), 3.0);
}

#[test]
fn events_are_selected_by_number_symbol_or_month_and_misses_say_why() {
    let list = Watchlist {
        events: vec![
            event("9988.HK", "2025-02-20", Session::AfterClose),
            event("0700.HK", "2025-05-14", Session::AfterClose),
            event("9988.HK", "2025-05-15", Session::AfterClose),
        ],
    };
    let numbers = |sel: EventSelection| -> Vec<usize> {
        select_events(&list.events, &sel)
            .unwrap()
            .iter()
            .map(|(n, _)| *n)
            .collect()
    };
    assert_eq!(numbers(EventSelection::All), [1, 2, 3]);
    assert_eq!(numbers(EventSelection::Number(2)), [2]);
    assert_eq!(numbers(EventSelection::Symbol(sym("9988.HK"))), [1, 3]);
    assert_eq!(
        numbers(EventSelection::Month {
            year: 2025,
            month: 5
        }),
        [2, 3]
    );
    let miss = select_events(&list.events, &EventSelection::Number(9)).unwrap_err();
    assert_eq!(
        miss,
        SelectionError::NoNumber {
            number: 9,
            count: 3
        }
    );
    let miss = select_events(
        &list.events,
        &EventSelection::Month {
            year: 2025,
            month: 6,
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        miss.contains("2025-06") && miss.contains("2025-02, 2025-05"),
        "{miss}"
    );
    let miss = select_events(&list.events, &EventSelection::Symbol(sym("3690.HK")))
        .unwrap_err()
        .to_string();
    assert!(miss.contains("0700.HK, 9988.HK"), "{miss}");
    assert_eq!(
        select_events(&[], &EventSelection::All).unwrap_err(),
        SelectionError::Empty
    );
}

#[test]
fn an_unknown_benchmark_is_an_error_naming_the_baskets() {
    let (_, book) = weekday_book(10, story);
    let baskets = [single("cn", "000001.SZ")];
    let err = event_study(
        &baskets,
        &book,
        &[],
        &request("2026-01-14", Model::Adjusted),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("hstech") && err.contains("cn"), "{err}");
}
