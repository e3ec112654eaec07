//! Carrying out the effects that touch the user's files: saving the
//! library, "keep mine", reloading, looking for outside changes. Each
//! answers with an [`Outcome`] for `update`; nothing here changes the
//! state. These are fast (a few small TOML files, written atomically) and
//! run on the loop's thread, in order: the next edit's save starts from
//! what this one wrote.

use crate::domain::edit::Library;
use crate::store::{Fingerprints, SaveError, SaveReport, Store};
use crate::tui::effect::Effect;
use crate::tui::outcome::Outcome;
use crate::tui::overlay::conflict::{ConflictPrompt, Pending, keep_mine, part_of, short_name};

/// The data dir the session edits, and what its files held when last
/// read or written (to notice changes by others).
#[derive(Debug, Clone)]
pub struct Disk {
    pub store: Store,
    pub prints: Fingerprints,
}

impl Disk {
    /// Carries out a file effect; `None` for effects that are not about
    /// files, and when looking outside found nothing.
    pub fn carry_out(&mut self, effect: Effect) -> Option<Outcome> {
        match effect {
            Effect::Save {
                label,
                before,
                after,
            } => Some(self.save(label, before, after)),
            Effect::KeepMine {
                on_screen,
                mine,
                paths,
                label,
            } => Some(self.keep_mine(&on_screen, &mine, &paths, label)),
            Effect::Reload => Some(self.reload()),
            Effect::LookOutside => self.look_outside(),
            Effect::Quit | Effect::Start(..) => None,
        }
    }

    fn save(&mut self, label: String, before: Library, after: Library) -> Outcome {
        match self.store.save_library(&before, &after, &mut self.prints) {
            Ok(report) => Outcome::Saved {
                files: files(&self.store, &report),
            },
            Err(SaveError::Conflict { paths }) => {
                let pending = Pending { label, after };
                let prompt = ConflictPrompt::new(self.store.layout(), paths, Some(pending));
                Outcome::SaveConflicted { before, prompt }
            }
            Err(e) => {
                // An edit that touches several files (a move, a rename) may fail
                // after some of them were written: then the screen shows the
                // files as they are, never a state that is nowhere on disk.
                let (on_disk, _, _) = self.store.load_library();
                if same_content(&on_disk, &before) {
                    Outcome::SaveFailed {
                        before,
                        error: e.to_string(),
                    }
                } else {
                    Outcome::SavePartlyFailed {
                        on_disk,
                        error: e.to_string(),
                    }
                }
            }
        }
    }

    fn keep_mine(
        &mut self,
        on_screen: &Library,
        mine: &Library,
        paths: &[std::path::PathBuf],
        label: Option<String>,
    ) -> Outcome {
        let (theirs, _, _) = self.store.load_library();
        let layout = self.store.layout();
        let parts: Vec<_> = paths.iter().filter_map(|p| part_of(layout, p)).collect();
        let (base, after) = keep_mine(on_screen, mine, &theirs, &parts);
        self.store.acknowledge(&mut self.prints, paths);
        match self.store.save_library(&base, &after, &mut self.prints) {
            Ok(report) => Outcome::KeptMine {
                after,
                label,
                files: files(&self.store, &report),
            },
            Err(e) => Outcome::KeepMineFailed {
                error: e.to_string(),
            },
        }
    }

    fn reload(&mut self) -> Outcome {
        let (library, prints, errors) = self.store.load_library();
        self.prints = prints;
        Outcome::Reloaded {
            library,
            problems: errors.iter().map(ToString::to_string).collect(),
        }
    }

    /// Files changed since last read or written, as a prompt.
    pub fn look_outside(&self) -> Option<Outcome> {
        let changed = self.store.changed_on_disk(&self.prints);
        (!changed.is_empty()).then(|| {
            Outcome::OutsideChange(ConflictPrompt::new(self.store.layout(), changed, None))
        })
    }
}

/// The same baskets and events, whatever the order of the baskets.
fn same_content(a: &Library, b: &Library) -> bool {
    let by_id = |l: &Library| {
        let mut baskets = l.baskets.clone();
        baskets.sort_by(|x, y| x.id.cmp(&y.id));
        baskets
    };
    by_id(a) == by_id(b) && a.watchlist == b.watchlist
}

/// The files a save touched, as the user names them.
fn files(store: &Store, report: &SaveReport) -> String {
    let layout = store.layout();
    let mut names: Vec<String> = report
        .written
        .iter()
        .map(|p| short_name(layout, p))
        .collect();
    names.extend(
        report
            .removed
            .iter()
            .map(|p| format!("removed {}", short_name(layout, p))),
    );
    names.join(", ")
}
