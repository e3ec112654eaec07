//! The embedded font: every figure is drawn in DejaVu Sans from the binary,
//! never a system font, so the output is the same on every machine.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};
use plotters::style::{FontDesc, FontFamily, FontStyle, register_font};

use super::FigureError;

/// The family the figures name: the embedded font first, then the generic
/// family, so an SVG viewer without DejaVu Sans still lays the text out in
/// a sans-serif of about the same width.
pub const FAMILY: &str = "DejaVu Sans, sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Registers the embedded faces with plotters once per process.
pub fn ensure_registered() -> Result<(), FigureError> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            register_font(FAMILY, FontStyle::Normal, REGULAR)
                .and_then(|()| register_font(FAMILY, FontStyle::Bold, BOLD))
                .map_err(|_| "the embedded font DejaVu Sans does not parse".to_string())
        })
        .clone()
        .map_err(FigureError::Font)
}

/// A font of the embedded family at `size` pixels.
pub fn font(size: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), size, style)
}

/// Whether the embedded font has a glyph for every character of `text`
/// (it has Latin, Greek and Cyrillic, not Chinese).
pub fn drawable(text: &str) -> bool {
    let Ok(face) = FontRef::try_from_slice(REGULAR) else {
        return false;
    };
    text.chars()
        .all(|c| c.is_whitespace() || face.glyph_id(c).0 != 0)
}

/// `text` if the embedded font can draw it, else `fallback` (a symbol or id).
pub fn label_or(text: &str, fallback: &str) -> String {
    if !text.trim().is_empty() && drawable(text) {
        text.to_string()
    } else {
        fallback.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_the_font_cannot_draw_falls_back_to_the_id() {
        assert_eq!(label_or("Alibaba", "alibaba"), "Alibaba");
        assert_eq!(label_or("α/β – Ω", "greek"), "α/β – Ω");
        assert_eq!(label_or("阿里巴巴", "alibaba"), "alibaba");
        assert_eq!(label_or("  ", "blank"), "blank");
    }

    #[test]
    fn the_embedded_faces_register() {
        assert_eq!(ensure_registered(), Ok(()));
    }
}
