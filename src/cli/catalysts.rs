//! `spillover events` and `spillover leadlag`: the catalysts measured
//! (METHODOLOGY.md "Event study", "Lead-lag between the two ratios").

use std::fmt::Write;

use anyhow::bail;
use serde::Serialize;

use super::args::{EventsArgs, LeadLagArgs};
use super::report::DEMO_NOTE;
use super::text::{Align, Table, num};
use crate::compute::{
    Aggregate, Analysis, CAR_WINDOWS, Car, CatalystRequest, EventOutcome, EventSelection,
    EventStudy, LeadLag, Leader, Model, lead_lag, select_events, study_events,
};
use crate::store::Workspace;

/// |t| at or above this is marked: the two-sided 5% normal quantile.
const T_MARK: f64 = 1.96;

/// The event study the options of `spillover events` ask for.
pub fn event_study(
    ws: &Workspace,
    analysis: &Analysis,
    args: &EventsArgs,
) -> anyhow::Result<EventStudy> {
    let selection = match (args.event, &args.symbol, args.month) {
        (Some(n), _, _) => EventSelection::Number(n),
        (_, Some(symbol), _) => EventSelection::Symbol(symbol.clone()),
        (_, _, Some((year, month))) => EventSelection::Month { year, month },
        _ => EventSelection::All,
    };
    let events = select_events(&ws.watchlist.events, &selection)?;
    let options = args.study.request();
    let request = args.analysis.request();
    let study = study_events(&ws.baskets, &ws.book, &events, analysis, &request, &options)?;
    if study.events.iter().all(|e| e.after_as_of) {
        let first = study.events.iter().map(|e| e.first_session).min();
        bail!(
            "the as-of date {} is before the first session that can react to {}: nothing to measure yet; pick --as-of {} or later",
            analysis.as_of,
            if study.events.len() == 1 {
                "the event"
            } else {
                "any selected event"
            },
            first.unwrap_or(analysis.as_of)
        );
    }
    Ok(study)
}

#[derive(Serialize)]
struct EventsJson<'a> {
    demo: bool,
    #[serde(flatten)]
    study: &'a EventStudy,
}

pub fn events_json(ws: &Workspace, study: &EventStudy) -> String {
    let out = EventsJson {
        demo: ws.book.has_demo(),
        study,
    };
    serde_json::to_string_pretty(&out).expect("the event study always serialises") + "\n"
}

fn model_text(model: Model) -> &'static str {
    match model {
        Model::Adjusted => "adjusted (AR = R − R_bench)",
        Model::Market => "market (AR = R − α − β·R_bench, fitted on τ −120..−11)",
    }
}

fn window_label(from: i32, to: i32) -> String {
    format!("[{from:+},{to:+}]").replace("+0", "0")
}

/// `+1.23% (2.10)*`: the CAR, its t, `*` when |t| ≥ 1.96, `~` when cut at as-of.
fn car_cell(car: &Car) -> String {
    let Some(value) = car.car else {
        return "n/a".into();
    };
    let t = car.t.map_or("n/a".to_string(), |t| format!("{t:.2}"));
    let mark = if car.t.is_some_and(|t| t.abs() >= T_MARK) {
        "*"
    } else {
        ""
    };
    let cut = if car.partial { "~" } else { "" };
    format!("{:+.2}% ({t}){mark}{cut}", value * 100.0)
}

fn event_table(event: &EventOutcome) -> String {
    let mut columns: Vec<(String, Align)> = vec![
        ("series".into(), Align::Left),
        ("day 0".into(), Align::Left),
    ];
    columns.extend(
        CAR_WINDOWS
            .iter()
            .map(|&(a, b)| (window_label(a, b), Align::Right)),
    );
    let columns: Vec<(&str, Align)> = columns.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut table = Table::new(&columns);
    for s in &event.series {
        let mut row = vec![
            s.series.clone(),
            s.day0.map_or("n/a".into(), |d| d.to_string()),
        ];
        row.extend(s.cars.iter().map(car_cell));
        table.row(row);
    }
    table.render("  ")
}

fn aggregate_table(aggregate: &[Aggregate]) -> String {
    let mut columns: Vec<(String, Align)> = vec![("series".into(), Align::Left)];
    columns.extend(
        CAR_WINDOWS
            .iter()
            .map(|&(a, b)| (window_label(a, b), Align::Right)),
    );
    let columns: Vec<(&str, Align)> = columns.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut table = Table::new(&columns);
    for agg in aggregate {
        let mut row = vec![agg.series.clone()];
        row.extend(agg.cars.iter().map(|c| match c.mean {
            None => "n/a".to_string(),
            Some(mean) => {
                let t = c.t.map_or("n/a".to_string(), |t| format!("{t:.2}"));
                let mark = if c.t.is_some_and(|t| t.abs() >= T_MARK) {
                    "*"
                } else {
                    ""
                };
                format!("{:+.2}% ({t}){mark} {}/{}+", mean * 100.0, c.positive, c.n)
            }
        }));
        table.row(row);
    }
    table.render("  ")
}

pub fn events_text(ws: &Workspace, study: &EventStudy) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "spillover events · as of {} · benchmark {} · model {}",
        study.as_of,
        study.benchmark,
        model_text(study.model)
    );
    if ws.book.has_demo() {
        let _ = writeln!(out, "{DEMO_NOTE}");
    }
    if !study.benchmark_demo.is_empty() {
        let names: Vec<&str> = study.benchmark_demo.iter().map(|s| s.as_str()).collect();
        let _ = writeln!(
            out,
            "benchmark {} is DEMO: {} (synthetic, while real prices are loaded)",
            study.benchmark,
            names.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "CAR in % with t in brackets (* |t| ≥ {T_MARK}; ~ window cut at the as-of date); day 0 = the series' first date on or after the first Hong Kong session that can react"
    );
    for event in &study.events {
        let _ = writeln!(
            out,
            "\n#{} {}{} {} {} {} · {} · first Hong Kong session {}{}",
            event.number,
            event.date,
            if event.estimated { " est." } else { "" },
            event.session,
            event.symbol,
            event.name,
            if event.period.is_empty() {
                "-"
            } else {
                &event.period
            },
            event.first_session,
            if event.calendar_estimated {
                " (est. calendar)"
            } else {
                ""
            }
        );
        if event.after_as_of {
            let _ = writeln!(
                out,
                "  no numbers: the first session that can react ({}) is after the as-of date {}",
                event.first_session, study.as_of
            );
            continue;
        }
        out.push_str(&event_table(event));
    }
    let counted = study.events.iter().filter(|e| !e.after_as_of).count();
    if counted > 1 {
        let numbers: Vec<String> = study
            .events
            .iter()
            .map(|e| format!("#{}", e.number))
            .collect();
        let _ = writeln!(
            out,
            "\nAggregate over {} (whole windows only): mean CAR (cross-sectional t) positive/N",
            numbers.join(" ")
        );
        out.push_str(&aggregate_table(&study.aggregate));
        let _ = writeln!(
            out,
            "  events that share day 0 overlap: their CARs are not independent and the t overstates"
        );
    }
    out
}

/// The lead-lag of the analysis' scatter, with the options of `spillover leadlag`.
pub fn lead_lag_of(analysis: &Analysis, args: &LeadLagArgs) -> anyhow::Result<LeadLag> {
    if let Some(problem) = &analysis.pair_problem {
        bail!("no lead-lag without the scatter's ratios: {problem}");
    }
    let defaults = CatalystRequest::default();
    Ok(lead_lag(
        &analysis.scatter,
        args.max_lag.map_or(defaults.max_lag, usize::from),
        args.granger_lags.map_or(defaults.granger_lags, usize::from),
    ))
}

#[derive(Serialize)]
struct LeadLagJson<'a> {
    demo: bool,
    as_of: chrono::NaiveDate,
    window_start: chrono::NaiveDate,
    window_end: chrono::NaiveDate,
    #[serde(flatten)]
    lead_lag: &'a LeadLag,
    leader: Leader,
}

pub fn leadlag_json(ws: &Workspace, analysis: &Analysis, ll: &LeadLag) -> String {
    let out = LeadLagJson {
        demo: ws.book.has_demo(),
        as_of: analysis.as_of,
        window_start: analysis.window.start,
        window_end: analysis.window.end,
        lead_lag: ll,
        leader: ll.leader(),
    };
    serde_json::to_string_pretty(&out).expect("the lead-lag always serialises") + "\n"
}

/// A bar of `|r|` on either side of a centre line, `width` cells per side.
fn bar(r: Option<f64>, width: usize) -> String {
    let cells = r.map_or(0, |r| {
        ((r.abs() * width as f64).round() as usize).min(width)
    });
    let (left, right) = match r {
        Some(r) if r < 0.0 => ("█".repeat(cells), String::new()),
        _ => (String::new(), "█".repeat(cells)),
    };
    format!("{left:>width$}|{right:<width$}")
}

pub fn leadlag_text(ws: &Workspace, analysis: &Analysis, ll: &LeadLag) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "spillover leadlag · as of {} · window {}",
        analysis.as_of, analysis.window
    );
    if ws.book.has_demo() {
        let _ = writeln!(out, "{DEMO_NOTE}");
    }
    let _ = writeln!(
        out,
        "x = {}, y = {}: {} daily log changes\nccf(k) = corr(x_t, y_t+k); k > 0 outside the band: x leads y by k changes",
        ll.x, ll.y, ll.changes
    );
    let mut table = Table::new(&[
        ("k", Align::Right),
        ("n", Align::Right),
        ("ccf", Align::Right),
        ("band", Align::Right),
        ("", Align::Left),
        ("", Align::Left),
    ]);
    for b in &ll.ccf {
        table.row(vec![
            format!("{:+}", b.k).replace("+0", "0"),
            b.n.to_string(),
            b.r.map_or("n/a".into(), |r| format!("{r:+.3}")),
            b.band.map_or("n/a".into(), |band| format!("±{band:.3}")),
            bar(b.r, 12),
            if b.significant {
                "*".into()
            } else {
                String::new()
            },
        ]);
    }
    out.push_str(&table.render("  "));
    let _ = writeln!(out, "{}", peak_text(ll));
    let _ = writeln!(
        out,
        "Granger F test ({} lags each; H0: no help)",
        ll.x_to_y.lags
    );
    for g in [&ll.x_to_y, &ll.y_to_x] {
        let _ = writeln!(
            out,
            "  {} → {}: F = {} on ({}, {}), p = {}",
            g.cause,
            g.effect,
            num(g.f, 3),
            g.df_num,
            g.df_den,
            g.p_value.map_or("n/a".into(), |p| format!("{p:.4}"))
        );
    }
    let _ = writeln!(out, "{}", leader_text(ll));
    out
}

fn peak_text(ll: &LeadLag) -> String {
    match ll.peak {
        None => "peak: n/a (too few changes)".into(),
        Some(p) => {
            let (r, band) = (p.r.unwrap_or(0.0), p.band.unwrap_or(0.0));
            let side = match p.k {
                k if !p.significant => format!("inside the band: no lag stands out (k = {k:+})"),
                0 => "at k = 0: the ratios move on the same day".to_string(),
                k if k > 0 => format!("at k = {k:+}: x leads y by {k}"),
                k => format!("at k = {k}: y leads x by {}", -k),
            };
            format!("peak ccf {r:+.3} (band ±{band:.3}) {side}")
        }
    }
}

fn leader_text(ll: &LeadLag) -> String {
    match ll.leader() {
        Leader::X => format!("reading: {} leads {} (Granger, 5%)", ll.x, ll.y),
        Leader::Y => format!("reading: {} leads {} (Granger, 5%)", ll.y, ll.x),
        Leader::Both => {
            "reading: each helps predict the other (feedback, 5%): no single leader".into()
        }
        Leader::Neither => {
            "reading: neither ratio's past helps predict the other at 5%: no leader".into()
        }
    }
}
