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
    #[error(
        "cannot connect to {source_name} within {seconds}s ({}); check the network or the base URL ({variable}), or raise SPILLOVER_FETCH_CONNECT_TIMEOUT_MS",
        attempts_text(*attempts)
    )]
    ConnectTimeout {
        source_name: &'static str,
        seconds: f64,
        attempts: u32,
        variable: &'static str,
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
    #[error(
        "{source_name} answered with more than {limit_mb} MB, far more than a daily history; nothing was read (a wrong base URL or a broken server)"
    )]
    TooLarge {
        source_name: &'static str,
        limit_mb: u64,
    },
    #[error("{source_name} sent an answer that is not valid HTTP ({detail}); try again later")]
    BadAnswer {
        source_name: &'static str,
        detail: String,
    },
    #[error(
        "{source_name} still limits how often it may be asked after {}: {detail}; wait a few minutes and fetch again",
        attempts_text(*attempts)
    )]
    RateLimited {
        source_name: &'static str,
        detail: String,
        attempts: u32,
    },
    #[error(
        "{source_name} says the token may not use {api}: {message}; it needs more Tushare points, or use another --source"
    )]
    NoPermission {
        source_name: &'static str,
        api: String,
        message: String,
    },
    #[error(
        "{source_name} sent no {column} this time while the cache has it; nothing was written (fetch again later, or with --full to replace the history by one without {column})"
    )]
    MissingColumn {
        source_name: &'static str,
        column: &'static str,
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

impl FetchError {
    /// How the service could not be reached or did not answer, when that
    /// is why: a source down, a wrong base URL, a dead network. The fetch
    /// stops asking after two symbols in a row end this way.
    pub fn unreachable(&self) -> Option<String> {
        match self {
            FetchError::Timeout { seconds, .. } => Some(format!("no answer within {seconds}s")),
            FetchError::ConnectTimeout { seconds, .. } => {
                Some(format!("no connection within {seconds}s"))
            }
            FetchError::Connection { detail, .. } => Some(format!("cannot connect: {detail}")),
            _ => None,
        }
    }

    /// The same error with `f` applied to every text it carries (a message
    /// of the service, a detail): how a secret is kept out of it.
    pub fn map_text(mut self, f: impl Fn(&str) -> String) -> FetchError {
        use FetchError::*;
        let text = match &mut self {
            NotCovered(text) | Write(text) => Some(text),
            UnknownSymbol { code: text, .. } | BadRow { date: text, .. } => Some(text),
            Status { detail: text, .. }
            | Connection { detail: text, .. }
            | Malformed { detail: text, .. }
            | BadAnswer { detail: text, .. }
            | RateLimited { detail: text, .. } => Some(text),
            NoPermission { message: text, .. } | Refused { message: text, .. } => Some(text),
            Timeout { .. }
            | ConnectTimeout { .. }
            | Html { .. }
            | TooLarge { .. }
            | MissingColumn { .. }
            | NoRows { .. } => None,
        };
        if let Some(text) = text {
            *text = f(text);
        }
        self
    }
}

impl From<ImportError> for FetchError {
    fn from(err: ImportError) -> FetchError {
        FetchError::Write(err.to_string())
    }
}
