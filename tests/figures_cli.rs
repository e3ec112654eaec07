//! `spillover plot` run as a user would, on the demo: the figure's series
//! are the rows `export` writes, the axis shows the window's dates, the
//! title and source line are there, a PNG is sharp, not blank and the same
//! on every run; bad requests write nothing.

mod cli_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use cli_support::spillover;
use predicates::prelude::*;

const AS_OF: &str = "2025-05-07";
const WINDOW: &str = "2024-05-07..2025-05-07";

/// The light page's series colours, in basket order (figure::theme).
const SERIES: [&str; 3] = ["#0072B2", "#D55E00", "#009E73"];

fn window_args() -> [&'static str; 4] {
    ["--as-of", AS_OF, "--window", WINDOW]
}

/// `export --what WHAT` as CSV: each column's non-empty cells, by header.
fn export_counts(home: &Path, what: &str) -> BTreeMap<String, usize> {
    let csv = home.join(format!("{what}.csv"));
    spillover(home)
        .args(["export", "--what", what, "-o"])
        .arg(&csv)
        .args(window_args())
        .assert()
        .success();
    let text = fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(|h| h.trim_matches('"').to_string())
        .collect();
    let mut counts: BTreeMap<String, usize> = header.iter().map(|h| (h.clone(), 0)).collect();
    for line in lines {
        for (h, cell) in header.iter().zip(line.split(',')) {
            if !cell.is_empty() {
                *counts.get_mut(h).unwrap() += 1;
            }
        }
    }
    counts
}

/// `plot --what WHAT -o NAME` with the window; returns the file's bytes.
fn plot(home: &Path, what: &str, name: &str, extra: &[&str]) -> Vec<u8> {
    let out = home.join(name);
    spillover(home)
        .args(["plot", "--what", what, "-o"])
        .arg(&out)
        .args(window_args())
        .args(extra)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote the"));
    fs::read(&out).unwrap()
}

/// The SVG's texts and, per stroke colour, the point counts of its polylines.
struct Svg {
    texts: Vec<String>,
    polylines: Vec<(String, usize)>,
    font_families: Vec<String>,
}

fn parse_svg(bytes: &[u8]) -> Svg {
    let text = std::str::from_utf8(bytes).expect("SVG is UTF-8");
    let doc = roxmltree::Document::parse(text).expect("the SVG is well-formed XML");
    let mut svg = Svg {
        texts: Vec::new(),
        polylines: Vec::new(),
        font_families: Vec::new(),
    };
    for node in doc.descendants() {
        match node.tag_name().name() {
            "text" => {
                svg.texts
                    .push(node.text().unwrap_or_default().trim().to_string());
                svg.font_families.push(
                    node.attribute("font-family")
                        .unwrap_or_default()
                        .to_string(),
                );
            }
            "polyline" => {
                let points = node.attribute("points").unwrap_or_default();
                svg.polylines.push((
                    node.attribute("stroke").unwrap_or_default().to_string(),
                    points.split_whitespace().count(),
                ));
            }
            _ => {}
        }
    }
    svg
}

impl Svg {
    /// The longest polyline drawn in `colour` (the legend's sample has 2 points).
    fn series_points(&self, colour: &str) -> usize {
        self.polylines
            .iter()
            .filter(|(c, _)| c == colour)
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
    }

    fn has_text(&self, wanted: &str) -> bool {
        self.texts.iter().any(|t| t == wanted)
    }
}

fn assert_frame(svg: &Svg, title: &str) {
    assert!(svg.has_text(title), "title {title:?} in {:?}", svg.texts);
    assert!(
        svg.has_text(
            "spillover · as of 2025-05-07 · method equal · DEMO data (synthetic prices, not market data)"
        ),
        "source line in {:?}",
        svg.texts
    );
    assert!(
        svg.font_families
            .iter()
            .all(|f| f == "DejaVu Sans, sans-serif"),
        "every text names the embedded font, then a generic family: {:?}",
        svg.font_families
    );
}

#[test]
fn indices_svg_plots_every_exported_row_with_the_window_dates_on_the_axis() {
    let home = tempfile::tempdir().unwrap();
    let counts = export_counts(home.path(), "indices");
    let svg = parse_svg(&plot(home.path(), "indices", "indices.svg", &[]));
    // Colours go in basket order, the order of the export's columns.
    let header = fs::read_to_string(home.path().join("indices.csv")).unwrap();
    let columns: Vec<&str> = header.lines().next().unwrap().split(',').skip(1).collect();
    for (i, column) in columns.iter().take(SERIES.len()).enumerate() {
        assert_eq!(
            svg.series_points(SERIES[i]),
            counts[*column],
            "points of {column} (drawn in {})",
            SERIES[i]
        );
        assert!(counts[*column] > 200, "{column} has a year of rows");
    }
    assert!(svg.has_text("2024-05-07"), "first date in {:?}", svg.texts);
    assert!(svg.has_text("2025-05-07"), "last date in {:?}", svg.texts);
    assert!(svg.has_text("Jan 2025"), "months between: {:?}", svg.texts);
    assert!(svg.has_text("North American computing-power chain"));
    assert!(svg.has_text("Domestic computing-power chain"));
    // Feb and Mar 2025 releases are inside the window.
    assert!(svg.has_text("Alibaba"), "earnings marks in {:?}", svg.texts);
    assert_frame(&svg, "Basket indices");
}

#[test]
fn ratios_and_rolling_svgs_plot_the_exported_rows() {
    let home = tempfile::tempdir().unwrap();
    let ratios = export_counts(home.path(), "ratios");
    let svg = parse_svg(&plot(home.path(), "ratios", "ratios.svg", &[]));
    assert_eq!(
        svg.series_points(SERIES[0]),
        ratios["na-chain/domestic-chain"]
    );
    assert_eq!(svg.series_points(SERIES[1]), ratios["na-chain/alibaba"]);
    assert!(svg.has_text("2024-05-07") && svg.has_text("2025-05-07"));
    assert_frame(&svg, "Index ratios");

    let scatter = export_counts(home.path(), "scatter");
    let svg = parse_svg(&plot(home.path(), "rolling", "rolling.svg", &[]));
    assert_eq!(svg.series_points(SERIES[0]), scatter["rolling_r_60"]);
    assert!(svg.has_text("2024-05-07") && svg.has_text("2025-05-07"));
    assert_frame(&svg, "Rolling correlation of the two ratios (W = 60)");
}

#[test]
fn scatter_svg_has_a_point_per_exported_row_the_fit_and_the_statistics() {
    let home = tempfile::tempdir().unwrap();
    let counts = export_counts(home.path(), "scatter");
    let bytes = plot(home.path(), "scatter", "scatter.svg", &[]);
    let text = std::str::from_utf8(&bytes).unwrap();
    let doc = roxmltree::Document::parse(text).unwrap();
    // Data points are the small filled circles in the first series colour.
    let dots = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("circle")
                && n.attribute("fill") == Some(SERIES[0])
                && n.attribute("r") == Some("3")
        })
        .count();
    assert_eq!(dots, counts["na-chain/domestic-chain"]);
    assert_eq!(dots, counts["na-chain/alibaba"]);
    let svg = parse_svg(&bytes);
    assert_eq!(svg.series_points(SERIES[1]), 2, "the OLS line");
    let n_line = format!("n  {dots}");
    assert!(svg.has_text(&n_line), "{n_line:?} in {:?}", svg.texts);
    for wanted in ["levels r", "OLS  y =", "R²", "log-change r"] {
        assert!(
            svg.texts.iter().any(|t| t.starts_with(wanted)),
            "{wanted} in the statistics box: {:?}",
            svg.texts
        );
    }
    assert!(svg.has_text("latest, 2025-05-07"));
    assert_frame(
        &svg,
        "Ratio against ratio: na-chain/alibaba on na-chain/domestic-chain",
    );
    assert!(
        svg.has_text("x = North American computing-power chain / Domestic computing-power chain")
    );
}

#[test]
fn leadlag_svg_has_a_bar_per_exported_lag_and_the_granger_tests() {
    let home = tempfile::tempdir().unwrap();
    let counts = export_counts(home.path(), "leadlag");
    let bytes = plot(home.path(), "leadlag", "leadlag.svg", &[]);
    let doc = roxmltree::Document::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
    let bars = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(SERIES[0]))
        .count();
    assert_eq!(bars, counts["ccf"], "one bar per lag with a value");
    assert_eq!(bars, 21, "k = -10..+10");
    let svg = parse_svg(&bytes);
    assert!(
        svg.texts
            .iter()
            .any(|t| t.starts_with("Granger (5 lags): ") && t.contains("F ") && t.contains(", p ")),
        "{:?}",
        svg.texts
    );
    for k in ["−10", "0", "+10"] {
        assert!(svg.has_text(k), "lag {k} on the axis");
    }
    assert_frame(
        &svg,
        "Lead-lag of the two ratios: na-chain/domestic-chain and na-chain/alibaba",
    );
}

#[test]
fn events_svg_draws_each_series_path_as_spillover_events_computes_it() {
    let home = tempfile::tempdir().unwrap();
    // Event 7 of the watchlist: Tencent, 2025-03-19 after the close.
    let out = spillover(home.path())
        .args(["events", "--event", "7", "--json", "--as-of", AS_OF])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let study: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let series = &study["events"][0]["series"];
    let na_chain = series
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["series"] == "na-chain")
        .unwrap();
    let with_car = na_chain["path"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["car"].is_null())
        .count();
    assert_eq!(with_car, 16, "tau -5..+10");
    let svg = parse_svg(&plot(
        home.path(),
        "events",
        "events.svg",
        &["--event", "7"],
    ));
    assert_eq!(svg.series_points(SERIES[0]), with_car);
    assert!(svg.has_text("day 0 = 2025-03-20"), "{:?}", svg.texts);
    assert!(svg.has_text("−5") && svg.has_text("+10"));
    assert_frame(
        &svg,
        "Around Tencent Holdings FY2024 Q4 results (2025-03-19, after-close)",
    );
    // A report after the as-of date has nothing to draw, and says so.
    spillover(home.path())
        .args([
            "plot", "--what", "events", "--event", "14", "--as-of", AS_OF, "-o",
        ])
        .arg(home.path().join("late.svg"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("after the as-of date 2025-05-07"));
    assert!(!home.path().join("late.svg").exists());
}

#[test]
fn png_is_twice_the_size_not_blank_and_the_same_on_a_second_run() {
    let home = tempfile::tempdir().unwrap();
    let extra = ["--width", "800", "--height", "500"];
    let first = plot(home.path(), "indices", "a.png", &extra);
    let second = plot(home.path(), "indices", "b.png", &extra);
    assert!(first == second, "the same figure gives the same bytes");

    let decoder = png::Decoder::new(std::io::Cursor::new(&first));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (1600, 1000));
    let pixels = &pixels[..info.buffer_size()];
    let n = pixels.len() as f64;
    let mean = pixels.iter().map(|p| f64::from(*p)).sum::<f64>() / n;
    let variance = pixels
        .iter()
        .map(|p| (f64::from(*p) - mean).powi(2))
        .sum::<f64>()
        / n;
    // A white page with lines and text: mostly 255, not all of it.
    assert!(mean > 200.0, "a white page: mean {mean}");
    assert!(variance > 100.0, "something is drawn: variance {variance}");

    let svg_a = plot(home.path(), "scatter", "a.svg", &[]);
    let svg_b = plot(home.path(), "scatter", "b.svg", &[]);
    assert!(svg_a == svg_b, "SVG bytes are deterministic too");
}

#[test]
fn options_change_the_figure_as_asked() {
    let home = tempfile::tempdir().unwrap();
    let svg = parse_svg(&plot(
        home.path(),
        "indices",
        "hidden.svg",
        &[
            "--hide",
            "na-chain",
            "--title",
            "The chains since May",
            "--cursor",
            "2025-04-07",
            "--log",
        ],
    ));
    assert!(svg.has_text("The chains since May"));
    assert!(svg.has_text("2025-04-07"), "the cursor's date");
    // na-chain is the first basket: its colour is not drawn, the next one's is.
    assert_eq!(svg.series_points(SERIES[0]), 0);
    assert!(svg.series_points(SERIES[1]) > 200);

    let dark = plot(home.path(), "ratios", "dark.svg", &["--theme", "dark"]);
    let text = String::from_utf8(dark).unwrap();
    assert!(text.contains("fill=\"#1A1C20\""), "the dark page");
}

#[test]
fn bad_requests_say_what_to_do_and_write_nothing() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("figure.pdf");
    spillover(home.path())
        .args(["plot", "--what", "indices", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("FILE.svg or FILE.png"));
    assert!(!out.exists());

    let out = home.path().join("figure.svg");
    spillover(home.path())
        .args(["plot", "--what", "ratios", "--hide", "nasdaq", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "its series are: na-chain/domestic-chain, na-chain/alibaba",
        ));
    assert!(!out.exists());

    spillover(home.path())
        .args(["plot", "--what", "indices", "--width", "10", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("320..=4000"));
    assert!(!out.exists());

    spillover(home.path())
        .args([
            "plot", "--what", "scatter", "--pair", "na-chain", "na-chain", "alibaba", "-o",
        ])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("three different baskets"));
    assert!(!out.exists());
}

#[test]
fn events_figure_and_note_use_the_benchmark_and_model_given() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let svg = parse_svg(&plot(
        h,
        "events",
        "events-hk.svg",
        &[
            "--event",
            "7",
            "--benchmark",
            "hk-internet",
            "--model",
            "market",
        ],
    ));
    let subtitle = svg
        .texts
        .iter()
        .find(|t| t.starts_with("Cumulative abnormal return"))
        .expect("the subtitle");
    assert!(
        subtitle.contains("less Hong Kong internet (market model)"),
        "{subtitle}"
    );
    // Elsewhere the options would change nothing: refused, nothing written.
    spillover(h)
        .args([
            "plot",
            "--what",
            "indices",
            "--benchmark",
            "hk-internet",
            "-o",
        ])
        .arg(h.join("i.svg"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--benchmark and --model change only --what events",
        ));
    assert!(!h.join("i.svg").exists());
    // The note's event exhibit is measured the same way.
    spillover(h)
        .args([
            "note",
            "--as-of",
            "2025-06-10",
            "--benchmark",
            "hk-internet",
            "-o",
        ])
        .arg(h.join("note"))
        .assert()
        .success();
    let note = fs::read_to_string(h.join("note/note.md")).unwrap();
    assert!(
        note.contains("CAR[0,+5] less hk-internet (adjusted model)"),
        "{note}"
    );
}
