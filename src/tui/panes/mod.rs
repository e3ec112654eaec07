//! The panes: each draws from prepared data (the analysis, the state),
//! never from a DataFrame.

pub mod baskets;
pub mod chart;
pub mod help;
pub mod scatter;
pub mod status;
pub mod text;
pub mod watchlist;
