//! The legend of a chart panel: each series' label and the value it reads,
//! flowed over the lines there are, labels shortened until it fits.

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::plot::shorten;
use crate::tui::theme::Theme;

/// One series in a legend.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegendEntry {
    pub label: String,
    /// The formatted value read out; `None` before the series starts.
    pub value: Option<String>,
    pub color: Color,
    pub hidden: bool,
}

/// How the legend is tried, roomiest first: the longest label part, and
/// whether each entry keeps its line sample (`━`) or only colours its label.
const ATTEMPTS: [(usize, Sample); 8] = [
    (usize::MAX, Sample::Line),
    (14, Sample::Line),
    (10, Sample::Line),
    (7, Sample::Line),
    (5, Sample::Line),
    (7, Sample::Colour),
    (4, Sample::Colour),
    (3, Sample::Colour),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sample {
    Line,
    Colour,
}

/// The legend in at most `max_lines` lines of `width` columns, `lead`
/// (e.g. the cursor date) first.
pub(crate) fn legend_lines(
    lead: Option<Span<'static>>,
    entries: &[LegendEntry],
    width: u16,
    max_lines: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let max_lines = usize::from(max_lines.max(1));
    let mut lines = Vec::new();
    for (limit, sample) in ATTEMPTS {
        let items: Vec<Vec<Span<'static>>> = lead
            .iter()
            .map(|span| vec![span.clone()])
            .chain(entries.iter().map(|e| entry_spans(e, limit, sample, theme)))
            .collect();
        lines = flow(items, width);
        if lines.len() <= max_lines {
            return lines;
        }
    }
    lines.truncate(max_lines);
    lines
}

fn entry_spans(
    entry: &LegendEntry,
    limit: usize,
    sample: Sample,
    theme: &Theme,
) -> Vec<Span<'static>> {
    // A ratio "a/b" keeps both sides readable by shortening each one.
    let label = entry
        .label
        .split('/')
        .map(|part| shorten(part, limit))
        .collect::<Vec<_>>()
        .join("/");
    let value = entry.value.clone().unwrap_or_else(|| "–".into());
    let series = Style::new().fg(entry.color);
    match (entry.hidden, sample) {
        (true, Sample::Line) => vec![
            Span::styled("╌ ", theme.dim),
            Span::styled(label, theme.dim),
            Span::styled(" hidden", theme.dim),
        ],
        (true, Sample::Colour) => vec![Span::styled(format!("{label} off"), theme.dim)],
        (false, Sample::Line) => vec![
            Span::styled("━ ", series),
            Span::styled(label, theme.text),
            Span::raw(" "),
            Span::styled(value, series),
        ],
        (false, Sample::Colour) => vec![
            Span::styled(label, series),
            Span::raw(" "),
            Span::styled(value, theme.text),
        ],
    }
}

/// Lays items out left to right, two spaces apart, starting a new line when
/// the next one would not fit.
fn flow(items: Vec<Vec<Span<'static>>>, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for item in items {
        let item_width: usize = item.iter().map(|s| s.content.width()).sum();
        if !current.is_empty() && used + 2 + item_width > width {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if !current.is_empty() {
            current.push(Span::raw("  "));
            used += 2;
        }
        used += item_width;
        current.extend(item);
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(label: &str, value: &str) -> LegendEntry {
        LegendEntry {
            label: label.into(),
            value: Some(value.into()),
            color: Color::Reset,
            hidden: false,
        }
    }

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn shortens_labels_until_the_legend_fits() {
        let theme = Theme::monochrome();
        let entries = [
            entry("na-chain/domestic-chain", "1.18"),
            entry("na-chain/alibaba", "0.95"),
        ];
        let wide = legend_lines(None, &entries, 80, 1, &theme);
        assert_eq!(
            text(&wide[0]),
            "━ na-chain/domestic-chain 1.18  ━ na-chain/alibaba 0.95"
        );
        // Each side of a ratio is cut to 5 columns: 18 + 2 + 18 = 38.
        let narrow = legend_lines(None, &entries, 38, 1, &theme);
        assert_eq!(text(&narrow[0]), "━ na-c…/dome… 1.18  ━ na-c…/alib… 0.95");
        // Narrower still, the label takes the series colour instead of a sample.
        let narrower = legend_lines(None, &entries, 36, 1, &theme);
        assert_eq!(text(&narrower[0]), "na-…/dom… 1.18  na-…/ali… 0.95");
    }

    #[test]
    fn hidden_series_say_so() {
        let theme = Theme::monochrome();
        let mut hidden = entry("hstech", "1");
        hidden.hidden = true;
        let lines = legend_lines(None, &[hidden], 40, 1, &theme);
        assert_eq!(text(&lines[0]), "╌ hstech hidden");
    }
}
