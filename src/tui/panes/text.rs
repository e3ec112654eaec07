//! The panes' text: the shared cutting and padding by display width
//! ([`crate::text`]), numbers one decimal with a narrow `–` for missing,
//! and which table columns fit.

pub use crate::text::{fit, fit_right, truncate};

/// How the panes write a value that cannot be computed (narrow).
const MISSING: &str = "–";

/// A return as a signed percentage: `+12.3%`; `–` when missing.
pub fn pct(value: Option<f64>) -> String {
    crate::text::pct(value, 1, MISSING)
}

/// A plain number with `decimals`; `–` when missing.
pub fn num(value: Option<f64>, decimals: usize) -> String {
    crate::text::num(value, decimals, MISSING)
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

    use unicode_width::UnicodeWidthStr;

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
