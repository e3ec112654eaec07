//! The demo prices tell the seed note's story: checked on the generated data
//! with a plain equal-weight, daily-rebalanced index computed here (a few
//! lines, independent of the real index code).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use spillover::domain::PriceTable;
use spillover::domain::calendar::{Market, trading_days};
use spillover::domain::{Basket, Symbol};
use spillover::store::demo::{default_baskets, demo_prices};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Close of `symbol` on `date` exactly, if it has a row.
fn close_on(
    prices: &BTreeMap<Symbol, PriceTable>,
    symbol: &Symbol,
    date: NaiveDate,
) -> Option<f64> {
    let rows = &prices[symbol].rows;
    rows.binary_search_by_key(&date, |r| r.date)
        .ok()
        .map(|i| rows[i].close)
}

/// Close of `symbol` on the last row on or before `date` (carried over holidays).
fn close_carried(prices: &BTreeMap<Symbol, PriceTable>, symbol: &Symbol, date: NaiveDate) -> f64 {
    let rows = &prices[symbol].rows;
    rows[rows.partition_point(|r| r.date <= date) - 1].close
}

/// Equal-weight index on mainland dates, 100 on the first: each day the mean
/// simple return of the members priced on both that day and the previous.
fn equal_weight_index(
    prices: &BTreeMap<Symbol, PriceTable>,
    basket: &Basket,
    dates: &[NaiveDate],
) -> Vec<f64> {
    let mut level = 100.0;
    let mut out = vec![level];
    for pair in dates.windows(2) {
        let returns: Vec<f64> = basket
            .members
            .iter()
            .filter_map(|m| {
                Some(
                    close_on(prices, &m.symbol, pair[1])? / close_on(prices, &m.symbol, pair[0])?
                        - 1.0,
                )
            })
            .collect();
        level *= 1.0 + returns.iter().sum::<f64>() / returns.len() as f64;
        out.push(level);
    }
    out
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let vy: f64 = y.iter().map(|b| (b - my) * (b - my)).sum();
    cov / (vx * vy).sqrt()
}

struct Story {
    dates: Vec<NaiveDate>,
    na: Vec<f64>,
    domestic: Vec<f64>,
    alibaba: Vec<f64>,
}

impl Story {
    fn build() -> Story {
        let prices = demo_prices();
        let baskets = default_baskets();
        let basket = |id: &str| baskets.iter().find(|b| b.id.as_str() == id).unwrap();
        let dates = trading_days(Market::Mainland, d("2024-01-02"), d("2025-06-30"));
        let alibaba = Symbol::parse("9988.HK").unwrap();
        Story {
            na: equal_weight_index(&prices, basket("na-chain"), &dates),
            domestic: equal_weight_index(&prices, basket("domestic-chain"), &dates),
            alibaba: dates
                .iter()
                .map(|t| close_carried(&prices, &alibaba, *t))
                .collect(),
            dates,
        }
    }

    fn at(&self, series: &[f64], date: &str) -> f64 {
        series[self.dates.partition_point(|t| *t <= d(date)) - 1]
    }

    /// Growth of a series from the close on or before `from` to `to`.
    fn growth(&self, series: &[f64], from: &str, to: &str) -> f64 {
        self.at(series, to) / self.at(series, from)
    }
}

#[test]
fn the_na_chain_leads_in_2024_and_the_domestic_chain_catches_up_in_2025() {
    let s = Story::build();
    let (na_2024, dom_2024) = (
        s.growth(&s.na, "2024-01-02", "2024-12-31"),
        s.growth(&s.domestic, "2024-01-02", "2024-12-31"),
    );
    let (na_2025, dom_2025) = (
        s.growth(&s.na, "2024-12-31", "2025-05-07"),
        s.growth(&s.domestic, "2024-12-31", "2025-05-07"),
    );
    let ali_2024 = s.growth(&s.alibaba, "2024-01-02", "2024-12-31");
    let ali_2025 = s.growth(&s.alibaba, "2024-12-31", "2025-05-07");
    assert!(
        na_2024 > dom_2024 * 1.2,
        "NA {na_2024} vs domestic {dom_2024} over 2024"
    );
    assert!(
        dom_2025 > na_2025 * 1.1,
        "domestic {dom_2025} vs NA {na_2025} in 2025"
    );
    assert!(ali_2025 > ali_2024, "Alibaba rallies in 2025, not 2024");
}

#[test]
fn both_ratios_move_together() {
    let s = Story::build();
    let (from, to) = (d("2024-06-01"), d("2025-05-07"));
    let span: Vec<usize> = (0..s.dates.len())
        .filter(|i| (from..=to).contains(&s.dates[*i]))
        .collect();
    let na_dom: Vec<f64> = span.iter().map(|i| s.na[*i] / s.domestic[*i]).collect();
    let na_ali: Vec<f64> = span.iter().map(|i| s.na[*i] / s.alibaba[*i]).collect();
    let r = pearson(&na_dom, &na_ali);
    assert!(r > 0.8, "levels correlation {r}");
}

#[test]
fn the_chains_fall_hard_on_the_tariff_shock() {
    let s = Story::build();
    for (name, series) in [("NA", &s.na), ("domestic", &s.domestic)] {
        let day = s.growth(series, "2025-04-03", "2025-04-07") - 1.0;
        assert!(day < -0.07, "{name} fell {day}");
        // And rebounds through the note's date.
        assert!(
            s.growth(series, "2025-04-07", "2025-05-07") > 1.03,
            "{name} rebound"
        );
    }
    let prices = demo_prices();
    let hstech = Symbol::parse("HSTECH.HK").unwrap();
    let day = close_on(&prices, &hstech, d("2025-04-07")).unwrap()
        / close_on(&prices, &hstech, d("2025-04-03")).unwrap()
        - 1.0;
    assert!(
        (-0.20..-0.14).contains(&day),
        "HSTECH fell {day}, about -17% expected"
    );
}
