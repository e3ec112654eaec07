//! Why an edit was refused.

/// Why an edit was refused: the field at fault (`"symbol"`, `"weight"`,
/// `"name"`, `"id"`, `"date"`, …) and a sentence saying what is accepted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct EditError {
    pub field: Option<&'static str>,
    pub message: String,
}

impl EditError {
    pub fn at(field: &'static str, message: impl Into<String>) -> EditError {
        EditError {
            field: Some(field),
            message: message.into(),
        }
    }
}
