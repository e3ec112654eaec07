//! `spillover plot`: one figure of the workstation's views, as SVG or PNG.

use std::path::PathBuf;

use anyhow::{Context, anyhow, bail};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::args::{AnalysisArgs, StudyArgs};
use crate::compute::{
    Analysis, CatalystRequest, DEFAULT_GRANGER_LAGS, DEFAULT_MAX_LAG, EventSelection, lead_lag,
    select_events, study_events,
};
use crate::domain::{BasketId, parse_date};
use crate::figure::prepare::{FigureKind, Inputs, figure};
use crate::figure::{Figure, FigureOptions, Format, MAX_SIDE, MIN_SIDE, Theme, render};
use crate::figure::{catalysts, diffusion};
use crate::store::{Workspace, write_atomic};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlotWhat {
    /// The basket indices over the window, earnings releases marked.
    Indices,
    /// The two ratios A/B and A/C.
    Ratios,
    /// A/C against A/B, one point per day, with the OLS line and statistics.
    Scatter,
    /// The rolling correlation of the two ratios' daily log changes.
    Rolling,
    /// Each series' cumulative abnormal return around a report (--event N, else the latest).
    Events,
    /// The ratios' cross-correlations by lag with the ±1.96/√n band, and the Granger tests.
    Leadlag,
    /// A basket's breadth: shares of members above their means, up and beating it (--basket).
    Breadth,
    /// A basket's segment sub-indices (--basket).
    Segments,
    /// A basket's rotation heat map: segment minus basket return per week or month (--basket).
    Rotation,
}

impl PlotWhat {
    fn as_str(self) -> &'static str {
        match self {
            PlotWhat::Indices => "indices",
            PlotWhat::Ratios => "ratios",
            PlotWhat::Scatter => "scatter",
            PlotWhat::Rolling => "rolling",
            PlotWhat::Events => "events",
            PlotWhat::Leadlag => "leadlag",
            PlotWhat::Breadth => "breadth",
            PlotWhat::Segments => "segments",
            PlotWhat::Rotation => "rotation",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlotTheme {
    /// White page, for notes and slides.
    Light,
    /// Dark page, for screens.
    Dark,
}

#[derive(Debug, Args)]
pub struct PlotArgs {
    /// The figure.
    #[arg(long, value_enum)]
    pub what: PlotWhat,
    /// The output file, FILE.svg or FILE.png (a PNG has twice the pixels, for sharpness).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Width in CSS pixels.
    #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(i64::from(MIN_SIDE)..=i64::from(MAX_SIDE)))]
    pub width: u32,
    /// Height in CSS pixels.
    #[arg(long, default_value_t = 700, value_parser = clap::value_parser!(u32).range(i64::from(MIN_SIDE)..=i64::from(MAX_SIDE)))]
    pub height: u32,
    /// The title instead of the figure's own.
    #[arg(long)]
    pub title: Option<String>,
    /// The page.
    #[arg(long, value_enum, default_value_t = PlotTheme::Light)]
    pub theme: PlotTheme,
    /// Values on a log scale (indices, ratios).
    #[arg(long)]
    pub log: bool,
    /// Leave out a series, by basket id or ratio (A/B); may be repeated.
    #[arg(long = "hide", value_name = "SERIES")]
    pub hide: Vec<String>,
    /// With --what events: the report numbered N in `spillover watchlist list`
    /// [default: the latest with a reaction by the as-of date].
    #[arg(long, value_name = "N")]
    pub event: Option<usize>,
    /// Mark this date (as the workstation's cursor does), YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg, value_name = "DATE")]
    pub cursor: Option<NaiveDate>,
    /// With --what breadth|segments|rotation: the basket [default: na-chain, else the first].
    #[arg(long, value_parser = parse_basket_id, value_name = "ID")]
    pub basket: Option<BasketId>,
    /// With --what events: the benchmark and the model.
    #[command(flatten)]
    pub study: StudyArgs,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

fn parse_date_arg(text: &str) -> Result<NaiveDate, String> {
    parse_date(text)
}

fn parse_basket_id(text: &str) -> Result<BasketId, String> {
    BasketId::parse(text)
}

/// The figure's format from the output's name, before anything is computed.
pub fn format_of(args: &PlotArgs) -> anyhow::Result<Format> {
    Format::of_path(&args.output).ok_or_else(|| {
        anyhow!(
            "cannot tell the format of {}: name the output FILE.svg or FILE.png",
            args.output.display()
        )
    })
}

/// What a figure is made from, for the headless commands.
pub fn inputs<'a>(ws: &'a Workspace, analysis: &'a Analysis, args: &AnalysisArgs) -> Inputs<'a> {
    Inputs {
        analysis,
        baskets: &ws.baskets,
        watchlist: &ws.watchlist,
        base: args.base,
        method: args.method,
        demo: ws.book.has_demo(),
    }
}

/// The figure `what` asks for, from the same computations as the tables.
pub fn figure_of(
    ws: &Workspace,
    analysis: &Analysis,
    what: PlotWhat,
    args: &AnalysisArgs,
    event: Option<usize>,
    study: &CatalystRequest,
    basket: Option<&BasketId>,
) -> anyhow::Result<Figure> {
    let inputs = inputs(ws, analysis, args);
    let kind = match what {
        PlotWhat::Indices => FigureKind::Indices,
        PlotWhat::Ratios => FigureKind::Ratios,
        PlotWhat::Scatter => FigureKind::Scatter,
        PlotWhat::Rolling => FigureKind::Rolling,
        PlotWhat::Events => {
            let selection = event.map_or(EventSelection::All, EventSelection::Number);
            let events = select_events(&ws.watchlist.events, &selection)?;
            let study = study_events(
                &ws.baskets,
                &ws.book,
                &events,
                analysis,
                &args.request(),
                study,
            )?;
            return Ok(Figure::Paths(catalysts::events(&inputs, &study, event)?));
        }
        PlotWhat::Leadlag => {
            if let Some(problem) = &analysis.pair_problem {
                bail!("no lead-lag without the scatter's ratios: {problem}");
            }
            let ll = lead_lag(&analysis.scatter, DEFAULT_MAX_LAG, DEFAULT_GRANGER_LAGS);
            return Ok(Figure::Bars(catalysts::leadlag(&inputs, &ll)));
        }
        PlotWhat::Breadth => {
            let breadth = super::diffusion::breadth_of(ws, analysis, basket)?;
            return Ok(Figure::Lines(diffusion::breadth(&inputs, &breadth)?));
        }
        PlotWhat::Segments => {
            let study = super::diffusion::segments_of(ws, analysis, basket)?;
            return Ok(Figure::Lines(diffusion::segments(&inputs, &study)?));
        }
        PlotWhat::Rotation => {
            let rotation = super::diffusion::rotation_of(ws, analysis, basket)?;
            return Ok(Figure::Heat(diffusion::rotation(&inputs, &rotation)?));
        }
    };
    Ok(figure(kind, &inputs)?)
}

/// Refuses a hidden series the figure does not have, naming those it has.
fn check_hidden(figure: &Figure, hidden: &[String]) -> anyhow::Result<()> {
    let known: Vec<&str> = match figure {
        Figure::Lines(f) => f.lines.iter().map(|l| l.id.as_str()).collect(),
        Figure::Paths(f) => f.lines.iter().map(|l| l.id.as_str()).collect(),
        Figure::Scatter(_) | Figure::Bars(_) | Figure::Heat(_) => Vec::new(),
    };
    for id in hidden {
        if known.is_empty() {
            bail!("--hide {id}: this figure has no series to hide");
        }
        if !known.contains(&id.as_str()) {
            bail!(
                "--hide {id}: the figure has no such series; its series are: {}",
                known.join(", ")
            );
        }
    }
    Ok(())
}

/// Draws the figure and writes it atomically; returns what to tell the user.
pub fn plot(ws: &Workspace, analysis: &Analysis, args: &PlotArgs) -> anyhow::Result<String> {
    let format = format_of(args)?;
    if args.what != PlotWhat::Events
        && (args.study.benchmark.is_some() || args.study.model.is_some())
    {
        bail!(
            "--benchmark and --model change only --what events; drop them, or plot --what events"
        );
    }
    let inside = [PlotWhat::Breadth, PlotWhat::Segments, PlotWhat::Rotation];
    if args.basket.is_some() && !inside.contains(&args.what) {
        bail!(
            "--basket changes only --what breadth|segments|rotation; drop it, or plot one of those"
        );
    }
    let study = args.study.request();
    let mut figure = figure_of(
        ws,
        analysis,
        args.what,
        &args.analysis,
        args.event,
        &study,
        args.basket.as_ref(),
    )?;
    if let Some(title) = &args.title {
        figure.set_title(title.clone());
    }
    check_hidden(&figure, &args.hide)?;
    let options = FigureOptions {
        width: args.width,
        height: args.height,
        theme: match args.theme {
            PlotTheme::Light => Theme::Light,
            PlotTheme::Dark => Theme::Dark,
        },
        window: None,
        cursor: args.cursor,
        log_scale: args.log,
        hidden: args.hide.clone(),
    };
    let bytes = render(&figure, &options, format)?;
    write_atomic(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    let pixels = match format {
        Format::Svg => format!("{}×{}", args.width, args.height),
        Format::Png => format!("{}×{} pixels", args.width * 2, args.height * 2),
    };
    Ok(format!(
        "wrote the {} figure ({format}, {pixels}) to {}",
        args.what.as_str(),
        args.output.display()
    ))
}
