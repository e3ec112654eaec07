//! The event study of the selected report (`E` in the watchlist), over the
//! panes: the CAR path of each series from τ = −5 to +10 with day 0
//! marked, the CAR table with t, and the aggregate over all reports of
//! that month (METHODOLOGY.md "Event study"). The numbers are those of
//! `spillover events`: the catalysts, computed with the analysis.

mod table;

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Clear, Dataset, GraphType, Paragraph, Widget, Wrap};

use super::text::truncate;
use crate::compute::{Catalysts, EventOutcome, EventStudy, PATH, SeriesStudy};
use crate::domain::EarningsEvent;
use crate::tui::theme::Theme;
use table::{Tables, aggregate_rows, car_rows};

/// Width from which the tables write CARs to two decimals, as the CLI does.
const WIDE: u16 = 120;

/// What the event view draws: the selected event and the catalysts.
pub struct EventStudyView<'a> {
    /// The selected event, and its number in the watchlist (from 1).
    pub event: Option<&'a EarningsEvent>,
    pub number: usize,
    /// None until the analysis is computed.
    pub catalysts: Option<&'a Catalysts>,
    /// The chart's series in its order, so a series keeps its colour.
    pub series_labels: Vec<String>,
    /// A small screen shows the month's aggregate instead of the event's CARs.
    pub month: bool,
}

/// Draws the event study of the selected event over `area`.
pub fn render_event_study(area: Rect, buf: &mut Buffer, input: &EventStudyView, theme: &Theme) {
    let area = area.intersection(buf.area);
    let event = input.event;
    let study = input.catalysts.and_then(|c| c.event_study.as_ref());
    let outcome = study.and_then(|s| s.events.iter().find(|e| e.number == input.number));
    let mut title = match (outcome, event) {
        // A narrow screen keeps the dates and drops the symbol.
        (Some(o), _) if area.width < 100 => format!(
            " #{} {} · {}{} {} · HK reacts {}{} ",
            o.number,
            o.name,
            o.date,
            est(o.estimated, " est."),
            o.session,
            o.first_session,
            est(o.calendar_estimated, " est. calendar"),
        ),
        (Some(o), _) => format!(
            " Event study #{} · {} {} · {}{} {} · HK reacts {}{} ",
            o.number,
            o.name,
            o.symbol,
            o.date,
            est(o.estimated, " est."),
            o.session,
            o.first_session,
            est(o.calendar_estimated, " est. calendar"),
        ),
        (None, Some(e)) => format!(" Event study · {} {} · {} ", e.name, e.symbol, e.date),
        (None, None) => " Event study ".to_string(),
    };
    if let Some(study) = study.filter(|s| !s.benchmark_demo.is_empty()) {
        let names: Vec<&str> = study.benchmark_demo.iter().map(|s| s.as_str()).collect();
        title.push_str(&format!("· DEMO benchmark: {} ", names.join(", ")));
    }
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title));
    let inner = block.inner(area);
    Clear.render(area, buf);
    block.render(area, buf);
    if inner.width < 10 || inner.height < 3 {
        return;
    }
    let problem = input.catalysts.map_or_else(
        || Some("no analysis: see the message line".to_string()),
        |c| {
            c.benchmark_problem
                .as_ref()
                .map(|p| format!("no event study: {p}"))
        },
    );
    match (study, outcome, problem) {
        (Some(study), Some(outcome), _) => {
            let view = View {
                study,
                outcome,
                month: input.month,
            };
            draw_study(inner, buf, &input.series_labels, &view, theme);
        }
        (_, _, Some(problem)) => say(inner, buf, &problem, theme.warning),
        _ => say(inner, buf, "no event selected", theme.dim),
    }
}

/// `text` when `flag` is set.
fn est(flag: bool, text: &str) -> &str {
    if flag { text } else { "" }
}

fn say(area: Rect, buf: &mut Buffer, text: &str, style: Style) {
    Paragraph::new(Line::styled(text.to_string(), style))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// The chart, the event's CARs and the month's aggregate, as the height allows.
/// What the view shows: one event of a study, and which table a small
/// screen shows.
struct View<'a> {
    study: &'a EventStudy,
    outcome: &'a EventOutcome,
    month: bool,
}

fn draw_study(inner: Rect, buf: &mut Buffer, labels: &[String], view: &View, theme: &Theme) {
    let (study, outcome) = (view.study, view.outcome);
    let colours = outcome
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = labels.iter().position(|l| *l == s.series).unwrap_or(i);
            (s.series.clone(), Style::new().fg(theme.series_color(at)))
        })
        .collect();
    let tables = Tables {
        wide: inner.width >= WIDE,
        width: usize::from(inner.width),
        colours,
    };
    let month = month_lines(study, outcome, &tables, theme);
    if outcome.after_as_of {
        no_numbers_yet(inner, buf, study, outcome, month, theme);
        return;
    }
    let event_rows = car_rows(outcome, &tables, theme);
    let height = usize::from(inner.height);
    // Labels over the tables when there is room for them; on a small
    // screen one table at a time (`m` switches), so the chart stays legible.
    let roomy = height >= event_rows.len() + month.len() + 16;
    if height < event_rows.len() + month.len() + 10 {
        let (shown, other) = if view.month {
            (month, format!("m: event #{}", outcome.number))
        } else {
            (event_rows, "m: all reports of the month".to_string())
        };
        let mut lines = shown;
        lines.push(Line::styled(other, theme.dim));
        let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let [chart, tables_area] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(rows)]).areas(inner);
        Paragraph::new(lines).render(tables_area, buf);
        draw_paths(chart, buf, &outcome.series, &tables, theme);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    if roomy {
        lines.push(Line::styled(
            format!(
                "Event #{}: CAR in % (t) · benchmark {} · model {} · * bold: |t| ≥ 1.96 · ~ window cut at the as-of date {}",
                outcome.number, study.benchmark, study.model, study.as_of
            ),
            theme.dim,
        ));
    }
    lines.extend(event_rows);
    if roomy {
        lines.push(Line::raw(""));
    }
    lines.extend(month);
    let width = usize::from(inner.width).max(1);
    let table_rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
    let table_rows = u16::try_from(table_rows).unwrap_or(u16::MAX);
    let [chart, tables_area] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(table_rows)]).areas(inner);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(tables_area, buf);
    draw_paths(chart, buf, &outcome.series, &tables, theme);
}

/// A report the as-of date has not reached: what to do, and the month so far.
fn no_numbers_yet(
    inner: Rect,
    buf: &mut Buffer,
    study: &EventStudy,
    outcome: &EventOutcome,
    month: Vec<Line<'static>>,
    theme: &Theme,
) {
    let mut lines = vec![
        Line::styled(
            format!(
                "No numbers yet: the first Hong Kong session that can react to this report ({}) is after the as-of date {}.",
                outcome.first_session, study.as_of
            ),
            theme.warning,
        ),
        Line::styled(
            "Step the as-of date forward with > to see the reaction build, day by day.",
            theme.dim,
        ),
        Line::raw(""),
    ];
    lines.extend(month);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// The aggregate over the reports of the event's month (with a label
/// line on a wide screen), or why there is none yet.
fn month_lines(
    study: &EventStudy,
    outcome: &EventOutcome,
    tables: &Tables,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (year, month) = (outcome.date.year(), outcome.date.month());
    let in_month = study
        .events
        .iter()
        .filter(|e| e.date.year() == year && e.date.month() == month);
    let reports = in_month.clone().count();
    let measured = in_month.filter(|e| !e.after_as_of).count();
    let label = format!("{year}-{month:02}");
    if measured == 0 {
        return vec![Line::styled(
            format!(
                "No report of {label} has numbers yet at the as-of date {}.",
                study.as_of
            ),
            theme.dim,
        )];
    }
    let mut lines = Vec::new();
    if tables.wide {
        let of = if reports == 1 {
            format!("The one report of {label}")
        } else {
            format!("All {reports} reports of {label} ({measured} with numbers)")
        };
        lines.push(Line::styled(
            format!("{of}: mean CAR in % (cross-sectional t) positive/N, whole windows only"),
            theme.dim,
        ));
    }
    lines.extend(aggregate_rows(
        &study.month_aggregate(year, month),
        &label,
        reports,
        tables,
        theme,
    ));
    lines
}

/// `CAR(−5, τ)` of each series as a line; a vertical line at day 0; a
/// legend on the right with each series' last CAR.
fn draw_paths(
    area: Rect,
    buf: &mut Buffer,
    series: &[SeriesStudy],
    tables: &Tables,
    theme: &Theme,
) {
    if area.height < 3 {
        return;
    }
    let colour = |label: &str| tables.colour(label, theme);
    let paths: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|s| {
            s.path
                .iter()
                .filter_map(|p| p.car.map(|car| (f64::from(p.tau), car * 100.0)))
                .collect()
        })
        .collect();
    let values = paths.iter().flatten().map(|&(_, v)| v).chain([0.0]);
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((hi - lo) * 0.08).max(0.5);
    let (lo, hi) = (lo - pad, hi + pad);
    // The legend needs a line per series; else the tables' names are the legend.
    let legend_width = if usize::from(area.height) > series.len() + 1 {
        (area.width / 4).clamp(14, 34)
    } else {
        0
    };
    let [plot, _, legend] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(legend_width),
    ])
    .areas(area);
    // Day 0 upright, CAR = 0 across: both dim, under the series.
    let day0 = vec![(0.0, lo), (0.0, hi)];
    let zero = vec![(f64::from(PATH.0), 0.0), (f64::from(PATH.1), 0.0)];
    let mut datasets: Vec<Dataset> = [&day0, &zero]
        .into_iter()
        .map(|line| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.dim)
                .data(line)
        })
        .collect();
    datasets.extend(series.iter().zip(&paths).map(|(s, path)| {
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(colour(&s.series))
            .data(path)
    }));
    let x_labels: Vec<Line> = ["−5", "0 day 0", "+5", "+10"]
        .into_iter()
        .map(|l| Line::styled(l, theme.dim))
        .collect();
    let y_labels: Vec<Line> = [lo, (lo + hi) / 2.0, hi]
        .into_iter()
        .map(|v| Line::styled(format!("{v:+.1}%"), theme.dim))
        .collect();
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([f64::from(PATH.0), f64::from(PATH.1)])
                .labels(x_labels),
        )
        .y_axis(Axis::default().bounds([lo, hi]).labels(y_labels))
        .render(plot, buf);
    if !legend.is_empty() {
        draw_legend(legend, buf, series, tables, theme);
    }
}

/// Each series' colour, name and last CAR; where the as-of date cuts the paths.
fn draw_legend(
    legend: Rect,
    buf: &mut Buffer,
    series: &[SeriesStudy],
    tables: &Tables,
    theme: &Theme,
) {
    let colour = |label: &str| tables.colour(label, theme);
    let legend_width = legend.width;
    let name_width = usize::from(legend_width).saturating_sub(10);
    let mut lines = vec![Line::styled(
        truncate("CAR(−5,τ), τ≤+10", usize::from(legend_width)),
        theme.dim,
    )];
    lines.extend(series.iter().map(|s| {
        let last = s.path.iter().rev().find_map(|p| p.car.map(|c| (p.tau, c)));
        let value = last.map_or("n/a".to_string(), |(_, c)| format!("{:+.1}%", c * 100.0));
        Line::from(vec![
            Span::styled("━ ", colour(&s.series)),
            Span::styled(
                format!("{:<name_width$}", truncate(&s.series, name_width)),
                theme.text,
            ),
            Span::styled(
                format!("{value:>7}"),
                last.map_or(theme.dim, |(_, c)| theme.signed(c)),
            ),
        ])
    }));
    if let Some(cut) = series
        .iter()
        .filter_map(|s| s.path.iter().rev().find(|p| p.car.is_some()).map(|p| p.tau))
        .max()
        .filter(|&tau| tau < PATH.1)
    {
        lines.push(Line::styled(
            format!("as-of cuts at τ = {cut:+}"),
            theme.warning.add_modifier(Modifier::ITALIC),
        ));
    }
    Paragraph::new(lines).render(legend, buf);
}
