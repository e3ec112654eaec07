//! The demo prices: synthetic, deterministic, clearly labelled (every table
//! has `demo: true`, every file the Parquet mark `spillover.source = demo`).
//!
//! # The story
//! From 2024-01-02 to 2025-06-30, on the real exchange calendars (mainland
//! symbols on XSHG/XSHE days, `.HK` symbols on XHKG days), the prices retell
//! the seed note (Industrial Securities, 2025-05-07):
//! - **2024, the NA chain leads.** After the early-2024 small-cap sell-off
//!   (low on 5 February) the North American computing-power chain
//!   (`na-chain`) rallies hard, optical modules most (300308.SZ Innolight,
//!   300502.SZ Eoptolink, ... roughly double or more); the domestic chain
//!   (`domestic-chain`) lags; Hong Kong internet (`hk-internet`, 9988.HK
//!   Alibaba, HSTECH.HK) is flat-ish over the year.
//! - **Late September 2024, the stimulus surge.** Every market jumps from
//!   2024-09-24 to the 2024-09-30 close; the mainland reopens on 2024-10-08
//!   with the Golden Week's gains (many limit-ups) while Hong Kong, open
//!   during the holiday, slumps that day.
//! - **2025, the catch-up.** The DeepSeek moment (late January - February
//!   2025; the first mainland session after the New Year break, 2025-02-05,
//!   hits the NA chain and lifts the domestic chain) turns the tide: the
//!   domestic chain and HK internet rally through February and March
//!   (Alibaba most, jumping on 2025-02-21 after its results), the NA chain
//!   slides.
//! - **2025-04-07, the tariff shock.** A-share limit-downs across the NA
//!   chain, the domestic chain down about 10%, HSTECH.HK about −17%; then a
//!   rebound through April to the note's date and beyond.
//!
//! - **The global leg.** The five US cloud providers (`us-csp`, New York
//!   listings on XNYS days) rise through 2024, fall with DeepSeek and into
//!   the early-April 2025 sell-off, and recover after their late-April
//!   reports (GOOGL +2% on 2025-04-25, MSFT +7.6% and META +4.2% on
//!   2025-05-01) while Hong Kong internet lags: `us-csp/hk-internet` rises
//!   from April, the note's catch-up gap.
//!
//! So the ratios NA/domestic and NA/Alibaba rise together in 2024 and fall
//! together in 2025: the note's "very high positive correlation".
//!
//! # Special cases (for tests and for the README)
//! - Suspensions, no rows on those days: 688041.SH Hygon and 603019.SH Sugon
//!   from 2025-05-26 to 2025-06-09 (their share-swap merger plan), and a
//!   short synthetic halt of 300857.SZ Xiechuang Data, 2024-08-12..14.
//! - A mid-2024 listing: 688629.SH Huafeng Technology has no rows before
//!   2024-06-27 (synthetic: the demo lists it then).
//! - Earnings reactions, added to the day's factor moves on the first
//!   session after the release: 9988.HK on 2025-02-21 (+14%) and 2025-05-16
//!   (−7.5%), 9626.HK on 2025-05-21 (+7%), 1024.HK on 2025-05-28 (+6.5%).
//! - HSTECH.HK is an index: no market cap. Every stock has
//!   `mcap = shares outstanding (fixed) × close`.
//!
//! # How
//! Each day's simple return is `β_market·market + β_theme·theme + α +
//! segment tilt + idiosyncratic noise`, where the market and the three theme
//! factors (NA chain, domestic chain, HK internet) are a scripted drift plus
//! seeded noise per weekday (`story.rs`). A symbol closed on a weekday
//! (holiday, suspension) takes that weekday's factor moves on its next
//! session, as a market reopening after a holiday does. Moves are capped at
//! the daily price limits (±20% for 300xxx/301xxx/688xxx, ±10% for other
//! A-shares, as the exchanges round them) and prices rounded to 2 decimals.
//!
//! Same bytes on every machine: a seeded SplitMix64, normal deviates from
//! uniforms (Irwin–Hall), and only `+ - * /` and `round`, never `exp`/`ln`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::rng::SplitMix64;
use super::story::{
    self, DRIFTS, EARNINGS_REACTIONS, Factor, INDEX_SYMBOL, LATE_LISTING, LISTINGS, SEGMENT_TILTS,
    SHOCKS, SUSPENSIONS,
};
use crate::domain::calendar::{self, Market};
use crate::domain::{Basket, Symbol};
use crate::domain::{PriceRow, PriceTable};

/// The seed of every random stream ("SPILLOVE").
const SEED: u64 = 0x5350_494C_4C4F_5645;

/// The first and last day of the demo prices.
pub const FIRST_DAY: &str = "2024-01-02";
pub const LAST_DAY: &str = "2025-06-30";

/// Which factor a default basket's members load on.
pub(super) fn theme_of(basket_id: &str) -> Option<Factor> {
    match basket_id {
        "na-chain" => Some(Factor::NaChain),
        "domestic-chain" => Some(Factor::DomesticChain),
        "hk-internet" | "alibaba" | "hstech" => Some(Factor::HongKong),
        "us-csp" => Some(Factor::UsCsp),
        _ => None,
    }
}

/// The daily price limit of a mainland symbol: ±20% on ChiNext (300, 301)
/// and STAR (688), ±10% on the main boards; Hong Kong has none.
pub fn price_limit(symbol: &Symbol) -> Option<f64> {
    if Market::of(symbol) == Market::HongKong {
        return None;
    }
    let code = symbol.as_str();
    if ["300", "301", "688"].iter().any(|p| code.starts_with(p)) {
        Some(0.20)
    } else {
        Some(0.10)
    }
}

/// Rounds a price to the cent, as quotes are.
pub fn round_to_cent(price: f64) -> f64 {
    (price * 100.0).round() / 100.0
}

/// Every weekday of the demo period with each factor's move on it.
struct FactorPaths {
    weekdays: Vec<NaiveDate>,
    /// `moves[i][k]`: the move of `Factor::ALL[k]` on `weekdays[i]`.
    moves: Vec<[f64; 5]>,
}

fn weekdays(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    start
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

impl FactorPaths {
    fn generate() -> FactorPaths {
        let days = weekdays(story::date(FIRST_DAY), story::date(LAST_DAY));
        let mut moves = vec![[0.0; 5]; days.len()];
        for (k, factor) in Factor::ALL.into_iter().enumerate() {
            let mut rng = SplitMix64::for_name(SEED, factor.name());
            for (i, day) in days.iter().enumerate() {
                moves[i][k] = factor.daily_vol() * rng.normal() + drift_on(factor, *day);
            }
            for (_, when, size) in SHOCKS.iter().filter(|s| s.0 == factor) {
                if let Some(i) = days.iter().position(|d| *d == story::date(when)) {
                    moves[i][k] += size;
                }
            }
        }
        FactorPaths {
            weekdays: days,
            moves,
        }
    }
}

/// A drift's total spread evenly over the weekdays of its segment.
fn drift_on(factor: Factor, day: NaiveDate) -> f64 {
    DRIFTS
        .iter()
        .filter(|d| d.factor == factor)
        .map(|d| segment_share(d.start, d.end, d.total, day))
        .sum()
}

fn segment_share(start: &str, end: &str, total: f64, day: NaiveDate) -> f64 {
    let (start, end) = (story::date(start), story::date(end));
    if day < start || day > end {
        return 0.0;
    }
    total / weekdays(start, end).len() as f64
}

/// Everything that makes one symbol's path its own.
struct Profile {
    symbol: Symbol,
    market: Market,
    theme: Factor,
    beta_market: f64,
    beta_theme: f64,
    /// A daily drift of its own (a stock picker's alpha).
    alpha: f64,
    idio_vol: f64,
    start_price: f64,
    /// Shares outstanding; `None` for an index.
    shares: Option<f64>,
    /// Typical daily volume (shares).
    base_volume: f64,
    limit: Option<f64>,
    segment: String,
    first_day: NaiveDate,
    suspended: Vec<(NaiveDate, NaiveDate)>,
    reactions: Vec<(NaiveDate, f64)>,
}

impl Profile {
    fn new(symbol: &Symbol, theme: Factor, segment: &str, rng: &mut SplitMix64) -> Profile {
        let market = Market::of(symbol);
        let is_index = symbol.as_str() == INDEX_SYMBOL;
        let known = LISTINGS.iter().find(|l| l.0 == symbol.as_str());
        // Always draw the same numbers in the same order, known or not, so
        // the table of headline names does not shift anyone's noise.
        let (u_price, u_cap, u_turnover) = (rng.uniform(), rng.uniform(), rng.uniform());
        let (beta_market, beta_theme, idio_vol, alpha, turnover) = match market {
            Market::Mainland => (
                rng.between(0.8, 1.2),
                rng.between(0.7, 1.3),
                rng.between(0.014, 0.024),
                0.0004 * rng.normal(),
                0.008 + 0.027 * u_turnover,
            ),
            // A New York listing (the US leg) draws like a Hong Kong one.
            Market::HongKong | Market::NewYork => (
                rng.between(0.7, 1.0),
                rng.between(0.8, 1.2),
                rng.between(0.010, 0.016),
                0.0002 * rng.normal(),
                0.0015 + 0.0035 * u_turnover,
            ),
        };
        let (start_price, shares) = match known {
            Some((_, price, shares)) => (*price, *shares),
            None => {
                let price = match market {
                    Market::Mainland => round_to_cent(10.0 + 290.0 * u_price * u_price),
                    Market::HongKong | Market::NewYork => round_to_cent(5.0 + 95.0 * u_price),
                };
                let cap = 8.0e9 + 142.0e9 * u_cap * u_cap;
                (price, Some((cap / price / 1.0e6).round() * 1.0e6))
            }
        };
        let (beta_market, beta_theme, idio_vol, alpha) = if is_index {
            // A diversified index: the factors, almost no noise of its own.
            (1.1, 1.0, 0.008, 0.0)
        } else {
            (beta_market, beta_theme, idio_vol, alpha)
        };
        let base_volume = match shares {
            Some(shares) => shares * turnover,
            None => 2.0e9,
        };
        let on = |s: &str| s == symbol.as_str();
        Profile {
            symbol: symbol.clone(),
            market,
            theme,
            beta_market,
            beta_theme,
            alpha,
            idio_vol,
            start_price,
            shares,
            base_volume,
            limit: price_limit(symbol),
            segment: segment.to_string(),
            first_day: if on(LATE_LISTING.0) {
                story::date(LATE_LISTING.1)
            } else {
                story::date(FIRST_DAY)
            },
            suspended: SUSPENSIONS
                .iter()
                .filter(|s| on(s.0))
                .map(|s| (story::date(s.1), story::date(s.2)))
                .collect(),
            reactions: EARNINGS_REACTIONS
                .iter()
                .filter(|r| on(r.0))
                .map(|r| {
                    let day = calendar::first_reacting_session(market, story::date(r.1), r.2);
                    (day, r.3)
                })
                .collect(),
        }
    }

    fn has_row_on(&self, day: NaiveDate) -> bool {
        day >= self.first_day
            && calendar::is_trading_day(self.market, day)
            && !self.suspended.iter().any(|(a, b)| *a <= day && day <= *b)
    }

    fn tilt_on(&self, day: NaiveDate) -> f64 {
        SEGMENT_TILTS
            .iter()
            .filter(|t| self.segment.starts_with(t.0))
            .map(|t| segment_share(t.1, t.2, t.3, day))
            .sum()
    }

    /// The next close from the previous one and the day's return, held
    /// within the price limits rounded to the cent as the exchanges do.
    fn close_after(&self, previous: f64, daily_return: f64) -> f64 {
        let mut close = round_to_cent(previous * (1.0 + daily_return.max(-0.5)));
        if let Some(limit) = self.limit {
            let low = round_to_cent(previous * (1.0 - limit));
            let high = round_to_cent(previous * (1.0 + limit));
            close = close.clamp(low, high);
        }
        close.max(0.01)
    }

    fn volume(&self, rng: &mut SplitMix64, daily_return: f64) -> f64 {
        // Busier on big days; A-shares trade in lots of 100.
        let raw = self.base_volume * rng.between(0.6, 1.4) * (1.0 + 8.0 * daily_return.abs());
        match self.market {
            Market::Mainland => (raw / 100.0).round() * 100.0,
            Market::HongKong | Market::NewYork => raw.round(),
        }
    }

    fn rows(&self, paths: &FactorPaths, rng: &mut SplitMix64) -> Vec<PriceRow> {
        let market_k = 0;
        let theme_k = Factor::ALL
            .iter()
            .position(|f| *f == self.theme)
            .unwrap_or(0);
        let mut rows: Vec<PriceRow> = Vec::with_capacity(paths.weekdays.len());
        // Factor moves of weekdays without a row, carried to the next session.
        let mut pending = 0.0;
        for (day, moves) in paths.weekdays.iter().zip(&paths.moves) {
            if *day < self.first_day {
                continue;
            }
            pending += self.beta_market * moves[market_k]
                + self.beta_theme * moves[theme_k]
                + self.alpha
                + self.tilt_on(*day);
            if !self.has_row_on(*day) {
                continue;
            }
            let noise = self.idio_vol * rng.normal();
            let reaction: f64 = self
                .reactions
                .iter()
                .filter(|r| r.0 == *day)
                .map(|r| r.1)
                .sum();
            let close = match rows.last() {
                None => self.start_price,
                Some(previous) => self.close_after(previous.close, pending + noise + reaction),
            };
            let realised = rows.last().map_or(0.0, |p| close / p.close - 1.0);
            pending = 0.0;
            let mut row = PriceRow::close_only(*day, close);
            row.volume = Some(self.volume(rng, realised));
            row.mcap = self.shares.map(|shares| shares * close);
            rows.push(row);
        }
        rows
    }
}

/// The demo prices of every member of `baskets` (the default baskets),
/// keyed by symbol; members of baskets the story does not know are skipped.
pub(super) fn generate(baskets: &[Basket]) -> BTreeMap<Symbol, PriceTable> {
    let paths = FactorPaths::generate();
    let mut tables = BTreeMap::new();
    for basket in baskets {
        let Some(theme) = theme_of(basket.id.as_str()) else {
            continue;
        };
        for member in &basket.members {
            if tables.contains_key(&member.symbol) {
                continue;
            }
            let mut rng = SplitMix64::for_name(SEED, member.symbol.as_str());
            let profile = Profile::new(&member.symbol, theme, &member.segment, &mut rng);
            let table = PriceTable {
                rows: profile.rows(&paths, &mut rng),
                demo: true,
            };
            tables.insert(profile.symbol, table);
        }
    }
    tables
}
