//! `spillover symbols`, `check` and `basket list|show`: what is in the cache.

use std::collections::BTreeMap;
use std::fmt::Write;

use std::path::Path;

use rayon::prelude::*;

use super::findings::Findings;
use super::progress::bar;
use super::text::{Align, Table, clip, count, num, pct};
use crate::compute::Analysis;
use crate::domain::{BasketId, Symbol};
use crate::store::{
    PriceFileError, ReadSeries, Workspace, partly_adjusted_note, read_price_series,
};

/// `spillover symbols`: every cached symbol with its rows and date range.
pub fn symbols(ws: &Workspace) -> String {
    let (symbols, strays) = ws.store.cached_symbols();
    let used_by = baskets_using(ws);
    let dir = ws.store.layout().prices_dir();
    let mut table = Table::new(&[
        ("symbol", Align::Left),
        ("rows", Align::Right),
        ("first", Align::Left),
        ("last", Align::Left),
        ("source", Align::Left),
        ("baskets", Align::Left),
    ]);
    let cells = read_all(
        &dir,
        &symbols,
        "reading price files",
        |_, read| match read {
            Ok(ReadSeries { series: s, .. }) => [
                s.len().to_string(),
                s.first_date().map(|d| d.to_string()).unwrap_or_default(),
                s.last_date().map(|d| d.to_string()).unwrap_or_default(),
                if s.demo { "DEMO" } else { "imported" }.to_string(),
            ],
            Err(_) => [
                "?".into(),
                String::new(),
                String::new(),
                "unreadable (run spillover check)".into(),
            ],
        },
    );
    for (symbol, [rows, first, last, source]) in symbols.iter().zip(cells) {
        let baskets = used_by.get(symbol).map(|b| b.join(" ")).unwrap_or_default();
        table.row(vec![symbol.to_string(), rows, first, last, source, baskets]);
    }
    let mut out = format!("{} symbols in {}\n", symbols.len(), dir.display());
    out.push_str(&table.render(""));
    for stray in strays {
        let _ = writeln!(
            out,
            "warning: prices/{stray} is not named <SYMBOL>.parquet and is ignored"
        );
    }
    out
}

/// Reads the price file of every symbol in `dir`, on all cores, with a
/// progress bar: a cache can hold thousands. Read as compute reads it
/// (`date`, `close`, `adj_close`; the other columns' types checked), so a
/// file is accepted or refused as by a full read. Each file is kept only as
/// what `keep` takes of it: a whole cache would not fit in memory.
fn read_all<R: Send>(
    dir: &Path,
    symbols: &[Symbol],
    message: &'static str,
    keep: impl Fn(&Symbol, Result<ReadSeries, PriceFileError>) -> R + Sync,
) -> Vec<R> {
    let progress = bar(symbols.len(), message);
    let tables = symbols
        .par_iter()
        .map(|symbol| {
            let table = read_price_series(&dir.join(symbol.file_name()), false);
            progress.inc(1);
            keep(symbol, table)
        })
        .collect();
    progress.finish_and_clear();
    tables
}

/// What `check` says of a file that loads: rows out of order (read
/// sorted), or `adj_close` on only some rows (close is used).
fn file_warnings(dir: &Path, symbol: &Symbol, read: &ReadSeries) -> Vec<String> {
    let mut notes = Vec::new();
    if read.unsorted {
        notes.push(format!(
            "{}: rows are not in date order (read sorted); import the file again to store it sorted",
            dir.join(symbol.file_name()).display()
        ));
    }
    if let Some((n, rows)) = read.partly {
        notes.push(partly_adjusted_note(symbol, n, rows));
    }
    notes
}

fn baskets_using(ws: &Workspace) -> BTreeMap<Symbol, Vec<String>> {
    let mut map: BTreeMap<Symbol, Vec<String>> = BTreeMap::new();
    for basket in &ws.baskets {
        for m in &basket.members {
            map.entry(m.symbol.clone())
                .or_default()
                .push(basket.id.to_string());
        }
    }
    map
}

/// The outcome of `spillover check`.
pub struct CheckReport {
    pub text: String,
    pub errors: usize,
}

/// `spillover check`: reads every file of the cache and says what is wrong.
pub fn check(ws: &Workspace) -> CheckReport {
    let mut found = Findings::default();
    let (symbols, strays) = ws.store.cached_symbols();
    let readable = check_price_files(ws, &symbols, &strays, &mut found);
    // Basket and watchlist files that did not load are in the workspace's problems.
    let (_, basket_errors) = ws.store.load_baskets();
    for e in &basket_errors {
        found.error(e);
    }
    if let Err(e) = ws.store.load_watchlist() {
        found.error(e);
    }
    check_missing_prices(ws, &symbols, &mut found);
    super::calendar_check::check_calendars(ws, &mut found);
    let Findings {
        mut out,
        errors,
        warnings,
    } = found;
    let _ = writeln!(
        out,
        "{}: {readable}/{} price files readable, {}, {}; {}, {}",
        ws.store.layout().root().display(),
        symbols.len(),
        count(ws.baskets.len(), "basket", "baskets"),
        count(
            ws.watchlist.events.len(),
            "watchlist event",
            "watchlist events"
        ),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    );
    let _ = writeln!(out, "{}", super::provenance::calendars_line());
    CheckReport { text: out, errors }
}

/// Reads every price file; returns how many were readable.
fn check_price_files(
    ws: &Workspace,
    symbols: &[Symbol],
    strays: &[String],
    found: &mut Findings,
) -> usize {
    let dir = ws.store.layout().prices_dir();
    let mut readable = 0;
    // Per file: an error, or the warnings (often none).
    let findings = read_all(
        &dir,
        symbols,
        "checking price files",
        |symbol, read| match read {
            Ok(read) => Ok(file_warnings(&dir, symbol, &read)),
            Err(e) => Err(e.to_string()),
        },
    );
    for finding in findings {
        match finding {
            Ok(notes) => {
                readable += 1;
                for note in notes {
                    found.warning(note);
                }
            }
            Err(e) => found.error(e),
        }
    }
    for stray in strays {
        found.warning(format_args!(
            "{}: not named <SYMBOL>.parquet; it is ignored (rename or delete it)",
            dir.join(stray).display()
        ));
    }
    readable
}

/// A warning for each basket with members that have no cached prices.
fn check_missing_prices(ws: &Workspace, symbols: &[Symbol], found: &mut Findings) {
    let cached: std::collections::BTreeSet<&Symbol> = symbols.iter().collect();
    for basket in &ws.baskets {
        let missing: Vec<String> = basket
            .members
            .iter()
            .filter(|m| !cached.contains(&m.symbol))
            .map(|m| m.symbol.to_string())
            .collect();
        if !missing.is_empty() {
            found.warning(format_args!(
                "basket {}: no prices cached for {} (import them with spillover import)",
                basket.id,
                missing.join(", ")
            ));
        }
    }
}

/// `spillover basket list`.
pub fn basket_list(ws: &Workspace) -> String {
    let mut table = Table::new(&[
        ("id", Align::Left),
        ("name", Align::Left),
        ("method", Align::Left),
        ("members", Align::Right),
        ("with data", Align::Right),
    ]);
    for b in &ws.baskets {
        let with_data = b
            .members
            .iter()
            .filter(|m| ws.book.get(&m.symbol).is_some())
            .count();
        table.row(vec![
            b.id.to_string(),
            clip(&b.name, 48),
            b.method.to_string(),
            b.members.len().to_string(),
            with_data.to_string(),
        ]);
    }
    table.render("")
}

/// `spillover basket show ID`: the member table over the window.
pub fn basket_show(ws: &Workspace, analysis: &Analysis, id: &BasketId) -> Option<String> {
    let basket = ws.basket(id)?;
    let rows = &analysis.members.iter().find(|(b, _)| b == id)?.1;
    let summary = analysis.summaries.iter().find(|s| &s.basket == id);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} · {} · method {}",
        basket.id,
        basket.name,
        count(basket.members.len(), "member", "members"),
        basket.method
    );
    if !basket.description.is_empty() {
        let _ = writeln!(out, "{}", basket.description);
    }
    let _ = writeln!(
        out,
        "window {} · as of {} · index {} ({} over the window)",
        analysis.window,
        analysis.as_of,
        num(summary.and_then(|s| s.level), 1),
        pct(summary.and_then(|s| s.ret_window)),
    );
    let mut table = Table::new(&[
        ("symbol", Align::Left),
        ("name", Align::Left),
        ("segment", Align::Left),
        ("weight", Align::Right),
        ("last", Align::Right),
        ("1D", Align::Right),
        ("5D", Align::Right),
        ("1M", Align::Right),
        ("YTD", Align::Right),
        ("window", Align::Right),
        ("contrib", Align::Right),
        ("status", Align::Left),
    ]);
    for r in rows {
        table.row(vec![
            r.symbol.to_string(),
            clip(&r.name, 14),
            clip(&r.segment, 24),
            r.current_weight
                .map_or("-".to_string(), |w| format!("{:.2}%", w * 100.0)),
            num(r.last_price, 2),
            pct(r.ret_1d),
            pct(r.ret_5d),
            pct(r.ret_1m),
            pct(r.ret_ytd),
            pct(r.ret_window),
            num(Some(r.contribution), 1),
            r.status.describe(),
        ]);
    }
    out.push_str(&table.render(""));
    Some(out)
}
