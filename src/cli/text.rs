//! Plain-text tables and the CLI's number formats (two decimals, `n/a`),
//! built on the shared [`crate::text`].
//!
//! Widths are display widths, so Chinese names line up with Latin ones.

use unicode_width::UnicodeWidthStr;

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table printed with columns padded to their widest cell.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Row>,
}

#[derive(Debug)]
enum Row {
    Cells(Vec<String>),
    /// A line across the table (e.g. the as-of marker), not part of any column.
    Note(String),
}

impl Table {
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0.to_string()).collect(),
            align: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Row::Cells(cells));
    }

    pub fn note(&mut self, text: String) {
        self.rows.push(Row::Note(text));
    }

    pub fn render(&self, indent: &str) -> String {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            let Row::Cells(cells) = row else { continue };
            for (w, cell) in widths.iter_mut().zip(cells) {
                *w = (*w).max(cell.width());
            }
        }
        let line = |cells: &[String]| {
            let mut out = String::from(indent);
            for (i, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
                if i > 0 {
                    out.push_str("  ");
                }
                match self.align[i] {
                    Align::Left if i + 1 == cells.len() => out.push_str(cell),
                    Align::Left => {
                        out.push_str(cell);
                        out.push_str(&pad);
                    }
                    Align::Right => {
                        out.push_str(&pad);
                        out.push_str(cell);
                    }
                }
            }
            out.trim_end().to_string() + "\n"
        };
        let mut out = line(&self.header);
        for row in &self.rows {
            match row {
                Row::Cells(cells) => out.push_str(&line(cells)),
                Row::Note(text) => out.push_str(&format!("{indent}{text}\n")),
            }
        }
        out
    }
}

/// How the tables write a value that cannot be computed.
const MISSING: &str = "n/a";

/// A return as a signed percentage, `n/a` when it cannot be computed.
pub fn pct(value: Option<f64>) -> String {
    crate::text::pct(value, 2, MISSING)
}

/// A number with `decimals` places, `n/a` when absent.
pub fn num(value: Option<f64>, decimals: usize) -> String {
    crate::text::num(value, decimals, MISSING)
}

pub use crate::text::count;
/// Shortens `text` to at most `max` display columns, ending with `…`.
pub use crate::text::truncate as clip;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let mut t = Table::new(&[("name", Align::Left), ("w", Align::Right)]);
        t.row(vec!["中际旭创".into(), "1".into()]);
        t.row(vec!["Accelink".into(), "22".into()]);
        let text = t.render("");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1].width(), lines[2].width());
        assert_eq!(lines[1], "中际旭创   1");
    }

    #[test]
    fn formats_missing_values_as_na() {
        assert_eq!(pct(None), "n/a");
        assert_eq!(pct(Some(0.0123)), "+1.23%");
        assert_eq!(num(Some(2.0), 3), "2.000");
        assert_eq!(clip("Zhongji Innolight", 8), "Zhongji…");
    }
}
