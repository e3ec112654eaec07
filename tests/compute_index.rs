//! Known answers for the basket index (METHODOLOGY.md "Basket index"),
//! worked out by hand in the comments.

pub mod compute_support;

use compute_support::*;
use spillover::compute::{ComputeError, IndexHistory, basket_index, effective_method};
use spillover::domain::Method;

// Thu 2025-01-02, Fri 01-03, Mon 01-06, Tue 01-07.
const D1: &str = "2025-01-02";
const D2: &str = "2025-01-03";
const D3: &str = "2025-01-06";
const D4: &str = "2025-01-07";

/// X is suspended on D3 (no row) and resumes on D4; Y trades every day.
fn suspension_book() -> spillover::domain::PriceBook {
    book(vec![
        ("X.SZ", prices(&[(D1, 10.0), (D2, 11.0), (D4, 12.1)])),
        (
            "Y.SZ",
            prices(&[(D1, 20.0), (D2, 22.0), (D3, 24.2), (D4, 24.2)]),
        ),
    ])
}

#[test]
fn a_suspended_member_carries_its_price_with_zero_return() {
    let basket = basket("b", Method::Equal, &[("X.SZ", None), ("Y.SZ", None)]);
    let series = basket_index(
        &basket,
        &suspension_book(),
        None,
        d(D4),
        window(D1, D4),
        None,
    )
    .unwrap();
    // D2: r_X = r_Y = 0.1, R = 0.1, I = 1100.
    // D3: X carried at 11: r_X = 0, r_Y = 0.1, R = 0.05, I = 1155.
    // D4: r_X = 12.1/11 - 1 = 0.1, r_Y = 0, R = 0.05, I = 1212.75.
    assert_eq!(series.dates, vec![d(D1), d(D2), d(D3), d(D4)]);
    assert_eq!(series.levels[0], 1000.0, "exactly 1000 on the first date");
    assert_all_close(&series.levels, &[1000.0, 1100.0, 1155.0, 1212.75]);
    assert_eq!(series.eligible, vec![0, 2, 2, 2]);
}

#[test]
fn contributions_add_up_to_the_index_change() {
    let basket = basket("b", Method::Equal, &[("X.SZ", None), ("Y.SZ", None)]);
    let book = suspension_book();
    let history = IndexHistory::build(&basket, &book, None, d(D4));
    let series = history.series(window(D1, D4), None);
    let c = history.contributions(&series);
    // X: 1000*0.5*0.1 + 1100*0.5*0 + 1155*0.5*0.1 = 50 + 0 + 57.75 = 107.75.
    // Y: 1000*0.5*0.1 + 1100*0.5*0.1 + 1155*0.5*0 = 50 + 55 + 0 = 105.
    assert_all_close(&c, &[107.75, 105.0]);
    assert_close(c.iter().sum(), 1212.75 - 1000.0);
}

/// X trades throughout, Y lists on D3, Z's last row is D2.
fn lifecycle_book() -> spillover::domain::PriceBook {
    book(vec![
        (
            "X.SZ",
            prices(&[(D1, 10.0), (D2, 11.0), (D3, 12.1), (D4, 12.1)]),
        ),
        ("Y.SZ", prices(&[(D3, 50.0), (D4, 55.0)])),
        ("Z.SZ", prices(&[(D1, 100.0), (D2, 90.0)])),
    ])
}

#[test]
fn a_listing_is_never_back_filled_and_a_delisting_never_extended() {
    let members = [("X.SZ", None), ("Y.SZ", None), ("Z.SZ", None)];
    let basket = basket("b", Method::Equal, &members);
    let book = lifecycle_book();
    let history = IndexHistory::build(&basket, &book, None, d(D4));
    let series = history.series(window(D1, D4), None);
    // D2: X +0.1, Z -0.1 (Y has no price yet): R = 0, I = 1000.
    // D3: X +0.1; Y has no price on D2; Z's life ended on D2: R = 0.1, I = 1100
    //     (carrying Z at 90 would have given R = 0.05).
    // D4: X 0, Y +0.1 (priced on D3 and D4): R = 0.05, I = 1155.
    assert_all_close(&series.levels, &[1000.0, 1000.0, 1100.0, 1155.0]);
    assert_eq!(series.eligible, vec![0, 2, 1, 2]);
    // X: 50 + 100 + 0; Y: 1100*0.5*0.1 = 55; Z: 1000*0.5*(-0.1) = -50.
    let c = history.contributions(&series);
    assert_all_close(&c, &[150.0, 55.0, -50.0]);
    assert_close(c.iter().sum(), 155.0);
}

#[test]
fn cap_weights_use_the_previous_mcap_and_skip_members_without_one() {
    let book = book(vec![
        (
            "X.SZ",
            prices_with_mcap(&[
                (D1, 10.0, Some(300.0)),
                (D2, 11.0, Some(300.0)),
                (D3, 11.0, Some(300.0)),
            ]),
        ),
        (
            "Y.SZ",
            prices_with_mcap(&[
                (D1, 10.0, Some(100.0)),
                (D2, 8.0, Some(200.0)),
                (D3, 8.8, Some(200.0)),
            ]),
        ),
        ("Z.SZ", prices(&[(D1, 10.0), (D2, 20.0), (D3, 20.0)])),
    ]);
    let basket = basket(
        "b",
        Method::Cap,
        &[("X.SZ", None), ("Y.SZ", None), ("Z.SZ", None)],
    );
    let series = basket_index(&basket, &book, None, d(D3), window(D1, D3), None).unwrap();
    // D2: mcap on D1 300 : 100 -> w 0.75, 0.25 (Z has no mcap):
    //     R = 0.75*0.1 + 0.25*(-0.2) = 0.025, I = 1025.
    // D3: mcap on D2 300 : 200 -> w 0.6, 0.4: R = 0.6*0 + 0.4*0.1 = 0.04, I = 1066.
    assert_all_close(&series.levels, &[1000.0, 1025.0, 1066.0]);
    assert_eq!(series.eligible, vec![0, 2, 2]);
    assert_eq!(series.method, Method::Cap);
    // The same basket with `--method equal`: D2 R = (0.1 - 0.2 + 1)/3 = 0.3.
    let equal = basket_index(
        &basket,
        &book,
        Some(Method::Equal),
        d(D3),
        window(D1, D3),
        None,
    )
    .unwrap();
    assert_close(equal.levels[1], 1300.0);
}

#[test]
fn custom_weights_are_renormalised_over_the_eligible_members() {
    let book = book(vec![
        (
            "X.SZ",
            prices(&[(D1, 10.0), (D2, 11.0), (D3, 11.0), (D4, 11.0)]),
        ),
        (
            "Y.SZ",
            prices(&[(D1, 10.0), (D2, 12.0), (D3, 12.0), (D4, 12.0)]),
        ),
        ("Z.SZ", prices(&[(D3, 5.0), (D4, 6.0)])),
        (
            "V.SZ",
            prices(&[(D1, 10.0), (D2, 20.0), (D3, 40.0), (D4, 80.0)]),
        ),
    ]);
    let members = [
        ("X.SZ", Some(3.0)),
        ("Y.SZ", Some(1.0)),
        ("Z.SZ", Some(4.0)),
        ("V.SZ", None),
    ];
    let basket = basket("b", Method::Equal, &members);
    let series = basket_index(
        &basket,
        &book,
        Some(Method::Custom),
        d(D4),
        window(D1, D4),
        None,
    )
    .unwrap();
    // V has no weight: never eligible. D2: X, Y at 3/4, 1/4:
    //   R = 0.75*0.1 + 0.25*0.2 = 0.125, I = 1125.
    // D3: X, Y flat; Z has no price on D2: R = 0, I = 1125.
    // D4: X, Y, Z at 3/8, 1/8, 4/8: R = 0.5*0.2 = 0.1, I = 1237.5.
    assert_all_close(&series.levels, &[1000.0, 1125.0, 1125.0, 1237.5]);
    assert_eq!(series.eligible, vec![0, 2, 2, 3]);
}

#[test]
fn a_single_series_ignores_the_method() {
    // An index file without mcap or weight, as HSTECH.HK.
    let book = book(vec![(
        "HSTECH.HK",
        prices(&[(D1, 5000.0), (D2, 5500.0), (D3, 4950.0)]),
    )]);
    let single = basket("hstech", Method::Custom, &[("HSTECH.HK", None)]);
    assert_eq!(effective_method(&single, Some(Method::Cap)), Method::Equal);
    for method in [None, Some(Method::Cap), Some(Method::Custom)] {
        let series = basket_index(&single, &book, method, d(D3), window(D1, D3), None).unwrap();
        // 1000 * P / 5000.
        assert_all_close(&series.levels, &[1000.0, 1100.0, 990.0]);
    }
}

#[test]
fn a_base_date_rescales_the_whole_series_to_1000_there() {
    let basket = basket("b", Method::Equal, &[("X.SZ", None), ("Y.SZ", None)]);
    let book = suspension_book();
    let index =
        |base: &str| basket_index(&basket, &book, None, d(D4), window(D1, D4), Some(d(base)));
    // Levels 1000, 1100, 1155, 1212.75 divided by 1.1.
    let on_d2 = index(D2).unwrap();
    assert_eq!(on_d2.levels[1], 1000.0, "exactly 1000 on the base date");
    assert_all_close(&on_d2.levels, &[1000.0 / 1.1, 1000.0, 1050.0, 1102.5]);
    // Sunday 01-05 is not an index date: the last one before it (Fri D2) is used.
    assert_eq!(index("2025-01-05").unwrap(), on_d2);
    // Outside the window: a clear error.
    let err = index("2024-12-31").unwrap_err();
    assert!(matches!(err, ComputeError::BaseOutsideWindow { .. }));
    assert_eq!(
        err.to_string(),
        "base date 2024-12-31 is outside the window 2025-01-02..2025-01-07; pick a date inside it"
    );
    assert!(index("2025-01-08").is_err());
}

#[test]
fn a_window_starts_at_1000_whatever_came_before() {
    let basket = basket("b", Method::Equal, &[("X.SZ", None), ("Y.SZ", None)]);
    let series = basket_index(
        &basket,
        &suspension_book(),
        None,
        d(D4),
        window(D2, D4),
        None,
    )
    .unwrap();
    // From D2: D3 R = 0.05, D4 R = 0.05: 1000, 1050, 1102.5.
    assert_eq!(series.levels[0], 1000.0);
    assert_all_close(&series.levels, &[1000.0, 1050.0, 1102.5]);
    assert_eq!(series.eligible, vec![0, 2, 2]);
}

#[test]
fn the_as_of_date_hides_every_later_row() {
    let basket = basket("b", Method::Equal, &[("X.SZ", None), ("Y.SZ", None)]);
    let replay = |book: &spillover::domain::PriceBook| {
        basket_index(&basket, book, None, d(D3), window(D1, D4), None).unwrap()
    };
    let seen = replay(&suspension_book());
    // Only D1..D3 exist as of D3; X's last row is then D2, so on D3 X has no
    // price (its later row is not known): R(D3) = r_Y = 0.1, I = 1210.
    assert_eq!(seen.dates, vec![d(D1), d(D2), d(D3)]);
    assert_all_close(&seen.levels, &[1000.0, 1100.0, 1210.0]);
    // Changing or removing rows after as-of changes nothing.
    let mut changed = suspension_book();
    let x = changed.series.get_mut(&sym("X.SZ")).unwrap();
    std::sync::Arc::make_mut(&mut x.price)[2] = 99.0;
    let y = changed.series.get_mut(&sym("Y.SZ")).unwrap();
    y.dates.pop();
    std::sync::Arc::make_mut(&mut y.price).pop();
    y.mcap.pop();
    assert_eq!(replay(&changed), seen);
}
