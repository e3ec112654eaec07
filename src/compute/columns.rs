//! The series `export` writes, as named columns of `(date, value)`: one
//! code path for the tables and the figures, so a figure never disagrees
//! with a table.

use chrono::NaiveDate;

use super::analysis::Analysis;

/// One column of a wide table: a series named by basket id, `A/B` or
/// `rolling_r_W`; `None` is an empty cell (a value that cannot be computed).
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesColumn {
    pub name: String,
    pub dates: Vec<NaiveDate>,
    pub values: Vec<Option<f64>>,
}

impl SeriesColumn {
    /// The dated values that exist: the non-empty cells of the column.
    pub fn points(&self) -> impl Iterator<Item = (NaiveDate, f64)> + '_ {
        self.dates
            .iter()
            .zip(&self.values)
            .filter_map(|(d, v)| v.map(|v| (*d, v)))
    }
}

/// Each basket's index levels, in basket order, named by basket id.
pub fn index_columns(analysis: &Analysis) -> Vec<SeriesColumn> {
    analysis
        .indices
        .iter()
        .map(|i| SeriesColumn {
            name: i.basket.to_string(),
            dates: i.dates.clone(),
            values: i.levels.iter().map(|v| Some(*v)).collect(),
        })
        .collect()
}

/// `A/B` and `A/C` (none when the pair has a problem).
pub fn ratio_columns(analysis: &Analysis) -> Vec<SeriesColumn> {
    analysis
        .ratios
        .iter()
        .map(|r| SeriesColumn {
            name: r.label.clone(),
            dates: r.dates.clone(),
            values: r.values.iter().map(|v| Some(*v)).collect(),
        })
        .collect()
}

/// The scatter's x (`A/B`) and y (`A/C`) rebased to 1.0 at the first
/// point, then the rolling correlation `rolling_r_W`.
pub fn scatter_columns(analysis: &Analysis) -> [SeriesColumn; 3] {
    let sc = &analysis.scatter;
    let dates: Vec<NaiveDate> = sc.points.iter().map(|p| p.date).collect();
    [
        SeriesColumn {
            name: sc.x_label.clone(),
            dates: dates.clone(),
            values: sc.points.iter().map(|p| Some(p.x)).collect(),
        },
        SeriesColumn {
            name: sc.y_label.clone(),
            dates,
            values: sc.points.iter().map(|p| Some(p.y)).collect(),
        },
        SeriesColumn {
            name: format!("rolling_r_{}", sc.roll_window),
            dates: sc.rolling.iter().map(|r| r.0).collect(),
            values: sc.rolling.iter().map(|r| r.1).collect(),
        },
    ]
}
