//! What the baskets pane shows of the shown basket (`g` cycles it), and the
//! diffusion numbers of each basket computed with the analysis (METHODOLOGY.md
//! "Segments, breadth and rotation"), never per frame.

use crate::compute::{Breadth, Rotation, SegmentStudy};
use crate::domain::BasketId;

/// The table under the basket's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BasketView {
    /// The member table (sort, filter, selection).
    #[default]
    Members,
    /// One row per segment: members, weight, index return, contribution.
    Segments,
    /// The latest day's breadth and its share above the means over the window.
    Breadth,
    /// Segment minus basket return per week (month), as a heat map.
    Rotation,
}

impl BasketView {
    /// The view `g` shows next.
    pub fn next(self) -> BasketView {
        match self {
            BasketView::Members => BasketView::Segments,
            BasketView::Segments => BasketView::Breadth,
            BasketView::Breadth => BasketView::Rotation,
            BasketView::Rotation => BasketView::Members,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BasketView::Members => "members",
            BasketView::Segments => "segments",
            BasketView::Breadth => "breadth",
            BasketView::Rotation => "rotation",
        }
    }
}

/// One basket's segments, breadth and rotation over the analysis' window and
/// as-of date.
#[derive(Debug, Clone)]
pub struct BasketDiffusion {
    pub basket: BasketId,
    pub segments: SegmentStudy,
    pub breadth: Breadth,
    pub rotation: Rotation,
}
