//! Eastmoney and Tushare: their requests, their answers, their errors; the
//! Tushare token never leaves the request body.

use super::support::*;

fn eastmoney(request: &Request, _: usize) -> Reply {
    if request.path() != "/api/qt/stock/kline/get" {
        return Reply::status(404, "not found");
    }
    match (
        request.query("secid").as_deref(),
        request.query("fqt").as_deref(),
    ) {
        (Some("0.300308"), Some("0")) => Reply::json(fixture("eastmoney/kline_fqt0.json")),
        (Some("0.300308"), Some("2")) => Reply::json(fixture("eastmoney/kline_fqt2.json")),
        _ => Reply::json(fixture("eastmoney/kline_null.json")),
    }
}

#[test]
fn eastmoney_close_from_fqt0_and_adj_close_from_fqt2() {
    let server = Server::start(eastmoney);
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
    assert!(stdout(&out).contains("from Eastmoney"));
    assert!(
        stdout(&out).contains("300308.SZ  0.300308  replaced DEMO"),
        "{}",
        stdout(&out)
    );
    let t = table(home.path(), "300308.SZ");
    // 30 of the recorded 35 sessions are on or before --to.
    assert_eq!(t.rows.len(), 30);
    // kline "2025-04-01,112.06,112.62,113.97,110.93,180000,...": close before
    // high; volume in lots of 100; adj_close from the fqt=2 line (148.06).
    let first = t.rows[0];
    assert_eq!(
        (first.open, first.close, first.high, first.low),
        (Some(112.06), 112.62, Some(113.97), Some(110.93))
    );
    assert_eq!(first.adj_close, Some(148.06));
    assert_eq!(first.volume, Some(18_000_000.0));
    let asked: Vec<_> = server.requests().iter().map(|r| r.query("fqt")).collect();
    assert_eq!(asked, [Some("0".into()), Some("2".into())]);
    let r = &server.requests()[0];
    assert_eq!(r.query("klt").as_deref(), Some("101"));
    assert_eq!(r.query("beg").as_deref(), Some("20180101"));
    assert_eq!(r.query("end").as_deref(), Some("20250516"));
}

#[test]
fn eastmoney_data_null_is_an_unknown_code() {
    let server = Server::start(eastmoney);
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .args([
            "fetch",
            "9988.HK",
            "--source",
            "eastmoney",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("Eastmoney has no series for 116.09988"),
        "{}",
        stdout(&out)
    );
    assert_eq!(snapshot(home.path()), before);
}

fn tushare(request: &Request, _: usize) -> Reply {
    let body = request.json();
    match body["api_name"].as_str() {
        Some("daily") => Reply::json(fixture("tushare/daily.json")),
        Some("adj_factor") => Reply::json(fixture("tushare/adj_factor.json")),
        Some("daily_basic") => Reply::json(fixture("tushare/daily_basic.json")),
        _ => Reply::json(fixture("tushare/no_permission.json")),
    }
}

#[test]
fn tushare_daily_adj_factor_and_total_mv() {
    let server = Server::start(tushare);
    let home = home();
    let out = spillover(home.path(), &server.url)
        .env("TUSHARE_TOKEN", TOKEN)
        .args([
            "fetch",
            "300308.SZ",
            "--source",
            "tushare",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let t = table(home.path(), "300308.SZ");
    // Tushare answers newest first and with every recorded day (35): the
    // cache holds the 30 up to --to, sorted; the 5 after it are said.
    assert_eq!(t.rows.len(), 30);
    assert!(
        stdout(&out).contains("300308.SZ: 5 rows outside the asked 2018-01-01..2025-05-16 not stored (2025-05-19 (Mon), 2025-05-20 (Tue), 2025-05-21 (Wed), and 2 more)"),
        "{}",
        stdout(&out)
    );
    let first = t.rows[0];
    assert_eq!(first.date, d("2025-04-01"));
    // adj_close = close × adj_factor = 112.62 × 1.3147 = 148.061514.
    assert!((first.adj_close.unwrap() - 148.061514).abs() < 1e-9);
    // mcap = total_mv × 10 000 CNY; vol 180034 lots of 100 shares.
    assert!((first.mcap.unwrap() - 124_354_305_756.0).abs() < 1e-3);
    assert_eq!(first.volume, Some(18_003_400.0));
    let requests = server.requests();
    let apis: Vec<_> = requests
        .iter()
        .map(|r| r.json()["api_name"].clone())
        .collect();
    assert_eq!(apis, ["daily", "adj_factor", "daily_basic"]);
    let daily = requests[0].json();
    assert_eq!(daily["token"], TOKEN);
    assert_eq!(daily["params"]["ts_code"], "300308.SZ");
    assert_eq!(daily["params"]["start_date"], "20180101");
    assert_eq!(daily["params"]["end_date"], "20250516");
}

#[test]
fn a_tushare_permission_error_is_said_and_the_token_never_shown() {
    let server = Server::start(|_, _| Reply::json(fixture("tushare/no_permission.json")));
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .env("TUSHARE_TOKEN", TOKEN)
        .args([
            "fetch",
            "300308.SZ",
            "0700.HK",
            "HSTECH.HK",
            "--source",
            "tushare",
            "--to",
            "2025-05-16",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("Tushare says the token may not use daily: 抱歉，您没有访问该接口的权限"),
        "{text}"
    );
    assert!(
        text.contains("(code 40203); it needs more Tushare points"),
        "{text}"
    );
    assert!(
        text.contains("Tushare says the token may not use hk_daily_adj:"),
        "{text}"
    );
    assert!(
        text.contains("Tushare Pro has no daily series of the Hang Seng TECH index; fetch HSTECH.HK with --source yahoo"),
        "{text}"
    );
    assert_eq!(snapshot(home.path()), before);
    // The token went to the server, and nowhere else.
    assert_eq!(server.requests()[0].json()["token"], TOKEN);
    assert!(!text.contains(TOKEN) && !stderr(&out).contains(TOKEN));
    let log = std::fs::read_to_string(home.path().join("spillover.log")).unwrap();
    assert!(log.contains("fetch failed"), "{log}");
    for (path, bytes) in snapshot(home.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(TOKEN), "{} holds the token", path.display());
    }
    assert!(!log.contains(TOKEN));
    // The JSON summary neither.
    let json = spillover(home.path(), &server.url)
        .env("TUSHARE_TOKEN", TOKEN)
        .args(["fetch", "300308.SZ", "--source", "tushare", "--json"])
        .output()
        .unwrap();
    assert!(!stdout(&json).contains(TOKEN));
}

#[test]
fn tushare_without_a_token_asks_nothing() {
    let server = Server::start(tushare);
    let home = home();
    let before = snapshot(home.path());
    let out = spillover(home.path(), &server.url)
        .args(["fetch", "300308.SZ", "--source", "tushare"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: TUSHARE_TOKEN is not set; set it to your Tushare Pro token")
    );
    assert!(server.requests().is_empty());
    assert_eq!(snapshot(home.path()), before);
}
