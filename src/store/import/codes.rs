//! Bare exchange codes as Chinese terminals write them (`300308`, `00700`)
//! become symbols with the exchange's suffix, by the exchanges' code ranges.

use std::fmt;
use std::str::FromStr;

/// Which market a file's bare codes belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Market {
    /// Six-digit codes are A-shares (SZ/SH/BJ by range); shorter ones are
    /// left as they are.
    #[default]
    Auto,
    /// Codes of up to five digits are Hong Kong listings: `700` → `0700.HK`.
    Hk,
}

impl FromStr for Market {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hk" => Ok(Market::Hk),
            "cn" | "a" | "auto" => Ok(Market::Auto),
            other => Err(format!(
                "unknown market {other:?}; use hk (bare codes such as 700 are Hong Kong) or cn"
            )),
        }
    }
}

impl fmt::Display for Market {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Market::Auto => "cn",
            Market::Hk => "hk",
        })
    }
}

/// The exchange suffix of a six-digit A-share code, by the exchanges'
/// ranges: Shanghai 60xxxx and 688/689 (STAR), Shenzhen 00xxxx and 30xxxx
/// (ChiNext), Beijing 43xxxx, 83xxxx, 87xxxx, 88xxxx, 92xxxx.
fn a_share_suffix(code: &str) -> Option<&'static str> {
    match &code[..2] {
        "60" | "68" | "90" => Some("SH"),
        "00" | "30" | "20" => Some("SZ"),
        "43" | "83" | "87" | "88" | "92" => Some("BJ"),
        _ => None,
    }
}

/// A US listing as Eastmoney (`105.MSFT` Nasdaq, `106.ORCL` NYSE, `107.`
/// NYSE American) or Wind/iFinD (`MSFT.O`, `ORCL.N`) write it: its plain
/// ticker. (Stooq's `msft.us` is mapped by `Symbol::parse`; Tushare's
/// `us_daily` already writes plain tickers.)
pub fn us_ticker(code: &str) -> Option<&str> {
    let is_ticker = |t: &str| {
        !t.is_empty()
            && t.starts_with(|c: char| c.is_ascii_alphabetic())
            && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let ticker = ["105.", "106.", "107."]
        .iter()
        .find_map(|prefix| code.strip_prefix(prefix))
        .or_else(|| {
            [".O", ".N", ".o", ".n"]
                .iter()
                .find_map(|suffix| code.strip_suffix(suffix))
        })?;
    is_ticker(ticker).then_some(ticker)
}

/// `300308` → `300308.SZ`, `600000` → `600000.SH`, `830799` → `830799.BJ`;
/// with [`Market::Hk`], `700` and `00700` → `0700.HK`; `105.MSFT` and
/// `MSFT.O` → `MSFT`. Anything else (a code with a suffix, an index name)
/// comes back unchanged.
pub fn qualify(code: &str, market: Market) -> String {
    let code = code.trim();
    if let Some(ticker) = us_ticker(code) {
        return ticker.to_string();
    }
    let digits = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return code.to_string();
    }
    match market {
        Market::Hk if code.len() <= 5 => {
            let trimmed = code.trim_start_matches('0');
            format!("{trimmed:0>4}.HK")
        }
        _ if code.len() == 6 => match a_share_suffix(code) {
            Some(suffix) => format!("{code}.{suffix}"),
            None => code.to_string(),
        },
        _ => code.to_string(),
    }
}

/// A code read from a spreadsheet as a number (`300308.0`, or `2463` for
/// 002463 once Excel dropped the zeros): back to the digits a code has.
pub fn code_from_number(n: f64, market: Market) -> Option<String> {
    if !(n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < 1e6) {
        return None;
    }
    let n = n as u32;
    Some(match market {
        Market::Hk => n.to_string(),
        Market::Auto => format!("{n:06}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_codes_get_their_exchange() {
        let cn = |c| qualify(c, Market::Auto);
        assert_eq!(cn("300308"), "300308.SZ");
        assert_eq!(cn("002463"), "002463.SZ");
        assert_eq!(cn("600000"), "600000.SH");
        assert_eq!(cn("688256"), "688256.SH");
        assert_eq!(cn("830799"), "830799.BJ");
        assert_eq!(cn("920118"), "920118.BJ");
        assert_eq!(cn("300308.SZ"), "300308.SZ");
        // Without --market hk a short code is left alone (then refused or kept as typed).
        assert_eq!(cn("700"), "700");
        let hk = |c| qualify(c, Market::Hk);
        assert_eq!(hk("700"), "0700.HK");
        assert_eq!(hk("00700"), "0700.HK");
        assert_eq!(hk("09988"), "9988.HK");
        assert_eq!(
            code_from_number(2463.0, Market::Auto).as_deref(),
            Some("002463")
        );
        assert_eq!(code_from_number(700.0, Market::Hk).as_deref(), Some("700"));
        assert_eq!(code_from_number(1.5, Market::Auto), None);
    }

    #[test]
    fn us_forms_become_plain_tickers() {
        for (written, ticker) in [
            ("105.MSFT", "MSFT"),
            ("105.GOOGL", "GOOGL"),
            ("106.ORCL", "ORCL"),
            ("MSFT.O", "MSFT"),
            ("ORCL.N", "ORCL"),
        ] {
            assert_eq!(qualify(written, Market::Auto), ticker, "{written}");
            assert_eq!(qualify(written, Market::Hk), ticker, "{written}");
        }
        // Not US forms: left as written.
        assert_eq!(qualify("105.123", Market::Auto), "105.123");
        assert_eq!(qualify("9988.HK", Market::Auto), "9988.HK");
        assert_eq!(qualify("MSFT", Market::Auto), "MSFT");
    }
}
