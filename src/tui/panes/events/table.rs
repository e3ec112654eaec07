//! The event view's two tables: one event's CARs with t, and the month's
//! aggregate (mean CAR, cross-sectional t, positive/N). Cells read as the
//! CLI's (`*` at |t| ≥ 1.96, `~` cut at the as-of date); a narrow screen
//! writes one decimal and drops the windows that do not fit, the longest
//! first.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::compute::{Aggregate, CAR_WINDOWS, Car, EventOutcome};
use crate::tui::panes::text::{columns_that_fit, fit, fit_right};
use crate::tui::theme::Theme;

/// |t| at or above this is highlighted: the two-sided 5% normal quantile.
const T_MARK: f64 = 1.96;
/// Which windows stay when the screen narrows (rank per `CAR_WINDOWS`).
const WINDOW_RANK: [usize; 5] = [1, 0, 2, 4, 3];

/// How the tables are written.
pub(super) struct Tables {
    /// Two decimals and the day-0 column.
    pub wide: bool,
    pub width: usize,
    /// Each series' colour in the path chart: the names are its legend.
    pub colours: Vec<(String, Style)>,
}

impl Tables {
    pub(super) fn colour(&self, series: &str, theme: &Theme) -> Style {
        self.colours
            .iter()
            .find(|(s, _)| s == series)
            .map_or(theme.text, |(_, style)| *style)
    }
}

/// One cell: its text and style.
type Cell = (String, Style);

fn window_label((from, to): (i32, i32)) -> String {
    format!("[{from:+},{to:+}]").replace("+0", "0")
}

fn significant(t: Option<f64>) -> bool {
    t.is_some_and(|t| t.abs() >= T_MARK)
}

fn value_style(value: f64, t: Option<f64>, theme: &Theme) -> Style {
    let style = theme.signed(value);
    if significant(t) {
        style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    } else {
        style
    }
}

/// `+1.23% (2.10)*` wide, `+1.2 (2.1)*` narrow; `~` when cut at as-of.
fn car_cell(car: &Car, tables: &Tables, theme: &Theme) -> Cell {
    let Some(value) = car.car else {
        return ("n/a".into(), theme.dim);
    };
    let mark = if significant(car.t) { "*" } else { "" };
    let cut = if car.partial { "~" } else { "" };
    let text = if tables.wide {
        let t = car.t.map_or("n/a".to_string(), |t| format!("{t:.2}"));
        format!("{:+.2}% ({t}){mark}{cut}", value * 100.0)
    } else {
        let t = car.t.map_or("n/a".to_string(), |t| format!("{t:.1}"));
        format!("{:+.1} ({t}){mark}{cut}", value * 100.0)
    };
    (text, value_style(value, car.t, theme))
}

/// The rows of one event's table: a header, then a row per series.
pub(super) fn car_rows(
    outcome: &EventOutcome,
    tables: &Tables,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let rows: Vec<(String, Option<String>, Vec<Cell>)> = outcome
        .series
        .iter()
        .map(|s| {
            (
                s.series.clone(),
                Some(s.day0.map_or("n/a".into(), |d| d.to_string())),
                s.cars.iter().map(|c| car_cell(c, tables, theme)).collect(),
            )
        })
        .collect();
    let first = format!("#{} CAR % (t)", outcome.number);
    render(&first, Some("day 0"), &rows, tables, theme)
}

/// The rows of the month's aggregate: a header, then a row per series.
pub(super) fn aggregate_rows(
    aggregate: &[Aggregate],
    month: &str,
    reports: usize,
    tables: &Tables,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let rows: Vec<(String, Option<String>, Vec<Cell>)> = aggregate
        .iter()
        .map(|a| {
            let cells = a
                .cars
                .iter()
                .map(|c| match c.mean {
                    None => ("n/a".to_string(), theme.dim),
                    Some(mean) => {
                        let mark = if significant(c.t) { "*" } else { "" };
                        let (decimals, unit) = if tables.wide { (2, "%") } else { (1, "") };
                        let t = c.t.map_or("n/a".to_string(), |t| format!("{t:.decimals$}"));
                        (
                            format!(
                                "{:+.decimals$}{unit} ({t}){mark} {}/{}",
                                mean * 100.0,
                                c.positive,
                                c.n
                            ),
                            value_style(mean, c.t, theme),
                        )
                    }
                })
                .collect();
            (a.series.clone(), None, cells)
        })
        .collect();
    let first = format!("{month} ×{reports}");
    let day0 = tables.wide.then_some("");
    render(&first, day0, &rows, tables, theme)
}

/// Lays the table out: the series column, the day-0 column when wide,
/// and the windows that fit.
fn render(
    first: &str,
    day0: Option<&str>,
    rows: &[(String, Option<String>, Vec<Cell>)],
    tables: &Tables,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let cap = if tables.wide { 24 } else { 12 };
    let series_width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .chain([first.chars().count()])
        .max()
        .unwrap_or(0)
        .min(cap);
    let day0_width = if tables.wide && day0.is_some() { 10 } else { 0 };
    let headers: Vec<String> = CAR_WINDOWS.iter().map(|&w| window_label(w)).collect();
    let widths: Vec<usize> = (0..CAR_WINDOWS.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.2.get(i))
                .map(|c| c.0.chars().count())
                .chain([headers[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fixed = series_width + if day0_width > 0 { day0_width + 2 } else { 0 };
    let keep = columns_that_fit(
        &widths,
        &WINDOW_RANK,
        tables.width.saturating_sub(fixed + 1),
    );
    let kept: Vec<usize> = (0..CAR_WINDOWS.len()).filter(|i| keep[*i]).collect();
    let mut header = vec![Span::styled(fit(first, series_width), theme.title)];
    if day0_width > 0 {
        header.push(Span::styled(
            format!("  {}", fit(day0.unwrap_or(""), day0_width)),
            theme.title,
        ));
    }
    for &i in &kept {
        header.push(Span::styled(
            format!(" {}", fit_right(&headers[i], widths[i])),
            theme.title,
        ));
    }
    let mut lines = vec![Line::from(header)];
    for (series, day, cells) in rows {
        let mut spans = vec![Span::styled(
            fit(series, series_width),
            tables.colour(series, theme),
        )];
        if day0_width > 0 {
            spans.push(Span::styled(
                format!("  {}", fit(day.as_deref().unwrap_or(""), day0_width)),
                theme.dim,
            ));
        }
        for &i in &kept {
            if let Some((text, style)) = cells.get(i) {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(fit_right(text, widths[i]), *style));
            }
        }
        lines.push(Line::from(spans));
    }
    lines
}
