//! What every command says on stderr before its output: the files that did
//! not load, and that the prices are demo prices.

use super::report::DEMO_NOTE;
use crate::domain::text::escape_output;
use crate::store::Workspace;

/// The load problems, as warnings on stderr (escaped: a hand-edited file
/// may carry control characters).
pub(super) fn warn(ws: &Workspace) {
    for problem in &ws.problems {
        eprintln!("warning: {}", escape_output(problem));
    }
}

/// The DEMO note on stderr, when the prices are demo prices.
pub(super) fn note_demo(ws: &Workspace) {
    if ws.book.has_demo() {
        eprintln!("note: {DEMO_NOTE}");
    }
}
