//! Why one symbol could not be fetched: each reason said once, with what to do.

use crate::store::import::{ImportError, Problem};

/// Why fetching one symbol failed; its cached file is then left byte-identical.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("{source_name} has no series for {code}; check the symbol, or try another --source")]
    UnknownSymbol {
        source_name: &'static str,
        code: String,
    },
    #[error("{0}")]
    NotCovered(String),
    #[error("HTTP {status} from {source_name}{detail}; {hint}")]
    Status {
        source_name: &'static str,
        status: u16,
        detail: String,
        hint: &'static str,
    },
    #[error(
        "{source_name} did not answer within {seconds}s ({}); try again later or raise SPILLOVER_FETCH_TIMEOUT_MS",
        attempts_text(*attempts)
    )]
    Timeout {
        source_name: &'static str,
        seconds: f64,
        attempts: u32,
    },
    #[error("cannot reach {source_name}: {detail}; check the network or the base URL ({variable})")]
    Connection {
        source_name: &'static str,
        detail: String,
        variable: &'static str,
    },
    #[error(
        "{source_name} answered with an HTML page instead of JSON (a consent, captcha or error page); try again later"
    )]
    Html { source_name: &'static str },
    #[error("{source_name} answered with malformed JSON ({detail}); try again later")]
    Malformed {
        source_name: &'static str,
        detail: String,
    },
    #[error("{source_name} refused the request: {message}")]
    Refused {
        source_name: &'static str,
        message: String,
    },
    #[error(
        "{source_name} sent a row the cache does not accept ({date}: {problem}); nothing was written"
    )]
    BadRow {
        source_name: &'static str,
        date: String,
        problem: Problem,
    },
    #[error("{source_name} returned no rows between {from} and {to}")]
    NoRows {
        source_name: &'static str,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    #[error("{0}")]
    Write(String),
}

/// `1 attempt`, `3 attempts`.
pub fn attempts_text(n: u32) -> String {
    if n == 1 {
        "1 attempt".into()
    } else {
        format!("{n} attempts")
    }
}

impl From<ImportError> for FetchError {
    fn from(err: ImportError) -> FetchError {
        FetchError::Write(err.to_string())
    }
}
