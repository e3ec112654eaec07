//! spillover: thematic basket indices, ratios and the earnings calendar,
//! from a local cache of price files.
//!
//! Layers only look down:
//! - [`domain`]: plain types of the analyst's world (basket, symbol, window,
//!   earnings event), with serde;
//! - [`store`]: the cache on disk: paths, Parquet price files, TOML baskets
//!   and watchlist, atomic saves, import, the embedded demo set;
//! - [`compute`]: indices, ratios, scatter statistics, member tables: pure
//!   functions of prices and baskets (METHODOLOGY.md);
//! - [`figure`]: publication figures (SVG, PNG) drawn from prepared series
//!   (imports only `domain` and `compute`);
//! - [`cli`]: the headless commands (report, export, plot, note, import, ...).
#![forbid(unsafe_code)]

pub mod cli;
pub mod compute;
pub mod domain;
pub mod figure;
pub mod store;
pub mod tui;
