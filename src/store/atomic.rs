//! Atomic replacement of a file: a reader sees the old bytes or the new, never half.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` by way of a temporary file in the same directory:
/// write, fsync, rename over the target, fsync the directory. If any step
/// fails the previous file is untouched and the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = temp_path(path);
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fail_point_before_rename()?;
        fs::rename(&tmp, path)?;
        // The rename itself is durable only once the directory is synced;
        // some platforms cannot open a directory, which is not an error.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Lets tests simulate a crash between writing the temporary file and the
/// rename: with `SPILLOVER_FAIL_BEFORE_RENAME` set, every atomic save fails
/// there, exactly as a kill or a full disk would leave it.
fn fail_point_before_rename() -> io::Result<()> {
    if std::env::var_os("SPILLOVER_FAIL_BEFORE_RENAME").is_some() {
        return Err(io::Error::other(
            "simulated failure before rename (SPILLOVER_FAIL_BEFORE_RENAME is set)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("a.toml");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
