//! `spillover note`: the exhibits as Markdown with PNG files and as one
//! self-contained HTML page, captions stating the report's numbers.

mod cli_support;

use std::fs;
use std::path::Path;

use cli_support::spillover;
use predicates::prelude::*;

fn report_json(home: &Path) -> serde_json::Value {
    let out = spillover(home)
        .args(["report", "--json", "--as-of", "2025-05-07"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn note_writes_markdown_pngs_and_a_self_contained_page_with_the_numbers() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("note");
    spillover(home.path())
        .args(["note", "--as-of", "2025-05-07", "-o"])
        .arg(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 8 files"))
        .stderr(predicate::str::contains("DEMO data"));
    for name in [
        "indices.png",
        "ratios.png",
        "scatter.png",
        "rolling.png",
        "events.png",
        "leadlag.png",
    ] {
        let bytes = fs::read(dir.join(name)).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "{name} is a PNG");
    }
    let md = fs::read_to_string(dir.join("note.md")).unwrap();
    let html = fs::read_to_string(dir.join("note.html")).unwrap();

    // The scatter caption states the report's statistics.
    let report = report_json(home.path());
    let sc = &report["scatter"];
    let caption = format!(
        "levels r {:.2}, OLS y = {:.3} + {:.3}·x, R² {:.2}, log-change r {:.2}, n {}",
        sc["levels_r"].as_f64().unwrap(),
        sc["intercept"].as_f64().unwrap(),
        sc["slope"].as_f64().unwrap(),
        sc["r_squared"].as_f64().unwrap(),
        sc["changes_r"].as_f64().unwrap(),
        sc["n"].as_u64().unwrap()
    );
    assert!(md.contains(&caption), "{caption:?} in the Markdown");
    assert!(html.contains(&caption), "{caption:?} in the page");

    assert!(md.contains("![Basket indices](indices.png)"));
    assert!(md.contains("## Exhibit 1. Basket indices"));
    assert!(md.contains("| date | session | company | period | status |"));
    // Alibaba's Feb release is reported by May 7, its May 15 one is not.
    assert!(md.contains("| 2025-02-20 | after-close | Alibaba Group (9988.HK) |"));
    assert!(md.contains("Cloud +13% to RMB 31.7 bn"));
    assert!(
        !md.contains("Cloud +18%"),
        "an outcome after the as-of date"
    );
    assert!(md.contains("in 8 days"));

    // The latest report with a reaction by May 7 is Amazon's of May 1
    // (after the New York close).
    assert!(
        md.contains(
            "Amazon.com 2025 Q1 (2025-05-01), day 0 2025-05-02: CAR[0,+5] less hstech (adjusted model) na-chain"
        )
    );
    assert!(md.contains("Granger (5 lags): na-chain/domestic-chain → na-chain/alibaba: F "));

    // One page: six inline SVG figures, real tables, nothing fetched.
    assert_eq!(html.matches("<svg ").count(), 6);
    assert!(html.contains("<table>") && html.contains("<th>date</th>"));
    for external in ["<img", "src=", "href=", "<script", "<link"] {
        assert!(
            !html.contains(external),
            "{external} in a self-contained page"
        );
    }
    assert!(html.contains("class=\"banner\">DEMO data"));
    assert!(html.contains("spillover · as of 2025-05-07"));
}

#[test]
fn note_into_a_file_is_refused_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("note.txt");
    fs::write(&file, "mine").unwrap();
    spillover(home.path())
        .args(["note", "-o"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("give -o a directory"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}
