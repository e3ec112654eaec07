//! Descriptions, field names, undo/redo and values refused where typed.

use super::*;

#[test]
fn descriptions_name_the_change() {
    let add = Edit::AddMember {
        basket: id("domestic-chain"),
        member: member("688981.SH", "中芯国际"),
    };
    assert_eq!(add.describe(), "add 688981.SH to domestic-chain");
    let clear = Edit::SetMember {
        basket: id("na-chain"),
        symbol: sym("300308.SZ"),
        value: MemberValue::Weight(None),
    };
    assert_eq!(
        clear.describe(),
        "clear the weight of 300308.SZ in na-chain"
    );
    assert_eq!(Edit::RemoveEvent { index: 0 }.describe(), "remove event 1");
}

#[test]
fn field_names_parse_in_snake_and_kebab_case() {
    assert_eq!("name-en".parse::<MemberField>(), Ok(MemberField::NameEn));
    assert_eq!("NAME_EN".parse::<MemberField>(), Ok(MemberField::NameEn));
    assert_eq!(
        "capex-last".parse::<EventField>(),
        Ok(EventField::CapexLast)
    );
    assert_eq!("method".parse::<BasketField>(), Ok(BasketField::Method));
    assert!("colour".parse::<MemberField>().is_err());
}

#[test]
fn undo_and_redo_walk_the_snapshots() {
    let v0 = library();
    let e1 = Edit::RemoveMember {
        basket: id("na-chain"),
        symbol: sym("300502.SZ"),
    };
    let v1 = apply(&v0, &e1).unwrap();
    let e2 = Edit::DeleteBasket {
        id: id("domestic-chain"),
    };
    let v2 = apply(&v1, &e2).unwrap();
    let mut history = History::new();
    assert!(!history.can_undo() && !history.can_redo());
    history.record(e1.describe(), v0.clone());
    history.record(e2.describe(), v1.clone());

    let (label, back) = history.undo(&v2).unwrap();
    assert_eq!(
        (label.as_str(), &back),
        ("delete basket domestic-chain", &v1)
    );
    let (label, back) = history.undo(&v1).unwrap();
    assert_eq!(
        (label.as_str(), &back),
        ("remove 300502.SZ from na-chain", &v0)
    );
    assert!(history.undo(&v0).is_none());
    let (_, forward) = history.redo(&v0).unwrap();
    assert_eq!(forward, v1);
    assert!(history.can_redo());

    // A new edit forgets what was undone.
    let e3 = Edit::DeleteBasket { id: id("na-chain") };
    history.record(e3.describe(), v1.clone());
    assert!(!history.can_redo());
    assert!(history.redo(&v1).is_none());
    let (label, back) = history.undo(&apply(&v1, &e3).unwrap()).unwrap();
    assert_eq!((label.as_str(), back), ("delete basket na-chain", v1));
}

/// A `Set*` value is checked where it is typed: text that would act on a
/// terminal is refused by the parse, naming the field, before any edit exists.
#[test]
fn parsed_values_refuse_text_that_is_not_inert() {
    let member = MemberValue::parse(&sym("300308.SZ"), MemberField::NameEn, "a\u{202e}b");
    assert_eq!(member.unwrap_err().field, Some(Field::NameEn));
    let basket = BasketValue::parse(BasketField::Description, "\u{1b}[2J");
    let err = basket.unwrap_err();
    assert_eq!(err.field, Some(Field::Description));
    assert!(err.message.contains("U+001B"), "{err}");
    let event = EventValue::parse(EventField::Watch, "capex\u{7}");
    assert_eq!(event.unwrap_err().field, Some(Field::Watch));
    // Clean text parses to the trimmed value; a date and a session to theirs.
    assert_eq!(
        BasketValue::parse(BasketField::Description, "  Optical  "),
        Ok(BasketValue::Description("Optical".into()))
    );
    assert_eq!(
        EventValue::parse(EventField::Date, "2025-05-15"),
        Ok(EventValue::Date(
            NaiveDate::from_ymd_opt(2025, 5, 15).unwrap()
        ))
    );
    assert_eq!(
        EventValue::parse(EventField::Session, "after-close"),
        Ok(EventValue::Session(Session::AfterClose))
    );
}
