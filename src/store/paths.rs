//! Where the cache lives and how it is laid out.

use std::path::{Path, PathBuf};

use crate::domain::{BasketId, Symbol};

/// The layout of a data dir (PRODUCT.md "Files").
#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Layout {
        Layout { root: root.into() }
    }

    /// The platform's data dir for "spillover" (e.g. `~/.local/share/spillover`).
    pub fn platform_default() -> Option<Layout> {
        directories::ProjectDirs::from("", "", "spillover").map(|d| Layout::new(d.data_dir()))
    }

    /// The platform's config file (`config.toml` in the config dir).
    pub fn platform_config_file() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "spillover")
            .map(|d| d.config_dir().join("config.toml"))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn prices_dir(&self) -> PathBuf {
        self.root.join("prices")
    }

    pub fn baskets_dir(&self) -> PathBuf {
        self.root.join("baskets")
    }

    pub fn price_file(&self, symbol: &Symbol) -> PathBuf {
        self.prices_dir().join(symbol.file_name())
    }

    pub fn basket_file(&self, id: &BasketId) -> PathBuf {
        self.baskets_dir().join(format!("{id}.toml"))
    }

    pub fn watchlist_file(&self) -> PathBuf {
        self.root.join("watchlist.toml")
    }

    pub fn log_file(&self) -> PathBuf {
        self.root.join("spillover.log")
    }

    /// Marks a cache whose prices are the embedded demo set.
    pub fn demo_marker(&self) -> PathBuf {
        self.root.join("DEMO")
    }
}
