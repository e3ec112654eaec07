//! Text from files and the command line is inert: it may not carry
//! control characters or bidirectional overrides, and wherever it is shown
//! anything of the kind that slipped in (a hand-edited file) is escaped.

use std::borrow::Cow;

/// Bidirectional embeddings, overrides and isolates, which reorder how a
/// terminal shows the text around them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A character that text must not carry: C0 controls (ESC, BEL, NUL, CR,
/// ...), DEL, C1 controls, and bidirectional controls. Newline and tab are
/// text (an outcome has lines) and stay.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The first character of `text` that may not be stored, if any.
pub fn unsafe_char(text: &str) -> Option<char> {
    text.chars().find(|c| is_unsafe(*c))
}

/// Why `text` (the `field` of something) is refused, if it is: names the
/// character by its code point, since it does not show.
pub fn check_inert(field: &str, text: &str) -> Result<(), String> {
    match unsafe_char(text) {
        None => Ok(()),
        Some(c) => Err(format!(
            "the {field} holds the control character U+{:04X} ({}); names, segments and notes are plain text: remove it",
            c as u32,
            escape(&c.to_string())
        )),
    }
}

/// `text` with every unsafe character written as `\u{1b}`, so printing it
/// can never move the cursor, change colours or reorder the line.
pub fn escape(text: &str) -> Cow<'_, str> {
    if unsafe_char(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`escape`] for whole outputs of several lines (newlines and tabs stay).
pub fn escape_output(text: &str) -> Cow<'_, str> {
    escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_overrides_and_nothing_else() {
        assert_eq!(escape("\u{1b}[31mRED"), "\\u{1b}[31mRED");
        assert_eq!(escape("a\u{202E}b\u{7}"), "a\\u{202e}b\\u{7}");
        assert_eq!(escape("中际旭创 Innolight"), "中际旭创 Innolight");
        assert_eq!(escape_output("a\tb\nc\u{0}"), "a\tb\nc\\u{0}");
        assert!(
            check_inert("name", "\u{85}x")
                .unwrap_err()
                .contains("U+0085")
        );
        assert!(check_inert("name", "Zhongji Innolight").is_ok());
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_is_always_inert(text in ".*") {
            proptest::prop_assert_eq!(unsafe_char(&escape(&text)), None);
        }
    }
}
