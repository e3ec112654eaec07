#!/usr/bin/env python3
"""Reference values for spillover's catalyst statistics (METHODOLOGY.md:
"Event study", "Lead-lag between the two ratios", "Beta against the
benchmark", "Drawdown"), computed independently with pandas, statsmodels and
scipy.

It builds its inputs (demo-like random walks on the real 2024-2025 mainland
and Hong Kong calendars of assets/calendars.csv, the May watchlist of
assets/watchlist.toml, and small hand-made series), computes every number
from the rules, and writes inputs and expected values to
tests/reference/catalysts.json, which tests/reference_catalysts.rs reads.

Re-run from the repository root:
    pip install pandas statsmodels scipy
    python3 tests/reference/event_study.py
"""

import csv
import datetime as dt
import json
import math
import pathlib
import tomllib

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.tsa.stattools import grangercausalitytests

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "reference" / "catalysts.json"

WINDOWS = [(-1, 1), (0, 1), (0, 5), (-5, 5), (0, 10)]
ESTIMATION = (-120, -11)
MIN_ESTIMATION = 60
AS_OF = pd.Timestamp("2025-05-28")


def num(value):
    """A float for JSON, None for NaN / missing."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


# --- calendars -------------------------------------------------------------

def closures():
    """Weekday closures from the embedded table (market,year,MMDD ...)."""
    out = {"XSHG/XSHE": set(), "XHKG": set(), "XNYS": set()}
    names = {"XSHG": "XSHG/XSHE", "XHKG": "XHKG", "XNYS": "XNYS"}
    with open(ROOT / "assets" / "calendars.csv") as f:
        rows = [line.strip() for line in f if not line.startswith(("#", "known"))]
    for market, year, days in (row.split(",") for row in rows if row):
        for day in days.split():
            out[names[market]].add(pd.Timestamp(f"{year}-{day[:2]}-{day[2:]}"))
    return out


CLOSED = closures()


def trading_days(market, start, end):
    days = pd.bdate_range(start, end)
    return pd.DatetimeIndex([d for d in days if d not in CLOSED[market]])


def first_reacting_session(date, session):
    """The watchlist's rule, on the Hong Kong calendar."""
    date = pd.Timestamp(date)

    def trades(d):
        return d.weekday() < 5 and d not in CLOSED["XHKG"]

    if session in ("before-open", "intraday") and trades(date):
        return date
    d = date + pd.Timedelta(days=1)
    while not trades(d):
        d += pd.Timedelta(days=1)
    return d


# --- event study -----------------------------------------------------------

def event_inputs():
    rng = np.random.default_rng(20250515)
    hk = trading_days("XHKG", "2024-06-03", "2025-06-30")
    cn = trading_days("XSHG/XSHE", "2024-06-03", "2025-06-30")
    bench_ret = pd.Series(rng.normal(0.0004, 0.015, len(hk)), index=hk)
    bench = 1000 * (1 + bench_ret).cumprod()
    # The basket follows the benchmark (carried onto its calendar) with
    # beta 1.2 plus its own noise: demo-like, a market model has something
    # to find.
    carried = bench.reindex(hk.union(cn)).ffill().reindex(cn)
    m = carried.pct_change(fill_method=None).fillna(0.0)
    basket_ret = 0.0003 + 1.2 * m + pd.Series(rng.normal(0, 0.012, len(cn)), index=cn)
    basket = 1000 * (1 + basket_ret).cumprod()
    # A relative series (a ratio) on the union calendar, starting in 2025 so
    # the February report's estimation window is too short.
    union = hk.union(cn)
    union = union[union >= "2025-01-02"]
    ratio = pd.Series(np.exp(np.cumsum(rng.normal(0, 0.01, len(union)))), index=union)
    cut = lambda s: s[s.index <= AS_OF]  # noqa: E731
    return cut(basket), cut(bench), cut(ratio)


def study(levels, bench, first_session, model):
    """One series around one event, straight from the rules with pandas."""
    dates = levels.index
    ret = levels.pct_change(fill_method=None)
    if bench is not None:
        carried = bench.reindex(bench.index.union(dates)).ffill().reindex(dates)
        rb = carried / carried.shift(1) - 1
    after = np.nonzero(dates >= first_session)[0]
    if len(after) == 0:
        return {"day0": None, "estimation_n": 0, "alpha": None, "beta": None, "s": None,
                "cars": [{"from": a, "to": b, "days": 0, "car": None, "t": None,
                          "partial": False} for a, b in WINDOWS]}
    t0 = int(after[0])
    pos = np.arange(len(dates)) - t0
    est = (pos >= ESTIMATION[0]) & (pos <= ESTIMATION[1])
    alpha = beta = None
    if bench is None:
        ar = ret
        n_est = int(ret[est].notna().sum())
    else:
        frame = pd.DataFrame({"r": ret, "m": rb})[est].dropna()
        n_est = len(frame)
        if model == "adjusted":
            ar = ret - rb
        elif n_est >= MIN_ESTIMATION:
            fit = sm.OLS(frame["r"], sm.add_constant(frame["m"])).fit()
            alpha, beta = fit.params["const"], fit.params["m"]
            ar = ret - (alpha + beta * rb)
        else:
            ar = ret * np.nan
    s = ar[est].dropna().std(ddof=1) if n_est >= MIN_ESTIMATION else None
    cars = []
    for a, b in WINDOWS:
        p1, p2 = t0 + a, t0 + b
        last = len(dates) - 1
        if p1 < 0 or p1 > last:
            cars.append({"from": a, "to": b, "days": 0, "car": None, "t": None, "partial": False})
            continue
        span = ar.iloc[p1:min(p2, last) + 1]
        car = None if span.isna().any() else span.sum()
        t = car / (s * math.sqrt(len(span))) if car is not None and s else None
        cars.append({"from": a, "to": b, "days": len(span), "car": num(car), "t": num(t),
                     "partial": bool(p2 > last)})
    return {"day0": str(dates[t0].date()), "estimation_n": n_est, "alpha": num(alpha),
            "beta": num(beta), "s": num(s), "cars": cars}


def aggregate(studies):
    out = []
    for i, (a, b) in enumerate(WINDOWS):
        cars = [s["cars"][i]["car"] for s in studies
                if s["cars"][i]["car"] is not None and not s["cars"][i]["partial"]]
        t = None
        if len(cars) >= 2 and np.std(cars, ddof=1) > 0:
            t = stats.ttest_1samp(cars, 0.0).statistic
        out.append({"from": a, "to": b, "n": len(cars),
                    "mean": num(np.mean(cars)) if cars else None,
                    "t": num(t), "positive": sum(c > 0 for c in cars)})
    return out


def event_case():
    basket, bench, ratio = event_inputs()
    watchlist = tomllib.loads((ROOT / "assets" / "watchlist.toml").read_text())["event"]
    events = [{"date": str(e["date"]), "session": e["session"],
               "first_session": str(first_reacting_session(e["date"], e["session"]).date())}
              for e in watchlist]
    expected, by_key = [], {}
    for i, e in enumerate(events):
        first = pd.Timestamp(e["first_session"])
        for name, levels, b, model in [("basket", basket, bench, "adjusted"),
                                       ("basket", basket, bench, "market"),
                                       ("ratio", ratio, None, "adjusted")]:
            result = study(levels, b, first, model)
            expected.append({"event": i, "series": name, "model": model, **result})
            by_key.setdefault((name, model), []).append(result)
    may = [i for i, e in enumerate(events) if e["date"].startswith("2025-05")]
    aggregates = [{"series": name, "model": model, "events": may,
                   "cars": aggregate([by_key[(name, model)][i] for i in may])}
                  for (name, model) in by_key]
    series = lambda s: {"dates": [str(d.date()) for d in s.index],  # noqa: E731
                        "levels": [float(v) for v in s.values]}
    return {"as_of": str(AS_OF.date()), "basket": series(basket), "bench": series(bench),
            "ratio": series(ratio), "events": events, "expected": expected,
            "aggregate": aggregates}


# --- lead-lag --------------------------------------------------------------

def lead_lag_case():
    rng = np.random.default_rng(7)
    n = 300
    x = rng.normal(0, 0.01, n)
    y = np.empty(n)
    y[:2] = rng.normal(0, 0.01, 2)
    y[2:] = 0.6 * x[:-2] + rng.normal(0, 0.008, n - 2)  # y follows x two changes later
    xs, ys = pd.Series(x), pd.Series(y)
    ccf = []
    for k in range(-10, 11):
        pair = pd.DataFrame({"x": xs, "y": ys.shift(-k)}).dropna()
        ccf.append({"k": k, "n": len(pair), "r": num(pair["x"].corr(pair["y"]))})
    lags = 5

    def granger(cause, effect):
        res = grangercausalitytests(np.column_stack([effect, cause]), maxlag=[lags])
        f, p, df_den, df_num = res[lags][0]["ssr_ftest"]
        return {"f": num(f), "p": num(p), "df_den": int(df_den), "df_num": int(df_num)}

    return {"x": x.tolist(), "y": y.tolist(), "max_lag": 10, "lags": lags, "ccf": ccf,
            "x_to_y": granger(x, y), "y_to_x": granger(y, x)}


# --- beta ------------------------------------------------------------------

def beta_case():
    rng = np.random.default_rng(11)
    n, window = 150, 60
    m = rng.normal(0, 0.015, n)
    r = 0.0002 + 0.8 * m + rng.normal(0, 0.01, n)
    r[[20, 21]] = np.nan  # missing returns: the windows holding them are n/a
    expected = []
    for end in range(window, n + 1):
        rs, ms = r[end - window:end], m[end - window:end]
        if np.isnan(rs).any():
            expected.append(None)
            continue
        fit = sm.OLS(rs, sm.add_constant(ms)).fit()
        expected.append({"alpha": fit.params[0], "beta": fit.params[1], "se": fit.bse[1]})
    return {"r": [num(v) for v in r], "m": m.tolist(), "window": window, "expected": expected}


# --- drawdown --------------------------------------------------------------

def drawdown(levels):
    s = pd.Series(levels, index=pd.bdate_range("2025-01-02", periods=len(levels)))
    peak_level = s.cummax()
    dd = s / peak_level - 1
    out = {"dates": [str(d.date()) for d in s.index], "levels": list(map(float, levels)),
           "current": num(dd.iloc[-1]), "max": num(min(dd.min(), 0.0)),
           "peak": None, "trough": None, "recovery": None}
    if dd.min() < 0:
        trough = dd.idxmin()  # its first date
        at_peak = s[(s.index <= trough) & (s == peak_level[trough])]
        peak = at_peak.index[-1]
        back = s[(s.index > trough) & (s >= s[peak])]
        out.update(peak=str(peak.date()), trough=str(trough.date()),
                   recovery=str(back.index[0].date()) if len(back) else None)
    return out


def drawdown_cases():
    rng = np.random.default_rng(3)
    walk = 1000 * np.cumprod(1 + rng.normal(0, 0.02, 250))
    return [
        drawdown(walk),
        drawdown([100, 110, 110, 99, 88, 95, 112, 105]),  # recovered on the 7th date
        drawdown([100, 120, 90, 100, 110]),  # not recovered
        drawdown([100, 101, 102, 102, 103]),  # never fell
    ]


def main():
    out = {"generated_by": "tests/reference/event_study.py",
           "versions": {"pandas": pd.__version__, "statsmodels": sm.__version__,
                        "numpy": np.__version__},
           "events": event_case(), "lead_lag": lead_lag_case(), "beta": beta_case(),
           "drawdown": drawdown_cases()}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
