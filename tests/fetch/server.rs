//! A loopback HTTP server replaying recorded answers: one thread per
//! connection, `Connection: close`, every request kept for the test to read.
//! Shared by the fetch tests and `examples/fetch_server.rs`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, e.g. `/v8/finance/chart/300308.SZ?period1=...`.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    pub fn query(&self, key: &str) -> Option<String> {
        let (_, query) = self.target.split_once('?')?;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == key).then(|| v.to_string())
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The JSON body of a POST (Tushare).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// What to answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    /// Wait this long before answering (a timeout test).
    pub delay: Duration,
    /// Headers besides the content type and length (e.g. `Retry-After`).
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn json(body: impl Into<String>) -> Reply {
        Reply::status(200, body)
    }

    pub fn status(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: "application/json;charset=utf-8",
            body: body.into(),
            delay: Duration::ZERO,
            headers: Vec::new(),
        }
    }

    pub fn html(body: impl Into<String>) -> Reply {
        Reply {
            content_type: "text/html; charset=utf-8",
            ..Reply::json(body)
        }
    }

    pub fn after(self, delay: Duration) -> Reply {
        Reply { delay, ..self }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

type Route = dyn Fn(&Request, usize) -> Reply + Send + Sync;

/// A server that accepts every connection and never answers (a hung
/// service); it counts the connections and lives as long as the test process.
pub struct Silent {
    pub url: String,
    accepted: Arc<Mutex<Vec<TcpStream>>>,
}

impl Silent {
    pub fn start() -> Silent {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let accepted: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let held = Arc::clone(&accepted);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // Kept open, never read nor written.
                held.lock().unwrap().push(stream);
            }
        });
        Silent { url, accepted }
    }

    pub fn connections(&self) -> usize {
        self.accepted.lock().unwrap().len()
    }
}

/// A loopback address where nothing listens: every connection is refused.
pub fn refusing_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("local address"));
    drop(listener);
    url
}

/// A running server; it lives as long as the test process.
pub struct Server {
    pub url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Starts a server answering every request with `route(request, n)`,
    /// `n` counting the requests before this one.
    pub fn start(route: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_on("127.0.0.1:0", route)
    }

    pub fn start_on(
        address: &str,
        route: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind(address).expect("bind a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let requests: Arc<Mutex<Vec<Request>>> = Arc::default();
        let route: Arc<Route> = Arc::new(route);
        let seen = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let route = Arc::clone(&route);
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || serve(stream, route.as_ref(), &seen));
            }
        });
        Server { url, requests }
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, route: &Route, seen: &Mutex<Vec<Request>>) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    let n = {
        let mut seen = seen.lock().unwrap();
        seen.push(request.clone());
        seen.len() - 1
    };
    let reply = route(&request, n);
    std::thread::sleep(reply.delay);
    let reason = match reply.status {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let extra: String = reply
        .headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\r\n"))
        .collect();
    let head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    let mut stream = stream;
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(reply.body.as_bytes());
    let _ = stream.flush();
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((k, v)) = header.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fetch")
}

/// A recorded answer, as text.
pub fn fixture(name: &str) -> String {
    let path = fixtures_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A Yahoo chart answer for `symbol` cut to `period1..period2` (UTC
/// seconds), from a recorded history: what Yahoo sends for that window.
pub fn yahoo_window(recorded: &str, symbol: &str, period1: i64, period2: i64) -> String {
    let mut chart: Value = serde_json::from_str(recorded).expect("a recorded chart");
    let result = &mut chart["chart"]["result"][0];
    result["meta"]["symbol"] = Value::from(symbol);
    let stamps: Vec<i64> = result["timestamp"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    let keep: Vec<bool> = stamps
        .iter()
        .map(|t| (period1..period2).contains(t))
        .collect();
    let cut = |values: &mut Value| {
        if let Some(items) = values.as_array_mut() {
            let mut k = 0;
            items.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
    };
    cut(&mut result["timestamp"]);
    for field in ["open", "high", "low", "close", "volume"] {
        cut(&mut result["indicators"]["quote"][0][field]);
    }
    cut(&mut result["indicators"]["adjclose"][0]["adjclose"]);
    chart.to_string()
}

/// Answers Yahoo chart requests from a recorded history, for any symbol.
pub fn yahoo_route(recorded: String) -> impl Fn(&Request, usize) -> Reply + Send + Sync {
    move |request, _| {
        let Some(symbol) = request.path().strip_prefix("/v8/finance/chart/") else {
            return Reply::status(404, fixture("yahoo/not_found.json"));
        };
        let number = |key| request.query(key).and_then(|v| v.parse().ok()).unwrap_or(0);
        Reply::json(yahoo_window(
            &recorded,
            symbol,
            number("period1"),
            number("period2"),
        ))
    }
}
