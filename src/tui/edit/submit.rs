//! Keys in an open form, and what submitting it means: the edits it
//! stands for. A refusal stays at its field; the form stays open and
//! nothing changes.

use super::commit::commit;
use super::form::{Form, FormKind};
use crate::domain::edit::{
    Edit, EditError, EventField, Library, apply, parse_symbol, parse_weight,
};
use crate::domain::{BasketId, EarningsEvent, Member, Watchlist, parse_date};
use crate::tui::action::Action;
use crate::tui::state::{AppState, Mode};
use crate::tui::update::Effect;

/// Handles one action while a form is open.
pub fn form_action(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(form) = state.edit.form.as_mut() else {
        state.mode = Mode::Normal;
        return Vec::new();
    };
    if form.confirm_close {
        // Esc with unsaved changes asked: s saves, d discards, Esc goes back.
        match action {
            Action::Input('s' | 'y') | Action::SaveForm | Action::Submit => return submit(state),
            Action::Input('d' | 'n') => {
                close(state, "discarded the changes");
                return Vec::new();
            }
            Action::Close => form.confirm_close = false,
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Input(c) => form.edit(|f| f.insert(c)),
        Action::Newline => form.edit(|f| f.newline()),
        Action::Backspace => form.edit(|f| f.backspace()),
        Action::DeleteForward => form.edit(|f| f.delete()),
        Action::CursorLeft => form.edit(|f| f.left()),
        Action::CursorRight => form.edit(|f| f.right()),
        Action::LineStart => form.edit(|f| f.home()),
        Action::LineEnd => form.edit(|f| f.end()),
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            let moved = if form.focused_is_multiline() {
                form.focused_mut()
                    .is_some_and(|f| if down { f.value.down() } else { f.value.up() })
            } else {
                form.step_choice(down)
            };
            if !moved {
                form.move_focus(down);
            }
        }
        Action::Complete if !form.step_choice(true) => form.move_focus(true),
        Action::Complete => {}
        Action::NextField => form.move_focus(true),
        Action::PrevField => form.move_focus(false),
        Action::Submit => {
            form.take_choice();
            return submit(state);
        }
        Action::SaveForm => return submit(state),
        Action::Close if form.changed() => form.confirm_close = true,
        Action::Close => close(state, ""),
        _ => {}
    }
    sync_mode(state);
    Vec::new()
}

/// The mode follows the focused field: Enter is a newline in a multi-line one.
fn sync_mode(state: &mut AppState) {
    if let Some(form) = &state.edit.form {
        state.mode = if form.focused_is_multiline() {
            Mode::Text
        } else {
            Mode::Form
        };
    }
}

fn close(state: &mut AppState, message: &str) {
    state.edit.form = None;
    state.mode = Mode::Normal;
    if !message.is_empty() {
        state.set_message(message, false);
    }
}

/// Applies the form's edits; on a refusal the form shows it at the field.
fn submit(state: &mut AppState) -> Vec<Effect> {
    let Some(mut form) = state.edit.form.take() else {
        return Vec::new();
    };
    form.confirm_close = false;
    let result =
        edits_of(&form, &state.library()).and_then(|(label, edits)| commit(state, label, &edits));
    match result {
        Ok(effects) => {
            state.mode = Mode::Normal;
            after_submit(state, &form.kind);
            effects
        }
        Err(e) => {
            form.refuse(e.field, e.message);
            state.edit.form = Some(form);
            sync_mode(state);
            Vec::new()
        }
    }
}

/// Keeps the selection on what was just edited.
fn after_submit(state: &mut AppState, kind: &FormKind) {
    if let FormKind::AddEvent = kind {
        state.event_row = state.first_upcoming_event();
    }
}

/// The edits a form stands for, with the history label.
pub fn edits_of(form: &Form, library: &Library) -> Result<(String, Vec<Edit>), EditError> {
    let text = |key: &str| form.value(key).trim().to_string();
    let one = |edit: Edit| Ok((edit.describe(), vec![edit]));
    match &form.kind {
        FormKind::AddMember { basket } => {
            let symbol = parse_symbol(&text("symbol"))?;
            let known = form.known_member(&symbol);
            let mut member = known.unwrap_or_else(|| Member::new(symbol, ""));
            for (key, slot) in [("name", &mut member.name), ("segment", &mut member.segment)] {
                if !text(key).is_empty() {
                    *slot = text(key);
                }
            }
            member.weight = parse_weight(&text("weight"))?;
            one(Edit::AddMember {
                basket: basket.clone(),
                member,
            })
        }
        FormKind::EditMember { basket, symbol } => {
            let edits: Vec<Edit> = form
                .fields
                .iter()
                .filter(|f| f.changed())
                .map(|f| -> Result<Edit, EditError> {
                    Ok(Edit::SetMember {
                        basket: basket.clone(),
                        symbol: symbol.clone(),
                        field: f.key.parse().map_err(|m: String| EditError::at(f.key, m))?,
                        value: f.text().trim().to_string(),
                    })
                })
                .collect::<Result<_, _>>()?;
            let label = match edits.as_slice() {
                [single] => single.describe(),
                _ => format!("edit {symbol} in {basket}"),
            };
            Ok((label, edits))
        }
        FormKind::MoveMember { from, symbol, copy } => {
            let to = BasketId::parse(&text("to")).map_err(|m| EditError::at("to", m))?;
            if library.basket(&to).is_none() {
                return Err(EditError::at(
                    "to",
                    format!("there is no basket {to}; Tab picks one of the baskets"),
                ));
            }
            let (from, symbol) = (from.clone(), symbol.clone());
            one(if *copy {
                Edit::CopyMember { from, to, symbol }
            } else {
                Edit::MoveMember { from, to, symbol }
            })
        }
        FormKind::AddEvent => {
            let event = event_of(form)?;
            one(Edit::AddEvent { event })
        }
        FormKind::EditEvent { index } => {
            let Some(old) = library.watchlist.events.get(*index) else {
                return Err(EditError::at(
                    "symbol",
                    "the event is no longer in the watchlist",
                ));
            };
            let event = edited_event(form, old)?;
            let label = format!("edit the {} {} event", event.name, event.date);
            Ok((
                label,
                vec![
                    Edit::RemoveEvent { index: *index },
                    Edit::AddEvent { event },
                ],
            ))
        }
        FormKind::RecordOutcome { index } => {
            let optional = |key: &str| Some(text(key)).filter(|t| !t.is_empty());
            let name = library
                .watchlist
                .events
                .get(*index)
                .map(|e| format!("{} {}", e.name, e.date))
                .unwrap_or_default();
            let edit = Edit::RecordOutcome {
                index: *index,
                outcome: form.value("outcome").trim().to_string(),
                capex: optional("capex"),
                guidance: optional("guidance"),
            };
            Ok((format!("record the outcome of {name}"), vec![edit]))
        }
    }
}

/// A new event from the form; each field checked where it is typed.
fn event_of(form: &Form) -> Result<EarningsEvent, EditError> {
    let text = |key: &str| form.value(key).trim().to_string();
    Ok(EarningsEvent {
        symbol: parse_symbol(&text("symbol"))?,
        name: text("name"),
        date: parse_date(&text("date")).map_err(|m| EditError::at("date", m))?,
        session: text("session")
            .parse()
            .map_err(|m| EditError::at("session", m))?,
        period: text("period"),
        capex_last: text("capex_last"),
        guidance: text("guidance"),
        watch: text("watch"),
        outcome: String::new(),
        capex_reported: String::new(),
        guidance_change: String::new(),
    })
}

/// `old` with the changed fields of the form, each validated by the edit
/// model itself (applied to a one-event scratch watchlist).
fn edited_event(form: &Form, old: &EarningsEvent) -> Result<EarningsEvent, EditError> {
    let mut scratch = Library {
        baskets: Vec::new(),
        watchlist: Watchlist {
            events: vec![old.clone()],
        },
    };
    for field in form.fields.iter().filter(|f| f.changed()) {
        let kind: EventField = field
            .key
            .parse()
            .map_err(|m: String| EditError::at(field.key, m))?;
        let edit = Edit::SetEvent {
            index: 0,
            field: kind,
            value: field.text(),
        };
        scratch = apply(&scratch, &edit)?;
    }
    scratch
        .watchlist
        .events
        .pop()
        .ok_or_else(|| EditError::at("symbol", "the event was lost while editing"))
}
