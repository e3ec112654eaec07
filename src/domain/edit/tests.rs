//! Every edit, every refusal (with the library unchanged), and undo/redo.

use chrono::NaiveDate;

use super::*;
use crate::domain::{Method, Session};

fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

fn id(text: &str) -> BasketId {
    BasketId::parse(text).unwrap()
}

fn member(symbol: &str, name: &str) -> Member {
    Member::new(sym(symbol), name)
}

fn event(symbol: &str, name: &str, date: &str) -> EarningsEvent {
    EarningsEvent {
        symbol: sym(symbol),
        name: name.into(),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        session: Session::AfterClose,
        period: String::new(),
        capex_last: String::new(),
        guidance: String::new(),
        watch: String::new(),
        outcome: String::new(),
        capex_reported: String::new(),
        guidance_change: String::new(),
        estimated: false,
    }
}

/// Two baskets sharing 300308.SZ, and two events out of order in time.
fn library() -> Library {
    let basket = |bid: &str, members: Vec<Member>| Basket {
        id: id(bid),
        name: bid.to_uppercase(),
        description: String::new(),
        method: Method::Equal,
        members,
    };
    let mut watchlist = Watchlist {
        events: vec![
            event("9988.HK", "Alibaba", "2025-05-15"),
            event("0700.HK", "Tencent", "2025-05-14"),
        ],
    };
    watchlist.sort();
    Library {
        baskets: vec![
            basket(
                "na-chain",
                vec![
                    member("300308.SZ", "中际旭创"),
                    member("300502.SZ", "新易盛"),
                ],
            ),
            basket("domestic-chain", vec![member("688256.SH", "寒武纪")]),
        ],
        watchlist,
    }
}

/// Applies an edit that must be refused at `field`, and checks nothing changed.
fn refused(edit: Edit, field: &str) -> String {
    let lib = library();
    let err = apply(&lib, &edit).expect_err("should be refused");
    assert_eq!(err.field, Some(field), "{err}");
    assert_eq!(lib, library());
    err.message
}

/// A value refused where it is parsed, or an edit refused by `apply`.
fn refused_at(edit: Result<Edit, EditError>, field: &str) -> String {
    match edit {
        Err(err) => {
            assert_eq!(err.field, Some(field), "{err}");
            err.message
        }
        Ok(edit) => refused(edit, field),
    }
}

fn ok(edit: Edit) -> Library {
    apply(&library(), &edit).unwrap()
}

fn members(lib: &Library, basket: &str) -> Vec<String> {
    let b = lib.basket(&id(basket)).unwrap();
    b.members.iter().map(|m| m.symbol.to_string()).collect()
}

#[test]
fn basket_lifecycle() {
    let lib = ok(Edit::CreateBasket {
        id: id("optical"),
        name: " Optical modules ".into(),
    });
    let b = lib.basket(&id("optical")).unwrap();
    assert_eq!(
        (b.name.as_str(), b.method, b.members.len()),
        ("Optical modules", Method::Equal, 0)
    );
    assert_eq!(lib.baskets.len(), 3);

    let lib = ok(Edit::DuplicateBasket {
        from: id("na-chain"),
        to: id("na-copy"),
    });
    assert_eq!(
        lib.baskets[1].id,
        id("na-copy"),
        "the copy sits after its source"
    );
    assert_eq!(lib.baskets[1].members, lib.baskets[0].members);

    let lib = ok(Edit::RenameBasket {
        from: id("na-chain"),
        to: id("na"),
    });
    assert_eq!(lib.baskets[0].id, id("na"));
    assert_eq!(
        lib.baskets[0].name, "NA-CHAIN",
        "renaming changes the id, not the name"
    );

    let lib = ok(Edit::DeleteBasket { id: id("na-chain") });
    assert_eq!(lib.baskets.len(), 1);
    assert!(lib.basket(&id("na-chain")).is_none());

    let set = |field, value: &str| Edit::SetBasket {
        id: id("na-chain"),
        value: BasketValue::parse(field, value).unwrap(),
    };
    assert_eq!(
        ok(set(BasketField::Name, "North America")).baskets[0].name,
        "North America"
    );
    assert_eq!(
        ok(set(BasketField::Method, "Custom")).baskets[0].method,
        Method::Custom
    );
    assert_eq!(
        ok(set(BasketField::Description, "suppliers")).baskets[0].description,
        "suppliers"
    );
}

#[test]
fn basket_refusals() {
    let create = |bid: &str, name: &str| Edit::CreateBasket {
        id: id(bid),
        name: name.into(),
    };
    assert!(refused(create("na-chain", "x"), "id").contains("already taken"));
    assert!(refused(create("new", "  "), "name").contains("cannot be empty"));
    let dup = Edit::DuplicateBasket {
        from: id("na-chain"),
        to: id("domestic-chain"),
    };
    refused(dup, "id");
    let dup = Edit::DuplicateBasket {
        from: id("nope"),
        to: id("x"),
    };
    assert!(refused(dup, "basket").contains("the baskets are: na-chain, domestic-chain"));
    refused(
        Edit::RenameBasket {
            from: id("nope"),
            to: id("x"),
        },
        "basket",
    );
    refused(
        Edit::RenameBasket {
            from: id("na-chain"),
            to: id("domestic-chain"),
        },
        "id",
    );
    refused(Edit::DeleteBasket { id: id("nope") }, "basket");
    let set = |field, value: &str| {
        BasketValue::parse(field, value).map(|value| Edit::SetBasket {
            id: id("na-chain"),
            value,
        })
    };
    refused_at(set(BasketField::Name, ""), "name");
    assert!(
        refused_at(set(BasketField::Method, "median"), "method").contains("equal, cap or custom")
    );
    assert!(parse_basket_id("Bad Id").is_err_and(|e| e.field == Some("id")));
}

#[test]
fn members_are_added_removed_and_set() {
    let mut m = member("688981.sh", "中芯国际");
    m.weight = Some(2.0);
    let lib = ok(Edit::AddMember {
        basket: id("domestic-chain"),
        member: m,
    });
    assert_eq!(members(&lib, "domestic-chain"), ["688256.SH", "688981.SH"]);

    // An empty name is taken from the basket that already holds the symbol.
    let lib = ok(Edit::AddMember {
        basket: id("domestic-chain"),
        member: member("300308.SZ", " "),
    });
    let added = lib
        .basket(&id("domestic-chain"))
        .unwrap()
        .member(&sym("300308.SZ"));
    assert_eq!(added.unwrap().name, "中际旭创");

    let lib = ok(Edit::RemoveMember {
        basket: id("na-chain"),
        symbol: sym("300502.SZ"),
    });
    assert_eq!(members(&lib, "na-chain"), ["300308.SZ"]);

    let set = |field, value: &str| Edit::SetMember {
        basket: id("na-chain"),
        symbol: sym("300308.SZ"),
        value: MemberValue::parse(&sym("300308.SZ"), field, value).unwrap(),
    };
    let first = |lib: Library| lib.baskets[0].members[0].clone();
    assert_eq!(
        first(ok(set(MemberField::Weight, " 2.5 "))).weight,
        Some(2.5)
    );
    assert_eq!(first(ok(set(MemberField::Weight, "0"))).weight, Some(0.0));
    let weighted = apply(&library(), &set(MemberField::Weight, "3")).unwrap();
    assert_eq!(
        first(apply(&weighted, &set(MemberField::Weight, "")).unwrap()).weight,
        None
    );
    assert_eq!(
        first(ok(set(MemberField::Name, "Innolight"))).name,
        "Innolight"
    );
    assert_eq!(
        first(ok(set(MemberField::NameEn, "Zhongji"))).name_en,
        "Zhongji"
    );
    assert_eq!(
        first(ok(set(MemberField::Segment, "Optical"))).segment,
        "Optical"
    );
}

#[test]
fn member_refusals() {
    let add = |basket: &str, m: Member| Edit::AddMember {
        basket: id(basket),
        member: m,
    };
    assert!(
        refused(add("na-chain", member("300308.SZ", "again")), "symbol")
            .contains("already in na-chain")
    );
    // The shell's `basket add` fills a default name before it gets here.
    assert!(refused(add("na-chain", member("000001.SZ", "")), "name").contains("give a name"));
    // Text is inert: an escape sequence or a bidi override is refused.
    assert!(
        refused(
            add("na-chain", member("000001.SZ", "\u{1b}[31mRED")),
            "name"
        )
        .contains("U+001B")
    );
    let mut m = member("000001.SZ", "x");
    m.segment = "a\u{202e}b".into();
    assert!(refused(add("na-chain", m), "segment").contains("U+202E"));
    refused(add("nope", member("000001.SZ", "x")), "basket");
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        let mut m = member("000001.SZ", "x");
        m.weight = Some(bad);
        refused(add("na-chain", m), "weight");
    }
    let set = |symbol: &str, field, value: &str| {
        MemberValue::parse(&sym(symbol), field, value).map(|value| Edit::SetMember {
            basket: id("na-chain"),
            symbol: sym(symbol),
            value,
        })
    };
    for bad in ["abc", "-1", "NaN", "inf", "1e400"] {
        refused_at(set("300308.SZ", MemberField::Weight, bad), "weight");
    }
    refused_at(set("300308.SZ", MemberField::Name, " "), "name");
    assert!(
        refused_at(set("9988.HK", MemberField::Segment, "x"), "symbol")
            .contains("not a member of na-chain")
    );
    refused(
        Edit::RemoveMember {
            basket: id("na-chain"),
            symbol: sym("9988.HK"),
        },
        "symbol",
    );
    assert!(parse_symbol("中际").is_err_and(|e| e.field == Some("symbol")));
    assert_eq!(parse_weight("").unwrap(), None);
}

#[test]
fn members_are_copied_and_moved() {
    let lib = ok(Edit::CopyMember {
        from: id("na-chain"),
        to: id("domestic-chain"),
        symbol: sym("300502.SZ"),
    });
    assert_eq!(members(&lib, "na-chain"), ["300308.SZ", "300502.SZ"]);
    assert_eq!(members(&lib, "domestic-chain"), ["688256.SH", "300502.SZ"]);
    let lib = ok(Edit::MoveMember {
        from: id("na-chain"),
        to: id("domestic-chain"),
        symbol: sym("300502.SZ"),
    });
    assert_eq!(members(&lib, "na-chain"), ["300308.SZ"]);
    assert_eq!(members(&lib, "domestic-chain"), ["688256.SH", "300502.SZ"]);

    let copy = |from: &str, to: &str, symbol: &str| Edit::CopyMember {
        from: id(from),
        to: id(to),
        symbol: sym(symbol),
    };
    refused(copy("na-chain", "na-chain", "300308.SZ"), "basket");
    refused(copy("na-chain", "nope", "300308.SZ"), "basket");
    refused(copy("na-chain", "domestic-chain", "9988.HK"), "symbol");
    let with_it = apply(&library(), &copy("na-chain", "domestic-chain", "300308.SZ")).unwrap();
    let again = Edit::MoveMember {
        from: id("na-chain"),
        to: id("domestic-chain"),
        symbol: sym("300308.SZ"),
    };
    let err = apply(&with_it, &again).unwrap_err();
    assert_eq!(err.field, Some("symbol"));
}

#[test]
fn events_stay_sorted_by_date() {
    // Sorted: 0 = Tencent 05-14, 1 = Alibaba 05-15.
    let lib = ok(Edit::AddEvent {
        event: event("9618.HK", "JD.com", "2025-05-13"),
    });
    let names: Vec<&str> = lib
        .watchlist
        .events
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["JD.com", "Tencent", "Alibaba"]);

    let set = |index, field, value: &str| Edit::SetEvent {
        index,
        value: EventValue::parse(field, value).unwrap(),
    };
    let lib = ok(set(0, EventField::Date, "2025-05-20"));
    assert_eq!(
        lib.watchlist.events[1].name, "Tencent",
        "moved after Alibaba"
    );
    let lib = ok(set(1, EventField::Session, "before-open"));
    assert_eq!(lib.watchlist.events[1].session, Session::BeforeOpen);
    assert_eq!(
        ok(set(1, EventField::Symbol, "9988.hk")).watchlist.events[1].symbol,
        sym("9988.HK")
    );
    assert_eq!(
        ok(set(1, EventField::Watch, "cloud")).watchlist.events[1].watch,
        "cloud"
    );
    assert_eq!(
        ok(set(1, EventField::Period, "FY25 Q4")).watchlist.events[1].period,
        "FY25 Q4"
    );

    let lib = ok(Edit::RemoveEvent { index: 0 });
    assert_eq!(lib.watchlist.events.len(), 1);
    assert_eq!(lib.watchlist.events[0].name, "Alibaba");

    let lib = ok(Edit::RecordOutcome {
        index: 1,
        outcome: "Cloud +18%".into(),
        capex: Some("RMB 24.6 bn".into()),
        guidance: None,
    });
    let e = &lib.watchlist.events[1];
    // What was known before the release stays; the release's own figures
    // go beside it (a replay before the event must not see them).
    assert_eq!(
        (
            e.outcome.as_str(),
            e.capex_reported.as_str(),
            e.capex_last.as_str(),
            e.guidance_change.as_str()
        ),
        ("Cloud +18%", "RMB 24.6 bn", "", "")
    );
}

#[test]
fn event_refusals() {
    let set = |index, field, value: &str| {
        EventValue::parse(field, value).map(|value| Edit::SetEvent { index, value })
    };
    assert!(refused_at(set(0, EventField::Date, "2025-13-01"), "date").contains("YYYY-MM-DD"));
    assert!(refused_at(set(0, EventField::Session, "noon"), "session").contains("before-open"));
    refused_at(set(0, EventField::Symbol, "a/b"), "symbol");
    refused_at(set(0, EventField::Name, ""), "name");
    assert!(refused_at(set(2, EventField::Watch, "x"), "index").contains("events 1 to 2"));
    refused(Edit::RemoveEvent { index: 9 }, "index");
    let outcome = |text: &str| Edit::RecordOutcome {
        index: 0,
        outcome: text.into(),
        capex: None,
        guidance: None,
    };
    refused(outcome(" "), "outcome");
    refused(
        Edit::AddEvent {
            event: event("9988.HK", " ", "2025-08-29"),
        },
        "name",
    );
}

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
    assert_eq!(member.unwrap_err().field, Some("name_en"));
    let basket = BasketValue::parse(BasketField::Description, "\u{1b}[2J");
    let err = basket.unwrap_err();
    assert_eq!(err.field, Some("description"));
    assert!(err.message.contains("U+001B"), "{err}");
    let event = EventValue::parse(EventField::Watch, "capex\u{7}");
    assert_eq!(event.unwrap_err().field, Some("watch"));
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
