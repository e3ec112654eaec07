//! Properties of the index that hold for any prices (METHODOLOGY.md).

pub mod compute_support;

use compute_support::*;
use proptest::prelude::*;
use spillover::compute::{IndexHistory, Request, WindowChoice, analyse};
use spillover::domain::PriceBook;
use spillover::domain::{Basket, BasketId, Method, RangePreset};

const DAYS: usize = 30;

/// A member's file: a price on the days it has a row.
fn cells() -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::weighted(0.8, 1.0f64..100.0), DAYS)
}

fn basket_of(id: &str, method: Method, weights: &[f64]) -> Basket {
    let members: Vec<(String, Option<f64>)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (format!("M{i}.SZ"), Some(*w)))
        .collect();
    let members: Vec<(&str, Option<f64>)> = members.iter().map(|(s, w)| (s.as_str(), *w)).collect();
    basket(id, method, &members)
}

fn levels(basket: &Basket, book: &PriceBook) -> Vec<f64> {
    let history = IndexHistory::build(basket, book, None, day(DAYS));
    history
        .series(window("2025-01-01", "2025-03-01"), None)
        .levels
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_one_member_basket_is_its_member_rebased(file in cells(), method in method()) {
        let book = book_of(std::slice::from_ref(&file));
        let levels = levels(&basket_of("one", method, &[1.0]), &book);
        let rows: Vec<f64> = file.iter().flatten().copied().collect();
        prop_assert_eq!(levels.len(), rows.len());
        for (level, price) in levels.iter().zip(&rows) {
            let expected = 1000.0 * price / rows[0];
            prop_assert!((level - expected).abs() <= 1e-9 * expected);
        }
    }

    #[test]
    fn scaling_a_members_prices_changes_nothing(
        files in prop::collection::vec(cells(), 2..5),
        weights in prop::collection::vec(0.5f64..5.0, 5),
        scale in 0.01f64..100.0,
        custom in any::<bool>(),
    ) {
        let method = if custom { Method::Custom } else { Method::Equal };
        let basket = basket_of("b", method, &weights[..files.len()]);
        let before = levels(&basket, &book_of(&files));
        let mut scaled = files.clone();
        for p in scaled[0].iter_mut().flatten() {
            *p *= scale;
        }
        let after = levels(&basket, &book_of(&scaled));
        prop_assert_eq!(before.len(), after.len());
        for (a, b) in before.iter().zip(&after) {
            prop_assert!((a - b).abs() <= 1e-9 * a);
        }
    }

    #[test]
    fn permuting_members_changes_nothing(
        files in prop::collection::vec(cells(), 2..5),
        weights in prop::collection::vec(0.5f64..5.0, 5),
        method in method(),
    ) {
        let book = book_of(&files);
        let mut basket = basket_of("b", method, &weights[..files.len()]);
        let before = levels(&basket, &book);
        basket.members.reverse();
        let after = levels(&basket, &book);
        for (a, b) in before.iter().zip(&after) {
            prop_assert!((a - b).abs() <= 1e-9 * a);
        }
    }

    #[test]
    fn equal_weight_of_identical_members_is_each_member(file in cells(), copies in 2usize..5) {
        let files = vec![file; copies];
        let book = book_of(&files);
        let all = levels(&basket_of("all", Method::Equal, &vec![1.0; copies]), &book);
        let one = levels(&basket_of("one", Method::Equal, &[1.0]), &book);
        prop_assert_eq!(all.len(), one.len());
        for (a, b) in all.iter().zip(&one) {
            prop_assert!((a - b).abs() <= 1e-9 * b);
        }
    }

    #[test]
    fn contributions_sum_to_the_index_change(
        files in prop::collection::vec(cells(), 1..5),
        weights in prop::collection::vec(0.5f64..5.0, 5),
        method in method(),
        start in 0usize..DAYS,
        length in 0usize..DAYS,
    ) {
        let book = book_of(&files);
        let basket = basket_of("b", method, &weights[..files.len()]);
        let history = IndexHistory::build(&basket, &book, None, day(DAYS));
        let w = spillover::domain::Window::new(day(start), day(start + length)).unwrap();
        let series = history.series(w, None);
        let total: f64 = history.contributions(&series).iter().sum();
        let change = series.levels.last().map_or(0.0, |e| e - series.levels[0]);
        prop_assert!((total - change).abs() <= 1e-9 * 1000.0f64.max(change.abs()));
    }

    #[test]
    fn no_result_depends_on_rows_after_as_of(
        files in prop::collection::vec(cells(), 3..6),
        later in prop::collection::vec(prop::option::of(1.0f64..100.0), DAYS),
        as_of in 5usize..DAYS,
        method in method(),
        base_on_as_of in any::<bool>(),
    ) {
        let weights = vec![1.0; files.len()];
        let baskets: Vec<Basket> = ["a", "b", "c"]
            .iter()
            .enumerate()
            .map(|(k, id)| {
                // Overlapping members: a = 0.., b = 1.., c = 2..
                let mut b = basket_of(id, Method::Equal, &weights);
                b.members.drain(..k);
                b
            })
            .collect();
        let request = Request {
            range: WindowChoice::Preset(RangePreset::All),
            as_of: Some(day(as_of)),
            method: Some(method),
            base: base_on_as_of.then(|| day(as_of)),
            pair: ["a", "b", "c"].map(|id| BasketId::parse(id).unwrap()),
            roll: 3,
        };
        let seen = analyse(&baskets, &book_of(&files), &request);
        // Rewrite every row after as-of: other prices, rows added and removed.
        let rewritten: Vec<Vec<Option<f64>>> = files
            .iter()
            .map(|f| {
                let mut f = f.clone();
                f[as_of + 1..].copy_from_slice(&later[as_of + 1..]);
                f
            })
            .collect();
        prop_assert_eq!(analyse(&baskets, &book_of(&rewritten), &request), seen);
    }
}
