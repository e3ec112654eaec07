//! `import DIR`: every supported file inside a folder, in name order.

use std::path::PathBuf;

use super::error::ImportError;
use super::source::Source;

/// The file extensions an import takes from a folder (case-insensitive).
pub const SUPPORTED_EXTENSIONS: [&str; 6] = ["csv", "txt", "xlsx", "xls", "parquet", "pq"];

/// Replaces each folder among `sources` by the supported files directly
/// inside it (hidden files skipped), sorted by name; files stay as given.
/// A folder without any supported file is an error, not a silent no-op.
pub fn expand_folders(sources: Vec<Source>) -> Result<Vec<Source>, ImportError> {
    let mut out = Vec::with_capacity(sources.len());
    for source in sources {
        if !source.path.is_dir() {
            out.push(source);
            continue;
        }
        let read = |e: std::io::Error| ImportError::Read {
            file: source.path.clone(),
            source: e,
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&source.path)
            .map_err(read)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.is_file())
            .filter(|path| {
                !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .filter(|path| {
                path.extension().is_some_and(|e| {
                    let e = e.to_string_lossy().to_ascii_lowercase();
                    SUPPORTED_EXTENSIONS.contains(&e.as_str())
                })
            })
            .collect();
        if files.is_empty() {
            return Err(ImportError::EmptyFolder { dir: source.path });
        }
        files.sort();
        out.extend(files.into_iter().map(|path| Source { path, symbol: None }));
    }
    Ok(out)
}
