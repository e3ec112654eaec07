//! Plain types of the analyst's world, with serde: no I/O, no terminal.

mod basket;
pub mod calendar;
pub mod edit;
mod plan;
mod prices;
mod symbol;
pub mod text;
mod watchlist;
mod window;

pub use basket::{Basket, BasketId, Member, Method};
pub use plan::{Plan, Proposed, Season, plan_season};
pub use prices::{OPTIONAL_COLUMNS, PriceBook, PriceRow, PriceSeries, PriceTable, union_of_dates};
pub use symbol::{Symbol, SymbolError};
pub use watchlist::{EarningsEvent, EventStatus, Session, Watchlist};
pub use window::{RangePreset, Window, parse_date};
