//! Text cut and padded by display width (Chinese names take two columns a
//! character), and the number formats the tables share.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns (with `…` when cut) and padded on the right.
pub fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    cut + &" ".repeat(pad)
}

/// `text` cut to `width` columns and padded on the left (numbers).
pub fn fit_right(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    " ".repeat(pad) + &cut
}

/// `text` cut to at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A return as a signed percentage: `+12.3%`; `–` when missing.
pub fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{:+.1}%", v * 100.0))
}

/// A plain number with `decimals`; `–` when missing.
pub fn num(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.decimals$}"))
}

/// Which columns fit in `available` width: columns are taken in priority
/// order (`priority[i]` is column i's rank, 0 first) while they fit, each
/// with one space of gap.
pub fn columns_that_fit(widths: &[usize], priority: &[usize], available: usize) -> Vec<bool> {
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|i| priority.get(*i).copied().unwrap_or(usize::MAX));
    let mut keep = vec![false; widths.len()];
    let mut used = 0;
    for i in order {
        let need = widths[i] + usize::from(used > 0);
        if used + need <= available {
            keep[i] = true;
            used += need;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_pad_by_display_width() {
        // 中际旭创 is 4 characters, 8 columns: 2 spaces pad it to 10.
        assert_eq!(fit("中际旭创", 10), "中际旭创  ");
        assert_eq!(fit("中际旭创", 10).width(), 10);
        // Cut to 5 columns: two characters (4 columns) then the ellipsis.
        assert_eq!(truncate("中际旭创", 5), "中际…");
        assert_eq!(fit_right("1.5", 5), "  1.5");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn columns_are_dropped_by_priority() {
        // Widths 5, 5, 5 with ranks 0, 2, 1 in 11 columns: 0 and 2 fit (5 + 1 + 5).
        assert_eq!(
            columns_that_fit(&[5, 5, 5], &[0, 2, 1], 11),
            vec![true, false, true]
        );
    }
}
