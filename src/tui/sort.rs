//! The member table as the baskets pane shows it: filtered by the typed
//! text, sorted by the chosen column.

use std::cmp::Ordering;

use crate::compute::{MemberRow, MemberStatus};

/// The columns the member table can be sorted by (`s` steps through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    /// The order of the basket file.
    #[default]
    Basket,
    Symbol,
    Name,
    Segment,
    Weight,
    Last,
    Ret1d,
    Ret5d,
    Ret1m,
    RetYtd,
    RetWindow,
    Contribution,
    Status,
}

impl SortColumn {
    pub const ALL: [SortColumn; 13] = [
        SortColumn::Basket,
        SortColumn::Symbol,
        SortColumn::Name,
        SortColumn::Segment,
        SortColumn::Weight,
        SortColumn::Last,
        SortColumn::Ret1d,
        SortColumn::Ret5d,
        SortColumn::Ret1m,
        SortColumn::RetYtd,
        SortColumn::RetWindow,
        SortColumn::Contribution,
        SortColumn::Status,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Basket => "file order",
            SortColumn::Symbol => "symbol",
            SortColumn::Name => "name",
            SortColumn::Segment => "segment",
            SortColumn::Weight => "weight",
            SortColumn::Last => "last",
            SortColumn::Ret1d => "1D",
            SortColumn::Ret5d => "5D",
            SortColumn::Ret1m => "1M",
            SortColumn::RetYtd => "YTD",
            SortColumn::RetWindow => "window",
            SortColumn::Contribution => "contribution",
            SortColumn::Status => "status",
        }
    }

    pub fn next(self) -> SortColumn {
        let i = SortColumn::ALL.iter().position(|c| *c == self).unwrap_or(0);
        SortColumn::ALL[(i + 1) % SortColumn::ALL.len()]
    }

    /// The number a numeric column sorts by; `None` sorts last.
    fn number(self, row: &MemberRow) -> Option<f64> {
        match self {
            SortColumn::Weight => row.current_weight,
            SortColumn::Last => row.last_price,
            SortColumn::Ret1d => row.ret_1d,
            SortColumn::Ret5d => row.ret_5d,
            SortColumn::Ret1m => row.ret_1m,
            SortColumn::RetYtd => row.ret_ytd,
            SortColumn::RetWindow => row.ret_window,
            SortColumn::Contribution => Some(row.contribution),
            _ => None,
        }
    }
}

/// Column and direction of the member table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

/// Does `row` match the filter (case-insensitive, in symbol, name, segment)?
pub fn matches_filter(row: &MemberRow, filter: &str) -> bool {
    let needle = filter.trim().to_lowercase();
    needle.is_empty()
        || [row.symbol.as_str(), row.name.as_str(), row.segment.as_str()]
            .iter()
            .any(|field| field.to_lowercase().contains(&needle))
}

/// The rows to show, filtered then sorted; rows without a value in a
/// numeric sort column go last whatever the direction.
pub fn visible_rows<'a>(rows: &'a [MemberRow], filter: &str, sort: Sort) -> Vec<&'a MemberRow> {
    let mut shown: Vec<(usize, &MemberRow)> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| matches_filter(row, filter))
        .collect();
    let column = sort.column;
    shown.sort_by(|(ia, a), (ib, b)| {
        let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
        let by_column = match column {
            SortColumn::Basket => directed(ia.cmp(ib)),
            SortColumn::Symbol => directed(a.symbol.cmp(&b.symbol)),
            SortColumn::Name => directed(a.name.cmp(&b.name)),
            SortColumn::Segment => directed(a.segment.cmp(&b.segment)),
            SortColumn::Status => directed(status_rank(&a.status).cmp(&status_rank(&b.status))),
            numeric => match (numeric.number(a), numeric.number(b)) {
                (Some(x), Some(y)) => directed(x.total_cmp(&y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        by_column.then(ia.cmp(ib))
    });
    shown.into_iter().map(|(_, row)| row).collect()
}

/// Problems first when sorting by status descending, ok first ascending.
fn status_rank(status: &MemberStatus) -> u8 {
    match status {
        MemberStatus::Ok => 0,
        MemberStatus::Listed { .. } => 1,
        MemberStatus::Suspended { .. } => 2,
        MemberStatus::ExcludedNoMcap | MemberStatus::ExcludedNoWeight => 3,
        MemberStatus::Ended { .. } => 4,
        MemberStatus::NoDataInWindow => 5,
        MemberStatus::NoData => 6,
    }
}
