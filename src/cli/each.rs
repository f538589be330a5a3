//! `--each`: every file its own document, as a 财政局 reviews a district. A file that cannot be
//! read is listed with why and the others go on; the exit status is the worst file's.
//!
//! Each report is rendered as soon as it is made and then dropped, so hundreds of documents
//! cost the memory of one report plus the text to print.

use super::walk::{self, Found};
use super::{read_source, write_bytes, write_out, Format, Options};
use budget_check::batch::{self, Cell, DocSummary};
use budget_check::export::{self, md_cell};
use budget_check::review::{self, Lang};
use budget_check::{check_sources, Report};
use serde::Serialize;

/// One file's summary and its part of the output.
struct Done {
    summary: DocSummary,
    rendered: String,
    /// Its rows of the district's checklist workbook (`--format review-xlsx`).
    review_rows: Vec<Vec<Cell>>,
}

/// A JSON line: the report with the file it came from.
#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// A JSON line for a file that could not be read.
#[derive(Serialize)]
struct Unreadable<'a> {
    source: &'a str,
    unreadable: Why<'a>,
}

#[derive(Serialize)]
struct Why<'a> {
    message_zh: &'a str,
    message_en: &'a str,
}

/// Checks every file found and prints the result; returns the exit status.
pub fn run(options: &Options) -> i32 {
    let found = walk::files(&options.files);
    if found.is_empty() {
        eprintln!(
            "没有找到可检查的文件（{}）\nno file to check ({})",
            walk::SUPPORTED.join(" "),
            walk::SUPPORTED.join(" ")
        );
        return 2;
    }
    let done: Vec<Done> = found.iter().map(|f| check_one(f, options)).collect();
    let summaries: Vec<DocSummary> = done.iter().map(|d| d.summary.clone()).collect();
    let parts = done.iter().map(|d| d.rendered.as_str());
    let out = match options.format {
        Format::Text => {
            let lines: String = summaries.iter().map(|s| s.line() + "\n").collect();
            format!("{}\n{lines}{}", batch::headline(&summaries), parts.collect::<String>())
        }
        Format::Json => parts.collect(),
        Format::Csv => export::csv_text([export::batch_csv_header()]) + &parts.collect::<String>(),
        Format::Markdown | Format::Review => format!("{}{}", markdown_summary(&summaries), parts.collect::<String>()),
        Format::ReviewXlsx => {
            let rows = done.iter().flat_map(|d| d.review_rows.iter().cloned());
            let sheet: Vec<Vec<Cell>> = std::iter::once(review::header(true, Lang::Zh)).chain(rows).collect();
            write_bytes(&budget_check::xlsx::workbook("检查表", &sheet));
            String::new()
        }
    };
    write_out(&out);
    if options.format != Format::Text {
        eprintln!("{}", batch::headline(&summaries));
    }
    batch::worst(&summaries).exit_status()
}

/// Reads and checks one file as its own document and renders it in the chosen format.
fn check_one(found: &Found, options: &Options) -> Done {
    let (path, read) = match found {
        Found::File(path) => (path.as_str(), read_source(path)),
        Found::Unlisted { path, why_zh, why_en } => (path.as_str(), Err((why_zh.clone(), why_en.clone()))),
    };
    match read {
        Ok((source, notes)) => {
            for (zh, en) in notes {
                eprintln!("注意 {zh}\nnote {en}");
            }
            let report = check_sources(std::slice::from_ref(&source), options.mode);
            if options.format != Format::Text {
                for note in report.notes.iter().chain(&report.nothing_read) {
                    eprintln!("注意 {path}：{}\nnote {path}: {}", note.message.zh, note.message.en);
                }
            }
            let review_rows = if options.format == Format::ReviewXlsx {
                review::rows(&report, Some(path), Lang::Zh)
            } else {
                Vec::new()
            };
            Done {
                summary: DocSummary::of(path, &report),
                rendered: render(path, &report, options.format),
                review_rows,
            }
        }
        Err((zh, en)) => {
            eprintln!("{zh}\n{en}");
            Done {
                summary: DocSummary::unreadable(path, &zh, &en),
                rendered: render_unreadable(path, &zh, &en, options.format),
                review_rows: vec![unreadable_review_row(path, &zh)],
            }
        }
    }
}

fn render(path: &str, report: &Report, format: Format) -> String {
    match format {
        Format::Text => format!("\n=== {path} ===\n{}", report.to_text()),
        Format::Json => json_line(&Line { source: path, report }),
        Format::Csv => without_bom(export::csv_text(export::batch_csv_rows(path, report))),
        Format::Markdown => format!("\n---\n\n**文件 File：{}**\n\n{}", md_cell(path), export::to_markdown(report)),
        Format::Review => format!("\n---\n\n{}", review::to_markdown(report, path, Lang::Zh)),
        Format::ReviewXlsx => String::new(),
    }
}

/// A file that could not be read, in the checklist: nothing of it was checked.
fn unreadable_review_row(path: &str, why: &str) -> Vec<Cell> {
    let cells = [path, "", "文件", review::Verdict::ByHand.label_zh(), why, ""];
    cells.iter().map(|c| Cell::Text(c.to_string())).collect()
}

fn render_unreadable(path: &str, zh: &str, en: &str, format: Format) -> String {
    match format {
        Format::Text => format!("\n=== {path} ===\n  {zh}\n  {en}\n"),
        Format::Json => json_line(&Unreadable { source: path, unreadable: Why { message_zh: zh, message_en: en } }),
        Format::Csv => without_bom(export::csv_text([export::unread_row(path, zh, en)])),
        Format::Markdown | Format::Review => format!("\n---\n\n**文件 File：{}**\n\n{}\n\n{}\n", md_cell(path), zh, en),
        Format::ReviewXlsx => String::new(),
    }
}

fn json_line(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
}

/// The batch CSV has one BOM, at its start.
fn without_bom(csv: String) -> String {
    csv.trim_start_matches('\u{FEFF}').to_string()
}

/// The summary list as a Markdown table, before the documents' reports.
fn markdown_summary(summaries: &[DocSummary]) -> String {
    let header: Vec<&str> = batch::COLUMNS.iter().map(|(zh, _)| *zh).collect();
    let mut out =
        format!("# 逐份核对 One document per file\n\n{}\n\n| {} |\n", batch::headline(summaries), header.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for s in summaries {
        let cells: Vec<String> = batch::row(s).iter().map(|c| md_cell(&c.text())).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
