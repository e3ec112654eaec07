//! Colours of a figure: a white page for notes, a dark one for screens.

use std::fmt;
use std::str::FromStr;

use plotters::style::RGBColor;

/// The page a figure is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// White background: what a note or slide wants.
    #[default]
    Light,
    Dark,
}

/// Series colours, colour-blind safe (Okabe and Ito), in basket order.
const LIGHT_SERIES: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x59, 0x59, 0x59),
];

/// The same hues, lighter where the dark page needs it.
const DARK_SERIES: [RGBColor; 7] = [
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xFF, 0x8C, 0x42),
    RGBColor(0x2E, 0xD1, 0x9E),
    RGBColor(0xE8, 0x9B, 0xC8),
    RGBColor(0xF0, 0xC0, 0x40),
    RGBColor(0x9A, 0xD0, 0xF5),
    RGBColor(0xC8, 0xC8, 0xC8),
];

/// The colours a figure is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    /// Subtitles, axis labels, the source line.
    pub muted: RGBColor,
    pub axis: RGBColor,
    pub grid: RGBColor,
    /// Reference lines, event marks, the cursor.
    pub accent: RGBColor,
    pub series: [RGBColor; 7],
}

impl Theme {
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: RGBColor(0xFF, 0xFF, 0xFF),
                text: RGBColor(0x1F, 0x1F, 0x1F),
                muted: RGBColor(0x5F, 0x5F, 0x5F),
                axis: RGBColor(0x80, 0x80, 0x80),
                grid: RGBColor(0xE6, 0xE6, 0xE6),
                accent: RGBColor(0x44, 0x44, 0x44),
                series: LIGHT_SERIES,
            },
            Theme::Dark => Palette {
                background: RGBColor(0x1A, 0x1C, 0x20),
                text: RGBColor(0xEC, 0xEC, 0xEC),
                muted: RGBColor(0xA8, 0xA8, 0xA8),
                axis: RGBColor(0x8A, 0x8A, 0x8A),
                grid: RGBColor(0x33, 0x36, 0x3C),
                accent: RGBColor(0xC8, 0xC8, 0xC8),
                series: DARK_SERIES,
            },
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Palette {
    /// The colour of the `i`-th series (cycling past the seventh).
    pub fn series(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }
}

/// `#RRGGBB`, as the SVG writes it.
pub fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Theme {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(format!("unknown theme {other:?}; use light or dark")),
        }
    }
}
