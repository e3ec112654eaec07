//! Issue 19 in the workstation: `g` in the baskets pane cycles members →
//! segments → breadth → rotation of the shown basket, `:segments` charts its
//! segment sub-indices; each follows the window and the as-of date. Flows
//! through `update` and snapshots at 80×24 and 160×48 (one without colour).

mod tui_support;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use spillover::compute::{PeriodKind, breadth, history_of, rotation, segment_study};
use spillover::tui::AppState;
use spillover::tui::state::BasketView;
use spillover::tui::theme::{Theme, ThemeName};
use spillover::tui::view;
use tui_support::{buffer_text, ch, demo_state, key, press, screen, type_text};

fn after(keys: &[KeyEvent]) -> AppState {
    let mut state = demo_state();
    press(&mut state, keys);
    state
}

fn command(state: &mut AppState, line: &str) {
    press(state, &[ch(':')]);
    type_text(state, line);
    press(state, &[key(KeyCode::Enter)]);
}

fn render(state: &AppState, width: u16, height: u16, theme: &Theme) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    view::render(area, &mut buf, state, theme);
    buf
}

#[test]
fn g_cycles_members_segments_breadth_rotation_and_back() {
    let mut state = demo_state();
    assert_eq!(state.basket_view(), BasketView::Members);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut state, &[ch('g')]);
        seen.push(state.basket_view());
    }
    assert_eq!(
        seen,
        [
            BasketView::Segments,
            BasketView::Breadth,
            BasketView::Rotation,
            BasketView::Members
        ]
    );
    // Only in the baskets pane: on the watchlist `g` is the first event.
    press(&mut state, &[ch('4'), ch('g')]);
    assert_eq!(state.basket_view(), BasketView::Members);
}

#[test]
fn the_segment_table_is_the_shown_baskets_and_its_total_is_the_window_return() {
    let state = after(&[ch('g')]);
    let d = state.shown_diffusion().expect("the demo's first basket");
    assert_eq!(d.basket, state.baskets()[0].id);
    let total: f64 = d.segments.rows.iter().map(|r| r.contribution).sum();
    let window_return = d.segments.window_return.expect("a window return");
    assert!((total - window_return).abs() < 1e-12);
    let text = screen(&state, 160, 48);
    assert!(text.contains("Segment"), "{text}");
    assert!(text.contains("total"), "{text}");
    // The total row shows the basket's window return as the summary does.
    let summary = state.analysis().unwrap().summaries[0].ret_window.unwrap();
    assert!(
        text.contains(&format!("{:+.1}%", summary * 100.0)),
        "{text}"
    );
    // The next basket's segments follow the tab.
    let mut state = state;
    press(&mut state, &[ch('l')]);
    assert_eq!(
        state.shown_diffusion().unwrap().basket,
        state.baskets()[1].id
    );
}

#[test]
fn the_views_are_what_compute_gives_for_the_window_and_the_as_of_date() {
    let mut state = after(&[ch('g')]);
    // A week back in time and a shorter range: recomputed with the analysis.
    press(&mut state, &[ch('{'), ch('[')]);
    let analysis = state.analysis().unwrap();
    let basket = &state.baskets()[0];
    let history = history_of(analysis, &basket.id).unwrap();
    let d = state.shown_diffusion().unwrap();
    let study = segment_study(basket, history, analysis.window);
    assert_eq!(d.segments.rows, study.rows);
    assert_eq!(Some(d.segments.as_of), state.as_of());
    let book = tui_support_book();
    assert_eq!(
        d.breadth.days,
        breadth(basket, &book, history, analysis.window).days
    );
    assert_eq!(d.rotation, rotation(&study));
    assert!(Some(d.breadth.days.last().unwrap().date) <= state.as_of());
}

/// The demo prices the demo state reads.
fn tui_support_book() -> spillover::domain::PriceBook {
    use spillover::domain::{PriceBook, PriceSeries};
    use spillover::store::demo::demo_prices;
    PriceBook {
        series: demo_prices()
            .into_iter()
            .map(|(symbol, table)| (symbol, PriceSeries::from_table(&table)))
            .collect(),
        problems: Vec::new(),
    }
}

#[test]
fn segments_toggles_the_chart_between_segments_and_baskets() {
    let mut state = demo_state();
    command(&mut state, "segments");
    assert!(state.segment_chart());
    press(&mut state, &[ch('2'), ch('z')]);
    let d = state.shown_diffusion().unwrap();
    let text = screen(&state, 160, 48);
    assert!(
        text.contains(&format!("Segments of {}", d.basket)),
        "{text}"
    );
    for segment in &d.segments.indices {
        assert!(
            text.contains(&segment.segment),
            "{segment:?} not in\n{text}"
        );
    }
    // Space hides a segment, not a basket.
    assert_eq!(state.chart_labels()[1], d.segments.indices[0].segment);
    command(&mut state, "segments");
    assert!(!state.segment_chart());
    assert!(screen(&state, 160, 48).contains("Index chart"));
}

#[test]
fn the_date_cursor_reads_out_the_segments() {
    let mut state = demo_state();
    command(&mut state, "segments");
    press(&mut state, &[ch('2'), ch(','), ch(',')]);
    let cursor = state.chart().cursor.expect("a cursor");
    let text = screen(&state, 160, 48);
    assert!(text.contains(&cursor.to_string()), "{text}");
}

#[test]
fn the_heat_map_is_coloured_by_sign_and_plain_without_colour() {
    let state = after(&[ch('g'), ch('g'), ch('g'), ch('z')]);
    let d = state.shown_diffusion().unwrap();
    let coloured = render(&state, 160, 48, &Theme::new(ThemeName::Dark, false));
    let plain = render(&state, 160, 48, &Theme::new(ThemeName::Dark, true));
    // The same signed numbers either way.
    assert_eq!(buffer_text(&coloured), buffer_text(&plain));
    let latest = d.rotation.cells[0]
        .last()
        .copied()
        .flatten()
        .expect("the first segment's latest cell");
    let number = format!("{:+.1}", latest * 100.0);
    let text = buffer_text(&coloured);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(&d.rotation.segments[0]) && l.contains(&number))
        .expect("the first segment's row");
    let x = line[..line.rfind(&number).unwrap()].chars().count();
    let (x, y) = (u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
    let bg = coloured[(x, y)].style().bg;
    match bg {
        Some(Color::Rgb(r, g, _)) if latest > 0.0 => assert!(g > r, "{bg:?}"),
        Some(Color::Rgb(r, g, _)) if latest < 0.0 => assert!(r > g, "{bg:?}"),
        _ => assert!(latest == 0.0, "{bg:?}"),
    }
    assert!(matches!(
        plain[(x, y)].style().bg,
        None | Some(Color::Reset)
    ));
}

#[test]
fn at_80x24_the_heat_map_keeps_the_latest_periods_that_fit() {
    let state = after(&[ch('g'), ch('g'), ch('g')]);
    let d = state.shown_diffusion().unwrap();
    let text = screen(&state, 80, 24);
    let last = d.rotation.periods.last().unwrap();
    let label = match d.rotation.kind {
        PeriodKind::Week => last.label.rsplit('-').next().unwrap().to_string(),
        PeriodKind::Month => last.start.format("%b").to_string(),
    };
    assert!(text.contains(&label), "{label} not in\n{text}");
    assert!(
        text.contains(&format!("of {}", d.rotation.periods.len())),
        "{text}"
    );
}

fn snapshot_of(keys: &[KeyEvent], width: u16, height: u16) -> String {
    screen(&after(keys), width, height)
}

#[test]
fn segments_view_80x24() {
    insta::assert_snapshot!(snapshot_of(&[ch('g')], 80, 24));
}

#[test]
fn segments_view_160x48() {
    insta::assert_snapshot!(snapshot_of(&[ch('g')], 160, 48));
}

#[test]
fn breadth_view_80x24() {
    insta::assert_snapshot!(snapshot_of(&[ch('g'), ch('g')], 80, 24));
}

#[test]
fn breadth_view_160x48() {
    insta::assert_snapshot!(snapshot_of(&[ch('g'), ch('g')], 160, 48));
}

#[test]
fn rotation_view_80x24() {
    insta::assert_snapshot!(snapshot_of(&[ch('g'), ch('g'), ch('g')], 80, 24));
}

#[test]
fn rotation_view_maximised_160x48() {
    insta::assert_snapshot!(snapshot_of(&[ch('g'), ch('g'), ch('g'), ch('z')], 160, 48));
}

#[test]
fn rotation_view_no_color_80x24() {
    let state = after(&[ch('g'), ch('g'), ch('g'), ch('z')]);
    let buf = render(&state, 80, 24, &Theme::new(ThemeName::Dark, true));
    insta::assert_snapshot!(buffer_text(&buf));
}

#[test]
fn segment_chart_80x24() {
    let mut state = demo_state();
    command(&mut state, "segments");
    insta::assert_snapshot!(screen(&state, 80, 24));
}

#[test]
fn segment_chart_maximised_160x48() {
    let mut state = demo_state();
    command(&mut state, "segments");
    press(&mut state, &[ch('2'), ch('z'), ch(','), ch(',')]);
    insta::assert_snapshot!(screen(&state, 160, 48));
}
