//! One request in, everything the screens and reports show out.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Serialize, Serializer};

use super::ComputeError;
use super::history::IndexHistory;
use super::index::{IndexSeries, check_base};
use super::members::{MemberRow, member_table};
use super::ratio::{RatioSeries, ratio};
use super::scatter::{Scatter, scatter};
use super::summary::{IndexSummary, index_summary};
use crate::domain::PriceBook;
use crate::domain::{Basket, BasketId, Method, RangePreset, Window};

/// Log changes in each rolling correlation, unless asked otherwise.
pub const DEFAULT_ROLL: usize = 60;

/// The window: a preset counting back from the as-of date, or explicit dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowChoice {
    Preset(RangePreset),
    Explicit(Window),
}

/// What to compute: the same inputs for report, export and the TUI.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub range: WindowChoice,
    /// Default: the last date in the data.
    pub as_of: Option<NaiveDate>,
    /// Overrides the method of multi-member baskets.
    pub method: Option<Method>,
    /// The date on which every index reads 1000 (default: the window's first date).
    pub base: Option<NaiveDate>,
    /// A, B, C: the scatter plots x = A/B against y = A/C.
    pub pair: [BasketId; 3],
    /// Log changes per rolling correlation value.
    pub roll: usize,
}

impl Default for Request {
    /// One year to the last date, the research note's pair, W = 60.
    fn default() -> Request {
        let id = |text: &str| BasketId::parse(text).expect("a built-in basket id is valid");
        Request {
            range: WindowChoice::Preset(RangePreset::Y1),
            as_of: None,
            method: None,
            base: None,
            pair: [id("na-chain"), id("domestic-chain"), id("alibaba")],
            roll: DEFAULT_ROLL,
        }
    }
}

/// Everything the screens and reports show, computed once per change of inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub as_of: NaiveDate,
    /// The window, its end cut at the as-of date.
    #[serde(serialize_with = "serialize_window")]
    pub window: Window,
    /// One per basket, in basket order.
    pub indices: Vec<IndexSeries>,
    /// One per basket, in basket order.
    pub summaries: Vec<IndexSummary>,
    /// `[A/B, A/C]`.
    pub ratios: Vec<RatioSeries>,
    pub scatter: Scatter,
    /// One table per basket, in basket order.
    pub members: Vec<(BasketId, Vec<MemberRow>)>,
    /// Why there are no ratios and no scatter (a pair basket that does not
    /// exist or did not load, or a pair naming one basket twice); the
    /// indices and member tables are computed all the same.
    pub pair_problem: Option<String>,
}

impl Analysis {
    /// The index of basket `id`, if it is one of the analysed baskets.
    pub fn index(&self, id: &BasketId) -> Option<&IndexSeries> {
        self.indices.iter().find(|s| &s.basket == id)
    }
}

fn serialize_window<S: Serializer>(window: &Window, serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Shown {
        start: NaiveDate,
        end: NaiveDate,
    }
    Shown {
        start: window.start,
        end: window.end,
    }
    .serialize(serializer)
}

/// Computes the indices, ratios, scatter and member tables of `baskets`
/// from the rows of `book` up to the as-of date.
pub fn analyse(
    baskets: &[Basket],
    book: &PriceBook,
    request: &Request,
) -> Result<Analysis, ComputeError> {
    let pair = check_pair(baskets, &request.pair);

    let (as_of, window) = as_of_and_window(book, request)?;

    // Baskets are independent: one per core.
    let histories: Vec<IndexHistory> = baskets
        .par_iter()
        .map(|basket| IndexHistory::build(basket, book, request.method, as_of))
        .collect();
    let indices: Vec<IndexSeries> = histories
        .iter()
        .map(|h| h.series(window, request.base))
        .collect();
    if indices.iter().all(|s| s.dates.is_empty()) {
        return Err(ComputeError::EmptyWindow { window });
    }
    if let Some(base) = request.base {
        check_base(base, window)?;
    }

    let summaries = histories
        .iter()
        .zip(&indices)
        .map(|(h, s)| index_summary(h, s))
        .collect();
    let (ratios, scatter, pair_problem) = pair_views(pair, &indices, request);
    let members = baskets
        .par_iter()
        .zip(histories.par_iter().zip(&indices))
        .map(|(basket, (h, s))| (basket.id.clone(), member_table(basket, book, h, s, window)))
        .collect();
    Ok(Analysis {
        as_of,
        window,
        indices,
        summaries,
        ratios,
        scatter,
        members,
        pair_problem,
    })
}

/// The as-of date (the request's, or the book's last) and the window cut
/// at it.
fn as_of_and_window(
    book: &PriceBook,
    request: &Request,
) -> Result<(NaiveDate, Window), ComputeError> {
    let as_of = request
        .as_of
        .or_else(|| book.last_date())
        .ok_or(ComputeError::NoData)?;
    let first = book
        .series
        .values()
        .filter_map(|s| s.first_date())
        .filter(|d| *d <= as_of)
        .min()
        .ok_or(ComputeError::NoDataUpTo { as_of })?;
    let window = match request.range {
        WindowChoice::Preset(preset) => preset.window(as_of, first),
        WindowChoice::Explicit(window) => window.cut_at(as_of),
    };
    Ok((as_of, window))
}

/// The ratios A/B and A/C and their scatter; when the pair is not usable,
/// no ratios, an empty scatter, and why.
fn pair_views(
    pair: Result<[usize; 3], ComputeError>,
    indices: &[IndexSeries],
    request: &Request,
) -> (Vec<RatioSeries>, Scatter, Option<String>) {
    match pair {
        Ok([a, b, c]) => {
            let ratios = vec![
                ratio(&indices[a], &indices[b]),
                ratio(&indices[a], &indices[c]),
            ];
            let scatter = scatter(&ratios[0], &ratios[1], request.roll);
            (ratios, scatter, None)
        }
        Err(problem) => {
            let [a, b, c] = &request.pair;
            let nothing = |den: &BasketId| RatioSeries {
                label: format!("{a}/{den}"),
                numerator: a.clone(),
                denominator: den.clone(),
                dates: Vec::new(),
                values: Vec::new(),
            };
            let scatter = scatter(&nothing(b), &nothing(c), request.roll);
            (Vec::new(), scatter, Some(problem.to_string()))
        }
    }
}

/// The positions of the scatter's baskets A, B, C: each must exist, and
/// all three must differ.
pub fn check_pair(baskets: &[Basket], pair: &[BasketId; 3]) -> Result<[usize; 3], ComputeError> {
    let position = |id: &BasketId| {
        baskets
            .iter()
            .position(|b| &b.id == id)
            .ok_or_else(|| unknown_basket(baskets, id))
    };
    let [a, b, c] = [
        position(&pair[0])?,
        position(&pair[1])?,
        position(&pair[2])?,
    ];
    if a == b || a == c || b == c {
        let [a, b, c] = pair.clone();
        return Err(ComputeError::PairRepeats { a, b, c });
    }
    Ok([a, b, c])
}

pub(crate) fn unknown_basket(baskets: &[Basket], id: &BasketId) -> ComputeError {
    let known: Vec<&str> = baskets.iter().map(|b| b.id.as_str()).collect();
    ComputeError::UnknownBasket {
        id: id.clone(),
        known: if known.is_empty() {
            "(none)".to_string()
        } else {
            known.join(", ")
        },
    }
}
