//! Editing flows through key events on a real data dir: what is saved,
//! what the numbers become, undo/redo, refusals, failed saves, conflicts,
//! restart.

mod tui_edit_support;
mod tui_support;

use crossterm::event::KeyCode;
use spillover::compute::analyse;
use spillover::domain::{BasketId, Symbol};
use spillover::store::parse_basket;
use spillover::tui::overlay::form::FieldKey;
use spillover::tui::state::{AppState, Mode};
use tui_edit_support::{Session, ch, ctrl, key};

fn id(text: &str) -> BasketId {
    BasketId::parse(text).unwrap()
}

fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

fn levels(state: &AppState, basket: &str) -> Vec<f64> {
    state
        .analysis
        .as_ref()
        .unwrap()
        .index(&id(basket))
        .unwrap()
        .levels
        .clone()
}

fn has_member(state: &AppState, basket: &str, symbol: &str) -> bool {
    state
        .baskets
        .iter()
        .find(|b| b.id == id(basket))
        .is_some_and(|b| b.member(&sym(symbol)).is_some())
}

/// The price of `symbol` on exactly `date`, if it has a row then.
fn price_on(state: &AppState, symbol: &Symbol, date: chrono::NaiveDate) -> Option<f64> {
    let series = state.book.get(symbol)?;
    let i = series.dates.iter().position(|d| *d == date)?;
    Some(series.price[i])
}

#[test]
fn removing_a_member_saves_the_file_and_recomputes_the_index_by_the_methodology() {
    let mut s = Session::new();
    let before = levels(&s.state, "na-chain");
    s.show_basket("na-chain");
    s.select_member("300308.SZ");
    s.press(&[ch('d')]);

    // The file no longer lists it, and says so in the message line.
    let text = s.read(&s.basket_file("na-chain"));
    assert!(!text.contains("300308.SZ"), "{text}");
    assert!(text.contains("300502.SZ"), "the other members stay");
    let message = s.state.message.clone().unwrap();
    assert!(!message.error, "{message:?}");
    assert!(message.text.contains("remove 300308.SZ from na-chain"));
    assert!(message.text.contains("saved baskets/na-chain.toml"));

    // The index is what analyse gives on the edited basket, and differs.
    let after = levels(&s.state, "na-chain");
    let expected = analyse(&s.state.baskets, &s.state.book, &s.state.request).unwrap();
    assert_eq!(after, expected.index(&id("na-chain")).unwrap().levels);
    assert_ne!(after, before);

    // By hand (METHODOLOGY, equal weight): I(t1) = 1000 * (1 + mean r(i, t1))
    // over the members with a price on t0 and t1; 300308.SZ is not among them.
    let series = s
        .state
        .analysis
        .as_ref()
        .unwrap()
        .index(&id("na-chain"))
        .unwrap();
    let (t0, t1) = (series.dates[0], series.dates[1]);
    let basket = s
        .state
        .baskets
        .iter()
        .find(|b| b.id == id("na-chain"))
        .unwrap();
    let returns: Vec<f64> = basket
        .members
        .iter()
        .filter_map(|m| {
            Some(price_on(&s.state, &m.symbol, t1)? / price_on(&s.state, &m.symbol, t0)? - 1.0)
        })
        .collect();
    assert_eq!(returns.len(), series.eligible[1]);
    let mean = returns.iter().sum::<f64>() / returns.len() as f64;
    assert!((series.levels[1] - 1000.0 * (1.0 + mean)).abs() < 1e-9);
}

#[test]
fn adding_by_typing_a_name_completes_to_the_symbol_and_saves_it() {
    let mut s = Session::new();
    s.show_basket("domestic-chain");
    s.press(&[ch('a')]);
    assert_eq!(s.state.mode(), Mode::Form);
    s.type_text("innol");
    let form = s.state.form().unwrap();
    assert_eq!(form.choices.len(), 1);
    assert_eq!(form.choices[0].value, "300308.SZ");
    assert!(
        s.screen(160, 48)
            .contains("300308.SZ  中际旭创  Zhongji Innolight")
    );
    s.press(&[key(KeyCode::Enter)]);

    assert_eq!(s.state.mode(), Mode::Normal);
    let text = s.read(&s.basket_file("domestic-chain"));
    assert!(text.contains("symbol = \"300308.SZ\""), "{text}");
    assert!(
        text.contains("name = \"中际旭创\""),
        "the name comes with it"
    );
    // The member table has it, with data (its prices are in the book).
    let rows = &s.state.analysis.as_ref().unwrap().members;
    let (_, domestic) = rows
        .iter()
        .find(|(b, _)| *b == id("domestic-chain"))
        .unwrap();
    let row = domestic
        .iter()
        .find(|r| r.symbol == sym("300308.SZ"))
        .unwrap();
    assert!(row.status.is_ok(), "{:?}", row.status);
}

#[test]
fn a_symbol_not_in_the_cache_is_added_with_a_name_and_shows_no_data() {
    let mut s = Session::new();
    s.show_basket("domestic-chain");
    s.press(&[ch('a')]);
    s.type_text("000001.SZ");
    s.press(&[key(KeyCode::Enter)]);
    // No name known anywhere: refused at the name field.
    let form = s.state.form().expect("the form stays open");
    let (at, message) = form.error.clone().unwrap();
    assert_eq!(form.fields[at].key, FieldKey::Name, "{message}");
    assert!(
        !s.read(&s.basket_file("domestic-chain"))
            .contains("000001.SZ")
    );
    s.type_text("平安银行");
    s.press(&[key(KeyCode::Enter)]);
    assert!(
        s.read(&s.basket_file("domestic-chain"))
            .contains("000001.SZ")
    );
    let rows = &s.state.analysis.as_ref().unwrap().members;
    let (_, domestic) = rows
        .iter()
        .find(|(b, _)| *b == id("domestic-chain"))
        .unwrap();
    let row = domestic
        .iter()
        .find(|r| r.symbol == sym("000001.SZ"))
        .unwrap();
    assert!(!row.status.is_ok());
}

#[test]
fn a_custom_weight_is_saved_in_the_file() {
    let mut s = Session::new();
    s.show_basket("domestic-chain");
    s.select_member("688256.SH");
    s.press(&[ch('e')]);
    // The weight field is focused (the table is in file order), empty.
    let form = s.state.form().unwrap();
    assert_eq!(form.fields[form.focus].key, FieldKey::Weight);
    s.type_text("2.5");
    s.press(&[key(KeyCode::Enter)]);
    let basket = parse_basket(
        &s.basket_file("domestic-chain"),
        &s.read(&s.basket_file("domestic-chain")),
    )
    .unwrap();
    assert_eq!(basket.member(&sym("688256.SH")).unwrap().weight, Some(2.5));
}

#[test]
fn refusals_stay_at_the_field_and_change_nothing() {
    let mut s = Session::new();
    let file = s.basket_file("na-chain");
    let bytes = std::fs::read(&file).unwrap();
    let baskets = s.state.baskets.clone();
    s.show_basket("na-chain");

    // A duplicate symbol.
    s.press(&[ch('a')]);
    s.type_text("300308.SZ");
    s.press(&[key(KeyCode::Enter)]);
    let form = s.state.form().expect("still open");
    let (at, message) = form.error.clone().unwrap();
    assert_eq!(form.fields[at].key, FieldKey::Symbol);
    assert!(message.contains("300308.SZ"), "{message}");
    assert!(s.screen(160, 48).contains(&format!("✗ {}", &message[..20])));
    s.press(&[key(KeyCode::Esc), ch('d')]);
    assert_eq!(s.state.mode(), Mode::Normal);

    // A negative weight, then one that is not a number.
    s.select_member("300308.SZ");
    s.press(&[ch('e')]);
    s.type_text("-1");
    s.press(&[key(KeyCode::Enter)]);
    let form = s.state.form().expect("still open");
    let (at, message) = form.error.clone().unwrap();
    assert_eq!(form.fields[at].key, FieldKey::Weight);
    assert!(message.contains("negative"), "{message}");
    s.press(&[key(KeyCode::Backspace), key(KeyCode::Backspace)]);
    s.type_text("abc");
    s.press(&[key(KeyCode::Enter)]);
    let (_, message) = s.state.form().unwrap().error.clone().unwrap();
    assert!(message.contains("not a number"), "{message}");
    // An empty name.
    s.press(&[key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up)]);
    assert_eq!(s.state.form().unwrap().focus, 0);
    s.press(&[ctrl('a')]);
    for _ in 0..10 {
        s.press(&[key(KeyCode::Delete)]);
    }
    s.press(&[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    s.press(&[
        key(KeyCode::Backspace),
        key(KeyCode::Backspace),
        key(KeyCode::Backspace),
    ]);
    s.press(&[ctrl('s')]);
    let form = s.state.form().expect("still open");
    let (at, _) = form.error.clone().unwrap();
    assert_eq!(form.fields[at].key, FieldKey::Name);
    s.press(&[key(KeyCode::Esc), ch('d')]);

    // A basket id already taken, from the command line: it stays open.
    s.press(&[ch(':')]);
    s.type_text("basket new domestic-chain Again");
    s.press(&[key(KeyCode::Enter)]);
    assert_eq!(s.state.mode(), Mode::Command);
    let error = s.state.command_error().unwrap().to_string();
    assert!(error.contains("domestic-chain"), "{error}");
    assert!(s.screen(160, 48).contains(&format!("✗ {error}")));
    s.press(&[key(KeyCode::Esc)]);

    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    assert_eq!(s.state.baskets, baskets);
    assert!(!s.state.edit.history.can_undo());
}

#[test]
fn undo_and_redo_round_trip_the_file_bytes() {
    let mut s = Session::new();
    let file = s.basket_file("na-chain");
    let original = std::fs::read(&file).unwrap();
    let levels_before = levels(&s.state, "na-chain");
    s.show_basket("na-chain");
    s.select_member("300308.SZ");
    s.press(&[ch('d')]);
    let removed = std::fs::read(&file).unwrap();
    assert_ne!(removed, original);

    s.press(&[ch('u')]);
    assert_eq!(std::fs::read(&file).unwrap(), original);
    assert_eq!(levels(&s.state, "na-chain"), levels_before);
    let message = s.state.message.clone().unwrap().text;
    assert!(
        message.starts_with("undid: remove 300308.SZ from na-chain"),
        "{message}"
    );

    s.press(&[ctrl('r')]);
    assert_eq!(std::fs::read(&file).unwrap(), removed);
    assert!(!has_member(&s.state, "na-chain", "300308.SZ"));
    s.press(&[ch('u')]);
    s.press(&[ch('u')]);
    assert_eq!(s.state.message.clone().unwrap().text, "nothing to undo");
    assert_eq!(std::fs::read(&file).unwrap(), original);
}

#[test]
fn a_restart_shows_what_was_left() {
    let mut s = Session::new();
    s.show_basket("domestic-chain");
    s.press(&[ch('a')]);
    s.type_text("中际");
    s.press(&[key(KeyCode::Enter)]);
    s.show_basket("na-chain");
    s.select_member("300502.SZ");
    s.press(&[ch('d')]);
    s.press(&[ch(':')]);
    s.type_text("basket new optical Optical modules");
    s.press(&[key(KeyCode::Enter)]);
    let restarted = s.restart();
    assert_eq!(restarted.baskets, s.state.baskets);
    assert_eq!(restarted.watchlist, s.state.watchlist);
    assert_eq!(levels(&restarted, "na-chain"), levels(&s.state, "na-chain"));
}

#[test]
fn a_failed_write_keeps_the_file_and_puts_everything_back() {
    let mut s = Session::new();
    let file = s.basket_file("domestic-chain");
    let bytes = std::fs::read(&file).unwrap();
    let baskets = s.state.baskets.clone();
    // The atomic write's temporary file name is taken: the write fails
    // before anything replaces the file (as a full disk would).
    let blocker = s
        .dir
        .path()
        .join("baskets")
        .join(format!(".domestic-chain.toml.{}.tmp", std::process::id()));
    std::fs::write(&blocker, b"in the way").unwrap();
    s.show_basket("domestic-chain");
    s.select_member("688256.SH");
    s.press(&[ch('d')]);

    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    assert_eq!(s.state.baskets, baskets);
    assert!(!s.state.edit.history.can_undo());
    let message = s.state.message.clone().unwrap();
    assert!(
        message.error && message.text.starts_with("not saved"),
        "{message:?}"
    );
    assert!(message.text.contains("domestic-chain.toml"), "{message:?}");
}

#[test]
fn a_move_that_fails_half_way_shows_what_is_on_disk() {
    let mut s = Session::new();
    let na_chain = s.read(&s.basket_file("na-chain"));
    // A move writes the basket that gains the member first, then the one
    // that loses it: block the second write.
    let blocker = s
        .dir
        .path()
        .join("baskets")
        .join(format!(".na-chain.toml.{}.tmp", std::process::id()));
    std::fs::write(&blocker, b"in the way").unwrap();
    s.show_basket("na-chain");
    s.select_member("300308.SZ");
    s.press(&[ch('m')]);
    s.type_text("domes");
    s.press(&[key(KeyCode::Enter)]);

    assert_eq!(s.read(&s.basket_file("na-chain")), na_chain, "untouched");
    assert!(
        s.read(&s.basket_file("domestic-chain"))
            .contains("300308.SZ")
    );
    let message = s.state.message.clone().unwrap();
    assert!(
        message.error && message.text.starts_with("partly saved"),
        "{message:?}"
    );
    // The screen is the disk: the member is in both baskets, as the files say.
    let restarted = s.restart();
    for id in ["na-chain", "domestic-chain"] {
        let on_screen = s
            .state
            .baskets
            .iter()
            .find(|b| b.id.as_str() == id)
            .unwrap();
        let on_disk = restarted
            .baskets
            .iter()
            .find(|b| b.id.as_str() == id)
            .unwrap();
        assert_eq!(on_screen, on_disk, "{id}");
    }
}

#[test]
fn a_file_changed_behind_the_apps_back_asks_and_overwrites_nothing() {
    let mut s = Session::new();
    let file = s.basket_file("na-chain");
    let theirs = s.read(&file).replace("中际旭创", "中际旭创 (edited)");
    std::fs::write(&file, &theirs).unwrap();
    let baskets = s.state.baskets.clone();
    s.show_basket("na-chain");
    s.select_member("300308.SZ");
    s.press(&[ch('d')]);

    assert_eq!(s.read(&file), theirs, "their file is untouched");
    assert_eq!(s.state.mode(), Mode::Conflict);
    assert_eq!(s.state.baskets, baskets, "back to before the edit");
    let screen = s.screen(160, 48);
    assert!(screen.contains("baskets/na-chain.toml was changed outside spillover"));
    assert!(screen.contains("[r] reload theirs"));

    // Keep mine: the edit is saved over theirs.
    s.press(&[ch('k')]);
    assert_eq!(s.state.mode(), Mode::Normal);
    assert!(!s.read(&file).contains("300308.SZ"));
    assert!(!has_member(&s.state, "na-chain", "300308.SZ"));
    assert!(s.state.edit.history.can_undo());

    // Another outside edit, noticed while idle; reload theirs.
    std::fs::write(&file, &theirs).unwrap();
    spillover::tui::run::notice_outside_changes(&mut s.state, &s.disk);
    assert_eq!(s.state.mode(), Mode::Conflict);
    s.press(&[ch('r')]);
    assert!(has_member(&s.state, "na-chain", "300308.SZ"));
    let name = &s.state.baskets[0].member(&sym("300308.SZ")).unwrap().name;
    assert_eq!(name, "中际旭创 (edited)");
    assert_eq!(s.read(&file), theirs);
}

#[test]
fn a_broken_hand_edit_is_reported_with_its_line_and_the_rest_loads() {
    let mut s = Session::new();
    let file = s.basket_file("hk-internet");
    std::fs::write(&file, "name = \"HK internet\"\nmethod = \"sideways\"\n").unwrap();
    spillover::tui::run::notice_outside_changes(&mut s.state, &s.disk);
    s.press(&[ch('r')]);
    let message = s.state.message.clone().unwrap();
    assert!(message.error);
    assert!(
        message.text.contains("hk-internet.toml"),
        "{}",
        message.text
    );
    assert!(
        message.text.contains("hk-internet.toml:2:"),
        "the line: {}",
        message.text
    );
    assert_eq!(s.state.baskets.len(), 5, "the other baskets load");
}

#[test]
fn recording_alibabas_may_outcome_saves_the_watchlist() {
    let mut s = Session::new();
    let index = s
        .state
        .watchlist
        .events
        .iter()
        .position(|e| e.symbol.as_str() == "9988.HK" && e.date.to_string() == "2025-05-15")
        .unwrap();
    s.press(&[ch('4'), ch('g')]);
    for _ in 0..index {
        s.press(&[ch('j')]);
    }
    // The demo opens as of 2025-05-07, a week before the results: in that
    // replay the outcome is not known yet, so it can be neither shown nor
    // recorded.
    s.press(&[ch('r')]);
    assert_eq!(s.state.mode(), Mode::Normal);
    let message = s.state.message.clone().unwrap();
    assert!(
        message.error && message.text.contains("after the as-of date 2025-05-07"),
        "{}",
        message.text
    );
    // Back to the latest data, the results are in: record them.
    s.press(&[ch('0'), ch('r')]);
    assert_eq!(
        s.state.mode(),
        Mode::Text,
        "the outcome is a multi-line field"
    );
    // Replace the shipped outcome with two lines.
    s.press(&[ctrl('a')]);
    for _ in 0..300 {
        s.press(&[key(KeyCode::Delete)]);
    }
    s.type_text("Cloud +18%");
    s.press(&[key(KeyCode::Enter)]);
    s.type_text("capex RMB 24.6 bn");
    s.press(&[key(KeyCode::Tab)]);
    assert_eq!(s.state.mode(), Mode::Form);
    s.type_text("RMB 24.6 bn (Mar-2025 quarter)");
    s.press(&[ctrl('s')]);
    assert_eq!(s.state.mode(), Mode::Normal);

    let text = s.read(&s.watchlist_file());
    assert!(
        text.contains("outcome = \"\"\"\nCloud +18%\ncapex RMB 24.6 bn\"\"\""),
        "{text}"
    );
    assert!(
        text.contains("capex_reported = \"RMB 24.6 bn (Mar-2025 quarter)\""),
        "{text}"
    );
    let event = &s.restart().watchlist.events[index];
    assert_eq!(event.outcome, "Cloud +18%\ncapex RMB 24.6 bn");
    s.press(&[ch('u')]);
    assert!(s.read(&s.watchlist_file()).contains("Revenue RMB 236.5 bn"));
}

#[test]
fn multi_line_editing_moves_by_lines_and_esc_asks_before_discarding() {
    let mut s = Session::new();
    s.press(&[ch('4'), ch('e')]);
    // Tab to the watch field (the 8th).
    for _ in 0..7 {
        s.press(&[key(KeyCode::Tab)]);
    }
    assert_eq!(s.state.mode(), Mode::Text);
    let form = s.state.form().unwrap();
    assert_eq!(form.fields[form.focus].key, FieldKey::Watch);
    s.press(&[ctrl('a')]);
    s.type_text(">> ");
    s.press(&[ctrl('e'), key(KeyCode::Enter)]);
    s.type_text("新行");
    s.press(&[key(KeyCode::Up), ctrl('a'), key(KeyCode::Delete)]);
    let form = s.state.form().unwrap();
    let watch = form.value(FieldKey::Watch);
    assert!(watch.starts_with("> "), "{watch}");
    assert!(watch.ends_with("\n新行"), "{watch}");
    // Esc with changes asks; Esc again keeps editing; then d discards.
    let before = s.read(&s.watchlist_file());
    s.press(&[key(KeyCode::Esc)]);
    assert!(
        s.screen(160, 48)
            .contains("unsaved changes: s save · d discard")
    );
    s.press(&[key(KeyCode::Esc)]);
    assert!(s.state.form().is_some());
    s.press(&[key(KeyCode::Esc), ch('d')]);
    assert!(s.state.form().is_none());
    assert_eq!(s.read(&s.watchlist_file()), before);
}

#[test]
fn moving_a_member_and_basket_commands_save_and_undo() {
    let mut s = Session::new();
    s.show_basket("na-chain");
    s.select_member("300308.SZ");
    // Move to the domestic chain: the target is picked from the list.
    s.press(&[ch('m')]);
    s.type_text("domes");
    assert_eq!(s.state.form().unwrap().choices[0].value, "domestic-chain");
    s.press(&[key(KeyCode::Enter)]);
    assert!(!s.read(&s.basket_file("na-chain")).contains("300308.SZ"));
    assert!(
        s.read(&s.basket_file("domestic-chain"))
            .contains("300308.SZ")
    );
    // A target that does not exist is refused at the field.
    s.select_member("300502.SZ");
    s.press(&[ch('c')]);
    s.type_text("nowhere");
    s.press(&[key(KeyCode::Enter)]);
    let form = s.state.form().expect("still open");
    assert!(form.error.as_ref().unwrap().1.contains("no basket nowhere"));
    s.press(&[key(KeyCode::Esc), ch('d')]);

    // Duplicate the shown basket, rename the copy, delete it; undo the delete.
    s.press(&[ch(':')]);
    s.type_text("basket dup na-copy");
    s.press(&[key(KeyCode::Enter)]);
    assert!(s.basket_file("na-copy").exists());
    assert_eq!(s.state.baskets[s.state.basket_tab].id, id("na-copy"));
    s.press(&[ch(':')]);
    s.type_text("basket rename na-renamed");
    s.press(&[key(KeyCode::Enter)]);
    assert!(!s.basket_file("na-copy").exists());
    assert!(s.basket_file("na-renamed").exists());
    s.press(&[ch(':')]);
    s.type_text("basket delete");
    s.press(&[key(KeyCode::Enter)]);
    assert!(!s.basket_file("na-renamed").exists());
    s.press(&[ch('u')]);
    assert!(s.basket_file("na-renamed").exists());
    assert!(has_member(&s.state, "na-renamed", "300502.SZ"));
    // The files hold the same baskets (the order of the tabs is the
    // loader's: file names are not ordered).
    let by_id = |state: &AppState| {
        let mut baskets = state.baskets.clone();
        baskets.sort_by(|a, b| a.id.cmp(&b.id));
        baskets
    };
    assert!(by_id(&s.restart()) == by_id(&s.state));
}
