//! What the command line names to import: a file, or `FILE=SYMBOL`.

use std::path::{Path, PathBuf};

use crate::domain::Symbol;

/// One file to import, with the symbol written for it (`FILE=SYMBOL`).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub path: PathBuf,
    pub symbol: Option<Symbol>,
}

impl Source {
    /// `SPX.csv=^GSPC` → the file and its symbol; a plain path has none. A
    /// path that exists as written is taken whole, `=` and all.
    pub fn parse(text: &str) -> Result<Source, String> {
        if let Some((path, symbol)) = text.rsplit_once('=')
            && !Path::new(text).exists()
        {
            let symbol = Symbol::parse(symbol)
                .map_err(|e| format!("{text:?}: the symbol after `=` is not valid: {e}"))?;
            return Ok(Source {
                path: PathBuf::from(path),
                symbol: Some(symbol),
            });
        }
        Ok(Source {
            path: PathBuf::from(text),
            symbol: None,
        })
    }
}
