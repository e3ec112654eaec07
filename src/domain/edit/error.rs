//! Why an edit was refused.

use super::field::Field;

/// Why an edit was refused: the field at fault and a sentence saying what
/// is accepted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct EditError {
    pub field: Option<Field>,
    pub message: String,
}

impl EditError {
    pub fn at(field: impl Into<Field>, message: impl Into<String>) -> EditError {
        EditError {
            field: Some(field.into()),
            message: message.into(),
        }
    }
}
