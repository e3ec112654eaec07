//! Basket and member edits and their refusals.

use super::*;

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
    assert!(refused(create("na-chain", "x"), Field::Id).contains("already taken"));
    assert!(refused(create("new", "  "), Field::Name).contains("cannot be empty"));
    let dup = Edit::DuplicateBasket {
        from: id("na-chain"),
        to: id("domestic-chain"),
    };
    refused(dup, Field::Id);
    let dup = Edit::DuplicateBasket {
        from: id("nope"),
        to: id("x"),
    };
    assert!(refused(dup, Field::Basket).contains("the baskets are: na-chain, domestic-chain"));
    refused(
        Edit::RenameBasket {
            from: id("nope"),
            to: id("x"),
        },
        Field::Basket,
    );
    refused(
        Edit::RenameBasket {
            from: id("na-chain"),
            to: id("domestic-chain"),
        },
        Field::Id,
    );
    refused(Edit::DeleteBasket { id: id("nope") }, Field::Basket);
    let set = |field, value: &str| {
        BasketValue::parse(field, value).map(|value| Edit::SetBasket {
            id: id("na-chain"),
            value,
        })
    };
    refused_at(set(BasketField::Name, ""), Field::Name);
    assert!(
        refused_at(set(BasketField::Method, "median"), Field::Method)
            .contains("equal, cap or custom")
    );
    assert!(parse_basket_id("Bad Id").is_err_and(|e| e.field == Some(Field::Id)));
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
        refused(add("na-chain", member("300308.SZ", "again")), Field::Symbol)
            .contains("already in na-chain")
    );
    // The shell's `basket add` fills a default name before it gets here.
    assert!(refused(add("na-chain", member("000001.SZ", "")), Field::Name).contains("give a name"));
    // Text is inert: an escape sequence or a bidi override is refused.
    assert!(
        refused(
            add("na-chain", member("000001.SZ", "\u{1b}[31mRED")),
            Field::Name
        )
        .contains("U+001B")
    );
    let mut m = member("000001.SZ", "x");
    m.segment = "a\u{202e}b".into();
    assert!(refused(add("na-chain", m), Field::Segment).contains("U+202E"));
    refused(add("nope", member("000001.SZ", "x")), Field::Basket);
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        let mut m = member("000001.SZ", "x");
        m.weight = Some(bad);
        refused(add("na-chain", m), Field::Weight);
    }
    let set = |symbol: &str, field, value: &str| {
        MemberValue::parse(&sym(symbol), field, value).map(|value| Edit::SetMember {
            basket: id("na-chain"),
            symbol: sym(symbol),
            value,
        })
    };
    for bad in ["abc", "-1", "NaN", "inf", "1e400"] {
        refused_at(set("300308.SZ", MemberField::Weight, bad), Field::Weight);
    }
    refused_at(set("300308.SZ", MemberField::Name, " "), Field::Name);
    assert!(
        refused_at(set("9988.HK", MemberField::Segment, "x"), Field::Symbol)
            .contains("not a member of na-chain")
    );
    refused(
        Edit::RemoveMember {
            basket: id("na-chain"),
            symbol: sym("9988.HK"),
        },
        Field::Symbol,
    );
    assert!(parse_symbol("中际").is_err_and(|e| e.field == Some(Field::Symbol)));
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
    refused(copy("na-chain", "na-chain", "300308.SZ"), Field::Basket);
    refused(copy("na-chain", "nope", "300308.SZ"), Field::Basket);
    refused(copy("na-chain", "domestic-chain", "9988.HK"), Field::Symbol);
    let with_it = apply(&library(), &copy("na-chain", "domestic-chain", "300308.SZ")).unwrap();
    let again = Edit::MoveMember {
        from: id("na-chain"),
        to: id("domestic-chain"),
        symbol: sym("300308.SZ"),
    };
    let err = apply(&with_it, &again).unwrap_err();
    assert_eq!(err.field, Some(Field::Symbol));
}
