//! The native command-line checker: `budget-check [--each] [--format text|json|csv|markdown|review|review-xlsx] [--rounding MODE] FILE…`.
//!
//! Exit status: 0 when no error-severity finding, 1 when there is one, 2 when an input cannot
//! be read, no table could be read from it, or the arguments are wrong. With `--each`, the
//! worst of the files.

mod each;
mod walk;

use budget_check::check_sources;
use budget_check::ingest::{decode_noted, read_file, FileText, ReadError, Source, MAX_FILE_BYTES};
use budget_check::review::{self, Lang};
use budget_check::tolerance::RoundingMode;
use std::io::{IsTerminal, Read};

/// Written out line by line (no `\` continuations, which would eat the indentation).
const USAGE: &str = "用法 usage: budget-check [--each] [--format text|json|csv|markdown|review|review-xlsx] [--rounding nearest|truncate|strict] FILE_OR_DIR…
读取一个或多个文件（文本 UTF-8/GBK，.pdf .csv .html .xlsx .xls .xlsb .ods），作为一个文档检查，输出检查报告。
Reads files (text in UTF-8/GBK, .pdf .csv .html .xlsx .xls .xlsb .ods) as one document and prints the report.
  --each  逐份核对：每个文件作为单独的文档检查；目录按文件名排序递归读取其中
          .txt .csv .html .htm .xlsx .xls .xlsb .ods .pdf 文件（跳过隐藏文件）。先逐行列出每份文档的汇总，
          再列出各自的检查结果；json 为每份一行（JSON Lines，含 source 字段），csv 为一个带“文件”列的表。
          某个文件无法读取时继续检查其余文件。
          Checks each file as its own document; directories are walked (recursively, sorted; the
          extensions above; hidden files skipped). Prints one summary line per file, then each file's
          findings; json is one report per line (JSON Lines, with a source field), csv one table with
          a file column. A file that cannot be read does not stop the others.
  --format review       检查表：按封面、目录、情况说明、各张公开表、其他说明逐项给出“符合要求 是/否/待人工核对”和发现的问题（Markdown）。
                        The reviewer's checklist: per part of the disclosure, meets requirements yes/no/check by hand, and the problems (Markdown).
  --format review-xlsx  同上，Excel 工作簿，写到重定向的标准输出：budget-check --format review-xlsx a.pdf > 检查表.xlsx
                        The same as an .xlsx workbook on standard output, redirected to a file.
Exit status: 0 no errors, 1 errors found, 2 input (or any table in it) could not be read;
with --each the worst file's.";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
    /// The reviewer's checklist (检查表) as Markdown.
    Review,
    /// The checklist as an .xlsx workbook, written to standard output redirected to a file.
    ReviewXlsx,
}

#[derive(Debug, PartialEq)]
struct Options {
    format: Format,
    mode: RoundingMode,
    /// Each file (and each file found in a directory) is its own document.
    each: bool,
    files: Vec<String>,
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options { format: Format::Text, mode: RoundingMode::Nearest, each: false, files: Vec::new() };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                options.format = match args.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some("markdown") => Format::Markdown,
                    Some("review") => Format::Review,
                    Some("review-xlsx") => Format::ReviewXlsx,
                    other => {
                        return Err(format!(
                        "--format 需要 text/json/csv/markdown/review/review-xlsx, expects one of them, got {other:?}"
                    ))
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
            "--each" => options.each = true,
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

/// A message in Chinese and English.
type Message = (String, String);

/// A file read as a source, with the notes on what its reader guessed or left out; or why it
/// could not be read, in Chinese and English.
fn read_source(path: &str) -> Result<(Source, Vec<Message>), Message> {
    let bytes =
        read_bounded(path).map_err(|e| (format!("无法读取 {path}：{e}"), format!("cannot read {path}: {e}")))?;
    match read_input(path, &bytes) {
        Ok(FileText { text, notes }) => Ok((Source { name: path.to_string(), text }, notes)),
        Err(e) => Err((e.message_zh, e.message_en)),
    }
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
    if options.format == Format::ReviewXlsx && std::io::stdout().is_terminal() {
        eprintln!("{BINARY_TO_TERMINAL}");
        return 2;
    }
    if options.each {
        return each::run(&options);
    }
    let mut sources = Vec::new();
    for path in &options.files {
        match read_source(path) {
            Ok((source, notes)) => {
                for (zh, en) in notes {
                    eprintln!("注意 {zh}\nnote {en}");
                }
                sources.push(source);
            }
            Err((zh, en)) => {
                eprintln!("{zh}\n{en}");
                return 2;
            }
        }
    }
    let report = check_sources(&sources, options.mode);
    // The text report starts with them; other formats carry them in their own way, or not.
    for note in report.notes.iter().filter(|_| options.format != Format::Text) {
        eprintln!("注意 {}\nnote {}", note.message.zh, note.message.en);
    }
    let name = options.files.join(", ");
    let rendered = match options.format {
        Format::Text => report.to_text(),
        Format::Json => report.to_json() + "\n",
        Format::Csv => budget_check::export::to_csv(&report),
        Format::Markdown => budget_check::export::to_markdown(&report),
        Format::Review => review::to_markdown(&report, &name, Lang::Zh),
        Format::ReviewXlsx => {
            write_bytes(&review::to_xlsx(&report, &name, Lang::Zh));
            String::new()
        }
    };
    write_out(&rendered);
    // Nothing read is nothing checked: never the exit status of a clean document.
    if let Some(why) = &report.nothing_read {
        eprintln!("{}\n{}", why.message.zh, why.message.en);
        return 2;
    }
    i32::from(report.has_errors())
}

/// A workbook is bytes for a file, not for the terminal.
const BINARY_TO_TERMINAL: &str = "--format review-xlsx 输出 Excel 工作簿，请重定向到文件，如：budget-check --format review-xlsx 文件.pdf > 检查表.xlsx
--format review-xlsx writes a workbook: redirect it to a file, e.g. budget-check --format review-xlsx FILE.pdf > review.xlsx";

/// Writes a workbook to standard output (redirected to a file).
fn write_bytes(bytes: &[u8]) {
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), bytes);
}

/// Writes to standard output; a closed pipe (`| head`) is the reader's choice, not a failure
/// worth a panic.
fn write_out(text: &str) {
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_format_and_mode() {
        let args = ["--format", "json", "--rounding", "strict", "a.txt"].map(String::from).to_vec();
        let options = parse_args(args).unwrap();
        let expected =
            Options { format: Format::Json, mode: RoundingMode::Strict, each: false, files: vec!["a.txt".into()] };
        assert_eq!(options, expected);
        assert!(parse_args(["--each", "dir"].map(String::from).to_vec()).unwrap().each);
    }

    #[test]
    fn rejects_unknown_options_and_missing_files() {
        assert!(parse_args(vec!["--frmat".into(), "a".into()]).is_err());
        assert!(parse_args(Vec::new()).is_err());
        assert!(parse_args(vec!["--format".into()]).is_err());
    }
}
