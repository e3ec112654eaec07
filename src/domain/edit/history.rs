//! Undo and redo of whole-library snapshots: a library is a few KB, so a
//! snapshot per edit is simple and obviously correct.

use super::Library;

/// How many edits can be undone; older ones are forgotten.
const DEPTH: usize = 500;

/// The session's undo and redo stacks, each entry labelled with what the
/// edit did ("add 688981.SH to domestic-chain").
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<(String, Library)>,
    redo: Vec<(String, Library)>,
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// Records an edit labelled `label` whose library before was `before`;
    /// a new edit makes the undone ones unreachable, so redo is cleared.
    pub fn record(&mut self, label: String, before: Library) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push((label, before));
        self.redo.clear();
    }

    /// The library before the last edit, with that edit's label; `current`
    /// is kept for redo.
    pub fn undo(&mut self, current: &Library) -> Option<(String, Library)> {
        let (label, before) = self.undo.pop()?;
        self.redo.push((label.clone(), current.clone()));
        Some((label, before))
    }

    /// The library after the last undone edit, with its label; `current` is
    /// kept for undo.
    pub fn redo(&mut self, current: &Library) -> Option<(String, Library)> {
        let (label, after) = self.redo.pop()?;
        self.undo.push((label.clone(), current.clone()));
        Some((label, after))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
