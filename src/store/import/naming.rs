//! How an import named a symbol that the file did not write in full: from
//! the file's name, or from a bare code given its exchange. The summary
//! says so, and for the codes that are also well-known index codes says how
//! to import the index instead.

use std::fmt;

use crate::domain::Symbol;

/// Six-digit codes that are also index codes, with the index's name and
/// its symbol. All five are Shanghai index codes (CSI's indices are listed
/// in Shanghai under 000xxx, in Shenzhen under 399xxx), while a bare 000xxx
/// is read as a Shenzhen stock (000001.SZ is Ping An Bank).
const INDEX_CODES: [(&str, &str, &str); 5] = [
    ("000001", "SSE Composite", "000001.SH"),
    ("000016", "SSE 50", "000016.SH"),
    ("000300", "CSI 300", "000300.SH"),
    ("000852", "CSI 1000", "000852.SH"),
    ("000905", "CSI 500", "000905.SH"),
];

/// The index a six-digit code also names: its name and its symbol.
pub fn index_of_code(code: &str) -> Option<(&'static str, &'static str)> {
    INDEX_CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, name, symbol)| (*name, *symbol))
}

/// Where a symbol came from when the file did not write it in full.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Naming {
    /// A per-symbol file named by its file name (`300308.SZ.csv`, `300308.csv`).
    FileName { symbol: Symbol, stem: String },
    /// A bare code in the file (a symbol column, a header) given its exchange.
    BareCode { symbol: Symbol, code: String },
}

impl Naming {
    pub fn symbol(&self) -> &Symbol {
        match self {
            Naming::FileName { symbol, .. } | Naming::BareCode { symbol, .. } => symbol,
        }
    }

    /// The index the code also names, when the symbol was not written as it.
    pub fn also_index(&self) -> Option<(&'static str, &'static str)> {
        let code = match self {
            Naming::FileName { stem, .. } => stem.trim(),
            Naming::BareCode { code, .. } => code.trim(),
        };
        index_of_code(code).filter(|(_, index)| *index != self.symbol().as_str())
    }
}

impl fmt::Display for Naming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Naming::FileName { symbol, .. } => write!(f, "named {symbol} from the file name")?,
            Naming::BareCode { symbol, code } => write!(f, "code {code} read as {symbol}")?,
        }
        let Some((name, index)) = self.also_index() else {
            return Ok(());
        };
        let code = &index[..6];
        match self {
            Naming::FileName { .. } => write!(
                f,
                "; {code} is also the {name} index — if this file is the index, import it with --symbol {index}"
            ),
            Naming::BareCode { .. } => write!(
                f,
                "; {code} is also the {name} index — if these rows are the index, write {index} in the file"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(s: &str) -> Symbol {
        Symbol::parse(s).unwrap()
    }

    #[test]
    fn index_codes_say_how_to_import_the_index() {
        let named = Naming::FileName {
            symbol: sym("000300.SZ"),
            stem: "000300".into(),
        };
        assert_eq!(
            named.to_string(),
            "named 000300.SZ from the file name; 000300 is also the CSI 300 index — if this file is the index, import it with --symbol 000300.SH"
        );
        // Named as the index already: nothing to add.
        let index = Naming::FileName {
            symbol: sym("000300.SH"),
            stem: "000300.SH".into(),
        };
        assert_eq!(index.to_string(), "named 000300.SH from the file name");
        let stock = Naming::BareCode {
            symbol: sym("300308.SZ"),
            code: "300308".into(),
        };
        assert_eq!(stock.to_string(), "code 300308 read as 300308.SZ");
        assert_eq!(index_of_code("000905"), Some(("CSI 500", "000905.SH")));
        assert_eq!(index_of_code("600000"), None);
    }
}
