//! `spillover plot`: one figure of the workstation's views, as SVG or PNG.

use super::args::{AnalysisArgs, PlotArgs, PlotTheme, PlotWhat};
use crate::compute::{
    Analysis, CatalystRequest, DEFAULT_GRANGER_LAGS, DEFAULT_MAX_LAG, EventSelection, lead_lag,
    select_events, study_events,
};
use crate::figure::catalysts;
use crate::figure::prepare::{FigureKind, Inputs, figure};
use crate::figure::{Figure, FigureOptions, Format, Theme, render};
use crate::store::{Workspace, write_atomic};
use anyhow::{Context, anyhow, bail};

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
    };
    Ok(figure(kind, &inputs)?)
}

/// Refuses a hidden series the figure does not have, naming those it has.
fn check_hidden(figure: &Figure, hidden: &[String]) -> anyhow::Result<()> {
    let known: Vec<&str> = match figure {
        Figure::Lines(f) => f.lines.iter().map(|l| l.id.as_str()).collect(),
        Figure::Paths(f) => f.lines.iter().map(|l| l.id.as_str()).collect(),
        Figure::Scatter(_) | Figure::Bars(_) => Vec::new(),
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
    let study = args.study.request();
    let mut figure = figure_of(ws, analysis, args.what, &args.analysis, args.event, &study)?;
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
