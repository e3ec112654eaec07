//! Baskets and the watchlist as human-editable TOML files.
//!
//! Reading reports a mistake with its file and line and what would be
//! accepted; writing is atomic. A basket file is `baskets/<id>.toml`:
//!
//! ```toml
//! name = "North American computing-power chain"
//! description = "A-share suppliers to US cloud providers"
//! method = "equal"          # equal | cap | custom
//!
//! [[member]]
//! symbol = "300308.SZ"
//! name = "中际旭创"
//! name_en = "Zhongji Innolight"
//! segment = "Optical module"
//! weight = 2.0              # optional; used by the custom method
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use crate::domain::{Basket, BasketId, Member, Method, Watchlist};

/// A user file that could not be read or written, with where and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct FileError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl FileError {
    pub fn new(path: &Path, line: Option<usize>, message: impl Into<String>) -> FileError {
        FileError {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BasketFile {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    method: Method,
    #[serde(default, rename = "member")]
    members: Vec<Member>,
}

/// 1-based line of a byte offset in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn toml_error(path: &Path, text: &str, err: &toml::de::Error) -> FileError {
    let line = err.span().map(|s| line_of(text, s.start));
    let mut message = err.message().trim().to_string();
    // Name the field and the value: "input is out of range" alone does not
    // say that `date = "2025-13-45"` is the culprit.
    if let Some(span) = err.span()
        && let Some(value) = text.get(span.clone())
        && value.len() <= 80
        && !value.contains('\n')
    {
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..span.start];
        if let Some(key) = key_before(before) {
            message = format!("{key} = {value}: {message}");
            if key == "date" {
                message.push_str("; a date is YYYY-MM-DD with a real month (01-12) and day");
            }
        }
    }
    FileError::new(path, line, message)
}

/// The key of `date = ` (the text of a line before its value).
fn key_before(text: &str) -> Option<&str> {
    let key = text.trim_end().strip_suffix('=')?.trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then_some(key)
}

/// The line on which `needle` first appears, to point at a member's entry.
fn line_containing(text: &str, needle: &str) -> Option<usize> {
    text.find(needle).map(|offset| line_of(text, offset))
}

/// Checks what serde cannot: unique symbols, weights finite and >= 0.
pub fn validate_basket(basket: &Basket) -> Result<(), (String, String)> {
    let mut seen = HashSet::new();
    for m in &basket.members {
        let needle = format!("\"{}\"", m.symbol);
        if !seen.insert(&m.symbol) {
            return Err((
                needle,
                format!(
                    "{} is listed twice; keep one [[member]] entry per symbol",
                    m.symbol
                ),
            ));
        }
        if let Some(w) = m.weight
            && !(w.is_finite() && w >= 0.0)
        {
            return Err((
                needle,
                format!(
                    "{}: weight {w} is not allowed; a weight is a number >= 0",
                    m.symbol
                ),
            ));
        }
    }
    Ok(())
}

/// Parses the text of `baskets/<id>.toml`.
pub fn parse_basket(path: &Path, text: &str) -> Result<Basket, FileError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = BasketId::parse(&stem)
        .map_err(|m| FileError::new(path, None, format!("{m}; rename the file")))?;
    let file: BasketFile = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
    let basket = Basket {
        id,
        name: file.name,
        description: file.description,
        method: file.method,
        members: file.members,
    };
    validate_basket(&basket).map_err(|(needle, message)| {
        FileError::new(path, line_containing(text, &needle), message)
    })?;
    Ok(basket)
}

pub fn basket_to_toml(basket: &Basket) -> String {
    let file = BasketFile {
        name: basket.name.clone(),
        description: basket.description.clone(),
        method: basket.method,
        members: basket.members.clone(),
    };
    toml::to_string(&file).expect("a basket always serialises to TOML")
}

/// Reads every `*.toml` in `dir`: the baskets that load, and one error per
/// file that does not (the rest still load).
pub fn read_baskets(dir: &Path) -> (Vec<Basket>, Vec<FileError>) {
    let mut baskets = Vec::new();
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (baskets, errors);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        match read_text(&path).and_then(|text| parse_basket(&path, &text)) {
            Ok(b) => baskets.push(b),
            Err(e) => errors.push(e),
        }
    }
    baskets.sort_by_key(|b| display_rank(&b.id));
    (baskets, errors)
}

/// The order of the research note's baskets, shown first wherever baskets
/// are listed (tabs, report, export columns); other baskets follow by id.
pub const NOTE_ORDER: [&str; 6] = [
    "na-chain",
    "domestic-chain",
    "hk-internet",
    "alibaba",
    "hstech",
    "us-csp",
];

fn display_rank(id: &BasketId) -> (usize, String) {
    let rank = NOTE_ORDER
        .iter()
        .position(|n| *n == id.as_str())
        .unwrap_or(NOTE_ORDER.len());
    (rank, id.to_string())
}

fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::new(path, None, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        FileError::new(path, Some(line), "not UTF-8 text; save the file as UTF-8")
    })
}

pub fn write_basket(path: &Path, basket: &Basket) -> Result<(), FileError> {
    validate_basket(basket).map_err(|(_, m)| FileError::new(path, None, m))?;
    write_atomic(path, basket_to_toml(basket).as_bytes())
        .map_err(|e| FileError::new(path, None, format!("not saved: {e}")))
}

/// Parses the text of `watchlist.toml` (`[[event]]` rows), sorted by date.
pub fn parse_watchlist(path: &Path, text: &str) -> Result<Watchlist, FileError> {
    let mut list: Watchlist = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
    list.sort();
    Ok(list)
}

/// Reads `watchlist.toml`; a missing file is an empty watchlist.
pub fn read_watchlist(path: &Path) -> Result<Watchlist, FileError> {
    if !path.exists() {
        return Ok(Watchlist::default());
    }
    let text = read_text(path)?;
    parse_watchlist(path, &text)
}

pub fn watchlist_to_toml(list: &Watchlist) -> String {
    toml::to_string(list).expect("a watchlist always serialises to TOML")
}

pub fn write_watchlist(path: &Path, list: &Watchlist) -> Result<(), FileError> {
    write_atomic(path, watchlist_to_toml(list).as_bytes())
        .map_err(|e| FileError::new(path, None, format!("not saved: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
name = "Test"
method = "custom"

[[member]]
symbol = "300308.sz"
name = "中际旭创"
segment = "Optical module"
weight = 2.0

[[member]]
symbol = "9988.HK"
name = "阿里巴巴-W"
"#;

    #[test]
    fn a_basket_round_trips_through_its_file() {
        let path = Path::new("baskets/test.toml");
        let basket = parse_basket(path, GOOD).unwrap();
        assert_eq!(basket.id.as_str(), "test");
        assert_eq!(basket.method, Method::Custom);
        assert_eq!(basket.members[0].symbol.as_str(), "300308.SZ");
        assert_eq!(basket.members[0].weight, Some(2.0));
        let again = parse_basket(path, &basket_to_toml(&basket)).unwrap();
        assert_eq!(again, basket);
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        let path = Path::new("baskets/test.toml");
        let typo = GOOD.replace("weight = 2.0", "wieght = 2.0");
        let err = parse_basket(path, &typo).unwrap_err();
        assert_eq!(err.line, Some(9), "{err}");
        assert!(
            err.to_string().starts_with("baskets/test.toml:9: "),
            "{err}"
        );

        let twice = format!("{GOOD}\n[[member]]\nsymbol = \"9988.HK\"\nname = \"again\"\n");
        let err = parse_basket(path, &twice).unwrap_err();
        assert!(err.message.contains("listed twice"), "{err}");
        assert_eq!(err.line, Some(12));

        let negative = GOOD.replace("weight = 2.0", "weight = -1.0");
        let err = parse_basket(path, &negative).unwrap_err();
        assert!(err.message.contains(">= 0"), "{err}");

        let bad_symbol = GOOD.replace("9988.HK", "../etc");
        let err = parse_basket(path, &bad_symbol).unwrap_err();
        assert_eq!(err.line, Some(12), "{err}");
    }
}
