//! Publication figures (SVG, PNG) of what the workstation shows.
//!
//! - [`data`]: what a figure shows, prepared: plain series and numbers;
//! - [`prepare`]: those from an [`Analysis`](crate::compute::Analysis),
//!   its series taken from the same columns `export` writes;
//! - [`render`]: a figure and [`FigureOptions`] (size, theme, the window,
//!   cursor, log scale and hidden series on screen) to SVG or PNG bytes.
//!
//! Text is drawn in a font embedded in the binary (no system font lookup),
//! so the same inputs give the same bytes on every machine.
//! Imports only `domain` and `compute`.

mod axes;
mod axis;
pub mod catalysts;
pub mod data;
mod font;
mod frame;
mod lines;
mod marks;
mod options;
mod paths;
pub mod prepare;
mod scatter;
pub mod theme;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use axis::format_number;
pub use data::{
    Bar, BarFigure, DatedPoint, EventMark, Figure, Line, LineFigure, PathFigure, PathLine,
    ScatterFigure,
};
pub use font::{FAMILY, drawable, label_or};
pub use options::{FigureError, FigureOptions, Format, MAX_SIDE, MIN_SIDE};
pub use scatter::stats_lines;
pub use theme::{Palette, Theme, hex};

/// Draws `figure` as SVG text or PNG bytes.
pub fn render(
    figure: &Figure,
    options: &FigureOptions,
    format: Format,
) -> Result<Vec<u8>, FigureError> {
    let (width, height) = (options.width, options.height);
    if !(MIN_SIDE..=MAX_SIDE).contains(&width) || !(MIN_SIDE..=MAX_SIDE).contains(&height) {
        return Err(FigureError::Size {
            width,
            height,
            min: MIN_SIDE,
            max: MAX_SIDE,
        });
    }
    font::ensure_registered()?;
    let palette = options.theme.palette();
    match format {
        Format::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
                draw(
                    &root,
                    figure,
                    options,
                    &frame::Ctx {
                        palette,
                        density: 1.0,
                    },
                )?;
                root.present().map_err(frame::drawing)?;
            }
            Ok(svg.into_bytes())
        }
        Format::Png => {
            let (w, h) = (width * 2, height * 2);
            let mut pixels = vec![0u8; w as usize * h as usize * 3];
            {
                let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
                draw(
                    &root,
                    figure,
                    options,
                    &frame::Ctx {
                        palette,
                        density: 2.0,
                    },
                )?;
                root.present().map_err(frame::drawing)?;
            }
            encode_png(&pixels, w, h)
        }
    }
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    options: &FigureOptions,
    ctx: &frame::Ctx,
) -> Result<(), FigureError> {
    match figure {
        Figure::Lines(f) => lines::draw(root, f, options, ctx),
        Figure::Scatter(f) => scatter::draw(root, f, options, ctx),
        Figure::Paths(f) => paths::draw_paths(root, f, options, ctx),
        Figure::Bars(f) => paths::draw_bars(root, f, ctx),
    }
}

/// Pixels per metre of a PNG drawn at twice 96 dpi.
const PNG_PIXELS_PER_METRE: u32 = 7559;

/// RGB pixels as PNG; the same pixels always give the same bytes.
fn encode_png(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, FigureError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: PNG_PIXELS_PER_METRE,
            yppu: PNG_PIXELS_PER_METRE,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder
            .write_header()
            .map_err(|e| FigureError::Png(e.to_string()))?;
        writer
            .write_image_data(pixels)
            .map_err(|e| FigureError::Png(e.to_string()))?;
        writer
            .finish()
            .map_err(|e| FigureError::Png(e.to_string()))?;
    }
    Ok(out)
}
