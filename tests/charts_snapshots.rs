//! The chart and scatter panes on the demo data, at the pane sizes of a
//! 160×48 screen (90×22) and of an 80×24 one (40×10), read as text.

mod charts_support;

use charts_support::{d, demo_analysis, demo_markers, render, text};
use spillover::tui::panes::chart::{ChartView, render_chart};
use spillover::tui::panes::scatter::{ScatterView, render_scatter};
use spillover::tui::theme::{Theme, ThemeName};

/// A date in the April 2025 sell-off, for the cursor.
const CURSOR: &str = "2025-04-08";

fn chart(width: u16, height: u16, view: &ChartView) -> String {
    let analysis = demo_analysis();
    let theme = Theme::new(ThemeName::Dark, false);
    text(&render(width, height, |area, buf| {
        render_chart(area, buf, &analysis, view, &theme, true);
    }))
}

fn scatter(width: u16, height: u16, view: &ScatterView) -> String {
    let analysis = demo_analysis();
    let theme = Theme::new(ThemeName::Dark, false);
    text(&render(width, height, |area, buf| {
        render_scatter(area, buf, &analysis, view, &theme, false);
    }))
}

fn with_markers() -> ChartView {
    ChartView {
        markers: demo_markers(),
        ..ChartView::default()
    }
}

#[test]
fn chart_large() {
    insta::assert_snapshot!(chart(90, 22, &with_markers()));
}

#[test]
fn chart_large_cursor_log() {
    let view = ChartView {
        log_scale: true,
        cursor: Some(d(CURSOR)),
        ..with_markers()
    };
    insta::assert_snapshot!(chart(90, 22, &view));
}

#[test]
fn chart_large_hidden_series() {
    let view = ChartView {
        hidden: ["hstech".to_string(), "na-chain/alibaba".to_string()].into(),
        ..with_markers()
    };
    insta::assert_snapshot!(chart(90, 22, &view));
}

#[test]
fn chart_small() {
    insta::assert_snapshot!(chart(40, 10, &with_markers()));
}

#[test]
fn chart_small_cursor_log() {
    let view = ChartView {
        log_scale: true,
        cursor: Some(d(CURSOR)),
        ..with_markers()
    };
    insta::assert_snapshot!(chart(40, 10, &view));
}

#[test]
fn scatter_large() {
    insta::assert_snapshot!(scatter(90, 22, &ScatterView::default()));
}

#[test]
fn scatter_large_cursor() {
    let view = ScatterView {
        cursor: Some(d(CURSOR)),
    };
    insta::assert_snapshot!(scatter(90, 22, &view));
}

#[test]
fn scatter_small() {
    insta::assert_snapshot!(scatter(40, 10, &ScatterView::default()));
}

#[test]
fn scatter_small_cursor() {
    let view = ScatterView {
        cursor: Some(d(CURSOR)),
    };
    insta::assert_snapshot!(scatter(40, 10, &view));
}
