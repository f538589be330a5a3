//! Uploaded files turned into the text of the input box, and that text split back into one
//! part per file, so every table remembers the file it came from.
//!
//! Several files make one document: the page puts each file's text under a marker line
//! ([`file_marker`]); [`parts`] cuts the input at those lines (and at the sheet lines of a
//! spreadsheet) and names each part after its file.

use super::delimited::csv_to_tsv;
use super::encoding::decode_noted;
use super::html::html_to_text;
use super::pdf::{PdfError, PdfText};
use super::sheet::{Format, SheetError, SheetsText, SHEET_PREFIX};
use super::Source;
use std::fmt;

/// Start of a file marker line.
const FILE_PREFIX: &str = "=== 文件：";
const MARKER_END: &str = " ===";

/// Why an uploaded file could not be read, in both languages, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub file: String,
    pub message_zh: String,
    pub message_en: String,
}

impl ReadError {
    pub fn new(file: &str, zh: impl fmt::Display, en: impl fmt::Display) -> ReadError {
        ReadError {
            file: file.to_string(),
            message_zh: format!("无法读取文件“{file}”：{zh}"),
            message_en: format!("cannot read file \"{file}\": {en}"),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message_zh, self.message_en)
    }
}

impl std::error::Error for ReadError {}

/// The line that starts a file's text in a document of several files:
/// `=== 文件：部门预算.xlsx ===`.
pub fn file_marker(name: &str) -> String {
    format!("{FILE_PREFIX}{}{MARKER_END}", name.replace(['\r', '\n'], " "))
}

/// Largest file read at all: a workbook or a text file bigger than this is not a budget
/// disclosure, and reading it whole would take the memory the checker needs.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// A file's text and the (Chinese, English) notes on what the reader guessed, repaired or left
/// out, each naming the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileText {
    pub text: String,
    pub notes: Vec<(String, String)>,
}

/// The text of an uploaded file as the input box shows it, by its extension: .txt/.tsv decoded
/// (UTF-8, UTF-8 with BOM, UTF-16 with or without BOM, GBK/GB18030), .csv as tab-separated
/// rows, .html/.htm tables as tab-separated rows, .xlsx/.xlsm/.xlsb/.xls/.ods every sheet under a
/// line naming it.
pub fn file_text(name: &str, bytes: &[u8]) -> Result<String, ReadError> {
    read_file(name, bytes).map(|f| f.text)
}

/// [`file_text`] with the notes on what was guessed, repaired or left out. Natively a panic in
/// a reader becomes a [`ReadError`] (the page cannot unwind; its readers are guarded instead).
pub fn read_file(name: &str, bytes: &[u8]) -> Result<FileText, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(
            name,
            format_args!("文件有 {} MB，超过上限 {} MB，未读取", bytes.len() >> 20, MAX_FILE_BYTES >> 20),
            format_args!(
                "the file is {} MB, over the {} MB limit; it was not read",
                bytes.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
        ));
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::panic::catch_unwind(|| read_by_extension(name, bytes)).unwrap_or_else(|_| {
            Err(ReadError::new(
                name,
                "读取器内部出错，文件可能已损坏；请在 Excel/WPS 中另存后再试",
                "the reader failed inside; the file may be damaged — save it again from Excel/WPS and retry",
            ))
        })
    }
    #[cfg(target_arch = "wasm32")]
    read_by_extension(name, bytes)
}

fn read_by_extension(name: &str, bytes: &[u8]) -> Result<FileText, ReadError> {
    if let Some(format) = Format::of_name(name) {
        return read_sheets(name, format, bytes);
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let named = |notes| named_notes(name, notes);
    let decoded = || {
        let d = decode_noted(bytes);
        (d.text, named(d.notes))
    };
    match extension.as_str() {
        "txt" | "tsv" | "text" => {
            let (text, notes) = decoded();
            Ok(FileText { text, notes })
        }
        "csv" => {
            let (text, mut notes) = decoded();
            let (text, open) = csv_to_tsv(&text).map_err(|(line, e)| {
                ReadError::new(name, format_args!("第 {line} 行 CSV 格式有误（{e}）"), format_args!("bad CSV at line {line} ({e})"))
            })?;
            if let Some(line) = open {
                notes.extend(named(vec![(
                    format!("第 {line} 行的引号没有闭合：从该行起引号按普通字符读取，请核对该行。"),
                    format!("the quote opened at line {line} is never closed: from that line on quotes are read as plain characters; check that line."),
                )]));
            }
            Ok(FileText { text, notes })
        }
        "html" | "htm" => {
            let (text, notes) = decoded();
            Ok(FileText { text: html_to_text(&text), notes })
        }
        "pdf" => read_pdf(name, bytes),
        "" => Err(ReadError::new(
            name,
            "文件没有扩展名，无法判断格式（支持 .txt .csv .tsv .html .htm .xlsx .xlsm .xlsb .xls .ods）",
            "the file has no extension, so its format is unknown (supported: .txt .csv .tsv .html .htm .xlsx .xlsm .xlsb .xls .ods)",
        )),
        other => Err(ReadError::new(
            name,
            format_args!("不支持 .{other} 文件（支持 .txt .csv .tsv .html .htm .xlsx .xlsm .xlsb .xls .ods）"),
            format_args!("unsupported file type .{other} (supported: .txt .csv .tsv .html .htm .xlsx .xlsm .xlsb .xls .ods)"),
        )),
    }
}

/// One piece of an input to read on its own: the text of one file (or one sheet), named after
/// the file, with the input line its first line stands on minus one.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub source: Source,
    pub line_offset: usize,
}

/// Cuts an input at file markers and sheet lines. Lines are numbered within each file; text
/// before the first marker keeps the input's own name. A sheet line stays as the sheet part's
/// first line, where it reads as a caption naming the sheet.
pub fn parts(source: &Source) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut name = source.name.clone();
    let mut file_start = 0;
    let mut start = 0;
    let mut lines: Vec<&str> = Vec::new();
    let mut finish = |name: &str, lines: &mut Vec<&str>, start: usize| {
        if lines.iter().any(|l| !l.trim().is_empty()) {
            parts.push(Part { source: Source { name: name.to_string(), text: lines.join("\n") }, line_offset: start });
        }
        lines.clear();
    };
    for (index, line) in source.text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(file) = marker_name(trimmed, FILE_PREFIX) {
            finish(&name, &mut lines, start - file_start);
            name = file.to_string();
            file_start = index + 1;
            start = index + 1;
        } else if marker_name(trimmed, SHEET_PREFIX).is_some() {
            finish(&name, &mut lines, start - file_start);
            start = index;
            lines.push(trimmed.trim_start_matches('=').trim_end_matches('=').trim());
        } else {
            lines.push(line);
        }
    }
    finish(&name, &mut lines, start - file_start);
    parts
}

fn marker_name<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    line.strip_prefix(prefix)?.strip_suffix(MARKER_END).map(str::trim)
}

/// A PDF's pages as whitespace-aligned text, read here natively; the page reads PDFs in its own
/// module (`crates/pdf-wasm`) and hands the answer to [`pdf_file`] before it gets here.
#[cfg(not(target_arch = "wasm32"))]
fn read_pdf(name: &str, bytes: &[u8]) -> Result<FileText, ReadError> {
    pdf_file(name, super::pdf::pdf_text(bytes))
}

#[cfg(not(target_arch = "wasm32"))]
fn read_sheets(name: &str, format: Format, bytes: &[u8]) -> Result<FileText, ReadError> {
    sheet_file(name, super::sheet::sheets_text(format, bytes, super::MAX_TEXT_BYTES))
}

/// The page reads PDFs and workbooks in its on-demand modules (`app::readers`), never here.
#[cfg(target_arch = "wasm32")]
fn read_pdf(name: &str, _bytes: &[u8]) -> Result<FileText, ReadError> {
    Err(on_demand(name))
}

#[cfg(target_arch = "wasm32")]
fn read_sheets(name: &str, _format: Format, _bytes: &[u8]) -> Result<FileText, ReadError> {
    Err(on_demand(name))
}

#[cfg(target_arch = "wasm32")]
fn on_demand(name: &str) -> ReadError {
    ReadError::new(
        name,
        "此类文件由网页的读取模块读取，此处不能读取",
        "files of this kind are read by the page's reader modules, not here",
    )
}

/// What a workbook's reading becomes as an uploaded file: its text with the notes named after
/// the file, or why it gave none. The CLI and the page both go through here, so they say the same.
pub fn sheet_file(name: &str, read: Result<SheetsText, SheetError>) -> Result<FileText, ReadError> {
    let upper = name.rsplit_once('.').map(|(_, e)| e.to_uppercase()).unwrap_or_default();
    match read {
        Ok((text, notes)) => Ok(FileText { text, notes: named_notes(name, notes) }),
        Err(SheetError::Damaged(e)) => Err(ReadError::new(
            name,
            format_args!("不是有效的 {upper} 文件，或文件已损坏、加密（{e}）"),
            format_args!("not a valid {upper} file, or it is damaged or encrypted ({e})"),
        )),
        Err(SheetError::Limit(zh, en)) => {
            Err(ReadError::new(name, format_args!("{zh}，未读取"), format_args!("{en}; it was not read")))
        }
    }
}

/// Notes of a reader, each saying which file it is about.
fn named_notes(name: &str, notes: Vec<(String, String)>) -> Vec<(String, String)> {
    notes.into_iter().map(|(zh, en)| (format!("“{name}”：{zh}"), format!("\"{name}\": {en}"))).collect()
}

/// What a PDF reading becomes as an uploaded file: its text with the notes named after the file,
/// or why it gave none. The CLI and the page both go through here, so they say the same.
pub fn pdf_file(name: &str, read: Result<PdfText, PdfError>) -> Result<FileText, ReadError> {
    match read {
        Ok(pdf) => {
            let notes = pdf.notes.into_iter().map(|(zh, en)| (format!("{name}：{zh}"), format!("{name}: {en}"))).collect();
            Ok(FileText { text: pdf.text, notes })
        }
        Err(PdfError::Unreadable(e)) => Err(ReadError::new(
            name,
            format_args!("不是有效的 PDF 文件，或文件已损坏、加密（{e}）"),
            format_args!("not a valid PDF file, or it is damaged or encrypted ({e})"),
        )),
        Err(PdfError::NoText { pages, image_pages }) => Err(ReadError::new(
            name,
            format_args!("PDF 的 {pages} 页中没有可读的文字（{image_pages} 页只有图像，可能是扫描件）：无法核对，请取得含文字的 PDF 或原表格"),
            format_args!("none of the PDF's {pages} pages holds readable text ({image_pages} hold only images: a scan?): nothing can be checked — get a PDF with text or the original tables"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_name_the_parts_and_lines_count_within_each_file() {
        let text =
            format!("粘贴的\n{}\na\nb\n{}\n=== 工作表：表一 ===\nc\n", file_marker("x.csv"), file_marker("y.xlsx"));
        let got = parts(&Source { name: "粘贴内容".into(), text });
        let summary: Vec<(&str, &str, usize)> =
            got.iter().map(|p| (p.source.name.as_str(), p.source.text.as_str(), p.line_offset)).collect();
        assert_eq!(summary, vec![("粘贴内容", "粘贴的", 0), ("x.csv", "a\nb", 0), ("y.xlsx", "工作表：表一\nc", 0)]);
    }

    #[test]
    fn unknown_and_corrupt_files_are_named_errors() {
        let err = file_text("报表.docx", b"PK").unwrap_err();
        assert_eq!(err.file, "报表.docx");
        assert!(err.message_zh.contains("报表.docx") && err.message_zh.contains(".docx"), "{}", err.message_zh);
        assert!(err.message_en.contains("unsupported file type .docx"), "{}", err.message_en);
        let err = file_text("坏.xlsx", b"PK\x03\x04 broken").unwrap_err();
        assert!(err.message_zh.starts_with("无法读取文件“坏.xlsx”：不是有效的 XLSX 文件"), "{}", err.message_zh);
        assert!(file_text("无扩展名", b"").is_err());
    }
}
