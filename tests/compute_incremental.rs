//! The workstation's recompute (an `AnalysisCache` that rebuilds only the
//! baskets an edit touched) against a full `analyse`, after every step of
//! random sequences of edits, requests and price reloads on the demo: the
//! same `Analysis` (histories included) and the same catalyst statistics.

use proptest::prelude::*;
use spillover::compute::{
    AnalysisCache, CatalystRequest, Request, WindowChoice, analyse, catalysts,
};
use spillover::domain::{Basket, Method, PriceBook, PriceSeries, RangePreset, Watchlist};
use spillover::store::demo::{DEMO_AS_OF, default_baskets, default_watchlist, demo_prices};

fn demo_book() -> PriceBook {
    PriceBook {
        series: demo_prices()
            .into_iter()
            .map(|(symbol, table)| (symbol, PriceSeries::from_table(&table)))
            .collect(),
        problems: Vec::new(),
    }
}

/// One step of a session.
#[derive(Debug, Clone)]
enum Step {
    /// Basket, member (both modulo their counts), new file weight.
    Weight(usize, usize, Option<f64>),
    Remove(usize, usize),
    /// Basket, symbol of the book (modulo its size).
    Add(usize, usize),
    Method(usize, Method),
    Preset(RangePreset),
    Override(Option<Method>),
    /// Days before the demo's as-of date.
    AsOf(u64),
    /// The first date of the window as the base, or none.
    Base(bool),
    /// A symbol's prices reloaded, scaled from some date on.
    Reload(usize, usize, f64),
}

fn step() -> impl Strategy<Value = Step> {
    let method = prop::sample::select(Method::ALL.to_vec());
    prop_oneof![
        3 => (0usize..8, 0usize..40, prop::option::of(0.1f64..5.0))
            .prop_map(|(b, m, w)| Step::Weight(b, m, w)),
        1 => (0usize..8, 0usize..40).prop_map(|(b, m)| Step::Remove(b, m)),
        1 => (0usize..8, 0usize..200).prop_map(|(b, s)| Step::Add(b, s)),
        1 => (0usize..8, method.clone()).prop_map(|(b, m)| Step::Method(b, m)),
        1 => prop::sample::select(RangePreset::ALL.to_vec()).prop_map(Step::Preset),
        1 => prop::option::of(method).prop_map(Step::Override),
        1 => (0u64..60).prop_map(Step::AsOf),
        1 => any::<bool>().prop_map(Step::Base),
        1 => (0usize..200, 0usize..400, 0.5f64..2.0).prop_map(|(s, at, f)| Step::Reload(s, at, f)),
    ]
}

struct Session {
    baskets: Vec<Basket>,
    book: PriceBook,
    generation: u64,
    request: Request,
}

impl Session {
    fn apply(&mut self, step: &Step) {
        let n = self.baskets.len();
        match *step {
            Step::Weight(b, m, w) => {
                let basket = &mut self.baskets[b % n];
                let count = basket.members.len();
                if count > 0 {
                    basket.members[m % count].weight = w;
                }
            }
            Step::Remove(b, m) => {
                let basket = &mut self.baskets[b % n];
                let count = basket.members.len();
                if count > 1 {
                    basket.members.remove(m % count);
                }
            }
            Step::Add(b, s) => {
                let symbol = self.book.series.keys().nth(s % self.book.series.len());
                let symbol = symbol.expect("a symbol").clone();
                let basket = &mut self.baskets[b % n];
                if basket.member(&symbol).is_none() {
                    let name = symbol.to_string();
                    basket
                        .members
                        .push(spillover::domain::Member::new(symbol, &name));
                }
            }
            Step::Method(b, method) => self.baskets[b % n].method = method,
            Step::Preset(preset) => self.request.range = WindowChoice::Preset(preset),
            Step::Override(method) => self.request.method = method,
            Step::AsOf(days) => {
                self.request.as_of = DEMO_AS_OF.checked_sub_days(chrono::Days::new(days));
                self.request.base = None;
            }
            Step::Base(on) => {
                let as_of = self.request.as_of.unwrap_or(DEMO_AS_OF);
                // 20 days back: inside most windows, outside 1M's (an error both ways).
                self.request.base = on.then(|| as_of - chrono::Days::new(20));
            }
            Step::Reload(s, at, factor) => {
                let series = self.book.series.values_mut().nth(s % 99).expect("a series");
                let from = at % series.price.len().max(1);
                for p in &mut std::sync::Arc::make_mut(&mut series.price)[from..] {
                    *p *= factor;
                }
                self.generation += 1;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_incremental_recompute_gives_what_a_full_one_gives(
        steps in prop::collection::vec(step(), 1..10),
    ) {
        let mut session = Session {
            baskets: default_baskets(),
            book: demo_book(),
            generation: 0,
            request: Request { as_of: Some(DEMO_AS_OF), ..Request::default() },
        };
        let watchlist: Watchlist = default_watchlist();
        let mut cache = AnalysisCache::default();
        for step in &steps {
            session.apply(step);
            let Session { baskets, book, generation, request } = &session;
            let full = analyse(baskets, book, request);
            let kept = cache.analyse(baskets, book, *generation, request);
            prop_assert_eq!(&kept, &full, "after {:?}", step);
            if let (Ok(kept), Ok(full)) = (&kept, &full) {
                let options = CatalystRequest::default();
                prop_assert_eq!(
                    catalysts(baskets, book, &watchlist, kept, request, &options),
                    catalysts(baskets, book, &watchlist, full, request, &options),
                    "catalysts after {:?}", step
                );
            }
        }
    }
}

#[test]
fn an_unchanged_basket_keeps_its_history_and_an_edited_one_is_rebuilt() {
    let baskets = default_baskets();
    let book = demo_book();
    let request = Request {
        as_of: Some(DEMO_AS_OF),
        ..Request::default()
    };
    let mut cache = AnalysisCache::default();
    let before = cache
        .analyse(&baskets, &book, 1, &request)
        .expect("the demo analyses");
    let mut edited = baskets.clone();
    edited[0].members[0].weight = Some(3.0);
    edited[0].method = Method::Custom;
    let after = cache
        .analyse(&edited, &book, 1, &request)
        .expect("the demo analyses");
    let same = |i: usize| std::sync::Arc::ptr_eq(&before.histories.0[i], &after.histories.0[i]);
    assert!(!same(0), "the edited basket is rebuilt");
    assert!((1..baskets.len()).all(same), "the others are kept");
    assert_eq!(
        after,
        analyse(&edited, &book, &request).expect("the demo analyses")
    );
    // New prices: nothing is kept.
    let again = cache
        .analyse(&edited, &book, 2, &request)
        .expect("the demo analyses");
    assert!(!std::sync::Arc::ptr_eq(
        &after.histories.0[1],
        &again.histories.0[1]
    ));
    assert_eq!(again, after);
}

/// `analyse_indices` (what an export of indices, ratios or the scatter
/// uses) is `analyse` with empty member tables: every other number the same.
#[test]
fn analyse_indices_is_analyse_without_the_member_tables() {
    let book = demo_book();
    let baskets = default_baskets();
    for range in [RangePreset::Y1, RangePreset::All] {
        let request = Request {
            range: WindowChoice::Preset(range),
            as_of: Some(DEMO_AS_OF),
            ..Request::default()
        };
        let full = analyse(&baskets, &book, &request).unwrap();
        let light = spillover::compute::analyse_indices(&baskets, &book, &request).unwrap();
        assert!(full.members.iter().all(|(_, rows)| !rows.is_empty()));
        assert!(light.members.iter().all(|(_, rows)| rows.is_empty()));
        let ids = |a: &spillover::compute::Analysis| -> Vec<String> {
            a.members.iter().map(|(id, _)| id.to_string()).collect()
        };
        assert_eq!(ids(&full), ids(&light));
        let without_members = spillover::compute::Analysis {
            members: light.members.clone(),
            ..full
        };
        assert_eq!(without_members, light);
    }
}
