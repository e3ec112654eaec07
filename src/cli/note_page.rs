//! The note's exhibits written out: Markdown (figures as PNG files beside
//! it) and one self-contained HTML page (figures inlined as SVG). Tables are
//! real tables in both, so they paste into a report.

use std::fmt::Write;

/// A table of text cells; `right` marks the numeric columns.
#[derive(Debug, Clone, Default)]
pub struct NoteTable {
    pub header: Vec<String>,
    pub right: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

impl NoteTable {
    pub fn new(columns: &[(&str, bool)]) -> NoteTable {
        NoteTable {
            header: columns.iter().map(|c| c.0.to_string()).collect(),
            right: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// What an exhibit shows.
#[derive(Debug, Clone)]
pub enum Body {
    /// A figure: its file stem (`indices` → `indices.png`) and its SVG.
    Figure {
        stem: String,
        svg: String,
    },
    Table(NoteTable),
}

/// One numbered exhibit with its one-line caption stating the numbers.
#[derive(Debug, Clone)]
pub struct Exhibit {
    pub title: String,
    pub caption: String,
    pub body: Body,
}

/// The whole page: a heading, lines about the data, the exhibits.
#[derive(Debug, Clone)]
pub struct Page {
    pub heading: String,
    /// Under the heading: as-of, window, method, data source.
    pub about: Vec<String>,
    /// A warning shown in a box (DEMO data).
    pub banner: Option<String>,
    pub exhibits: Vec<Exhibit>,
}

/// A Markdown table cell: pipes escaped, on one line.
fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Text made inert in HTML.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn markdown(page: &Page) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_cell(&page.heading));
    for line in &page.about {
        let _ = writeln!(out, "{}  ", md_cell(line));
    }
    if let Some(banner) = &page.banner {
        let _ = writeln!(out, "\n> **{}**", md_cell(banner));
    }
    for (i, exhibit) in page.exhibits.iter().enumerate() {
        let _ = writeln!(out, "\n## Exhibit {}. {}\n", i + 1, md_cell(&exhibit.title));
        match &exhibit.body {
            Body::Figure { stem, .. } => {
                let _ = writeln!(out, "![{}]({stem}.png)\n", md_cell(&exhibit.title));
            }
            Body::Table(table) => {
                out.push_str(&markdown_table(table));
                out.push('\n');
            }
        }
        let _ = writeln!(out, "*{}*", md_cell(&exhibit.caption).replace('*', "\\*"));
    }
    out
}

fn markdown_table(table: &NoteTable) -> String {
    let mut out = String::new();
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&table.header));
    let rule: Vec<String> = table
        .right
        .iter()
        .map(|r| if *r { "---:" } else { ":---" }.to_string())
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for cells in &table.rows {
        out.push_str(&row(cells));
    }
    out
}

const STYLE: &str = "body{font-family:'DejaVu Sans',system-ui,sans-serif;color:#1f1f1f;\
max-width:1040px;margin:2em auto;padding:0 1em;line-height:1.45}\
h1{font-size:1.6em;margin-bottom:.3em}h2{font-size:1.15em;margin:2em 0 .6em}\
.about{color:#555;margin:0}.banner{border:1px solid #d55e00;background:#fff4ec;\
padding:.6em .9em;margin:1em 0;font-weight:bold}\
figure{margin:0}figure svg{width:100%;height:auto;border:1px solid #e6e6e6}\
.caption{color:#333;font-style:italic;margin:.5em 0 0}\
table{border-collapse:collapse;font-size:.92em;width:100%}\
th,td{border-bottom:1px solid #ddd;padding:.35em .6em;text-align:left;vertical-align:top}\
th{border-bottom:2px solid #888}td:nth-child(-n+2){white-space:nowrap}td.n,th.n{text-align:right;white-space:nowrap}";

pub fn html(page: &Page) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        html_escape(&page.heading),
        html_escape(&page.heading)
    );
    for line in &page.about {
        let _ = writeln!(out, "<p class=\"about\">{}</p>", html_escape(line));
    }
    if let Some(banner) = &page.banner {
        let _ = writeln!(out, "<p class=\"banner\">{}</p>", html_escape(banner));
    }
    for (i, exhibit) in page.exhibits.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section>\n<h2>Exhibit {}. {}</h2>",
            i + 1,
            html_escape(&exhibit.title)
        );
        match &exhibit.body {
            // The SVG is the figure layer's own output: its text is escaped there.
            Body::Figure { svg, .. } => {
                let _ = writeln!(out, "<figure>\n{svg}</figure>");
            }
            Body::Table(table) => out.push_str(&html_table(table)),
        }
        let _ = writeln!(
            out,
            "<p class=\"caption\">{}</p>\n</section>",
            html_escape(&exhibit.caption)
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_table(table: &NoteTable) -> String {
    let class = |right: bool| if right { " class=\"n\"" } else { "" };
    let mut out = String::from("<table>\n<thead><tr>");
    for (h, r) in table.header.iter().zip(&table.right) {
        let _ = write!(out, "<th{}>{}</th>", class(*r), html_escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for cells in &table.rows {
        out.push_str("<tr>");
        for (cell, r) in cells
            .iter()
            .zip(table.right.iter().chain(std::iter::repeat(&false)))
        {
            let _ = write!(out, "<td{}>{}</td>", class(*r), html_escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Page {
        let mut table = NoteTable::new(&[("name", false), ("level", true)]);
        table.row(vec!["A | <b>".into(), "1,000.0".into()]);
        Page {
            heading: "Exhibits".into(),
            about: vec!["as of 2025-05-07".into()],
            banner: Some("DEMO data".into()),
            exhibits: vec![Exhibit {
                title: "Levels".into(),
                caption: "r 0.88 & n 243".into(),
                body: Body::Table(table),
            }],
        }
    }

    #[test]
    fn markdown_tables_escape_pipes_and_align_numbers() {
        let md = markdown(&page());
        assert!(md.contains("| name | level |\n| :--- | ---: |\n| A \\| <b> | 1,000.0 |\n"));
        assert!(md.contains("## Exhibit 1. Levels"));
        assert!(md.contains("*r 0.88 & n 243*"));
    }

    #[test]
    fn html_escapes_text_and_right_aligns_numbers() {
        let html = html(&page());
        assert!(html.contains("<td>A | &lt;b&gt;</td><td class=\"n\">1,000.0</td>"));
        assert!(html.contains("r 0.88 &amp; n 243"));
        assert!(!html.contains("<b>"));
    }
}
