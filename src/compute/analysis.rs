//! One request in, everything the screens and reports show out.
//!
//! [`analyse`] computes it all; an [`AnalysisCache`] (the workstation's)
//! keeps each basket's index history and member table between analyses and
//! rebuilds only what an edit or a new request touched.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Serialize, Serializer};

use super::ComputeError;
use super::history::{IndexHistory, effective_method};
use super::index::{IndexSeries, check_base};
use super::members::{MemberRow, member_table};
use super::ratio::{RatioSeries, ratio};
use super::scatter::{Scatter, scatter};
use super::summary::{IndexSummary, index_summary};
use crate::domain::{Basket, BasketId, Method, RangePreset, Window};
use crate::domain::{DemoMix, PriceBook};

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
    /// The whole index history up to as-of of each basket, in basket order:
    /// what the indices above are windows of. The catalyst statistics read
    /// them instead of building them again (not in JSON).
    #[serde(skip)]
    pub histories: Histories,
    /// The demo series the baskets read, and whether real ones are read too
    /// (named in every output then; not in this JSON, the report adds it).
    #[serde(skip)]
    pub demo_mix: DemoMix,
}

/// The index histories of an [`Analysis`], shared (an unchanged basket's
/// history is the same one from analysis to analysis).
#[derive(Clone, Default)]
pub struct Histories(pub Vec<Arc<IndexHistory>>);

impl Histories {
    /// The histories of `baskets` built from the rows up to `as_of` with
    /// `method` overriding, if these are they (same baskets, in order).
    pub fn of(
        &self,
        baskets: &[Basket],
        method: Option<Method>,
        as_of: NaiveDate,
    ) -> Option<&[Arc<IndexHistory>]> {
        let fits = self.0.len() == baskets.len()
            && self.0.iter().zip(baskets).all(|(h, b)| {
                h.basket == b.id && h.as_of == as_of && h.method == effective_method(b, method)
            });
        fits.then_some(self.0.as_slice())
    }
}

impl fmt::Debug for Histories {
    /// Their number: the histories themselves are millions of numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Histories({})", self.0.len())
    }
}

impl PartialEq for Histories {
    fn eq(&self, other: &Histories) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| Arc::ptr_eq(a, b) || a == b)
    }
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
    analyse_with(
        baskets,
        book,
        request,
        built(book, request),
        |basket, history, series, window| member_table(basket, book, history, series, window),
    )
}

/// Each basket's index history built afresh from `book`.
fn built<'a>(
    book: &'a PriceBook,
    request: &'a Request,
) -> impl Fn(&Basket, NaiveDate) -> Arc<IndexHistory> + Sync + 'a {
    |basket, as_of| Arc::new(IndexHistory::build(basket, book, request.method, as_of))
}

/// [`analyse`] without the member tables (each basket's is empty): what a
/// table of indices, ratios or the scatter needs, for a fraction of the
/// work on a basket of hundreds of members.
pub fn analyse_indices(
    baskets: &[Basket],
    book: &PriceBook,
    request: &Request,
) -> Result<Analysis, ComputeError> {
    analyse_with(
        baskets,
        book,
        request,
        built(book, request),
        |_, _, _, _| Vec::new(),
    )
}

/// What each basket's index history and member table were computed from,
/// besides the loaded prices: the basket as defined (members, weights,
/// method), the effective method, the as-of date; a member table also
/// depends on the window and the base date.
#[derive(Clone)]
struct Kept {
    basket: Basket,
    method: Method,
    as_of: NaiveDate,
    history: Arc<IndexHistory>,
    /// `(window, base, rows)` of the last analysis.
    table: (Window, Option<NaiveDate>, Vec<MemberRow>),
}

/// Index histories and member tables kept between analyses of the same
/// loaded prices: [`AnalysisCache::analyse`] gives exactly what [`analyse`]
/// gives, rebuilding only the baskets whose definition changed (an edit)
/// and reusing the others' histories (a new window, base date or pair needs
/// no history rebuilt) and member tables.
#[derive(Clone, Default)]
pub struct AnalysisCache {
    /// The generation of the prices the entries were computed from.
    prices: u64,
    kept: Vec<Kept>,
}

impl AnalysisCache {
    /// [`analyse`] of `baskets` on `book`, whose contents are identified by
    /// `prices`: a number the caller changes whenever the book changes
    /// (prices loaded, reloaded or fetched); a new number empties the cache.
    /// The cache then keeps what this analysis used.
    pub fn analyse(
        &mut self,
        baskets: &[Basket],
        book: &PriceBook,
        prices: u64,
        request: &Request,
    ) -> Result<Analysis, ComputeError> {
        if prices != self.prices {
            self.kept.clear();
            self.prices = prices;
        }
        let kept = &self.kept;
        let find = |basket: &Basket, as_of: NaiveDate| {
            let method = effective_method(basket, request.method);
            kept.iter()
                .find(|k| k.as_of == as_of && k.method == method && k.basket == *basket)
        };
        let analysis = analyse_with(
            baskets,
            book,
            request,
            |basket, as_of| match find(basket, as_of) {
                Some(k) => k.history.clone(),
                None => Arc::new(IndexHistory::build(basket, book, request.method, as_of)),
            },
            |basket, history, series, window| {
                let same = kept.iter().find(|k| {
                    Arc::ptr_eq(&k.history, history)
                        && k.table.0 == window
                        && k.table.1 == request.base
                        && k.basket == *basket
                });
                match same {
                    Some(k) => k.table.2.clone(),
                    None => member_table(basket, book, history, series, window),
                }
            },
        )?;
        self.kept = baskets
            .iter()
            .zip(&analysis.histories.0)
            .zip(&analysis.members)
            .map(|((basket, history), (_, rows))| Kept {
                basket: basket.clone(),
                method: history.method,
                as_of: history.as_of,
                history: history.clone(),
                table: (analysis.window, request.base, rows.clone()),
            })
            .collect();
        Ok(analysis)
    }
}

impl fmt::Debug for AnalysisCache {
    /// What it keeps, by basket: the histories are millions of numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.kept.iter().map(|k| k.basket.id.as_str()).collect();
        write!(
            f,
            "AnalysisCache {{ prices: {}, kept: {ids:?} }}",
            self.prices
        )
    }
}

/// [`analyse`] with each basket's history and member table from `history`
/// and `table` (built, or kept from before).
fn analyse_with(
    baskets: &[Basket],
    book: &PriceBook,
    request: &Request,
    history: impl Fn(&Basket, NaiveDate) -> Arc<IndexHistory> + Sync,
    table: impl Fn(&Basket, &Arc<IndexHistory>, &IndexSeries, Window) -> Vec<MemberRow> + Sync,
) -> Result<Analysis, ComputeError> {
    let pair = check_pair(baskets, &request.pair);

    let (as_of, window) = as_of_and_window(book, request)?;

    // Baskets are independent: one per core.
    let histories: Vec<Arc<IndexHistory>> = baskets
        .par_iter()
        .map(|basket| history(basket, as_of))
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
        .map(|(basket, (h, s))| (basket.id.clone(), table(basket, h, s, window)))
        .collect();
    let demo_mix = DemoMix::of(
        book,
        baskets
            .iter()
            .flat_map(|b| b.members.iter().map(|m| &m.symbol)),
    );
    Ok(Analysis {
        demo_mix,
        as_of,
        window,
        indices,
        summaries,
        ratios,
        scatter,
        members,
        pair_problem,
        histories: Histories(histories),
    })
}

/// The as-of date (the request's, or the book's default: the latest date of
/// the real series, see [`PriceBook::default_as_of`]) and the window cut
/// at it.
fn as_of_and_window(
    book: &PriceBook,
    request: &Request,
) -> Result<(NaiveDate, Window), ComputeError> {
    let as_of = request
        .as_of
        .or_else(|| book.default_as_of())
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
