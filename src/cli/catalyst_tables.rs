//! The catalyst statistics as plain tables for `export --what
//! events|leadlag|beta`: named columns of cells, no file format (the export
//! writer turns them into CSV or Parquet).

use anyhow::anyhow;
use chrono::NaiveDate;

use super::args::ExportWhat;
use crate::compute::{BasketBeta, CAR_WINDOWS, Catalysts, EventStudy, LeadLag};

/// One column's cells; `None` is an empty cell (n/a).
#[derive(Debug, Clone, PartialEq)]
pub enum Cells {
    Text(Vec<String>),
    Number(Vec<Option<f64>>),
    Integer(Vec<Option<i64>>),
    Date(Vec<Option<NaiveDate>>),
    Flag(Vec<Option<bool>>),
}

/// Named columns of equal length.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlainTable {
    pub rows: usize,
    pub columns: Vec<(String, Cells)>,
}

/// The table of `what` (events, leadlag or beta), or why there is none.
pub fn catalyst_table(
    what: ExportWhat,
    catalysts: Option<&Catalysts>,
) -> anyhow::Result<PlainTable> {
    let catalysts = catalysts.ok_or_else(|| {
        anyhow!("export --what {what:?}: the catalyst statistics were not computed")
    })?;
    let missing = || {
        catalysts
            .benchmark_problem
            .clone()
            .unwrap_or_else(|| "the scatter has no pair".to_string())
    };
    match what {
        ExportWhat::Events => catalysts
            .event_study
            .as_ref()
            .map(events_table)
            .ok_or_else(|| anyhow!("no event study: {}", missing())),
        ExportWhat::Leadlag => catalysts
            .lead_lag
            .as_ref()
            .map(leadlag_table)
            .ok_or_else(|| anyhow!("no lead-lag: the scatter has no pair")),
        ExportWhat::Beta if catalysts.benchmark_problem.is_some() => {
            Err(anyhow!("no beta: {}", missing()))
        }
        ExportWhat::Beta => Ok(beta_table(&catalysts.beta)),
        other => Err(anyhow!("export --what {other:?} is not a catalyst table")),
    }
}

/// `car_m1_p1` for `[-1,+1]`: a name every CSV reader and Parquet schema takes.
fn window_name(prefix: &str, (from, to): (i32, i32)) -> String {
    let side = |v: i32| match v {
        v if v < 0 => format!("m{}", -v),
        0 => "0".to_string(),
        v => format!("p{v}"),
    };
    format!("{prefix}_{}_{}", side(from), side(to))
}

/// One row per event and series: the event, day 0, s, then CAR, t, days
/// and partial per window.
pub fn events_table(study: &EventStudy) -> PlainTable {
    let rows: Vec<_> = study
        .events
        .iter()
        .flat_map(|e| e.series.iter().map(move |s| (e, s)))
        .collect();
    let int =
        |f: &dyn Fn(usize) -> i64| Cells::Integer((0..rows.len()).map(|i| Some(f(i))).collect());
    let mut columns = vec![
        ("event".to_string(), int(&|i| rows[i].0.number as i64)),
        (
            "symbol".to_string(),
            Cells::Text(rows.iter().map(|(e, _)| e.symbol.to_string()).collect()),
        ),
        (
            "date".to_string(),
            Cells::Date(rows.iter().map(|(e, _)| Some(e.date)).collect()),
        ),
        (
            "session".to_string(),
            Cells::Text(rows.iter().map(|(e, _)| e.session.to_string()).collect()),
        ),
        (
            "first_session".to_string(),
            Cells::Date(rows.iter().map(|(e, _)| Some(e.first_session)).collect()),
        ),
        (
            "series".to_string(),
            Cells::Text(rows.iter().map(|(_, s)| s.series.clone()).collect()),
        ),
        (
            "day0".to_string(),
            Cells::Date(rows.iter().map(|(_, s)| s.day0).collect()),
        ),
        (
            "estimation_n".to_string(),
            int(&|i| rows[i].1.estimation_n as i64),
        ),
        (
            "s".to_string(),
            Cells::Number(rows.iter().map(|(_, s)| s.s).collect()),
        ),
    ];
    for (w, &window) in CAR_WINDOWS.iter().enumerate() {
        let car = |i: usize| rows[i].1.cars.get(w).copied();
        columns.push((
            window_name("car", window),
            Cells::Number(
                (0..rows.len())
                    .map(|i| car(i).and_then(|c| c.car))
                    .collect(),
            ),
        ));
        columns.push((
            window_name("t", window),
            Cells::Number((0..rows.len()).map(|i| car(i).and_then(|c| c.t)).collect()),
        ));
        columns.push((
            window_name("days", window),
            Cells::Integer(
                (0..rows.len())
                    .map(|i| car(i).map(|c| c.days as i64))
                    .collect(),
            ),
        ));
        columns.push((
            window_name("partial", window),
            Cells::Flag((0..rows.len()).map(|i| car(i).map(|c| c.partial)).collect()),
        ));
    }
    PlainTable {
        rows: rows.len(),
        columns,
    }
}

/// One row per lag k: pairs, ccf, band and whether it is outside.
pub fn leadlag_table(ll: &LeadLag) -> PlainTable {
    PlainTable {
        rows: ll.ccf.len(),
        columns: vec![
            (
                "k".to_string(),
                Cells::Integer(ll.ccf.iter().map(|b| Some(i64::from(b.k))).collect()),
            ),
            (
                "n".to_string(),
                Cells::Integer(ll.ccf.iter().map(|b| Some(b.n as i64)).collect()),
            ),
            (
                "ccf".to_string(),
                Cells::Number(ll.ccf.iter().map(|b| b.r).collect()),
            ),
            (
                "band".to_string(),
                Cells::Number(ll.ccf.iter().map(|b| b.band).collect()),
            ),
            (
                "significant".to_string(),
                Cells::Flag(ll.ccf.iter().map(|b| Some(b.significant)).collect()),
            ),
        ],
    }
}

/// `date`, then `<basket>` (rolling beta) and `<basket>_se` per basket, on
/// the union of their dates.
pub fn beta_table(betas: &[BasketBeta]) -> PlainTable {
    let mut dates: Vec<NaiveDate> = betas
        .iter()
        .flat_map(|b| b.rolling.iter().map(|p| p.date))
        .collect();
    dates.sort();
    dates.dedup();
    let mut columns = vec![(
        "date".to_string(),
        Cells::Date(dates.iter().map(|d| Some(*d)).collect()),
    )];
    for b in betas {
        let mut beta = vec![None; dates.len()];
        let mut se = vec![None; dates.len()];
        for p in &b.rolling {
            if let (Ok(at), Some(fit)) = (dates.binary_search(&p.date), p.fit) {
                beta[at] = Some(fit.beta);
                se[at] = Some(fit.se);
            }
        }
        columns.push((b.basket.to_string(), Cells::Number(beta)));
        columns.push((format!("{}_se", b.basket), Cells::Number(se)));
    }
    PlainTable {
        rows: dates.len(),
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_names_are_plain() {
        assert_eq!(window_name("car", (-1, 1)), "car_m1_p1");
        assert_eq!(window_name("t", (0, 10)), "t_0_p10");
    }
}
