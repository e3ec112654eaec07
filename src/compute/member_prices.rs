//! One member's prices on an index calendar (METHODOLOGY.md "Basket
//! index"): what a member's life (`life.rs`) is carried onto and what the
//! index history (`history.rs`) weighs.

use std::ops::Range;
use std::sync::Arc;

/// One member's prices on the index calendar: its own rows, carried forward
/// inside its life, none outside it.
///
/// Held as the prices of the calendar positions `start..start + count`
/// (none elsewhere): a member with a row on every calendar date of its life
/// (the usual case) shares the book's own prices, without a copy; one with
/// gaps gets its carried prices. NaN is "no price" (a price or a usable mcap
/// is finite and > 0, so NaN is never one). Read through
/// [`MemberPrices::price`] and [`MemberPrices::mcap`].
#[derive(Debug, Clone)]
pub struct MemberPrices {
    /// `price[start + k]` is calendar position `offset + k`'s price.
    price: Arc<Vec<f64>>,
    start: usize,
    /// The first calendar position with a price, and how many follow.
    offset: usize,
    count: usize,
    /// The calendar's length.
    len: usize,
    /// On every calendar position; only kept for the cap method (empty otherwise).
    mcap: Vec<f64>,
}

impl MemberPrices {
    /// Prices on calendar positions `offset..offset + count` read from
    /// `price[start..start + count]`.
    pub(crate) fn new(
        price: Arc<Vec<f64>>,
        start: usize,
        offset: usize,
        count: usize,
        len: usize,
        mcap: Vec<f64>,
    ) -> MemberPrices {
        debug_assert!(start + count <= price.len() && offset + count <= len);
        MemberPrices {
            price,
            start,
            offset,
            count,
            len,
            mcap,
        }
    }

    /// The same prices with `mcap` (on every calendar position).
    pub(crate) fn with_mcap(self, mcap: Vec<f64>) -> MemberPrices {
        MemberPrices { mcap, ..self }
    }

    /// No price on any of `len` calendar positions.
    pub(crate) fn none(len: usize, with_mcap: bool) -> MemberPrices {
        let mcap = if with_mcap {
            vec![f64::NAN; len]
        } else {
            Vec::new()
        };
        MemberPrices::new(Arc::default(), 0, 0, 0, len, mcap)
    }

    /// The calendar positions with a price.
    pub(super) fn positions(&self) -> Range<usize> {
        self.offset..self.offset + self.count
    }

    /// The prices of calendar positions `range` (inside [`Self::positions`]).
    pub(super) fn slice(&self, range: Range<usize>) -> &[f64] {
        let from = self.start + range.start - self.offset;
        &self.price[from..from + range.len()]
    }

    /// The price on calendar position `t`, carried inside the member's life.
    pub fn price(&self, t: usize) -> Option<f64> {
        if !self.positions().contains(&t) {
            return None;
        }
        Some(self.price[self.start + t - self.offset]).filter(|p| !p.is_nan())
    }

    /// The mcap of the row the price on `t` comes from (finite and > 0);
    /// kept only when the index uses the cap method, else always `None`.
    pub fn mcap(&self, t: usize) -> Option<f64> {
        self.mcap.get(t).copied().filter(|m| !m.is_nan())
    }

    /// The mcap on every calendar position (NaN where none); empty unless
    /// the index uses the cap method.
    pub(super) fn mcaps(&self) -> &[f64] {
        &self.mcap
    }

    /// Every calendar position's price, in order.
    pub fn prices(&self) -> impl Iterator<Item = Option<f64>> + '_ {
        (0..self.len).map(|t| self.price(t))
    }

    /// Calendar positions covered (the length of the index calendar).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl PartialEq for MemberPrices {
    /// Equal when every position holds the same price and mcap ("none"
    /// equals "none"), however each is stored.
    fn eq(&self, other: &MemberPrices) -> bool {
        let bits = |p: Option<f64>| p.map(f64::to_bits);
        let same_mcap = self.mcap.len() == other.mcap.len()
            && self
                .mcap
                .iter()
                .zip(&other.mcap)
                .all(|(x, y)| x.to_bits() == y.to_bits());
        self.len == other.len
            && same_mcap
            && (0..self.len).all(|t| bits(self.price(t)) == bits(other.price(t)))
    }
}
