//! Whole flows: keys (or commands) in, state and screen out, on the demo.

mod tui_support;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use spillover::compute::WindowChoice;
use spillover::domain::RangePreset;
use spillover::tui::effect::Effect;
use spillover::tui::keymap::BINDINGS;
use spillover::tui::run::run_loop;
use spillover::tui::state::{AppState, Mode, Pane};
use spillover::tui::view;
use tui_support::{ch, demo_state, key, press, screen, theme, type_text};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn first_index_date(state: &AppState) -> NaiveDate {
    state.analysis.as_ref().unwrap().indices[0].dates[0]
}

fn scatter_n(state: &AppState) -> usize {
    state.analysis.as_ref().unwrap().scatter.stats.n
}

/// Every `YYYY-MM-DD` in `text`.
fn dates_in(text: &str) -> Vec<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(9))
        .filter_map(|i| {
            NaiveDate::parse_from_str(&chars[i..i + 10].iter().collect::<String>(), "%Y-%m-%d").ok()
        })
        .collect()
}

/// The text of one rectangle of the screen.
fn region(state: &AppState, width: u16, height: u16, rect: Rect) -> String {
    let full = screen(state, width, height);
    full.lines()
        .skip(usize::from(rect.y))
        .take(usize::from(rect.height))
        .map(|line| {
            line.chars()
                .skip(usize::from(rect.x))
                .take(usize::from(rect.width))
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn the_demo_opens_at_the_research_note_date_in_replay() {
    let state = demo_state();
    assert_eq!(state.as_of(), Some(d("2025-05-07")));
    assert!(state.is_replay(), "the demo prices run to June 2025");
    assert_eq!(state.preset(), Some(RangePreset::Y1));
    let text = screen(&state, 160, 48);
    assert!(text.contains("as of 2025-05-07 · replay"), "{text}");
    assert!(text.contains("DEMO"));
}

#[test]
fn a_shorter_range_moves_the_first_date_and_shrinks_the_scatter() {
    let mut state = demo_state();
    let (first, n) = (first_index_date(&state), scatter_n(&state));
    // 1Y on 2025-05-07 starts on 2024-05-07, a Tuesday and a trading day.
    assert_eq!(first, d("2024-05-07"));
    press(&mut state, &[ch('[')]);
    assert_eq!(state.preset(), Some(RangePreset::Ytd));
    // 2025-01-01 is a holiday: the first index date is Thursday 2025-01-02.
    assert_eq!(first_index_date(&state), d("2025-01-02"));
    let n_ytd = scatter_n(&state);
    assert!(
        n_ytd < n,
        "YTD points ({n_ytd}) are fewer than a year's ({n})"
    );
    press(&mut state, &[ch('[')]);
    assert_eq!(state.preset(), Some(RangePreset::M6));
    // 6M starts 2024-11-07 (a Thursday): the first index date is that day.
    assert_eq!(first_index_date(&state), d("2024-11-07"));
    let n6 = scatter_n(&state);
    assert!(
        n6 < n && n6 > n_ytd,
        "6 months of points ({n6}): fewer than a year's ({n}), more than YTD"
    );
    assert!(screen(&state, 160, 48).contains("6M 2024-11-07..2025-05-07"));
    // `]` twice goes back to 1Y, giving the same numbers as before.
    press(&mut state, &[ch(']'), ch(']')]);
    assert_eq!((first_index_date(&state), scatter_n(&state)), (first, n));
}

#[test]
fn zoom_and_pan_keep_the_window_inside_the_data() {
    let mut state = demo_state();
    press(&mut state, &[ch('+')]);
    let w = state.analysis.as_ref().unwrap().window;
    // The 1Y window spans 365 days; half of it (182) back from the end.
    assert_eq!((w.start, w.end), (d("2024-11-06"), d("2025-05-07")));
    press(&mut state, &[ch('2'), key(KeyCode::Left)]);
    let w = state.analysis.as_ref().unwrap().window;
    // A quarter of 182 days (45) earlier, same length: 2024-09-22 + 182 days.
    assert_eq!((w.start, w.end), (d("2024-09-22"), d("2025-03-23")));
    press(
        &mut state,
        &[
            key(KeyCode::Right),
            key(KeyCode::Right),
            key(KeyCode::Right),
        ],
    );
    assert_eq!(
        state.analysis.as_ref().unwrap().window.end,
        d("2025-05-07"),
        "never past the as-of date"
    );
}

#[test]
fn stepping_the_as_of_back_a_week_changes_every_pane_and_hides_later_data() {
    let mut state = demo_state();
    let last_point = |s: &AppState| {
        s.analysis
            .as_ref()
            .unwrap()
            .scatter
            .points
            .last()
            .unwrap()
            .date
    };
    assert_eq!(last_point(&state), d("2025-05-07"));
    assert!(
        screen(&state, 160, 48).contains("in 6 days"),
        "JD reports 2025-05-13"
    );

    press(&mut state, &[ch('{')]);
    // 2025-05-07 minus 7 days is 2025-04-30, a trading day in both markets.
    assert_eq!(state.as_of(), Some(d("2025-04-30")));
    assert_eq!(last_point(&state), d("2025-04-30"));
    let analysis = state.analysis.as_ref().unwrap();
    assert!(
        analysis
            .indices
            .iter()
            .flat_map(|s| &s.dates)
            .all(|t| *t <= d("2025-04-30"))
    );
    let text = screen(&state, 160, 48);
    assert!(text.contains("as of 2025-04-30 · replay"));
    assert!(
        text.contains("in 13 days"),
        "JD is now 13 days away:\n{text}"
    );
    // Nothing after the as-of date is drawn by the chart, scatter or tables;
    // only the watchlist lists upcoming events by design.
    let at = view::areas(Rect::new(0, 0, 160, 48), &state);
    for rect in [at.baskets, at.chart, at.scatter, at.status] {
        let shown = region(&state, 160, 48, rect);
        assert!(
            dates_in(&shown).iter().all(|t| *t <= d("2025-04-30")),
            "{shown}"
        );
    }
    // `0` returns to the latest data: 2025-06-30, no replay.
    press(&mut state, &[ch('0')]);
    assert_eq!(state.as_of(), Some(d("2025-06-30")));
    assert!(!state.is_replay());
}

#[test]
fn a_day_back_skips_to_the_previous_date_with_data() {
    let mut state = demo_state();
    press(&mut state, &[ch('<')]);
    // 2025-05-07 is a Wednesday: the previous session is Tuesday 2025-05-06.
    assert_eq!(state.as_of(), Some(d("2025-05-06")));
    press(&mut state, &[ch('>')]);
    assert_eq!(state.as_of(), Some(d("2025-05-07")));
}

#[test]
fn selecting_an_event_puts_the_cursor_on_the_first_reacting_hk_session() {
    let mut state = demo_state();
    press(&mut state, &[ch('4'), ch('g')]);
    assert_eq!(state.focus, Pane::Watchlist);
    // Down past the four January-February US reports to #5.
    press(&mut state, &[ch('j'), ch('j'), ch('j'), ch('j')]);
    // Alibaba reported 2025-02-20 after the close: HK reacts Friday 2025-02-21.
    assert_eq!(
        state.watchlist.events[state.event_row].date,
        d("2025-02-20")
    );
    assert_eq!(state.chart.cursor, Some(d("2025-02-21")));
    // Past Oracle's 2025-03-10 report to #7.
    press(&mut state, &[ch('j'), ch('j')]);
    // Tencent 2025-03-19 after the close: Thursday 2025-03-20.
    assert_eq!(state.chart.cursor, Some(d("2025-03-20")));
    // The chart reads the cursor date out.
    assert!(screen(&state, 160, 48).contains("2025-03-20"));
    // Down to #11, Amazon 2025-05-01 after the New York close: the HK
    // session that follows is Friday 2025-05-02.
    press(&mut state, &[ch('j'), ch('j'), ch('j'), ch('j')]);
    assert_eq!(state.chart.cursor, Some(d("2025-05-02")));
    // An event after the as-of date cannot move the cursor into the future.
    press(&mut state, &[ch('j')]);
    assert_eq!(state.chart.cursor, Some(d("2025-05-02")));
    assert!(
        state.message.as_ref().unwrap().text.contains("2025-05-14"),
        "JD reacts 2025-05-14"
    );
}

#[test]
fn the_detail_view_shows_the_outcome_only_once_the_event_is_reached() {
    let mut state = demo_state();
    // Select Alibaba's 2025-05-15 release (after the as-of date).
    let row = state
        .watchlist
        .events
        .iter()
        .position(|e| e.date == d("2025-05-15") && e.symbol.as_str() == "9988.HK")
        .unwrap();
    press(&mut state, &[ch('4'), ch('g')]);
    for _ in 0..row {
        press(&mut state, &[ch('j')]);
    }
    press(&mut state, &[key(KeyCode::Enter)]);
    assert_eq!(state.mode(), Mode::Detail);
    let text = screen(&state, 160, 48);
    assert!(
        text.contains("not known yet: the results come 2025-05-15"),
        "{text}"
    );
    assert!(!text.contains("Cloud +18%"));
    assert!(text.contains("2025-05-16"), "HK reacts the next day");
    press(
        &mut state,
        &[key(KeyCode::Esc), ch('0'), key(KeyCode::Enter)],
    );
    assert!(screen(&state, 160, 48).contains("Cloud +18%"));
}

#[test]
fn help_lists_every_binding_of_the_keymap() {
    let mut state = demo_state();
    press(&mut state, &[ch('?')]);
    assert_eq!(state.mode(), Mode::Help);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&state, 160, 48));
        press(&mut state, &[ch('j')]);
    }
    for binding in BINDINGS {
        let row = format!("{:<13}{}", binding.keys_label(), binding.help);
        assert!(seen.contains(&row), "help lacks {row:?}");
    }
    press(&mut state, &[key(KeyCode::Esc)]);
    assert_eq!(state.mode(), Mode::Normal);
}

#[test]
fn every_size_draws_without_panic_and_resizing_back_restores_the_screen() {
    let mut state = demo_state();
    let big = screen(&state, 160, 48);
    let small = screen(&state, 80, 24);
    assert!(
        small
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) == 80),
        "{small}"
    );
    assert_eq!(screen(&state, 160, 48), big);
    for overlay in [
        &[][..],
        &[ch('z')][..],
        &[ch('z'), ch('?')][..],
        &[key(KeyCode::Esc), ch('4'), key(KeyCode::Enter)][..],
    ] {
        press(&mut state, overlay);
        for (w, h) in [
            (0, 0),
            (1, 1),
            (10, 4),
            (20, 5),
            (33, 7),
            (80, 24),
            (200, 60),
        ] {
            let _ = screen(&state, w, h);
        }
    }
}

#[test]
fn bad_commands_say_why_and_change_nothing() {
    let mut state = demo_state();
    let before = (state.request.clone(), state.analysis.clone());
    for bad in [
        "frobnicate",
        "window 2025-06-01..2024-01-01",
        "window yesterday",
        "asof 1999-01-01",
        "method median",
        "base 2020-01-02",
        "pair na-chain nowhere hstech",
        "pair na-chain",
        "roll 1",
        "range 2w",
    ] {
        press(&mut state, &[ch(':')]);
        type_text(&mut state, bad);
        press(&mut state, &[key(KeyCode::Enter)]);
        let message = state
            .message
            .clone()
            .unwrap_or_else(|| panic!(":{bad} gave no message"));
        assert!(message.error, ":{bad}");
        let start: String = message.text.chars().take(20).collect();
        assert!(screen(&state, 160, 48).contains(&start), ":{bad}");
        assert_eq!(
            (state.request.clone(), state.analysis.clone()),
            before,
            ":{bad} changed something"
        );
        assert_eq!(state.mode(), Mode::Normal);
    }
}

#[test]
fn commands_change_the_inputs_and_complete_names() {
    let mut state = demo_state();
    press(&mut state, &[ch(':')]);
    type_text(&mut state, "pa");
    press(&mut state, &[key(KeyCode::Tab)]);
    assert_eq!(state.command_line(), "pair ");
    type_text(&mut state, "na");
    press(&mut state, &[key(KeyCode::Tab)]);
    assert_eq!(state.command_line(), "pair na-chain ");
    type_text(&mut state, "domestic-chain hs");
    press(&mut state, &[key(KeyCode::Tab), key(KeyCode::Enter)]);
    assert_eq!(
        state.analysis.as_ref().unwrap().scatter.y_label,
        "na-chain/hstech"
    );

    press(&mut state, &[ch(':')]);
    type_text(&mut state, "window 2024-06-01..2025-05-07");
    press(&mut state, &[key(KeyCode::Enter)]);
    assert!(matches!(state.request.range, WindowChoice::Explicit(_)));
    assert_eq!(
        first_index_date(&state),
        d("2024-06-03"),
        "2024-06-01 is a Saturday"
    );

    press(&mut state, &[ch(':')]);
    type_text(&mut state, "roll 20");
    press(&mut state, &[key(KeyCode::Enter)]);
    assert_eq!(state.analysis.as_ref().unwrap().scatter.roll_window, 20);

    press(&mut state, &[ch('M')]);
    assert_eq!(state.request.method, Some(spillover::domain::Method::Equal));
}

#[test]
fn the_member_table_filters_sorts_and_explains() {
    let mut state = demo_state();
    press(&mut state, &[ch('/')]);
    type_text(&mut state, "光");
    press(&mut state, &[key(KeyCode::Enter)]);
    let text = screen(&state, 160, 48);
    assert!(
        text.contains("光迅科技") && !text.contains("新易盛"),
        "{text}"
    );
    press(&mut state, &[key(KeyCode::Esc)]);
    assert!(state.filter.is_empty());
    // Hygon is suspended from 2025-05-26 for about two weeks: on 2025-06-03
    // its status says so.
    press(&mut state, &[ch(':')]);
    type_text(&mut state, "asof 2025-06-03");
    press(&mut state, &[key(KeyCode::Enter), ch('l')]);
    press(&mut state, &[ch('/')]);
    type_text(&mut state, "688041");
    press(&mut state, &[key(KeyCode::Enter)]);
    let hygon = &state.analysis.as_ref().unwrap().members[1]
        .1
        .iter()
        .find(|r| r.symbol.as_str() == "688041.SH")
        .unwrap()
        .status;
    // Nothing after the as-of date is read, so the pause looks like the
    // end of its rows; the table says so in words.
    assert!(!hygon.is_ok());
    let text = screen(&state, 160, 48);
    let why: String = format!("688041.SH: {}", hygon.describe())
        .chars()
        .take(40)
        .collect();
    assert!(text.contains(&why), "{why}\n{text}");
    press(&mut state, &[key(KeyCode::Esc), ch('s')]);
    // Sorting by the next column (symbol) puts 000xxx first (row 5: under the
    // tabs, summary, beta/drawdown and header lines).
    let text = screen(&state, 160, 48);
    let first_row = text.lines().nth(5).unwrap();
    assert!(first_row.contains("000"), "{first_row}");
}

#[test]
fn quit_from_anywhere_and_the_run_loop_stops() {
    let mut state = demo_state();
    assert_eq!(press(&mut state, &[ch('q')]), vec![Effect::Quit]);
    let mut state = demo_state();
    press(&mut state, &[ch('/')]);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(press(&mut state, &[ctrl_c]), vec![Effect::Quit]);

    let mut state = demo_state();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = vec![
        Event::Key(ch('2')),
        Event::Resize(80, 24),
        Event::Key(ch('q')),
    ]
    .into_iter();
    run_loop(&mut terminal, &mut state, &theme(), || {
        Ok(events.next().unwrap())
    })
    .unwrap();
    assert_eq!(state.focus, Pane::Chart);
    assert!(events.next().is_none(), "every event was read");
}

#[test]
fn w_in_the_scatter_cycles_the_rolling_window() {
    let mut state = demo_state();
    assert_eq!(state.request.roll, 60);
    let first_rolling = |s: &AppState| {
        let scatter = &s.analysis.as_ref().unwrap().scatter;
        (scatter.roll_window, scatter.rolling.first().map(|r| r.0))
    };
    let (_, starts_at_60) = first_rolling(&state);
    press(&mut state, &[ch('3'), ch('w')]);
    let (w, starts_at_120) = first_rolling(&state);
    assert_eq!(w, 120);
    // A longer window needs more changes before its first value.
    assert!(
        starts_at_120 > starts_at_60,
        "{starts_at_120:?} vs {starts_at_60:?}"
    );
    press(&mut state, &[ch('w'), ch('w')]);
    assert_eq!(first_rolling(&state).0, 20, "250, then back to 20");
}
