//! What `spillover check` has found: its lines and their counts.

use std::fmt::Write as _;

/// What `check` has found so far: its lines and their counts.
#[derive(Default)]
pub(super) struct Findings {
    pub(super) out: String,
    pub(super) errors: usize,
    pub(super) warnings: usize,
}

impl Findings {
    pub(super) fn error(&mut self, e: impl std::fmt::Display) {
        self.errors += 1;
        let _ = writeln!(self.out, "error: {e}");
    }

    pub(super) fn warning(&mut self, w: impl std::fmt::Display) {
        self.warnings += 1;
        let _ = writeln!(self.out, "warning: {w}");
    }
}
