//! Keys in an open form, and what submitting it means: the edits it
//! stands for. A refusal stays at its field; the form stays open and
//! nothing changes.

use super::commit::commit;
use crate::domain::edit::{
    Edit, EditError, EventField, EventValue, Library, MemberField, MemberValue, apply,
    parse_symbol, parse_weight,
};
use crate::domain::{BasketId, EarningsEvent, Member, Symbol, Watchlist, parse_date};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::overlay::form::{FieldKey, Form, FormKind};
use crate::tui::update::AppState;

/// Handles one action while a form is open.
pub fn form_action(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Overlay::Form(form) = &mut state.ui.overlay else {
        return Vec::new();
    };
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
        Action::Close if form.changed() => {
            if let Overlay::Form(form) = std::mem::take(&mut state.ui.overlay) {
                state.ui.overlay = Overlay::ConfirmClose(form);
            }
        }
        Action::Close => close(state, ""),
        _ => {}
    }
    Vec::new()
}

/// Handles one action while a changed form's Esc asks: save, discard or
/// keep editing (the keymap's `ConfirmClose` keys).
pub fn confirm_close(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::SaveForm => return submit(state),
        Action::DiscardForm => close(state, "discarded the changes"),
        Action::Close => {
            if let Overlay::ConfirmClose(form) = std::mem::take(&mut state.ui.overlay) {
                state.ui.overlay = Overlay::Form(form);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn close(state: &mut AppState, message: &str) {
    state.ui.overlay = Overlay::None;
    if !message.is_empty() {
        state.set_message(message, false);
    }
}

/// Applies the form's edits; on a refusal the form shows it at the field.
fn submit(state: &mut AppState) -> Vec<Effect> {
    let (Overlay::Form(mut form) | Overlay::ConfirmClose(mut form)) =
        std::mem::take(&mut state.ui.overlay)
    else {
        return Vec::new();
    };
    let result =
        edits_of(&form, &state.library()).and_then(|(label, edits)| commit(state, label, &edits));
    match result {
        Ok(effects) => {
            after_submit(state, &form.kind);
            effects
        }
        Err(e) => {
            form.refuse(e.field, e.message);
            state.ui.overlay = Overlay::Form(form);
            Vec::new()
        }
    }
}

/// Keeps the selection on what was just edited.
fn after_submit(state: &mut AppState, kind: &FormKind) {
    if let FormKind::AddEvent = kind {
        state.ui.event_row = state.first_upcoming_event();
    }
}

/// The edits a submitted form stands for, with the history label.
pub fn edits_of(form: &Form, library: &Library) -> Result<(String, Vec<Edit>), EditError> {
    let one = |edit: Edit| Ok((edit.describe(), vec![edit]));
    match &form.kind {
        FormKind::AddMember { basket } => one(added_member(form, basket)?),
        FormKind::EditMember { basket, symbol } => member_edits(form, basket, symbol),
        FormKind::MoveMember { from, symbol, copy } => {
            one(moved_member(form, library, from, symbol, *copy)?)
        }
        FormKind::AddEvent => one(Edit::AddEvent {
            event: event_of(form)?,
        }),
        FormKind::EditEvent { index } => event_edits(form, library, *index),
        FormKind::RecordOutcome { index } => Ok(recorded_outcome(form, library, *index)),
    }
}

/// The form's text of field `key`, trimmed.
fn text(form: &Form, key: FieldKey) -> String {
    form.value(key).trim().to_string()
}

/// A member from the add form: what the session knows of the symbol, with
/// the names and weight typed.
fn added_member(form: &Form, basket: &BasketId) -> Result<Edit, EditError> {
    let symbol = parse_symbol(&text(form, FieldKey::Symbol))?;
    let known = form.known_member(&symbol);
    let mut member = known.unwrap_or_else(|| Member::new(symbol, ""));
    for (key, slot) in [
        (FieldKey::Name, &mut member.name),
        (FieldKey::Segment, &mut member.segment),
    ] {
        if !text(form, key).is_empty() {
            *slot = text(form, key);
        }
    }
    member.weight = parse_weight(&text(form, FieldKey::Weight))?;
    Ok(Edit::AddMember {
        basket: basket.clone(),
        member,
    })
}

/// One edit per changed cell of a member.
fn member_edits(
    form: &Form,
    basket: &BasketId,
    symbol: &Symbol,
) -> Result<(String, Vec<Edit>), EditError> {
    let edits: Vec<Edit> = form
        .fields
        .iter()
        .filter(|f| f.changed())
        .map(|f| -> Result<Edit, EditError> {
            Ok(Edit::SetMember {
                basket: basket.clone(),
                symbol: symbol.clone(),
                value: MemberValue::parse(symbol, member_field(f.key)?, &f.text())?,
            })
        })
        .collect::<Result<_, _>>()?;
    let label = match edits.as_slice() {
        [single] => single.describe(),
        _ => format!("edit {symbol} in {basket}"),
    };
    Ok((label, edits))
}

/// A move (or copy) to the basket typed, which must exist.
fn moved_member(
    form: &Form,
    library: &Library,
    from: &BasketId,
    symbol: &Symbol,
    copy: bool,
) -> Result<Edit, EditError> {
    let to =
        BasketId::parse(&text(form, FieldKey::To)).map_err(|m| EditError::at(FieldKey::To, m))?;
    if library.basket(&to).is_none() {
        return Err(EditError::at(
            FieldKey::To,
            format!("there is no basket {to}; Tab picks one of the baskets"),
        ));
    }
    let (from, symbol) = (from.clone(), symbol.clone());
    Ok(if copy {
        Edit::CopyMember { from, to, symbol }
    } else {
        Edit::MoveMember { from, to, symbol }
    })
}

/// An edited event replaces the old one (its date may move it in the list).
fn event_edits(
    form: &Form,
    library: &Library,
    index: usize,
) -> Result<(String, Vec<Edit>), EditError> {
    let Some(old) = library.watchlist.events.get(index) else {
        return Err(EditError::at(
            FieldKey::Symbol,
            "the event is no longer in the watchlist",
        ));
    };
    let event = edited_event(form, old)?;
    let label = format!("edit the {} {} event", event.name, event.date);
    Ok((
        label,
        vec![Edit::RemoveEvent { index }, Edit::AddEvent { event }],
    ))
}

/// The outcome typed; an empty capex or guidance leaves it as it was.
fn recorded_outcome(form: &Form, library: &Library, index: usize) -> (String, Vec<Edit>) {
    let optional = |key: FieldKey| Some(text(form, key)).filter(|t| !t.is_empty());
    let name = library
        .watchlist
        .events
        .get(index)
        .map(|e| format!("{} {}", e.name, e.date))
        .unwrap_or_default();
    let edit = Edit::RecordOutcome {
        index,
        outcome: form.value(FieldKey::Outcome).trim().to_string(),
        capex: optional(FieldKey::Capex),
        guidance: optional(FieldKey::Guidance),
    };
    (format!("record the outcome of {name}"), vec![edit])
}

/// A new event from the form; each field checked where it is typed.
fn event_of(form: &Form) -> Result<EarningsEvent, EditError> {
    let text = |key: FieldKey| form.value(key).trim().to_string();
    Ok(EarningsEvent {
        symbol: parse_symbol(&text(FieldKey::Symbol))?,
        name: text(FieldKey::Name),
        date: parse_date(&text(FieldKey::Date)).map_err(|m| EditError::at(FieldKey::Date, m))?,
        session: text(FieldKey::Session)
            .parse()
            .map_err(|m| EditError::at(FieldKey::Session, m))?,
        period: text(FieldKey::Period),
        capex_last: text(FieldKey::CapexLast),
        guidance: text(FieldKey::Guidance),
        watch: text(FieldKey::Watch),
        outcome: String::new(),
        capex_reported: String::new(),
        guidance_change: String::new(),
        estimated: false,
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
        let edit = Edit::SetEvent {
            index: 0,
            value: EventValue::parse(event_field(field.key)?, &field.text())?,
        };
        scratch = apply(&scratch, &edit)?;
    }
    scratch
        .watchlist
        .events
        .pop()
        .ok_or_else(|| EditError::at(FieldKey::Symbol, "the event was lost while editing"))
}

/// The member field a form field edits; a form built with any other field
/// is refused at it.
fn member_field(key: FieldKey) -> Result<MemberField, EditError> {
    key.member_field()
        .ok_or_else(|| EditError::at(key, format!("{} is not a member field", key.field())))
}

/// The event field a form field edits.
fn event_field(key: FieldKey) -> Result<EventField, EditError> {
    key.event_field()
        .ok_or_else(|| EditError::at(key, format!("{} is not an event field", key.field())))
}
