//! The fetch tests' recorded server, to try `spillover fetch` by hand with
//! no network: Yahoo, Eastmoney and Tushare answers from tests/fixtures/fetch/.
//!
//! ```sh
//! cargo run --release --example fetch_server -- 8765 [good|html|malformed|split|slow|hang|huge|limited]
//! SPILLOVER_YAHOO_URL=http://127.0.0.1:8765 spillover fetch --to 2025-05-16
//! ```
//! `good` answers every symbol from the recorded history; the others answer
//! every Yahoo request badly in that way (an HTML page with status 200,
//! broken JSON, a split history, a 30-second wait, no answer for an hour,
//! an 11 MB body); `limited` answers Tushare's `daily_basic` with its
//! per-minute limit (code 40203).

#![allow(dead_code, reason = "the server module is shared with the tests")]

#[path = "../tests/fetch/server.rs"]
mod server;

use std::time::Duration;

use server::{Reply, Request, Server, fixture, yahoo_route};

fn main() {
    let mut args = std::env::args().skip(1);
    let port = args.next().unwrap_or_else(|| "8765".into());
    let mode = args.next().unwrap_or_else(|| "good".into());
    let recorded = match mode.as_str() {
        "split" => fixture("yahoo/chart_split.json"),
        _ => fixture("yahoo/chart_template.json"),
    };
    let yahoo = yahoo_route(recorded);
    let route = move |request: &Request, n: usize| -> Reply {
        if request.path().starts_with("/v8/finance/chart/") {
            return match mode.as_str() {
                "html" => Reply::html(fixture("yahoo/consent.html")),
                "malformed" => Reply::json(fixture("yahoo/malformed.json")),
                "slow" => yahoo(request, n).after(Duration::from_secs(30)),
                "hang" => yahoo(request, n).after(Duration::from_secs(3600)),
                "huge" => Reply::json("x".repeat(11 * 1024 * 1024)),
                _ => yahoo(request, n),
            };
        }
        if request.path() == "/api/qt/stock/kline/get" {
            return match request.query("fqt").as_deref() {
                Some("2") => Reply::json(fixture("eastmoney/kline_fqt2.json")),
                _ => Reply::json(fixture("eastmoney/kline_fqt0.json")),
            };
        }
        if request.method == "POST" {
            let api = request.json()["api_name"]
                .as_str()
                .unwrap_or("")
                .to_string();
            return match api.as_str() {
                "daily_basic" if mode == "limited" => Reply::json(
                    r#"{"code":40203,"msg":"抱歉，您每分钟最多访问该接口500次，权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。","data":null}"#,
                ),
                "daily" | "adj_factor" | "daily_basic" => {
                    Reply::json(fixture(&format!("tushare/{api}.json")))
                }
                _ => Reply::json(fixture("tushare/no_permission.json")),
            };
        }
        Reply::status(404, fixture("yahoo/not_found.json"))
    };
    let server = Server::start_on(&format!("127.0.0.1:{port}"), route);
    eprintln!("serving recorded answers on {}; Ctrl-C to stop", server.url);
    loop {
        std::thread::park();
    }
}
