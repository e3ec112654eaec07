//! `:basket …`: create, duplicate, rename, delete the shown basket, or set
//! its name or method. A refusal keeps the command line open with the
//! reason under it, and changes nothing.

use super::commit::commit;
use crate::domain::BasketId;
use crate::domain::edit::{BasketField, BasketValue, Edit, EditError};
use crate::tui::effect::Effect;
use crate::tui::overlay::{CommandLine, Overlay};
use crate::tui::update::AppState;

const USAGE: &str = "use :basket new ID NAME, dup NEW_ID, rename NEW_ID, delete, name NAME or method equal|cap|custom";

/// Why a `:basket` command was refused; shown under the command line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BasketCommandError {
    #[error("basket what? {USAGE}")]
    NoSubcommand,
    #[error("no basket is shown: create one with :basket new ID NAME")]
    NoBasketShown,
    /// A basket id that is not valid, with what is accepted.
    #[error("{0}")]
    BadId(String),
    #[error("basket new takes an id and a name, e.g. :basket new optical Optical modules")]
    NewNeedsIdAndName,
    #[error("basket {0} takes one new id, e.g. :basket {0} my-basket")]
    TakesOneId(String),
    /// A name or method the edit model refuses.
    #[error(transparent)]
    Value(#[from] EditError),
    #[error("basket {0}: not understood; {USAGE}")]
    NotUnderstood(String),
}

/// The edit a `:basket` command stands for, on the `shown` basket.
pub fn parse(args: &[String], shown: Option<&BasketId>) -> Result<Edit, BasketCommandError> {
    let Some((sub, rest)) = args.split_first() else {
        return Err(BasketCommandError::NoSubcommand);
    };
    let current = || shown.cloned().ok_or(BasketCommandError::NoBasketShown);
    let id = |text: &str| BasketId::parse(text).map_err(BasketCommandError::BadId);
    match (sub.as_str(), rest) {
        ("new" | "create", [new, name @ ..]) if !name.is_empty() => Ok(Edit::CreateBasket {
            id: id(new)?,
            name: name.join(" "),
        }),
        ("new" | "create", _) => Err(BasketCommandError::NewNeedsIdAndName),
        ("dup" | "duplicate" | "copy", [to]) => Ok(Edit::DuplicateBasket {
            from: current()?,
            to: id(to)?,
        }),
        ("rename", [to]) => Ok(Edit::RenameBasket {
            from: current()?,
            to: id(to)?,
        }),
        ("dup" | "duplicate" | "copy" | "rename", _) => {
            Err(BasketCommandError::TakesOneId(sub.clone()))
        }
        ("delete" | "remove", []) => Ok(Edit::DeleteBasket { id: current()? }),
        ("name", name) if !name.is_empty() => Ok(Edit::SetBasket {
            id: current()?,
            value: BasketValue::parse(BasketField::Name, &name.join(" "))?,
        }),
        ("method", [method]) => Ok(Edit::SetBasket {
            id: current()?,
            value: BasketValue::parse(BasketField::Method, method)?,
        }),
        _ => Err(BasketCommandError::NotUnderstood(sub.clone())),
    }
}

/// Runs `:basket …` typed as `line`.
pub fn run(state: &mut AppState, args: &[String], line: &str) -> Vec<Effect> {
    let shown = state
        .model
        .baskets
        .get(state.ui.basket_tab)
        .map(|b| b.id.clone());
    let result = parse(args, shown.as_ref())
        .map_err(|e| e.to_string())
        .and_then(|edit| {
            commit(state, edit.describe(), std::slice::from_ref(&edit))
                .map(|effects| (edit, effects))
                .map_err(|e| e.message)
        });
    match result {
        Ok((edit, effects)) => {
            show_after(state, &edit);
            effects
        }
        Err(reason) => {
            // Stays open with the text, the reason under it.
            state.ui.overlay = Overlay::Command(CommandLine {
                text: line.to_string(),
                error: Some(reason),
            });
            Vec::new()
        }
    }
}

/// The tab follows a created, duplicated or renamed basket; the scatter
/// pair follows a rename.
fn show_after(state: &mut AppState, edit: &Edit) {
    let shown = match edit {
        Edit::CreateBasket { id, .. } | Edit::DuplicateBasket { to: id, .. } => id,
        Edit::RenameBasket { from, to } => {
            let mut request = state.model.request.clone();
            if request.pair.contains(from) {
                for slot in &mut request.pair {
                    if slot == from {
                        *slot = to.clone();
                    }
                }
                if let Err(reason) = state.set_request(request) {
                    state.set_message(reason.to_string(), true);
                }
            }
            to
        }
        _ => return,
    };
    if let Some(i) = state.model.baskets.iter().position(|b| &b.id == shown) {
        state.ui.basket_tab = i;
        state.ui.member_row = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn subcommands_become_edits_on_the_shown_basket() {
        let na = BasketId::parse("na-chain").unwrap();
        assert_eq!(
            parse(&args("new optical Optical modules"), None),
            Ok(Edit::CreateBasket {
                id: BasketId::parse("optical").unwrap(),
                name: "Optical modules".into()
            })
        );
        assert_eq!(
            parse(&args("delete"), Some(&na)),
            Ok(Edit::DeleteBasket { id: na.clone() })
        );
        assert!(parse(&args("rename Bad Id"), Some(&na)).is_err());
        assert!(
            parse(&args("rename BAD"), Some(&na))
                .unwrap_err()
                .to_string()
                .contains("not valid")
        );
        assert!(
            parse(&args("delete"), None)
                .unwrap_err()
                .to_string()
                .contains("no basket")
        );
        assert!(
            parse(&args("new only-id"), None)
                .unwrap_err()
                .to_string()
                .contains("an id and a name")
        );
    }
}
