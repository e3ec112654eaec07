//! The forms each editing key opens, pre-filled with what is there now.

use super::commit::commit;
use crate::domain::edit::Edit;
use crate::domain::edit::complete::known_symbols;
use chrono::NaiveDate;

use crate::domain::{BasketId, EarningsEvent, Session, Symbol};
use crate::tui::effect::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::overlay::form::{FieldKey, Form, FormField, FormKind, Suggest};
use crate::tui::sort::{SortColumn, visible_rows};
use crate::tui::update::AppState;

const SESSIONS: [&str; 3] = ["before-open", "intraday", "after-close"];

/// The basket whose tab is shown.
fn shown_basket(state: &AppState) -> Option<BasketId> {
    state
        .model
        .baskets
        .get(state.ui.basket_tab)
        .map(|b| b.id.clone())
}

/// The basket shown and the member selected in its table (as sorted and
/// filtered on screen).
pub fn selected_member(state: &AppState) -> Option<(BasketId, Symbol)> {
    let basket = state.model.baskets.get(state.ui.basket_tab)?;
    let (_, rows) = state
        .analysis()?
        .members
        .iter()
        .find(|(id, _)| id == &basket.id)?;
    let shown = visible_rows(rows, &state.ui.filter, state.ui.sort);
    let row = shown.get(state.ui.member_row.min(shown.len().saturating_sub(1)))?;
    Some((basket.id.clone(), row.symbol.clone()))
}

fn open(state: &mut AppState, form: Form) {
    state.ui.overlay = Overlay::Form(form);
}

/// Completion candidates: every member of every basket, and every symbol
/// with prices (a price file, or already in the book).
fn symbols(state: &AppState) -> Suggest {
    let mut with_prices = state.model.edit.cached.clone();
    with_prices.extend(state.model.book.series.keys().cloned());
    Suggest::Symbols(known_symbols(&state.model.baskets, &with_prices))
}

pub fn add_member(state: &mut AppState) {
    let Some(basket) = shown_basket(state) else {
        state.set_message(
            "no basket to add to: create one with :basket new ID NAME",
            true,
        );
        return;
    };
    let title = format!("Add a member to {basket}");
    let fields = vec![
        FormField::line(
            FieldKey::Symbol,
            "Symbol",
            "",
            "code or name: 300308, innol, 中际",
        )
        .suggesting(symbols(state)),
        FormField::line(FieldKey::Name, "Name", "", "empty: as in another basket"),
        FormField::line(FieldKey::Segment, "Segment", "", "optional"),
        FormField::line(FieldKey::Weight, "Weight", "", "custom method; empty: none"),
    ];
    open(
        state,
        Form::new(FormKind::AddMember { basket }, title, fields),
    );
}

pub fn edit_member(state: &mut AppState) {
    let Some((basket, symbol)) = selected_member(state) else {
        state.set_message("no member selected", true);
        return;
    };
    let Some(member) = state
        .model
        .baskets
        .iter()
        .find(|b| b.id == basket)
        .and_then(|b| b.member(&symbol))
        .cloned()
    else {
        return;
    };
    let weight = member.weight.map(|w| w.to_string()).unwrap_or_default();
    let fields = vec![
        FormField::line(FieldKey::Name, "Name", &member.name, ""),
        FormField::line(FieldKey::NameEn, "Name (en)", &member.name_en, ""),
        FormField::line(FieldKey::Segment, "Segment", &member.segment, ""),
        FormField::line(
            FieldKey::Weight,
            "Weight",
            &weight,
            "custom method; empty: none",
        ),
    ];
    // The cell the table is sorted by, if it is an editable one.
    let focus = match state.ui.sort.column {
        SortColumn::Name => FieldKey::Name,
        SortColumn::Segment => FieldKey::Segment,
        _ => FieldKey::Weight,
    };
    let title = format!("Edit {symbol} in {basket}");
    let form = Form::new(FormKind::EditMember { basket, symbol }, title, fields).focused_on(focus);
    open(state, form);
}

pub fn move_member(state: &mut AppState, copy: bool) {
    let Some((from, symbol)) = selected_member(state) else {
        state.set_message("no member selected", true);
        return;
    };
    let others: Vec<String> = state
        .model
        .baskets
        .iter()
        .filter(|b| b.id != from)
        .map(|b| b.id.to_string())
        .collect();
    let verb = if copy { "Copy" } else { "Move" };
    let title = format!("{verb} {symbol} from {from} to…");
    let fields = vec![
        FormField::line(FieldKey::To, "To basket", "", "type an id; Tab picks")
            .suggesting(Suggest::Words(others)),
    ];
    let kind = FormKind::MoveMember { from, symbol, copy };
    open(state, Form::new(kind, title, fields));
}

/// The fields of an event, filled from `event` (a new event: empty, on `date`).
fn event_fields(
    state: &AppState,
    event: Option<&EarningsEvent>,
    date: NaiveDate,
    with_outcome: bool,
) -> Vec<FormField> {
    let text = |get: fn(&EarningsEvent) -> String| event.map(get).unwrap_or_default();
    let session = event.map_or(Session::AfterClose, |e| e.session).to_string();
    let words = SESSIONS.map(String::from).to_vec();
    let mut fields = vec![
        FormField::line(
            FieldKey::Symbol,
            "Symbol",
            &text(|e| e.symbol.to_string()),
            "e.g. 9988.HK",
        )
        .suggesting(symbols(state)),
        FormField::line(
            FieldKey::Name,
            "Company",
            &text(|e| e.name.clone()),
            "e.g. Alibaba",
        ),
        FormField::line(FieldKey::Date, "Date", &date.to_string(), "YYYY-MM-DD"),
        FormField::line(
            FieldKey::Session,
            "Session",
            &session,
            "before-open, intraday, after-close",
        )
        .suggesting(Suggest::Words(words)),
        FormField::line(
            FieldKey::Period,
            "Period",
            &text(|e| e.period.clone()),
            "e.g. FY25 Q4",
        ),
        FormField::line(
            FieldKey::CapexLast,
            "Last capex",
            &text(|e| e.capex_last.clone()),
            "with its unit",
        ),
        FormField::multi(
            FieldKey::Guidance,
            "Guidance",
            &text(|e| e.guidance.clone()),
            "",
        ),
        FormField::multi(
            FieldKey::Watch,
            "Watch",
            &text(|e| e.watch.clone()),
            "what to listen for",
        ),
    ];
    if with_outcome {
        fields.push(FormField::multi(
            FieldKey::Outcome,
            "Outcome",
            &text(|e| e.outcome.clone()),
            "",
        ));
        fields.push(FormField::line(
            FieldKey::CapexReported,
            "Capex then",
            &text(|e| e.capex_reported.clone()),
            "what the release reported",
        ));
        fields.push(FormField::multi(
            FieldKey::GuidanceChange,
            "Guidance then",
            &text(|e| e.guidance_change.clone()),
            "how the release changed it",
        ));
    }
    fields
}

pub fn add_event(state: &mut AppState) {
    let Some(date) = state.as_of().or(state.latest()) else {
        state.set_message("no as-of date: import prices first", true);
        return;
    };
    let fields = event_fields(state, None, date, false);
    open(
        state,
        Form::new(FormKind::AddEvent, "Add an earnings event".into(), fields),
    );
}

pub fn edit_event(state: &mut AppState) {
    let index = state.ui.event_row;
    let Some(event) = state.model.watchlist.events.get(index).cloned() else {
        state.set_message("no event selected", true);
        return;
    };
    let title = format!("Edit {} {} ({})", event.name, event.date, event.symbol);
    // In a replay before the event its outcome is not known yet: the field
    // is left out (and so left as stored), never shown.
    let outcome_known = state.as_of().is_none_or(|as_of| event.date <= as_of);
    let fields = event_fields(state, Some(&event), event.date, outcome_known);
    open(
        state,
        Form::new(FormKind::EditEvent { index }, title, fields),
    );
}

pub fn record_outcome(state: &mut AppState) {
    let index = state.ui.event_row;
    let Some(event) = state.model.watchlist.events.get(index).cloned() else {
        state.set_message("no event selected", true);
        return;
    };
    if let Some(as_of) = state.as_of().filter(|as_of| event.date > *as_of) {
        let text = format!(
            "{} reports on {}, after the as-of date {as_of}: its outcome stays hidden in a replay; press 0 for the latest data to record it",
            event.name, event.date
        );
        state.set_message(&text, true);
        return;
    }
    let title = format!("Reported: {} {} ({})", event.name, event.date, event.period);
    let fields = vec![
        FormField::multi(
            FieldKey::Outcome,
            "Outcome",
            &event.outcome,
            "what was reported",
        ),
        FormField::line(FieldKey::Capex, "Capex", "", "new figure; empty: unchanged"),
        FormField::multi(
            FieldKey::Guidance,
            "Guidance",
            "",
            "change; empty: unchanged",
        ),
    ];
    open(
        state,
        Form::new(FormKind::RecordOutcome { index }, title, fields),
    );
}

/// `d` in the baskets pane: removes at once (undo brings it back).
pub fn remove_member(state: &mut AppState) -> Vec<Effect> {
    let Some((basket, symbol)) = selected_member(state) else {
        state.set_message("no member selected", true);
        return Vec::new();
    };
    let edit = Edit::RemoveMember { basket, symbol };
    run_one(state, edit)
}

/// `d` in the watchlist pane.
pub fn remove_event(state: &mut AppState) -> Vec<Effect> {
    let index = state.ui.event_row;
    let Some(event) = state.model.watchlist.events.get(index) else {
        state.set_message("no event selected", true);
        return Vec::new();
    };
    let label = format!("delete the {} {} event", event.name, event.date);
    match commit(state, label, &[Edit::RemoveEvent { index }]) {
        Ok(effects) => effects,
        Err(e) => {
            state.set_message(e.message, true);
            Vec::new()
        }
    }
}

/// One edit with its own description as the label; a refusal goes to the
/// message line.
pub fn run_one(state: &mut AppState, edit: Edit) -> Vec<Effect> {
    match commit(state, edit.describe(), std::slice::from_ref(&edit)) {
        Ok(effects) => effects,
        Err(e) => {
            state.set_message(e.message, true);
            Vec::new()
        }
    }
}
