//! The seed note's story as data: the drift of each factor over dated
//! segments, the one-day shocks, and the per-symbol special cases. The
//! generator (`prices.rs`) turns these into prices; its module doc tells the
//! story in words.

use chrono::NaiveDate;

use crate::domain::Session;

/// The common factor every listing loads on, and one theme factor per group
/// of baskets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Factor {
    Market,
    /// The North American computing-power chain (`na-chain`).
    NaChain,
    /// The domestic computing-power chain (`domestic-chain`).
    DomesticChain,
    /// Hong Kong internet (`hk-internet`, `alibaba`, `hstech`).
    HongKong,
    /// The North American cloud providers (`us-csp`). Last, so that the
    /// other factors' streams and indices are what they were before it.
    UsCsp,
}

impl Factor {
    pub(super) const ALL: [Factor; 5] = [
        Factor::Market,
        Factor::NaChain,
        Factor::DomesticChain,
        Factor::HongKong,
        Factor::UsCsp,
    ];

    pub(super) fn name(self) -> &'static str {
        match self {
            Factor::Market => "market",
            Factor::NaChain => "na-chain",
            Factor::DomesticChain => "domestic-chain",
            Factor::HongKong => "hk-internet",
            Factor::UsCsp => "us-csp",
        }
    }

    /// Daily volatility of the factor's random part.
    pub(super) fn daily_vol(self) -> f64 {
        match self {
            Factor::Market => 0.008,
            Factor::NaChain | Factor::DomesticChain => 0.010,
            Factor::HongKong | Factor::UsCsp => 0.010,
        }
    }
}

/// A factor drifts by about `total` (a simple return, spread evenly over the
/// weekdays) from `start` to `end`, both inclusive.
pub(super) struct Drift {
    pub factor: Factor,
    pub start: &'static str,
    pub end: &'static str,
    pub total: f64,
}

const fn drift(factor: Factor, start: &'static str, end: &'static str, total: f64) -> Drift {
    Drift {
        factor,
        start,
        end,
        total,
    }
}

use Factor::{DomesticChain as Dom, HongKong as Hk, Market, NaChain as Na, UsCsp as Us};

pub(super) const DRIFTS: &[Drift] = &[
    // Early 2024: the small-cap sell-off into the 5 February low.
    drift(Market, "2024-01-02", "2024-02-05", -0.08),
    drift(Na, "2024-01-02", "2024-02-05", -0.06),
    drift(Dom, "2024-01-02", "2024-02-05", -0.05),
    drift(Hk, "2024-01-02", "2024-02-05", -0.06),
    // Spring 2024: the NA chain leads (AI server demand); domestic drifts.
    drift(Market, "2024-02-06", "2024-05-20", 0.08),
    drift(Na, "2024-02-06", "2024-05-31", 0.30),
    drift(Dom, "2024-02-06", "2024-05-31", 0.06),
    drift(Hk, "2024-02-06", "2024-05-20", 0.08),
    // Summer 2024: a grinding market; NA holds up, domestic and HK slide.
    drift(Market, "2024-05-21", "2024-09-23", -0.06),
    drift(Na, "2024-06-03", "2024-09-23", 0.12),
    drift(Dom, "2024-06-03", "2024-09-23", 0.02),
    drift(Hk, "2024-05-21", "2024-09-23", -0.02),
    // Late-September 2024 stimulus: everything surges (shocks below), the
    // domestic chain most.
    drift(Dom, "2024-09-24", "2024-10-08", 0.18),
    drift(Hk, "2024-09-24", "2024-10-07", 0.16),
    // Q4 2024: the NA chain extends its lead; HK gives back.
    drift(Na, "2024-10-09", "2024-12-31", 0.20),
    drift(Dom, "2024-10-09", "2024-12-31", 0.0),
    drift(Hk, "2024-10-09", "2024-12-31", 0.0),
    // 2025: the DeepSeek moment (late January - February) turns the tide:
    // domestic and HK internet catch up, the NA chain slides.
    drift(Na, "2025-01-02", "2025-04-03", -0.08),
    drift(Dom, "2025-01-02", "2025-01-24", 0.02),
    drift(Dom, "2025-01-27", "2025-02-28", 0.18),
    drift(Dom, "2025-03-03", "2025-04-03", -0.03),
    drift(Hk, "2025-01-02", "2025-01-24", 0.02),
    drift(Hk, "2025-01-27", "2025-03-18", 0.22),
    drift(Hk, "2025-03-19", "2025-04-03", -0.06),
    // Rebound after the 7 April 2025 sell-off, through the note's date.
    drift(Market, "2025-04-08", "2025-05-07", 0.05),
    drift(Na, "2025-04-08", "2025-05-07", 0.15),
    drift(Dom, "2025-04-08", "2025-05-07", 0.12),
    drift(Hk, "2025-04-08", "2025-05-07", 0.08),
    // After the note: the May earnings season, mildly positive.
    drift(Na, "2025-05-08", "2025-06-30", 0.06),
    drift(Dom, "2025-05-08", "2025-06-30", 0.02),
    // The US cloud providers (us-csp): up with AI capex through mid-2024,
    // a summer pullback, flat through the mainland's stimulus surge (which
    // the common factor carries), firm into January 2025; DeepSeek and the
    // tariff fears take them down into the April sell-off; they recover
    // after the late-April reports (Alphabet 24 April, Microsoft and Meta
    // 30 April) while HK internet lags.
    drift(Us, "2024-01-02", "2024-07-10", 0.30),
    drift(Us, "2024-07-11", "2024-09-23", -0.06),
    drift(Us, "2024-09-24", "2024-10-08", -0.12),
    drift(Us, "2024-10-09", "2024-12-31", 0.10),
    drift(Us, "2025-01-02", "2025-01-24", 0.04),
    drift(Us, "2025-01-27", "2025-04-02", -0.14),
    drift(Us, "2025-04-08", "2025-04-24", -0.04),
    drift(Us, "2025-04-25", "2025-06-30", 0.20),
];

/// A one-day move of a factor on a weekday, on top of its drift.
pub(super) const SHOCKS: &[(Factor, &str, f64)] = &[
    // "924": the PBoC / Politburo stimulus, then the post-holiday reopening.
    (Market, "2024-09-24", 0.03),
    (Market, "2024-09-26", 0.03),
    (Market, "2024-09-27", 0.03),
    (Market, "2024-09-30", 0.07),
    (Hk, "2024-10-08", -0.06),
    // First mainland session after the Chinese New Year break, a week after
    // DeepSeek-R1 shook US AI hardware stocks.
    (Na, "2025-02-05", -0.05),
    (Dom, "2025-02-05", 0.04),
    // The tariff shock: A-share limit-downs, Hang Seng TECH about -17%.
    (Market, "2025-04-07", -0.05),
    (Na, "2025-04-07", -0.12),
    (Dom, "2025-04-07", -0.06),
    (Hk, "2025-04-07", -0.07),
    // US: the DeepSeek Monday, "Liberation Day" (2-3 April, New York), the
    // 7 April whipsaw (the common factor's fall mostly undone) and the
    // 9 April tariff pause.
    (Us, "2025-01-27", -0.03),
    (Us, "2025-04-03", -0.05),
    (Us, "2025-04-04", -0.06),
    (Us, "2025-04-07", 0.04),
    (Us, "2025-04-09", 0.09),
];

/// An extra drift for members whose segment starts with `segment`.
pub(super) const SEGMENT_TILTS: &[(&str, &str, &str, f64)] = &[
    // Optical modules: the stars of the 2024 NA-chain rally.
    ("Optical module", "2024-02-06", "2024-12-31", 0.35),
    ("Optical module", "2025-01-27", "2025-04-30", -0.10),
];

/// Headline names start near their real early-2024 price and share count;
/// the rest draw both from the seed. `shares` is `None` for an index.
pub(super) const LISTINGS: &[(&str, f64, Option<f64>)] = &[
    ("300308.SZ", 105.0, Some(1.10e9)),
    ("300502.SZ", 60.0, Some(0.71e9)),
    ("601138.SH", 15.0, Some(19.9e9)),
    ("002475.SZ", 34.0, Some(7.2e9)),
    ("688256.SH", 130.0, Some(0.417e9)),
    ("688041.SH", 75.0, Some(2.32e9)),
    ("603019.SH", 40.0, Some(1.46e9)),
    ("688981.SH", 52.0, Some(7.98e9)),
    ("002371.SZ", 260.0, Some(0.53e9)),
    ("000063.SZ", 27.0, Some(4.78e9)),
    ("0700.HK", 295.0, Some(9.3e9)),
    ("9988.HK", 72.0, Some(19.0e9)),
    ("3690.HK", 80.0, Some(6.2e9)),
    ("9618.HK", 105.0, Some(3.15e9)),
    ("9888.HK", 110.0, Some(2.8e9)),
    ("1024.HK", 52.0, Some(4.35e9)),
    ("1810.HK", 15.6, Some(25.0e9)),
    ("9999.HK", 140.0, Some(3.2e9)),
    ("9626.HK", 90.0, Some(0.42e9)),
    ("9961.HK", 280.0, Some(0.65e9)),
    ("HSTECH.HK", 3700.0, None),
    ("MSFT", 370.0, Some(7.43e9)),
    ("GOOGL", 139.0, Some(12.4e9)),
    ("AMZN", 150.0, Some(10.4e9)),
    ("META", 345.0, Some(2.55e9)),
    ("ORCL", 105.0, Some(2.75e9)),
];

/// The index among the demo symbols: no market cap, no idiosyncratic noise
/// to speak of.
pub(super) const INDEX_SYMBOL: &str = "HSTECH.HK";

/// Days without rows, both ends inclusive (trading halts).
pub(super) const SUSPENSIONS: &[(&str, &str, &str)] = &[
    // The Hygon-Sugon share-swap merger plan (announced around 2025-05-25).
    ("688041.SH", "2025-05-26", "2025-06-09"),
    ("603019.SH", "2025-05-26", "2025-06-09"),
    // A short halt pending an announcement (synthetic).
    ("300857.SZ", "2024-08-12", "2024-08-14"),
];

/// A member whose demo prices start on a listing day in mid-2024.
pub(super) const LATE_LISTING: (&str, &str) = ("688629.SH", "2024-06-27");

/// The market's reaction to a results release of the watchlist: a one-day
/// move on the first session that can react (domain::calendar).
pub(super) const EARNINGS_REACTIONS: &[(&str, &str, Session, f64)] = &[
    ("9988.HK", "2025-02-20", Session::AfterClose, 0.14),
    ("9988.HK", "2025-05-15", Session::AfterClose, -0.075),
    ("9626.HK", "2025-05-20", Session::AfterClose, 0.07),
    ("1024.HK", "2025-05-27", Session::AfterClose, 0.065),
    // The late-April US reports (New York time; the first New York session
    // after each release reacts).
    ("GOOGL", "2025-04-24", Session::AfterClose, 0.02),
    ("MSFT", "2025-04-30", Session::AfterClose, 0.076),
    ("META", "2025-04-30", Session::AfterClose, 0.042),
];

/// The dates of the story, parsed (they are constants: a typo is a bug).
pub(super) fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("demo story date {text:?}: {e}"))
}
