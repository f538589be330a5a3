//! The native command-line checker: `budget-check [--format text|json|csv|markdown] [--rounding MODE] FILE…`.
//!
//! Exit status: 0 when no error-severity finding, 1 when there is one, 2 when an input cannot
//! be read, no table could be read from it, or the arguments are wrong.

use budget_check::check_sources;
use budget_check::ingest::{decode_noted, read_file, FileText, ReadError, Source, MAX_FILE_BYTES};
use budget_check::tolerance::RoundingMode;
use std::io::Read;

const USAGE: &str =
    "用法 usage: budget-check [--format text|json|csv|markdown] [--rounding nearest|truncate|strict] FILE…\n\
  读取一个或多个文件（文本 UTF-8/GBK，.pdf .csv .html .xlsx .xls .xlsb .ods），作为一个文档检查，输出检查报告。\n\
  Reads files (text in UTF-8/GBK, .pdf .csv .html .xlsx .xls .xlsb .ods) as one document and prints the report.\n\
  Exit status: 0 no errors, 1 errors found, 2 input (or any table in it) could not be read.";

#[derive(Debug, PartialEq)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, PartialEq)]
struct Options {
    format: Format,
    mode: RoundingMode,
    files: Vec<String>,
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options { format: Format::Text, mode: RoundingMode::Nearest, files: Vec::new() };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                options.format = match args.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some("markdown") => Format::Markdown,
                    other => {
                        return Err(format!("--format 需要 text/json/csv/markdown, expects one of them, got {other:?}"))
                    }
                }
            }
            "--rounding" => {
                options.mode = match args.next().as_deref() {
                    Some("nearest") => RoundingMode::Nearest,
                    Some("truncate") => RoundingMode::Truncate,
                    Some("strict") => RoundingMode::Strict,
                    other => return Err(format!("--rounding 需要 nearest/truncate/strict, got {other:?}")),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--") => return Err(format!("未知选项 unknown option {arg}")),
            _ => options.files.push(arg),
        }
    }
    if options.files.is_empty() {
        return Err("缺少输入文件 / no input file".to_string());
    }
    Ok(options)
}

/// Spreadsheets, CSV and HTML are read as the page reads uploads; any other file (.txt, no
/// extension, a pasted dump) as text, so the command line never refuses what it read before.
fn read_input(path: &str, bytes: &[u8]) -> Result<FileText, ReadError> {
    const BY_FORMAT: [&str; 9] = ["csv", "html", "htm", "xlsx", "xlsm", "xlsb", "xls", "ods", "pdf"];
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if BY_FORMAT.contains(&extension.as_str()) {
        read_file(path, bytes)
    } else {
        let decoded = decode_noted(bytes);
        let notes = decoded.notes.into_iter().map(|(zh, en)| (format!("“{path}”：{zh}"), format!("\"{path}\": {en}")));
        Ok(FileText { text: decoded.text, notes: notes.collect() })
    }
}

/// At most one byte more than [`MAX_FILE_BYTES`] of a file, so a huge file is refused (or,
/// for text, cut) without first reading it whole.
fn read_bounded(path: &str) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Runs the checker and returns the exit status.
pub fn run(args: Vec<String>) -> i32 {
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let mut sources = Vec::new();
    for path in &options.files {
        let bytes = match read_bounded(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("无法读取 {path}：{e}\ncannot read {path}: {e}");
                return 2;
            }
        };
        match read_input(path, &bytes) {
            Ok(FileText { text, notes }) => {
                for (zh, en) in notes {
                    eprintln!("注意 {zh}\nnote {en}");
                }
                sources.push(Source { name: path.clone(), text });
            }
            Err(e) => {
                eprintln!("{}\n{}", e.message_zh, e.message_en);
                return 2;
            }
        }
    }
    let report = check_sources(&sources, options.mode);
    // The text report starts with them; other formats carry them in their own way, or not.
    for note in report.notes.iter().filter(|_| options.format != Format::Text) {
        eprintln!("注意 {}\nnote {}", note.message.zh, note.message.en);
    }
    let rendered = match options.format {
        Format::Text => report.to_text(),
        Format::Json => report.to_json() + "\n",
        Format::Csv => budget_check::export::to_csv(&report),
        Format::Markdown => budget_check::export::to_markdown(&report),
    };
    // A closed pipe (`| head`) is the reader's choice, not a failure worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), rendered.as_bytes());
    // Nothing read is nothing checked: never the exit status of a clean document.
    if let Some(why) = &report.nothing_read {
        eprintln!("{}\n{}", why.message.zh, why.message.en);
        return 2;
    }
    i32::from(report.has_errors())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_format_and_mode() {
        let args = ["--format", "json", "--rounding", "strict", "a.txt"].map(String::from).to_vec();
        let options = parse_args(args).unwrap();
        assert_eq!(options, Options { format: Format::Json, mode: RoundingMode::Strict, files: vec!["a.txt".into()] });
    }

    #[test]
    fn rejects_unknown_options_and_missing_files() {
        assert!(parse_args(vec!["--frmat".into(), "a".into()]).is_err());
        assert!(parse_args(Vec::new()).is_err());
        assert!(parse_args(vec!["--format".into()]).is_err());
    }
}
