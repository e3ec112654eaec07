//! The workstation's data modules (state, overlay, effect, outcome) never
//! import the code that changes or draws them, and no pane takes the whole
//! state (circles anywhere in src are tests/layers.rs's). The graph is read
//! from the sources: each top-level
//! module of `src/tui` (a file, or a directory with its files) and the
//! other top-level modules its code names (`crate::tui::x`, or `super::x`
//! from a file directly under `src/tui`); comments and unit tests do not
//! count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The names following `prefix` in `code` (`crate::tui::` → `state`, …).
fn names_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .filter(|(at, _)| {
            // `super::` must not be the tail of a longer path.
            !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
        })
        .map(|(at, _)| {
            let rest = &code[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/tui reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let relative = path.strip_prefix(&root).expect("under src/tui");
            let parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts == ["mod.rs"] || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let module = parts[0].trim_end_matches(".rs").to_string();
            let text = std::fs::read_to_string(&path).expect("a source file");
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or("")
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let mut names = names_after(&code, "crate::tui::");
            if parts.len() == 1 || parts[1] == "mod.rs" {
                names.extend(names_after(&code, "super::"));
            }
            let edges = graph.entry(module.clone()).or_default();
            edges.extend(names.into_iter().filter(|n| *n != module).map(String::from));
        }
    }
    graph
}

#[test]
fn the_workstation_data_modules_never_import_the_code_that_changes_them() {
    let graph = graph();
    assert!(graph.contains_key("update") && graph.contains_key("run"));
    // The loop is on top; state and what is open over the panes are data.
    assert!(graph["run"].contains("update"));
    for data in ["state", "overlay", "effect", "outcome"] {
        for above in ["update", "edit", "run", "view", "panes"] {
            assert!(
                !graph[data].contains(above),
                "{data} imports {above}: {:?}",
                graph[data]
            );
        }
    }
    // Circles between these modules are refused by tests/layers.rs, with
    // every other folder of src.
}

/// Each pane is given a view of what it draws (built in `view.rs`), never
/// the whole state: a pane's code does not name `AppState`.
#[test]
fn no_pane_takes_the_whole_state() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/panes");
    let mut dirs = vec![root];
    let mut seen = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("src/tui/panes reads")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            seen += 1;
            assert!(
                !code.contains("AppState"),
                "{} names AppState: give the pane a view struct instead",
                path.display()
            );
        }
    }
    assert!(seen >= 10, "only {seen} pane files found");
}
