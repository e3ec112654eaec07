//! `:basket …`, parsed once into a [`BasketCommand`]: create a basket, or
//! duplicate, rename, delete the shown one, or set its name or method.
//! What it changes is an [`Edit`] once the shown basket is known.

use crate::domain::BasketId;
use crate::domain::edit::{BasketField, BasketValue, Edit, EditError};

const USAGE: &str = "use :basket new ID NAME, dup NEW_ID, rename NEW_ID, delete, name NAME or method equal|cap|custom";

/// One `:basket` subcommand, its words checked.
#[derive(Debug, Clone, PartialEq)]
pub enum BasketCommand {
    /// `:basket new ID NAME`
    New { id: BasketId, name: String },
    /// `:basket dup NEW_ID`: a copy of the shown basket.
    Duplicate { to: BasketId },
    /// `:basket rename NEW_ID`
    Rename { to: BasketId },
    /// `:basket delete`
    Delete,
    /// `:basket name NAME`, `:basket method M`
    Set(BasketValue),
}

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

impl BasketCommand {
    /// The words after `basket`.
    pub fn parse(args: &[&str]) -> Result<BasketCommand, BasketCommandError> {
        let Some((sub, rest)) = args.split_first() else {
            return Err(BasketCommandError::NoSubcommand);
        };
        let id = |text: &str| BasketId::parse(text).map_err(BasketCommandError::BadId);
        match (*sub, rest) {
            ("new" | "create", [new, name @ ..]) if !name.is_empty() => Ok(BasketCommand::New {
                id: id(new)?,
                name: name.join(" "),
            }),
            ("new" | "create", _) => Err(BasketCommandError::NewNeedsIdAndName),
            ("dup" | "duplicate" | "copy", [to]) => Ok(BasketCommand::Duplicate { to: id(to)? }),
            ("rename", [to]) => Ok(BasketCommand::Rename { to: id(to)? }),
            ("dup" | "duplicate" | "copy" | "rename", _) => {
                Err(BasketCommandError::TakesOneId(sub.to_string()))
            }
            ("delete" | "remove", []) => Ok(BasketCommand::Delete),
            ("name", name) if !name.is_empty() => Ok(BasketCommand::Set(BasketValue::parse(
                BasketField::Name,
                &name.join(" "),
            )?)),
            ("method", [method]) => Ok(BasketCommand::Set(BasketValue::parse(
                BasketField::Method,
                method,
            )?)),
            _ => Err(BasketCommandError::NotUnderstood(sub.to_string())),
        }
    }

    /// The edit it stands for on the `shown` basket.
    pub fn edit(self, shown: Option<&BasketId>) -> Result<Edit, BasketCommandError> {
        let current = || shown.cloned().ok_or(BasketCommandError::NoBasketShown);
        Ok(match self {
            BasketCommand::New { id, name } => Edit::CreateBasket { id, name },
            BasketCommand::Duplicate { to } => Edit::DuplicateBasket {
                from: current()?,
                to,
            },
            BasketCommand::Rename { to } => Edit::RenameBasket {
                from: current()?,
                to,
            },
            BasketCommand::Delete => Edit::DeleteBasket { id: current()? },
            BasketCommand::Set(value) => Edit::SetBasket {
                id: current()?,
                value,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(line: &str, shown: Option<&BasketId>) -> Result<Edit, BasketCommandError> {
        let words: Vec<&str> = line.split_whitespace().collect();
        BasketCommand::parse(&words).and_then(|command| command.edit(shown))
    }

    #[test]
    fn subcommands_become_edits_on_the_shown_basket() {
        let na = BasketId::parse("na-chain").unwrap();
        assert_eq!(
            edit("new optical Optical modules", None),
            Ok(Edit::CreateBasket {
                id: BasketId::parse("optical").unwrap(),
                name: "Optical modules".into()
            })
        );
        assert_eq!(
            edit("delete", Some(&na)),
            Ok(Edit::DeleteBasket { id: na.clone() })
        );
        assert!(edit("rename Bad Id", Some(&na)).is_err());
        assert!(
            edit("rename BAD", Some(&na))
                .unwrap_err()
                .to_string()
                .contains("not valid")
        );
        assert!(
            edit("delete", None)
                .unwrap_err()
                .to_string()
                .contains("no basket")
        );
        assert!(
            edit("new only-id", None)
                .unwrap_err()
                .to_string()
                .contains("an id and a name")
        );
    }
}
