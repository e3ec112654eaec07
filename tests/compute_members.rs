//! The member table and the index summary, worked out by hand.

pub mod compute_support;

use compute_support::*;
use spillover::compute::{IndexHistory, MemberRow, MemberStatus, index_summary, member_table};
use spillover::domain::PriceBook;
use spillover::domain::{Basket, Method, Window};

const CALENDAR: [&str; 8] = [
    "2024-12-30",
    "2024-12-31",
    "2025-01-02",
    "2025-01-03",
    "2025-01-06",
    "2025-01-07",
    "2025-01-08",
    "2025-01-09",
];

/// `(calendar position, price)` rows.
fn on(rows: &[(usize, f64)]) -> spillover::domain::PriceSeries {
    prices(
        &rows
            .iter()
            .map(|&(k, p)| (CALENDAR[k], p))
            .collect::<Vec<_>>(),
    )
}

/// Window 01-02..01-08 (s = position 2, e = position 6), as of 01-09.
fn lifecycle() -> (Basket, PriceBook, Window) {
    let book = book(vec![
        // A trades every day.
        (
            "A.SZ",
            on(&[
                (0, 10.0),
                (1, 10.0),
                (2, 11.0),
                (3, 12.0),
                (4, 12.0),
                (5, 13.0),
                (6, 14.0),
                (7, 15.0),
            ]),
        ),
        // S has no row on 01-07 and 01-08, and trades again on 01-09.
        (
            "S.SZ",
            on(&[
                (0, 20.0),
                (1, 20.0),
                (2, 21.0),
                (3, 22.0),
                (4, 24.0),
                (7, 25.0),
            ]),
        ),
        // L lists on 01-06.
        ("L.SZ", on(&[(4, 50.0), (5, 55.0), (6, 60.5), (7, 60.5)])),
        // E's last row is 01-03.
        ("E.SZ", on(&[(0, 100.0), (1, 100.0), (2, 90.0), (3, 80.0)])),
        // O ended before the window.
        ("O.SZ", on(&[(0, 5.0), (1, 6.0)])),
        // F only has a row after the as-of date.
        ("F.SZ", prices(&[("2025-01-10", 7.0)])),
    ]);
    let members = ["A.SZ", "S.SZ", "L.SZ", "E.SZ", "N.SZ", "O.SZ", "F.SZ"].map(|s| (s, None));
    let basket = basket("b", Method::Equal, &members);
    (basket, book, window("2025-01-02", "2025-01-08"))
}

fn table(
    basket: &Basket,
    book: &PriceBook,
    window: Window,
    method: Option<Method>,
) -> Vec<MemberRow> {
    let history = IndexHistory::build(basket, book, method, d("2025-01-09"));
    let series = history.series(window, None);
    member_table(basket, book, &history, &series, window)
}

#[test]
fn statuses_explain_every_missing_number() {
    let (basket, book, window) = lifecycle();
    let rows = table(&basket, &book, window, None);
    let status: Vec<MemberStatus> = rows.iter().map(|r| r.status).collect();
    assert_eq!(
        status,
        [
            MemberStatus::Ok,
            MemberStatus::Suspended {
                since: d("2025-01-07")
            },
            MemberStatus::Listed {
                on: d("2025-01-06")
            },
            MemberStatus::Ended {
                on: d("2025-01-03")
            },
            MemberStatus::NoData,
            MemberStatus::NoDataInWindow,
            MemberStatus::NoData,
        ]
    );
    assert_eq!(
        status[1].describe(),
        "suspended since 2025-01-07 (last price carried)"
    );
    assert_eq!(
        status[3].describe(),
        "no rows after 2025-01-03 (delisted, or suspended as of this date)"
    );
    // First/last rows up to as-of 01-09 (F's 01-10 row is not seen).
    assert_eq!(rows[1].last_date, Some(d("2025-01-09")));
    assert_eq!((rows[6].first_date, rows[6].last_date), (None, None));
}

#[test]
fn prices_and_returns_on_the_baskets_calendar_with_carried_prices() {
    let (basket, book, window) = lifecycle();
    let rows = table(&basket, &book, window, None);
    let (a, s, l, e) = (&rows[0], &rows[1], &rows[2], &rows[3]);
    // A: 14 on e; 1D 14/13; 5D back to 12-31 (10); YTD vs 12-31 (10); window vs 11.
    assert_eq!(
        (a.last_price, a.last_price_date),
        (Some(14.0), Some(d("2025-01-08")))
    );
    assert_close(a.ret_1d.unwrap(), 14.0 / 13.0 - 1.0);
    assert_close(a.ret_5d.unwrap(), 0.4);
    assert_eq!(a.ret_1m, None, "only 6 index dates before e");
    assert_close(a.ret_ytd.unwrap(), 0.4);
    assert_close(a.ret_window.unwrap(), 14.0 / 11.0 - 1.0);
    // S: carried at 24 since 01-06, so 1D is 0%; 5D and YTD vs 20; window vs 21.
    assert_eq!(
        (s.last_price, s.last_price_date),
        (Some(24.0), Some(d("2025-01-06")))
    );
    assert_eq!(s.ret_1d, Some(0.0));
    assert_close(s.ret_5d.unwrap(), 0.2);
    assert_close(s.ret_ytd.unwrap(), 0.2);
    assert_close(s.ret_window.unwrap(), 24.0 / 21.0 - 1.0);
    // L: no price on 12-31 -> no 5D or YTD; window from its first row (50).
    assert_close(l.ret_1d.unwrap(), 0.1);
    assert_eq!((l.ret_5d, l.ret_ytd), (None, None));
    assert_close(l.ret_window.unwrap(), 0.21);
    // E: no price on e; its window return runs to its last price, 80 vs 90.
    assert_eq!((e.ret_1d, e.ret_ytd), (None, None));
    assert_eq!(e.last_price, Some(80.0));
    assert_close(e.ret_window.unwrap(), 80.0 / 90.0 - 1.0);
    // O: its last price is before the window; no window return.
    assert_eq!((rows[5].last_price, rows[5].ret_window), (Some(6.0), None));
}

#[test]
fn current_weights_and_contributions() {
    let (basket, book, window) = lifecycle();
    let rows = table(&basket, &book, window, None);
    // Priced on e (01-08): A, S (carried), L -> 1/3 each.
    let weights: Vec<Option<f64>> = rows.iter().map(|r| r.current_weight).collect();
    let third = Some(1.0 / 3.0);
    assert_eq!(weights, [third, third, third, None, None, None, None]);
    // Contributions add up to I(e) - I(s); members without data add nothing.
    let history = IndexHistory::build(&basket, &book, None, d("2025-01-09"));
    let series = history.series(window, None);
    let change = series.last_level().unwrap() - 1000.0;
    let total: f64 = rows.iter().map(|r| r.contribution).sum();
    assert_close(total, change);
    assert_eq!(
        (
            rows[4].contribution,
            rows[5].contribution,
            rows[6].contribution
        ),
        (0.0, 0.0, 0.0)
    );
}

#[test]
fn members_excluded_by_the_method_say_so() {
    let d1 = "2025-01-02";
    let d2 = "2025-01-03";
    let book = book(vec![
        (
            "X.SZ",
            prices_with_mcap(&[(d1, 10.0, Some(3.0)), (d2, 11.0, Some(3.0))]),
        ),
        ("Z.SZ", prices(&[(d1, 10.0), (d2, 12.0)])),
    ]);
    let w = window(d1, d2);
    let cap = basket("b", Method::Cap, &[("X.SZ", None), ("Z.SZ", Some(1.0))]);
    let rows = table(&cap, &book, w, None);
    assert_eq!(rows[1].status, MemberStatus::ExcludedNoMcap);
    assert_eq!(rows[1].status.describe(), "excluded: no mcap (cap method)");
    assert_eq!(
        (rows[0].current_weight, rows[1].current_weight),
        (Some(1.0), None)
    );
    // The same basket, custom: X has no weight in the file.
    let rows = table(&cap, &book, w, Some(Method::Custom));
    assert_eq!(rows[0].status, MemberStatus::ExcludedNoWeight);
    assert_eq!(rows[1].status, MemberStatus::Ok);
    assert_eq!(rows[1].target_weight, Some(1.0));
    assert_eq!(
        (rows[0].current_weight, rows[1].current_weight),
        (None, Some(1.0))
    );
    // Equal: both fine.
    let rows = table(&cap, &book, w, Some(Method::Equal));
    assert!(rows.iter().all(|r| r.status.is_ok()));
}

#[test]
fn index_summary_reaches_back_before_the_window() {
    let (_, book, window) = lifecycle();
    let single = basket("a", Method::Equal, &[("A.SZ", None)]);
    let history = IndexHistory::build(&single, &book, None, d("2025-01-09"));
    let series = history.series(window, None);
    let summary = index_summary(&history, &series);
    // The window index is 1000 * P / 11 from 01-02; at 01-08: 14000/11.
    assert_eq!(summary.last_date, Some(d("2025-01-08")));
    assert_close(summary.level.unwrap(), 14000.0 / 11.0);
    assert_close(summary.ret_1d.unwrap(), 14.0 / 13.0 - 1.0);
    // 5D and YTD reach 12-31 (price 10), before the window.
    assert_close(summary.ret_5d.unwrap(), 0.4);
    assert_close(summary.ret_ytd.unwrap(), 0.4);
    assert_eq!(summary.ret_1m, None);
    assert_close(summary.ret_window.unwrap(), 14.0 / 11.0 - 1.0);
}
