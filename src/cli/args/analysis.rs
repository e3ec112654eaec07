//! The options shared by several subcommands: the analysis (window, as-of,
//! method, base, pair, roll) and the event study's benchmark and model.

use chrono::NaiveDate;
use clap::Args;

use crate::compute::{CatalystRequest, Model, Request, WindowChoice};
use crate::domain::{BasketId, Method, RangePreset, Window, parse_date};

// No doc comment on these two structs: flattened into a subcommand, an
// args struct's doc comment would become that subcommand's help text.

// The options shared by report, export, basket show, plot, note, events,
// leadlag (and the workstation's `:` commands).
#[derive(Debug, Clone, Default, Args)]
pub struct AnalysisArgs {
    /// The window as START..END, e.g. 2024-06-01..2025-05-07.
    #[arg(long, conflicts_with = "range")]
    pub window: Option<Window>,
    /// A preset window counting back from the as-of date: 1m 3m 6m ytd 1y 3y all [default: 1y].
    #[arg(long)]
    pub range: Option<RangePreset>,
    /// Replay the data as of this date (YYYY-MM-DD): nothing after it is used. Default: the last date in the data.
    #[arg(long = "as-of", value_parser = parse_date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Index weighting for every multi-member basket: equal, cap or custom [default: each basket's own].
    #[arg(long)]
    pub method: Option<Method>,
    /// Scale every index to 1000 on this date (default: the window's first date).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub base: Option<NaiveDate>,
    /// The scatter's baskets A B C: x = A/B, y = A/C [default: na-chain domestic-chain alibaba].
    #[arg(long, num_args = 3, value_names = ["A", "B", "C"], value_parser = BasketId::parse)]
    pub pair: Option<Vec<BasketId>>,
    /// Trailing window of the rolling correlation, in daily changes [default: 60].
    #[arg(long, value_name = "W", value_parser = clap::value_parser!(u16).range(3..))]
    pub roll: Option<u16>,
}

impl AnalysisArgs {
    pub fn request(&self) -> Request {
        let mut request = Request::default();
        if let Some(window) = self.window {
            request.range = WindowChoice::Explicit(window);
        } else if let Some(preset) = self.range {
            request.range = WindowChoice::Preset(preset);
        }
        request.as_of = self.as_of;
        request.method = self.method;
        request.base = self.base;
        if let Some([a, b, c]) = self.pair.as_deref() {
            request.pair = [a.clone(), b.clone(), c.clone()];
        }
        if let Some(roll) = self.roll {
            request.roll = usize::from(roll);
        }
        request
    }
}

// What an event study (and beta) is measured against: `events`, `export`,
// `plot --what events`, `note`.
#[derive(Debug, Clone, Default, Args)]
pub struct StudyArgs {
    /// The benchmark basket whose return is taken out [default: hstech].
    #[arg(long, value_parser = BasketId::parse, value_name = "ID")]
    pub benchmark: Option<BasketId>,
    /// adjusted: AR = R - R_bench; market: AR = R - (alpha + beta R_bench), fitted over tau -120..-11 [default: adjusted].
    #[arg(long)]
    pub model: Option<Model>,
}

impl StudyArgs {
    /// The settings, defaults where not given.
    pub fn request(&self) -> CatalystRequest {
        let mut request = CatalystRequest::default();
        if let Some(benchmark) = &self.benchmark {
            request.benchmark = benchmark.clone();
        }
        request.model = self.model.unwrap_or_default();
        request
    }
}
