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

/// Longest label part tried, from whole labels down to a stub.
const LABEL_LIMITS: [usize; 5] = [usize::MAX, 14, 10, 7, 4];

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
    for limit in LABEL_LIMITS {
        let items: Vec<Vec<Span<'static>>> = lead
            .iter()
            .map(|span| vec![span.clone()])
            .chain(entries.iter().map(|e| entry_spans(e, limit, theme)))
            .collect();
        lines = flow(items, width);
        if lines.len() <= max_lines {
            return lines;
        }
    }
    lines.truncate(max_lines);
    lines
}

fn entry_spans(entry: &LegendEntry, limit: usize, theme: &Theme) -> Vec<Span<'static>> {
    // A ratio "a/b" keeps both sides readable by shortening each one.
    let label = entry
        .label
        .split('/')
        .map(|part| shorten(part, limit))
        .collect::<Vec<_>>()
        .join("/");
    if entry.hidden {
        return vec![
            Span::styled("╌ ", theme.dim),
            Span::styled(label, theme.dim),
            Span::styled(" hidden", theme.dim),
        ];
    }
    let series = Style::new().fg(entry.color);
    vec![
        Span::styled("━ ", series),
        Span::styled(label, theme.text),
        Span::raw(" "),
        Span::styled(entry.value.clone().unwrap_or_else(|| "–".into()), series),
    ]
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
        let narrow = legend_lines(None, &entries, 36, 1, &theme);
        assert_eq!(narrow.len(), 1);
        assert_eq!(text(&narrow[0]), "━ na-c…/dome… 1.18  ━ na-c…/alib… 0.95");
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
