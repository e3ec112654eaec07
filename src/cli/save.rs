//! Saving the edits of `basket`, `watchlist` and `watchlist plan`: all
//! checked first, written once, described in one line.

use crate::domain::edit::{Edit, apply};
use crate::store::{SaveReport, Workspace};

/// Applies every edit (all are checked before anything is written), saves
/// the difference once, and describes it in one line.
pub fn commit(ws: &mut Workspace, edits: Vec<Edit>) -> anyhow::Result<String> {
    let before = ws.library();
    let mut after = before.clone();
    for edit in &edits {
        after = apply(&after, edit)?;
    }
    let report = ws.store.save_library(&before, &after, &mut ws.prints)?;
    ws.set_library(after);
    let what = edits.first().map(Edit::describe).unwrap_or_default();
    Ok(format!("{what}: {}\n", files(&report)))
}

fn files(report: &SaveReport) -> String {
    if report.is_empty() {
        return "no change, nothing written".to_string();
    }
    let mut parts = Vec::new();
    for path in &report.written {
        parts.push(format!("wrote {}", path.display()));
    }
    for path in &report.removed {
        parts.push(format!("removed {}", path.display()));
    }
    parts.join(", ")
}
