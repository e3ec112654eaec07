//! The whole crate's layering, read from the sources (`tests/layers_support`):
//! layers only look down, no import circles anywhere in `src`, the
//! dataframe and terminal libraries each in one layer, files a reader can
//! hold, and docs/ARCHITECTURE.md naming every folder.

mod layers_support;

use std::collections::{BTreeMap, BTreeSet};

use layers_support::{Crate, external_crates, layer};

/// What each top-level part of `src` may import of ours (the code's own
/// order, docs/ARCHITECTURE.md "Layers"): `domain` and `text` nothing;
/// `compute` and `store` only `domain` and `text`, never each other;
/// `figure` draws `compute`'s results; `tui` everything below; `cli`
/// everything below and `tui`, whose `open` it calls when no subcommand is
/// given. `tui` never imports `cli`.
fn may_import(layer: &str) -> &'static [&'static str] {
    match layer {
        "domain" | "text" | "lib" => &[],
        "compute" | "store" => &["domain", "text"],
        "figure" => &["domain", "text", "compute"],
        "tui" => &["domain", "text", "compute", "store", "figure"],
        "cli" => &["domain", "text", "compute", "store", "figure", "tui"],
        _ => &[],
    }
}

#[test]
fn lower_layers_never_import_upper_ones() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for (file, imports) in krate.imports() {
        let from = layer(&file);
        for (to_file, path) in imports {
            let to = layer(&to_file);
            if to != from && !may_import(from).contains(&to) {
                wrong.push(format!(
                    "{file} -> {to_file} ({path}): {from} may not import {to}"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "layers import upward:\n{}",
        wrong.join("\n")
    );
}

/// The graph at one folder: its entries (a file, or a sub-folder with all
/// its files) and which imports which. The folder's own file (`mod.rs`, or
/// `edit.rs` for `edit/`) is one of its entries.
fn folder_graph(
    edges: &BTreeMap<String, BTreeSet<String>>,
    folder: &str,
) -> BTreeMap<String, BTreeSet<String>> {
    let entry = |file: &str| -> Option<String> {
        let rest = if folder.is_empty() {
            file
        } else {
            file.strip_prefix(folder)?.strip_prefix('/')?
        };
        Some(match rest.split_once('/') {
            Some((dir, _)) => format!("{dir}/"),
            None => rest.to_string(),
        })
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, imports) in edges {
        let Some(from) = entry(file) else { continue };
        for to in imports.iter().filter_map(|t| entry(t)) {
            if to != from {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    graph
}

/// A circle through `at`, if any (depth-first).
fn circle(
    graph: &BTreeMap<String, BTreeSet<String>>,
    at: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(start) = path.iter().position(|m| m == at) {
        let mut found = path[start..].to_vec();
        found.push(at.to_string());
        return Some(found);
    }
    if !done.insert(at.to_string()) {
        return None;
    }
    path.push(at.to_string());
    for next in graph.get(at).into_iter().flatten() {
        if let Some(found) = circle(graph, next, path, done) {
            return Some(found);
        }
    }
    path.pop();
    None
}

/// For each step `a -> b` of a circle in `folder`: one file of `a`, the
/// file of `b` it imports and the path that names it.
fn witnesses(
    imports: &BTreeMap<String, BTreeMap<String, String>>,
    folder: &str,
    circle: &[String],
) -> Vec<String> {
    let full = |entry: &str| {
        if folder.is_empty() {
            entry.to_string()
        } else {
            format!("{folder}/{entry}")
        }
    };
    let inside = |file: &str, entry: &str| {
        let entry = full(entry);
        if entry.ends_with('/') {
            file.starts_with(&entry)
        } else {
            file == entry
        }
    };
    circle
        .windows(2)
        .filter_map(|step| {
            imports
                .iter()
                .filter(|(file, _)| inside(file, &step[0]))
                .flat_map(|(file, to)| to.iter().map(move |(t, p)| (file, t, p)))
                .find(|(_, to, _)| inside(to, &step[1]))
                .map(|(file, to, path)| format!("{file} -> {to} ({path})"))
        })
        .collect()
}

/// No file imports, through any chain, a file that imports it; nor any
/// folder a folder that imports it, at every level of `src`.
#[test]
fn no_import_circles_anywhere_in_src() {
    let krate = Crate::read();
    let imports = krate.imports();
    let edges = krate.edges();
    let mut folders: Vec<String> = krate.folders.clone();
    folders.push(String::new());
    let mut circles = Vec::new();
    for folder in folders {
        let graph = folder_graph(&edges, &folder);
        let mut done = BTreeSet::new();
        for node in graph.keys() {
            if let Some(found) = circle(&graph, node, &mut Vec::new(), &mut done) {
                let at = if folder.is_empty() { "src" } else { &folder };
                circles.push(format!(
                    "in {at}: {}\n    {}",
                    found.join(" -> "),
                    witnesses(&imports, &folder, &found).join("\n    ")
                ));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn polars_only_in_store_ratatui_and_crossterm_only_in_tui() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for module in krate.modules.values() {
        let names = external_crates(module);
        let from = layer(&module.file);
        for (library, home) in [
            ("polars", "store"),
            ("ratatui", "tui"),
            ("crossterm", "tui"),
        ] {
            if names.contains(library) && from != home {
                wrong.push(format!(
                    "{} uses {library} (only src/{home} may)",
                    module.file
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_file_in_src_is_over_500_lines() {
    let krate = Crate::read();
    let long: Vec<String> = krate
        .all_files
        .iter()
        .filter(|(_, lines)| *lines > 500)
        .map(|(file, lines)| format!("src/{file}: {lines} lines; split it by idea"))
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn architecture_md_names_every_folder_of_src() {
    let krate = Crate::read();
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ARCHITECTURE.md"),
    )
    .expect("docs/ARCHITECTURE.md reads");
    let missing: Vec<String> = krate
        .folders
        .iter()
        .filter(|f| !doc.contains(&format!("src/{f}/")))
        .map(|f| format!("src/{f}/"))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/ARCHITECTURE.md does not name {}: give each folder its one job and what it may import",
        missing.join(", ")
    );
}

/// The reader itself: a `pub use` is followed to the defining file, a test
/// module is not read, and the crate's known layers are all found.
#[test]
fn the_graph_is_read_from_the_sources() {
    let krate = Crate::read();
    let edges = krate.edges();
    for part in ["domain/", "store/", "compute/", "figure/", "cli/", "tui/"] {
        assert!(edges.keys().any(|f| f.starts_with(part)), "{part} not read");
    }
    // `cli/mod.rs` calls `report::render_text`: an inline path.
    assert!(edges["cli/mod.rs"].contains("cli/report.rs"));
    // `compute/analysis.rs` names `crate::domain::Basket`, re-exported by
    // domain/mod.rs from domain/basket.rs.
    assert!(edges["compute/analysis.rs"].contains("domain/basket.rs"));
    assert!(!edges.keys().any(|f| f == "domain/edit/tests.rs"));
    assert!(
        krate
            .modules
            .values()
            .all(|m| !m.code.contains("#[cfg(test)]"))
    );
    assert!(krate.modules.values().all(|m| m.lines > 0));
}
