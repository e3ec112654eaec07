//! The fast index (member by member, NaN-packed prices, terms recomputed on
//! demand) against a straightforward one: the code it replaced, written
//! date by date from METHODOLOGY.md "Basket index". Same numbers to the
//! last bit, on randomized caches with listings, delistings, suspensions,
//! missing mcaps and weights, for every method and as-of date.

pub mod compute_support;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use compute_support::*;
use proptest::prelude::*;
use spillover::compute::{IndexHistory, Term, effective_method};
use spillover::domain::{Basket, Method, PriceBook, PriceSeries};

/// The straightforward index: calendar, aligned prices, and each date's
/// terms, exactly as the code before the fast path computed them.
struct Reference {
    dates: Vec<NaiveDate>,
    price: Vec<Vec<Option<f64>>>,
    mcap: Vec<Vec<Option<f64>>>,
    returns: Vec<f64>,
    levels: Vec<f64>,
    terms: Vec<Vec<Term>>,
}

/// A member's rows up to `as_of`: `(dates, prices, mcaps)`.
type Rows<'a> = (&'a [NaiveDate], &'a [f64], &'a [Option<f64>]);

fn life(series: Option<&PriceSeries>, as_of: NaiveDate) -> Option<Rows<'_>> {
    let series = series?;
    let rows = series.rows_until(as_of).min(series.price.len());
    (rows > 0).then(|| {
        (
            &series.dates[..rows],
            &series.price[..rows],
            series.mcap.get(..rows).unwrap_or(&[]),
        )
    })
}

fn reference(
    basket: &Basket,
    book: &PriceBook,
    method: Option<Method>,
    as_of: NaiveDate,
) -> Reference {
    let method = effective_method(basket, method);
    let lives: Vec<Option<Rows>> = basket
        .members
        .iter()
        .map(|m| life(book.get(&m.symbol), as_of))
        .collect();
    // The union of every member's dates, sorted.
    let dates: Vec<NaiveDate> = lives
        .iter()
        .flatten()
        .flat_map(|l| l.0.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut price = Vec::new();
    let mut mcap = Vec::new();
    for l in &lives {
        let (p, m): (Vec<Option<f64>>, Vec<Option<f64>>) = dates
            .iter()
            .map(|date| match l {
                Some((d, p, m)) if d[0] <= *date && *date <= d[d.len() - 1] => {
                    let row = d.partition_point(|x| x <= date) - 1;
                    let cap = m.get(row).copied().flatten();
                    (Some(p[row]), cap.filter(|c| c.is_finite() && *c > 0.0))
                }
                _ => (None, None),
            })
            .unzip();
        price.push(p);
        mcap.push(m);
    }
    let weights: Vec<Option<f64>> = basket
        .members
        .iter()
        .map(|m| m.weight.filter(|w| w.is_finite() && *w > 0.0))
        .collect();
    let mut level = 1000.0;
    let (mut returns, mut levels, mut terms) = (Vec::new(), Vec::new(), Vec::new());
    for t in 0..dates.len() {
        let mut today: Vec<Term> = Vec::new();
        if t > 0 {
            let mut total = 0.0;
            for i in 0..basket.members.len() {
                let (Some(before), Some(now)) = (price[i][t - 1], price[i][t]) else {
                    continue;
                };
                let raw = match method {
                    Method::Equal => Some(1.0),
                    Method::Cap => mcap[i][t - 1],
                    Method::Custom => weights[i],
                };
                let Some(raw) = raw else { continue };
                total += raw;
                today.push(Term {
                    member: i,
                    weight: raw,
                    ret: now / before - 1.0,
                });
            }
            for term in &mut today {
                term.weight /= total;
            }
        }
        let r: f64 = today.iter().map(|term| term.weight * term.ret).sum();
        level *= 1.0 + r;
        returns.push(r);
        levels.push(level);
        terms.push(today);
    }
    Reference {
        dates,
        price,
        mcap,
        returns,
        levels,
        terms,
    }
}

const DAYS: u64 = 45;

fn day(k: u64) -> NaiveDate {
    d("2024-12-20") + Days::new(k)
}

/// One member's file: on each day, a row (a price and maybe an mcap) or none.
type File = Vec<Option<(f64, Option<f64>)>>;

/// One member's file: a row on some days, each with a price and maybe an mcap.
fn file() -> impl Strategy<Value = File> {
    let row = (1.0f64..200.0, prop::option::weighted(0.8, 1.0e6f64..1.0e9));
    // Listing, delisting and suspensions are runs of empty cells.
    (
        0..DAYS as usize,
        0..DAYS as usize,
        prop::collection::vec(prop::option::weighted(0.85, row), DAYS as usize),
    )
        .prop_map(|(a, b, mut cells)| {
            let (first, last) = (a.min(b), a.max(b));
            for (k, cell) in cells.iter_mut().enumerate() {
                if k < first || k > last {
                    *cell = None;
                }
            }
            cells
        })
}

/// Member files and their file weights.
fn cache() -> impl Strategy<Value = (Vec<File>, Vec<Option<f64>>)> {
    (1usize..9).prop_flat_map(|n| {
        (
            prop::collection::vec(file(), n),
            prop::collection::vec(prop::option::weighted(0.8, 0.0f64..5.0), n),
        )
    })
}

fn build(files: &[File], weights: &[Option<f64>], method: Method) -> (Basket, PriceBook) {
    let mut book = PriceBook::default();
    let mut members = Vec::new();
    for (i, cells) in files.iter().enumerate() {
        let symbol = format!("M{i}.SZ");
        let rows: Vec<(NaiveDate, f64, Option<f64>)> = cells
            .iter()
            .enumerate()
            .filter_map(|(k, c)| c.map(|(p, m)| (day(k as u64), p, m)))
            .collect();
        // A member without rows has no file: "no data".
        if !rows.is_empty() {
            let mut series =
                PriceSeries::from_pairs(&rows.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>());
            series.mcap = rows.iter().map(|r| r.2).collect();
            book.series.insert(sym(&symbol), series);
        }
        members.push((symbol, weights[i]));
    }
    let members: Vec<(&str, Option<f64>)> = members.iter().map(|(s, w)| (s.as_str(), *w)).collect();
    (basket("b", method, &members), book)
}

fn same_bits(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_fast_index_equals_the_straightforward_one(
        (files, weights) in cache(),
        method in prop::sample::select(Method::ALL.to_vec()),
        as_of in 0..DAYS + 3,
        window_start in 0..DAYS,
    ) {
        let (basket, book) = build(&files, &weights, method);
        let as_of = day(as_of);
        let fast = IndexHistory::build(&basket, &book, None, as_of);
        let slow = reference(&basket, &book, None, as_of);
        prop_assert_eq!(&fast.dates, &slow.dates);
        prop_assert!(same_bits(&fast.levels, &slow.levels), "{:?} vs {:?}", fast.levels, slow.levels);
        prop_assert!(same_bits(&fast.returns, &slow.returns));
        for t in 0..slow.dates.len() {
            prop_assert_eq!(fast.terms(t), slow.terms[t].clone(), "terms of date {}", t);
            prop_assert_eq!(fast.eligible[t], slow.terms[t].len());
            for (i, member) in fast.members.iter().enumerate() {
                prop_assert_eq!(member.price(t), slow.price[i][t]);
                if fast.method == Method::Cap {
                    prop_assert_eq!(member.mcap(t), slow.mcap[i][t]);
                }
            }
        }
        // Contributions over a window, date by date as before.
        let window = spillover::domain::Window::new(day(window_start), day(DAYS + 3)).unwrap();
        let series = fast.series(window, None);
        let mut expected = vec![0.0; basket.members.len()];
        if let Some(start) = series.dates.first().and_then(|d| slow.dates.binary_search(d).ok()) {
            for k in 1..series.levels.len() {
                for term in &slow.terms[start + k] {
                    expected[term.member] += series.levels[k - 1] * term.weight * term.ret;
                }
            }
        }
        prop_assert!(same_bits(&fast.contributions(&series), &expected));
    }
}

#[test]
fn an_empty_basket_and_a_day_without_terms_read_as_before() {
    // One member, then a gap: the date without an eligible member keeps the
    // level; its return is the empty sum, as summing no terms gives.
    let files = vec![vec![Some((10.0, None)), None, Some((11.0, None))]];
    let (basket, book) = build(&files, &[None], Method::Equal);
    let fast = IndexHistory::build(&basket, &book, None, day(5));
    let slow = reference(&basket, &book, None, day(5));
    assert_eq!(fast.levels, vec![1000.0, 1100.0]);
    assert!(same_bits(&fast.levels, &slow.levels));
    assert_eq!(fast.returns[0].to_bits(), slow.returns[0].to_bits());
    let empty = reference(&basket, &PriceBook::default(), None, day(5));
    assert!(empty.dates.is_empty());
    assert!(
        IndexHistory::build(&basket, &PriceBook::default(), None, day(5))
            .dates
            .is_empty()
    );
}

#[test]
fn a_long_history_split_across_tasks_equals_the_straightforward_one() {
    use spillover::store::demo::{universe_baskets, universe_calendar, universe_table};
    // 600 dates: the passes over all members split them into several tasks.
    let calendar = universe_calendar(600);
    let basket = universe_baskets(24).swap_remove(0);
    let mut book = PriceBook::default();
    for member in &basket.members {
        let table = universe_table(&member.symbol, &calendar);
        book.series
            .insert(member.symbol.clone(), PriceSeries::from_table(&table));
    }
    let as_of = calendar[calendar.len() - 1];
    for method in Method::ALL {
        let fast = IndexHistory::build(&basket, &book, Some(method), as_of);
        let slow = reference(&basket, &book, Some(method), as_of);
        assert!(fast.dates.len() > 300, "{}", fast.dates.len());
        assert!(same_bits(&fast.levels, &slow.levels), "{method}");
        assert!(same_bits(&fast.returns, &slow.returns), "{method}");
        let window = spillover::domain::Window::new(calendar[100], as_of).unwrap();
        let series = fast.series(window, None);
        let start = slow.dates.binary_search(&series.dates[0]).unwrap();
        let mut expected = vec![0.0; basket.members.len()];
        for k in 1..series.levels.len() {
            for term in &slow.terms[start + k] {
                expected[term.member] += series.levels[k - 1] * term.weight * term.ret;
            }
        }
        assert!(
            same_bits(&fast.contributions(&series), &expected),
            "{method}"
        );
        // Around the tasks' boundaries (every 512 dates) and the last date.
        assert!(fast.dates.len() > 513, "{}", fast.dates.len());
        for t in [0, 1, 127, 128, 511, 512, 513, fast.dates.len() - 1] {
            assert_eq!(fast.terms(t), slow.terms[t], "{method} {t}");
            assert_eq!(fast.eligible[t], slow.terms[t].len());
        }
    }
}
