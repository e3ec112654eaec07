//! The demo's global leg: the five US cloud providers (`us-csp`) fall in the
//! April 2025 sell-off and recover after their late-April reports while HK
//! internet lags. Checked on the generated prices with an equal-weight index
//! computed here (independent of the real index code), on New York dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use spillover::domain::calendar::{Market, is_trading_day, trading_days};
use spillover::domain::{Basket, PriceTable, Symbol};
use spillover::store::demo::{default_baskets, demo_prices};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Close on the last row on or before `date` (carried over closed days).
fn close_carried(table: &PriceTable, date: NaiveDate) -> f64 {
    table.rows[table.rows.partition_point(|r| r.date <= date) - 1].close
}

/// Equal-weight, daily-rebalanced index over `dates`, 100 on the first,
/// closes carried over each member's closed days.
fn index(prices: &BTreeMap<Symbol, PriceTable>, basket: &Basket, dates: &[NaiveDate]) -> Vec<f64> {
    let mut level = 100.0;
    let mut out = vec![level];
    for pair in dates.windows(2) {
        let mean = basket
            .members
            .iter()
            .map(|m| {
                let t = &prices[&m.symbol];
                close_carried(t, pair[1]) / close_carried(t, pair[0]) - 1.0
            })
            .sum::<f64>()
            / basket.members.len() as f64;
        level *= 1.0 + mean;
        out.push(level);
    }
    out
}

#[test]
fn us_cloud_providers_recover_after_their_reports_while_hk_internet_lags() {
    let prices = demo_prices();
    let baskets = default_baskets();
    let basket = |id: &str| baskets.iter().find(|b| b.id.as_str() == id).unwrap();
    let dates = trading_days(Market::NewYork, d("2024-01-02"), d("2025-06-30"));
    let us = index(&prices, basket("us-csp"), &dates);
    let hk = index(&prices, basket("hk-internet"), &dates);
    let at = |series: &[f64], date: &str| series[dates.partition_point(|t| *t <= d(date)) - 1];

    // Every US member trades on New York days only, labelled synthetic.
    for member in &basket("us-csp").members {
        let table = &prices[&member.symbol];
        assert!(table.demo, "{}", member.symbol);
        assert!(table.rows.len() > 350, "{}", member.symbol);
        assert!(
            table
                .rows
                .iter()
                .all(|r| is_trading_day(Market::NewYork, r.date))
        );
    }
    // The April sell-off: down from the end of March to the 8 April low.
    let fall = at(&us, "2025-04-08") / at(&us, "2025-03-31");
    assert!(fall < 0.92, "us-csp fell only to {fall} of its March close");
    // The recovery after the late-April reports, to the end of June.
    let after = at(&us, "2025-06-30") / at(&us, "2025-04-24");
    assert!(after > 1.12, "us-csp recovered only {after}");
    // HK internet lags: the ratio rises from April.
    let ratio = |date: &str| at(&us, date) / at(&hk, date);
    let gap = ratio("2025-06-30") / ratio("2025-04-01");
    assert!(gap > 1.08, "us-csp/hk-internet rose only {gap}");
}

#[test]
fn microsoft_reacts_on_the_first_new_york_session_after_its_report() {
    let prices = demo_prices();
    let msft = &prices[&Symbol::parse("MSFT").unwrap()];
    let close = |date: &str| {
        let i = msft
            .rows
            .binary_search_by_key(&d(date), |r| r.date)
            .unwrap();
        msft.rows[i].close
    };
    // Reported 2025-04-30 after the New York close: 1 May reacts (+7.6% on
    // top of the day's factor moves).
    let day0 = close("2025-05-01") / close("2025-04-30") - 1.0;
    assert!(day0 > 0.04, "MSFT moved {day0} on 2025-05-01");
}
