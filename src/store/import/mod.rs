//! Import of price files (Yahoo, Stooq, long, Tushare, wide CSV; Parquet) into the cache.
