//! Reading one source file as the compiler would for the import graph:
//! comments, string and char literals blanked, `#[cfg(test)]` items cut,
//! `use` declarations expanded into paths.

/// `text` with comments, strings and char literals replaced by spaces
/// (newlines kept, so line numbers stay).
pub fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"') | Some('#')) && !ident_before(&b, i) {
            // A raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &b[i..j.min(b.len())] {
                out.push(blank(ch));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), or a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..b.len()).find(|&j| b[j] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for _ in i..=end {
                        out.push(' ');
                    }
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

/// `code` (already stripped) without the items under `#[cfg(test)]`, and
/// the names of the `#[cfg(test)] mod name;` files it declares.
pub fn cut_tests(code: &str) -> (String, Vec<String>) {
    let mut out = code.to_string();
    let mut test_files = Vec::new();
    while let Some(at) = out.find("#[cfg(test)]") {
        let bytes = out.as_bytes();
        let mut end = at + "#[cfg(test)]".len();
        // The item: up to its `;` if that comes first, else its braces.
        let semi = out[end..].find(';').map(|k| end + k);
        let brace = out[end..].find('{').map(|k| end + k);
        match (semi, brace) {
            (Some(s), b) if b.is_none_or(|b| s < b) => {
                let item = out[end..s].trim().to_string();
                if let Some(name) = item.strip_prefix("mod ") {
                    test_files.push(name.trim().to_string());
                }
                end = s + 1;
            }
            (_, Some(open)) => {
                let mut depth = 0;
                end = open;
                while end < bytes.len() {
                    match bytes[end] {
                        b'{' => depth += 1,
                        b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                end += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    end += 1;
                }
            }
            _ => end = out.len(),
        }
        let blanked: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &blanked);
    }
    (out, test_files)
}

/// One `use` declaration: whether it re-exports (any `pub`), its paths
/// (each a list of segments; `x as y` gives `x` and records `y`).
#[derive(Debug, Clone)]
pub struct Use {
    pub public: bool,
    /// (path, the name it is known by here).
    pub paths: Vec<(Vec<String>, String)>,
}

/// The `use` declarations of `code`, and `code` with them blanked.
pub fn uses(code: &str) -> (Vec<Use>, String) {
    let mut found = Vec::new();
    let mut rest = code.to_string();
    let mut from = 0;
    while let Some(k) = find_word(&rest[from..], "use") {
        let at = from + k;
        let Some(semi) = rest[at..].find(';').map(|s| at + s) else {
            break;
        };
        // `pub`, `pub(crate)`, ... just before.
        let before = rest[..at].trim_end();
        let public = before.ends_with("pub") || (before.ends_with(')') && before.contains("pub("));
        let tree = rest[at + 3..semi]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut paths = Vec::new();
        expand(&tree, &[], &mut paths);
        found.push(Use { public, paths });
        let blanked: String = rest[at..=semi]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        rest.replace_range(at..=semi, &blanked);
        from = at;
    }
    (found, rest)
}

/// Where `word` occurs as a whole word in `text`.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word)
        .find(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .map(|(at, _)| at)
}

/// Expands a use tree (`a::{b, c::{d as e, self}}`) below `prefix`.
fn expand(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) {
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .replace(' ', "")
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let mut base = prefix.to_vec();
        base.extend(head);
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top(inner) {
            expand(part.trim(), &base, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.replace(' ', ""), Some(a.trim().to_string())),
        None => (tree.replace(' ', ""), None),
    };
    let mut segments = prefix.to_vec();
    segments.extend(path.split("::").filter(|s| !s.is_empty()).map(String::from));
    if segments.last().is_some_and(|s| s == "self") {
        segments.pop();
    }
    let name = alias.unwrap_or_else(|| segments.last().cloned().unwrap_or_default());
    out.push((segments, name));
}

/// Splits `a, b::{c, d}, e` at the commas outside braces.
fn split_top(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}
