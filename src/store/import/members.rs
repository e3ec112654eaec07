//! Constituent lists: a table of `symbol` (or 代码) with optional `name`,
//! `name_en`, `segment` and `weight` (or 名称, 行业, 权重), read from CSV or
//! Excel for `basket import`, and written back as CSV for `basket export`.

use std::collections::BTreeMap;
use std::path::Path;

use super::codes::Market;
use super::detect::{Content, normalise, sniff};
use super::error::{ImportError, Location, Problem};
use super::excel::SheetGrid;
use super::tables::{Grid, Located};
use super::text::TextGrid;
use super::values::{self, Cell};
use crate::domain::text::unsafe_char;
use crate::domain::{Basket, Member};

/// A column of a constituent list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListField {
    Symbol,
    Name,
    NameEn,
    Segment,
    Weight,
}

impl ListField {
    fn from_header(header: &str) -> Option<ListField> {
        Some(match normalise(header).as_str() {
            "symbol" | "ticker" | "ts_code" | "code" | "代码" | "证券代码" | "股票代码" => {
                ListField::Symbol
            }
            "name" | "名称" | "证券简称" | "股票简称" | "证券名称" | "简称" => {
                ListField::Name
            }
            "name_en" | "english_name" | "英文名称" => ListField::NameEn,
            "segment" | "sector" | "industry" | "行业" | "板块" | "细分" | "所属行业" => {
                ListField::Segment
            }
            "weight" | "权重" => ListField::Weight,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            ListField::Symbol => "symbol",
            ListField::Name => "name",
            ListField::NameEn => "name_en",
            ListField::Segment => "segment",
            ListField::Weight => "weight",
        }
    }
}

/// Reads a constituent list: one [`Member`] per row, in file order. A name
/// left empty is for the caller to fill (another basket's, the price
/// file's, else the symbol). Every problem names the file, row and column.
pub fn read_members(path: &Path, market: Market) -> Result<Vec<Member>, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        file: path.to_path_buf(),
        source,
    })?;
    parse_members(&bytes, market).map_err(|(at, problem)| ImportError::Content {
        file: path.to_path_buf(),
        at,
        problem,
    })
}

/// Reads the bytes of a constituent list (see [`read_members`]).
pub fn parse_members(bytes: &[u8], market: Market) -> Result<Vec<Member>, Located> {
    let has_symbol = |headers: &[String]| {
        headers
            .iter()
            .any(|h| ListField::from_header(h) == Some(ListField::Symbol))
    };
    match sniff(bytes)? {
        Content::Text(text) => members_of(&TextGrid::parse(&text)?, market),
        Content::Excel => members_of(&SheetGrid::parse(bytes, None, has_symbol)?, market),
        Content::Parquet => Err((
            Location::File,
            Problem::Csv("a constituent list is a CSV or Excel table, not Parquet".into()),
        )),
    }
}

fn members_of(grid: &dyn Grid, market: Market) -> Result<Vec<Member>, Located> {
    let header_at = grid.header_location();
    let mut columns: Vec<(ListField, usize)> = Vec::new();
    for (i, header) in grid.headers().iter().enumerate() {
        if let Some(field) = ListField::from_header(header) {
            if let Some((_, j)) = columns.iter().find(|(f, _)| *f == field) {
                return Err((
                    header_at,
                    Problem::DuplicateColumn {
                        field: field.name(),
                        first: grid.headers()[*j].clone(),
                        second: header.clone(),
                    },
                ));
            }
            columns.push((field, i));
        }
    }
    let column = |field| columns.iter().find(|(f, _)| *f == field).map(|(_, i)| *i);
    let Some(symbol_column) = column(ListField::Symbol) else {
        return Err((
            header_at,
            Problem::NoSymbolColumn {
                found: grid.headers().join(", "),
            },
        ));
    };
    let mut members = Vec::new();
    let mut seen: BTreeMap<String, Location> = BTreeMap::new();
    for row in 0..grid.height() {
        let at = grid.location(row);
        if columns.iter().all(|(_, c)| grid.cell(*c, row).is_missing()) {
            continue;
        }
        let symbol = values::symbol(grid.cell(symbol_column, row), market).map_err(|p| (at, p))?;
        if let Some(first) = seen.get(symbol.as_str()) {
            return Err((
                at,
                Problem::DuplicateMember {
                    symbol,
                    first: first.describe(),
                },
            ));
        }
        seen.insert(symbol.to_string(), at);
        let text = |field: ListField| -> Result<String, Located> {
            let Some(c) = column(field) else {
                return Ok(String::new());
            };
            let value = match grid.cell(c, row) {
                Cell::Text(t) => t.to_string(),
                Cell::Number(n) => n.to_string(),
                Cell::Date(d) => d.to_string(),
                Cell::Missing => String::new(),
            };
            if let Some(bad) = unsafe_char(&value) {
                return Err((
                    at,
                    Problem::UnsafeText {
                        column: grid.headers()[c].trim().to_string(),
                        code: bad as u32,
                    },
                ));
            }
            Ok(value)
        };
        let mut member = Member::new(symbol, &text(ListField::Name)?);
        member.name_en = text(ListField::NameEn)?;
        member.segment = text(ListField::Segment)?;
        if let Some(c) = column(ListField::Weight) {
            member.weight =
                weight(grid.cell(c, row), grid.headers()[c].trim()).map_err(|p| (at, p))?;
        }
        members.push(member);
    }
    if members.is_empty() {
        return Err((Location::File, Problem::HeaderOnly));
    }
    Ok(members)
}

/// A weight cell: a number ≥ 0, `5%` read as 5 (weights are renormalised).
fn weight(cell: Cell<'_>, column: &str) -> Result<Option<f64>, Problem> {
    let cell = match cell {
        Cell::Text(t) => Cell::Text(t.strip_suffix('%').unwrap_or(t).trim()),
        other => other,
    };
    let Some(w) = values::number(cell, column)? else {
        return Ok(None);
    };
    if !(w.is_finite() && w >= 0.0) {
        return Err(Problem::OutOfRange {
            column: column.to_string(),
            value: w,
            rule: "a weight is a finite number >= 0",
        });
    }
    Ok(Some(w))
}

/// A basket's members as the CSV `basket import` reads back:
/// `symbol,name,name_en,segment,weight`.
pub fn members_csv(basket: &Basket) -> String {
    let mut out = String::from("symbol,name,name_en,segment,weight\n");
    for m in &basket.members {
        let weight = m.weight.map(|w| w.to_string()).unwrap_or_default();
        let fields = [m.symbol.as_str(), &m.name, &m.name_en, &m.segment, &weight];
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a field that holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BasketId, Method};

    #[test]
    fn a_list_round_trips_through_its_csv() {
        let text =
            "代码,名称,行业,权重\n300308,中际旭创,光模块,5%\n002463.SZ,\"沪电, 股份\",PCB,\n";
        let members = parse_members(text.as_bytes(), Market::Auto).unwrap();
        assert_eq!(members[0].symbol.as_str(), "300308.SZ");
        assert_eq!(members[0].weight, Some(5.0));
        assert_eq!(members[1].name, "沪电, 股份");
        let basket = Basket {
            id: BasketId::parse("t").unwrap(),
            name: "T".into(),
            description: String::new(),
            method: Method::Equal,
            members: members.clone(),
        };
        let again = parse_members(members_csv(&basket).as_bytes(), Market::Auto).unwrap();
        assert_eq!(again, members);
    }

    #[test]
    fn refuses_duplicates_and_control_characters_with_their_row() {
        let twice = "symbol,name\n300308.SZ,a\n300308,b\n";
        let (at, problem) = parse_members(twice.as_bytes(), Market::Auto).unwrap_err();
        assert_eq!(at, Location::Line(3));
        assert!(matches!(problem, Problem::DuplicateMember { .. }));
        let escape = "symbol,name\n300308.SZ,\u{1b}[31mRED\n";
        let (at, problem) = parse_members(escape.as_bytes(), Market::Auto).unwrap_err();
        assert_eq!(at, Location::Line(2));
        assert!(problem.to_string().contains("U+001B"), "{problem}");
    }
}
