//! Ticker symbols, validated before they can become a file name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Yahoo-style ticker: `300308.SZ`, `688256.SH`, `9988.HK`, `HSTECH.HK`,
/// and a US listing's plain ticker, `MSFT`.
///
/// Always upper case. Shanghai is written `.SH`; Yahoo's `.SS` is accepted and
/// rewritten to `.SH`, and Stooq's `msft.us` (`.US`) to the plain `MSFT`, so
/// one stock never ends up in two files. A `Symbol`
/// only holds ASCII letters, digits and `.`, `-`, `_`, `^`, never starts with a
/// dot and never holds `..`: it is always safe as a file name inside `prices/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(String);

/// Why a text is not a symbol; the message says what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SymbolError {
    #[error("the symbol is empty")]
    Empty,
    #[error("symbol {0:?} is longer than 32 characters")]
    TooLong(String),
    #[error(
        "symbol {0:?} contains {1:?}; a symbol holds only letters, digits and . - _ ^ (e.g. 300308.SZ, 9988.HK)"
    )]
    BadChar(String, char),
    #[error("symbol {0:?} starts with a dot or contains \"..\"; write it like 300308.SZ")]
    Dots(String),
}

impl Symbol {
    pub const MAX_LEN: usize = 32;

    pub fn parse(text: &str) -> Result<Symbol, SymbolError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(SymbolError::Empty);
        }
        if trimmed.chars().count() > Self::MAX_LEN {
            return Err(SymbolError::TooLong(trimmed.to_string()));
        }
        if let Some(bad) = trimmed
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '^')))
        {
            return Err(SymbolError::BadChar(trimmed.to_string(), bad));
        }
        if trimmed.starts_with('.') || trimmed.contains("..") {
            return Err(SymbolError::Dots(trimmed.to_string()));
        }
        let mut upper = trimmed.to_ascii_uppercase();
        if let Some(stem) = upper.strip_suffix(".SS") {
            upper = format!("{stem}.SH");
        } else if let Some(stem) = upper.strip_suffix(".US").filter(|s| !s.is_empty()) {
            upper = stem.to_string();
        }
        Ok(Symbol(upper))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The file name of this symbol's prices inside `prices/`.
    pub fn file_name(&self) -> String {
        format!("{}.parquet", self.0)
    }

    /// True for Hong Kong listings (`.HK`), whose calendar differs from the mainland's.
    pub fn is_hong_kong(&self) -> bool {
        self.0.ends_with(".HK")
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Symbol {
    type Err = SymbolError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Symbol::parse(s)
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Symbol::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_shanghai_suffix() {
        assert_eq!(Symbol::parse(" 688256.ss ").unwrap().as_str(), "688256.SH");
        assert_eq!(Symbol::parse("9988.hk").unwrap().as_str(), "9988.HK");
        assert_eq!(Symbol::parse("^HSTECH").unwrap().as_str(), "^HSTECH");
        // Stooq's US form is the plain ticker.
        assert_eq!(Symbol::parse("msft.us").unwrap().as_str(), "MSFT");
        assert_eq!(
            Symbol::parse("MSFT.US").unwrap(),
            Symbol::parse("MSFT").unwrap()
        );
        assert_eq!(Symbol::parse("BRK-B.US").unwrap().as_str(), "BRK-B");
    }

    #[test]
    fn refuses_anything_that_could_escape_the_prices_dir() {
        for bad in [
            "", "a/b", "..", "../x", ".hidden", "a..b", "a\\b", "a\u{7}b", "a b", "中际",
        ] {
            assert!(Symbol::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Symbol::parse(&"A".repeat(33)).is_err());
    }
}
