//! `config.toml` in the platform's config dir: every setting has a default,
//! so the file may be absent; a bad file is an error naming file and line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::theme::ThemeName;

/// The workstation's settings.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `theme = "dark"` (default) or `"light"`.
    pub theme: ThemeName,
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
    fn no_color_needs_a_non_empty_value() {
        assert!(!no_color_requested(None));
        assert!(!no_color_requested(Some("".into())));
        assert!(no_color_requested(Some("1".into())));
    }
}
