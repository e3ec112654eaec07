//! The background import (`:import FILE…`): starting it (not while a fetch
//! or another import writes the cache), its progress on the status bar,
//! and what its summary does: a message, the reason over the panes when
//! nothing was imported, and the prices of the imported symbols that the
//! baskets use loaded again (the panes recompute when they arrive).

use std::collections::BTreeSet;

use crate::domain::Symbol;
use crate::store::fetch::members;
use crate::store::import::{ImportOptions, ImportSummary, Market, Source};
use crate::tui::effect::Effect;
use crate::tui::jobs::Job;
use crate::tui::outcome::{JobError, JobId};
use crate::tui::overlay::Problems;
use crate::tui::update::AppState;

/// Starts importing `sources`; refused while the cache is being written.
pub(super) fn start(state: &mut AppState, sources: Vec<Source>, market: Market) -> Vec<Effect> {
    if let Some(doing) = state.writing_cache() {
        state.set_message(
            format!("the cache is being written ({doing}); import when it is done"),
            true,
        );
        return Vec::new();
    }
    let job = Job::Import {
        sources,
        options: ImportOptions {
            market,
            ..ImportOptions::default()
        },
    };
    state.set_message(
        format!(
            "{}: all files or none; the panes recompute when it is done",
            job.label()
        ),
        false,
    );
    vec![state.start(job)]
}

/// The import has finished: say what it did (or why it did nothing) and
/// load the prices the baskets use of the symbols it wrote.
pub(super) fn finished(
    state: &mut AppState,
    id: JobId,
    result: Result<ImportSummary, JobError>,
) -> Vec<Effect> {
    state.end_work(id);
    let summary = match result {
        Ok(summary) => summary,
        Err(reason) => {
            state.set_message(
                "import: nothing imported, the cache is unchanged (Esc closes the reason)",
                true,
            );
            state.show_problems(Problems {
                title: " Import: nothing imported, the cache is unchanged (Esc closes) ".into(),
                summary: "The first problem found; fix it and import again:".into(),
                rows: vec![(String::new(), reason.to_string())],
                scroll: 0,
            });
            return Vec::new();
        }
    };
    let used: BTreeSet<Symbol> = members(&state.model.baskets).into_iter().collect();
    let reload: Vec<Symbol> = summary
        .per_symbol
        .iter()
        .map(|s| &s.symbol)
        .filter(|s| used.contains(s))
        .cloned()
        .collect();
    state.set_message(summary_line(&summary, reload.len()), false);
    if reload.is_empty() {
        Vec::new()
    } else {
        vec![state.start(Job::LoadPrices(reload))]
    }
}

/// "imported 3 files: 12 symbols (2 new, 8 updated, 2 replacing demo
/// prices); 9 in the baskets, 3 in none (a adds one)".
pub fn summary_line(summary: &ImportSummary, in_baskets: usize) -> String {
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let symbols = summary.per_symbol.len();
    let demo = summary
        .per_symbol
        .iter()
        .filter(|s| s.replaced_demo)
        .count();
    let new = summary
        .per_symbol
        .iter()
        .filter(|s| s.rows_after == s.added && !s.replaced_demo)
        .count();
    let kinds: Vec<String> = [
        (new, "new"),
        (symbols - new - demo, "updated"),
        (demo, "replacing demo prices"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, kind)| format!("{n} {kind}"))
    .collect();
    let mut line = format!(
        "imported {}: {} ({}); {in_baskets} in the baskets",
        plural(summary.files.len(), "file"),
        plural(symbols, "symbol"),
        kinds.join(", ")
    );
    if symbols > in_baskets {
        line.push_str(&format!(", {} in none (a adds one)", symbols - in_baskets));
    }
    if !summary.overlaps.is_empty() {
        line.push_str("; files overlapped, the later won (spillover import says which)");
    }
    for remark in summary.remarks() {
        line.push_str("; ");
        line.push_str(&remark);
    }
    line
}
