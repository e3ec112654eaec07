//! Everything a session reads from the cache, loaded once: baskets,
//! watchlist and the prices the baskets use.

use std::path::{Path, PathBuf};

use super::{FileError, Fingerprints, Layout, Store, demo};
use crate::domain::PriceBook;
use crate::domain::edit::Library;
use crate::domain::{Basket, BasketId, Method, Watchlist};

/// The opened cache with its contents in memory.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub store: Store,
    pub baskets: Vec<Basket>,
    pub watchlist: Watchlist,
    pub book: PriceBook,
    /// What the user files held when loaded or last saved: a save checks
    /// them so nothing changed by someone else is overwritten.
    pub prints: Fingerprints,
    /// Files that could not be read; everything else still loaded.
    pub problems: Vec<String>,
    /// Set when this open installed the embedded default into an empty dir.
    pub installed_default: bool,
}

/// Which columns of the price files a session loads.
#[derive(Debug, Clone, Copy)]
enum Columns {
    /// Everything compute may read, whatever the method (the workstation).
    All,
    /// What one computation with this method override reads.
    For(Option<Method>),
}

/// Why the data dir could not be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "no data dir: the platform has no data directory for this user; pass --data-dir DIR or set SPILLOVER_HOME"
    )]
    NoDataDir,
    #[error(
        "cannot open the data dir {path}: {source}; pass --data-dir DIR or set SPILLOVER_HOME to a writable dir"
    )]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the data dir {given} (--data-dir or SPILLOVER_HOME) is a URL, and {scheme}:// data dirs are not supported: spillover keeps its cache in a folder on this machine; pass a local folder, e.g. --data-dir ~/spillover-data"
    )]
    Url { given: String, scheme: String },
    #[error("cannot install the embedded default into {path}: {detail}")]
    Install { path: PathBuf, detail: String },
}

/// The data dir: the one given (flag or `SPILLOVER_HOME`), else the platform's.
/// A URL (`s3://bucket/cache`) is refused rather than taken for a folder
/// named `s3:`.
pub fn resolve_data_dir(given: Option<PathBuf>) -> Result<PathBuf, OpenError> {
    let root = given
        .or_else(|| Layout::platform_default().map(|l| l.root().to_path_buf()))
        .ok_or(OpenError::NoDataDir)?;
    refuse_url(&root)?;
    Ok(root)
}

/// `scheme://…` is a URL, not a path; no URL scheme is a data dir yet.
fn refuse_url(root: &Path) -> Result<(), OpenError> {
    let text = root.to_string_lossy();
    let Some((scheme, _)) = text.split_once("://") else {
        return Ok(());
    };
    // Two characters at least, so a Windows drive (`C:`) is never a scheme.
    let is_scheme = scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return Ok(());
    }
    Err(OpenError::Url {
        given: text.to_string(),
        scheme: scheme.to_ascii_lowercase(),
    })
}

impl Workspace {
    /// Opens the data dir, installing the embedded default when it is empty.
    pub fn open(root: PathBuf) -> Result<Workspace, OpenError> {
        let mut workspace = Workspace::open_without_prices(root)?;
        workspace.load_prices();
        Ok(workspace)
    }

    /// [`Workspace::open`] for one computation with `method_override` (a
    /// report, an export): `mcap` is loaded only for members of baskets
    /// weighted by cap. The workstation, which can switch methods, loads all.
    pub fn open_for(
        root: PathBuf,
        method_override: Option<Method>,
    ) -> Result<Workspace, OpenError> {
        let mut workspace = Workspace::open_without_prices(root)?;
        workspace.load_prices_with(Columns::For(method_override));
        Ok(workspace)
    }

    /// Opens the data dir like [`Workspace::open`] but leaves the book
    /// empty: the workstation loads prices off its UI thread.
    pub fn open_without_prices(root: PathBuf) -> Result<Workspace, OpenError> {
        refuse_url(&root)?;
        let store = Store::open(&root).map_err(|source| OpenError::Io {
            path: root.clone(),
            source,
        })?;
        let installed_default = store.is_empty();
        if installed_default {
            demo::install(&store).map_err(|e| OpenError::Install {
                path: root.clone(),
                detail: e.to_string(),
            })?;
        }
        let mut workspace = Workspace::load_library(store);
        workspace.installed_default = installed_default;
        Ok(workspace)
    }

    /// Reads baskets, watchlist and the baskets' prices from `store`.
    pub fn load(store: Store) -> Workspace {
        let mut workspace = Workspace::load_library(store);
        workspace.load_prices();
        workspace
    }

    /// Reads baskets and watchlist from `store`; the book stays empty.
    fn load_library(store: Store) -> Workspace {
        let (Library { baskets, watchlist }, prints, errors) = store.load_library();
        let problems: Vec<String> = errors.iter().map(FileError::to_string).collect();
        Workspace {
            store,
            baskets,
            watchlist,
            book: PriceBook::default(),
            prints,
            problems,
            installed_default: false,
        }
    }

    /// Loads the baskets' prices; their problems join the file problems.
    fn load_prices(&mut self) {
        self.load_prices_with(Columns::All);
    }

    fn load_prices_with(&mut self, columns: Columns) {
        self.book = match columns {
            Columns::All => self.store.load_basket_prices(&self.baskets),
            Columns::For(method) => self.store.load_basket_prices_for(&self.baskets, method),
        };
        let notes = self
            .book
            .problems
            .iter()
            .map(|(_, message)| message.clone());
        self.problems.extend(notes);
    }

    pub fn basket(&self, id: &BasketId) -> Option<&Basket> {
        self.baskets.iter().find(|b| &b.id == id)
    }

    /// The editable part: a copy of the baskets and the watchlist.
    pub fn library(&self) -> Library {
        Library {
            baskets: self.baskets.clone(),
            watchlist: self.watchlist.clone(),
        }
    }

    /// Takes `library` as the session's baskets and watchlist (after an
    /// edit, undo or reload) and loads the prices of any member new to the
    /// book, so the numbers can follow at once.
    pub fn set_library(&mut self, library: Library) {
        let Library { baskets, watchlist } = library;
        let missing: Vec<_> = baskets
            .iter()
            .flat_map(|b| b.members.iter().map(|m| &m.symbol))
            .filter(|s| !self.book.series.contains_key(*s))
            .filter(|s| !self.book.problems.iter().any(|(known, _)| known == *s))
            .collect();
        let added = self.store.load_prices(missing);
        self.book.series.extend(added.series);
        self.book.problems.extend(added.problems);
        self.baskets = baskets;
        self.watchlist = watchlist;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_not_a_data_dir() {
        for (given, scheme) in [
            ("s3://bucket/cache", "s3"),
            ("http://example.com/data", "http"),
            ("FTP://host/dir", "ftp"),
            ("file:///home/me/data", "file"),
        ] {
            let err = resolve_data_dir(Some(PathBuf::from(given))).unwrap_err();
            let OpenError::Url { scheme: found, .. } = &err else {
                panic!("{given}: {err}");
            };
            assert_eq!(found, scheme);
            assert!(err.to_string().contains("pass a local folder"), "{err}");
        }
        for path in [
            "/tmp/data",
            "relative/dir",
            "C:\\Users\\me",
            "odd:/dir",
            "a b://x",
        ] {
            assert!(
                resolve_data_dir(Some(PathBuf::from(path))).is_ok(),
                "{path}"
            );
        }
    }
}
