//! `spillover breadth` and `spillover segments`: inside one basket, how many
//! members join the move and which segments lead (METHODOLOGY.md
//! "Segments", "Breadth", "Rotation").

use std::fmt::Write as _;
use std::sync::Arc;

use anyhow::bail;
use serde::Serialize;

use super::args::DiffusionArgs;
use super::text::{Align, Table, pct};
use crate::compute::{
    Analysis, Breadth, IndexHistory, Rotation, SegmentRow, SegmentStudy, analyse_indices, breadth,
    history_of, rotation, segment_study,
};
use crate::domain::{Basket, BasketId};
use crate::store::Workspace;

/// The basket the commands read when none is named.
pub const DEFAULT_BASKET: &str = "na-chain";

/// The basket named (an error listing the baskets when there is none), else
/// na-chain, else the first basket; with the index history `analysis` read.
pub fn basket_of<'a>(
    ws: &'a Workspace,
    analysis: &'a Analysis,
    id: Option<&BasketId>,
) -> anyhow::Result<(&'a Basket, &'a Arc<IndexHistory>)> {
    let known = || {
        let ids: Vec<String> = ws.baskets.iter().map(|b| b.id.to_string()).collect();
        ids.join(", ")
    };
    let basket = match id {
        Some(id) => ws.basket(id),
        None => ws
            .baskets
            .iter()
            .find(|b| b.id.as_str() == DEFAULT_BASKET)
            .or_else(|| ws.baskets.first()),
    };
    let Some(basket) = basket else {
        match id {
            Some(id) => bail!("no basket \"{id}\"; the baskets are: {}", known()),
            None => bail!("there is no basket; create one with `spillover basket create`"),
        }
    };
    let Some(history) = history_of(analysis, &basket.id) else {
        bail!(
            "basket \"{}\" has no index (its file did not load); `spillover check` says why",
            basket.id
        );
    };
    Ok((basket, history))
}

/// The breadth of the chosen basket over the analysis window.
pub fn breadth_of(
    ws: &Workspace,
    analysis: &Analysis,
    id: Option<&BasketId>,
) -> anyhow::Result<Breadth> {
    let (basket, history) = basket_of(ws, analysis, id)?;
    Ok(breadth(basket, &ws.book, history, analysis.window))
}

/// The segments of the chosen basket over the analysis window.
pub fn segments_of(
    ws: &Workspace,
    analysis: &Analysis,
    id: Option<&BasketId>,
) -> anyhow::Result<SegmentStudy> {
    let (basket, history) = basket_of(ws, analysis, id)?;
    Ok(segment_study(basket, history, analysis.window))
}

/// The rotation of the chosen basket over the analysis window.
pub fn rotation_of(
    ws: &Workspace,
    analysis: &Analysis,
    id: Option<&BasketId>,
) -> anyhow::Result<Rotation> {
    Ok(rotation(&segments_of(ws, analysis, id)?))
}

pub fn breadth_json(breadth: &Breadth) -> String {
    serde_json::to_string_pretty(breadth).expect("breadth always serialises") + "\n"
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_string(), |v| format!("{:.0}%", v * 100.0))
}

pub fn breadth_text(ws: &Workspace, analysis: &Analysis, breadth: &Breadth) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "spillover breadth · {} · as of {} · window {}",
        ws.basket(&breadth.basket)
            .map_or(breadth.basket.to_string(), |b| b.name.clone()),
        analysis.as_of,
        analysis.window
    );
    let _ = writeln!(
        out,
        "  shares of the members priced that day; 20d = 20 sessions; n/a: no member has enough prices\n"
    );
    let mut table = Table::new(&[
        ("date", Align::Left),
        ("members", Align::Right),
        (">ma20", Align::Right),
        (">ma60", Align::Right),
        ("up 20d", Align::Right),
        ("beat 20d", Align::Right),
        ("dispersion 20d", Align::Right),
        ("60d highs", Align::Right),
    ]);
    for day in &breadth.days {
        table.row(vec![
            day.date.to_string(),
            day.members.to_string(),
            share(day.above_ma20),
            share(day.above_ma60),
            share(day.positive_20d),
            share(day.outperforming_20d),
            day.dispersion_20d
                .map_or_else(|| "n/a".to_string(), |d| format!("{:.1}%", d * 100.0)),
            day.highs_60d.to_string(),
        ]);
    }
    out.push_str(&table.render("  "));
    out
}

#[derive(Serialize)]
struct SegmentsJson<'a> {
    basket: &'a BasketId,
    window_return: Option<f64>,
    segments: &'a [SegmentRow],
}

pub fn segments_json(study: &SegmentStudy) -> String {
    let out = SegmentsJson {
        basket: &study.basket,
        window_return: study.window_return,
        segments: &study.rows,
    };
    serde_json::to_string_pretty(&out).expect("segments always serialise") + "\n"
}

pub fn segments_text(ws: &Workspace, analysis: &Analysis, study: &SegmentStudy) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "spillover segments · {} ({}) · as of {} · window {}",
        ws.basket(&study.basket)
            .map_or(study.basket.to_string(), |b| b.name.clone()),
        study.method,
        analysis.as_of,
        analysis.window
    );
    let _ = writeln!(
        out,
        "  sub-index: the basket's method inside the segment; contribution: its part of the basket's return\n"
    );
    let mut table = Table::new(&[
        ("segment", Align::Left),
        ("members", Align::Right),
        ("weight", Align::Right),
        ("return", Align::Right),
        ("contribution", Align::Right),
    ]);
    for row in &study.rows {
        table.row(vec![
            row.segment.clone(),
            row.members.to_string(),
            format!("{:.1}%", row.weight * 100.0),
            pct(row.index_return),
            pct(Some(row.contribution)),
        ]);
    }
    table.row(vec![
        "basket".to_string(),
        study
            .rows
            .iter()
            .map(|r| r.members)
            .sum::<usize>()
            .to_string(),
        String::new(),
        pct(study.window_return),
        pct(Some(study.rows.iter().map(|r| r.contribution).sum())),
    ]);
    out.push_str(&table.render("  "));
    out
}

/// `spillover breadth`.
pub fn run_breadth(ws: &Workspace, args: &DiffusionArgs) -> anyhow::Result<()> {
    super::notices::warn(ws);
    let analysis = super::compute::compute_with(ws, &args.analysis(), analyse_indices)?;
    let breadth = breadth_of(ws, &analysis, args.basket.as_ref())?;
    super::notices::note_demo(ws);
    super::print(&if args.json {
        breadth_json(&breadth)
    } else {
        breadth_text(ws, &analysis, &breadth)
    })
}

/// `spillover segments`.
pub fn run_segments(ws: &Workspace, args: &DiffusionArgs) -> anyhow::Result<()> {
    super::notices::warn(ws);
    let analysis = super::compute::compute_with(ws, &args.analysis(), analyse_indices)?;
    let study = segments_of(ws, &analysis, args.basket.as_ref())?;
    super::notices::note_demo(ws);
    super::print(&if args.json {
        segments_json(&study)
    } else {
        segments_text(ws, &analysis, &study)
    })
}
