//! `config.toml` in the platform's config dir: every setting has a default,
//! so the file may be absent; a bad file is an error naming file and line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::theme::ThemeName;
use crate::compute::{Request, WindowChoice};
use crate::domain::{BasketId, RangePreset};
use crate::store::fetch::SourceKind;

/// The workstation's settings.
///
/// ```toml
/// theme = "dark"                                   # or "light"
/// range = "1y"                                     # the range it opens with: 1m 3m 6m ytd 1y 3y all
/// pair = ["na-chain", "domestic-chain", "alibaba"] # the scatter: x = A/B, y = A/C
/// roll = 60                                        # the rolling correlation's window
/// fetch_source = "yahoo"                           # where F fetches: yahoo, eastmoney or tushare
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `theme = "dark"` (default) or `"light"`.
    pub theme: ThemeName,
    /// The range preset the workstation opens with (default 1Y).
    #[serde(deserialize_with = "parsed")]
    pub range: Option<RangePreset>,
    /// The scatter's baskets A, B, C (default na-chain, domestic-chain, alibaba).
    pub pair: Option<[BasketId; 3]>,
    /// The rolling correlation's window in daily changes (default 60).
    #[serde(deserialize_with = "rolling_window")]
    pub roll: Option<usize>,
    /// Where `F` fetches prices from (default Yahoo, as `spillover fetch`).
    #[serde(deserialize_with = "parsed")]
    pub fetch_source: Option<SourceKind>,
}

/// A setting written as text and parsed by its type's `FromStr`, so a
/// mistake is reported at its line with the type's own message.
fn parsed<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr<Err = String>,
{
    let text = String::deserialize(deserializer)?;
    text.parse().map(Some).map_err(serde::de::Error::custom)
}

fn rolling_window<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<usize>, D::Error> {
    let w = usize::deserialize(deserializer)?;
    if w < 3 {
        return Err(serde::de::Error::custom(format!(
            "roll = {w} is too short; the rolling correlation needs at least 3 changes"
        )));
    }
    Ok(Some(w))
}

impl Config {
    /// The analysis request the workstation opens with: `base` with the
    /// settings of this file applied.
    pub fn apply(&self, mut base: Request) -> Request {
        if let Some(range) = self.range {
            base.range = WindowChoice::Preset(range);
        }
        if let Some(pair) = &self.pair {
            base.pair = pair.clone();
        }
        if let Some(roll) = self.roll {
            base.roll = roll;
        }
        base
    }
}

/// Why `config.toml` could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}; fix or delete the file (every setting has a default)")]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// Parses the text of a config file found at `path`.
pub fn parse_config(path: &Path, text: &str) -> Result<Config, ConfigError> {
    toml::from_str(text).map_err(|e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start).min(text.len());
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line: text[..offset].matches('\n').count() + 1,
            message: e.message().trim().to_string(),
        }
    })
}

/// Reads the config at `path`; a missing file (or no config dir) means defaults.
pub fn load_config(path: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(path) {
        Ok(text) => parse_config(path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
pub fn no_color_requested(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_default_and_bad_files_name_their_line() {
        let path = Path::new("/cfg/config.toml");
        assert_eq!(parse_config(path, "").unwrap(), Config::default());
        assert_eq!(
            parse_config(path, "theme = \"light\"\n").unwrap().theme,
            ThemeName::Light
        );
        let err = parse_config(path, "# colours\ntheme = \"purple\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/cfg/config.toml:2: "), "{err}");
        let err = parse_config(path, "\n\nthem = \"dark\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/cfg/config.toml:3: "), "{err}");
    }

    #[test]
    fn the_opening_request_follows_the_file() {
        let path = Path::new("/cfg/config.toml");
        let config = parse_config(
            path,
            "range = \"ytd\"\npair = [\"na-chain\", \"domestic-chain\", \"hstech\"]\nroll = 20\n",
        )
        .unwrap();
        let request = config.apply(Request::default());
        assert_eq!(request.range, WindowChoice::Preset(RangePreset::Ytd));
        assert_eq!(request.pair[2].as_str(), "hstech");
        assert_eq!(request.roll, 20);
        assert_eq!(
            Config::default().apply(Request::default()),
            Request::default()
        );
        let err = parse_config(path, "theme = \"dark\"\nrange = \"2w\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("/cfg/config.toml:2: ") && err.contains("1m, 3m"),
            "{err}"
        );
        let err = parse_config(path, "roll = 1\n").unwrap_err().to_string();
        assert!(err.contains("at least 3"), "{err}");
        let err = parse_config(path, "pair = [\"na-chain\", \"Bad Id\", \"x\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/cfg/config.toml:1: "), "{err}");
    }

    #[test]
    fn the_fetch_source_defaults_to_yahoo_and_a_bad_one_names_its_line() {
        let path = Path::new("/cfg/config.toml");
        assert_eq!(Config::default().fetch_source, None);
        let config = parse_config(path, "fetch_source = \"eastmoney\"\n").unwrap();
        assert_eq!(config.fetch_source, Some(SourceKind::Eastmoney));
        let err = parse_config(path, "theme = \"dark\"\nfetch_source = \"bloomberg\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("/cfg/config.toml:2: ")
                && err.contains("unknown price source \"bloomberg\"")
                && err.contains("yahoo, eastmoney, tushare"),
            "{err}"
        );
    }

    #[test]
    fn no_color_needs_a_non_empty_value() {
        assert!(!no_color_requested(None));
        assert!(!no_color_requested(Some("".into())));
        assert!(no_color_requested(Some("1".into())));
    }
}
