//! The scatter pane's other face (`v`): the lead-lag of its two ratios
//! (METHODOLOGY.md "Lead-lag between the two ratios"): a bar of ccf(k) for
//! each k with the ±1.96/√n band, the peak, the Granger F and p both ways
//! and who leads. The numbers are those of `spillover leadlag`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::text::truncate;
use crate::compute::{CcfBar, Granger, LeadLag, Leader};
use crate::tui::theme::Theme;

/// Width of the text column when it fits beside the bars.
const TEXT_WIDTH: u16 = 32;
/// Width of the value labels left of the bars.
const LABEL_WIDTH: u16 = 6;

/// Draws the lead-lag view into `area`; `problem` says why there is none.
pub fn render_lead_lag(
    area: Rect,
    buf: &mut Buffer,
    lead_lag: Option<&LeadLag>,
    problem: Option<&str>,
    theme: &Theme,
    focused: bool,
) {
    let area = area.intersection(buf.area);
    let block = super::pane_block("Lead-lag · ccf(k) = corr(x_t, y_t+k)", theme, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let Some(ll) = lead_lag else {
        let why = problem.unwrap_or("the analysis has no scatter pair");
        Paragraph::new(Line::styled(
            format!("no lead-lag without the scatter's ratios: {why}"),
            theme.warning,
        ))
        .wrap(Wrap { trim: false })
        .render(inner, buf);
        return;
    };
    let beside = inner.width >= 64 && inner.height >= 9;
    let (plot, text, lines) = if beside {
        let plot = Rect {
            width: inner.width - TEXT_WIDTH - 1,
            ..inner
        };
        let text = Rect {
            x: plot.right() + 1,
            width: TEXT_WIDTH,
            ..inner
        };
        (plot, text, column_lines(ll, usize::from(TEXT_WIDTH), theme))
    } else {
        let lines = short_lines(ll, theme);
        let rows = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .min(inner.height / 2);
        let plot = Rect {
            height: inner.height - rows,
            ..inner
        };
        let text = Rect {
            y: plot.bottom(),
            height: rows,
            ..inner
        };
        (plot, text, lines)
    };
    Paragraph::new(lines).render(text, buf);
    draw_bars(plot, buf, ll, theme);
}

fn f_p(g: &Granger) -> String {
    let f = g.f.map_or("n/a".to_string(), |f| format!("{f:.3}"));
    let p = g.p_value.map_or("n/a".to_string(), |p| format!("{p:.3}"));
    format!("F {f} p {p}")
}

/// Where the peak is and what it says.
fn peak_text(ll: &LeadLag) -> String {
    match ll.peak {
        None => "peak n/a: too few changes".into(),
        Some(p) => {
            let side = match p.k {
                _ if !p.significant => "inside the band".to_string(),
                0 => "same day".to_string(),
                k if k > 0 => format!("x leads y by {k}"),
                k => format!("y leads x by {}", -k),
            };
            format!("peak k={:+} {:+.3}: {side}", p.k, p.r.unwrap_or(0.0)).replace("k=+0", "k=0")
        }
    }
}

fn verdict(ll: &LeadLag) -> String {
    match ll.leader() {
        Leader::X => "verdict: x leads y (Granger 5%)".into(),
        Leader::Y => "verdict: y leads x (Granger 5%)".into(),
        Leader::Both => "verdict: feedback both ways, no single leader".into(),
        Leader::Neither => "verdict: no leader (neither p < 0.05)".into(),
    }
}

fn verdict_style(ll: &LeadLag, theme: &Theme) -> Style {
    match ll.leader() {
        Leader::Neither => theme.text,
        _ => theme.highlight,
    }
}

/// The text beside the bars.
fn column_lines(ll: &LeadLag, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let band = ll
        .peak
        .and_then(|p| p.band)
        .map_or("n/a".to_string(), |b| format!("±{b:.3}"));
    let plain = |text: String| Line::styled(truncate(&text, width), theme.text);
    let dim = |text: String| Line::styled(truncate(&text, width), theme.dim);
    vec![
        plain(format!("x {}", ll.x)),
        plain(format!("y {}", ll.y)),
        dim(format!("{} log changes, band {band}", ll.changes)),
        plain(peak_text(ll)),
        dim(format!("Granger, {} lags (H0: no help)", ll.x_to_y.lags)),
        plain(format!("x → y {}", f_p(&ll.x_to_y))),
        plain(format!("y → x {}", f_p(&ll.y_to_x))),
        Line::styled(truncate(&verdict(ll), width), verdict_style(ll, theme)),
    ]
}

/// The text under the bars on a small pane.
fn short_lines(ll: &LeadLag, theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(peak_text(ll), theme.text),
        Line::styled(
            format!("x→y {} · y→x {}", f_p(&ll.x_to_y), f_p(&ll.y_to_x)),
            theme.text,
        ),
        Line::styled(verdict(ll), verdict_style(ll, theme)),
    ]
}

/// One column of cells per k: the bar from the zero line to ccf(k), the
/// band as a dotted line each side, the k labels under it.
fn draw_bars(area: Rect, buf: &mut Buffer, ll: &LeadLag, theme: &Theme) {
    let bars = &ll.ccf;
    if bars.is_empty() || area.height < 4 || area.width <= LABEL_WIDTH {
        return;
    }
    // The last row holds the k labels; one row is the zero line.
    let rows = area.height - 2;
    let per = ((area.width - LABEL_WIDTH) / u16::try_from(bars.len()).unwrap_or(u16::MAX)).max(1);
    let bar_width = if per >= 2 { per - 1 } else { per };
    let band = bars.iter().filter_map(|b| b.band).fold(0.0, f64::max);
    let reach = |sign: f64| {
        bars.iter()
            .filter_map(|b| b.r.map(|r| r * sign))
            .fold(band, f64::max)
            * 1.1
    };
    let (up, down) = (reach(1.0), reach(-1.0));
    // One row is worth `step`; the rows split between the two sides.
    let step = (up + down) / f64::from(rows);
    let above = ((up / step).round() as u16).clamp(1, rows.saturating_sub(1).max(1));
    let below = rows - above;
    let zero = area.y + above;
    let band_cells = (band / step).round() as u16;
    // The zero line and the band across the whole plot, the bars over them.
    let span = u16::try_from(bars.len()).unwrap_or(0) * per;
    let right = (area.x + LABEL_WIDTH + span).min(area.right());
    let mut rules = vec![(zero, "─")];
    if band_cells > 0 && band_cells <= above {
        rules.push((zero - band_cells, "┈"));
    }
    if band_cells > 0 && band_cells <= below {
        rules.push((zero + band_cells, "┈"));
    }
    for (y, symbol) in rules {
        for x in area.x + LABEL_WIDTH..right {
            buf[(x, y)].set_symbol(symbol).set_style(theme.dim);
        }
    }
    for (i, bar) in bars.iter().enumerate() {
        let x0 = area.x + LABEL_WIDTH + u16::try_from(i).unwrap_or(0) * per;
        if x0 + bar_width > area.right() {
            break;
        }
        let column = column_cells(bar, step, above, below, ll, theme);
        for (y, (symbol, style)) in column.into_iter().enumerate() {
            let y = area.y + u16::try_from(y).unwrap_or(0);
            if symbol == " " {
                continue;
            }
            for dx in 0..bar_width {
                buf[(x0 + dx, y)].set_symbol(symbol).set_style(style);
            }
        }
        if bar.k % 5 == 0 {
            let label = format!("{:+}", bar.k).replace("+0", "0");
            let half = u16::try_from(label.len() / 2).unwrap_or(0);
            let x = (x0 + bar_width / 2).saturating_sub(half);
            buf.set_string(x, area.bottom() - 1, &label, theme.dim);
        }
    }
    buf.set_string(area.x, area.y, format!("{up:+.2}"), theme.dim);
    buf.set_string(area.x, zero, " 0", theme.dim);
    if band_cells > 0 && band_cells < above {
        buf.set_string(area.x, zero - band_cells, format!("{band:+.2}"), theme.dim);
    }
    if below > 0 {
        buf.set_string(area.x, zero + below, format!("{:+.2}", -down), theme.dim);
    }
    buf.set_string(area.x, area.bottom() - 1, "k", theme.dim);
}

/// The cells of one bar from the top row to the last row below zero:
/// whole cells and an eighth block where it ends.
fn column_cells(
    bar: &CcfBar,
    step: f64,
    above: u16,
    below: u16,
    ll: &LeadLag,
    theme: &Theme,
) -> Vec<(&'static str, Style)> {
    const RISING: [&str; 8] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇"];
    let mut cells = vec![(" ", theme.dim); usize::from(above + 1 + below)];
    let Some(r) = bar.r else {
        return cells;
    };
    let style = if bar.significant {
        theme.signed(r)
    } else {
        theme.dim
    };
    let style = if ll.peak.is_some_and(|p| p.k == bar.k) {
        style.add_modifier(Modifier::BOLD)
    } else {
        style
    };
    let height = r.abs() / step;
    let whole = height.floor() as usize;
    let eighths = ((height - height.floor()) * 8.0).round() as usize;
    let zero = usize::from(above);
    // The zero row shows the bar's foot so a small ccf is still seen.
    cells[zero] = (if r >= 0.0 { "▄" } else { "▀" }, style);
    for n in 0..whole {
        let y = if r >= 0.0 {
            zero.checked_sub(n + 1)
        } else {
            Some(zero + n + 1)
        };
        if let Some(cell) = y.and_then(|y| cells.get_mut(y)) {
            *cell = ("█", style);
        }
    }
    let tip = if r >= 0.0 {
        zero.checked_sub(whole + 1)
    } else {
        Some(zero + whole + 1)
    };
    let symbol = match eighths {
        8 => "█",
        e if r >= 0.0 => RISING[e],
        e if e >= 4 => "▀",
        e if e >= 1 => "▔",
        _ => " ",
    };
    if let Some(cell) = tip.and_then(|y| cells.get_mut(y))
        && symbol != " "
    {
        *cell = (symbol, style);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::{CcfBar, Granger};

    fn granger(p: f64) -> Granger {
        Granger {
            cause: "a".into(),
            effect: "b".into(),
            lags: 5,
            observations: 100,
            f: Some(3.0),
            df_num: 5,
            df_den: 89,
            p_value: Some(p),
        }
    }

    #[test]
    fn the_peak_and_the_verdict_read_as_the_numbers_say() {
        let peak = CcfBar {
            k: 2,
            n: 100,
            r: Some(0.4),
            band: Some(0.196),
            significant: true,
        };
        let ll = LeadLag {
            x: "a/b".into(),
            y: "a/c".into(),
            changes: 100,
            max_lag: 10,
            ccf: vec![peak],
            peak: Some(peak),
            x_to_y: granger(0.01),
            y_to_x: granger(0.5),
        };
        assert_eq!(peak_text(&ll), "peak k=+2 +0.400: x leads y by 2");
        assert_eq!(verdict(&ll), "verdict: x leads y (Granger 5%)");
    }
}
