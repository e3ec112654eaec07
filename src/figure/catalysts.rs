//! The event-study and lead-lag figures, from the same computations as
//! `spillover events` and `spillover leadlag` (`export --what events|leadlag`).

use super::FigureError;
use super::data::{Bar, BarFigure, PathFigure, PathLine};
use super::prepare::Inputs;
use crate::compute::{EventOutcome, EventStudy, Granger, LeadLag, Leader};

/// The event to draw: number `n`, else the latest whose path has numbers
/// by the as-of date.
pub fn pick(study: &EventStudy, number: Option<usize>) -> Result<&EventOutcome, FigureError> {
    let has_path = |e: &&EventOutcome| {
        !e.after_as_of
            && e.series
                .iter()
                .any(|s| s.path.iter().any(|p| p.car.is_some()))
    };
    match number {
        Some(n) => study
            .events
            .iter()
            .find(|e| e.number == n)
            .ok_or_else(|| FigureError::Nothing(format!("event {n} is not in the study"))),
        None => study
            .events
            .iter()
            .filter(has_path)
            .max_by_key(|e| (e.first_session, e.number))
            .ok_or_else(|| {
                FigureError::Nothing(format!(
                    "no report has a reaction by {}; pick a later --as-of",
                    study.as_of
                ))
            }),
    }
}

/// Each series' CAR(−5, τ) around one report (`--event N`, else the latest
/// with a reaction by the as-of date).
pub fn events(
    inputs: &Inputs<'_>,
    study: &EventStudy,
    number: Option<usize>,
) -> Result<PathFigure, FigureError> {
    let event = pick(study, number)?;
    if event.after_as_of {
        return Err(FigureError::Nothing(format!(
            "event {} ({} on {}) reacts on {}, after the as-of date {}",
            event.number, event.name, event.date, event.first_session, study.as_of
        )));
    }
    let baskets = inputs.baskets;
    let mut ratio_colour = baskets.len();
    let lines = event
        .series
        .iter()
        .map(|s| {
            let colour = baskets
                .iter()
                .position(|b| b.id.as_str() == s.series)
                .unwrap_or_else(|| {
                    ratio_colour += 1;
                    ratio_colour - 1
                });
            PathLine {
                id: s.series.clone(),
                label: if s.relative {
                    inputs.ratio_name(&s.series)
                } else {
                    inputs.name_of(&s.series)
                },
                colour,
                points: s
                    .path
                    .iter()
                    .filter_map(|p| p.car.map(|c| (p.tau, c)))
                    .collect(),
            }
        })
        .collect();
    Ok(PathFigure {
        title: format!(
            "Around {} {} results ({}, {})",
            event.name, event.period, event.date, event.session
        ),
        subtitle: format!(
            "Cumulative abnormal return from τ = −5: each basket less {} ({} model); a ratio is already relative",
            inputs.name_of(study.benchmark.as_str()),
            study.model
        ),
        y_label: "CAR(−5, τ)".to_string(),
        lines,
        day0: if event.calendar_estimated {
            format!("day 0 = {} (est. calendar)", event.first_session)
        } else {
            format!("day 0 = {}", event.first_session)
        },
        source: inputs.source_line(),
    })
}

fn granger_text(g: &Granger) -> String {
    match (g.f, g.p_value) {
        (Some(f), Some(p)) => format!("{} → {}: F {f:.2}, p {p:.3}", g.cause, g.effect),
        _ => format!("{} → {}: n/a", g.cause, g.effect),
    }
}

/// The verdict in words.
pub fn leader_text(ll: &LeadLag) -> String {
    match ll.leader() {
        Leader::X => format!("{} leads", ll.x),
        Leader::Y => format!("{} leads", ll.y),
        Leader::Both => "feedback both ways".to_string(),
        Leader::Neither => "neither leads at 5%".to_string(),
    }
}

/// The Granger tests and verdict in one line.
pub fn granger_line(ll: &LeadLag) -> String {
    format!(
        "Granger ({} lags): {}; {}; verdict: {}",
        ll.x_to_y.lags,
        granger_text(&ll.x_to_y),
        granger_text(&ll.y_to_x),
        leader_text(ll)
    )
}

/// The cross-correlations r(k) with their bands, the Granger tests above.
pub fn leadlag(inputs: &Inputs<'_>, ll: &LeadLag) -> BarFigure {
    BarFigure {
        title: format!("Lead-lag of the two ratios: {} and {}", ll.x, ll.y),
        subtitle: format!(
            "r(k) = corr(x(t), y(t+k)) of daily log changes, x = {}, y = {}, N = {}; k > 0: x moves first\n{}",
            ll.x,
            ll.y,
            ll.changes,
            granger_line(ll)
        ),
        x_label: "k, trading days".to_string(),
        y_label: "cross-correlation r(k)".to_string(),
        bars: ll
            .ccf
            .iter()
            .map(|b| Bar {
                k: b.k,
                value: b.r,
                band: b.band,
            })
            .collect(),
        source: inputs.source_line(),
    }
}
