//! The baskets pane: a tab per basket, the index summary, and the member
//! table (METHODOLOGY.md "Member table") with sort, filter and selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::diffusion::diffusion_lines;
use super::text::{columns_that_fit, fit, fit_right, num, pct};
use crate::compute::{Analysis, Catalysts, MemberRow, MemberStatus};
use crate::domain::text::escape;
use crate::domain::{Basket, DemoMix};
use crate::tui::sort::{Sort, SortColumn, visible_rows};
use crate::tui::state::{BasketDiffusion, BasketView};
use crate::tui::theme::Theme;

/// What the baskets pane draws, and nothing else.
pub struct BasketsView<'a> {
    pub baskets: &'a [Basket],
    /// The tab shown.
    pub tab: usize,
    /// None while the prices load or when nothing could be computed.
    pub analysis: Option<&'a Analysis>,
    /// Beta and drawdown; None until computed.
    pub catalysts: Option<&'a Catalysts>,
    pub sort: Sort,
    pub filter: &'a str,
    /// The filter is being typed (`/`).
    pub filtering: bool,
    /// The selected member, counted in the rows shown.
    pub member_row: usize,
    pub focused: bool,
    /// Members, segments, breadth or rotation (`g`).
    pub basket_view: BasketView,
    /// The shown basket's segments, breadth and rotation.
    pub diffusion: Option<&'a BasketDiffusion>,
    /// Each basket's demo members, in basket order: a basket mixing demo
    /// and real members is marked `*` on its tab and names them.
    pub demo_mixes: Vec<DemoMix>,
}

impl BasketsView<'_> {
    fn basket(&self) -> Option<&Basket> {
        self.baskets.get(self.tab)
    }
}

/// One column of the member table.
struct Column {
    title: &'static str,
    width: usize,
    right: bool,
    /// 0 = kept longest when the pane narrows.
    priority: usize,
    sort: SortColumn,
}

const COLUMNS: [Column; 12] = [
    Column {
        title: "Symbol",
        width: 9,
        right: false,
        priority: 0,
        sort: SortColumn::Symbol,
    },
    Column {
        title: "Name",
        width: 10,
        right: false,
        priority: 1,
        sort: SortColumn::Name,
    },
    Column {
        title: "Segment",
        width: 12,
        right: false,
        priority: 7,
        sort: SortColumn::Segment,
    },
    Column {
        title: "Wt%",
        width: 5,
        right: true,
        priority: 8,
        sort: SortColumn::Weight,
    },
    Column {
        title: "Last",
        width: 8,
        right: true,
        priority: 9,
        sort: SortColumn::Last,
    },
    Column {
        title: "1D",
        width: 6,
        right: true,
        priority: 4,
        sort: SortColumn::Ret1d,
    },
    Column {
        title: "5D",
        width: 6,
        right: true,
        priority: 10,
        sort: SortColumn::Ret5d,
    },
    Column {
        title: "1M",
        width: 6,
        right: true,
        priority: 11,
        sort: SortColumn::Ret1m,
    },
    Column {
        title: "YTD",
        width: 7,
        right: true,
        priority: 6,
        sort: SortColumn::RetYtd,
    },
    Column {
        title: "Window",
        width: 7,
        right: true,
        priority: 2,
        sort: SortColumn::RetWindow,
    },
    Column {
        title: "Contr",
        width: 7,
        right: true,
        priority: 3,
        sort: SortColumn::Contribution,
    },
    Column {
        title: "Status",
        width: 12,
        right: false,
        priority: 5,
        sort: SortColumn::Status,
    },
];

/// A status in a table cell; the full sentence is under the table.
fn short_status(status: &MemberStatus) -> String {
    match status {
        MemberStatus::Ok => "ok".into(),
        MemberStatus::NoData => "no data".into(),
        MemberStatus::NoDataInWindow => "none in win".into(),
        MemberStatus::Suspended { since } => format!("susp {}", since.format("%m-%d")),
        MemberStatus::Ended { on } => format!("ended {}", on.format("%y-%m")),
        MemberStatus::Listed { on } => format!("new {}", on.format("%y-%m-%d")),
        MemberStatus::ExcludedNoMcap => "no mcap".into(),
        MemberStatus::ExcludedNoWeight => "no weight".into(),
    }
}

/// Members whose numbers are missing are dimmed.
fn without_data(status: &MemberStatus) -> bool {
    matches!(
        status,
        MemberStatus::NoData
            | MemberStatus::NoDataInWindow
            | MemberStatus::Ended { .. }
            | MemberStatus::ExcludedNoMcap
            | MemberStatus::ExcludedNoWeight
    )
}

fn cell(row: &MemberRow, i: usize) -> String {
    match i {
        0 => row.symbol.to_string(),
        // Names and segments come from files: shown inert (escaped).
        1 => escape(&row.name).into_owned(),
        2 => escape(&row.segment).into_owned(),
        3 => num(row.current_weight.map(|w| w * 100.0), 1),
        4 => num(row.last_price, 2),
        5 => pct(row.ret_1d),
        6 => pct(row.ret_5d),
        7 => pct(row.ret_1m),
        8 => pct(row.ret_ytd),
        9 => pct(row.ret_window),
        10 => format!("{:+.1}", row.contribution),
        _ => short_status(&row.status),
    }
}

fn signed_value(row: &MemberRow, i: usize) -> Option<f64> {
    match i {
        5 => row.ret_1d,
        6 => row.ret_5d,
        7 => row.ret_1m,
        8 => row.ret_ytd,
        9 => row.ret_window,
        10 => Some(row.contribution),
        _ => None,
    }
}

pub fn render_baskets(area: Rect, buf: &mut Buffer, view: &BasketsView, theme: &Theme) {
    let block = super::pane_block("Baskets", theme, view.focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let mut lines = vec![tabs_line(view, theme, width)];
    let Some(analysis) = view.analysis else {
        lines.push(Line::styled(
            "no analysis: see the message line",
            theme.warning,
        ));
        Paragraph::new(lines).render(inner, buf);
        return;
    };
    lines.push(summary_line(view, analysis, theme));
    lines.push(risk_line(view, theme));
    let below = usize::from(inner.height).saturating_sub(lines.len());
    if let Some(more) = diffusion_lines(view.basket_view, view.diffusion, width, below, theme) {
        lines.extend(more);
        Paragraph::new(lines).render(inner, buf);
        return;
    }

    let rows: &[MemberRow] = view
        .basket()
        .and_then(|b| analysis.members.iter().find(|(id, _)| id == &b.id))
        .map_or(&[], |(_, rows)| rows.as_slice());
    let shown = visible_rows(rows, view.filter, view.sort);

    let widths: Vec<usize> = COLUMNS.iter().map(|c| c.width).collect();
    let ranks: Vec<usize> = COLUMNS.iter().map(|c| c.priority).collect();
    let keep = columns_that_fit(&widths, &ranks, width);
    let kept: Vec<usize> = (0..COLUMNS.len()).filter(|i| keep[*i]).collect();

    lines.push(header_line(view.sort, &kept, theme));

    // Rows left for the table after tabs, summary, risk, header and the footer.
    let body = usize::from(inner.height).saturating_sub(5);
    let selected = view.member_row.min(shown.len().saturating_sub(1));
    let offset = (selected + 1).saturating_sub(body);
    for (n, row) in shown.iter().enumerate().skip(offset).take(body) {
        let mut line = member_line(row, &kept, theme);
        if n == selected && view.focused {
            line = line.style(theme.selected);
        } else if n == selected {
            line = line.style(Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED));
        }
        lines.push(line);
    }
    for _ in lines.len()..usize::from(inner.height).saturating_sub(1) {
        lines.push(Line::raw(""));
    }
    lines.push(footer_line(view, &shown, rows.len(), selected, theme));
    Paragraph::new(lines).render(inner, buf);
}

/// The column titles, the sorted one marked ▲ or ▼.
fn header_line(sort: Sort, kept: &[usize], theme: &Theme) -> Line<'static> {
    let header: Vec<Span> = kept
        .iter()
        .flat_map(|i| {
            let c = &COLUMNS[*i];
            let mut title = c.title.to_string();
            if sort.column == c.sort {
                title.push(if sort.descending { '▼' } else { '▲' });
            }
            let text = if c.right {
                fit_right(&title, c.width)
            } else {
                fit(&title, c.width)
            };
            [Span::styled(text, theme.title), Span::raw(" ")]
        })
        .collect();
    Line::from(header)
}

/// One member's row: returns coloured by sign, a member without data dim.
fn member_line(row: &MemberRow, kept: &[usize], theme: &Theme) -> Line<'static> {
    let dim = without_data(&row.status);
    let base = if dim { theme.dim } else { theme.text };
    let spans: Vec<Span> = kept
        .iter()
        .flat_map(|i| {
            let c = &COLUMNS[*i];
            let text = cell(row, *i);
            let text = if c.right {
                fit_right(&text, c.width)
            } else {
                fit(&text, c.width)
            };
            let style = match (signed_value(row, *i), *i) {
                _ if dim => base,
                (Some(v), _) => theme.signed(v),
                (None, 11) if !row.status.is_ok() => theme.warning,
                _ => base,
            };
            [Span::styled(text, style), Span::raw(" ")]
        })
        .collect();
    Line::from(spans)
}

fn tabs_line(view: &BasketsView, theme: &Theme, width: usize) -> Line<'static> {
    // Scroll the tabs so the selected one is always visible.
    let mixed = |i: usize| view.demo_mixes.get(i).is_some_and(|m| m.mixed);
    let labels: Vec<String> = (view.baskets.iter().enumerate())
        .map(|(i, b)| format!(" {}{} ", b.id, if mixed(i) { "*" } else { "" }))
        .collect();
    let mut start = 0;
    while start < view.tab
        && labels[start..=view.tab]
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum::<usize>()
            > width
    {
        start += 1;
    }
    let mut spans = Vec::new();
    if start > 0 {
        spans.push(Span::styled("‹", theme.dim));
    }
    for (i, label) in labels.iter().enumerate().skip(start) {
        let style = if i == view.tab {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(label.clone(), style));
        spans.push(Span::raw("│"));
    }
    Line::from(spans)
}

fn summary_line(view: &BasketsView, analysis: &Analysis, theme: &Theme) -> Line<'static> {
    let Some(basket) = view.basket() else {
        return Line::styled("no baskets: create one in baskets/<id>.toml", theme.warning);
    };
    let summary = analysis.summaries.iter().find(|s| s.basket == basket.id);
    let method = analysis
        .index(&basket.id)
        .map_or(basket.method, |s| s.method);
    let mut spans = Vec::new();
    // The demo members of a mixed basket before its numbers: they read them.
    if let Some(label) = view.demo_mixes.get(view.tab).and_then(|m| m.label(24)) {
        spans.push(Span::styled(format!("*{label} · "), theme.warning));
    }
    // Numbers first: on a narrow pane the name is what gets cut.
    if let Some(s) = summary {
        spans.push(Span::styled(
            format!("index {}", num(s.level, 1)),
            theme.text,
        ));
        for (label, value) in [("win", s.ret_window), ("YTD", s.ret_ytd), ("1D", s.ret_1d)] {
            spans.push(Span::styled(format!(" {label} "), theme.dim));
            spans.push(Span::styled(
                pct(value),
                value.map_or(theme.dim, |v| theme.signed(v)),
            ));
        }
        spans.push(Span::styled(" · ", theme.dim));
    }
    spans.push(Span::styled(
        format!(
            "{method} · {} {} · ",
            basket.members.len(),
            if basket.members.len() == 1 {
                "member"
            } else {
                "members"
            }
        ),
        theme.dim,
    ));
    spans.push(Span::styled(escape(&basket.name).into_owned(), theme.title));
    Line::from(spans)
}

/// Beta against the benchmark (with its standard error) and the current
/// and maximum drawdown over the window (METHODOLOGY.md "Beta against the
/// benchmark", "Drawdown").
fn risk_line(view: &BasketsView, theme: &Theme) -> Line<'static> {
    let (Some(basket), Some(catalysts)) = (view.basket(), view.catalysts) else {
        return Line::raw("");
    };
    let mut spans = Vec::new();
    let beta = catalysts.beta.iter().find(|b| b.basket == basket.id);
    let fit = beta.and_then(|b| b.last).and_then(|p| p.fit);
    let text = match (beta, fit) {
        (Some(b), Some(fit)) => format!("β {:.2} ±{:.2} vs {}", fit.beta, fit.se, b.benchmark),
        (Some(b), None) => format!("β n/a: under {} returns in the window", b.window),
        (None, _) if catalysts.benchmark_problem.is_some() => "β n/a: no benchmark".into(),
        (None, _) => "β: the benchmark".into(),
    };
    spans.push(Span::styled(text, theme.text));
    // What matters first: a narrow pane cuts the dates.
    if let Some(dd) = catalysts
        .drawdown
        .iter()
        .find(|d| d.series == basket.id.as_str())
    {
        spans.push(Span::styled(" · DD ", theme.dim));
        spans.push(Span::styled(
            pct(dd.current),
            dd.current.map_or(theme.dim, |v| theme.signed(v)),
        ));
        spans.push(Span::styled(" · max ", theme.dim));
        spans.push(Span::styled(
            pct(dd.max),
            dd.max.map_or(theme.dim, |v| theme.signed(v)),
        ));
        if let (Some(peak), Some(trough)) = (dd.peak, dd.trough) {
            let (recovery, style) = match dd.recovery {
                Some(day) => (format!(", recovered {day}"), theme.dim),
                None => (", not recovered".to_string(), theme.warning),
            };
            spans.push(Span::styled(recovery, style));
            spans.push(Span::styled(
                format!(" (peak {peak}, trough {trough})"),
                theme.dim,
            ));
        }
    }
    Line::from(spans)
}

fn footer_line(
    view: &BasketsView,
    shown: &[&MemberRow],
    total: usize,
    selected: usize,
    theme: &Theme,
) -> Line<'static> {
    if view.filtering {
        return Line::from(vec![
            Span::styled("/", theme.cursor),
            Span::styled(view.filter.to_string(), theme.text),
            Span::styled("█", theme.cursor),
            Span::styled(format!("  {} of {total}", shown.len()), theme.dim),
        ]);
    }
    let mut spans = Vec::new();
    if !view.filter.is_empty() {
        spans.push(Span::styled(
            format!("/{} ({} of {total}) ", view.filter, shown.len()),
            theme.warning,
        ));
    }
    match shown.get(selected) {
        Some(row) => {
            let style = if row.status.is_ok() {
                theme.dim
            } else {
                theme.warning
            };
            spans.push(Span::styled(
                format!("{}: {}", row.symbol, row.status.describe()),
                style,
            ));
        }
        None if total > 0 => spans.push(Span::styled(
            "no member matches the filter (Esc clears it)",
            theme.warning,
        )),
        None => spans.push(Span::styled("no members", theme.dim)),
    }
    Line::from(spans)
}
