//! The note's exhibits inside the chains: the first pair basket's segment
//! sub-indices and rotation, and the breadth of the first two pair baskets.

use super::diffusion::{breadth_of, segments_of};
use super::note_figure::{Drawn, drawn_figure};
use crate::compute::{Analysis, Breadth, Rotation, SegmentStudy, rotation};
use crate::domain::BasketId;
use crate::figure::Figure;
use crate::figure::diffusion;
use crate::figure::prepare::Inputs;
use crate::store::Workspace;

fn share(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |v| format!("{:.0}%", v * 100.0))
}

fn segments_caption(study: &SegmentStudy) -> String {
    let mut rows: Vec<_> = study.rows.iter().collect();
    rows.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
    let each: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {:+.1} pp", r.segment, r.contribution * 100.0))
        .collect();
    format!(
        "The basket returned {} over the window; the segments' contributions (they add up to it): {}.",
        study
            .window_return
            .map_or_else(|| "n/a".to_string(), |r| format!("{:+.1}%", r * 100.0)),
        each.join(", ")
    )
}

fn rotation_caption(rotation: &Rotation) -> String {
    // Which segment led (the largest excess return) in how many periods.
    let mut led = vec![0usize; rotation.segments.len()];
    for p in 0..rotation.periods.len() {
        let best = (0..rotation.segments.len())
            .filter_map(|s| rotation.cells[s][p].map(|v| (s, v)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((s, _)) = best {
            led[s] += 1;
        }
    }
    let mut order: Vec<usize> = (0..led.len()).collect();
    order.sort_by_key(|s| std::cmp::Reverse(led[*s]));
    let each: Vec<String> = order
        .iter()
        .filter(|s| led[**s] > 0)
        .map(|s| format!("{} {}", rotation.segments[*s], led[*s]))
        .collect();
    format!(
        "Segment minus basket return per {}; periods led, of {}: {}.",
        serde_json::to_value(rotation.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        rotation.periods.len(),
        each.join(", ")
    )
}

fn breadth_caption(breadth: &Breadth) -> String {
    let Some(last) = breadth.days.last() else {
        return "No index date in the window.".to_string();
    };
    let mean = |f: fn(&crate::compute::BreadthDay) -> Option<f64>| {
        let v: Vec<f64> = breadth.days.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    format!(
        "On {}: {} of {} members above their 60-day mean (window average {}), {} up over 20 sessions, {} at a 60-session high.",
        last.date,
        share(last.above_ma60),
        last.members,
        share(mean(|d| d.above_ma60)),
        share(last.positive_20d),
        last.highs_60d
    )
}

/// The exhibits, or why one could not be drawn (into `missing`).
pub fn exhibits(
    ws: &Workspace,
    a: &Analysis,
    inputs: &Inputs<'_>,
    pair: &[BasketId; 3],
    missing: &mut Vec<String>,
) -> anyhow::Result<Vec<Drawn>> {
    let mut drawn = Vec::new();
    match segments_of(ws, a, Some(&pair[0])) {
        Ok(study) => {
            let caption = segments_caption(&study);
            match diffusion::segments(inputs, &study) {
                Ok(f) => drawn.push(drawn_figure(Figure::Lines(f), "segments", caption)?),
                Err(why) => missing.push(format!("No segments: {why}")),
            }
            let rotation = rotation(&study);
            let caption = rotation_caption(&rotation);
            match diffusion::rotation(inputs, &rotation) {
                Ok(f) => drawn.push(drawn_figure(Figure::Heat(f), "rotation", caption)?),
                Err(why) => missing.push(format!("No rotation: {why}")),
            }
        }
        Err(why) => missing.push(format!("No segments or rotation: {why}")),
    }
    for id in &pair[..2] {
        let result = breadth_of(ws, a, Some(id)).and_then(|b| {
            let caption = breadth_caption(&b);
            let figure = diffusion::breadth(inputs, &b)?;
            drawn_figure(Figure::Lines(figure), &format!("breadth-{id}"), caption)
        });
        match result {
            Ok(d) => drawn.push(d),
            Err(why) => missing.push(format!("No breadth of {id}: {why}")),
        }
    }
    Ok(drawn)
}
