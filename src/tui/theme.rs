//! Colours of the workstation: one palette for dark terminals, one for light,
//! and none at all when `NO_COLOR` is set (then emphasis is bold/reversed only).

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Which palette: chosen in `config.toml` (`theme = "dark" | "light"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// Every colour a pane uses; panes never name a colour themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// One colour per series, in basket order (chart lines, legend, ratios).
    pub series: Vec<Color>,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub positive: Style,
    pub negative: Style,
    pub warning: Style,
    pub demo: Style,
    pub cursor: Style,
    /// The latest scatter point and the as-of line of the watchlist.
    pub highlight: Style,
    pub status_bar: Style,
    /// Older → newer scatter points (recent points brightest).
    pub recency: Vec<Color>,
    pub colored: bool,
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        }
    }

    /// Light text on a dark terminal.
    fn dark() -> Theme {
        Theme {
            series: vec![
                Color::Rgb(255, 170, 60),
                Color::Rgb(90, 180, 255),
                Color::Rgb(120, 220, 120),
                Color::Rgb(230, 110, 200),
                Color::Rgb(240, 230, 110),
                Color::Rgb(150, 150, 255),
                Color::Rgb(100, 220, 220),
                Color::Rgb(255, 120, 120),
            ],
            text: Style::new().fg(Color::Rgb(220, 220, 220)),
            dim: Style::new().fg(Color::Rgb(130, 130, 130)),
            title: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Rgb(90, 90, 90)),
            border_focused: Style::new().fg(Color::Rgb(255, 170, 60)),
            selected: Style::new()
                .bg(Color::Rgb(50, 60, 80))
                .add_modifier(Modifier::BOLD),
            positive: Style::new().fg(Color::Rgb(110, 210, 110)),
            negative: Style::new().fg(Color::Rgb(240, 100, 100)),
            warning: Style::new().fg(Color::Rgb(240, 200, 80)),
            demo: Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(240, 200, 80))
                .add_modifier(Modifier::BOLD),
            cursor: Style::new()
                .fg(Color::Rgb(255, 255, 255))
                .add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(Color::Rgb(255, 90, 90))
                .add_modifier(Modifier::BOLD),
            status_bar: Style::new()
                .fg(Color::Rgb(220, 220, 220))
                .bg(Color::Rgb(40, 44, 52)),
            recency: vec![
                Color::Rgb(70, 80, 100),
                Color::Rgb(90, 120, 160),
                Color::Rgb(110, 160, 220),
                Color::Rgb(150, 200, 255),
            ],
            colored: true,
        }
    }

    /// Dark text on a light terminal.
    fn light() -> Theme {
        Theme {
            series: vec![
                Color::Rgb(200, 100, 0),
                Color::Rgb(0, 90, 190),
                Color::Rgb(0, 130, 50),
                Color::Rgb(170, 0, 130),
                Color::Rgb(130, 110, 0),
                Color::Rgb(80, 60, 200),
                Color::Rgb(0, 130, 140),
                Color::Rgb(190, 30, 30),
            ],
            text: Style::new().fg(Color::Rgb(30, 30, 30)),
            dim: Style::new().fg(Color::Rgb(120, 120, 120)),
            title: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Rgb(170, 170, 170)),
            border_focused: Style::new().fg(Color::Rgb(200, 100, 0)),
            selected: Style::new()
                .bg(Color::Rgb(210, 225, 245))
                .add_modifier(Modifier::BOLD),
            positive: Style::new().fg(Color::Rgb(0, 130, 50)),
            negative: Style::new().fg(Color::Rgb(190, 30, 30)),
            warning: Style::new().fg(Color::Rgb(160, 100, 0)),
            demo: Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(250, 210, 90))
                .add_modifier(Modifier::BOLD),
            cursor: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(Color::Rgb(200, 0, 0))
                .add_modifier(Modifier::BOLD),
            status_bar: Style::new()
                .fg(Color::Rgb(30, 30, 30))
                .bg(Color::Rgb(225, 225, 225)),
            recency: vec![
                Color::Rgb(200, 205, 215),
                Color::Rgb(150, 165, 190),
                Color::Rgb(80, 110, 160),
                Color::Rgb(20, 60, 130),
            ],
            colored: true,
        }
    }

    /// No colour at all (`NO_COLOR`): emphasis by bold, underline and reverse.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            series: vec![Color::Reset; 8],
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            positive: plain,
            negative: plain,
            warning: plain.add_modifier(Modifier::BOLD),
            demo: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            cursor: plain.add_modifier(Modifier::BOLD),
            highlight: plain.add_modifier(Modifier::BOLD),
            status_bar: plain.add_modifier(Modifier::REVERSED),
            recency: vec![Color::Reset; 4],
            colored: false,
        }
    }

    /// The colour of series `i` (wrapping).
    pub fn series_color(&self, i: usize) -> Color {
        self.series[i % self.series.len()]
    }

    /// A heat-map cell of `value` on a diverging palette: green above
    /// zero, red below, deeper as `|value|` nears `scale` (three steps).
    /// Without colour the plain text style (the cell's signed number says
    /// it all).
    pub fn heat(&self, value: f64, scale: f64) -> Style {
        if !self.colored || !value.is_finite() {
            return self.text;
        }
        let share = if scale > 0.0 {
            (value.abs() / scale).min(1.0)
        } else {
            0.0
        };
        let step = match share {
            s if s < 1.0 / 3.0 => 0,
            s if s < 2.0 / 3.0 => 1,
            _ => 2,
        };
        const UP: [Color; 3] = [
            Color::Rgb(30, 80, 40),
            Color::Rgb(35, 130, 55),
            Color::Rgb(50, 180, 75),
        ];
        const DOWN: [Color; 3] = [
            Color::Rgb(95, 35, 35),
            Color::Rgb(155, 45, 45),
            Color::Rgb(205, 65, 65),
        ];
        let bg = match value {
            v if v > 0.0 => UP[step],
            v if v < 0.0 => DOWN[step],
            _ => Color::Rgb(70, 70, 70),
        };
        Style::new().fg(Color::Rgb(255, 255, 255)).bg(bg)
    }

    /// Style of a signed number: positive green, negative red.
    pub fn signed(&self, value: f64) -> Style {
        if value > 0.0 {
            self.positive
        } else if value < 0.0 {
            self.negative
        } else {
            self.text
        }
    }
}
