//! Is the move spreading inside a basket? (METHODOLOGY.md "Segments",
//! "Breadth", "Rotation".)
//!
//! - [`segment_study`]: per segment, a sub-index with the basket's own
//!   method and its contribution to the basket's window return;
//! - [`breadth`]: per index date, the shares of members above their means,
//!   up over 20 sessions, beating the basket, their dispersion and highs;
//! - [`rotation`]: segments × weeks (months) of segment minus basket return.
//!
//! Each reads a basket's [`IndexHistory`] (built up to the as-of date) and a
//! window; [`history_of`] finds it in an [`Analysis`].

mod breadth;
mod rotation;
mod segments;

use std::sync::Arc;

pub use breadth::{Breadth, BreadthDay, LONG_MEAN, RETURN_SESSIONS, SHORT_MEAN, breadth};
pub use rotation::{Period, PeriodKind, Rotation, WEEKLY_UP_TO_DAYS, rotation};
pub use segments::{
    NO_SEGMENT, SegmentIndex, SegmentRow, SegmentStudy, segment_groups, segment_study,
};

use super::analysis::Analysis;
use super::history::IndexHistory;
use crate::domain::BasketId;

/// The index history of basket `id` that `analysis` was computed from.
pub fn history_of<'a>(analysis: &'a Analysis, id: &BasketId) -> Option<&'a Arc<IndexHistory>> {
    analysis.histories.0.iter().find(|h| &h.basket == id)
}
