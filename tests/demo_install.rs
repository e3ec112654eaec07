//! Installing the embedded default into a cache, and resetting it.

use spillover::domain::{Member, Symbol};
use spillover::domain::{PriceRow, PriceTable};
use spillover::store::demo::{
    DEMO_AS_OF, default_baskets, default_watchlist, demo_prices, install, reset,
};
use spillover::store::{Store, encode_parquet, write_atomic};

fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

#[test]
fn install_writes_everything_the_store_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.is_empty());
    let summary = install(&store).unwrap();
    assert_eq!(summary.baskets_written.len(), 6);
    assert!(summary.watchlist_written);
    assert_eq!(summary.prices_written.len(), 104);
    assert!(summary.prices_kept.is_empty() && summary.baskets_kept.is_empty());
    assert!(store.layout().demo_marker().exists());

    let (baskets, errors) = store.load_baskets();
    assert!(errors.is_empty(), "{errors:?}");
    // The store lists the default baskets in the note's order.
    assert_eq!(baskets, default_baskets());
    assert_eq!(store.load_watchlist().unwrap(), default_watchlist());

    let book = store.load_basket_prices(&baskets);
    assert!(book.problems.is_empty(), "{:?}", book.problems);
    assert_eq!(book.series.len(), 104);
    assert!(book.has_demo());
    assert!(book.last_date().is_some_and(|last| last > DEMO_AS_OF));
    let (cached, strays) = store.cached_symbols();
    assert_eq!(cached.len(), 104);
    assert!(strays.is_empty(), "{strays:?}");
    // What was written is exactly what the generator makes.
    let prices = demo_prices();
    let innolight = &book.series[&sym("300308.SZ")];
    let rows = &prices[&sym("300308.SZ")].rows;
    assert_eq!(
        *innolight.price,
        rows.iter().map(|r| r.close).collect::<Vec<_>>()
    );
}

#[test]
fn install_in_a_used_cache_keeps_the_users_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    install(&store).unwrap();
    let mut na = default_baskets().remove(0);
    na.members.truncate(3);
    store.save_basket(&na).unwrap();
    let summary = install(&store).unwrap();
    assert_eq!(summary.baskets_kept.len(), 6);
    assert!(!summary.watchlist_written);
    let (baskets, _) = store.load_baskets();
    assert!(baskets.contains(&na), "the edited basket is kept");
}

#[test]
fn reset_restores_the_defaults_and_keeps_imported_prices() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    install(&store).unwrap();

    // The user edits a default basket, makes one of their own, edits the
    // watchlist and imports real prices for Tencent.
    let mut na = default_baskets().remove(0);
    na.members.retain(|m| m.symbol != sym("300308.SZ"));
    na.members.push(Member::new(sym("600519.SH"), "贵州茅台"));
    store.save_basket(&na).unwrap();
    let mut own = default_baskets().remove(3);
    own.id = "my-basket".parse().unwrap();
    store.save_basket(&own).unwrap();
    let mut list = default_watchlist();
    list.events[0].outcome = "my note".into();
    store.save_watchlist(&list).unwrap();
    let tencent = sym("0700.HK");
    let imported = PriceTable {
        rows: vec![PriceRow::close_only(DEMO_AS_OF, 400.0)],
        demo: false,
    };
    let imported_bytes = encode_parquet(&imported).unwrap();
    write_atomic(&store.layout().price_file(&tencent), &imported_bytes).unwrap();
    // And a demo price file got damaged: reset repairs it.
    let alibaba = sym("9988.HK");
    write_atomic(&store.layout().price_file(&alibaba), b"garbage").unwrap();

    let summary = reset(&store).unwrap();
    assert_eq!(summary.baskets_written.len(), 6);
    assert!(summary.watchlist_written);
    assert_eq!(summary.prices_kept, vec![tencent.clone()]);
    assert_eq!(summary.prices_written.len(), 103);

    let (baskets, errors) = store.load_baskets();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(baskets.len(), 7, "the user's own basket is left alone");
    assert!(baskets.contains(&own));
    assert!(
        baskets.contains(&default_baskets().remove(0)),
        "NA chain as shipped"
    );
    assert_eq!(store.load_watchlist().unwrap(), default_watchlist());
    let tencent_file = std::fs::read(store.layout().price_file(&tencent)).unwrap();
    assert_eq!(tencent_file, imported_bytes, "imported prices untouched");
    let book = store.load_prices([&alibaba]);
    assert!(book.problems.is_empty() && book.series[&alibaba].demo);
}
