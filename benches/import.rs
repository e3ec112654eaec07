//! `import DIR` of 1,000 per-symbol CSV files (one year of daily Yahoo-style
//! rows each) into an empty cache: reading, validating, merging and writing
//! 1,000 Parquet files atomically.
//!
//! `cargo bench --bench import` — the figure is in the README's performance table.

use std::fmt::Write as _;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use spillover::store::Store;
use spillover::store::import::{ImportOptions, Source, expand_folders, import_sources};

const FILES: usize = 1_000;
const ROWS: usize = 250;

/// 1,000 files `S0000.SZ.csv` … with 250 weekdays of prices each.
fn write_files(dir: &Path) {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let days: Vec<chrono::NaiveDate> = start
        .iter_days()
        .filter(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .take(ROWS)
        .collect();
    for k in 0..FILES {
        let mut text = String::from("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (i, day) in days.iter().enumerate() {
            let close = 10.0 + k as f64 * 0.01 + (i as f64 * 0.1).sin();
            let _ = writeln!(
                text,
                "{day},{close:.2},{:.2},{:.2},{close:.2},{close:.2},{}",
                close + 0.2,
                close - 0.2,
                1000 + i
            );
        }
        std::fs::write(dir.join(format!("S{k:04}.SZ.csv")), text).unwrap();
    }
}

fn import_folder(c: &mut Criterion) {
    let files = tempfile::tempdir().unwrap();
    write_files(files.path());
    let sources = expand_folders(vec![Source {
        path: files.path().to_path_buf(),
        symbol: None,
    }])
    .unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("1,000 per-symbol CSV files into an empty cache", |b| {
        b.iter_with_setup(
            || {
                let home = tempfile::tempdir().unwrap();
                let store = Store::open(home.path()).unwrap();
                (home, store)
            },
            |(home, store)| {
                let summary =
                    import_sources(&store, &sources, &ImportOptions::default(), &mut |_, _| {
                        std::ops::ControlFlow::Continue(())
                    })
                    .unwrap();
                assert_eq!(summary.per_symbol.len(), FILES);
                drop(home);
            },
        )
    });
    group.finish();
}

criterion_group!(benches, import_folder);
criterion_main!(benches);
