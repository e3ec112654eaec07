//! Every edit, every refusal (with the library unchanged), and undo/redo:
//! the shared library and helpers here, the tests by subject in `tests/`.

mod baskets;
mod events;
mod fields_and_history;

use chrono::NaiveDate;

use super::*;
use crate::domain::{Basket, BasketId, EarningsEvent, Member, Method, Session, Symbol, Watchlist};

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
fn refused(edit: Edit, field: Field) -> String {
    let lib = library();
    let err = apply(&lib, &edit).expect_err("should be refused");
    assert_eq!(err.field, Some(field), "{err}");
    assert_eq!(lib, library());
    err.message
}

/// A value refused where it is parsed, or an edit refused by `apply`.
fn refused_at(edit: Result<Edit, EditError>, field: Field) -> String {
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
