//! `spillover demo --universe N --days D` (hidden): writes a synthetic market
//! into a new data dir, for the benches and `benches/compare_pandas.py`.

use std::path::Path;
use std::process::ExitCode;

use super::progress::bar;
use crate::store::Store;
use crate::store::demo::{UniverseSpec, install_universe, universe_calendar};

pub fn generate(root: &Path, symbols: usize, days: usize) -> anyhow::Result<ExitCode> {
    let spec = UniverseSpec { symbols, days };
    // Before creating the data dir: a refused size leaves nothing behind.
    spec.check()?;
    let store = Store::open(root)?;
    let files = symbols.saturating_add(1);
    let progress = bar(files, "writing price files");
    let baskets = install_universe(&store, spec, &|n| {
        progress.set_position(n as u64);
    })?;
    progress.finish_and_clear();
    let calendar = universe_calendar(days);
    let sizes: Vec<String> = baskets
        .iter()
        .map(|b| format!("{} ({})", b.id, b.members.len()))
        .collect();
    println!(
        "wrote a synthetic universe into {}: {files} price files, {days} weekdays {}..{}, baskets {}",
        root.display(),
        calendar
            .first()
            .map(ToString::to_string)
            .unwrap_or_default(),
        calendar.last().map(ToString::to_string).unwrap_or_default(),
        sizes.join(", "),
    );
    Ok(ExitCode::SUCCESS)
}
