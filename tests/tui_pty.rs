//! Smoke test of the real binary in a pseudo-terminal (util-linux `script`):
//! it starts on an empty data dir, draws the workstation, quits on `q` and
//! gives the terminal back. No sleeps: `q` waits in the terminal's input
//! until the workstation reads it.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn the_binary_draws_quits_on_q_and_restores_the_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let binary = env!("CARGO_BIN_EXE_spillover");
    // After the workstation exits, `stty -a` shows the terminal's modes:
    // canonical input and echo are back on when raw mode was undone.
    let shell = format!("stty cols 120 rows 40; {binary}; echo \"exit=$?\"; stty -a");
    let mut child = Command::new("timeout")
        .args(["120", "script", "-qec", &shell, "/dev/null"])
        .env("SPILLOVER_HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"q").unwrap();
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    let enter = text
        .find("\x1b[?1049h")
        .expect("enters the alternate screen");
    let leave = text
        .rfind("\x1b[?1049l")
        .expect("leaves the alternate screen");
    assert!(enter < leave);
    let screen = &text[enter..leave];
    // The first frame comes before the prices (and `q` may be read before
    // they arrive): it says what loads.
    for expected in ["Baskets", "loading", "DEMO"] {
        assert!(screen.contains(expected), "{expected:?} not drawn");
    }
    let after = &text[leave..];
    assert!(after.contains("exit=0"), "{after}");
    assert!(after.contains("\x1b[?25h"), "the cursor is shown again");
    assert!(
        after.contains(" icanon") && after.contains(" echo"),
        "raw mode undone: {after}"
    );
    // The empty data dir got the embedded default.
    assert!(home.path().join("baskets").join("na-chain.toml").exists());
}
