//! Windows of calendar dates and the presets that count back from the as-of date.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

/// An inclusive range of calendar dates `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Window {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Window, String> {
        if start > end {
            return Err(format!("window start {start} is after its end {end}"));
        }
        Ok(Window { start, end })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The same window with its end moved no later than `as_of`.
    pub fn cut_at(self, as_of: NaiveDate) -> Window {
        Window {
            start: self.start.min(as_of),
            end: self.end.min(as_of),
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl FromStr for Window {
    type Err = String;
    /// `2024-06-01..2025-05-07`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (a, b) = s.split_once("..").ok_or_else(|| {
            format!("window {s:?} is not START..END, e.g. 2024-06-01..2025-05-07")
        })?;
        Window::new(parse_date(a)?, parse_date(b)?)
    }
}

/// Parses a date typed by a user: `YYYY-MM-DD` (or `YYYYMMDD`).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y%m%d"))
        .map_err(|_| format!("{t:?} is not a date; write YYYY-MM-DD, e.g. 2025-05-07"))
}

/// The range presets of the chart and the `--range` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangePreset {
    M1,
    M3,
    M6,
    Ytd,
    Y1,
    Y3,
    All,
}

impl RangePreset {
    pub const ALL: [RangePreset; 7] = [
        RangePreset::M1,
        RangePreset::M3,
        RangePreset::M6,
        RangePreset::Ytd,
        RangePreset::Y1,
        RangePreset::Y3,
        RangePreset::All,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RangePreset::M1 => "1M",
            RangePreset::M3 => "3M",
            RangePreset::M6 => "6M",
            RangePreset::Ytd => "YTD",
            RangePreset::Y1 => "1Y",
            RangePreset::Y3 => "3Y",
            RangePreset::All => "ALL",
        }
    }

    /// The window this preset means on `as_of`; `first` is the earliest date
    /// in the data (the start of `ALL`, and the floor of every preset).
    pub fn window(self, as_of: NaiveDate, first: NaiveDate) -> Window {
        let back = |months: u32| {
            as_of
                .checked_sub_months(Months::new(months))
                .unwrap_or(first)
        };
        let start = match self {
            RangePreset::M1 => back(1),
            RangePreset::M3 => back(3),
            RangePreset::M6 => back(6),
            RangePreset::Ytd => NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(first),
            RangePreset::Y1 => back(12),
            RangePreset::Y3 => back(36),
            RangePreset::All => first,
        };
        Window {
            start: start.max(first).min(as_of),
            end: as_of,
        }
    }
}

impl fmt::Display for RangePreset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for RangePreset {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RangePreset::ALL
            .into_iter()
            .find(|p| p.label().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown range {s:?}; use 1m, 3m, 6m, ytd, 1y, 3y or all"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn presets_count_back_from_as_of() {
        let first = d("2024-01-02");
        let as_of = d("2025-05-07");
        assert_eq!(RangePreset::M1.window(as_of, first).start, d("2025-04-07"));
        assert_eq!(RangePreset::Ytd.window(as_of, first).start, d("2025-01-01"));
        assert_eq!(RangePreset::Y1.window(as_of, first).start, d("2024-05-07"));
        assert_eq!(RangePreset::Y3.window(as_of, first).start, first);
        assert_eq!(
            RangePreset::All.window(as_of, first),
            Window::new(first, as_of).unwrap()
        );
    }

    #[test]
    fn windows_parse_and_refuse_reversed_ranges() {
        let w: Window = "2024-06-01..2025-05-07".parse().unwrap();
        assert_eq!(w.start, d("2024-06-01"));
        assert!("2025-06-01..2024-05-07".parse::<Window>().is_err());
        assert!("2025-06-01".parse::<Window>().is_err());
    }
}
