//! `spillover import` (files and folders, with a progress bar for many) and
//! `spillover basket import|export` (constituent lists).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};

use crate::domain::edit::{BasketValue, Edit, parse_basket_id};
use crate::domain::{Basket, BasketId, Member, Symbol};
use crate::store::import::members::{members_csv, read_members};
use crate::store::import::{
    ImportError, ImportOptions, ImportSummary, Market, Source, expand_folders, import_sources,
};
use crate::store::{Store, Workspace, parquet_name, write_atomic};

/// Above this many files an import shows a progress bar (on a terminal).
const BAR_FROM: usize = 5;

/// Imports files and folders; `--symbol` names the one per-symbol file.
pub fn import(
    store: &Store,
    sources: Vec<Source>,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let mut sources = expand_folders(sources)?;
    if let Some(symbol) = &options.symbol {
        if sources.len() != 1 {
            return Err(ImportError::SymbolWithSeveralFiles {
                symbol: symbol.clone(),
                count: sources.len(),
            });
        }
        sources[0].symbol = Some(symbol.clone());
    }
    let bar = if sources.len() > BAR_FROM {
        // indicatif draws nothing when stderr is not a terminal.
        let bar = ProgressBar::new(sources.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("reading {pos}/{len} files {wide_bar} {eta}")
        {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let result = import_sources(store, &sources, options, &mut |done, _| {
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
        }
        std::ops::ControlFlow::Continue(())
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result
}

/// The name a member gets when none is given: another basket's, else the
/// one its imported price file carries, else the symbol itself.
pub fn default_name(ws: &Workspace, symbol: &Symbol) -> String {
    if let Some(m) = ws.baskets.iter().find_map(|b| b.member(symbol)) {
        return m.name.clone();
    }
    std::fs::read(ws.store.layout().price_file(symbol))
        .ok()
        .and_then(|bytes| parquet_name(&bytes))
        .unwrap_or_else(|| symbol.to_string())
}

/// `basket import ID FILE`: the edits that make basket `id` hold exactly
/// the listed members (a replaced basket keeps its name, description and
/// method), and a line saying what changes.
pub fn basket_import_edits(
    ws: &Workspace,
    id: &str,
    file: &Path,
    market: Market,
) -> anyhow::Result<(Vec<Edit>, String)> {
    let id = parse_basket_id(id)?;
    let mut members = read_members(file, market)?;
    for m in &mut members {
        if m.name.trim().is_empty() {
            m.name = default_name(ws, &m.symbol);
        }
    }
    let before = ws.basket(&id);
    let diff = describe_diff(before.map_or(&[][..], |b| &b.members), &members);
    let mut edits = Vec::new();
    match before {
        Some(old) => {
            edits.push(Edit::DeleteBasket { id: id.clone() });
            edits.push(Edit::CreateBasket {
                id: id.clone(),
                name: old.name.clone(),
            });
            keep_fields(&mut edits, old);
        }
        None => edits.push(Edit::CreateBasket {
            id: id.clone(),
            name: id.to_string(),
        }),
    }
    edits.extend(members.into_iter().map(|member| Edit::AddMember {
        basket: id.clone(),
        member,
    }));
    let what = if before.is_some() {
        "replace"
    } else {
        "create"
    };
    Ok((edits, format!("{what} basket {id}: {diff}")))
}

/// The replaced basket's description and method, kept.
fn keep_fields(edits: &mut Vec<Edit>, old: &Basket) {
    if !old.description.is_empty() {
        edits.push(Edit::SetBasket {
            id: old.id.clone(),
            value: BasketValue::Description(old.description.clone()),
        });
    }
    edits.push(Edit::SetBasket {
        id: old.id.clone(),
        value: BasketValue::Method(old.method),
    });
}

/// "2 added (A, B); 1 removed (C); 1 changed (D: weight 1 → 2)".
fn describe_diff(before: &[Member], after: &[Member]) -> String {
    let find = |list: &[Member], m: &Member| list.iter().find(|o| o.symbol == m.symbol).cloned();
    let added: Vec<String> = after
        .iter()
        .filter(|m| find(before, m).is_none())
        .map(|m| m.symbol.to_string())
        .collect();
    let removed: Vec<String> = before
        .iter()
        .filter(|m| find(after, m).is_none())
        .map(|m| m.symbol.to_string())
        .collect();
    let mut changed = Vec::new();
    for new in after {
        let Some(old) = find(before, new) else {
            continue;
        };
        let mut fields = Vec::new();
        let show = |w: Option<f64>| w.map_or("-".to_string(), |w| w.to_string());
        for (name, a, b) in [
            ("name", old.name.clone(), new.name.clone()),
            ("name_en", old.name_en.clone(), new.name_en.clone()),
            ("segment", old.segment.clone(), new.segment.clone()),
            ("weight", show(old.weight), show(new.weight)),
        ] {
            if a != b {
                fields.push(format!("{name} {a:?} → {b:?}"));
            }
        }
        if !fields.is_empty() {
            changed.push(format!("{}: {}", new.symbol, fields.join(", ")));
        }
    }
    let part = |n: usize, what: &str, list: &[String]| {
        if n == 0 {
            format!("0 {what}")
        } else {
            format!("{n} {what} ({})", list.join(", "))
        }
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "{}; {}; {}",
        part(added.len(), "added", &added),
        part(removed.len(), "removed", &removed),
        part(changed.len(), "changed", &changed)
    );
    out
}

/// `basket export ID -o FILE`: the constituent list as CSV.
pub fn basket_export(ws: &Workspace, id: &BasketId, output: &Path) -> anyhow::Result<String> {
    let Some(basket) = ws.basket(id) else {
        let known: Vec<String> = ws.baskets.iter().map(|b| b.id.to_string()).collect();
        bail!("no basket \"{id}\"; the baskets are: {}", known.join(", "));
    };
    let is_csv = output
        .extension()
        .is_none_or(|e| e.eq_ignore_ascii_case("csv"));
    if !is_csv {
        bail!(
            "{}: basket export writes CSV; name the file .csv (Excel opens it)",
            output.display()
        );
    }
    write_atomic(output, members_csv(basket).as_bytes())
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", output.display()))?;
    let n = basket.members.len();
    Ok(format!(
        "wrote {n} member{} of {id} to {}\n",
        if n == 1 { "" } else { "s" },
        output.display()
    ))
}
