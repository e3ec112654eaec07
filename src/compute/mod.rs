//! Indices, ratios and statistics (METHODOLOGY.md): pure functions of prices and baskets.
