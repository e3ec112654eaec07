//! `export --what breadth|segments|rotation`: long tables with a `basket`
//! column, every basket (or `--basket`).

use anyhow::{anyhow, bail};
use chrono::NaiveDate;

use super::args::ExportWhat;
use crate::compute::{Analysis, BreadthDay, breadth, history_of, rotation, segment_study};
use crate::domain::{Basket, BasketId, PriceBook};
use crate::store::tables::{Cells, Column, Table};

/// The baskets to export: `only`, else every analysed basket.
fn chosen<'a>(
    analysis: &Analysis,
    baskets: &'a [Basket],
    only: Option<&BasketId>,
) -> anyhow::Result<Vec<&'a Basket>> {
    let analysed: Vec<&Basket> = baskets
        .iter()
        .filter(|b| history_of(analysis, &b.id).is_some())
        .collect();
    match only {
        None => Ok(analysed),
        Some(id) => match analysed.iter().find(|b| &b.id == id) {
            Some(b) => Ok(vec![*b]),
            None => {
                let known: Vec<String> = analysed.iter().map(|b| b.id.to_string()).collect();
                bail!("no basket \"{id}\"; the baskets are: {}", known.join(", "))
            }
        },
    }
}

fn count(name: &str, cells: Vec<usize>) -> Column {
    Column {
        name: name.to_string(),
        cells: Cells::Integer(cells.into_iter().map(|n| i64::try_from(n).ok()).collect()),
    }
}

fn ids(cells: &[&BasketId]) -> Column {
    Column::text("basket", cells.iter().map(|b| b.to_string()).collect())
}

fn dates(name: &str, cells: Vec<NaiveDate>) -> Column {
    Column::date(name, cells.into_iter().map(Some).collect())
}

/// The table of `what` (breadth, segments or rotation).
pub fn diffusion_table(
    analysis: &Analysis,
    inputs: Option<(&[Basket], &PriceBook)>,
    what: ExportWhat,
    only: Option<&BasketId>,
) -> anyhow::Result<Table> {
    let (baskets, book) = inputs.ok_or_else(|| anyhow!("no baskets to export"))?;
    let chosen = chosen(analysis, baskets, only)?;
    let history = |b: &Basket| history_of(analysis, &b.id).expect("chosen baskets have one");
    let columns = match what {
        ExportWhat::Breadth => {
            let all: Vec<_> = chosen
                .iter()
                .map(|b| breadth(b, book, history(b), analysis.window))
                .collect();
            let rows: Vec<_> = all
                .iter()
                .flat_map(|b| b.days.iter().map(move |d| (&b.basket, d)))
                .collect();
            let f = |name: &str, get: &dyn Fn(&BreadthDay) -> Option<f64>| {
                Column::number(name, rows.iter().map(|(_, d)| get(d)).collect())
            };
            vec![
                ids(&rows.iter().map(|r| r.0).collect::<Vec<_>>()),
                dates("date", rows.iter().map(|r| r.1.date).collect()),
                count("members", rows.iter().map(|r| r.1.members).collect()),
                f("above_ma20", &|d| d.above_ma20),
                f("above_ma60", &|d| d.above_ma60),
                f("positive_20d", &|d| d.positive_20d),
                f("outperforming_20d", &|d| d.outperforming_20d),
                f("dispersion_20d", &|d| d.dispersion_20d),
                count("highs_60d", rows.iter().map(|r| r.1.highs_60d).collect()),
            ]
        }
        ExportWhat::Segments => {
            let all: Vec<_> = chosen
                .iter()
                .map(|b| segment_study(b, history(b), analysis.window))
                .collect();
            let rows: Vec<_> = all
                .iter()
                .flat_map(|s| s.rows.iter().map(move |r| (s, r)))
                .collect();
            vec![
                ids(&rows.iter().map(|(s, _)| &s.basket).collect::<Vec<_>>()),
                Column::text(
                    "segment",
                    rows.iter().map(|(_, r)| r.segment.clone()).collect(),
                ),
                count("members", rows.iter().map(|(_, r)| r.members).collect()),
                Column::number("weight", rows.iter().map(|(_, r)| Some(r.weight)).collect()),
                Column::number(
                    "index_return",
                    rows.iter().map(|(_, r)| r.index_return).collect(),
                ),
                Column::number(
                    "contribution",
                    rows.iter().map(|(_, r)| Some(r.contribution)).collect(),
                ),
                Column::number(
                    "window_return",
                    rows.iter().map(|(s, _)| s.window_return).collect(),
                ),
            ]
        }
        ExportWhat::Rotation => {
            let all: Vec<_> = chosen
                .iter()
                .map(|b| rotation(&segment_study(b, history(b), analysis.window)))
                .collect();
            let rows: Vec<_> = all
                .iter()
                .flat_map(|r| {
                    r.segments.iter().zip(&r.cells).flat_map(move |(s, cells)| {
                        r.periods.iter().zip(cells).map(move |(p, c)| (r, s, p, *c))
                    })
                })
                .collect();
            vec![
                ids(&rows.iter().map(|r| &r.0.basket).collect::<Vec<_>>()),
                Column::text("segment", rows.iter().map(|r| r.1.clone()).collect()),
                Column::text("period", rows.iter().map(|r| r.2.label.clone()).collect()),
                dates("start", rows.iter().map(|r| r.2.start).collect()),
                dates("end", rows.iter().map(|r| r.2.end).collect()),
                Column::number("excess_return", rows.iter().map(|r| r.3).collect()),
            ]
        }
        other => bail!("{other:?} is not a table of segments, breadth or rotation"),
    };
    // The first column is always the basket's.
    let rows = match columns.first().map(|c| &c.cells) {
        Some(Cells::Text(cells)) => cells.len(),
        _ => 0,
    };
    Ok(Table { rows, columns })
}
