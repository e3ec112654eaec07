//! The analysis a command prints: the workspace's baskets and prices under
//! the command's options, with the problems that leave parts out said on stderr.

use anyhow::bail;

use super::args::AnalysisArgs;
use crate::compute::{Analysis, ComputeError, Request, analyse, check_pair};
use crate::domain::{Basket, PriceBook};
use crate::store::Workspace;

pub(super) fn compute(ws: &Workspace, args: &AnalysisArgs) -> anyhow::Result<Analysis> {
    compute_with(ws, args, analyse)
}

/// [`compute`] with `analyse` or [`analyse_indices`] (no member tables).
pub(super) fn compute_with(
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
