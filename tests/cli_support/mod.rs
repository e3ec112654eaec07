//! Shared by the tests that run the binary: `spillover` on a data dir of
//! the test's own, as a user would run it.
#![allow(dead_code, reason = "each test file uses a part of the support")]

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// The binary with `SPILLOVER_HOME` set to `home` (and no failure
/// injection left over from the environment).
pub fn spillover(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spillover"));
    cmd.env("SPILLOVER_HOME", home)
        .env_remove("SPILLOVER_FAIL_BEFORE_RENAME");
    cmd
}

/// What `spillover ARGS` printed on stdout, as JSON (it must succeed).
pub fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    let out = spillover(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("--json prints JSON")
}

/// Every file under `dir` with its bytes (the log aside), to prove a
/// command changed nothing.
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "spillover.log") {
                out.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}
