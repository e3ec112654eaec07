//! Keys → [`Action`]s, per mode and focused pane, as one table of data.
//! The help screen and the key-hint line read the same table, so they can
//! never drift from what the keys do. The tables: [`workstation`] (panes,
//! inputs, help) and [`edit`] (editing); a row is a [`Binding`].

mod binding;
pub mod catalysts;
pub mod edit;
pub mod key;
pub mod workstation;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::state::{Mode, Pane};
use binding::{BASKETS, CHART, COMMAND, DETAIL, EVENTS, FAILURES, FILTER, G, HELP, SCATTER, WATCH};
pub use binding::{Binding, Scope};
use catalysts::CATALYST_BINDINGS;
use edit::EDIT_BINDINGS;
pub use key::{Key, ch, code, ctrl, shift};
pub use workstation::BINDINGS;

/// The action a key press means in `mode` with `focus`; in an input field
/// an unbound printable character is typed.
pub fn action_for(mode: Mode, focus: Pane, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let find = |scope: Scope| {
        all_bindings()
            .filter(|b| b.scope == scope)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    };
    // Ctrl-C quits from anywhere, also from an input field.
    if ctrl('c').matches(event) {
        return Some(Action::Quit);
    }
    match mode {
        Mode::Normal => find(Scope::Pane(focus)).or_else(|| find(Scope::Global)),
        Mode::Filter | Mode::Command | Mode::Form | Mode::Text => {
            find(Scope::Mode(mode)).or_else(|| match event.code {
                KeyCode::Char(c)
                    if !event
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Input(c))
                }
                _ => None,
            })
        }
        Mode::Help
        | Mode::Detail
        | Mode::Events
        | Mode::Conflict
        | Mode::ConfirmClose
        | Mode::Problems => find(Scope::Mode(mode)),
    }
}

/// The bindings the key-hint line shows in `mode` with `focus`.
pub fn hints(mode: Mode, focus: Pane) -> impl Iterator<Item = &'static Binding> {
    let scopes: Vec<Scope> = match mode {
        Mode::Normal => vec![Scope::Pane(focus), Scope::Global],
        other => vec![Scope::Mode(other)],
    };
    // The focused pane's own keys first: they are what the pane is for.
    scopes
        .into_iter()
        .flat_map(|scope| all_bindings().filter(move |b| b.hint && b.scope == scope))
}

/// The scopes in the order the help screen lists them.
pub const HELP_ORDER: [Scope; 14] = [
    G,
    BASKETS,
    CHART,
    SCATTER,
    WATCH,
    FILTER,
    COMMAND,
    Scope::Mode(Mode::Form),
    Scope::Mode(Mode::Text),
    Scope::Mode(Mode::Conflict),
    HELP,
    DETAIL,
    EVENTS,
    FAILURES,
];

/// Every scope with keys, as the README's key table lists them: the help
/// screen's, then the question a changed form's Esc asks (its keys are on
/// the hint line and in the form itself while it asks).
pub const KEY_TABLE_ORDER: [Scope; 15] = {
    let mut all = [Scope::Mode(Mode::ConfirmClose); 15];
    let mut i = 0;
    while i < HELP_ORDER.len() {
        all[i] = HELP_ORDER[i];
        i += 1;
    }
    all
};

/// Every binding: the workstation's and the editing ones.
pub fn all_bindings() -> impl Iterator<Item = &'static Binding> {
    // Editing first: on a narrow hint line, what the pane changes matters most.
    EDIT_BINDINGS
        .iter()
        .chain(BINDINGS.iter())
        .chain(CATALYST_BINDINGS.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        let all: Vec<&Binding> = all_bindings().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{} bound twice in {:?}",
                            k.label(),
                            a.scope
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pane_keys_win_and_inputs_take_unbound_characters() {
        let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        // `l` is the next basket in the baskets pane, pan in the chart.
        assert_eq!(
            action_for(Mode::Normal, Pane::Baskets, &key('l')),
            Some(Action::NextBasket)
        );
        assert_eq!(
            action_for(Mode::Normal, Pane::Chart, &key('l')),
            Some(Action::PanForward)
        );
        assert_eq!(
            action_for(Mode::Normal, Pane::Chart, &key('q')),
            Some(Action::Quit)
        );
        // Typing a filter, `q` is a letter; Enter keeps the filter.
        assert_eq!(
            action_for(Mode::Filter, Pane::Baskets, &key('q')),
            Some(Action::Input('q'))
        );
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Filter, Pane::Baskets, &enter),
            Some(Action::Submit)
        );
        // Shift is in the character: `S` with or without the Shift flag.
        let shifted = KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::Normal, Pane::Baskets, &shifted),
            Some(Action::FlipSort)
        );
        // In help, unbound keys do nothing.
        assert_eq!(action_for(Mode::Help, Pane::Baskets, &key('x')), None);
    }

    #[test]
    fn a_changed_forms_esc_asks_with_keys_of_the_keymap() {
        let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let asking = |c: char| action_for(Mode::ConfirmClose, Pane::Baskets, &key(c));
        assert_eq!(asking('s'), Some(Action::SaveForm));
        assert_eq!(asking('y'), Some(Action::SaveForm));
        assert_eq!(asking('d'), Some(Action::DiscardForm));
        assert_eq!(asking('n'), Some(Action::DiscardForm));
        // Not typed into the form while it asks.
        assert_eq!(asking('x'), None);
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::ConfirmClose, Pane::Baskets, &esc),
            Some(Action::Close)
        );
        let hinted: Vec<Action> = hints(Mode::ConfirmClose, Pane::Baskets)
            .map(|b| b.action)
            .collect();
        assert_eq!(
            hinted,
            [Action::SaveForm, Action::DiscardForm, Action::Close]
        );
    }

    #[test]
    fn every_scope_with_keys_is_in_the_key_table() {
        for binding in all_bindings() {
            assert!(
                KEY_TABLE_ORDER.contains(&binding.scope),
                "{:?} is not listed",
                binding.scope
            );
        }
    }
}
