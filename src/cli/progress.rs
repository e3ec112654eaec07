//! A progress bar on stderr for commands that read the whole cache; drawn
//! only when stderr is a terminal, so pipes and tests see nothing of it.

use indicatif::{ProgressBar, ProgressStyle};

/// A bar of `len` steps labelled `message`.
pub fn bar(len: usize, message: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64).with_message(message);
    if let Ok(style) = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} ({eta})") {
        bar.set_style(style);
    }
    bar
}
