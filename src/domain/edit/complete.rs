//! Completion for the add-member input: the symbols the analyst knows by
//! code, Chinese short name or English name. Typing `中际` or `innol` finds
//! 300308.SZ. Candidates come from every basket's members (which carry the
//! names) and from the cached price files (symbols only).

use std::collections::BTreeMap;

use crate::domain::{Basket, Member, Symbol};

/// One symbol the input can complete to, with what is known about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub symbol: Symbol,
    pub name: String,
    pub name_en: String,
    pub segment: String,
    /// A price file exists for it (else it shows "no data" once added).
    pub cached: bool,
}

impl Candidate {
    /// The member this candidate adds (no custom weight).
    pub fn member(&self) -> Member {
        Member {
            symbol: self.symbol.clone(),
            name: self.name.clone(),
            name_en: self.name_en.clone(),
            segment: self.segment.clone(),
            weight: None,
        }
    }
}

/// Most candidates the list shows.
pub const MAX_CANDIDATES: usize = 6;

/// Every symbol known to the session: members first (with names), then
/// cached symbols not in any basket. Sorted by symbol.
pub fn known_symbols(baskets: &[Basket], cached: &[Symbol]) -> Vec<Candidate> {
    let mut known: BTreeMap<Symbol, Candidate> = BTreeMap::new();
    for member in baskets.iter().flat_map(|b| &b.members) {
        known
            .entry(member.symbol.clone())
            .or_insert_with(|| Candidate {
                symbol: member.symbol.clone(),
                name: member.name.clone(),
                name_en: member.name_en.clone(),
                segment: member.segment.clone(),
                cached: false,
            });
    }
    // Sorted and deduplicated by the map.
    for symbol in cached {
        known
            .entry(symbol.clone())
            .or_insert_with(|| Candidate {
                symbol: symbol.clone(),
                name: String::new(),
                name_en: String::new(),
                segment: String::new(),
                cached: true,
            })
            .cached = true;
    }
    known.into_values().collect()
}

/// The candidates whose symbol, name or English name contains `query`
/// (case-insensitive), those whose symbol starts with it first; at most
/// [`MAX_CANDIDATES`]. An empty query matches nothing.
pub fn matching(known: &[Candidate], query: &str) -> Vec<Candidate> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let contains = |text: &str| text.to_lowercase().contains(&query);
    let mut found: Vec<&Candidate> = known
        .iter()
        .filter(|c| contains(c.symbol.as_str()) || contains(&c.name) || contains(&c.name_en))
        .collect();
    // Stable: within each group the symbol order stays.
    found.sort_by_key(|c| !c.symbol.as_str().to_lowercase().starts_with(&query));
    found.into_iter().take(MAX_CANDIDATES).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::demo::default_baskets;

    fn sym(s: &str) -> Symbol {
        Symbol::parse(s).unwrap()
    }

    #[test]
    fn chinese_and_english_names_find_the_symbol() {
        let known = known_symbols(&default_baskets(), &[]);
        for query in ["中际", "innol", "INNOL", "300308"] {
            let found = matching(&known, query);
            assert_eq!(found.len(), 1, "{query}: {found:?}");
            assert_eq!(found[0].symbol, sym("300308.SZ"));
            assert_eq!(found[0].name, "中际旭创");
        }
        assert!(matching(&known, "").is_empty());
        assert!(matching(&known, "no such company").is_empty());
    }

    #[test]
    fn cached_symbols_without_a_basket_are_candidates_too() {
        let cached = [sym("000001.SZ"), sym("300308.SZ")];
        let known = known_symbols(&default_baskets(), &cached);
        let found = matching(&known, "000001");
        assert_eq!(found.len(), 1);
        assert!(found[0].cached && found[0].name.is_empty());
        // A member that is also cached keeps its names.
        let innolight = matching(&known, "innol");
        assert!(innolight[0].cached && innolight[0].name == "中际旭创");
    }

    #[test]
    fn symbol_prefix_matches_come_first_and_the_list_is_short() {
        let known = known_symbols(&default_baskets(), &[]);
        let found = matching(&known, "6");
        assert!(found.len() <= MAX_CANDIDATES);
        assert!(found[0].symbol.as_str().starts_with('6'));
    }
}
