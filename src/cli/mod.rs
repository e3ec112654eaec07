//! The headless commands: they read the cache, compute, and print; they
//! never touch the terminal's screen.

mod args;
mod cache;
mod calendar;
mod catalyst_tables;
mod catalysts;
mod edit;
mod export;
mod fetch;
mod import;
mod note;
mod note_page;
mod plan;
mod plot;
mod progress;
mod report;
pub mod text;
mod universe;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::ValueEnum;

pub use args::{
    AnalysisArgs, BasketCommand, Cli, Command, DemoArgs, EventsArgs, ExportArgs, ExportFormat,
    ExportWhat, ImportArgs, LeadLagArgs, NoteArgs, PlotArgs, ReportArgs, WatchlistCommand,
};
pub use report::DEMO_NOTE;

use crate::compute::{
    Analysis, CatalystRequest, Catalysts, ComputeError, Request, analyse, analyse_indices,
    check_pair,
};
use crate::domain::BasketId;
use crate::domain::text::escape_output;
use crate::domain::{Basket, PriceBook};
use crate::store::import::ImportOptions;
use crate::store::{Layout, Workspace, demo, load_calendars, resolve_data_dir};

/// Runs a headless command; `Ok(code)` for a command that ran (check may
/// still report problems through its exit code).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let root = resolve_data_dir(cli.data_dir)?;
    // Before anything reads a calendar: the user's file applies to all.
    let calendars = load_calendars(&Layout::new(&root))?;
    if let Some(Command::Calendar(args)) = &cli.command {
        let today = chrono::Local::now().date_naive();
        print(&calendar::render(&calendars, args, today))?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::domain::calendar::install(calendars);
    if let Some(Command::Demo(DemoArgs {
        universe: Some(symbols),
        days,
        ..
    })) = cli.command
    {
        // Before opening: opening an empty dir would install the default.
        return universe::generate(&root, symbols, days);
    }
    let Some(command) = cli.command else {
        return workstation(root);
    };
    let mut ws = open_for(root, &command)?;
    dispatch(command, &mut ws)
}

/// No subcommand: the workstation (its messages go on screen, not stderr).
/// The workstation loads the prices itself, after its first frame.
fn workstation(root: PathBuf) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open_without_prices(root)?;
    init_logging(&ws.store.layout().log_file());
    log_opened(&ws);
    crate::tui::open(ws)?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the data dir for `command`, starts logging and says when the
/// embedded default was installed.
fn open_for(root: PathBuf, command: &Command) -> anyhow::Result<Workspace> {
    // A computation loads only the columns its method reads.
    let ws = match command {
        Command::Report(ReportArgs { analysis, .. })
        | Command::Export(ExportArgs { analysis, .. })
        | Command::Basket(BasketCommand::Show { analysis, .. }) => {
            Workspace::open_for(root, analysis.method)?
        }
        _ => Workspace::open(root)?,
    };
    init_logging(&ws.store.layout().log_file());
    log_opened(&ws);
    if ws.installed_default {
        eprintln!(
            "note: {} was empty: installed the embedded default (the research note's baskets, the 2025 HK and US earnings watchlist, DEMO prices)",
            ws.store.layout().root().display()
        );
    }
    Ok(ws)
}

/// One function per subcommand.
fn dispatch(command: Command, ws: &mut Workspace) -> anyhow::Result<ExitCode> {
    match command {
        Command::Report(args) => run_report(ws, &args.analysis, args.json)?,
        Command::Export(args) => run_export(ws, &args)?,
        Command::Import(ImportArgs {
            files,
            symbol,
            date_format,
            market,
            sheet,
        }) => {
            let options = ImportOptions {
                symbol,
                date_format,
                market: market.unwrap_or_default(),
                sheet,
            };
            run_import(ws, files, &options)?;
        }
        Command::Plot(args) => run_plot(ws, &args)?,
        Command::Note(args) => run_note(ws, &args)?,
        Command::Fetch(args) => return fetch::run(ws, args),
        Command::Basket(BasketCommand::Export { id, output }) => {
            warn(ws);
            print(&import::basket_export(ws, &id, &output)?)?;
        }
        Command::Basket(BasketCommand::List) => {
            warn(ws);
            print(&cache::basket_list(ws))?;
        }
        Command::Basket(BasketCommand::Show { id, analysis }) => {
            run_basket_show(ws, &id, &analysis)?;
        }
        Command::Basket(command) => {
            warn(ws);
            print(&edit::basket(ws, command)?)?;
        }
        Command::Watchlist(command) => {
            warn(ws);
            print(&edit::watchlist(ws, command)?)?;
        }
        Command::Events(args) => run_events(ws, &args)?,
        Command::Leadlag(args) => run_leadlag(ws, &args)?,
        Command::Symbols(_) => print(&cache::symbols(ws))?,
        Command::Check(_) => return run_check(ws),
        Command::Calendar(args) => {
            let today = chrono::Local::now().date_naive();
            print(&calendar::render(
                crate::domain::calendar::current(),
                &args,
                today,
            ))?;
        }
        Command::Demo(DemoArgs { remove: true, .. }) => print(&demo_remove(&ws.store)?)?,
        Command::Demo(_) => print(&demo_reset(&ws.store)?)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The load problems, as warnings on stderr (escaped: a hand-edited file
/// may carry control characters).
fn warn(ws: &Workspace) {
    for problem in &ws.problems {
        eprintln!("warning: {}", escape_output(problem));
    }
}

/// The DEMO note on stderr, when the prices are demo prices.
fn note_demo(ws: &Workspace) {
    if ws.book.has_demo() {
        eprintln!("note: {DEMO_NOTE}");
    }
}

/// `spillover report`: the text report, or its JSON.
fn run_report(ws: &Workspace, analysis: &AnalysisArgs, json: bool) -> anyhow::Result<()> {
    warn(ws);
    let result = compute(ws, analysis)?;
    let method = analysis.method.map(|m| m.to_string());
    let text = if json {
        let catalysts = catalysts_of(ws, &result, analysis, &CatalystRequest::default());
        report::render_json(ws, &result, &catalysts, method)
    } else {
        report::render_text(ws, &result, method.as_deref(), analysis.base)
    };
    print(&text)
}

/// `spillover export`: one table to a file.
fn run_export(ws: &Workspace, args: &ExportArgs) -> anyhow::Result<()> {
    check_catalyst_options(args)?;
    warn(ws);
    // Only the members table needs the member tables: on a basket of
    // hundreds of members they are most of the work after reading.
    let result = if args.what == ExportWhat::Members {
        compute(ws, &args.analysis)?
    } else {
        compute_with(ws, &args.analysis, analyse_indices)?
    };
    let format = export::format_for(&args.output, args.format);
    let catalysts = matches!(
        args.what,
        ExportWhat::Events | ExportWhat::Leadlag | ExportWhat::Beta
    )
    .then(|| catalysts_of(ws, &result, &args.analysis, &args.catalyst_request()));
    let rows = export::export(
        &result,
        catalysts.as_ref(),
        args.what,
        format,
        args.basket.as_ref(),
        &args.output,
    )?;
    note_demo(ws);
    eprintln!("wrote {rows} rows to {}", args.output.display());
    Ok(())
}

/// `--benchmark`, `--model` and `--beta-window` only with the tables they
/// change: given elsewhere they would be silently ignored.
fn check_catalyst_options(args: &ExportArgs) -> anyhow::Result<()> {
    let c = &args.study;
    let given = [
        (
            "--benchmark",
            c.benchmark.is_some(),
            &[ExportWhat::Events, ExportWhat::Beta][..],
        ),
        ("--model", c.model.is_some(), &[ExportWhat::Events][..]),
        (
            "--beta-window",
            args.beta_window.is_some(),
            &[ExportWhat::Beta][..],
        ),
    ];
    for (option, set, applies) in given {
        if set && !applies.contains(&args.what) {
            let names: Vec<String> = applies
                .iter()
                .filter_map(|w| w.to_possible_value().map(|v| v.get_name().to_string()))
                .collect();
            bail!(
                "{option} changes only --what {}; drop it, or export --what {}",
                names.join("|"),
                names[0]
            );
        }
    }
    Ok(())
}

/// `spillover import`: price files into the cache, all or nothing.
fn run_import(
    ws: &Workspace,
    files: Vec<crate::store::import::Source>,
    options: &ImportOptions,
) -> anyhow::Result<()> {
    let summary = import::import(&ws.store, files, options)?;
    tracing::info!(files = summary.files.len(), "import committed");
    print(&summary.to_string())
}

/// `spillover plot`: one figure, SVG or PNG.
fn run_plot(ws: &Workspace, args: &PlotArgs) -> anyhow::Result<()> {
    warn(ws);
    plot::format_of(args)?;
    let result = compute(ws, &args.analysis)?;
    let message = plot::plot(ws, &result, args)?;
    note_demo(ws);
    eprintln!("{message}");
    Ok(())
}

/// `spillover note`: the research note's exhibits and text.
fn run_note(ws: &Workspace, args: &NoteArgs) -> anyhow::Result<()> {
    warn(ws);
    let result = compute(ws, &args.analysis)?;
    let written = note::note(ws, &result, args)?;
    note_demo(ws);
    eprintln!("wrote {} files to {}", written.len(), args.output.display());
    Ok(())
}

/// `spillover basket show ID`: one basket's members and numbers.
fn run_basket_show(ws: &Workspace, id: &BasketId, analysis: &AnalysisArgs) -> anyhow::Result<()> {
    warn(ws);
    if ws.basket(id).is_none() {
        let known: Vec<String> = ws.baskets.iter().map(|b| b.id.to_string()).collect();
        bail!("no basket \"{id}\"; the baskets are: {}", known.join(", "));
    }
    let result = compute(ws, analysis)?;
    let text = cache::basket_show(ws, &result, id).unwrap_or_default();
    print(&text)
}

/// `spillover events`: the earnings event study.
fn run_events(ws: &Workspace, args: &EventsArgs) -> anyhow::Result<()> {
    warn(ws);
    let result = compute(ws, &args.analysis)?;
    let study = catalysts::event_study(ws, &result, args)?;
    print(&if args.json {
        catalysts::events_json(ws, &study)
    } else {
        catalysts::events_text(ws, &study)
    })
}

/// `spillover leadlag`: the lead-lag correlations.
fn run_leadlag(ws: &Workspace, args: &LeadLagArgs) -> anyhow::Result<()> {
    warn(ws);
    let result = compute(ws, &args.analysis)?;
    let ll = catalysts::lead_lag_of(&result, args)?;
    print(&if args.json {
        catalysts::leadlag_json(ws, &result, &ll)
    } else {
        catalysts::leadlag_text(ws, &result, &ll)
    })
}

/// `spillover check`: fails when the cache has errors.
fn run_check(ws: &Workspace) -> anyhow::Result<ExitCode> {
    let report = cache::check(ws);
    print(&report.text)?;
    Ok(if report.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `spillover demo --reset`: the default baskets, watchlist and demo prices again.
/// `spillover demo --remove`: the demo price files deleted, listed.
fn demo_remove(store: &crate::store::Store) -> anyhow::Result<String> {
    let removed = demo::remove_demo(store)?;
    let mut out = format!(
        "removed {} demo price files from {}{}\n",
        removed.files.len(),
        store.layout().prices_dir().display(),
        if removed.files.is_empty() { "" } else { ":" }
    );
    for path in &removed.files {
        out.push_str(&format!("  {}\n", path.display()));
    }
    if removed.marker {
        out.push_str("removed the demo marker; baskets, watchlist and real prices untouched\n");
    } else {
        out.push_str("baskets, watchlist and real prices untouched\n");
    }
    Ok(out)
}

fn demo_reset(store: &crate::store::Store) -> anyhow::Result<String> {
    let summary = demo::reset(store)?;
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        }
    };
    Ok(format!(
        "reset {}: baskets {} rewritten; watchlist {}; {} demo price files written; imported prices kept: {}\n",
        store.layout().root().display(),
        list(
            summary
                .baskets_written
                .iter()
                .map(ToString::to_string)
                .collect()
        ),
        if summary.watchlist_written {
            "rewritten"
        } else {
            "kept"
        },
        summary.prices_written.len(),
        list(
            summary
                .prices_kept
                .iter()
                .map(ToString::to_string)
                .collect()
        ),
    ))
}

fn log_opened(ws: &Workspace) {
    tracing::info!(
        data_dir = %ws.store.layout().root().display(),
        installed_default = ws.installed_default,
        baskets = ws.baskets.len(),
        symbols = ws.book.series.len(),
        "opened"
    );
    for problem in &ws.problems {
        tracing::warn!("{problem}");
    }
}

/// Logs go to `spillover.log` in the data dir, never to the screen.
pub fn init_logging(path: &std::path::Path) {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path);
    if let Ok(file) = file {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::sync::Mutex::new(file))
            .with_ansi(false)
            .with_target(false)
            .try_init();
    }
}

fn compute(ws: &Workspace, args: &AnalysisArgs) -> anyhow::Result<Analysis> {
    compute_with(ws, args, analyse)
}

/// [`compute`] with `analyse` or [`analyse_indices`] (no member tables).
fn compute_with(
    ws: &Workspace,
    args: &AnalysisArgs,
    analyse: fn(&[Basket], &PriceBook, &Request) -> Result<Analysis, ComputeError>,
) -> anyhow::Result<Analysis> {
    if ws.baskets.is_empty() {
        let (_, errors) = ws.store.load_baskets();
        if !errors.is_empty() {
            let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
            bail!(
                "no basket file could be loaded, so there is nothing to compute: {}; fix these files (`spillover check` lists every problem)",
                each.join("; ")
            );
        }
    }
    let request = args.request();
    // A pair typed on the command line must be right; the default pair may
    // be missing (a basket file that did not load) without hiding the rest.
    if args.pair.is_some() {
        check_pair(&ws.baskets, &request.pair)?;
    }
    let analysis = analyse(&ws.baskets, &ws.book, &request)?;
    if let Some(problem) = &analysis.pair_problem {
        eprintln!("warning: no ratios or scatter: {problem}");
    }
    Ok(analysis)
}

/// The catalyst statistics of `analysis` measured with `settings`.
fn catalysts_of(
    ws: &Workspace,
    analysis: &Analysis,
    args: &AnalysisArgs,
    settings: &CatalystRequest,
) -> Catalysts {
    let catalysts = crate::compute::catalysts(
        &ws.baskets,
        &ws.book,
        &ws.watchlist,
        analysis,
        &args.request(),
        settings,
    );
    if let Some(problem) = &catalysts.benchmark_problem {
        eprintln!("warning: no event study and no beta: {problem}");
    }
    catalysts
}

/// Prints to stdout, with any control character or bidi override that a
/// hand-edited file carried escaped; a closed pipe (`| head`) is not an error.
fn print(text: &str) -> anyhow::Result<()> {
    let text = escape_output(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
