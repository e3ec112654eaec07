//! Text for people, shared by the CLI and the TUI: cutting and padding by
//! display width (a Chinese character takes two columns), and the number
//! formats. Each caller picks its precision and how a missing value reads
//! (the CLI's tables say `n/a`, the panes a narrow `–`).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// A return as a signed percentage with `decimals` places (`+12.3%`);
/// `missing` when it cannot be computed.
pub fn pct(value: Option<f64>, decimals: usize, missing: &str) -> String {
    value.map_or_else(
        || missing.to_string(),
        |v| format!("{:+.decimals$}%", v * 100.0),
    )
}

/// A number with `decimals` places; `missing` when absent.
pub fn num(value: Option<f64>, decimals: usize, missing: &str) -> String {
    value.map_or_else(|| missing.to_string(), |v| format!("{v:.decimals$}"))
}

/// `1 error`, `2 errors`: a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_cut_and_pad_by_display_width() {
        // 中际旭创 is 4 characters, 8 columns: 2 spaces pad it to 10.
        assert_eq!(fit("中际旭创", 10), "中际旭创  ");
        // Cut to 5 columns: two characters (4 columns) then the ellipsis.
        assert_eq!(truncate("中际旭创", 5), "中际…");
        assert_eq!(truncate("Zhongji Innolight", 8), "Zhongji…");
        assert_eq!(fit_right("1.5", 5), "  1.5");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn numbers_take_their_precision_and_missing_mark() {
        assert_eq!(pct(Some(0.0123), 2, "n/a"), "+1.23%");
        assert_eq!(pct(Some(-0.0123), 1, "–"), "-1.2%");
        assert_eq!(pct(None, 1, "–"), "–");
        assert_eq!(num(Some(2.0), 3, "n/a"), "2.000");
        assert_eq!(count(1, "error", "errors"), "1 error");
        assert_eq!(count(2, "error", "errors"), "2 errors");
    }
}
