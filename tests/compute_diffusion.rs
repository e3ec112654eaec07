//! Segments, breadth and rotation (METHODOLOGY.md "Segments", "Breadth",
//! "Rotation"): the worked example, and properties that hold for any prices.

pub mod compute_support;

use compute_support::*;
use proptest::prelude::*;
use spillover::compute::{IndexHistory, PeriodKind, breadth, rotation, segment_study};
use spillover::domain::{Basket, Method};

const DAYS: usize = 100;

/// METHODOLOGY.md's worked example: A (segment "a") 10, 11, 11 and B
/// (segment "b") 10, 10, 12, equal weights.
#[test]
fn the_worked_example() {
    let book = book(vec![
        (
            "A.SZ",
            prices(&[
                ("2025-01-06", 10.0),
                ("2025-01-07", 11.0),
                ("2025-01-08", 11.0),
            ]),
        ),
        (
            "B.SZ",
            prices(&[
                ("2025-01-06", 10.0),
                ("2025-01-07", 10.0),
                ("2025-01-08", 12.0),
            ]),
        ),
    ]);
    let mut basket = basket("ab", Method::Equal, &[("A.SZ", None), ("B.SZ", None)]);
    basket.members[0].segment = "a".into();
    basket.members[1].segment = "b".into();
    let history = IndexHistory::build(&basket, &book, None, d("2025-01-08"));
    let w = window("2025-01-01", "2025-01-08");
    let study = segment_study(&basket, &history, w);
    assert_all_close(&study.basket_levels, &[1000.0, 1050.0, 1155.0]);
    assert_close(study.window_return.unwrap(), 0.155);
    assert_all_close(&study.indices[0].levels, &[1000.0, 1100.0, 1100.0]);
    assert_all_close(&study.indices[1].levels, &[1000.0, 1000.0, 1200.0]);
    // C(A) = 1000 · ½ · 10% = 50 points, C(B) = 1050 · ½ · 20% = 105.
    assert_close(study.rows[0].contribution, 0.05);
    assert_close(study.rows[1].contribution, 0.105);
    assert_close(study.rows[0].weight, 0.5);
    assert_close(study.rows[1].index_return.unwrap(), 0.2);
    // One ISO week: a +10% − 15.5%, b +20% − 15.5%.
    let rot = rotation(&study);
    assert_eq!(rot.kind, PeriodKind::Week);
    assert_eq!(rot.periods.len(), 1);
    assert_eq!(rot.periods[0].label, "2025-W02");
    assert_close(rot.cells[0][0].unwrap(), 0.1 - 0.155);
    assert_close(rot.cells[1][0].unwrap(), 0.2 - 0.155);
    // Three prices: too few for any mean, return or high.
    let days = breadth(&basket, &book, &history, w).days;
    assert_eq!(days.len(), 3);
    assert!(
        days.iter()
            .all(|d| d.members == 2 && d.above_ma20.is_none())
    );
}

/// A member's file: a price on the days it has a row (gaps are suspensions
/// or a late listing).
fn cells() -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::weighted(0.85, 1.0f64..100.0), DAYS)
}

/// Members `M0..` in `segments[i]`, custom weights `weights[i]`.
fn basket_of(method: Method, segments: &[usize], weights: &[f64]) -> Basket {
    let members: Vec<(String, Option<f64>)> = segments
        .iter()
        .enumerate()
        .map(|(i, _)| (format!("M{i}.SZ"), Some(weights[i])))
        .collect();
    let members: Vec<(&str, Option<f64>)> = members.iter().map(|(s, w)| (s.as_str(), *w)).collect();
    let mut basket = basket("b", method, &members);
    for (member, segment) in basket.members.iter_mut().zip(segments) {
        member.segment = format!("segment {segment}");
    }
    basket
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![Method::Equal, Method::Custom])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn segment_contributions_add_up_to_the_baskets_return(
        files in prop::collection::vec(cells(), 2..7),
        segments in prop::collection::vec(0usize..3, 7),
        weights in prop::collection::vec(0.5f64..5.0, 7),
        method in method(),
        from in 0usize..60,
    ) {
        let book = book_of(&files);
        let basket = basket_of(method, &segments[..files.len()], &weights);
        let history = IndexHistory::build(&basket, &book, None, day(DAYS));
        let study = segment_study(&basket, &history, window_of(from, DAYS));
        let total: f64 = study.rows.iter().map(|r| r.contribution).sum();
        let members: usize = study.rows.iter().map(|r| r.members).sum();
        prop_assert_eq!(members, files.len());
        if let Some(r) = study.window_return {
            prop_assert!((total - r).abs() <= 1e-12 * (1.0 + r.abs()), "{} against {}", total, r);
        }
    }

    #[test]
    fn a_one_segment_baskets_sub_index_is_the_basket(
        files in prop::collection::vec(cells(), 1..6),
        weights in prop::collection::vec(0.5f64..5.0, 6),
        method in method(),
        from in 0usize..60,
    ) {
        let book = book_of(&files);
        let basket = basket_of(method, &vec![0; files.len()], &weights);
        let history = IndexHistory::build(&basket, &book, None, day(DAYS));
        let study = segment_study(&basket, &history, window_of(from, DAYS));
        prop_assert_eq!(study.indices.len(), 1);
        let sub = &study.indices[0].levels;
        prop_assert_eq!(sub.len(), study.basket_levels.len());
        for (s, b) in sub.iter().zip(&study.basket_levels) {
            prop_assert!((s - b).abs() <= 1e-9 * b, "{} against {}", s, b);
        }
        if let (Some(r), Some(i)) = (study.window_return, study.rows[0].index_return) {
            prop_assert!((r - i).abs() <= 1e-9 * (1.0 + r.abs()), "{} against {}", i, r);
        }
    }

    #[test]
    fn breadth_is_a_share_and_counts_members(
        files in prop::collection::vec(cells(), 1..8),
    ) {
        let book = book_of(&files);
        let basket = basket_of(Method::Equal, &vec![0; files.len()], &[1.0; 8]);
        let history = IndexHistory::build(&basket, &book, None, day(DAYS));
        for d in breadth(&basket, &book, &history, window_of(0, DAYS)).days {
            for share in [d.above_ma20, d.above_ma60, d.positive_20d, d.outperforming_20d].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&share), "{:?}", d);
            }
            prop_assert!(d.members <= files.len());
            prop_assert!(d.highs_60d <= d.members);
            prop_assert!(d.dispersion_20d.is_none_or(|s| s >= 0.0));
            // A member counts only on a day with its own row.
            let own = files.iter().filter(|f| f[(d.date - day(0)).num_days() as usize].is_some()).count();
            prop_assert_eq!(d.members, own);
        }
    }

    #[test]
    fn no_number_uses_a_later_price(
        files in prop::collection::vec(cells(), 1..6),
        later in prop::collection::vec(0.5f64..2.0, DAYS),
        t in 20usize..DAYS - 1,
    ) {
        let basket = basket_of(Method::Equal, &(0..files.len()).map(|i| i % 2).collect::<Vec<_>>(), &[1.0; 6]);
        // The same rows, every price after day t changed.
        let changed: Vec<Vec<Option<f64>>> = files
            .iter()
            .map(|f| f.iter().enumerate().map(|(k, p)| if k > t { p.map(|p| p * later[k]) } else { *p }).collect())
            .collect();
        let (a, b) = (book_of(&files), book_of(&changed));
        let (ha, hb) = (
            IndexHistory::build(&basket, &a, None, day(DAYS)),
            IndexHistory::build(&basket, &b, None, day(DAYS)),
        );
        let upto = window_of(0, t);
        let (ba, bb) = (breadth(&basket, &a, &ha, upto), breadth(&basket, &b, &hb, upto));
        prop_assert_eq!(ba, bb);
        let (sa, sb) = (segment_study(&basket, &ha, upto), segment_study(&basket, &hb, upto));
        prop_assert_eq!(&sa.rows, &sb.rows);
        prop_assert_eq!(rotation(&sa), rotation(&sb));
    }
}

/// Days `from..=to` as a window.
fn window_of(from: usize, to: usize) -> spillover::domain::Window {
    spillover::domain::Window::new(day(from), day(to)).unwrap()
}
