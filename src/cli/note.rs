//! `spillover note`: the research note's exhibits on the data at hand, in
//! one directory: `note.md` with the figures as PNG files beside it, and a
//! self-contained `note.html` with the figures inlined as SVG.

use std::path::PathBuf;

use super::args::{AnalysisArgs, NoteArgs};
use super::note_page::{Body, Exhibit, NoteTable, Page, html, markdown};
use super::plot::inputs;
use super::report::{DEMO_NOTE, RatioSummary, status_text};
use super::text::{num, pct};
use crate::compute::{
    Analysis, CatalystRequest, DEFAULT_GRANGER_LAGS, DEFAULT_MAX_LAG, EventSelection, LeadLag,
    lead_lag, select_events, study_events,
};
use crate::figure::format_number as fmt;
use crate::figure::prepare::{FigureKind, Inputs, figure};
use crate::figure::{Figure, FigureOptions, Format, catalysts, render};
use crate::store::{Workspace, write_atomic};
use anyhow::{Context, bail};

/// A figure exhibit: the SVG for the page, the PNG for the Markdown.
struct Drawn {
    exhibit: Exhibit,
    png: Vec<u8>,
}

fn drawn(kind: FigureKind, inputs: &Inputs<'_>, caption: String) -> anyhow::Result<Drawn> {
    drawn_figure(figure(kind, inputs)?, kind.as_str(), caption)
}

fn drawn_figure(figure: Figure, stem: &str, caption: String) -> anyhow::Result<Drawn> {
    let options = FigureOptions::default();
    let svg = String::from_utf8(render(&figure, &options, Format::Svg)?)
        .context("the SVG writer gave text that is not UTF-8")?;
    let png = render(&figure, &options, Format::Png)?;
    Ok(Drawn {
        exhibit: Exhibit {
            title: figure.title().to_string(),
            caption,
            body: Body::Figure {
                stem: stem.to_string(),
                svg,
            },
        },
        png,
    })
}

fn indices_caption(inputs: &Inputs<'_>) -> String {
    let a = inputs.analysis;
    let parts: Vec<String> = a
        .summaries
        .iter()
        .map(|s| {
            format!(
                "{} {} ({} over the window)",
                inputs.name(&s.basket),
                s.level.map_or("n/a".to_string(), |l| fmt(l, 1)),
                pct(s.ret_window)
            )
        })
        .collect();
    format!("On {}: {}.", a.as_of, parts.join("; "))
}

fn ratios_caption(a: &Analysis) -> String {
    let parts: Vec<String> = a
        .ratios
        .iter()
        .map(RatioSummary::of)
        .map(|r| {
            format!(
                "{} {} ({} since {})",
                r.label,
                num(r.last, 3),
                pct(r.change),
                r.first_date.map_or("n/a".to_string(), |d| d.to_string())
            )
        })
        .collect();
    format!("On {}: {}.", a.as_of, parts.join("; "))
}

fn scatter_caption(a: &Analysis) -> String {
    let st = &a.scatter.stats;
    let fit = match (st.intercept, st.slope) {
        (Some(i), Some(s)) => format!(
            "y = {i:.3} {} {:.3}·x",
            if s < 0.0 { "−" } else { "+" },
            s.abs()
        ),
        _ => "n/a".to_string(),
    };
    format!(
        "levels r {}, OLS {fit}, R² {}, log-change r {}, n {} (x = {}, y = {}).",
        num(st.levels_r, 2),
        num(st.r_squared, 2),
        num(st.changes_r, 2),
        st.n,
        a.scatter.x_label,
        a.scatter.y_label
    )
}

fn rolling_caption(a: &Analysis) -> String {
    let values: Vec<(chrono::NaiveDate, f64)> = a
        .scatter
        .rolling
        .iter()
        .filter_map(|(d, r)| r.map(|r| (*d, r)))
        .collect();
    let (Some(last), Some(lo), Some(hi)) = (
        values.last(),
        values.iter().min_by(|x, y| x.1.total_cmp(&y.1)),
        values.iter().max_by(|x, y| x.1.total_cmp(&y.1)),
    ) else {
        return format!(
            "Too few points for a rolling correlation over {} changes.",
            a.scatter.roll_window
        );
    };
    format!(
        "Rolling r (W = {}) {:.2} on {}; lowest {:.2} ({}), highest {:.2} ({}); whole-window log-change r {}.",
        a.scatter.roll_window,
        last.1,
        last.0,
        lo.1,
        lo.0,
        hi.1,
        hi.0,
        num(a.scatter.stats.changes_r, 2)
    )
}

/// The latest report with a reaction by the as-of date: each series' CAR path.
fn event_exhibit(
    ws: &Workspace,
    a: &Analysis,
    args: &AnalysisArgs,
    inputs: &Inputs<'_>,
    settings: &CatalystRequest,
) -> anyhow::Result<Drawn> {
    let events = select_events(&ws.watchlist.events, &EventSelection::All)?;
    let study = study_events(&ws.baskets, &ws.book, &events, a, &args.request(), settings)?;
    let event = catalysts::pick(&study, None)?;
    let cars: Vec<String> = event
        .series
        .iter()
        .map(|s| {
            let car = s.car(0, 5);
            format!(
                "{} {}{}",
                s.series,
                pct(car.and_then(|c| c.car)),
                car.and_then(|c| c.t)
                    .map_or(String::new(), |t| format!(" (t {t:.1})"))
            )
        })
        .collect();
    let caption = format!(
        "{} {} ({}), day 0 {}: CAR[0,+5] less {} ({} model) {}.",
        event.name,
        event.period,
        event.date,
        event.first_session,
        study.benchmark,
        study.model,
        cars.join("; ")
    );
    let figure = Figure::Paths(catalysts::events(inputs, &study, Some(event.number))?);
    drawn_figure(figure, "events", caption)
}

fn leadlag_caption(ll: &LeadLag) -> String {
    let peak = ll
        .peak
        .and_then(|b| b.r.map(|r| (b, r)))
        .map_or("no peak".to_string(), |(b, r)| {
            format!(
                "peak r {r:.2} at k = {}{}",
                b.k,
                b.band
                    .map_or(String::new(), |band| format!(" (band ±{band:.2})"))
            )
        });
    format!("{peak}; {}.", catalysts::granger_line(ll))
}

/// Each index's level and returns on the as-of date.
fn levels(inputs: &Inputs<'_>) -> Exhibit {
    let a = inputs.analysis;
    let mut table = NoteTable::new(&[
        ("basket", false),
        ("level", true),
        ("1D", true),
        ("5D", true),
        ("1M", true),
        ("YTD", true),
        ("window", true),
    ]);
    for s in &a.summaries {
        table.row(vec![
            inputs.name(&s.basket),
            s.level.map_or("n/a".to_string(), |l| fmt(l, 1)),
            pct(s.ret_1d),
            pct(s.ret_5d),
            pct(s.ret_1m),
            pct(s.ret_ytd),
            pct(s.ret_window),
        ]);
    }
    let best = a
        .summaries
        .iter()
        .filter_map(|s| s.ret_window.map(|r| (s, r)))
        .max_by(|x, y| x.1.total_cmp(&y.1));
    Exhibit {
        title: "Index levels and returns".to_string(),
        caption: best.map_or(
            "No basket has a return over the window.".to_string(),
            |(s, r)| {
                format!(
                    "Levels on {} ({}); the strongest over the window: {} {}.",
                    a.as_of,
                    inputs
                        .base
                        .map_or("1000 at the window's start".to_string(), |b| format!(
                            "1000 on {b}"
                        )),
                    inputs.name(&s.basket),
                    pct(Some(r))
                )
            },
        ),
        body: Body::Table(table),
    }
}

/// The whole earnings calendar by date, outcomes as known on the as-of date.
fn calendar(ws: &Workspace, a: &Analysis) -> Exhibit {
    let mut table = NoteTable::new(&[
        ("date", false),
        ("session", false),
        ("company", false),
        ("period", false),
        ("status", false),
        ("capex before", false),
        ("outcome (known by the as-of date)", false),
    ]);
    let mut events: Vec<_> = ws.watchlist.events.iter().collect();
    events.sort_by_key(|e| e.date);
    let reported = events.iter().filter(|e| e.date <= a.as_of).count();
    for e in &events {
        let seen = e.seen_on(a.as_of);
        table.row(vec![
            e.date.to_string(),
            e.session.to_string(),
            format!("{} ({})", e.name, e.symbol),
            e.period.clone(),
            status_text(e, a.as_of),
            seen.capex_last.clone(),
            seen.outcome.clone(),
        ]);
    }
    Exhibit {
        title: "Earnings calendar of the Hong Kong internet platforms".to_string(),
        caption: format!(
            "{} releases in the watchlist: {reported} reported by {}, {} to come; an outcome shows only once reported.",
            events.len(),
            a.as_of,
            events.len() - reported
        ),
        body: Body::Table(table),
    }
}

/// PNG files by name.
type Pngs = Vec<(String, Vec<u8>)>;

/// Every exhibit, with the PNG files the Markdown links to.
fn exhibits(
    ws: &Workspace,
    a: &Analysis,
    args: &AnalysisArgs,
    settings: &CatalystRequest,
) -> anyhow::Result<(Page, Pngs)> {
    let inputs = inputs(ws, a, args);
    let mut drawn_figures = vec![drawn(
        FigureKind::Indices,
        &inputs,
        indices_caption(&inputs),
    )?];
    if a.pair_problem.is_none() {
        drawn_figures.push(drawn(FigureKind::Ratios, &inputs, ratios_caption(a))?);
        drawn_figures.push(drawn(FigureKind::Scatter, &inputs, scatter_caption(a))?);
        drawn_figures.push(drawn(FigureKind::Rolling, &inputs, rolling_caption(a))?);
    }
    let mut missing = Vec::new();
    match event_exhibit(ws, a, args, &inputs, settings) {
        Ok(d) => drawn_figures.push(d),
        Err(why) => missing.push(format!("No event study: {why}")),
    }
    if a.pair_problem.is_none() {
        let ll = lead_lag(&a.scatter, DEFAULT_MAX_LAG, DEFAULT_GRANGER_LAGS);
        let caption = leadlag_caption(&ll);
        let figure = Figure::Bars(catalysts::leadlag(&inputs, &ll));
        drawn_figures.push(drawn_figure(figure, "leadlag", caption)?);
    }
    let mut pngs = Vec::new();
    let mut exhibits = Vec::new();
    for d in drawn_figures {
        if let Body::Figure { stem, .. } = &d.exhibit.body {
            pngs.push((format!("{stem}.png"), d.png));
        }
        exhibits.push(d.exhibit);
    }
    exhibits.insert(1, levels(&inputs));
    exhibits.push(calendar(ws, a));
    let mut about = vec![
        format!(
            "As of {} · window {} to {} · {}",
            a.as_of,
            a.window.start,
            a.window.end,
            inputs.method_text()
        ),
        format!("Data: {}", ws.store.layout().root().display()),
    ];
    if let Some(problem) = &a.pair_problem {
        about.push(format!("No ratios, scatter or lead-lag: {problem}"));
    }
    about.extend(missing);
    let page = Page {
        heading: format!("Is the AI rally spreading? Exhibits as of {}", a.as_of),
        about,
        banner: ws.book.has_demo().then(|| DEMO_NOTE.to_string()),
        exhibits,
    };
    Ok((page, pngs))
}

/// Writes the note into `args.output`; returns the files written.
pub fn note(ws: &Workspace, a: &Analysis, args: &NoteArgs) -> anyhow::Result<Vec<PathBuf>> {
    let dir = &args.output;
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is a file; give -o a directory (it is created if missing)",
            dir.display()
        );
    }
    // Everything is drawn before the first file is written.
    let (page, pngs) = exhibits(ws, a, &args.analysis, &args.study.request())?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    let mut write = |name: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let path = dir.join(name);
        write_atomic(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
        Ok(())
    };
    for (name, png) in &pngs {
        write(name, png)?;
    }
    write("note.md", markdown(&page).as_bytes())?;
    write("note.html", html(&page).as_bytes())?;
    Ok(written)
}
