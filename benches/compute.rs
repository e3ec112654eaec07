//! The whole compute path on the demo data: what the workstation redoes on
//! every edit, and what `report` does once.
//!
//! `cargo bench` — results are recorded in the README's performance table.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use spillover::compute::{Request, WindowChoice, analyse};
use spillover::domain::{BasketId, Member, RangePreset, Symbol};
use spillover::domain::{PriceBook, PriceSeries};
use spillover::store::{Store, demo};

fn demo_book() -> PriceBook {
    PriceBook {
        series: demo::demo_prices()
            .iter()
            .map(|(symbol, table)| (symbol.clone(), PriceSeries::from_table(table)))
            .collect(),
        problems: Vec::new(),
    }
}

fn compute_path(c: &mut Criterion) {
    let baskets = demo::default_baskets();
    let book = demo_book();
    for preset in [RangePreset::Y1, RangePreset::All] {
        let request = Request {
            range: WindowChoice::Preset(preset),
            ..Request::default()
        };
        c.bench_function(&format!("analyse demo, 5 baskets, {preset}"), |b| {
            b.iter(|| {
                analyse(black_box(&baskets), black_box(&book), black_box(&request))
                    .map(|a| a.scatter.stats.n)
            })
        });
    }
}

/// A cache of thousands of symbols: the demo's A-share series copied under
/// new tickers into one 2,000-member basket beside the five default ones.
fn large_cache(c: &mut Criterion) {
    let mut baskets = demo::default_baskets();
    let mut book = demo_book();
    let source = baskets[0].clone();
    let mut big = source.clone();
    big.id = BasketId::parse("big").expect("a valid id");
    big.members.clear();
    for copy in 0..2000 {
        let member = &source.members[copy % source.members.len()];
        let symbol = Symbol::parse(&format!("X{copy:04}.SZ")).expect("a valid symbol");
        let series = book.series[&member.symbol].clone();
        book.series.insert(symbol.clone(), series);
        big.members.push(Member::new(symbol, &member.name));
    }
    baskets.push(big);
    let request = Request::default();
    c.bench_function("analyse, demo + a 2,000-member basket, 1Y", |b| {
        b.iter(|| {
            analyse(black_box(&baskets), black_box(&book), black_box(&request))
                .map(|a| a.scatter.stats.n)
        })
    });
}

fn load_path(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary dir");
    let store = Store::open(dir.path()).expect("a store");
    demo::install(&store).expect("the demo installs");
    let baskets = demo::default_baskets();
    c.bench_function("load the baskets' prices from Parquet (99 files)", |b| {
        b.iter(|| store.load_basket_prices(black_box(&baskets)).series.len())
    });
    c.bench_function("load + analyse (cold report)", |b| {
        b.iter(|| {
            let book = store.load_basket_prices(&baskets);
            analyse(&baskets, &book, &Request::default()).map(|a| a.scatter.stats.n)
        })
    });
}

criterion_group!(benches, compute_path, large_cache, load_path);
criterion_main!(benches);
