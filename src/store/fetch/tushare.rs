//! Tushare Pro: `daily` (close), `adj_factor` (close × factor is the
//! backward-adjusted price, which never rewrites history) and
//! `daily_basic.total_mv` (mcap) for A-shares; `hk_daily_adj` for Hong Kong.
//! The token (`TUSHARE_TOKEN`) goes only into request bodies, never into a
//! message, a log line or a file.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use super::http::{Http, HttpConfig, Service, excerpt, parse_json};
use super::{FetchError, Rows, Source, base_url};
use crate::domain::{PriceRow, Symbol};

const SERVICE: Service = Service {
    name: "Tushare",
    variable: "SPILLOVER_TUSHARE_URL",
};
const DEFAULT_URL: &str = "http://api.tushare.pro";
/// Tushare's code for "no permission for this interface" (too few points).
const NO_PERMISSION: i64 = 40203;
/// `daily_basic.total_mv` is in 10 000 CNY.
const TOTAL_MV_UNIT: f64 = 1.0e4;
/// A-share `vol` is in lots of 100 shares.
const LOT: f64 = 100.0;

pub struct Tushare {
    http: Http,
    base: String,
    token: String,
}

/// Why the Tushare source cannot start.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "TUSHARE_TOKEN is not set; set it to your Tushare Pro token (tushare.pro, 个人主页 → 接口TOKEN), or use --source yahoo"
)]
pub struct NoToken;

impl Tushare {
    pub fn new(config: HttpConfig, token: Option<String>) -> Result<Tushare, NoToken> {
        let token = token
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .ok_or(NoToken)?;
        Ok(Tushare {
            http: Http::new(SERVICE, config),
            base: base_url(SERVICE.variable, DEFAULT_URL),
            token,
        })
    }

    /// One call: its table as maps of field → value, keyed by `trade_date`.
    fn call(
        &self,
        api: &str,
        ts_code: &str,
        fields: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<BTreeMap<NaiveDate, Vec<Option<f64>>>, FetchError> {
        let body = json!({
            "api_name": api,
            "token": self.token,
            "params": {
                "ts_code": ts_code,
                "start_date": from.format("%Y%m%d").to_string(),
                "end_date": to.format("%Y%m%d").to_string(),
            },
            "fields": format!("trade_date,{fields}"),
        });
        let answer = self.http.post_json(&self.base, &body.to_string())?;
        if answer.status != 200 {
            return Err(FetchError::Status {
                source_name: SERVICE.name,
                status: answer.status,
                detail: excerpt(&answer.body),
                hint: "check the base URL (SPILLOVER_TUSHARE_URL)",
            });
        }
        let reply: Reply = parse_json(SERVICE, &answer.body)?;
        if reply.code != 0 {
            return Err(FetchError::Refused {
                source_name: SERVICE.name,
                message: format!(
                    "{api}: {} (code {})",
                    reply.msg.unwrap_or_default(),
                    reply.code
                ),
            });
        }
        table(api, fields, reply.data.unwrap_or_default())
    }

    /// Never lets the token out, whatever a server or a library put in a message.
    fn redact(&self, err: FetchError) -> FetchError {
        let text = err.to_string();
        if text.contains(&self.token) {
            FetchError::Refused {
                source_name: SERVICE.name,
                message: text.replace(&self.token, "***"),
            }
        } else {
            err
        }
    }

    fn a_share(&self, code: &str, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError> {
        let daily = self.call("daily", code, "open,high,low,close,vol", from, to)?;
        let factors = self.call("adj_factor", code, "adj_factor", from, to)?;
        let mut out = Rows::default();
        // total_mv needs more Tushare points than prices: without them, no mcap.
        let caps = match self.call("daily_basic", code, "total_mv", from, to) {
            Ok(caps) => caps,
            Err(FetchError::Refused { message, .. })
                if message.contains(&format!("(code {NO_PERMISSION})")) =>
            {
                out.notes
                    .push("no mcap: the token has no daily_basic permission".into());
                BTreeMap::new()
            }
            Err(err) => return Err(err),
        };
        for (date, v) in daily {
            let (Some(close), Some(Some(factor))) = (v[3], factors.get(&date).map(|f| f[0])) else {
                out.skipped += 1;
                continue;
            };
            out.rows.push(PriceRow {
                date,
                open: v[0],
                high: v[1],
                low: v[2],
                close,
                adj_close: Some(close * factor),
                volume: v[4].map(|lots| lots * LOT),
                mcap: caps
                    .get(&date)
                    .and_then(|c| c[0])
                    .map(|mv| mv * TOTAL_MV_UNIT),
            });
        }
        Ok(out)
    }

    fn hong_kong(&self, code: &str, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError> {
        let daily = self.call(
            "hk_daily_adj",
            code,
            "open,high,low,close,vol,adj_factor",
            from,
            to,
        )?;
        let mut out = Rows::default();
        for (date, v) in daily {
            let (Some(close), Some(factor)) = (v[3], v[5]) else {
                out.skipped += 1;
                continue;
            };
            out.rows.push(PriceRow {
                date,
                open: v[0],
                high: v[1],
                low: v[2],
                close,
                adj_close: Some(close * factor),
                volume: v[4],
                mcap: None,
            });
        }
        Ok(out)
    }
}

/// The cache's symbol as a Tushare `ts_code`: A-shares as they are
/// (`600000.SH`), Hong Kong stocks with five digits (`00700.HK`); Tushare
/// has no Hang Seng TECH index series.
pub fn ts_code(symbol: &Symbol) -> Result<String, FetchError> {
    let text = symbol.as_str();
    let six = |code: &str| code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit());
    if let Some((code, market)) = text.rsplit_once('.')
        && matches!(market, "SH" | "SZ")
        && six(code)
    {
        return Ok(text.to_string());
    }
    if text == "HSTECH.HK" {
        return Err(FetchError::NotCovered(
            "Tushare Pro has no daily series of the Hang Seng TECH index; fetch HSTECH.HK with --source yahoo or --source eastmoney".into(),
        ));
    }
    if let Some(code) = text.strip_suffix(".HK")
        && (1..=5).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_digit())
    {
        return Ok(format!("{code:0>5}.HK"));
    }
    Err(FetchError::NotCovered(format!(
        "Tushare covers six-digit .SH/.SZ stocks and .HK stocks, not {symbol}; fetch it with --source yahoo"
    )))
}

impl Source for Tushare {
    fn name(&self) -> &'static str {
        SERVICE.name
    }

    fn code(&self, symbol: &Symbol) -> Result<String, FetchError> {
        ts_code(symbol)
    }

    fn history(&self, symbol: &Symbol, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError> {
        let code = ts_code(symbol)?;
        let result = if code.ends_with(".HK") {
            self.hong_kong(&code, from, to)
        } else {
            self.a_share(&code, from, to)
        };
        result.map_err(|err| self.redact(err))
    }
}

#[derive(Deserialize)]
struct Reply {
    code: i64,
    msg: Option<String>,
    data: Option<Data>,
}

#[derive(Deserialize, Default)]
struct Data {
    #[serde(default)]
    fields: Vec<String>,
    #[serde(default)]
    items: Vec<Vec<Value>>,
}

/// Tushare's `fields`/`items` as rows of the asked fields (in the asked
/// order) by trade date; the order of its columns is not trusted.
fn table(
    api: &str,
    fields: &str,
    data: Data,
) -> Result<BTreeMap<NaiveDate, Vec<Option<f64>>>, FetchError> {
    let malformed = |detail: String| FetchError::Malformed {
        source_name: SERVICE.name,
        detail: format!("{api}: {detail}"),
    };
    let column = |name: &str| {
        data.fields
            .iter()
            .position(|f| f == name)
            .ok_or_else(|| malformed(format!("no `{name}` field")))
    };
    let date_at = column("trade_date")?;
    let wanted: Vec<(usize, &str)> = fields
        .split(',')
        .map(|name| column(name).map(|k| (k, name)))
        .collect::<Result<_, _>>()?;
    let mut out = BTreeMap::new();
    for item in &data.items {
        let date = item
            .get(date_at)
            .and_then(Value::as_str)
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y%m%d").ok())
            .ok_or_else(|| malformed(format!("trade_date of {item:?} is not YYYYMMDD")))?;
        let mut values = Vec::with_capacity(wanted.len());
        for (k, name) in &wanted {
            values.push(match item.get(*k) {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => n.as_f64(),
                Some(other) => {
                    return Err(malformed(format!(
                        "{name} on {date} is {other}, not a number"
                    )));
                }
            });
        }
        if out.insert(date, values).is_some() {
            return Err(malformed(format!("trade_date {date} appears twice")));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Result<String, FetchError> {
        ts_code(&Symbol::parse(text).unwrap())
    }

    #[test]
    fn maps_every_kind_of_symbol() {
        assert_eq!(code("688256.SH").unwrap(), "688256.SH");
        assert_eq!(code("688256.SS").unwrap(), "688256.SH");
        assert_eq!(code("300308.SZ").unwrap(), "300308.SZ");
        assert_eq!(code("9988.HK").unwrap(), "09988.HK");
        assert_eq!(code("0700.HK").unwrap(), "00700.HK");
        let index = code("HSTECH.HK").unwrap_err();
        assert!(index.to_string().contains("--source yahoo"), "{index}");
        assert!(code("AAPL").is_err());
    }

    #[test]
    fn a_missing_token_is_said_before_any_request() {
        let err = Tushare::new(HttpConfig::default(), Some("  ".into())).err();
        assert_eq!(err, Some(NoToken));
    }

    #[test]
    fn columns_are_read_by_name_not_position() {
        let data: Data = serde_json::from_str(
            r#"{"fields":["close","trade_date","ts_code"],
                "items":[[10.5,"20250506","300308.SZ"],[null,"20250507","300308.SZ"]]}"#,
        )
        .unwrap();
        let rows = table("daily", "close", data).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(rows[&d("2025-05-06")], vec![Some(10.5)]);
        assert_eq!(rows[&d("2025-05-07")], vec![None]);
    }
}
