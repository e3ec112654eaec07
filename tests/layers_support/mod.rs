//! The crate's import graph, read from the sources: which file's code names
//! which other file's items. A path is followed through the modules it
//! names and through re-exports (`pub use`) to the file that defines the
//! item, so importing through a folder's re-export counts as importing the
//! file behind it. Comments, strings, `#[cfg(test)]` items and test-only
//! files do not count.

mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One module of the crate: its file, its code (tests cut, `use`s
/// blanked), its child modules, and its `use`s.
#[derive(Debug)]
pub struct Module {
    /// Relative to `src`, e.g. `compute/history.rs`.
    pub file: String,
    pub code: String,
    pub uses: Vec<source::Use>,
    pub lines: usize,
}

pub struct Crate {
    /// By module path (`["compute", "history"]`); the root is `[]`.
    pub modules: BTreeMap<Vec<String>, Module>,
    /// Every `.rs` file under `src` with its line count, test files too.
    pub all_files: Vec<(String, usize)>,
    /// Every folder under `src`, e.g. `tui/panes`.
    pub folders: Vec<String>,
}

pub fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>, folders: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src reads")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            folders.push(path.clone());
            rs_files(&path, out, folders);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `a/b.rs` and `a/b/mod.rs` are `[a, b]`.
fn module_path(relative: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative.split('/').map(String::from).collect();
    let last = parts.pop().unwrap_or_default();
    match last.as_str() {
        "mod.rs" | "lib.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_string()),
    }
    parts
}

impl Crate {
    pub fn read() -> Crate {
        let root = src();
        let mut files = Vec::new();
        let mut folders = Vec::new();
        rs_files(&root, &mut files, &mut folders);
        let relative = |p: &Path| {
            p.strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/")
        };
        let mut all_files = Vec::new();
        let mut modules = BTreeMap::new();
        let mut test_only: BTreeSet<Vec<String>> = BTreeSet::new();
        for path in &files {
            let text = std::fs::read_to_string(path).expect("a source file");
            let file = relative(path);
            all_files.push((file.clone(), text.lines().count()));
            if file == "main.rs" {
                continue; // the binary: it calls `spillover::cli` only
            }
            let (code, tests) = source::cut_tests(&source::strip(&text));
            let path_of = module_path(&file);
            for name in tests {
                let mut child = path_of.clone();
                child.push(name);
                test_only.insert(child);
            }
            let (uses, code) = source::uses(&code);
            modules.insert(
                path_of,
                Module {
                    file,
                    code,
                    uses,
                    lines: text.lines().count(),
                },
            );
        }
        // A test-only file and everything below it are not part of the crate.
        modules.retain(|path, _| !test_only.iter().any(|t| path.starts_with(t)));
        Crate {
            modules,
            all_files,
            folders: folders.iter().map(|f| relative(f)).collect(),
        }
    }

    fn is_module(&self, path: &[String]) -> bool {
        self.modules.contains_key(path)
    }

    /// The absolute form of `path` written in module `at`, if it names
    /// something of this crate.
    fn absolute(&self, at: &[String], path: &[String]) -> Option<Vec<String>> {
        let first = path.first()?;
        let (mut base, rest) = match first.as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "self" => (at.to_vec(), &path[1..]),
            "super" => {
                let mut base = at.to_vec();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                (base, rest)
            }
            _ => {
                let mut child = at.to_vec();
                child.push(first.clone());
                if self.is_module(&child) {
                    (at.to_vec(), path)
                } else {
                    // A name brought in by a `use` of this module.
                    let module = self.modules.get(at)?;
                    let (target, _) = module
                        .uses
                        .iter()
                        .flat_map(|u| &u.paths)
                        .find(|(_, name)| name == first)?;
                    if target.first() == Some(first) {
                        return None; // `use tracing;`: an outside crate
                    }
                    let target = self.absolute(at, target)?;
                    let mut full = target;
                    full.extend(path[1..].iter().cloned());
                    return Some(full);
                }
            }
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The files that define what the absolute `path` names (through
    /// modules and re-exports).
    fn resolve(&self, path: &[String], depth: usize) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        if depth > 16 {
            return found;
        }
        let mut module: Vec<String> = Vec::new();
        for (i, segment) in path.iter().enumerate() {
            let mut child = module.clone();
            child.push(segment.clone());
            if self.is_module(&child) {
                module = child;
                continue;
            }
            let Some(m) = self.modules.get(&module) else {
                return found;
            };
            // Re-exported here: follow it to where it is defined.
            let mut followed = false;
            for u in m.uses.iter().filter(|u| u.public) {
                for (target, name) in &u.paths {
                    let glob = name == "*";
                    if name != segment && !glob {
                        continue;
                    }
                    let Some(mut target) = self.absolute(&module, target) else {
                        continue;
                    };
                    if glob {
                        target.pop();
                        target.extend(path[i..].iter().cloned());
                    } else {
                        target.extend(path[i + 1..].iter().cloned());
                    }
                    let behind = self.resolve(&target, depth + 1);
                    if !behind.is_empty() {
                        found.extend(behind);
                        followed = true;
                    }
                }
            }
            if !followed {
                found.insert(m.file.clone());
            }
            return found;
        }
        if let Some(m) = self.modules.get(&module) {
            found.insert(m.file.clone());
        }
        found
    }

    /// Every file's imports: the other files whose items its code names,
    /// each with the first path that names it (`super::history::IndexHistory`).
    pub fn imports(&self) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (at, module) in &self.modules {
            let mut paths: Vec<Vec<String>> = Vec::new();
            for u in &module.uses {
                // A `pub use` is a door, not a use: who goes through it is
                // followed to the file behind it.
                if !u.public {
                    paths.extend(u.paths.iter().map(|(p, _)| p.clone()));
                }
            }
            paths.extend(inline_paths(&module.code));
            let out = edges.entry(module.file.clone()).or_default();
            for path in paths {
                let mut named = path.clone();
                if named.last().is_some_and(|s| s == "*") {
                    named.pop();
                }
                let Some(abs) = self.absolute(at, &named) else {
                    continue;
                };
                for file in self.resolve(&abs, 0) {
                    if file != module.file {
                        out.entry(file).or_insert_with(|| path.join("::"));
                    }
                }
            }
        }
        edges
    }

    /// [`Crate::imports`] without the paths.
    pub fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        self.imports()
            .into_iter()
            .map(|(file, to)| (file, to.into_keys().collect()))
            .collect()
    }
}

/// The paths written in code outside `use` declarations: `a::b::c` where
/// `a` is not after `::` (a `crate::`, `super::`, child or imported name).
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut paths = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident(chars[i]) || (i > 0 && (is_ident(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && is_ident(chars[j]) {
                j += 1;
            }
            segments.push(chars[start..j].iter().collect::<String>());
            if chars.get(j) == Some(&':')
                && chars.get(j + 1) == Some(&':')
                && chars.get(j + 2).is_some_and(|c| is_ident(*c))
            {
                j += 2;
            } else {
                break;
            }
        }
        if segments.len() > 1 {
            paths.push(segments);
        }
        i = j.max(i + 1);
    }
    paths
}

/// The top-level part of the crate a file belongs to: `compute`, `text`, ...
pub fn layer(file: &str) -> &str {
    let first = file.split('/').next().unwrap_or(file);
    first.trim_end_matches(".rs")
}

/// The external crates a file's code names (`polars::...`, `use ratatui`).
pub fn external_crates(module: &Module) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for u in &module.uses {
        for (path, _) in &u.paths {
            if let Some(first) = path.first() {
                names.insert(first.trim_start_matches("::").to_string());
            }
        }
    }
    for path in inline_paths(&module.code) {
        names.insert(path[0].clone());
    }
    names
}
