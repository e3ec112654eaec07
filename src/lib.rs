//! spillover: thematic basket indices, ratios and the earnings calendar,
//! from a local cache of price files.
//!
//! Layers only look down:
//! - [`domain`]: plain types of the analyst's world (basket, symbol, window,
//!   earnings event), with serde;
//! - [`store`]: the cache on disk: paths, Parquet price files, TOML baskets
//!   and watchlist, atomic saves, import, the embedded demo set, writing
//!   export tables;
//! - [`compute`]: indices, ratios, scatter statistics, member tables: pure
//!   functions of prices and baskets (docs/METHODOLOGY.md), importing only
//!   `domain`;
//! - [`text`]: cutting and padding by display width and the number formats,
//!   shared by the CLI and the TUI;
//! - [`figure`]: publication figures (SVG, PNG) drawn from prepared series
//!   (imports only `domain` and `compute`);
//! - [`cli`]: the headless commands (report, export, plot, note, import, fetch, ...);
//! - [`tui`]: the workstation: one event loop fed by an input thread and a
//!   worker thread; `update` is the only place its state changes.
//!
//! `domain`, `store` and `compute` never import ratatui or crossterm; the
//! dataframe library appears only under `store`. docs/ARCHITECTURE.md has
//! the whole picture, docs/FORMATS.md every file format.
#![forbid(unsafe_code)]

pub mod cli;
pub mod compute;
pub mod domain;
pub mod figure;
pub mod store;
pub mod text;
pub mod tui;
