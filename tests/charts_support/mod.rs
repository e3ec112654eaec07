//! Shared by the chart and scatter pane tests: the demo analysis, small
//! hand-made analyses, and a buffer read back as text.

#![allow(dead_code, reason = "each test file uses part of the support")]

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use spillover::compute::{
    Analysis, IndexSeries, RatioSeries, Request, Scatter, ScatterPoint, ScatterStats, analyse,
};
use spillover::domain::{BasketId, Method, Window};
use spillover::domain::{PriceBook, PriceSeries};
use spillover::store::demo::{default_baskets, default_watchlist, demo_prices};

pub fn d(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

/// The research note's date: the demo opens on it.
pub const NOTE_DATE: &str = "2025-05-07";

/// The default baskets on the demo prices, one year to the note's date.
pub fn demo_analysis() -> Analysis {
    let mut book = PriceBook::default();
    for (symbol, table) in demo_prices() {
        book.series.insert(symbol, PriceSeries::from_table(&table));
    }
    let request = Request {
        as_of: Some(d(NOTE_DATE)),
        ..Request::default()
    };
    analyse(&default_baskets(), &book, &request).expect("the demo data analyses")
}

/// The demo watchlist's events as chart markers, labelled by company name.
pub fn demo_markers() -> Vec<(NaiveDate, String)> {
    default_watchlist()
        .events
        .iter()
        .map(|e| (e.date, e.name.clone()))
        .collect()
}

pub fn id(text: &str) -> BasketId {
    BasketId::parse(text).expect("test ids are valid")
}

pub fn index(basket: &str, points: &[(&str, f64)]) -> IndexSeries {
    IndexSeries {
        basket: id(basket),
        method: Method::Equal,
        dates: points.iter().map(|(date, _)| d(date)).collect(),
        levels: points.iter().map(|&(_, level)| level).collect(),
        eligible: vec![1; points.len()],
    }
}

pub fn ratio(a: &str, b: &str, points: &[(&str, f64)]) -> RatioSeries {
    RatioSeries {
        label: format!("{a}/{b}"),
        numerator: id(a),
        denominator: id(b),
        dates: points.iter().map(|(date, _)| d(date)).collect(),
        values: points.iter().map(|&(_, value)| value).collect(),
    }
}

/// Statistics that could not be computed at all.
pub fn stats_none(n: usize) -> ScatterStats {
    ScatterStats {
        n,
        n_changes: n.saturating_sub(1),
        levels_r: None,
        slope: None,
        intercept: None,
        r_squared: None,
        changes_r: None,
    }
}

/// An analysis of `indices` and `ratios` over a window, with a scatter of
/// `points` whose statistics are all n/a.
pub fn analysis(
    window: (&str, &str),
    indices: Vec<IndexSeries>,
    ratios: Vec<RatioSeries>,
    points: Vec<ScatterPoint>,
) -> Analysis {
    let window = Window::new(d(window.0), d(window.1)).expect("test windows are ordered");
    Analysis {
        demo_mix: Default::default(),
        as_of: window.end,
        window,
        indices,
        summaries: Vec::new(),
        ratios,
        scatter: Scatter {
            x_label: "a/b".into(),
            y_label: "a/c".into(),
            stats: stats_none(points.len()),
            points,
            roll_window: 60,
            rolling: Vec::new(),
        },
        members: Vec::new(),
        pair_problem: None,
        histories: Default::default(),
    }
}

/// An analysis with nothing in it: no series, no points.
pub fn empty_analysis() -> Analysis {
    analysis(
        ("2025-01-01", "2025-05-07"),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    )
}

/// Renders into a fresh buffer of `width`×`height` and returns it.
pub fn render(width: u16, height: u16, draw: impl FnOnce(Rect, &mut Buffer)) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    draw(area, &mut buf);
    buf
}

/// The buffer's symbols, one line per row, trailing spaces kept so the
/// right border shows where the pane ends.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
