//! A file changed outside spillover (an editor, a second spillover): the
//! prompt that asks whose version wins, and what "keep mine" writes.
//! Nothing is ever overwritten without the user saying so.

use std::path::{Path, PathBuf};

use crate::domain::BasketId;
use crate::domain::edit::Library;
use crate::store::Layout;

/// The edit that could not be saved because of the conflict: kept so that
/// "keep mine" can still save it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub label: String,
    pub after: Library,
}

/// The open prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictPrompt {
    /// The files that changed, as the user would name them
    /// (`baskets/na-chain.toml`), and as paths.
    pub paths: Vec<PathBuf>,
    pub names: Vec<String>,
    pub pending: Option<Pending>,
}

impl ConflictPrompt {
    pub fn new(layout: &Layout, paths: Vec<PathBuf>, pending: Option<Pending>) -> ConflictPrompt {
        let names = paths.iter().map(|p| short_name(layout, p)).collect();
        ConflictPrompt {
            paths,
            names,
            pending,
        }
    }

    /// The prompt without the files in `left_alone` (the user dismissed
    /// them); `None` when nothing is left to ask about.
    pub fn without(mut self, left_alone: &[PathBuf]) -> Option<ConflictPrompt> {
        let (paths, names) = self
            .paths
            .into_iter()
            .zip(self.names)
            .filter(|(path, _)| !left_alone.contains(path))
            .unzip();
        self.paths = paths;
        self.names = names;
        (!self.paths.is_empty()).then_some(self)
    }

    /// "baskets/na-chain.toml was changed outside spillover"
    pub fn headline(&self) -> String {
        let verb = if self.names.len() == 1 { "was" } else { "were" };
        format!("{} {verb} changed outside spillover", self.names.join(", "))
    }
}

/// `path` relative to the data dir when it is inside it.
pub fn short_name(layout: &Layout, path: &Path) -> String {
    path.strip_prefix(layout.root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// What part of the library a user file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Basket(BasketId),
    Watchlist,
}

pub fn part_of(layout: &Layout, path: &Path) -> Option<Part> {
    if path == layout.watchlist_file() {
        return Some(Part::Watchlist);
    }
    let stem = path.file_stem()?.to_str()?;
    let id = BasketId::parse(stem).ok()?;
    (layout.basket_file(&id) == path).then_some(Part::Basket(id))
}

/// "Keep mine": the library as the store should believe the disk holds it
/// (what was saved last, `on_screen`, with the changed parts as `theirs`
/// has them) and the library to save (`mine`: the screen, or the edit the
/// conflict stopped). Saving the one over the other writes the changed
/// files with our version, and whatever else the edit changed. A basket file that only exists on disk (someone added
/// it) is adopted rather than deleted: keeping mine never destroys a file
/// we never had.
pub fn keep_mine(
    on_screen: &Library,
    mine: &Library,
    theirs: &Library,
    parts: &[Part],
) -> (Library, Library) {
    let mut base = on_screen.clone();
    let mut after = mine.clone();
    for part in parts {
        match part {
            Part::Watchlist => base.watchlist = theirs.watchlist.clone(),
            Part::Basket(id) => {
                base.baskets.retain(|b| &b.id != id);
                if let Some(on_disk) = theirs.basket(id) {
                    base.baskets.push(on_disk.clone());
                    if mine.basket(id).is_none() {
                        after.baskets.push(on_disk.clone());
                    }
                }
            }
        }
    }
    (base, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::demo::{default_baskets, default_watchlist};

    fn library() -> Library {
        Library {
            baskets: default_baskets(),
            watchlist: default_watchlist(),
        }
    }

    #[test]
    fn paths_name_their_part() {
        let layout = Layout::new("/data");
        let na = BasketId::parse("na-chain").unwrap();
        assert_eq!(
            part_of(&layout, &layout.basket_file(&na)),
            Some(Part::Basket(na.clone()))
        );
        assert_eq!(
            part_of(&layout, &layout.watchlist_file()),
            Some(Part::Watchlist)
        );
        assert_eq!(
            short_name(&layout, &layout.basket_file(&na)),
            "baskets/na-chain.toml"
        );
    }

    #[test]
    fn keeping_mine_rewrites_the_changed_basket_and_adopts_new_files() {
        let mine = library();
        let mut theirs = library();
        theirs.baskets[0].members.pop();
        let mut extra = theirs.baskets[1].clone();
        extra.id = BasketId::parse("their-new").unwrap();
        theirs.baskets.push(extra.clone());
        let parts = [
            Part::Basket(theirs.baskets[0].id.clone()),
            Part::Basket(extra.id.clone()),
        ];
        let (base, after) = keep_mine(&mine, &mine, &theirs, &parts);
        // The base holds their na-chain, so the save writes ours over it.
        assert_eq!(
            base.basket(&parts_id(&parts[0])),
            theirs.basket(&parts_id(&parts[0]))
        );
        assert_eq!(
            after.basket(&parts_id(&parts[0])),
            mine.basket(&parts_id(&parts[0]))
        );
        // Their new basket is in both: nothing written, nothing deleted.
        assert_eq!(base.basket(&extra.id), Some(&extra));
        assert_eq!(after.basket(&extra.id), Some(&extra));
    }

    fn parts_id(part: &Part) -> BasketId {
        match part {
            Part::Basket(id) => id.clone(),
            Part::Watchlist => unreachable!(),
        }
    }
}
