#!/usr/bin/env python3
"""spillover against vectorised pandas on the same cache, side by side.

The job is `spillover export --what indices --range all`: read the baskets'
price files, build every basket index over the whole history
(METHODOLOGY.md "Basket index": prices carried inside each member's life,
R(t) = sum of w(i,t-1) r(i,t) over the eligible members, weights
renormalised, I = 1000 on the first date) and write the wide CSV.

    pip install pandas pyarrow
    spillover --data-dir /tmp/u demo --universe 1000 --days 5000
    python3 benches/compare_pandas.py /tmp/u [--spillover target/release/spillover] [--repeat 5]

Prints each run's wall time, the medians, the ratio, the largest relative
difference between the two CSVs (they must agree), and spillover's peak
memory (with GNU time). The pandas time is the job alone inside this process (interpreter
and `import pandas` not counted); spillover's is its whole process.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

# The order spillover lists baskets in (store::NOTE_ORDER), then by id.
NOTE_ORDER = ["na-chain", "domestic-chain", "hk-internet", "alibaba", "hstech"]


def read_baskets(root: Path):
    baskets = []
    for path in sorted((root / "baskets").glob("*.toml")):
        spec = tomllib.loads(path.read_text())
        baskets.append((path.stem, spec.get("method", "equal"), spec.get("member", [])))
    rank = {b: i for i, b in enumerate(NOTE_ORDER)}
    return sorted(baskets, key=lambda b: (rank.get(b[0], len(NOTE_ORDER)), b[0]))


def read_member(path: Path, need_mcap: bool):
    """(price, mcap) series on the file's own dates; adj_close only when every row has it."""
    # One open per file: its schema says which optional columns exist, and
    # the same handle reads them (pyarrow, as pd.read_parquet would).
    handle = pq.ParquetFile(path)
    names = handle.schema_arrow.names
    columns = ["date", "close"] + [c for c in ("adj_close", "mcap") if c in names]
    frame = handle.read(columns=columns).to_pandas()
    index = pd.DatetimeIndex(frame["date"])
    price = frame["close"]
    if "adj_close" in frame and frame["adj_close"].notna().all():
        price = frame["adj_close"]
    price = pd.Series(price.to_numpy(dtype=float), index=index)
    mcap = None
    if need_mcap:
        values = frame["mcap"] if "mcap" in frame else pd.Series(np.nan, index=frame.index)
        values = values.to_numpy(dtype=float)
        # -1 marks a row without a usable mcap, so carrying keeps "none".
        values = np.where(np.isfinite(values) & (values > 0), values, -1.0)
        mcap = pd.Series(values, index=index)
    return price, mcap


def basket_index(root: Path, method: str, members) -> pd.Series:
    single = len(members) == 1
    method = "equal" if single else method
    prices, mcaps, weights = {}, {}, {}
    for m in members:
        path = root / "prices" / f"{m['symbol']}.parquet"
        if not path.exists():
            continue
        price, mcap = read_member(path, method == "cap")
        prices[m["symbol"]] = price
        mcaps[m["symbol"]] = mcap
        w = m.get("weight")
        weights[m["symbol"]] = w if w is not None and np.isfinite(w) and w > 0 else np.nan
    if not prices:
        return pd.Series(dtype=float)
    wide = pd.concat(prices, axis=1, sort=True)
    # Carried forward inside each member's life, never before or after it.
    inside = wide.bfill().notna()
    carried = wide.ffill().where(inside)
    ret = carried / carried.shift(1) - 1.0
    if method == "equal":
        raw = carried.notna().astype(float).where(carried.notna())
    elif method == "custom":
        raw = carried.notna().mul(pd.Series(weights)).where(carried.notna())
    else:
        cap = pd.concat(mcaps, axis=1, sort=True).reindex(wide.index)
        cap = cap.ffill().where(inside)
        raw = cap.where(cap > 0)
    before = raw.shift(1)
    eligible = ret.notna() & before.notna()
    total = before.where(eligible).sum(axis=1)
    r = (before.where(eligible) * ret.where(eligible)).sum(axis=1) / total
    r = r.fillna(0.0)
    r.iloc[0] = 0.0
    return 1000.0 * (1.0 + r).cumprod()


def pandas_job(root: Path, out: Path):
    indices = {bid: basket_index(root, method, members) for bid, method, members in read_baskets(root)}
    table = pd.concat(indices, axis=1, sort=True)
    table.index = table.index.strftime("%Y-%m-%d")
    table.index.name = "date"
    table.to_csv(out)


def export_command(binary: str, root: Path, out: Path):
    return [binary, "--data-dir", str(root), "export", "--what", "indices", "--range", "all", "-o", str(out)]


def spillover_job(binary: str, root: Path, out: Path):
    subprocess.run(export_command(binary, root, out), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def spillover_peak_mib(binary: str, root: Path, out: Path):
    """Peak RSS of one export, from GNU time (a child's own rusage here would
    count this Python process's pages, copied at fork)."""
    if not Path("/usr/bin/time").exists():
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name] + export_command(binary, root, out),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return int(report.read().split()[-1]) / 1024


def timed(job) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--spillover", default=os.environ.get("SPILLOVER_BIN", "target/release/spillover"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp) / "spillover.csv", Path(tmp) / "pandas.csv"
        rust, python = [], []
        for k in range(args.repeat):
            rust.append(timed(lambda: spillover_job(args.spillover, args.data_dir, ours)))
            python.append(timed(lambda: pandas_job(args.data_dir, theirs)))
            print(f"run {k + 1}: spillover {rust[-1]:.3f} s, pandas {python[-1]:.3f} s", flush=True)
        a = pd.read_csv(ours, index_col="date")
        b = pd.read_csv(theirs, index_col="date")
        if list(a.columns) != list(b.columns) or list(a.index) != list(b.index):
            sys.exit(f"the tables differ in shape: {a.shape} vs {b.shape}")
        diff = ((a - b).abs() / b.abs()).max().max()
        peak = spillover_peak_mib(args.spillover, args.data_dir, ours)
    pandas_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rs, ps = statistics.median(rust), statistics.median(python)
    print(f"median of {args.repeat}: spillover {rs:.3f} s, pandas {ps:.3f} s: spillover is {ps / rs:.1f}x faster")
    print(f"largest relative difference between the two tables: {diff:.2e}")
    if peak is not None:
        print(f"peak memory (max RSS): spillover {peak:.0f} MiB, this Python process {pandas_peak:.0f} MiB")
    if not diff < 1e-9:
        sys.exit("the indices differ")


if __name__ == "__main__":
    main()
