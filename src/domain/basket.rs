//! Thematic baskets and how their index is weighted.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Symbol;

/// How a basket's daily index return weights its members (METHODOLOGY.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// `w = 1/n` over the eligible members, rebalanced daily.
    #[default]
    Equal,
    /// `w` proportional to each member's `mcap` on the previous index date.
    Cap,
    /// The fixed target weights written in the basket file.
    Custom,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Equal, Method::Cap, Method::Custom];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Equal => "equal",
            Method::Cap => "cap",
            Method::Custom => "custom",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "equal" => Ok(Method::Equal),
            "cap" => Ok(Method::Cap),
            "custom" => Ok(Method::Custom),
            other => Err(format!(
                "unknown index method {other:?}; use equal, cap or custom"
            )),
        }
    }
}

/// One constituent of a basket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub symbol: Symbol,
    /// Display name: the Chinese short name where there is one.
    pub name: String,
    /// English name, where known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub segment: String,
    /// Target weight for the `custom` method; any positive scale (renormalised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl Member {
    pub fn new(symbol: Symbol, name: &str) -> Member {
        Member {
            symbol,
            name: name.to_string(),
            name_en: String::new(),
            segment: String::new(),
            weight: None,
        }
    }
}

/// A basket's identifier: the stem of its file `baskets/<id>.toml`.
///
/// Lower-case ASCII letters, digits, `-` and `_`, starting with a letter or
/// digit, so it is always a safe file name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BasketId(String);

impl BasketId {
    pub fn parse(text: &str) -> Result<BasketId, String> {
        let id = text.trim();
        let ok_char =
            |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
        if id.is_empty() || id.len() > 64 || !id.chars().all(ok_char) || id.starts_with(['-', '_'])
        {
            return Err(format!(
                "basket id {id:?} is not valid; use lower-case letters, digits, - and _ (e.g. na-chain)"
            ));
        }
        Ok(BasketId(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for BasketId {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        BasketId::parse(&value)
    }
}

impl From<BasketId> for String {
    fn from(id: BasketId) -> String {
        id.0
    }
}

impl fmt::Display for BasketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for BasketId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BasketId::parse(s)
    }
}

/// A thematic basket: its id comes from the file name, the rest from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Basket {
    pub id: BasketId,
    pub name: String,
    pub description: String,
    pub method: Method,
    pub members: Vec<Member>,
}

impl Basket {
    pub fn member(&self, symbol: &Symbol) -> Option<&Member> {
        self.members.iter().find(|m| &m.symbol == symbol)
    }

    /// A basket of one member is a single series (a stock or an index file):
    /// its index is the member rebased, whatever the method.
    pub fn is_single(&self) -> bool {
        self.members.len() == 1
    }
}
