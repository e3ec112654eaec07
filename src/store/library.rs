//! The library on disk: loading it with a fingerprint of every user file,
//! saving exactly the files an edit changed, and refusing to overwrite a file
//! someone else changed meanwhile (an editor, a second spillover).

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{FileError, Store, basket_to_toml, validate_basket, watchlist_to_toml, write_atomic};
use crate::domain::edit::Library;
use crate::domain::{Basket, Watchlist};

/// What one file held when we last read or wrote it. The hash decides; the
/// length and modification time only let [`Store::changed_on_disk`] skip
/// reading a file that was not touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    hash: u64,
    len: u64,
    modified: Option<SystemTime>,
}

/// What each user file held when we last read or wrote it (content hash;
/// `None` = absent), to notice changes by others.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fingerprints {
    marks: BTreeMap<PathBuf, Option<Mark>>,
    /// Files that exist but did not load: never overwritten by a save, since
    /// the user's text in them is not in the library.
    unreadable: BTreeSet<PathBuf>,
}

impl Fingerprints {
    /// The files fingerprinted, present or absent.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.marks.keys().map(PathBuf::as_path)
    }

    /// The state `path` should be in: unknown files are expected absent.
    fn expected(&self, path: &Path) -> Option<Mark> {
        self.marks.get(path).copied().flatten()
    }

    fn note(&mut self, path: &Path) {
        self.marks.insert(path.to_path_buf(), mark_of(path));
    }
}

/// What a save did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SaveReport {
    pub written: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
}

impl SaveReport {
    pub fn is_empty(&self) -> bool {
        self.written.is_empty() && self.removed.is_empty()
    }
}

/// Why a save wrote nothing (conflict) or stopped (a file could not be written).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    #[error(
        "{} changed on disk since it was loaded (another editor or spillover); nothing was saved: reload to see the other change, or keep yours and save again",
        list(paths)
    )]
    Conflict { paths: Vec<PathBuf> },
    #[error("{0}")]
    Write(FileError),
}

fn list(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}

/// The bytes of `path` fingerprinted; `None` when it does not exist (an
/// unreadable file counts as changed: its hash will not match).
fn mark_of(path: &Path) -> Option<Mark> {
    let meta = std::fs::metadata(path).ok()?;
    let bytes = std::fs::read(path).unwrap_or_default();
    Some(Mark {
        hash: hash(&bytes),
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// One file operation of a save.
enum Step {
    Write { path: PathBuf, text: String },
    Remove { path: PathBuf },
}

impl Step {
    fn path(&self) -> &Path {
        match self {
            Step::Write { path, .. } | Step::Remove { path } => path,
        }
    }
}

impl Store {
    /// Reads every basket and the watchlist with their fingerprints; like
    /// `Workspace::load`, a bad file is reported and the rest load.
    pub fn load_library(&self) -> (Library, Fingerprints, Vec<FileError>) {
        // Fingerprint first, then read: a change made in between makes the
        // next save report a conflict instead of silently overwriting it.
        let mut prints = Fingerprints::default();
        if let Ok(entries) = std::fs::read_dir(self.layout().baskets_dir()) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "toml") {
                    prints.note(&path);
                }
            }
        }
        prints.note(&self.layout().watchlist_file());
        let (baskets, mut errors) = self.load_baskets();
        let watchlist = self.load_watchlist().unwrap_or_else(|e| {
            errors.push(e);
            Watchlist::default()
        });
        prints
            .unreadable
            .extend(errors.iter().map(|e| e.path.clone()));
        (Library { baskets, watchlist }, prints, errors)
    }

    /// Writes exactly the files that differ between `before` and `after`
    /// (changed/new baskets, deleted baskets → file removed, renamed → new
    /// file written then old removed, watchlist), each atomically.
    ///
    /// Before touching a file, checks it still has the fingerprint we know:
    /// if someone else changed it, returns [`SaveError::Conflict`] and writes
    /// nothing. On a write error the files already saved stay saved and
    /// `prints` says so; no basket is ever only in memory and nowhere on disk.
    pub fn save_library(
        &self,
        before: &Library,
        after: &Library,
        prints: &mut Fingerprints,
    ) -> Result<SaveReport, SaveError> {
        let steps = self.steps(before, after)?;
        let conflicts: Vec<PathBuf> = steps
            .iter()
            .map(Step::path)
            .filter(|path| mark_of(path).map(|m| m.hash) != prints.expected(path).map(|m| m.hash))
            .map(Path::to_path_buf)
            .collect();
        if !conflicts.is_empty() {
            tracing::warn!(?conflicts, "not saved: changed outside spillover");
            return Err(SaveError::Conflict { paths: conflicts });
        }
        if let Some(path) = steps
            .iter()
            .map(Step::path)
            .find(|p| prints.unreadable.contains(*p))
        {
            return Err(SaveError::Write(FileError::new(
                path,
                None,
                "not saved: this file did not load (see `spillover check`), so saving would overwrite your text; fix or remove it by hand first",
            )));
        }
        let mut report = SaveReport::default();
        for step in steps {
            match step {
                Step::Write { path, text } => {
                    let result = write_atomic(&path, text.as_bytes());
                    prints.note(&path);
                    result.map_err(|e| {
                        SaveError::Write(FileError::new(&path, None, format!("not saved: {e}")))
                    })?;
                    report.written.push(path);
                }
                Step::Remove { path } => {
                    let result = match std::fs::remove_file(&path) {
                        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                        _ => Ok(()),
                    };
                    prints.note(&path);
                    result.map_err(|e| {
                        SaveError::Write(FileError::new(&path, None, format!("not removed: {e}")))
                    })?;
                    report.removed.push(path);
                }
            }
        }
        tracing::info!(written = ?report.written, removed = ?report.removed, "saved");
        Ok(report)
    }

    /// The file operations turning `before` into `after`, in a safe order:
    /// every write before any removal (a renamed basket exists twice for a
    /// moment, never zero times), and among writes the baskets that gain
    /// members first (a moved member is briefly in both files, never in none).
    fn steps(&self, before: &Library, after: &Library) -> Result<Vec<Step>, SaveError> {
        let layout = self.layout();
        let mut writes: Vec<(i64, Step)> = Vec::new();
        for basket in &after.baskets {
            let old = before.basket(&basket.id);
            if old == Some(basket) {
                continue;
            }
            let path = layout.basket_file(&basket.id);
            validate_basket(basket)
                .map_err(|(_, m)| SaveError::Write(FileError::new(&path, None, m)))?;
            let gain = basket.members.len() as i64 - old.map_or(0, |b| b.members.len() as i64);
            let text = basket_to_toml(basket);
            writes.push((gain, Step::Write { path, text }));
        }
        writes.sort_by_key(|(gain, _)| -gain);
        let mut steps: Vec<Step> = writes.into_iter().map(|(_, step)| step).collect();
        if sorted(&before.watchlist) != sorted(&after.watchlist) {
            steps.push(Step::Write {
                path: layout.watchlist_file(),
                text: watchlist_to_toml(&sorted(&after.watchlist)),
            });
        }
        let gone = before
            .baskets
            .iter()
            .filter(|b| after.basket(&b.id).is_none())
            .map(|b: &Basket| Step::Remove {
                path: layout.basket_file(&b.id),
            });
        steps.extend(gone);
        Ok(steps)
    }

    /// Files whose bytes on disk differ from `prints`, plus basket files that
    /// appeared since. Cheap enough to call while idle: a file whose length
    /// and modification time are as recorded is not read.
    pub fn changed_on_disk(&self, prints: &Fingerprints) -> Vec<PathBuf> {
        let mut changed = Vec::new();
        for (path, known) in &prints.marks {
            let now = std::fs::metadata(path).ok();
            let differs = match (known, now) {
                (None, None) => false,
                (None, Some(_)) | (Some(_), None) => true,
                (Some(mark), Some(meta)) => {
                    let same_stat = meta.len() == mark.len && meta.modified().ok() == mark.modified;
                    !same_stat && mark_of(path).map(|m| m.hash) != Some(mark.hash)
                }
            };
            if differs {
                changed.push(path.clone());
            }
        }
        if let Ok(entries) = std::fs::read_dir(self.layout().baskets_dir()) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "toml")
                    && !path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    && !prints.marks.contains_key(&path)
                {
                    changed.push(path);
                }
            }
        }
        changed.sort();
        changed
    }

    /// Takes the files in `paths` as they are now as known, so the next save
    /// overwrites them: the "keep mine" answer to a conflict.
    pub fn acknowledge(&self, prints: &mut Fingerprints, paths: &[PathBuf]) {
        for path in paths {
            prints.note(path);
            prints.unreadable.remove(path);
        }
    }
}

/// The watchlist as it is written: sorted by date.
fn sorted(list: &Watchlist) -> Watchlist {
    let mut list = list.clone();
    list.sort();
    list
}
