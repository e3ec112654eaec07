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
use super::limits::Limited;
use super::{FetchError, Rows, Source, base_url};
use crate::domain::{PriceRow, Symbol};

const SERVICE: Service = Service {
    name: "Tushare",
    variable: "SPILLOVER_TUSHARE_URL",
    limited: per_minute,
};
const DEFAULT_URL: &str = "http://api.tushare.pro";
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
            return Err(refusal(api, reply.code, reply.msg.unwrap_or_default()));
        }
        table(api, fields, reply.data.unwrap_or_default())
    }

    /// Never lets the token out, whatever a server or a library put in a message.
    fn redact(&self, err: FetchError) -> FetchError {
        let token = self.token.as_str();
        let err = err.map_text(|text| text.replace(token, "***"));
        let text = err.to_string();
        if text.contains(token) {
            FetchError::Write(text.replace(token, "***"))
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
            Err(FetchError::NoPermission { .. }) => {
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

/// Tushare's per-minute limit: code 40203 with "每分钟最多访问该接口N次"
/// (the same code as a missing permission, told apart by the message).
fn per_minute(status: u16, body: &str) -> Option<Limited> {
    if status != 200 || !body.contains(PER_MINUTE) {
        return None;
    }
    let reply: Reply = serde_json::from_str(body.trim_start_matches('\u{feff}')).ok()?;
    let msg = reply.msg.unwrap_or_default();
    (reply.code != 0 && msg.contains(PER_MINUTE))
        .then(|| Limited::PerMinute(format!("{msg} (code {})", reply.code)))
}

/// "您每分钟最多访问该接口…次": the per-minute limit, waited out and retried.
const PER_MINUTE: &str = "每分钟最多访问";
/// "您每天最多访问该接口…次" / "每小时…": a quota waiting will not lift today.
const QUOTA: [&str; 2] = ["每天最多访问", "每小时最多访问"];
/// "抱歉，您没有访问该接口的权限" (and the older "没有接口访问权限").
const NO_PERMISSION: [&str; 2] = ["没有访问该接口的权限", "没有接口访问权限"];

/// What a refusal (`code` ≠ 0) means, read from Tushare's message: the
/// code 40203 is shared by the rate limits and the missing permission.
fn refusal(api: &str, code: i64, msg: String) -> FetchError {
    let said = format!("{msg} (code {code})");
    if NO_PERMISSION.iter().any(|m| msg.contains(m)) && !msg.contains("最多访问") {
        return FetchError::NoPermission {
            source_name: SERVICE.name,
            api: api.to_string(),
            message: said,
        };
    }
    let message = if QUOTA.iter().any(|m| msg.contains(m)) {
        format!("{api}: {said}; the token's quota for {api} is used up, fetch again later")
    } else {
        format!("{api}: {said}")
    };
    FetchError::Refused {
        source_name: SERVICE.name,
        message,
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
        if item.len() != data.fields.len() {
            return Err(malformed(format!(
                "item {} has {} values for {} fields",
                Value::Array(item.clone()),
                item.len(),
                data.fields.len()
            )));
        }
        let date = item
            .get(date_at)
            .and_then(Value::as_str)
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y%m%d").ok())
            .ok_or_else(|| {
                malformed(format!(
                    "trade_date of {} is not YYYYMMDD",
                    Value::Array(item.clone())
                ))
            })?;
        let mut values = Vec::with_capacity(wanted.len());
        for (k, name) in &wanted {
            // A null price is Tushare's own form of a halted day.
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

    #[test]
    fn the_message_tells_a_rate_limit_from_a_missing_permission() {
        // Both are code 40203; both messages mention 权限 (a link to the
        // permission page), so the per-minute words decide.
        let limit = r#"{"code":40203,"msg":"抱歉，您每分钟最多访问该接口500次，权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。","data":null}"#;
        let limited = per_minute(200, limit).unwrap();
        assert!(matches!(limited, Limited::PerMinute(m) if m.contains("(code 40203)")));
        let refused = r#"{"code":40203,"msg":"抱歉，您没有访问该接口的权限，权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。","data":null}"#;
        assert_eq!(per_minute(200, refused), None);
        let said = |msg: &str| refusal("daily_basic", 40203, msg.into());
        assert!(matches!(
            said("抱歉，您没有访问该接口的权限，权限的具体详情访问：…"),
            FetchError::NoPermission { .. }
        ));
        assert!(matches!(
            said("没有接口访问权限"),
            FetchError::NoPermission { .. }
        ));
        let quota = said("抱歉，您每天最多访问该接口2000次，权限的具体详情访问：…");
        assert!(matches!(quota, FetchError::Refused { .. }), "{quota:?}");
        assert!(
            quota
                .to_string()
                .contains("quota for daily_basic is used up")
        );
    }

    #[test]
    fn an_item_shorter_than_its_fields_is_malformed_not_a_halt() {
        let data: Data = serde_json::from_str(
            r#"{"fields":["ts_code","trade_date","close"],"items":[["300308.SZ","20250506"]]}"#,
        )
        .unwrap();
        let err = table("daily", "close", data).unwrap_err();
        assert!(
            err.to_string()
                .contains(r#"item ["300308.SZ","20250506"] has 2 values for 3 fields"#),
            "{err}"
        );
    }
}
