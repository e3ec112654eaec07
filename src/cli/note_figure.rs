//! A figure as a note exhibit: drawn once as SVG (the page) and PNG (the Markdown).

use anyhow::Context;

use super::note_page::{Body, Exhibit};
use crate::figure::{Figure, FigureOptions, Format, render};

/// A figure exhibit: the SVG for the page, the PNG for the Markdown.
pub(super) struct Drawn {
    pub(super) exhibit: Exhibit,
    pub(super) png: Vec<u8>,
}

pub(super) fn drawn_figure(figure: Figure, stem: &str, caption: String) -> anyhow::Result<Drawn> {
    let options = FigureOptions::default();
    let svg = String::from_utf8(render(&figure, &options, Format::Svg)?)
        .context("the SVG writer gave text that is not UTF-8")?;
    let png = render(&figure, &options, Format::Png)?;
    Ok(Drawn {
        exhibit: Exhibit {
            title: figure.title().to_string(),
            caption,
            body: Body::Figure {
                stem: stem.to_string(),
                svg,
            },
        },
        png,
    })
}
