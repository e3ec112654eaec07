//! Yahoo Finance, v8 chart endpoint: `close` and the dividend- and
//! split-adjusted `adjclose` for `.SH`/`.SZ`/`.HK` and indices.

use chrono::{DateTime, Days, NaiveDate};
use serde::Deserialize;

use super::http::{Http, HttpConfig, Service, encode, excerpt, no_limit, parse_json};
use super::{FetchError, Rows, Source, base_url};
use crate::domain::{PriceRow, Symbol};

const SERVICE: Service = Service {
    name: "Yahoo",
    variable: "SPILLOVER_YAHOO_URL",
    limited: no_limit,
};
const DEFAULT_URL: &str = "https://query2.finance.yahoo.com";

pub struct Yahoo {
    http: Http,
    base: String,
}

impl Yahoo {
    pub fn new(config: HttpConfig) -> Yahoo {
        Yahoo {
            http: Http::new(SERVICE, config),
            base: base_url(SERVICE.variable, DEFAULT_URL),
        }
    }
}

/// The cache's symbol as Yahoo writes it: Shanghai is `.SS`, Hong Kong
/// stocks have four digits (`0700.HK`), the Hang Seng TECH index is `HSTECH.HK`.
pub fn yahoo_code(symbol: &Symbol) -> String {
    let text = symbol.as_str();
    if let Some(code) = text.strip_suffix(".SH") {
        return format!("{code}.SS");
    }
    if let Some(code) = text.strip_suffix(".HK")
        && !code.is_empty()
        && code.bytes().all(|b| b.is_ascii_digit())
    {
        let digits = code.trim_start_matches('0');
        return format!("{digits:0>4}.HK");
    }
    text.to_string()
}

impl Source for Yahoo {
    fn name(&self) -> &'static str {
        SERVICE.name
    }

    fn code(&self, symbol: &Symbol) -> Result<String, FetchError> {
        Ok(yahoo_code(symbol))
    }

    fn history(&self, symbol: &Symbol, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError> {
        let code = yahoo_code(symbol);
        // A day either side: the exchange's offset is only known from the
        // answer, so the dates are cut to [from, to] once it is read.
        let start = day_start(from.checked_sub_days(Days::new(1)).unwrap_or(from));
        let end = day_start(to.checked_add_days(Days::new(2)).unwrap_or(to));
        let url = format!(
            "{}/v8/finance/chart/{}?period1={start}&period2={end}&interval=1d&events={}&includeAdjustedClose=true",
            self.base,
            encode(&code),
            encode("div,split"),
        );
        let answer = self.http.get(&url)?;
        let envelope: Option<Envelope> = if answer.status == 200 || answer.status == 404 {
            Some(parse_json(SERVICE, &answer.body)?)
        } else {
            None
        };
        let Some(Envelope { chart }) = envelope else {
            return Err(FetchError::Status {
                source_name: SERVICE.name,
                status: answer.status,
                detail: excerpt(&answer.body),
                hint: "check the base URL and the symbol",
            });
        };
        if let Some(error) = chart.error {
            if error.code.eq_ignore_ascii_case("Not Found") {
                return Err(FetchError::UnknownSymbol {
                    source_name: SERVICE.name,
                    code,
                });
            }
            return Err(FetchError::Refused {
                source_name: SERVICE.name,
                message: format!("{} ({})", error.description, error.code),
            });
        }
        let result = chart
            .result
            .and_then(|r| r.into_iter().next())
            .ok_or_else(|| FetchError::UnknownSymbol {
                source_name: SERVICE.name,
                code: code.clone(),
            })?;
        rows(result, from, to)
    }
}

fn day_start(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct Envelope {
    chart: Chart,
}

#[derive(Deserialize)]
struct Chart {
    result: Option<Vec<ChartResult>>,
    error: Option<ChartError>,
}

#[derive(Deserialize)]
struct ChartError {
    code: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
struct ChartResult {
    meta: Meta,
    #[serde(default)]
    timestamp: Vec<i64>,
    indicators: Indicators,
}

#[derive(Deserialize)]
struct Meta {
    /// Seconds east of UTC of the exchange: the trading date is taken there.
    gmtoffset: i64,
}

#[derive(Deserialize)]
struct Indicators {
    quote: Vec<Quote>,
    #[serde(default)]
    adjclose: Vec<AdjClose>,
}

type Column = Vec<Option<f64>>;

#[derive(Deserialize, Default)]
struct Quote {
    #[serde(default)]
    open: Column,
    #[serde(default)]
    high: Column,
    #[serde(default)]
    low: Column,
    #[serde(default)]
    close: Column,
    #[serde(default)]
    volume: Column,
}

#[derive(Deserialize)]
struct AdjClose {
    #[serde(default)]
    adjclose: Column,
}

fn rows(result: ChartResult, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError> {
    let quote = result
        .indicators
        .quote
        .into_iter()
        .next()
        .unwrap_or_default();
    let adjusted = result.indicators.adjclose.into_iter().next();
    let n = result.timestamp.len();
    let short = |name: &str, column: &Column| {
        (!column.is_empty() && column.len() != n).then(|| FetchError::Malformed {
            source_name: SERVICE.name,
            detail: format!("{n} time stamps but {} {name} values", column.len()),
        })
    };
    if let Some(err) = [
        ("close", &quote.close),
        ("open", &quote.open),
        ("high", &quote.high),
        ("low", &quote.low),
        ("volume", &quote.volume),
    ]
    .into_iter()
    .chain(adjusted.as_ref().map(|a| ("adjclose", &a.adjclose)))
    .find_map(|(name, column)| short(name, column))
    {
        return Err(err);
    }
    if n > 0 && quote.close.is_empty() {
        return Err(FetchError::Malformed {
            source_name: SERVICE.name,
            detail: "no close values".into(),
        });
    }
    let at = |column: &Column, i: usize| column.get(i).copied().flatten();
    let mut out = Rows::default();
    for (i, stamp) in result.timestamp.iter().enumerate() {
        let date = DateTime::from_timestamp(stamp + result.meta.gmtoffset, 0)
            .map(|t| t.date_naive())
            .ok_or_else(|| FetchError::Malformed {
                source_name: SERVICE.name,
                detail: format!("time stamp {stamp} is not a date"),
            })?;
        if date < from || date > to {
            continue;
        }
        let adj_close = adjusted.as_ref().map(|a| at(&a.adjclose, i));
        // A halted day: Yahoo writes the day with null prices.
        let (Some(close), Some(true) | None) =
            (at(&quote.close, i), adj_close.map(|a| a.is_some()))
        else {
            out.skipped += 1;
            continue;
        };
        out.rows.push(PriceRow {
            date,
            open: at(&quote.open, i),
            high: at(&quote.high, i),
            low: at(&quote.low, i),
            close,
            adj_close: adj_close.flatten(),
            volume: at(&quote.volume, i),
            mcap: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> String {
        yahoo_code(&Symbol::parse(text).unwrap())
    }

    #[test]
    fn maps_every_kind_of_symbol() {
        assert_eq!(code("688256.SH"), "688256.SS");
        assert_eq!(code("688256.SS"), "688256.SS");
        assert_eq!(code("300308.SZ"), "300308.SZ");
        assert_eq!(code("9988.HK"), "9988.HK");
        assert_eq!(code("0700.HK"), "0700.HK");
        assert_eq!(code("700.HK"), "0700.HK");
        assert_eq!(code("00700.HK"), "0700.HK");
        assert_eq!(code("HSTECH.HK"), "HSTECH.HK");
        assert_eq!(code("^HSI"), "^HSI");
    }

    #[test]
    fn the_trading_date_is_the_exchanges_not_utc() {
        // 2025-01-02 16:00 UTC is 2025-01-03 00:00 in Hong Kong (+08:00).
        let json = r#"{"meta":{"gmtoffset":28800},"timestamp":[1735833600],
            "indicators":{"quote":[{"close":[10.0]}],"adjclose":[{"adjclose":[9.0]}]}}"#;
        let result: ChartResult = serde_json::from_str(json).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let rows = rows(result, d("2025-01-01"), d("2025-01-31")).unwrap();
        assert_eq!(rows.rows[0].date, d("2025-01-03"));
        assert_eq!(rows.rows[0].adj_close, Some(9.0));
    }
}
