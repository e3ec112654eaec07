//! The baskets pane's `g` views of the shown basket (METHODOLOGY.md
//! "Segments, breadth and rotation"): the segment table with its total, the
//! latest day's breadth with sparklines of the shares above their means,
//! and the rotation heat map (`rotation.rs`).

mod rotation;

use ratatui::text::{Line, Span};

use super::text::{fit, fit_right, num, pct};
use crate::compute::{Breadth, BreadthDay, SegmentStudy};
use crate::domain::text::escape;
use crate::tui::state::{BasketDiffusion, BasketView};
use crate::tui::theme::Theme;

pub use rotation::rotation_lines;

/// The lines of `view` for a table area `width` × `height`; `None` for the
/// member table, which the baskets pane draws itself.
pub fn diffusion_lines(
    view: BasketView,
    diffusion: Option<&BasketDiffusion>,
    width: usize,
    height: usize,
    theme: &Theme,
) -> Option<Vec<Line<'static>>> {
    if view == BasketView::Members {
        return None;
    }
    let Some(d) = diffusion else {
        return Some(vec![Line::styled(
            format!("no {}: the basket has no index", view.label()),
            theme.warning,
        )]);
    };
    let mut lines = match view {
        BasketView::Segments => segment_lines(&d.segments, width, height, theme),
        BasketView::Breadth => breadth_lines(&d.breadth, width, theme),
        _ => rotation_lines(&d.rotation, width, height, theme),
    };
    lines.truncate(height);
    Some(lines)
}

const MEMBERS_WIDTH: usize = 4;
const WEIGHT_WIDTH: usize = 5;
const RETURN_WIDTH: usize = 7;
/// Below this the segment's name gets the weight column's room.
const MIN_NAME_WIDTH: usize = 12;

/// Segment, members, weight, index return and contribution; the total row's
/// contributions add up to the basket's window return.
fn segment_lines(
    study: &SegmentStudy,
    width: usize,
    height: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let numbers = MEMBERS_WIDTH + WEIGHT_WIDTH + 2 * RETURN_WIDTH + 4;
    // A narrow pane gives the weight's room to the segment's name.
    let with_weight = width >= numbers + 1 + MIN_NAME_WIDTH;
    let numbers = numbers - if with_weight { 0 } else { WEIGHT_WIDTH + 1 };
    let name_width = width.saturating_sub(numbers + 1).clamp(6, 24);
    let row = |cells: [String; 5], styles: [ratatui::style::Style; 5]| {
        let texts = [
            fit(&cells[0], name_width),
            fit_right(&cells[1], MEMBERS_WIDTH),
            fit_right(&cells[2], WEIGHT_WIDTH),
            fit_right(&cells[3], RETURN_WIDTH),
            fit_right(&cells[4], RETURN_WIDTH),
        ];
        let spans: Vec<Span<'static>> = texts
            .into_iter()
            .zip(styles)
            .enumerate()
            .filter(|(i, _)| with_weight || *i != 2)
            .flat_map(|(_, (text, style))| [Span::styled(text, style), Span::raw(" ")])
            .collect();
        Line::from(spans)
    };
    let signed = |v: Option<f64>| v.map_or(theme.dim, |v| theme.signed(v));
    let mut lines = vec![row(
        ["Segment", "Mbrs", "Wt%", "Return", "Contr"].map(String::from),
        [theme.title; 5],
    )];
    let room = height.saturating_sub(2);
    let cut = study.rows.len() > room;
    let shown = if cut { room.saturating_sub(1) } else { room };
    for r in study.rows.iter().take(shown) {
        lines.push(row(
            [
                escape(&r.segment).into_owned(),
                r.members.to_string(),
                num(Some(r.weight * 100.0), 1),
                pct(r.index_return),
                pct(Some(r.contribution)),
            ],
            [
                theme.text,
                theme.dim,
                theme.dim,
                signed(r.index_return),
                signed(Some(r.contribution)),
            ],
        ));
    }
    if cut {
        lines.push(Line::styled(
            format!("… {} more (z maximises)", study.rows.len() - shown),
            theme.dim,
        ));
    }
    let total: f64 = study.rows.iter().map(|r| r.contribution).sum();
    let members: usize = study.rows.iter().map(|r| r.members).sum();
    let weight: f64 = study.rows.iter().map(|r| r.weight).sum();
    lines.push(row(
        [
            "total".into(),
            members.to_string(),
            num(Some(weight * 100.0), 1),
            pct(study.window_return),
            pct(Some(total)),
        ],
        [
            theme.title,
            theme.dim,
            theme.dim,
            signed(study.window_return),
            signed(Some(total)),
        ],
    ));
    lines
}

/// The latest day's six fields, then a sparkline of the shares above the
/// 20- and 60-day means over the window.
fn breadth_lines(breadth: &Breadth, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(day) = breadth.days.last() else {
        return vec![Line::styled("no index dates in the window", theme.dim)];
    };
    let share = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.0}%", v * 100.0));
    let half = (width / 2).clamp(1, 24);
    let pair = |a: (&str, String), b: (&str, String)| {
        let cell = |(label, value): (&str, String)| {
            let label_width = half.saturating_sub(6).max(1);
            [
                Span::styled(fit(label, label_width), theme.dim),
                Span::styled(fit_right(&value, 5), theme.text),
                Span::raw(" "),
            ]
        };
        Line::from([cell(a), cell(b)].concat())
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", day.date), theme.title),
            Span::styled(format!("· {} members priced", day.members), theme.dim),
        ]),
        pair(
            ("above MA20", share(day.above_ma20)),
            ("above MA60", share(day.above_ma60)),
        ),
        pair(
            ("up 20d", share(day.positive_20d)),
            ("beat basket", share(day.outperforming_20d)),
        ),
        pair(
            (
                "dispersion",
                day.dispersion_20d
                    .map_or("–".into(), |v| format!("{:.1}%", v * 100.0)),
            ),
            ("60d highs", day.highs_60d.to_string()),
        ),
    ];
    let label = 5;
    let spark_width = width.saturating_sub(label);
    let series: [(&str, Share); 2] = [("MA20 ", |d| d.above_ma20), ("MA60 ", |d| d.above_ma60)];
    for (name, field) in series {
        let values: Vec<Option<f64>> = breadth.days.iter().map(field).collect();
        lines.push(Line::from(vec![
            Span::styled(name, theme.dim),
            Span::styled(sparkline(&values, spark_width), theme.positive),
        ]));
    }
    lines
}

/// One share of a breadth day.
type Share = fn(&BreadthDay) -> Option<f64>;

/// Shares in [0, 1] as block characters `▁`…`█`, at most `width` of them:
/// each the last day of its stretch of the window (a blank where none).
fn sparkline(values: &[Option<f64>], width: usize) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let n = values.len();
    let columns = n.min(width);
    (0..columns)
        .map(|c| {
            // The last day of column c's stretch: the final column ends on
            // the latest day.
            let last = ((c + 1) * n).div_ceil(columns).min(n) - 1;
            values[last].map_or(' ', |v| {
                let step = (v.clamp(0.0, 1.0) * 7.0).round() as usize;
                BLOCKS[step.min(7)]
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn a_sparkline_ends_on_the_latest_day_and_scales_shares() {
        let values = [Some(0.0), None, Some(0.5), Some(1.0)];
        assert_eq!(sparkline(&values, 10), "▁ ▅█");
        // Two columns of two days each: the last day of each.
        assert_eq!(sparkline(&values, 2), " █");
    }
}
