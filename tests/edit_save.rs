//! Saving edits: only the changed files are written, each atomically; a
//! failed save leaves the previous file byte-identical; a file changed by
//! someone else is never overwritten; a restart shows the saved state.

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use cli_support::spillover;
use predicates::prelude::*;
use spillover::domain::edit::{Edit, Library, apply};
use spillover::domain::{Basket, BasketId, Member, Method, Symbol, Watchlist};
use spillover::store::{SaveError, Store};

fn id(text: &str) -> BasketId {
    BasketId::parse(text).unwrap()
}

fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

fn basket(bid: &str, symbols: &[(&str, &str)]) -> Basket {
    Basket {
        id: id(bid),
        name: bid.to_uppercase(),
        description: String::new(),
        method: Method::Equal,
        members: symbols
            .iter()
            .map(|(s, n)| Member::new(sym(s), n))
            .collect(),
    }
}

/// A data dir with two baskets and a watchlist on disk.
fn store(root: &Path) -> Store {
    let store = Store::open(root).unwrap();
    store
        .save_basket(&basket(
            "na-chain",
            &[("300308.SZ", "中际旭创"), ("300502.SZ", "新易盛")],
        ))
        .unwrap();
    store
        .save_basket(&basket("domestic-chain", &[("688256.SH", "寒武纪")]))
        .unwrap();
    store.save_watchlist(&Watchlist::default()).unwrap();
    store
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn remove_member(lib: &Library, basket: &str, symbol: &str) -> Library {
    let edit = Edit::RemoveMember {
        basket: id(basket),
        symbol: sym(symbol),
    };
    apply(lib, &edit).unwrap()
}

#[test]
fn a_save_writes_only_the_changed_file_and_a_restart_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (before, mut prints, problems) = store.load_library();
    assert!(problems.is_empty());
    let files_before = snapshot(dir.path());
    let after = remove_member(&before, "na-chain", "300502.SZ");

    let report = store.save_library(&before, &after, &mut prints).unwrap();
    let na = store.layout().basket_file(&id("na-chain"));
    assert_eq!(report.written, std::slice::from_ref(&na));
    assert!(report.removed.is_empty());
    let files_after = snapshot(dir.path());
    let changed: Vec<&PathBuf> = files_after
        .iter()
        .zip(&files_before)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| &a.0)
        .collect();
    assert_eq!(changed, [&na], "only na-chain.toml differs");
    assert!(
        store.changed_on_disk(&prints).is_empty(),
        "our own save is not an outside change"
    );

    // Saving the same library again writes nothing.
    let report = store.save_library(&after, &after, &mut prints).unwrap();
    assert!(report.is_empty());

    let (reloaded, _, _) = store.load_library();
    assert_eq!(reloaded, after);
}

#[test]
fn rename_writes_the_new_file_then_removes_the_old_and_delete_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (v0, mut prints, _) = store.load_library();
    let rename = Edit::RenameBasket {
        from: id("na-chain"),
        to: id("na"),
    };
    let v1 = apply(&v0, &rename).unwrap();
    let report = store.save_library(&v0, &v1, &mut prints).unwrap();
    let (old, new) = (
        store.layout().basket_file(&id("na-chain")),
        store.layout().basket_file(&id("na")),
    );
    assert_eq!(
        (report.written, report.removed),
        (vec![new.clone()], vec![old.clone()])
    );
    assert!(new.exists() && !old.exists());

    let v2 = apply(&v1, &Edit::DeleteBasket { id: id("na") }).unwrap();
    let report = store.save_library(&v1, &v2, &mut prints).unwrap();
    assert_eq!(report.removed, std::slice::from_ref(&new));
    assert!(!new.exists());
    let (reloaded, _, _) = store.load_library();
    assert_eq!(reloaded.baskets, v2.baskets);
}

#[test]
fn a_file_changed_by_someone_else_is_a_conflict_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (before, mut prints, _) = store.load_library();
    let na = store.layout().basket_file(&id("na-chain"));
    let theirs = fs::read_to_string(&na)
        .unwrap()
        .replace("新易盛", "Eoptolink");
    fs::write(&na, &theirs).unwrap();
    assert_eq!(store.changed_on_disk(&prints), std::slice::from_ref(&na));

    // A move touches both baskets: the unchanged one is not written either.
    let edit = Edit::MoveMember {
        from: id("na-chain"),
        to: id("domestic-chain"),
        symbol: sym("300502.SZ"),
    };
    let after = apply(&before, &edit).unwrap();
    let files = snapshot(dir.path());
    let err = store
        .save_library(&before, &after, &mut prints)
        .unwrap_err();
    assert_eq!(
        err,
        SaveError::Conflict {
            paths: vec![na.clone()]
        }
    );
    assert!(
        err.to_string().contains("na-chain.toml changed on disk"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), files);

    // "Keep mine": taking their file as seen lets the save go ahead.
    store.acknowledge(&mut prints, std::slice::from_ref(&na));
    store.save_library(&before, &after, &mut prints).unwrap();
    assert!(!fs::read_to_string(&na).unwrap().contains("Eoptolink"));
}

#[test]
fn outside_changes_are_noticed_while_idle() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (before, mut prints, _) = store.load_library();
    assert!(store.changed_on_disk(&prints).is_empty());
    let extra = store.layout().basket_file(&id("optical"));
    fs::write(&extra, "name = \"Optical\"\n").unwrap();
    fs::remove_file(store.layout().watchlist_file()).unwrap();
    let mut expected = vec![extra, store.layout().watchlist_file()];
    expected.sort();
    assert_eq!(store.changed_on_disk(&prints), expected);

    // A new basket whose file someone else created meanwhile is a conflict:
    // the session's library (loaded before) has no "optical".
    let create = Edit::CreateBasket {
        id: id("optical"),
        name: "Mine".into(),
    };
    let mine = apply(&before, &create).unwrap();
    let err = store.save_library(&before, &mine, &mut prints).unwrap_err();
    assert!(matches!(err, SaveError::Conflict { .. }), "{err}");
}

#[test]
fn a_file_that_did_not_load_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let broken = store.layout().basket_file(&id("optical"));
    fs::write(&broken, "name = \"Optical\"\n[[member]]\nsymbol = 1\n").unwrap();
    let (before, mut prints, problems) = store.load_library();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, broken);
    let create = Edit::CreateBasket {
        id: id("optical"),
        name: "Mine".into(),
    };
    let after = apply(&before, &create).unwrap();
    let err = store
        .save_library(&before, &after, &mut prints)
        .unwrap_err();
    assert!(err.to_string().contains("did not load"), "{err}");
    assert!(fs::read_to_string(&broken).unwrap().contains("symbol = 1"));
}

/// Makes `dir` read-only for this process, also as root (which ignores the
/// mode bits): a read-only bind mount onto itself. `None` where neither is
/// possible; undone on drop.
struct ReadOnly(PathBuf, bool);

impl ReadOnly {
    fn make(dir: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).ok()?;
        let probe = dir.join(".probe");
        if fs::write(&probe, b"x").is_err() {
            return Some(ReadOnly(dir.to_path_buf(), false));
        }
        let _ = fs::remove_file(&probe);
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).ok()?;
        let mount = |args: &[&str]| {
            Process::new("mount")
                .args(args)
                .arg(dir)
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success())
        };
        if !mount(&["--bind"]) {
            return None;
        }
        let guard = ReadOnly(dir.to_path_buf(), true);
        (mount(&["-o", "remount,ro,bind"]) && fs::write(&probe, b"x").is_err()).then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = Process::new("umount").arg(&self.0).status();
        }
        let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_read_only_baskets_dir_is_an_error_and_the_files_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (before, mut prints, _) = store.load_library();
    let files = snapshot(dir.path());
    let Some(_read_only) = ReadOnly::make(&store.layout().baskets_dir()) else {
        eprintln!("skipped: cannot make a read-only dir here");
        return;
    };
    let after = remove_member(&before, "na-chain", "300502.SZ");
    let err = store
        .save_library(&before, &after, &mut prints)
        .unwrap_err();
    assert!(matches!(err, SaveError::Write(_)), "{err}");
    assert!(
        err.to_string().contains("na-chain.toml: not saved"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), files);
    // The failed file is still what we know: after the dir is writable again
    // the same save goes through without a false conflict.
    drop(_read_only);
    store.save_library(&before, &after, &mut prints).unwrap();
}

#[test]
fn a_full_disk_leaves_the_previous_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    fs::create_dir(&root).unwrap();
    let mounted = Process::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&root)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small tmpfs here");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Process::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(root.clone());
    let store = store(&root);
    let (before, mut prints, _) = store.load_library();
    // Fill the disk to the last byte.
    let filler = root.join("filler");
    let mut size = 64 * 1024;
    while size > 0 {
        let mut bytes = fs::read(&filler).unwrap_or_default();
        bytes.extend(std::iter::repeat_n(b'x', size));
        if fs::write(&filler, &bytes).is_err() {
            size /= 2;
        }
    }
    let files = snapshot(&root);
    let mut m = Member::new(sym("688981.SH"), "中芯国际");
    m.segment = "Foundry".repeat(100);
    let edit = Edit::AddMember {
        basket: id("domestic-chain"),
        member: m,
    };
    let after = apply(&before, &edit).unwrap();
    let err = store
        .save_library(&before, &after, &mut prints)
        .unwrap_err();
    assert!(
        err.to_string().contains("domestic-chain.toml: not saved"),
        "{err}"
    );
    assert_eq!(
        snapshot(&root),
        files,
        "no temporary file left, nothing changed"
    );
}

#[test]
fn a_save_interrupted_before_the_rename_keeps_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let files = snapshot(dir.path());
    spillover(dir.path())
        .args(["basket", "remove", "na-chain", "300502.SZ"])
        .env("SPILLOVER_FAIL_BEFORE_RENAME", "1")
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("na-chain.toml: not saved"))
        .stderr(predicate::str::contains("simulated failure before rename"));
    let mut now = snapshot(dir.path());
    now.retain(|(p, _)| !p.ends_with("spillover.log"));
    assert_eq!(now, files);

    // A rename interrupted the same way loses nothing: the old file stays.
    spillover(dir.path())
        .args(["basket", "rename", "na-chain", "na"])
        .env("SPILLOVER_FAIL_BEFORE_RENAME", "1")
        .assert()
        .failure();
    assert!(dir.path().join("baskets/na-chain.toml").exists());
    assert!(!dir.path().join("baskets/na.toml").exists());
}
