//! A damaged file must be an error, never a crash: the Parquet and Excel
//! readers are third-party code that can panic on corrupt metadata (the
//! fuzz harness found such a file), so their calls run behind this guard.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `read`; a panic inside it becomes the error `damaged(message)`.
pub(crate) fn no_panic<T, E>(
    read: impl FnOnce() -> Result<T, E>,
    damaged: impl FnOnce(String) -> E,
) -> Result<T, E> {
    // Nothing is shared across the call: a panic leaves no half-changed state.
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the reader failed".to_string());
        Err(damaged(format!("the file is damaged: {why}")))
    })
}
