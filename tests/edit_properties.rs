//! Properties of random edit sessions: undo walks back through every state
//! and redo forward again; a refused edit changes nothing; saving after
//! every edit and loading again gives back the library in memory.

use proptest::prelude::*;
use spillover::domain::edit::{
    BasketField, BasketValue, Edit, EventField, EventValue, History, Library, MemberField,
    MemberValue, apply,
};
use spillover::domain::{BasketId, EarningsEvent, Member, Session, Symbol};
use spillover::store::Store;

const IDS: [&str; 4] = ["na-chain", "domestic-chain", "optical", "hk"];
const SYMBOLS: [&str; 4] = ["300308.SZ", "688256.SH", "9988.HK", "0700.HK"];
const WEIGHTS: [&str; 5] = ["1", "2.5", "", "-1", "abc"];
const TEXTS: [&str; 3] = ["中际旭创", "", "Optical module"];

fn id(i: usize) -> BasketId {
    BasketId::parse(IDS[i]).unwrap()
}

fn sym(i: usize) -> Symbol {
    Symbol::parse(SYMBOLS[i]).unwrap()
}

/// Any edit over a small vocabulary, so that many succeed and many are refused.
fn edit() -> impl Strategy<Value = Edit> {
    let i = || 0..4usize;
    let text = || (0..3usize).prop_map(|t| TEXTS[t].to_string());
    prop_oneof![
        (i(), text()).prop_map(|(b, name)| Edit::CreateBasket { id: id(b), name }),
        (i(), i()).prop_map(|(a, b)| Edit::DuplicateBasket {
            from: id(a),
            to: id(b)
        }),
        (i(), i()).prop_map(|(a, b)| Edit::RenameBasket {
            from: id(a),
            to: id(b)
        }),
        i().prop_map(|b| Edit::DeleteBasket { id: id(b) }),
        // A value that does not parse cannot become an edit: only parsed ones.
        (i(), text(), 0..4usize).prop_filter_map("the value parses", |(b, value, f)| {
            let (field, value) = match f {
                0 => (BasketField::Name, value),
                1 => (BasketField::Description, value),
                2 => (BasketField::Method, "custom".to_string()),
                _ => (BasketField::Method, "equal".to_string()),
            };
            let value = BasketValue::parse(field, &value).ok()?;
            Some(Edit::SetBasket { id: id(b), value })
        }),
        (i(), i(), text()).prop_map(|(b, s, name)| Edit::AddMember {
            basket: id(b),
            member: Member::new(sym(s), &name),
        }),
        (i(), i()).prop_map(|(b, s)| Edit::RemoveMember {
            basket: id(b),
            symbol: sym(s)
        }),
        (i(), i(), 0..5usize, 0..4usize).prop_filter_map("the value parses", |(b, s, w, f)| {
            let text = if f == 3 { WEIGHTS[w] } else { TEXTS[w % 3] };
            let value = MemberValue::parse(&sym(s), MemberField::ALL[f], text).ok()?;
            Some(Edit::SetMember {
                basket: id(b),
                symbol: sym(s),
                value,
            })
        }),
        (i(), i(), i()).prop_map(|(a, b, s)| Edit::CopyMember {
            from: id(a),
            to: id(b),
            symbol: sym(s)
        }),
        (i(), i(), i()).prop_map(|(a, b, s)| Edit::MoveMember {
            from: id(a),
            to: id(b),
            symbol: sym(s)
        }),
        (i(), 1..28u32, text()).prop_map(|(s, day, name)| Edit::AddEvent {
            event: EarningsEvent {
                symbol: sym(s),
                name,
                date: chrono::NaiveDate::from_ymd_opt(2025, 5, day).unwrap(),
                session: Session::AfterClose,
                period: String::new(),
                capex_last: String::new(),
                guidance: String::new(),
                watch: String::new(),
                outcome: String::new(),
                capex_reported: String::new(),
                guidance_change: String::new(),
                estimated: false,
            },
        }),
        (
            0..3usize,
            0..9usize,
            prop_oneof![Just("2025-05-20"), Just("intraday"), Just("x")]
        )
            .prop_filter_map("the value parses", |(index, f, value)| {
                let value = EventValue::parse(EventField::ALL[f], value).ok()?;
                Some(Edit::SetEvent { index, value })
            }),
        (0..3usize).prop_map(|index| Edit::RemoveEvent { index }),
        (0..3usize, text()).prop_map(|(index, outcome)| Edit::RecordOutcome {
            index,
            outcome,
            capex: Some("RMB 1 bn".into()),
            guidance: None,
        }),
    ]
}

/// The library with its baskets in id order: a reload sorts them its own way.
fn by_id(mut library: Library) -> Library {
    library.baskets.sort_by(|a, b| a.id.cmp(&b.id));
    library
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn undo_and_redo_retrace_every_state(edits in prop::collection::vec(edit(), 1..25)) {
        let mut states = vec![Library::default()];
        let mut history = History::new();
        for edit in &edits {
            let current = states.last().unwrap().clone();
            match apply(&current, edit) {
                Ok(next) => {
                    history.record(edit.describe(), current);
                    states.push(next);
                }
                Err(e) => {
                    prop_assert!(e.field.is_some(), "{e} names no field");
                }
            }
        }
        let mut now = states.last().unwrap().clone();
        for expected in states.iter().rev().skip(1) {
            let (_, back) = history.undo(&now).unwrap();
            prop_assert_eq!(&back, expected);
            now = back;
        }
        prop_assert!(!history.can_undo());
        for expected in states.iter().skip(1) {
            let (_, forward) = history.redo(&now).unwrap();
            prop_assert_eq!(&forward, expected);
            now = forward;
        }
        prop_assert!(!history.can_redo());
    }

    #[test]
    fn saving_every_edit_then_loading_gives_the_same_library(
        edits in prop::collection::vec(edit(), 1..15)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (mut library, mut prints, _) = store.load_library();
        for edit in &edits {
            if let Ok(next) = apply(&library, edit) {
                store.save_library(&library, &next, &mut prints).unwrap();
                library = next;
            }
        }
        prop_assert!(store.changed_on_disk(&prints).is_empty());
        let (reloaded, _, problems) = store.load_library();
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(by_id(reloaded), by_id(library));
    }
}
