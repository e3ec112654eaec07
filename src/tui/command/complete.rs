//! Tab in the command line: completing the word being typed.

use super::table::{COMMANDS, SUBCOMMANDS};
use crate::domain::{BasketId, RangePreset};

/// Completes the last word of `line`: a command name first, then basket
/// ids (for `:pair`), method names or range presets. Returns the new line;
/// with several candidates, completes their common prefix.
pub fn complete(line: &str, baskets: &[BasketId]) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let typing_new_word = line.is_empty() || line.ends_with(' ');
    let (done, partial): (&[&str], &str) = match words.split_last() {
        Some((last, rest)) if !typing_new_word => (rest, last),
        _ => (words.as_slice(), ""),
    };
    let candidates: Vec<String> = match done.first() {
        None => COMMANDS.iter().map(|c| c.name.to_string()).collect(),
        Some(&"pair") => baskets.iter().map(|b| b.to_string()).collect(),
        Some(&"fetch") if done.len() == 1 => baskets.iter().map(|b| b.to_string()).collect(),
        Some(&"method") => ["equal", "cap", "custom", "file"]
            .map(String::from)
            .to_vec(),
        Some(&"range") => RangePreset::ALL
            .iter()
            .map(|p| p.label().to_lowercase())
            .collect(),
        Some(&"asof") => vec!["latest".to_string()],
        Some(&"basket") if done.len() == 1 => SUBCOMMANDS.map(String::from).to_vec(),
        Some(&"basket") if done.get(1) == Some(&"method") => {
            ["equal", "cap", "custom"].map(String::from).to_vec()
        }
        Some(&"base") => vec!["off".to_string()],
        Some(&"benchmark") => baskets.iter().map(|b| b.to_string()).collect(),
        Some(&"model") => ["adjusted", "market"].map(String::from).to_vec(),
        Some(_) => Vec::new(),
    };
    let matching: Vec<&String> = candidates
        .iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    let Some(first) = matching.first() else {
        return line.to_string();
    };
    let common = matching.iter().fold(first.to_string(), |prefix, c| {
        prefix
            .chars()
            .zip(c.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    });
    let mut out: Vec<String> = done.iter().map(|w| w.to_string()).collect();
    out.push(common.clone());
    let mut text = out.join(" ");
    if matching.len() == 1 {
        text.push(' ');
    }
    text
}
