//! A small form: labelled fields, one focused, an optional list of
//! candidates under the focused field, and a refusal shown at the field it
//! concerns. Adding a member is a form of three fields; recording an
//! outcome is one of three with a multi-line text.

use super::field::TextField;
use crate::domain::edit::complete::{Candidate, matching};
use crate::domain::edit::{EventField, Field, MemberField};
use crate::domain::{BasketId, Member, Symbol};

/// What submitting the form does.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    AddMember {
        basket: BasketId,
    },
    EditMember {
        basket: BasketId,
        symbol: Symbol,
    },
    /// Move (or copy) a member to the basket typed in the `to` field.
    MoveMember {
        from: BasketId,
        symbol: Symbol,
        copy: bool,
    },
    AddEvent,
    /// `index` in the date-sorted watchlist.
    EditEvent {
        index: usize,
    },
    RecordOutcome {
        index: usize,
    },
}

/// What a field can complete to.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggest {
    Nothing,
    /// Symbols by code or name (the session's known symbols).
    Symbols(Vec<Candidate>),
    /// Fixed words: basket ids, sessions.
    Words(Vec<String>),
}

/// One choice of the candidate list.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// What goes into the field.
    pub value: String,
    /// How the list shows it.
    pub label: String,
    /// The member a symbol choice stands for (names, segment).
    pub member: Option<Member>,
}

/// Which field of a form: the forms' fields are looked up by this, never
/// by text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Symbol,
    Name,
    NameEn,
    Segment,
    Weight,
    /// The basket a member is moved or copied to.
    To,
    Date,
    Session,
    Period,
    CapexLast,
    Guidance,
    Watch,
    Outcome,
    /// The capex of a recorded outcome (empty: unchanged).
    Capex,
    CapexReported,
    GuidanceChange,
}

impl From<FieldKey> for Field {
    fn from(key: FieldKey) -> Field {
        key.field()
    }
}

impl FieldKey {
    /// The field the edit model names in its refusals
    /// ([`crate::domain::edit::EditError::field`]).
    pub fn field(self) -> Field {
        match self {
            FieldKey::Symbol => Field::Symbol,
            FieldKey::Name => Field::Name,
            FieldKey::NameEn => Field::NameEn,
            FieldKey::Segment => Field::Segment,
            FieldKey::Weight => Field::Weight,
            FieldKey::To => Field::Basket,
            FieldKey::Date => Field::Date,
            FieldKey::Session => Field::Session,
            FieldKey::Period => Field::Period,
            FieldKey::CapexLast => Field::CapexLast,
            FieldKey::Guidance => Field::Guidance,
            FieldKey::Watch => Field::Watch,
            FieldKey::Outcome => Field::Outcome,
            FieldKey::Capex => Field::Capex,
            FieldKey::CapexReported => Field::CapexReported,
            FieldKey::GuidanceChange => Field::GuidanceChange,
        }
    }

    /// The member field this form field edits, if it is one.
    pub fn member_field(self) -> Option<MemberField> {
        match self {
            FieldKey::Name => Some(MemberField::Name),
            FieldKey::NameEn => Some(MemberField::NameEn),
            FieldKey::Segment => Some(MemberField::Segment),
            FieldKey::Weight => Some(MemberField::Weight),
            _ => None,
        }
    }

    /// The event field this form field edits, if it is one.
    pub fn event_field(self) -> Option<EventField> {
        match self {
            FieldKey::Symbol => Some(EventField::Symbol),
            FieldKey::Name => Some(EventField::Name),
            FieldKey::Date => Some(EventField::Date),
            FieldKey::Session => Some(EventField::Session),
            FieldKey::Period => Some(EventField::Period),
            FieldKey::CapexLast => Some(EventField::CapexLast),
            FieldKey::Guidance => Some(EventField::Guidance),
            FieldKey::Watch => Some(EventField::Watch),
            FieldKey::Outcome => Some(EventField::Outcome),
            FieldKey::CapexReported => Some(EventField::CapexReported),
            FieldKey::GuidanceChange => Some(EventField::GuidanceChange),
            FieldKey::NameEn
            | FieldKey::Segment
            | FieldKey::Weight
            | FieldKey::To
            | FieldKey::Capex => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// Which field this is.
    pub key: FieldKey,
    pub label: &'static str,
    pub value: TextField,
    /// Shown dim after the label: what to type.
    pub hint: &'static str,
    pub suggest: Suggest,
    /// The value the form opened with (to tell whether anything changed).
    pub original: String,
}

impl FormField {
    pub fn line(key: FieldKey, label: &'static str, value: &str, hint: &'static str) -> Self {
        FormField {
            key,
            label,
            value: TextField::line(value),
            hint,
            suggest: Suggest::Nothing,
            original: value.to_string(),
        }
    }

    pub fn multi(key: FieldKey, label: &'static str, value: &str, hint: &'static str) -> Self {
        FormField {
            value: TextField::multi(value),
            ..FormField::line(key, label, value, hint)
        }
    }

    pub fn suggesting(mut self, suggest: Suggest) -> Self {
        self.suggest = suggest;
        self
    }

    pub fn text(&self) -> String {
        self.value.text()
    }

    pub fn changed(&self) -> bool {
        self.value.text() != self.original
    }
}

/// An open form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// A refusal: which field, and why. The form stays open.
    pub error: Option<(usize, String)>,
    /// Candidates for the focused field, and the selected one.
    pub choices: Vec<Choice>,
    pub choice: usize,
}

impl Form {
    pub fn new(kind: FormKind, title: String, fields: Vec<FormField>) -> Form {
        let mut form = Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
            choices: Vec::new(),
            choice: 0,
        };
        form.refresh_choices();
        form
    }

    /// Starts with `key` focused (e.g. the weight of a member).
    pub fn focused_on(mut self, key: FieldKey) -> Form {
        self.focus = self.index_of(key).unwrap_or(0);
        self.choices.clear();
        self
    }

    pub fn index_of(&self, key: FieldKey) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }

    pub fn focused(&self) -> Option<&FormField> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut FormField> {
        self.fields.get_mut(self.focus)
    }

    /// The text of field `key` ("" when the form has no such field).
    pub fn value(&self, key: FieldKey) -> String {
        self.index_of(key)
            .map(|i| self.fields[i].text())
            .unwrap_or_default()
    }

    pub fn set_value(&mut self, key: FieldKey, text: &str) {
        if let Some(i) = self.index_of(key) {
            self.fields[i].value.set_text(text);
        }
    }

    pub fn changed(&self) -> bool {
        self.fields.iter().any(FormField::changed)
    }

    pub fn focused_is_multiline(&self) -> bool {
        self.focused().is_some_and(|f| f.value.multiline)
    }

    /// Shows a refusal at the field the edit model names (the focused one
    /// when the form has no such field) and moves the focus there.
    pub fn refuse(&mut self, field: Option<Field>, message: String) {
        let at = field
            .and_then(|n| self.fields.iter().position(|f| f.key.field() == n))
            .unwrap_or(self.focus);
        self.focus = at;
        self.error = Some((at, message));
        self.choices.clear();
    }

    /// Changes focus by `step` fields (wrapping).
    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.choices.clear();
    }

    /// Edits the focused field; the refusal (if any) is cleared because
    /// the text it was about has changed.
    pub fn edit(&mut self, change: impl FnOnce(&mut TextField)) {
        if let Some(field) = self.focused_mut() {
            change(&mut field.value);
        }
        self.error = None;
        self.refresh_choices();
    }

    /// Recomputes the candidates of the focused field from its text.
    pub fn refresh_choices(&mut self) {
        let Some(field) = self.focused() else {
            return;
        };
        let query = field.text();
        self.choices = match &field.suggest {
            Suggest::Nothing => Vec::new(),
            Suggest::Symbols(known) => matching(known, &query)
                .into_iter()
                .map(|c| Choice {
                    value: c.symbol.to_string(),
                    label: symbol_label(&c),
                    member: Some(c.member()),
                })
                .collect(),
            Suggest::Words(words) => {
                let q = query.trim().to_lowercase();
                words
                    .iter()
                    .filter(|w| !q.is_empty() && w.to_lowercase().contains(&q) && **w != query)
                    .map(|w| Choice {
                        value: w.clone(),
                        label: w.clone(),
                        member: None,
                    })
                    .collect()
            }
        };
        // A symbol typed out in full needs no list.
        if self.choices.len() == 1 && self.choices[0].value == query {
            self.choices.clear();
        }
        self.choice = 0;
    }

    /// Moves the candidate selection; false when there is no list.
    pub fn step_choice(&mut self, forward: bool) -> bool {
        let n = self.choices.len();
        if n == 0 {
            return false;
        }
        self.choice = if forward {
            (self.choice + 1) % n
        } else {
            (self.choice + n - 1) % n
        };
        true
    }

    /// Puts the selected candidate into the focused field (and, for a
    /// symbol, its names into empty name fields); closes the list.
    pub fn take_choice(&mut self) -> bool {
        let Some(choice) = self.choices.get(self.choice).cloned() else {
            return false;
        };
        if let Some(field) = self.focused_mut() {
            field.value.set_text(&choice.value);
        }
        if let Some(member) = &choice.member {
            for (key, value) in [
                (FieldKey::Name, &member.name),
                (FieldKey::Segment, &member.segment),
            ] {
                if self.value(key).trim().is_empty() && !value.is_empty() {
                    self.set_value(key, value);
                }
            }
        }
        self.choices.clear();
        self.error = None;
        true
    }

    /// What the session knows about `symbol` (names, segment), from the
    /// symbol field's candidates.
    pub fn known_member(&self, symbol: &Symbol) -> Option<Member> {
        self.fields.iter().find_map(|f| match &f.suggest {
            Suggest::Symbols(known) => known
                .iter()
                .find(|c| &c.symbol == symbol)
                .map(Candidate::member),
            _ => None,
        })
    }
}

fn symbol_label(c: &Candidate) -> String {
    let mut label = c.symbol.to_string();
    for part in [&c.name, &c.name_en, &c.segment] {
        if !part.is_empty() {
            label.push_str("  ");
            label.push_str(part);
        }
    }
    if !c.cached {
        label.push_str("  (no data yet)");
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::complete::known_symbols;
    use crate::store::demo::default_baskets;

    fn add_member_form() -> Form {
        let known = known_symbols(&default_baskets(), &[]);
        Form::new(
            FormKind::AddMember {
                basket: BasketId::parse("domestic-chain").unwrap(),
            },
            "add".into(),
            vec![
                FormField::line(FieldKey::Symbol, "Symbol", "", "")
                    .suggesting(Suggest::Symbols(known)),
                FormField::line(FieldKey::Name, "Name", "", ""),
                FormField::line(FieldKey::Weight, "Weight", "", ""),
            ],
        )
    }

    #[test]
    fn typing_a_name_lists_the_symbol_and_enter_takes_it_with_its_name() {
        let mut form = add_member_form();
        for c in "innol".chars() {
            form.edit(|f| f.insert(c));
        }
        assert_eq!(form.choices.len(), 1);
        assert!(form.choices[0].label.contains("中际旭创"));
        assert!(form.take_choice());
        assert_eq!(form.value(FieldKey::Symbol), "300308.SZ");
        assert_eq!(form.value(FieldKey::Name), "中际旭创");
        assert!(form.choices.is_empty());
    }

    #[test]
    fn a_refusal_sits_at_its_field_and_typing_clears_it() {
        let mut form = add_member_form();
        form.refuse(Some(Field::Weight), "weight must not be negative".into());
        assert_eq!(form.focus, 2);
        assert_eq!(form.error, Some((2, "weight must not be negative".into())));
        form.edit(|f| f.insert('1'));
        assert_eq!(form.error, None);
        assert!(form.changed());
    }

    #[test]
    fn a_refusal_naming_the_target_basket_sits_at_the_to_field() {
        // The edit model calls the basket a member goes to `Field::Basket`;
        // the form's To field is that basket (they were "basket" and "to"
        // as strings, so such a refusal never moved the focus).
        let mut form = add_member_form();
        form.fields
            .push(FormField::line(FieldKey::To, "To", "", ""));
        form.refuse(Some(Field::Basket), "no basket \"x\"".into());
        assert_eq!(form.focus, 3);
    }
}
