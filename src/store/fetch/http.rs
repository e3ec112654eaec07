//! The one HTTP client of every source: blocking (ureq, rustls), a connect
//! timeout apart from the whole request's, bounded retries with backoff on
//! timeouts, dropped connections, rate limits and 5xx, a size limit on bodies.

use std::time::Duration;

use serde::de::DeserializeOwned;

use super::FetchError;
use super::limits::{Limited, retry_after};

/// How patient a source is with its service.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HttpConfig {
    /// The whole of one request, connect to last byte.
    pub timeout: Duration,
    /// Opening the connection (a dead host is known in seconds).
    pub connect_timeout: Duration,
    /// Attempts after the first, on a dropped connection, a rate limit or
    /// 5xx; a timeout is tried again once at most.
    pub retries: u32,
    /// The wait before the first retry; doubled before each next one.
    pub backoff: Duration,
    /// The wait after a per-minute limit (Tushare's), before asking again.
    pub rate_wait: Duration,
}

impl Default for HttpConfig {
    fn default() -> HttpConfig {
        HttpConfig {
            timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(5),
            retries: 3,
            backoff: Duration::from_secs(1),
            rate_wait: Duration::from_secs(60),
        }
    }
}

/// The largest answer read (a whole history is well under 1 MB).
pub const MAX_BODY: u64 = 10 * 1024 * 1024;

impl HttpConfig {
    /// The defaults, changed by `SPILLOVER_FETCH_TIMEOUT_MS`,
    /// `SPILLOVER_FETCH_CONNECT_TIMEOUT_MS`, `SPILLOVER_FETCH_RETRIES`,
    /// `SPILLOVER_FETCH_BACKOFF_MS` and `SPILLOVER_FETCH_RATE_WAIT_MS`.
    pub fn from_env() -> HttpConfig {
        let mut config = HttpConfig::default();
        if let Some(ms) = env_number("SPILLOVER_FETCH_TIMEOUT_MS") {
            config.timeout = Duration::from_millis(ms.max(1));
        }
        if let Some(ms) = env_number("SPILLOVER_FETCH_CONNECT_TIMEOUT_MS") {
            config.connect_timeout = Duration::from_millis(ms.max(1));
        }
        if let Some(n) = env_number("SPILLOVER_FETCH_RETRIES") {
            config.retries = u32::try_from(n.min(10)).unwrap_or(10);
        }
        if let Some(ms) = env_number("SPILLOVER_FETCH_BACKOFF_MS") {
            config.backoff = Duration::from_millis(ms);
        }
        if let Some(ms) = env_number("SPILLOVER_FETCH_RATE_WAIT_MS") {
            config.rate_wait = Duration::from_millis(ms);
        }
        config
    }
}

/// A whole number from the environment; unset or not a number is `None`.
pub fn env_number(variable: &str) -> Option<u64> {
    std::env::var(variable).ok()?.trim().parse().ok()
}

/// The answer to a request that was not retried away: any status but 429/5xx.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// Which service a client talks to, for messages.
#[derive(Debug, Clone, Copy)]
pub struct Service {
    pub name: &'static str,
    /// The environment variable that overrides its base URL.
    pub variable: &'static str,
    /// Reads a rate limit in an answer whose status is not 429.
    pub limited: fn(status: u16, body: &str) -> Option<Limited>,
}

/// A service that says a rate limit only with HTTP 429.
pub fn no_limit(_: u16, _: &str) -> Option<Limited> {
    None
}

pub struct Http {
    agent: ureq::Agent,
    config: HttpConfig,
    service: Service,
}

/// Yahoo answers 429 to clients that do not look like a browser.
const USER_AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

enum Attempt {
    Done(Answer),
    /// Worth another try: why, and how long the server asked us to wait.
    Retry(FetchError, Option<Duration>),
    Fail(FetchError),
}

impl Http {
    pub fn new(service: Service, config: HttpConfig) -> Http {
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .timeout_global(Some(config.timeout))
                .timeout_connect(Some(config.connect_timeout))
                .http_status_as_error(false)
                .user_agent(USER_AGENT)
                .build(),
        );
        Http {
            agent,
            config,
            service,
        }
    }

    pub fn get(&self, url: &str) -> Result<Answer, FetchError> {
        self.with_retries(|| {
            self.agent
                .get(url)
                .header("Accept", "application/json")
                .call()
        })
    }

    /// Posts a JSON body (Tushare); the body is never part of an error.
    pub fn post_json(&self, url: &str, body: &str) -> Result<Answer, FetchError> {
        self.with_retries(|| {
            self.agent
                .post(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .send(body)
        })
    }

    fn with_retries(
        &self,
        send: impl Fn() -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Answer, FetchError> {
        let mut wait = self.config.backoff;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (err, asked) = match self.classify(send(), attempt) {
                Attempt::Done(answer) => return Ok(answer),
                Attempt::Fail(err) => return Err(err),
                Attempt::Retry(err, asked) => (err, asked),
            };
            // A server that hung once will likely hang again: one more try.
            let hung = matches!(
                err,
                FetchError::Timeout { .. } | FetchError::ConnectTimeout { .. }
            );
            let allowed = if hung {
                self.config.retries.min(1)
            } else {
                self.config.retries
            };
            if attempt > allowed {
                return Err(err);
            }
            tracing::info!(service = self.service.name, attempt, "retrying: {err}");
            std::thread::sleep(wait.max(asked.unwrap_or_default()));
            wait = wait.saturating_mul(2);
        }
    }

    fn classify(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        attempt: u32,
    ) -> Attempt {
        let name = self.service.name;
        let mut response = match result {
            Ok(response) => response,
            Err(err) => return self.transport_error(err, attempt),
        };
        let status = response.status().as_u16();
        let asked = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| retry_after(v, chrono::Utc::now()));
        let body = match response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
        {
            Ok(body) => body,
            Err(err) => return self.transport_error(err, attempt),
        };
        let busy = |hint| {
            Attempt::Retry(
                FetchError::Status {
                    source_name: name,
                    status,
                    detail: format!(" after {}", super::error::attempts_text(attempt)),
                    hint,
                },
                asked,
            )
        };
        if let Some(limited) = (self.service.limited)(status, &body) {
            let wait = match limited {
                Limited::PerMinute(_) => Some(self.config.rate_wait),
                Limited::Throttled(_) => asked,
            };
            let err = FetchError::RateLimited {
                source_name: name,
                detail: limited.detail().to_string(),
                attempts: attempt,
            };
            return Attempt::Retry(err, wait);
        }
        match status {
            429 => {
                busy("the service limits how often it may be asked; wait a while and fetch again")
            }
            500..=599 => busy("the service is failing; try again later"),
            _ => Attempt::Done(Answer { status, body }),
        }
    }

    fn transport_error(&self, err: ureq::Error, attempts: u32) -> Attempt {
        let name = self.service.name;
        let timeout = || FetchError::Timeout {
            source_name: name,
            seconds: self.config.timeout.as_secs_f64(),
            attempts,
        };
        let connection = |detail: String| FetchError::Connection {
            source_name: name,
            detail,
            variable: self.service.variable,
        };
        match err {
            ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                Attempt::Retry(
                    FetchError::ConnectTimeout {
                        source_name: name,
                        seconds: self.config.connect_timeout.as_secs_f64(),
                        attempts,
                        variable: self.service.variable,
                    },
                    None,
                )
            }
            ureq::Error::Timeout(_) | ureq::Error::BodyStalled => Attempt::Retry(timeout(), None),
            ureq::Error::Io(io) if retryable_io(&io) => {
                Attempt::Retry(connection(format!("the connection dropped ({io})")), None)
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Attempt::Retry(timeout(), None)
            }
            ureq::Error::BodyExceedsLimit(_) => Attempt::Fail(FetchError::TooLarge {
                source_name: name,
                limit_mb: MAX_BODY / (1024 * 1024),
            }),
            err @ (ureq::Error::Io(_)
            | ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::Tls(_)
            | ureq::Error::Rustls(_)
            | ureq::Error::BadUri(_)) => Attempt::Fail(connection(err.to_string())),
            other => Attempt::Fail(FetchError::BadAnswer {
                source_name: name,
                detail: other.to_string(),
            }),
        }
    }
}

fn retryable_io(err: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        err.kind(),
        ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof | Interrupted
    )
}

/// Reads a JSON answer: an HTML page or broken JSON is said as such.
pub fn parse_json<T: DeserializeOwned>(service: Service, body: &str) -> Result<T, FetchError> {
    let text = body.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('<') {
        return Err(FetchError::Html {
            source_name: service.name,
        });
    }
    serde_json::from_str(text).map_err(|err| FetchError::Malformed {
        source_name: service.name,
        detail: err.to_string(),
    })
}

/// The first line of a body, short enough for a message.
pub fn excerpt(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let short: String = line.chars().take(120).collect();
    if short.is_empty() {
        String::new()
    } else if short.len() < line.len() {
        format!(": {short}…")
    } else {
        format!(": {short}")
    }
}

/// `%`-encodes a query value (symbols hold `^` and `.`).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERVICE: Service = Service {
        name: "Test",
        variable: "TEST_URL",
        limited: no_limit,
    };

    #[test]
    fn an_html_page_and_broken_json_are_named() {
        let html = parse_json::<serde_json::Value>(SERVICE, "\n<!DOCTYPE html><html>");
        assert!(matches!(html, Err(FetchError::Html { .. })), "{html:?}");
        let broken = parse_json::<serde_json::Value>(SERVICE, "{\"chart\": {");
        assert!(
            matches!(broken, Err(FetchError::Malformed { .. })),
            "{broken:?}"
        );
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode("^HSTECH"), "%5EHSTECH");
        assert_eq!(encode("div,split"), "div%2Csplit");
        assert_eq!(encode("300308.SZ"), "300308.SZ");
    }

    #[test]
    fn a_dead_source_costs_well_under_two_minutes_with_the_defaults() {
        let c = HttpConfig::default();
        // A hung server: two attempts of the whole timeout and one back-off
        // per symbol (a connect timeout is shorter), for the symbols in a
        // row after which the fetch stops asking.
        let per_symbol = c.timeout * 2 + c.backoff;
        let dead = per_symbol * super::super::UNREACHABLE_IN_A_ROW as u32;
        assert!(c.connect_timeout < c.timeout);
        assert!(dead <= Duration::from_secs(62), "{dead:?}");
    }
}
