//! The figure layer as the workstation will call it: plain prepared data
//! and the options on screen (window, cursor, hidden series, theme); and
//! its place in the layers (no terminal, no polars, no store).

use chrono::NaiveDate;
use spillover::domain::Window;
use spillover::figure::{
    Figure, FigureError, FigureOptions, Format, Line, LineFigure, Theme, hex, render,
};

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Two lines over January 2025, one point a day: 1, 2, ... and 31, 30, ...
fn figure() -> LineFigure {
    let days: Vec<NaiveDate> = (1..=31).map(|k| d(&format!("2025-01-{k:02}"))).collect();
    let line = |id: &str, f: &dyn Fn(f64) -> f64| Line {
        id: id.to_string(),
        label: format!("Basket {id}"),
        points: days
            .iter()
            .enumerate()
            .map(|(i, day)| (*day, f(i as f64 + 1.0)))
            .collect(),
    };
    LineFigure {
        title: "Two lines".to_string(),
        subtitle: "January".to_string(),
        y_label: "level".to_string(),
        lines: vec![line("up", &|x| x), line("down", &|x| 32.0 - x)],
        events: Vec::new(),
        reference: None,
        fixed_range: None,
        span: (d("2025-01-01"), d("2025-01-31")),
        source: "spillover · test".to_string(),
    }
}

/// Point counts of the polylines drawn in `colour`.
fn polylines(svg: &str, colour: &str) -> Vec<usize> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some(colour))
        .map(|n| n.attribute("points").unwrap().split_whitespace().count())
        .collect()
}

fn svg(options: &FigureOptions) -> String {
    String::from_utf8(render(&Figure::Lines(figure()), options, Format::Svg).unwrap()).unwrap()
}

#[test]
fn the_window_on_screen_limits_the_points_and_the_axis() {
    let palette = Theme::Light.palette();
    let options = FigureOptions {
        window: Some(Window::new(d("2025-01-10"), d("2025-01-20")).unwrap()),
        cursor: Some(d("2025-01-15")),
        ..FigureOptions::default()
    };
    let text = svg(&options);
    // 10..=20 January: 11 points; the legend's sample is the 2-point line.
    assert_eq!(
        polylines(&text, &hex(palette.series(0))).into_iter().max(),
        Some(11)
    );
    assert!(text.contains(">\n2025-01-10\n<") && text.contains(">\n2025-01-20\n<"));
    assert!(text.contains(">\n2025-01-15\n<"), "the cursor's date");
}

#[test]
fn a_hidden_series_is_not_drawn_and_keeps_the_others_colours() {
    let palette = Theme::Dark.palette();
    let options = FigureOptions {
        hidden: vec!["up".to_string()],
        theme: Theme::Dark,
        ..FigureOptions::default()
    };
    let text = svg(&options);
    assert!(polylines(&text, &hex(palette.series(0))).is_empty());
    assert_eq!(
        polylines(&text, &hex(palette.series(1))).into_iter().max(),
        Some(31)
    );
    assert!(!text.contains("Basket up") && text.contains("Basket down"));
    assert!(text.contains(&format!("fill=\"{}\"", hex(palette.background))));
}

#[test]
fn a_size_out_of_range_is_refused() {
    let options = FigureOptions {
        width: 100,
        ..FigureOptions::default()
    };
    assert!(matches!(
        render(&Figure::Lines(figure()), &options, Format::Png),
        Err(FigureError::Size { width: 100, .. })
    ));
}

#[test]
fn the_figure_layer_imports_no_terminal_no_polars_no_store() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/figure");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for banned in [
            "ratatui",
            "crossterm",
            "polars",
            "crate::store",
            "crate::tui",
            "crate::cli",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
}
