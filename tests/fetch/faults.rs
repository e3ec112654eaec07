//! The faults of issue 22 against the loopback server: rows outside the
//! asked dates or on closed days, a rate limit against a refusal, cached
//! columns kept, malformed items, a dry run without a token, and messages
//! that say what happened once.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::support::*;

/// A recorded Tushare table cut to the request's `start_date..=end_date`,
/// as Tushare cuts it (the recordings hold 2025-04-01..2025-05-23).
fn recorded(request: &Request) -> Value {
    let body = request.json();
    let api = body["api_name"].as_str().unwrap_or("").to_string();
    let mut answer: Value = serde_json::from_str(&fixture(&format!("tushare/{api}.json")))
        .unwrap_or_else(|_| serde_json::from_str(&fixture("tushare/no_permission.json")).unwrap());
    let start = body["params"]["start_date"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let end = body["params"]["end_date"]
        .as_str()
        .unwrap_or("")
        .to_string();
    if let Some(items) = answer["data"]["items"].as_array_mut() {
        items.retain(|item| {
            let date = item[1].as_str().unwrap_or("");
            date >= start.as_str() && date <= end.as_str()
        });
    }
    answer
}

fn api(request: &Request) -> String {
    request.json()["api_name"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

const PER_MINUTE: &str = r#"{"request_id":"5f0c","code":40203,"msg":"抱歉，您每分钟最多访问该接口500次，权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。","data":null}"#;

fn tushare_fetch(home: &std::path::Path, url: &str, to: &str) -> std::process::Output {
    spillover(home, url)
        .env("TUSHARE_TOKEN", TOKEN)
        .env("SPILLOVER_FETCH_RATE_WAIT_MS", "20")
        .args(["fetch", "300308.SZ", "--source", "tushare", "--to", to])
        .output()
        .unwrap()
}

#[test]
fn fault_1_tushare_rows_after_to_or_on_a_saturday_are_said_not_stored() {
    // Tushare's answer carries a row dated 2099-01-05 and one on Saturday
    // 2025-04-26, in all three tables.
    let server = Server::start(|request, _| {
        let mut answer = recorded(request);
        let value = match api(request).as_str() {
            "daily" => json!([110.0, 112.0, 109.0, 111.0, 180000.0]),
            "adj_factor" => json!([1.3]),
            _ => json!([12000000.0]),
        };
        if let Some(items) = answer["data"]["items"].as_array_mut() {
            for date in ["20990105", "20250426"] {
                let mut item = vec![json!("300308.SZ"), json!(date)];
                item.extend(value.as_array().unwrap().iter().cloned());
                items.insert(0, Value::Array(item));
            }
        }
        Reply::json(answer.to_string())
    });
    let home = home();
    let out = tushare_fetch(home.path(), &server.url, "2025-05-16");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("up to 2025-05-16"), "{text}");
    assert!(
        text.contains("300308.SZ: 1 row outside the asked 2018-01-01..2025-05-16 not stored (2099-01-05 (Mon))"),
        "{text}"
    );
    assert!(
        text.contains(
            "300308.SZ: 1 row on days its market is closed not stored (2025-04-26 (Sat))"
        ),
        "{text}"
    );
    let t = table(home.path(), "300308.SZ");
    assert_eq!(t.rows.len(), 30);
    assert_eq!(t.rows.last().unwrap().date, d("2025-05-16"));
    assert!(t.rows.iter().all(|r| r.date != d("2025-04-26")));
}

#[test]
fn fault_1_yahoo_and_eastmoney_drop_a_saturday_row_too() {
    // Each source's answer gains a row on Saturday 2025-04-26.
    let recorded = fixture("yahoo/chart_template.json");
    let yahoo = yahoo_route(recorded);
    let server = Server::start(move |request, n| {
        if request.path() == "/api/qt/stock/kline/get" {
            let mut kline: Value =
                serde_json::from_str(&fixture(match request.query("fqt").as_deref() {
                    Some("2") => "eastmoney/kline_fqt2.json",
                    _ => "eastmoney/kline_fqt0.json",
                }))
                .unwrap();
            kline["data"]["klines"].as_array_mut().unwrap().push(json!(
                "2025-04-26,100.0,101.0,102.0,99.0,1000,1.0e6,1,1,1,1"
            ));
            return Reply::json(kline.to_string());
        }
        let mut chart: Value = serde_json::from_str(&yahoo(request, n).body).unwrap();
        let result = &mut chart["chart"]["result"][0];
        let saturday = 1_745_625_600; // 2025-04-26 00:00 UTC, 08:00 in the +08:00 of the answer
        result["timestamp"]
            .as_array_mut()
            .unwrap()
            .push(json!(saturday));
        for field in ["open", "high", "low", "close", "volume"] {
            result["indicators"]["quote"][0][field]
                .as_array_mut()
                .unwrap()
                .push(json!(100.0));
        }
        result["indicators"]["adjclose"][0]["adjclose"]
            .as_array_mut()
            .unwrap()
            .push(json!(100.0));
        Reply::json(chart.to_string())
    });
    for source in ["yahoo", "eastmoney"] {
        let home = home();
        let out = spillover(home.path(), &server.url)
            .args([
                "fetch",
                "300308.SZ",
                "--source",
                source,
                "--to",
                "2025-05-16",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{source}: {}", stdout(&out));
        assert!(
            stdout(&out).contains("on days its market is closed not stored (2025-04-26 (Sat))"),
            "{source}: {}",
            stdout(&out)
        );
        let t = table(home.path(), "300308.SZ");
        assert_eq!(t.rows.len(), 30, "{source}");
    }
}

#[test]
fn fault_2_a_per_minute_limit_is_waited_out_and_retried() {
    // The first daily_basic is refused for the per-minute limit (code
    // 40203, like a missing permission); the retry gets the mcap.
    let server = Server::start(|request, n| {
        // Requests 0, 1, 2: daily, adj_factor, the first daily_basic.
        if n == 2 {
            Reply::json(PER_MINUTE)
        } else {
            Reply::json(recorded(request).to_string())
        }
    });
    let home = home();
    let out = tushare_fetch(home.path(), &server.url, "2025-05-16");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stdout(&out).contains("no mcap"), "{}", stdout(&out));
    let apis: Vec<String> = server.requests().iter().map(api).collect();
    assert_eq!(apis, ["daily", "adj_factor", "daily_basic", "daily_basic"]);
    let t = table(home.path(), "300308.SZ");
    assert!(t.rows.iter().all(|r| r.mcap.is_some()));
}

#[test]
fn fault_2_and_3_a_limit_that_lasts_fails_the_symbol_and_keeps_its_mcap() {
    let home = home();
    let good = Server::start(|request, _| Reply::json(recorded(request).to_string()));
    let first = tushare_fetch(home.path(), &good.url, "2025-05-16");
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    let before = snapshot(home.path());
    let limited = Server::start(|request, _| match api(request).as_str() {
        "daily_basic" => Reply::json(PER_MINUTE),
        _ => Reply::json(recorded(request).to_string()),
    });
    let out = tushare_fetch(home.path(), &limited.url, "2025-05-23");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "Tushare still limits how often it may be asked after 3 attempts: 抱歉，您每分钟最多访问该接口500次"
        ),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("permission"), "{}", stdout(&out));
    // SPILLOVER_FETCH_RETRIES=2: three daily_basic requests, then nothing written.
    let asked = limited
        .requests()
        .iter()
        .filter(|r| api(r) == "daily_basic")
        .count();
    assert_eq!(asked, 3);
    assert_eq!(snapshot(home.path()), before, "the cache is byte-identical");
}

#[test]
fn fault_3_a_refused_daily_basic_keeps_the_cached_mcap() {
    let home = home();
    let good = Server::start(|request, _| Reply::json(recorded(request).to_string()));
    let first = tushare_fetch(home.path(), &good.url, "2025-05-16");
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    let cached = table(home.path(), "300308.SZ");
    let refused = Server::start(|request, _| match api(request).as_str() {
        "daily_basic" => Reply::json(fixture("tushare/no_permission.json")),
        _ => Reply::json(recorded(request).to_string()),
    });
    let out = tushare_fetch(home.path(), &refused.url, "2025-05-23");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("no mcap: the token has no daily_basic permission"),
        "{text}"
    );
    // The update asks from 2025-05-12: five overlap rows keep their mcap.
    assert!(
        text.contains("kept the cached mcap on 5 rows (Tushare sent none for them)"),
        "{text}"
    );
    let after = table(home.path(), "300308.SZ");
    for row in &cached.rows {
        let now = after.rows.iter().find(|r| r.date == row.date).unwrap();
        assert_eq!(now.mcap, row.mcap, "{}", row.date);
    }
    let new: Vec<_> = after
        .rows
        .iter()
        .filter(|r| r.date > d("2025-05-16"))
        .collect();
    assert_eq!(new.len(), 5);
    assert!(new.iter().all(|r| r.mcap.is_none()));
}

#[test]
fn fault_4_a_short_item_fails_the_symbol_as_malformed() {
    let server = Server::start(|request, _| {
        let mut answer = recorded(request);
        if api(request) == "daily" {
            // 2025-05-06 loses its vol: six values for seven fields.
            let items = answer["data"]["items"].as_array_mut().unwrap();
            let item = items.iter_mut().find(|i| i[1] == "20250506").unwrap();
            item.as_array_mut().unwrap().pop();
        }
        Reply::json(answer.to_string())
    });
    let home = home();
    let before = snapshot(home.path());
    let out = tushare_fetch(home.path(), &server.url, "2025-05-16");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            r#"Tushare answered with malformed JSON (daily: item ["300308.SZ","20250506",112.62,114.55,111.49,113.19] has 6 values for 7 fields)"#
        ),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("halted"), "{}", stdout(&out));
    assert_eq!(snapshot(home.path()), before);
}

#[test]
fn fault_6_a_tushare_dry_run_needs_no_token_and_asks_nothing() {
    let server = Server::start(|_, _| Reply::json(fixture("tushare/no_permission.json")));
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .args([
            "fetch",
            "300308.SZ",
            "9988.HK",
            "--source",
            "tushare",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Would fetch 2 symbols from Tushare (dry run"),
        "{text}"
    );
    assert!(text.contains("9988.HK    09988.HK"), "{text}");
    assert!(server.requests().is_empty());
    assert_eq!(snapshot(home.path()), before);
}

#[test]
fn fault_7_an_echoed_token_is_hidden_and_the_refusal_said_once() {
    // The server echoes the request, token included, in its message.
    let server = Server::start(|request, _| {
        Reply::json(
            json!({"code": -2001, "msg": format!("参数错误: {}", request.body), "data": null})
                .to_string(),
        )
    });
    let home = home();
    let out = tushare_fetch(home.path(), &server.url, "2025-05-16");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(
        text.matches("Tushare refused the request").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("Tushare refused the request: daily: 参数错误:"),
        "{text}"
    );
    assert!(text.contains(r#""token":"***""#), "{text}");
    assert!(!text.contains(TOKEN), "{text}");
}

#[test]
fn fault_7_a_body_over_the_limit_is_not_called_unreachable() {
    // 11 MB of JSON-looking padding: more than any daily history.
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(11 * 1024 * 1024));
    let server = Server::start(move |_, _| Reply::json(huge.clone()));
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .args([
            "fetch",
            "300308.SZ",
            "--source",
            "eastmoney",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("Eastmoney answered with more than 10 MB, far more than a daily history"),
        "{text}"
    );
    assert!(!text.contains("cannot reach"), "{text}");
    assert_eq!(server.requests().len(), 1, "not retried");
    assert_eq!(snapshot(home.path()), before);
}

#[test]
fn fault_7_retry_after_as_an_http_date_is_honoured() {
    // From the first request on: too many requests until a whole second
    // two to three seconds ahead, said as an HTTP date; asked again before
    // it (the 10 ms back-off), the server would refuse again.
    let until: std::sync::Mutex<Option<DateTime<Utc>>> = std::sync::Mutex::new(None);
    let yahoo = yahoo_route(fixture("yahoo/chart_template.json"));
    let server = Server::start(move |request, n| {
        let until = *until.lock().unwrap().get_or_insert_with(|| {
            DateTime::from_timestamp(Utc::now().timestamp() + 3, 0).unwrap()
        });
        if Utc::now() < until {
            let date = until.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
            Reply::status(429, fixture("yahoo/too_many_requests.txt")).header("Retry-After", date)
        } else {
            yahoo(request, n)
        }
    });
    let home = home();
    let out = spillover(home.path(), &server.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn an_empty_eastmoney_answer_is_throttling_and_retried() {
    let server = Server::start(|request, n| {
        if n == 0 {
            return Reply::json("");
        }
        match request.query("fqt").as_deref() {
            Some("2") => Reply::json(fixture("eastmoney/kline_fqt2.json")),
            _ => Reply::json(fixture("eastmoney/kline_fqt0.json")),
        }
    });
    let home = home();
    let out = spillover(home.path(), &server.url)
        .args([
            "fetch",
            "300308.SZ",
            "--source",
            "eastmoney",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(server.requests().len(), 3);
    assert_eq!(table(home.path(), "300308.SZ").rows.len(), 30);
}

#[test]
fn an_answer_without_adj_close_never_erases_the_cached_one() {
    let home = home();
    let good = Server::start(yahoo_route(fixture("yahoo/chart_template.json")));
    let first = spillover(home.path(), &good.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-16"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stdout(&first));
    let before = snapshot(home.path());
    // The same chart without its adjclose indicator.
    let yahoo = yahoo_route(fixture("yahoo/chart_template.json"));
    let bare = Server::start(move |request, n| {
        let mut chart: Value = serde_json::from_str(&yahoo(request, n).body).unwrap();
        chart["chart"]["result"][0]["indicators"]
            .as_object_mut()
            .unwrap()
            .remove("adjclose");
        Reply::json(chart.to_string())
    });
    let out = spillover(home.path(), &bare.url)
        .args(["fetch", "300308.SZ", "--to", "2025-05-23"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "Yahoo sent no adj_close this time while the cache has it; nothing was written"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(snapshot(home.path()), before);
}
