//! How a service says "too many requests" and how long it asks us to wait:
//! `Retry-After` in seconds or as an HTTP date, and the answers that mean a
//! rate limit although their status is 200 (Tushare's per-minute message,
//! Eastmoney's empty answer).

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};

/// The longest a `Retry-After` header may make us wait.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// A rate-limit answer that came with status 200.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limited {
    /// A limit per minute (Tushare): wait out the minute
    /// (`SPILLOVER_FETCH_RATE_WAIT_MS`) before asking again.
    PerMinute(String),
    /// Throttled without a stated wait (Eastmoney): the usual back-off.
    Throttled(String),
}

impl Limited {
    /// What the service said, for the message when the retries run out.
    pub fn detail(&self) -> &str {
        match self {
            Limited::PerMinute(detail) | Limited::Throttled(detail) => detail,
        }
    }
}

/// The wait a `Retry-After` value asks for, at most [`MAX_RETRY_AFTER`]:
/// delay-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`,
/// and the obsolete RFC 850 and asctime forms), counted from `now`. A date
/// in the past asks for no wait; anything else unreadable is `None`.
pub fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds).min(MAX_RETRY_AFTER));
    }
    let at = http_date(value)?;
    let wait = (at - now).to_std().unwrap_or_default();
    Some(wait.min(MAX_RETRY_AFTER))
}

/// An HTTP date (RFC 9110 §5.6.7): IMF-fixdate, RFC 850 or asctime, in GMT.
fn http_date(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc2822(value) {
        return Some(t.with_timezone(&Utc));
    }
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn seconds_and_every_http_date_form_are_read() {
        let secs = |s| Some(Duration::from_secs(s));
        assert_eq!(retry_after("5", now()), secs(5));
        assert_eq!(retry_after("3600", now()), Some(MAX_RETRY_AFTER));
        // Twelve seconds after `now`, in the three forms RFC 9110 allows.
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:12 GMT", now()),
            secs(12)
        );
        assert_eq!(
            retry_after("Wednesday, 21-Oct-15 07:28:12 GMT", now()),
            secs(12)
        );
        assert_eq!(retry_after("Wed Oct 21 07:28:12 2015", now()), secs(12));
        // A date already past: ask again at once; a far one: the cap.
        assert_eq!(retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now()), secs(0));
        assert_eq!(
            retry_after("Thu, 22 Oct 2015 07:28:00 GMT", now()),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(retry_after("soon", now()), None);
        assert_eq!(retry_after("-5", now()), None);
    }
}
