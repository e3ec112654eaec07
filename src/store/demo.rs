//! The embedded default: demo baskets, watchlist and deterministic synthetic prices.
