//! The earnings watchlist: events by date, a line at the as-of date between
//! what has been reported and what is ahead; and the detail view of one event.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::text::{columns_that_fit, fit};
use crate::domain::calendar::{Market, first_reacting_session};
use crate::domain::text::escape;
use crate::domain::{EarningsEvent, EventStatus, Session};
use crate::tui::theme::Theme;

/// What the watchlist pane and the event detail draw.
pub struct WatchlistView<'a> {
    /// Sorted by date.
    pub events: &'a [EarningsEvent],
    /// None when there are no prices to date anything by.
    pub as_of: Option<NaiveDate>,
    /// The selected event, an index into `events`.
    pub selected: usize,
    pub focused: bool,
}

/// "in 8 days", "today", "reported".
pub fn status_text(event: &EarningsEvent, as_of: NaiveDate) -> String {
    match event.status(as_of) {
        EventStatus::Upcoming { days: 1 } => "in 1 day".into(),
        EventStatus::Upcoming { days } => format!("in {days} days"),
        EventStatus::Today => "today".into(),
        EventStatus::Reported => "reported".into(),
    }
}

fn session_short(session: Session) -> &'static str {
    match session {
        Session::BeforeOpen => "pre",
        Session::Intraday => "intra",
        Session::AfterClose => "post",
    }
}

const TITLES: [&str; 7] = [
    "Date",
    "Ses",
    "Company",
    "Period",
    "Status",
    "Last capex",
    "Guidance",
];
const WIDTHS: [usize; 7] = [10, 5, 14, 22, 12, 26, 30];
const PRIORITY: [usize; 7] = [0, 3, 1, 5, 2, 4, 6];

fn cells(event: &EarningsEvent, as_of: NaiveDate, short_date: bool) -> [String; 7] {
    let date = if short_date {
        event.date.format("%m-%d").to_string()
    } else {
        event.date.to_string()
    };
    [
        if event.estimated {
            format!("{date} est.")
        } else {
            date
        },
        session_short(event.session).to_string(),
        escape(&event.name).into_owned(),
        escape(&event.period).into_owned(),
        status_text(event, as_of),
        escape(&event.capex_last).into_owned(),
        escape(&event.guidance).into_owned(),
    ]
}

pub fn render_watchlist(area: Rect, buf: &mut Buffer, view: &WatchlistView, theme: &Theme) {
    let block = super::pane_block("Earnings watchlist", theme, view.focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let Some(as_of) = view.as_of else {
        Paragraph::new("no as-of date: no prices in the cache").render(inner, buf);
        return;
    };
    if view.events.is_empty() {
        Paragraph::new(Line::styled(
            "no events: add [[event]] rows to watchlist.toml",
            theme.dim,
        ))
        .render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let estimated = view.events.iter().any(|e| e.estimated);
    let (widths, kept, short_date) = column_layout(width, estimated);
    let header: Vec<Span> = kept
        .iter()
        .flat_map(|i| {
            [
                Span::styled(fit(TITLES[*i], widths[*i]), theme.title),
                Span::raw(" "),
            ]
        })
        .collect();
    let mut lines = vec![Line::from(header)];
    let layout = Columns {
        widths,
        kept,
        short_date,
        width,
    };
    let (rows, selected_line) = event_rows(view, as_of, &layout, theme);
    let body = usize::from(inner.height).saturating_sub(1);
    // Keep the selection visible, with the line before it when possible.
    let offset = (selected_line + 2)
        .saturating_sub(body)
        .min(rows.len().saturating_sub(body));
    lines.extend(rows.into_iter().skip(offset).take(body));
    Paragraph::new(lines).render(inner, buf);
}

/// The watchlist table's columns at one pane width.
struct Columns {
    widths: [usize; 7],
    /// The columns shown, in order.
    kept: Vec<usize>,
    /// Dates as 05-15.
    short_date: bool,
    width: usize,
}

/// The column widths, the columns that fit `width` and whether dates are
/// short; `estimated`: some date is followed by `est.`.
fn column_layout(width: usize, estimated: bool) -> ([usize; 7], Vec<usize>, bool) {
    let mut widths = WIDTHS;
    // A narrow pane writes dates as 05-15 to keep the status column.
    let short_date = width < 60;
    if short_date {
        widths[0] = 5;
    }
    if estimated {
        widths[0] += " est.".len();
    }
    // The last column takes what is left.
    let keep = columns_that_fit(&widths, &PRIORITY, width);
    let used: usize = (0..6).filter(|i| keep[*i]).map(|i| widths[i] + 1).sum();
    if keep[6] || width > used + 10 {
        widths[6] = width.saturating_sub(used).max(10);
    }
    let keep = columns_that_fit(&widths, &PRIORITY, width);
    let kept: Vec<usize> = (0..7).filter(|i| keep[*i]).collect();
    (widths, kept, short_date)
}

/// One line per event with the as-of line among them, and the line of the
/// selected event.
fn event_rows(
    view: &WatchlistView,
    as_of: NaiveDate,
    layout: &Columns,
    theme: &Theme,
) -> (Vec<Line<'static>>, usize) {
    let events = view.events;
    // The as-of line sits after the last event the as-of date has reached.
    let past = events.iter().filter(|e| e.date <= as_of).count();
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, event) in events.iter().enumerate() {
        if i == past {
            rows.push(as_of_line(as_of, layout.width, theme));
        }
        let reached = event.date <= as_of;
        let base = if reached { theme.dim } else { theme.text };
        let cells = cells(event, as_of, layout.short_date);
        let spans: Vec<Span> = layout
            .kept
            .iter()
            .flat_map(|c| {
                let style = if *c == 4 && !reached {
                    theme.warning
                } else {
                    base
                };
                [
                    Span::styled(fit(&cells[*c], layout.widths[*c]), style),
                    Span::raw(" "),
                ]
            })
            .collect();
        let mut line = Line::from(spans);
        if i == view.selected {
            selected_line = rows.len();
            if view.focused {
                line = line.style(theme.selected);
            }
        }
        rows.push(line);
    }
    if past == events.len() {
        rows.push(as_of_line(as_of, layout.width, theme));
    }
    (rows, selected_line)
}

fn as_of_line(as_of: NaiveDate, width: usize, theme: &Theme) -> Line<'static> {
    let label = format!("── as of {as_of} ");
    let rest = width.saturating_sub(label.chars().count());
    Line::styled(label + &"─".repeat(rest), theme.highlight)
}

/// The full text of the selected event, over the panes.
pub fn render_detail(area: Rect, buf: &mut Buffer, view: &WatchlistView, theme: &Theme) {
    let (Some(event), Some(as_of)) = (view.events.get(view.selected), view.as_of) else {
        return;
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(" {} · {} ", escape(&event.name), event.symbol),
            theme.title,
        ));
    let mut lines = detail_lines(event, as_of, theme);
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc closes", theme.dim));
    // As tall as the wrapped text needs.
    let inner_width = usize::from(area.width.min(76).saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(inner_width).max(1))
        .sum();
    let popup = centered(area, 76, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(popup, buf);
}

/// The event's fields as of `as_of`, one line each. Text from a
/// hand-edited file is shown inert: a control character or a bidi override
/// appears escaped, never acts on the terminal.
fn detail_lines(event: &EarningsEvent, as_of: NaiveDate, theme: &Theme) -> Vec<Line<'static>> {
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<12}"), theme.dim),
            Span::styled(value, theme.text),
        ])
    };
    let or_dash = |s: &str| {
        if s.is_empty() {
            "–".to_string()
        } else {
            escape(s).into_owned()
        }
    };
    let reacts = first_reacting_session(Market::HongKong, event.date, event.session);
    let status = status_text(event, as_of);
    let outcome = match event.outcome_as_of(as_of) {
        Some(text) => escape(text).into_owned(),
        None if event.date <= as_of => "not recorded".into(),
        None => format!(
            "not known yet: the results come {} ({status}), after the as-of date {as_of}",
            event.date
        ),
    };
    let mut lines = vec![field(
        "Date",
        format!("{} {} ({status})", event.date, event.session),
    )];
    if event.estimated {
        lines.push(field(
            "Estimated",
            "planned: a year-earlier report + 52 weeks, moved to the next session; set the date (e) to confirm it".into(),
        ));
    }
    lines.extend([
        field("HK reacts", reacts.to_string()),
        field("Period", or_dash(&event.period)),
        field("Last capex", or_dash(&event.capex_last)),
        field("Guidance", or_dash(&event.guidance)),
        field("Watch", or_dash(&event.watch)),
        field("Outcome", outcome),
    ]);
    // The release's own figures, once the as-of date has reached it.
    let seen = event.seen_on(as_of);
    if !seen.capex_reported.is_empty() {
        lines.push(field(
            "Capex then",
            escape(&seen.capex_reported).into_owned(),
        ));
    }
    if !seen.guidance_change.is_empty() {
        lines.push(field(
            "Guidance then",
            escape(&seen.guidance_change).into_owned(),
        ));
    }
    lines
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
