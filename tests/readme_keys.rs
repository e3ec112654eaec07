//! The README's list of keys and `:` commands is generated from the keymap
//! and the command table (what the help screen reads), so it cannot drift
//! from what the keys do.
//!
//! After changing a binding: `SPILLOVER_BLESS_README=1 cargo test --release --test readme_keys`
//! rewrites the README section; read the diff before committing.

use spillover::tui::command::COMMANDS;
use spillover::tui::keymap::{KEY_TABLE_ORDER, all_bindings};

const BEGIN: &str =
    "<!-- KEYS:BEGIN (generated from src/tui/keymap.rs by tests/readme_keys.rs) -->\n";
const END: &str = "<!-- KEYS:END -->";

fn keys_markdown() -> String {
    let mut out = String::from(BEGIN);
    for scope in KEY_TABLE_ORDER {
        let rows: Vec<String> = all_bindings()
            .filter(|b| b.scope == scope)
            .map(|b| {
                let keys = b
                    .keys
                    .iter()
                    .map(|k| format!("`{}`", k.label().replace('|', "\\|")))
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("| {keys} | {} |\n", b.help.replace('|', "\\|"))
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n**{}**\n\n| keys | does |\n|---|---|\n",
            scope.title()
        ));
        out.extend(rows);
    }
    out.push_str("\n**Commands** (`:` then Tab completes)\n\n| command | does |\n|---|---|\n");
    for command in COMMANDS {
        out.push_str(&format!(
            "| `{}` | {} |\n",
            command.usage.replace('|', "\\|"),
            command.help.replace('|', "\\|")
        ));
    }
    out.push('\n');
    out.push_str(END);
    out
}

#[test]
fn readme_lists_every_key_of_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md is readable");
    let (Some(begin), Some(end)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!(
            "README.md has no generated keys section: add the two markers {BEGIN:?} and {END:?}"
        );
    };
    let current = &readme[begin..end + END.len()];
    let expected = keys_markdown();
    if current != expected && std::env::var_os("SPILLOVER_BLESS_README").is_some() {
        let updated = format!(
            "{}{}{}",
            &readme[..begin],
            expected,
            &readme[end + END.len()..]
        );
        std::fs::write(path, updated).expect("README.md is writable");
        return;
    }
    assert!(
        current == expected,
        "README.md's key list is stale: run SPILLOVER_BLESS_README=1 cargo test --release --test readme_keys"
    );
}
