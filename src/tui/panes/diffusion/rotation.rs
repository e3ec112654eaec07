//! The rotation heat map: segment rows × the latest weeks (months) that fit,
//! each cell the segment's return minus the basket's in percent, its
//! background on a diverging palette (signed numbers alone with `NO_COLOR`).

use chrono::Datelike;
use ratatui::text::{Line, Span};

use super::super::text::{fit, fit_right};
use crate::compute::{PeriodKind, Rotation};
use crate::domain::text::escape;
use crate::tui::theme::Theme;

/// A cell's number and the gap after it.
const CELL_WIDTH: usize = 5;

pub fn rotation_lines(
    rotation: &Rotation,
    width: usize,
    height: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let unit = match rotation.kind {
        PeriodKind::Week => "week",
        PeriodKind::Month => "month",
    };
    if rotation.periods.is_empty() || rotation.segments.is_empty() {
        return vec![Line::styled(
            format!("no {unit} in the window to compare"),
            theme.dim,
        )];
    }
    let name_width = rotation
        .segments
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(6, 24)
        // Room for three periods before a long name.
        .min(width.saturating_sub(3 * (CELL_WIDTH + 1)))
        .max(6);
    let fits = width.saturating_sub(name_width) / (CELL_WIDTH + 1);
    let total = rotation.periods.len();
    let first = total.saturating_sub(fits.max(1));
    let shown = first..total;
    let scale = rotation
        .cells
        .iter()
        .flat_map(|row| row[shown.clone()].iter().flatten())
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    let title = if width >= 56 {
        format!(
            "segment − basket, % per {unit} · last {} of {total} · ±{:.1}%",
            shown.len(),
            scale * 100.0
        )
    } else {
        format!("− basket, %/{unit} · {} of {total}", shown.len())
    };
    let mut lines = vec![Line::styled(title, theme.dim)];
    let mut header = vec![Span::raw(" ".repeat(name_width))];
    for period in &rotation.periods[shown.clone()] {
        let label = match rotation.kind {
            PeriodKind::Week => period.label.rsplit('-').next().unwrap_or("").to_string(),
            // January names its year, so a window of over a year reads.
            PeriodKind::Month if period.start.month() == 1 => period.start.format("%Y").to_string(),
            PeriodKind::Month => period.start.format("%b").to_string(),
        };
        header.push(Span::raw(" "));
        header.push(Span::styled(fit_right(&label, CELL_WIDTH), theme.title));
    }
    lines.push(Line::from(header));
    let room = height.saturating_sub(lines.len());
    let cut = rotation.segments.len() > room;
    let rows = if cut { room.saturating_sub(1) } else { room };
    for (segment, cells) in rotation.segments.iter().zip(&rotation.cells).take(rows) {
        let mut spans = vec![Span::styled(fit(&escape(segment), name_width), theme.text)];
        for cell in &cells[shown.clone()] {
            spans.push(Span::raw(" "));
            spans.push(match cell {
                Some(v) => Span::styled(
                    fit_right(&format!("{:+.1}", v * 100.0), CELL_WIDTH),
                    theme.heat(*v, scale),
                ),
                None => Span::styled(fit_right("–", CELL_WIDTH), theme.dim),
            });
        }
        lines.push(Line::from(spans));
    }
    if cut {
        lines.push(Line::styled(
            format!("… {} more (z maximises)", rotation.segments.len() - rows),
            theme.dim,
        ));
    }
    lines
}
