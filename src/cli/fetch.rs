//! `spillover fetch`: which symbols, a progress bar (or plain lines), the
//! summary table or JSON, and the exit code.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use super::args::FetchArgs;
use super::text::{Align, Table};
use crate::domain::Symbol;
use crate::store::Workspace;
use crate::store::fetch::{
    FetchPlan, FetchProgress, FetchResult, FetchSummary, Fetched, SourceKind, cached, fetch,
    members, window,
};
use anyhow::bail;

/// Runs `spillover fetch`; exit 0 only when every symbol was fetched.
pub fn run(ws: &Workspace, args: FetchArgs) -> anyhow::Result<ExitCode> {
    let today = chrono::Local::now().date_naive();
    let plan = FetchPlan {
        from: args.from,
        to: args.to.unwrap_or(today),
        full: args.full,
        ..FetchPlan::incremental(symbols(ws, &args)?, today)
    };
    if let Some(from) = plan.from
        && from > plan.to
    {
        bail!(
            "--from {from} is after --to {}; give a --from on or before it",
            plan.to
        );
    }
    let kind = SourceKind::from(args.source);
    if args.dry_run {
        // Asks nothing, so needs no token: the source is not even opened.
        super::output::print(&dry_run(ws, &plan, kind))?;
        return Ok(ExitCode::SUCCESS);
    }
    let source = kind.open()?;
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // A second handler cannot be set (tests call run twice): the flag then stays unset.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let mut progress = Progress::new(plan.symbols.len());
    let summary = fetch(
        &ws.store,
        &plan,
        source.as_ref(),
        &mut |event| progress.show(event),
        &cancel,
    );
    progress.finish();
    let text = if args.json {
        serde_json::to_string_pretty(&summary)? + "\n"
    } else {
        render(&summary)
    };
    super::output::print(&text)?;
    Ok(if summary.cancelled {
        ExitCode::from(130)
    } else if summary.all_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The symbols named, then every member of the baskets named; with neither,
/// every member of every basket. Each once, in that order.
fn symbols(ws: &Workspace, args: &FetchArgs) -> anyhow::Result<Vec<Symbol>> {
    let mut named = Vec::new();
    for id in &args.baskets {
        let Some(basket) = ws.basket(id) else {
            let known: Vec<String> = ws.baskets.iter().map(|b| b.id.to_string()).collect();
            bail!("no basket \"{id}\"; the baskets are: {}", known.join(", "));
        };
        named.push(basket);
    }
    let from_baskets = if args.symbols.is_empty() && args.baskets.is_empty() {
        members(&ws.baskets)
    } else {
        members(named)
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut out: Vec<Symbol> = args.symbols.clone();
    out.extend(from_baskets);
    out.retain(|s| seen.insert(s.clone()));
    if out.is_empty() {
        bail!(
            "nothing to fetch: the baskets have no members; name symbols (spillover fetch 300308.SZ)"
        );
    }
    Ok(out)
}

fn dry_run(ws: &Workspace, plan: &FetchPlan, source: SourceKind) -> String {
    let mut table = Table::new(&[
        ("symbol", Align::Left),
        ("code", Align::Left),
        ("from", Align::Left),
        ("to", Align::Left),
        ("what", Align::Left),
    ]);
    for symbol in &plan.symbols {
        let code = match source.code(symbol) {
            Ok(code) => code,
            Err(err) => {
                table.row(vec![
                    symbol.to_string(),
                    "-".into(),
                    String::new(),
                    String::new(),
                    err.to_string(),
                ]);
                continue;
            }
        };
        let (w, what) = match cached(&ws.store, symbol) {
            Ok(found) => {
                let table = found.as_ref().map(|(_, t)| t);
                let w = window(table, plan);
                let what = match table {
                    None => "new: whole history",
                    Some(t) if t.demo => "whole history, replaces the DEMO prices",
                    Some(_) if w.whole => "whole history, replaces the cached one",
                    Some(_) => "update (overlap checked)",
                };
                (w, what.to_string())
            }
            Err(err) => (window(None, plan), err.to_string()),
        };
        table.row(vec![
            symbol.to_string(),
            code,
            w.from.to_string(),
            w.to.to_string(),
            what,
        ]);
    }
    format!(
        "Would fetch {} symbols from {} (dry run: nothing asked, nothing written):\n{}",
        plan.symbols.len(),
        source.title(),
        table.render("  ")
    )
}

/// The summary table: one row per symbol, a line under it for a reason.
pub fn render(summary: &FetchSummary) -> String {
    let mut table = Table::new(&[
        ("symbol", Align::Left),
        ("code", Align::Left),
        ("result", Align::Left),
        ("added", Align::Right),
        ("replaced", Align::Right),
        ("fetched", Align::Left),
        ("cache now", Align::Left),
    ]);
    for s in &summary.symbols {
        let code = s.code.clone().unwrap_or_else(|| "-".into());
        match &s.result {
            FetchResult::Ok(f) => {
                table.row(vec![
                    s.symbol.to_string(),
                    code,
                    result_word(f).into(),
                    f.added.to_string(),
                    f.replaced.to_string(),
                    range(f.fetched),
                    format!("{} ({} rows)", range(f.cached), f.rows_after),
                ]);
                for note in notes(f) {
                    table.note(format!("    {note}"));
                }
            }
            FetchResult::Failed { reason } => {
                table.row(vec![s.symbol.to_string(), code, "FAILED".into()]);
                table.note(format!("    {reason}"));
            }
            FetchResult::NotFetched => {
                table.row(vec![s.symbol.to_string(), code, "not fetched".into()]);
            }
            FetchResult::Abandoned { reason } => {
                table.row(vec![s.symbol.to_string(), code, "not fetched".into()]);
                table.note(format!("    not fetched: {reason}"));
            }
        }
    }
    let failed = summary.failed();
    let not_fetched = summary.not_fetched();
    let mut out = format!(
        "Fetched {} of {} symbols from {} up to {}",
        summary.symbols.len() - failed - not_fetched,
        summary.symbols.len(),
        summary.source,
        summary.to
    );
    if failed > 0 {
        let _ = write!(out, "; {failed} failed (their files are unchanged)");
    }
    if summary.cancelled {
        let _ = write!(out, "; stopped by Ctrl-C, {not_fetched} not fetched");
    } else if summary.gave_up().is_some() {
        let _ = write!(out, "; {not_fetched} not fetched (source unreachable)");
    }
    out.push_str(":\n");
    out.push_str(&table.render("  "));
    out
}

fn result_word(f: &Fetched) -> &'static str {
    if f.rebased.is_some() {
        "re-based"
    } else if f.replaced_demo {
        "replaced DEMO"
    } else if !f.written {
        "unchanged"
    } else if f.replaced == 0 && f.rows_after == f.added {
        "new"
    } else {
        "updated"
    }
}

fn notes(f: &Fetched) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(reason) = &f.rebased {
        out.push(format!("whole history re-fetched and replaced: {reason}"));
    }
    if f.dropped > 0 {
        out.push(format!(
            "{} cached rows outside the new history were dropped",
            f.dropped
        ));
    }
    if f.skipped > 0 {
        out.push(format!(
            "{} days without a price (halted) skipped",
            f.skipped
        ));
    }
    out.extend(f.notes.iter().cloned());
    out
}

fn range((first, last): (NaiveDate, NaiveDate)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}..{last}")
    }
}

/// A bar on a terminal; plain lines on stderr otherwise (logs, CI, pipes).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let style = indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} {msg:12} {rate} ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.1} symbols/s", state.per_sec());
                },
            );
            bar.set_style(style);
            bar
        });
        Progress { bar }
    }

    fn show(&mut self, event: FetchProgress) {
        match (&self.bar, event) {
            (Some(bar), FetchProgress::Symbol { symbol, .. }) => {
                bar.set_message(symbol.to_string())
            }
            (Some(bar), FetchProgress::Finished { done, .. }) => bar.set_position(done as u64),
            (None, FetchProgress::Symbol { .. }) => {}
            (
                None,
                FetchProgress::Finished {
                    done,
                    total,
                    outcome,
                },
            ) => {
                let what = match &outcome.result {
                    FetchResult::Ok(f) => format!(
                        "{}: {} added, {} replaced",
                        result_word(f),
                        f.added,
                        f.replaced
                    ),
                    FetchResult::Failed { reason } => format!("FAILED: {reason}"),
                    FetchResult::NotFetched => "not fetched".into(),
                    FetchResult::Abandoned { reason } => format!("not fetched: {reason}"),
                };
                eprintln!("[{done}/{total}] {} {what}", outcome.symbol);
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
