//! Eastmoney (东方财富) daily kline: `fqt=0` for close, `fqt=2` (backward
//! adjusted, which never rewrites history) for `adj_close`. Throttled: it
//! bans clients that ask too often.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::Deserialize;

use super::http::{Http, HttpConfig, Service, env_number, excerpt, parse_json};
use super::limits::Limited;
use super::{FetchError, Rows, Source, base_url};
use crate::domain::{PriceRow, Symbol};

const SERVICE: Service = Service {
    name: "Eastmoney",
    variable: "SPILLOVER_EASTMONEY_URL",
    limited: throttled,
};
const DEFAULT_URL: &str = "https://push2his.eastmoney.com";
/// The public `ut` parameter of Eastmoney's own web pages.
const UT: &str = "fa5fd1943c7b386f172d6893dbfba10b";
/// At most one request a second unless `SPILLOVER_EASTMONEY_INTERVAL_MS` says otherwise.
const DEFAULT_INTERVAL: Duration = Duration::from_millis(1000);

pub struct Eastmoney {
    http: Http,
    base: String,
    interval: Duration,
    last_request: Mutex<Option<Instant>>,
}

impl Eastmoney {
    pub fn new(config: HttpConfig) -> Eastmoney {
        Eastmoney {
            http: Http::new(SERVICE, config),
            base: base_url(SERVICE.variable, DEFAULT_URL),
            interval: env_number("SPILLOVER_EASTMONEY_INTERVAL_MS")
                .map_or(DEFAULT_INTERVAL, Duration::from_millis),
            last_request: Mutex::new(None),
        }
    }

    /// Waits until `interval` has passed since the previous request.
    fn throttle(&self) {
        let mut last = self
            .last_request
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(at) = *last {
            let due = at + self.interval;
            let now = Instant::now();
            if due > now {
                std::thread::sleep(due - now);
            }
        }
        *last = Some(Instant::now());
    }

    fn klines(
        &self,
        secid: &str,
        adjustment: u8,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<String>, FetchError> {
        self.throttle();
        let url = format!(
            "{}/api/qt/stock/kline/get?secid={secid}&ut={UT}&fields1=f1,f2,f3,f4,f5,f6\
             &fields2=f51,f52,f53,f54,f55,f56,f57,f58,f59,f60,f61&klt=101&fqt={adjustment}\
             &beg={}&end={}&lmt=1000000",
            self.base,
            from.format("%Y%m%d"),
            to.format("%Y%m%d"),
        );
        let answer = self.http.get(&url)?;
        if answer.status != 200 {
            return Err(FetchError::Status {
                source_name: SERVICE.name,
                status: answer.status,
                detail: excerpt(&answer.body),
                hint: "check the base URL (SPILLOVER_EASTMONEY_URL)",
            });
        }
        let kline: Kline = parse_json(SERVICE, &answer.body)?;
        match kline.data {
            Some(data) => Ok(data.klines),
            None => Err(FetchError::UnknownSymbol {
                source_name: SERVICE.name,
                code: secid.to_string(),
            }),
        }
    }
}

/// Eastmoney's answer to a client it throttles: status 200 with no body at
/// all (a kline answer always has one); retried with the back-off.
fn throttled(status: u16, body: &str) -> Option<Limited> {
    (status == 200 && body.trim().is_empty())
        .then(|| Limited::Throttled("an empty answer, its sign of throttling".into()))
}

/// The cache's symbol as an Eastmoney `secid`: `1.` Shanghai, `0.` Shenzhen,
/// `116.` and five digits for Hong Kong stocks, `124.HSTECH` for Hang Seng TECH.
pub fn secid(symbol: &Symbol) -> Result<String, FetchError> {
    let text = symbol.as_str();
    let six = |code: &str| code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit());
    if let Some(code) = text.strip_suffix(".SH").filter(|c| six(c)) {
        return Ok(format!("1.{code}"));
    }
    if let Some(code) = text.strip_suffix(".SZ").filter(|c| six(c)) {
        return Ok(format!("0.{code}"));
    }
    if text == "HSTECH.HK" {
        return Ok("124.HSTECH".to_string());
    }
    if let Some(code) = text.strip_suffix(".HK")
        && (1..=5).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_digit())
    {
        return Ok(format!("116.{code:0>5}"));
    }
    Err(FetchError::NotCovered(format!(
        "Eastmoney covers six-digit .SH/.SZ stocks, .HK stocks and HSTECH.HK, not {symbol}; fetch it with --source yahoo"
    )))
}

impl Source for Eastmoney {
    fn name(&self) -> &'static str {
        SERVICE.name
    }

    fn code(&self, symbol: &Symbol) -> Result<String, FetchError> {
        secid(symbol)
    }

    fn history(&self, symbol: &Symbol, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError> {
        let secid = secid(symbol)?;
        let plain = self.klines(&secid, 0, from, to)?;
        let adjusted = self.klines(&secid, 2, from, to)?;
        // A-share volumes are in lots of 100 shares; Hong Kong's in shares.
        let lot = if secid.starts_with("1.") || secid.starts_with("0.") {
            100.0
        } else {
            1.0
        };
        let mut adj_close = BTreeMap::new();
        for line in &adjusted {
            let bar = Bar::parse(line)?;
            adj_close.insert(bar.date, bar.close);
        }
        let mut out = Rows::default();
        for line in &plain {
            let bar = Bar::parse(line)?;
            if bar.date < from || bar.date > to {
                continue;
            }
            let Some(adjusted) = adj_close.get(&bar.date) else {
                out.skipped += 1;
                continue;
            };
            out.rows.push(PriceRow {
                date: bar.date,
                open: Some(bar.open),
                high: Some(bar.high),
                low: Some(bar.low),
                close: bar.close,
                adj_close: Some(*adjusted),
                volume: bar.volume.map(|v| v * lot),
                mcap: None,
            });
        }
        Ok(out)
    }
}

#[derive(Deserialize)]
struct Kline {
    data: Option<KlineData>,
}

#[derive(Deserialize)]
struct KlineData {
    #[serde(default)]
    klines: Vec<String>,
}

/// One kline string: `date,open,close,high,low,volume,amount,...` (close before high).
#[derive(Debug, PartialEq)]
struct Bar {
    date: NaiveDate,
    open: f64,
    close: f64,
    high: f64,
    low: f64,
    volume: Option<f64>,
}

impl Bar {
    fn parse(line: &str) -> Result<Bar, FetchError> {
        let bad = |what: &str| FetchError::Malformed {
            source_name: SERVICE.name,
            detail: format!("kline {line:?}: {what}"),
        };
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() < 6 {
            return Err(bad("fewer than 6 fields"));
        }
        let date = NaiveDate::parse_from_str(fields[0], "%Y-%m-%d")
            .map_err(|_| bad("the first field is not a YYYY-MM-DD date"))?;
        let number = |k: usize, name: &str| {
            fields[k]
                .parse::<f64>()
                .map_err(|_| bad(&format!("{name} is not a number")))
        };
        Ok(Bar {
            date,
            open: number(1, "open")?,
            close: number(2, "close")?,
            high: number(3, "high")?,
            low: number(4, "low")?,
            volume: Some(number(5, "volume")?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> Result<String, FetchError> {
        secid(&Symbol::parse(text).unwrap())
    }

    #[test]
    fn maps_every_kind_of_symbol() {
        assert_eq!(id("688256.SH").unwrap(), "1.688256");
        assert_eq!(id("688256.SS").unwrap(), "1.688256");
        assert_eq!(id("300308.SZ").unwrap(), "0.300308");
        assert_eq!(id("9988.HK").unwrap(), "116.09988");
        assert_eq!(id("0700.HK").unwrap(), "116.00700");
        assert_eq!(id("HSTECH.HK").unwrap(), "124.HSTECH");
        for other in ["AAPL", "^HSI", "30308.SZ", "HSI.HK"] {
            let err = id(other).unwrap_err();
            assert!(err.to_string().contains("--source yahoo"), "{err}");
        }
    }

    #[test]
    fn close_comes_before_high_in_a_kline() {
        let bar =
            Bar::parse("2025-05-06,100.5,103.2,104.0,99.8,123456,1.27e10,4.2,2.7,2.7,1.1").unwrap();
        assert_eq!(
            (bar.open, bar.close, bar.high, bar.low),
            (100.5, 103.2, 104.0, 99.8)
        );
        assert!(Bar::parse("2025-05-06,100.5,-,104.0,99.8,1").is_err());
    }
}
