//! `spillover watchlist plan --season YYYY-MM [--dry-run]`: the next
//! season's reports proposed from the same month a year earlier.

use std::fmt::Write as _;

use chrono::Duration;

use super::args::PlanArgs;
use crate::domain::calendar::{self, Market};
use crate::domain::edit::Edit;
use crate::domain::{Plan, Season, plan_season};
use crate::store::Workspace;

/// Plans the season and, unless a dry run, adds the proposed events to the
/// watchlist in one atomic save.
pub fn run(ws: &mut Workspace, args: &PlanArgs) -> anyhow::Result<String> {
    let plan = plan_season(&ws.watchlist, args.season, calendar::current());
    let mut out = render(&plan, args.season);
    if plan.proposed.is_empty() {
        out.push_str("nothing to add, nothing written\n");
    } else if args.dry_run {
        out.push_str("dry run: nothing written\n");
    } else {
        let edits = plan
            .proposed
            .iter()
            .map(|p| Edit::AddEvent {
                event: p.event.clone(),
            })
            .collect();
        let saved = super::save::commit(ws, edits)?;
        let _ = write!(
            out,
            "added {} estimated events; {saved}",
            plan.proposed.len()
        );
    }
    Ok(out)
}

/// The plan as text: proposed events (`est.`), those already there, and
/// the companies with no basis.
pub fn render(plan: &Plan, season: Season) -> String {
    let earlier = Season {
        year: season.year - 1,
        month: season.month,
    };
    let mut out = format!(
        "season {season}: reports of {earlier} + 52 weeks, moved to the next session when closed\n"
    );
    for p in &plan.proposed {
        let e = &p.event;
        let market = Market::of(&e.symbol);
        let mut why = format!("from {}", p.basis);
        if p.moved {
            let _ = write!(
                why,
                "; {} closed on {market}",
                p.basis + Duration::days(364)
            );
        }
        if calendar::current().is_estimated(market, e.date) {
            why.push_str("; est. calendar");
        }
        let _ = writeln!(
            out,
            "  {} est. {:<11} {:<10} {}  ({why})",
            e.date, e.session, e.symbol, e.name
        );
    }
    if plan.proposed.is_empty() {
        let _ = writeln!(
            out,
            "  no company reported in {earlier} without an event in {season}"
        );
    }
    if !plan.already.is_empty() {
        let _ = writeln!(out, "already in {season} (kept as they are):");
        for e in &plan.already {
            let est = if e.estimated { " est." } else { "" };
            let _ = writeln!(out, "  {}{est} {:<10} {}", e.date, e.symbol, e.name);
        }
    }
    if !plan.no_basis.is_empty() {
        let _ = writeln!(out, "no basis (no report in {earlier}):");
        for (symbol, name) in &plan.no_basis {
            let _ = writeln!(out, "  {symbol:<10} {name}");
        }
    }
    out
}
