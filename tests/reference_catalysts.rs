//! The catalyst statistics against an independent implementation:
//! tests/reference/event_study.py (pandas, statsmodels, scipy) wrote its
//! inputs and answers to tests/reference/catalysts.json; every number here
//! must match at 1e-9 relative.

use chrono::NaiveDate;
use serde_json::Value;
use spillover::compute::{
    CAR_WINDOWS, Model, SeriesStudy, StudyInput, aggregate, carried_returns, drawdown,
    lead_lag_of_changes, rolling_beta, study_series,
};
use spillover::domain::Session;
use spillover::domain::calendar::{Market, first_reacting_session};

fn reference() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/catalysts.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn opt_date(v: &Value) -> Option<NaiveDate> {
    (!v.is_null()).then(|| date(v))
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn opt_floats(v: &Value) -> Vec<Option<f64>> {
    v.as_array().unwrap().iter().map(Value::as_f64).collect()
}

fn dates(v: &Value) -> Vec<NaiveDate> {
    v.as_array().unwrap().iter().map(date).collect()
}

/// Equal at 1e-9 relative (both n/a counts as equal).
fn same(what: &str, actual: Option<f64>, expected: &Value) {
    match (actual, expected.as_f64()) {
        (None, None) => {}
        (Some(a), Some(e)) => assert!(
            (a - e).abs() <= 1e-9 * e.abs().max(1e-300) || a == e,
            "{what}: expected {e}, got {a}"
        ),
        (a, _) => panic!("{what}: expected {expected}, got {a:?}"),
    }
}

struct Series {
    dates: Vec<NaiveDate>,
    levels: Vec<f64>,
}

fn series(v: &Value) -> Series {
    Series {
        dates: dates(&v["dates"]),
        levels: floats(&v["levels"]),
    }
}

#[test]
fn the_event_study_matches_the_reference() {
    let r = reference();
    let case = &r["events"];
    let basket = series(&case["basket"]);
    let bench = series(&case["bench"]);
    let ratio = series(&case["ratio"]);
    let bench_returns = carried_returns(&basket.dates, &bench.dates, &bench.levels);
    let events = case["events"].as_array().unwrap();
    let mut studies: Vec<(String, String, SeriesStudy)> = Vec::new();
    for expected in case["expected"].as_array().unwrap() {
        let e = &events[expected["event"].as_u64().unwrap() as usize];
        let session: Session = e["session"].as_str().unwrap().parse().unwrap();
        let first = first_reacting_session(Market::HongKong, date(&e["date"]), session);
        assert_eq!(first, date(&e["first_session"]), "day-0 rule for {e}");
        let model: Model = expected["model"].as_str().unwrap().parse().unwrap();
        let name = expected["series"].as_str().unwrap();
        let input = match name {
            "basket" => StudyInput {
                label: "basket",
                dates: &basket.dates,
                levels: &basket.levels,
                bench: Some(&bench_returns),
            },
            _ => StudyInput {
                label: "ratio",
                dates: &ratio.dates,
                levels: &ratio.levels,
                bench: None,
            },
        };
        let got = study_series(&input, first, model);
        let what = format!("event {} {name} {model}", expected["event"]);
        assert_eq!(got.day0, opt_date(&expected["day0"]), "{what}: day0");
        assert_eq!(
            got.estimation_n as u64,
            expected["estimation_n"].as_u64().unwrap(),
            "{what}"
        );
        same(&format!("{what} alpha"), got.alpha, &expected["alpha"]);
        same(&format!("{what} beta"), got.beta, &expected["beta"]);
        same(&format!("{what} s"), got.s, &expected["s"]);
        for (car, want) in got.cars.iter().zip(expected["cars"].as_array().unwrap()) {
            let what = format!("{what} [{},{}]", car.from, car.to);
            assert_eq!(
                car.days as u64,
                want["days"].as_u64().unwrap(),
                "{what} days"
            );
            assert_eq!(
                car.partial,
                want["partial"].as_bool().unwrap(),
                "{what} partial"
            );
            same(&format!("{what} car"), car.car, &want["car"]);
            same(&format!("{what} t"), car.t, &want["t"]);
        }
        studies.push((name.to_string(), model.to_string(), got));
    }
    for agg in case["aggregate"].as_array().unwrap() {
        let (name, model) = (
            agg["series"].as_str().unwrap(),
            agg["model"].as_str().unwrap(),
        );
        let picked: Vec<u64> = agg["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let chosen = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&studies)
            .filter(|(e, (n, m, _))| {
                n == name && m == model && picked.contains(&e["event"].as_u64().unwrap())
            })
            .map(|(_, (_, _, s))| s);
        let got = aggregate(chosen);
        assert_eq!(got.len(), 1);
        for (car, want) in got[0].cars.iter().zip(agg["cars"].as_array().unwrap()) {
            let what = format!("aggregate {name} {model} [{},{}]", car.from, car.to);
            assert_eq!(car.n as u64, want["n"].as_u64().unwrap(), "{what} n");
            assert_eq!(
                car.positive as u64,
                want["positive"].as_u64().unwrap(),
                "{what}"
            );
            same(&format!("{what} mean"), car.mean, &want["mean"]);
            same(&format!("{what} t"), car.t, &want["t"]);
        }
    }
    assert_eq!(CAR_WINDOWS.len(), 5);
}

#[test]
fn ccf_and_granger_match_the_reference() {
    let r = reference();
    let case = &r["lead_lag"];
    let (x, y) = (floats(&case["x"]), floats(&case["y"]));
    let got = lead_lag_of_changes(
        ("x", "y"),
        &x,
        &y,
        case["max_lag"].as_u64().unwrap() as usize,
        case["lags"].as_u64().unwrap() as usize,
    );
    for (bar, want) in got.ccf.iter().zip(case["ccf"].as_array().unwrap()) {
        assert_eq!(i64::from(bar.k), want["k"].as_i64().unwrap());
        assert_eq!(
            bar.n as u64,
            want["n"].as_u64().unwrap(),
            "n at k = {}",
            bar.k
        );
        same(&format!("ccf({})", bar.k), bar.r, &want["r"]);
    }
    // y follows x two changes later: the peak is k = +2, outside the band.
    let peak = got.peak.unwrap();
    assert_eq!(peak.k, 2);
    assert!(peak.significant);
    for (g, want) in [
        (&got.x_to_y, &case["x_to_y"]),
        (&got.y_to_x, &case["y_to_x"]),
    ] {
        let what = format!("granger {} -> {}", g.cause, g.effect);
        assert_eq!(g.df_den as u64, want["df_den"].as_u64().unwrap(), "{what}");
        assert_eq!(g.df_num as u64, want["df_num"].as_u64().unwrap(), "{what}");
        same(&format!("{what} F"), g.f, &want["f"]);
        same(&format!("{what} p"), g.p_value, &want["p"]);
    }
}

#[test]
fn rolling_beta_matches_the_reference() {
    let r = reference();
    let case = &r["beta"];
    let ret = opt_floats(&case["r"]);
    let m: Vec<Option<f64>> = floats(&case["m"]).into_iter().map(Some).collect();
    let dates: Vec<NaiveDate> = (0..ret.len())
        .map(|k| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(k as u64))
        .collect();
    let window = case["window"].as_u64().unwrap() as usize;
    let got = rolling_beta(&dates, &ret, &m, window);
    let expected = case["expected"].as_array().unwrap();
    assert_eq!(got.len(), expected.len());
    for (k, (point, want)) in got.iter().zip(expected).enumerate() {
        assert_eq!(point.date, dates[window - 1 + k]);
        match (point.fit, want.is_null()) {
            (None, true) => {}
            (Some(fit), false) => {
                same(&format!("beta {k}"), Some(fit.beta), &want["beta"]);
                same(&format!("alpha {k}"), Some(fit.alpha), &want["alpha"]);
                same(&format!("se {k}"), Some(fit.se), &want["se"]);
            }
            (fit, _) => panic!("window {k}: expected {want}, got {fit:?}"),
        }
    }
}

#[test]
fn drawdowns_match_the_reference() {
    let r = reference();
    for (k, case) in r["drawdown"].as_array().unwrap().iter().enumerate() {
        let got = drawdown("s", &dates(&case["dates"]), &floats(&case["levels"]));
        same(&format!("case {k} current"), got.current, &case["current"]);
        same(&format!("case {k} max"), got.max, &case["max"]);
        assert_eq!(got.peak, opt_date(&case["peak"]), "case {k} peak");
        assert_eq!(got.trough, opt_date(&case["trough"]), "case {k} trough");
        assert_eq!(
            got.recovery,
            opt_date(&case["recovery"]),
            "case {k} recovery"
        );
    }
}
