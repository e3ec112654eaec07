//! What an import did, per symbol and per file: the text the CLI prints.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::format::Format;
use super::naming::Naming;
use crate::domain::Symbol;

/// A row passed over because it has no price at all: Yahoo's `null` rows,
/// or a session fetched during trading hours (`2026-03-26,,,,,6238632`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SkippedRow {
    /// Its date, when it reads.
    pub date: Option<NaiveDate>,
    /// Its symbol, in a file of several symbols.
    pub symbol: Option<Symbol>,
}

/// How many dates a summary lists before "and N more".
const DATES_LISTED: usize = 5;

/// "1 row without prices skipped: 2026-03-26", the dates (and symbols, in a
/// file of several) of the first few.
pub fn skipped_text(rows: &[SkippedRow]) -> String {
    let n = rows.len();
    let mut text = format!(
        "{n} {} without prices skipped",
        if n == 1 { "row" } else { "rows" }
    );
    let dated: Vec<String> = rows
        .iter()
        .filter_map(|r| match (&r.date, &r.symbol) {
            (Some(date), Some(symbol)) => Some(format!("{date} {symbol}")),
            (Some(date), None) => Some(date.to_string()),
            (None, _) => None,
        })
        .collect();
    if !dated.is_empty() {
        let shown = dated.len().min(DATES_LISTED);
        text.push_str(": ");
        text.push_str(&dated[..shown].join(", "));
        if dated.len() > shown {
            text.push_str(&format!(" and {} more", dated.len() - shown));
        }
    }
    text
}

/// What an import did to one symbol's price file.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolImport {
    pub symbol: Symbol,
    /// Imported rows on dates the cache did not have.
    pub added: usize,
    /// Imported rows on dates the cache had: the imported row wins.
    pub replaced: usize,
    /// First and last date of the imported rows.
    pub imported: (NaiveDate, NaiveDate),
    /// First and last date in the cache after the import.
    pub cached: (NaiveDate, NaiveDate),
    /// Rows in the cache after the import.
    pub rows_after: usize,
    /// The cache held synthetic demo prices, dropped whole rather than mixed
    /// with real ones.
    pub replaced_demo: bool,
}

/// What is worth saying about one file beyond its format.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileNote {
    pub path: PathBuf,
    /// Columns present in the file that the import does not read.
    pub ignored_columns: Vec<String>,
    /// Rows without any price, passed over (Yahoo's `null` rows, a
    /// session fetched before its close).
    pub skipped: Vec<SkippedRow>,
    /// Footer lines passed over (`数据来源：Wind`).
    pub footer: Vec<String>,
    /// The names the file gives its symbols.
    pub names: Vec<(Symbol, String)>,
    /// Symbols the file did not write in full: named from the file name or
    /// from a bare code.
    pub named: Vec<Naming>,
}

/// Two files of one import that gave the same symbol rows on the same
/// dates: the later file's rows won.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    pub symbol: Symbol,
    pub earlier: PathBuf,
    pub later: PathBuf,
    /// Rows of `earlier` replaced by rows of `later`.
    pub rows: usize,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportSummary {
    /// One entry per symbol, sorted by symbol.
    pub per_symbol: Vec<SymbolImport>,
    /// Every file read, in command-line order, with its detected format.
    pub files: Vec<(PathBuf, Format)>,
    /// Ignored columns and skipped rows, only for files that had any.
    pub notes: Vec<FileNote>,
    /// Files whose rows replaced another file's rows of the same symbol.
    pub overlaps: Vec<Overlap>,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, one: &str| {
            if n == 1 {
                one.to_string()
            } else {
                format!("{one}s")
            }
        };
        writeln!(
            f,
            "Imported {} {}:",
            self.files.len(),
            plural(self.files.len(), "file")
        )?;
        for (path, format) in &self.files {
            write!(f, "  {} ({format})", path.display())?;
            if let Some(note) = self.notes.iter().find(|n| &n.path == path) {
                if !note.ignored_columns.is_empty() {
                    write!(f, "; ignored columns: {}", note.ignored_columns.join(", "))?;
                }
                if !note.skipped.is_empty() {
                    write!(f, "; {}", skipped_text(&note.skipped))?;
                }
                if !note.footer.is_empty() {
                    write!(f, "; skipped footer: {}", note.footer.join(" / "))?;
                }
                if !note.names.is_empty() {
                    let names: Vec<String> =
                        note.names.iter().map(|(s, n)| format!("{s} {n}")).collect();
                    write!(f, "; names: {}", names.join(", "))?;
                }
                write_named(f, &note.named)?;
            }
            writeln!(f)?;
        }
        for o in &self.overlaps {
            writeln!(
                f,
                "  warning: {} replaced {} {} of {} ({})",
                o.later.display(),
                o.rows,
                plural(o.rows, "row"),
                o.earlier.display(),
                o.symbol
            )?;
        }
        let width = self
            .per_symbol
            .iter()
            .map(|s| s.symbol.as_str().len())
            .max()
            .unwrap_or(0);
        for s in &self.per_symbol {
            let imported = s.added + s.replaced;
            write!(
                f,
                "  {:width$}  {imported} {} {}: ",
                s.symbol.as_str(),
                plural(imported, "row"),
                Range(s.imported),
            )?;
            if s.replaced_demo {
                write!(f, "replaced the demo prices")?;
            } else {
                write!(f, "{} added, {} replaced", s.added, s.replaced)?;
            }
            writeln!(
                f,
                "; cache now {}, {} {}",
                Range(s.cached),
                s.rows_after,
                plural(s.rows_after, "row")
            )?;
        }
        Ok(())
    }
}

/// Each symbol named from the file name, and each index code, on its own;
/// other bare codes in one list.
fn write_named(f: &mut fmt::Formatter<'_>, named: &[Naming]) -> fmt::Result {
    let mut codes = Vec::new();
    for naming in named {
        match naming {
            Naming::BareCode { code, symbol } if naming.also_index().is_none() => {
                codes.push(format!("{code} → {symbol}"));
            }
            _ => write!(f, "; {naming}")?,
        }
    }
    match codes.len() {
        0 => Ok(()),
        1..=DATES_LISTED => write!(f, "; codes given their exchange: {}", codes.join(", ")),
        n => write!(
            f,
            "; codes given their exchange: {} and {} more",
            codes[..DATES_LISTED].join(", "),
            n - DATES_LISTED
        ),
    }
}

impl ImportSummary {
    /// What a one-line report of this import (the workstation's) should
    /// still say: rows passed over, and symbols named by a code that is
    /// also an index's.
    pub fn remarks(&self) -> Vec<String> {
        let mut remarks = Vec::new();
        for note in &self.notes {
            if !note.skipped.is_empty() {
                remarks.push(skipped_text(&note.skipped));
            }
            for naming in &note.named {
                if let Some((name, index)) = naming.also_index() {
                    remarks.push(format!(
                        "{} is also the {name} index code ({}={index} imports the index)",
                        naming.symbol(),
                        note.path.display()
                    ));
                }
            }
        }
        remarks
    }
}

/// `2025-01-02..2025-01-08`, or the one date when both ends are the same.
struct Range((NaiveDate, NaiveDate));

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (first, last) = self.0;
        if first == last {
            write!(f, "{first}")
        } else {
            write!(f, "{first}..{last}")
        }
    }
}
