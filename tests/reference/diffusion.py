#!/usr/bin/env python3
"""Reference values for spillover's diffusion statistics (METHODOLOGY.md:
"Segments", "Breadth", "Rotation"), computed independently with pandas and
numpy from the demo prices.

It reads the demo set a fresh data dir gets (prices/<SYMBOL>.parquet) and the
default baskets of assets/baskets/, rebuilds each basket's index from the
rules, then the segment sub-indices and contributions, the breadth of every
day and the rotation matrix, for a few baskets, methods, as-of dates and
windows, and writes the cases and answers to tests/reference/diffusion.json,
which tests/reference_diffusion.rs compares with the Rust code at 1e-9.

Re-run from the repository root:
    pip install pandas numpy pyarrow
    cargo build --release
    D=$(mktemp -d); target/release/spillover --data-dir "$D" symbols > /dev/null
    python3 tests/reference/diffusion.py "$D"
"""

import json
import math
import pathlib
import sys
import tomllib

import numpy as np
import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "reference" / "diffusion.json"

CASES = [
    # basket, method (None: the basket's own), as-of, window start, window end
    ("na-chain", None, "2025-06-30", "2024-06-28", "2025-06-30"),
    ("domestic-chain", None, "2025-06-30", "2024-06-28", "2025-06-30"),
    ("domestic-chain", None, "2025-06-30", "2025-04-01", "2025-06-30"),
    ("na-chain", "cap", "2025-03-31", "2024-01-01", "2025-03-31"),
    ("na-chain", None, "2024-09-30", "2024-07-01", "2024-09-30"),
]


def num(value):
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def basket(bid):
    with open(ROOT / "assets" / "baskets" / f"{bid}.toml", "rb") as f:
        return tomllib.load(f)


def load_prices(data_dir, symbol):
    path = pathlib.Path(data_dir) / "prices" / f"{symbol}.parquet"
    if not path.exists():
        return None
    df = pd.read_parquet(path)
    df["date"] = pd.to_datetime(df["date"])
    df = df.set_index("date").sort_index()
    # adj_close only when every row has it (FORMATS.md), else close.
    use_adj = "adj_close" in df and df["adj_close"].notna().all()
    price = df["adj_close"] if use_adj else df["close"]
    mcap = df["mcap"] if "mcap" in df else pd.Series(np.nan, index=df.index)
    return price.astype(float), mcap.astype(float)


def segment_name(member):
    text = member.get("segment", "").strip()
    return text if text else "(no segment)"


class History:
    """A basket's index from its first date to as-of (METHODOLOGY.md "Basket index")."""

    def __init__(self, data_dir, b, method, as_of):
        self.members = b["member"]
        self.method = method or b.get("method", "equal")
        as_of = pd.Timestamp(as_of)
        lives = {}
        for m in self.members:
            loaded = load_prices(data_dir, m["symbol"])
            if loaded is None:
                continue
            price, mcap = loaded
            keep = price.index <= as_of
            if keep.any():
                lives[m["symbol"]] = (price[keep], mcap[keep])
        cal = sorted(set().union(*[set(p.index) for p, _ in lives.values()]))
        self.dates = pd.DatetimeIndex(cal)
        n = len(cal)
        syms = [m["symbol"] for m in self.members]
        P = pd.DataFrame(np.nan, index=self.dates, columns=range(len(syms)))
        M = P.copy()
        own = pd.DataFrame(False, index=self.dates, columns=range(len(syms)))
        for i, s in enumerate(syms):
            if s not in lives:
                continue
            price, mcap = lives[s]
            inside = (self.dates >= price.index[0]) & (self.dates <= price.index[-1])
            P[i] = price.reindex(self.dates).ffill().where(inside)
            # the mcap of the row the price comes from (own or carried)
            row = pd.Series(np.arange(len(price)), index=price.index)
            row = row.reindex(self.dates).ffill().where(inside)
            m = mcap.where(mcap > 0).to_numpy()
            M[i] = [m[int(r)] if not np.isnan(r) else np.nan for r in row]
            own[i] = price.reindex(self.dates).notna()
        self.P, self.own = P, own
        ret = P / P.shift(1) - 1
        if self.method == "equal":
            raw = pd.DataFrame(1.0, index=self.dates, columns=P.columns)
        elif self.method == "cap":
            raw = M.shift(1)
        else:
            w = [m.get("weight") for m in self.members]
            raw = pd.DataFrame([[x if x and x > 0 else np.nan for x in w]] * n,
                               index=self.dates, columns=P.columns)
        elig = ret.notna() & raw.notna() & (raw > 0)
        self.ret = ret.where(elig)
        self.raw = raw.where(elig)
        self.M = M
        total = self.raw.sum(axis=1)
        self.W = self.raw.div(total, axis=0)
        R = (self.W * self.ret).sum(axis=1).fillna(0.0)
        R.iloc[0] = 0.0
        self.R = R
        self.levels = 1000.0 * (1.0 + R).cumprod()

    def span(self, start, end):
        s, e = pd.Timestamp(start), pd.Timestamp(end)
        idx = np.where((self.dates >= s) & (self.dates <= e))[0]
        return idx[0], idx[-1] + 1


def window_levels(R, lo, hi):
    out = [1000.0]
    for t in range(lo + 1, hi):
        out.append(out[-1] * (1.0 + R.iloc[t]))
    return np.array(out)


def segments(h, lo, hi):
    L = window_levels(h.R, lo, hi)
    contrib = {}
    for i in range(len(h.members)):
        c = 0.0
        for t in range(lo + 1, hi):
            w, r = h.W.iat[t, i], h.ret.iat[t, i]
            if not (np.isnan(w) or np.isnan(r)):
                c += L[t - 1 - lo] * w * r
        contrib[i] = c
    # weights for the day after the window end
    e = hi - 1
    if h.method == "equal":
        raw_e = pd.Series(1.0, index=h.P.columns)
    elif h.method == "cap":
        raw_e = h.M.iloc[e]
    else:
        raw_e = pd.Series([m.get("weight") or np.nan for m in h.members], index=h.P.columns)
    raw_e = raw_e.where(h.P.iloc[e].notna())
    w_e = raw_e / raw_e.sum()
    groups = {}
    for i, m in enumerate(h.members):
        groups.setdefault(segment_name(m), []).append(i)
    rows, levels, eligible = [], {}, {}
    for g, idx in groups.items():
        lv, el = [1000.0], [0]
        for t in range(lo + 1, hi):
            raw = h.raw.iloc[t, idx]
            ret = h.ret.iloc[t, idx]
            ok = raw.notna() & ret.notna()
            el.append(int(ok.sum()))
            if ok.any():
                lv.append(lv[-1] * (1.0 + (raw[ok] * ret[ok]).sum() / raw[ok].sum()))
            else:
                lv.append(lv[-1])
        levels[g], eligible[g] = lv, el
        rows.append({
            "segment": g,
            "members": len(idx),
            "weight": num(w_e.iloc[idx].sum(skipna=True)),
            "index_return": num(lv[-1] / 1000.0 - 1.0) if any(el) else None,
            "contribution": num(sum(contrib[i] for i in idx) / 1000.0),
        })
    return L, rows, levels, eligible


def breadth(h, lo, hi):
    days = []
    first = {i: (np.where(h.P[i].notna())[0][0] if h.P[i].notna().any() else None)
             for i in h.P.columns}
    for t in range(lo, hi):
        members = n20 = a20 = n60 = a60 = highs = 0
        rets = []
        beat = 0
        basket_r = h.levels.iloc[t] / h.levels.iloc[t - 20] - 1.0 if t >= 20 else None
        for i in h.P.columns:
            p = h.P.iat[t, i]
            if not h.own.iat[t, i] or np.isnan(p):
                continue
            members += 1
            count = t - first[i] + 1
            if count >= 20:
                n20 += 1
                a20 += (p - h.P[i].iloc[t - 19:t + 1].to_numpy()).sum() > 0
            if count >= 60:
                window = h.P[i].iloc[t - 59:t + 1].to_numpy()
                n60 += 1
                a60 += (p - window).sum() > 0
                highs += p >= window.max()
            if count > 20:
                r = p / h.P.iat[t - 20, i] - 1.0
                rets.append(r)
                beat += r > basket_r
        rets = np.array(rets)
        days.append({
            "date": h.dates[t].strftime("%Y-%m-%d"),
            "members": members,
            "above_ma20": num(a20 / n20) if n20 else None,
            "above_ma60": num(a60 / n60) if n60 else None,
            "positive_20d": num((rets > 0).mean()) if len(rets) else None,
            "outperforming_20d": num(beat / len(rets)) if len(rets) else None,
            "dispersion_20d": num(np.std(rets, ddof=1)) if len(rets) >= 2 else None,
            "highs_60d": int(highs),
        })
    return days


def rotation(h, lo, hi, L, levels, eligible):
    dates = h.dates[lo:hi]
    monthly = (dates[-1] - dates[0]).days > 183
    key = [(d.year, d.month) if monthly else tuple(d.isocalendar())[:2] for d in dates]
    spans = []
    for k in range(len(dates)):
        if spans and key[spans[-1][0]] == key[k]:
            spans[-1][1] = k
        else:
            spans.append([k, k])
    labels = [f"{key[a][0]}-{key[a][1]:02d}" if monthly else f"{key[a][0]}-W{key[a][1]:02d}"
              for a, _ in spans]

    def growth(lv, a, b):
        before = max(a - 1, 0)
        return lv[b] / lv[before] - 1.0 if b > before else None

    basket = [growth(L, a, b) for a, b in spans]
    cells = {}
    for g, lv in levels.items():
        row = []
        for (a, b), br in zip(spans, basket):
            traded = any(n > 0 for n in eligible[g][max(a, 1):b + 1])
            own = growth(lv, a, b)
            row.append(num(own - br) if traded and own is not None and br is not None else None)
        cells[g] = row
    return {"kind": "month" if monthly else "week", "labels": labels,
            "basket": [num(x) for x in basket], "cells": cells}


def main():
    data_dir = sys.argv[1]
    out = []
    for bid, method, as_of, start, end in CASES:
        h = History(data_dir, basket(bid), method, as_of)
        lo, hi = h.span(start, end)
        L, rows, levels, eligible = segments(h, lo, hi)
        out.append({
            "basket": bid,
            "method": method,
            "as_of": as_of,
            "window": [start, end],
            "window_return": num(L[-1] / 1000.0 - 1.0),
            "segments": rows,
            "levels": {g: [num(x) for x in lv] for g, lv in levels.items()},
            "breadth": breadth(h, lo, hi),
            "rotation": rotation(h, lo, hi, L, levels, eligible),
        })
    OUT.write_text(json.dumps({"cases": out}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} cases to {OUT}")


if __name__ == "__main__":
    main()
