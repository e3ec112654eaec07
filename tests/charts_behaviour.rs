//! What the chart and scatter panes say, on small hand-made analyses whose
//! numbers are worked out by hand, and that they draw anything without
//! panicking.

mod charts_support;

use charts_support::{
    analysis, d, demo_analysis, empty_analysis, index, ratio, render, stats_none, text,
};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use spillover::compute::{Analysis, ScatterPoint};
use spillover::tui::panes::chart::{ChartView, render_chart};
use spillover::tui::panes::scatter::{ScatterView, render_scatter};
use spillover::tui::theme::Theme;

/// Basket a from 2025-01-02, basket b listed on 01-06; window from 01-03.
fn two_baskets() -> Analysis {
    analysis(
        ("2025-01-03", "2025-01-31"),
        vec![
            index(
                "a",
                &[
                    ("2025-01-02", 1000.0),
                    ("2025-01-03", 1100.0),
                    ("2025-01-06", 1210.0),
                    ("2025-01-07", 990.0),
                ],
            ),
            index("b", &[("2025-01-06", 500.0), ("2025-01-07", 550.0)]),
        ],
        vec![ratio(
            "a",
            "b",
            &[("2025-01-06", 2.42), ("2025-01-07", 1.8)],
        )],
        Vec::new(),
    )
}

fn chart_text(analysis: &Analysis, view: &ChartView, width: u16, height: u16) -> String {
    let theme = Theme::monochrome();
    text(&render(width, height, |area, buf| {
        render_chart(area, buf, analysis, view, &theme, false);
    }))
}

fn scatter_text(analysis: &Analysis, view: &ScatterView, width: u16, height: u16) -> String {
    let theme = Theme::monochrome();
    text(&render(width, height, |area, buf| {
        render_scatter(area, buf, analysis, view, &theme, false);
    }))
}

#[test]
fn legend_reads_latest_values_rebased_at_the_window_start() {
    // a: the window starts on 01-03 at 1100 = 100; latest 990/1100*100 = 90.0.
    // b: starts on 01-06 at 500 = 100; latest 550/500*100 = 110.0.
    // a/b: 2.42 = 1.0 at its first date; latest 1.8/2.42 = 0.7438.
    let screen = chart_text(&two_baskets(), &ChartView::default(), 60, 16);
    assert!(screen.contains("━ a 90.0  ━ b 110.0"), "{screen}");
    assert!(screen.contains("━ a/b 0.744"), "{screen}");
}

#[test]
fn cursor_reads_every_series_on_its_date_carrying_the_last_value() {
    // Saturday 01-04 has no row: a carries 01-03's 1100 = 100.0; b has not
    // started ("–"); the ratio has not started either.
    let view = ChartView {
        cursor: Some(d("2025-01-04")),
        ..ChartView::default()
    };
    let screen = chart_text(&two_baskets(), &view, 60, 16);
    assert!(screen.contains("2025-01-04  ━ a 100.0  ━ b –"), "{screen}");
    assert!(screen.contains("━ a/b –"), "{screen}");
    // Tuesday 01-07 itself: a 990/1100 = 90.0, b 110.0, a/b 0.744.
    let view = ChartView {
        cursor: Some(d("2025-01-07")),
        ..ChartView::default()
    };
    let screen = chart_text(&two_baskets(), &view, 60, 16);
    assert!(
        screen.contains("2025-01-07  ━ a 90.0  ━ b 110.0"),
        "{screen}"
    );
    // The cursor's date is also written under the axis.
    let last_rows: Vec<&str> = screen.lines().rev().take(3).collect();
    assert!(
        last_rows.iter().any(|row| row.contains("2025-01-07")),
        "{screen}"
    );
}

#[test]
fn hidden_series_are_marked_in_the_legend() {
    let view = ChartView {
        hidden: ["b".to_string()].into(),
        ..ChartView::default()
    };
    let screen = chart_text(&two_baskets(), &view, 60, 16);
    assert!(screen.contains("━ a 90.0  ╌ b hidden"), "{screen}");
}

#[test]
fn earnings_markers_inside_the_window_are_on_the_date_axis() {
    let view = ChartView {
        markers: vec![
            (d("2025-01-16"), "BABA".into()),
            // After the window: not drawn.
            (d("2025-02-10"), "JD".into()),
        ],
        ..ChartView::default()
    };
    let screen = chart_text(&two_baskets(), &view, 60, 16);
    let axis = screen
        .lines()
        .find(|row| row.contains('└'))
        .expect("the axis line is drawn");
    assert!(axis.contains('B'), "{axis}");
    assert!(!screen.contains('J'), "{screen}");
}

#[test]
fn scatter_shows_na_for_statistics_that_cannot_be_computed() {
    // Two points: no r, no fit, no change r (METHODOLOGY: fewer than 3).
    let points = vec![
        ScatterPoint {
            date: d("2025-01-06"),
            x: 1.0,
            y: 1.0,
        },
        ScatterPoint {
            date: d("2025-01-07"),
            x: 1.1,
            y: 0.9,
        },
    ];
    let analysis = analysis(("2025-01-01", "2025-01-31"), Vec::new(), Vec::new(), points);
    assert_eq!(analysis.scatter.stats, stats_none(2));
    let wide = scatter_text(&analysis, &ScatterView::default(), 90, 22);
    for name in ["levels r", "slope", "intercept", "R²", "log-chg r"] {
        let row = wide
            .lines()
            .find(|row| row.contains(name))
            .unwrap_or_else(|| panic!("{name} is shown:\n{wide}"));
        assert!(
            row.trim_end_matches('│').trim_end().ends_with("n/a"),
            "{row}"
        );
    }
    assert!(wide.contains("rolling r (W=60) n/a"), "{wide}");
    let narrow = scatter_text(&analysis, &ScatterView::default(), 40, 10);
    assert!(narrow.contains("r n/a · R² n/a · Δr n/a · n 2"), "{narrow}");
    for screen in [wide, narrow] {
        assert!(!screen.contains("NaN"), "{screen}");
        assert!(!screen.contains("0.000"), "{screen}");
    }
}

#[test]
fn scatter_reads_the_cursor_point_and_the_latest_one() {
    let analysis = demo_analysis();
    let last = *analysis.scatter.points.last().expect("the demo has points");
    let view = ScatterView {
        cursor: Some(d("2025-04-08")),
    };
    let screen = scatter_text(&analysis, &view, 90, 22);
    assert!(screen.contains(&last.date.to_string()), "{screen}");
    assert!(screen.contains("2025-04-08"), "{screen}");
    assert!(screen.contains('●') && screen.contains('◆'), "{screen}");
}

#[test]
fn empty_analyses_say_there_is_nothing_to_draw() {
    let empty = empty_analysis();
    let chart = chart_text(&empty, &ChartView::default(), 60, 16);
    assert!(chart.contains("no data in the window"), "{chart}");
    let scatter = scatter_text(&empty, &ScatterView::default(), 60, 16);
    assert!(scatter.contains("no points in the window"), "{scatter}");
}

/// Draws both panes into `area` of a `width`×`height` buffer.
fn draw_both(analysis: &Analysis, area: Rect, width: u16, height: u16, log: bool) {
    let theme = Theme::monochrome();
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let cursor = Some(d("2025-03-03"));
    let chart = ChartView {
        log_scale: log,
        cursor,
        markers: vec![(d("2025-03-20"), "TCEHY".into())],
        ..ChartView::default()
    };
    render_chart(area, &mut buf, analysis, &chart, &theme, true);
    render_scatter(
        area,
        &mut buf,
        analysis,
        &ScatterView { cursor },
        &theme,
        true,
    );
}

#[test]
fn small_sizes_never_panic() {
    let analyses = [demo_analysis(), empty_analysis(), two_baskets()];
    for analysis in &analyses {
        for width in 0..=30 {
            for height in 0..=20 {
                draw_both(
                    analysis,
                    Rect::new(0, 0, width, height),
                    width,
                    height,
                    true,
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_size_up_to_200_by_60_never_panics(
        width in 0u16..=200,
        height in 0u16..=60,
        x in 0u16..10,
        y in 0u16..10,
        log in any::<bool>(),
        which in 0usize..3,
    ) {
        let analysis = match which {
            0 => demo_analysis(),
            1 => empty_analysis(),
            _ => two_baskets(),
        };
        // The pane's area may reach past the buffer: it is clipped.
        draw_both(&analysis, Rect::new(x, y, width, height), width, height, log);
    }
}

#[test]
fn date_labels_neither_repeat_nor_touch_on_short_windows() {
    for (start, end) in [
        ("2025-01-01", "2025-05-07"),
        ("2025-02-07", "2025-05-07"),
        ("2025-04-07", "2025-05-07"),
    ] {
        let analysis = charts_support::analysis(
            (start, end),
            vec![charts_support::index(
                "a",
                &[(start, 100.0), ("2025-04-08", 110.0), (end, 120.0)],
            )],
            Vec::new(),
            Vec::new(),
        );
        let buf = charts_support::render(160, 22, |area, buf| {
            render_chart(
                area,
                buf,
                &analysis,
                &ChartView::default(),
                &Theme::monochrome(),
                false,
            )
        });
        let screen = charts_support::text(&buf);
        let date_row = screen
            .lines()
            .rev()
            .find(|l| l.contains("2025-0"))
            .expect("a row of date labels");
        let labels: Vec<&str> = date_row
            .split(|c: char| !(c.is_ascii_digit() || c == '-'))
            .filter(|w| w.starts_with("2025-"))
            .collect();
        assert!(labels.len() >= 2, "{date_row}");
        for pair in labels.windows(2) {
            assert_ne!(pair[0], pair[1], "a repeated label in {date_row:?}");
        }
        for label in &labels {
            assert!(
                label.len() == 7 || label.len() == 10,
                "labels run together in {date_row:?}"
            );
        }
    }
}
