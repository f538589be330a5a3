//! Many documents checked one by one (issue 13): a 财政局 reviews a district's disclosures at
//! once, each file its own document. This is the small per-document summary the command line
//! prints a line of and the page lists a row of, and the summary's exports; the full reports stay
//! with whoever made them.

use crate::export::{csv_text, neutralise_cell};
use crate::report::Report;
use crate::table::TableSet;

/// The extensions picked up from a folder (the command line's and the page's), lower case; a
/// file named or chosen on its own is read whatever its extension.
pub const FOLDER_EXTENSIONS: [&str; 9] = ["txt", "csv", "html", "htm", "xlsx", "xls", "xlsb", "ods", "pdf"];

/// How a document came out, worst last: the order gives the command line's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Clean,
    Errors,
    /// The file could not be read, or no table was read from it: nothing was checked.
    NothingRead,
}

impl Outcome {
    /// 0 clean, 1 errors, 2 nothing read: the command line's exit status.
    pub fn exit_status(self) -> i32 {
        match self {
            Outcome::Clean => 0,
            Outcome::Errors => 1,
            Outcome::NothingRead => 2,
        }
    }
}

/// One document's line in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct DocSummary {
    /// The file's name (the command line: its path as given or found).
    pub source: String,
    /// The disclosure set the titles belong to (预算/决算, 部门/单位), when the report knows it.
    pub set_zh: String,
    pub set_en: String,
    pub tables: usize,
    /// How many of the set's standard tables were read, of how many: `(9, 9)`; `None` when the
    /// titles name no set.
    pub set_tables: Option<(usize, usize)>,
    pub errors: usize,
    /// Warnings other than rounding differences.
    pub warnings: usize,
    pub rounding: usize,
    /// What could not be read: the file, or every table, or some blocks; empty when all was read.
    pub unread_zh: String,
    pub unread_en: String,
    pub outcome: Outcome,
}

impl DocSummary {
    /// The summary of a document's report.
    pub fn of(source: &str, report: &Report) -> DocSummary {
        let set = TableSet::of(&report.tables);
        let (set_zh, set_en) = table_set(report, set);
        let (unread_zh, unread_en) = unread(report);
        let c = &report.counts;
        let outcome = match (&report.nothing_read, report.has_errors()) {
            (Some(_), _) => Outcome::NothingRead,
            (None, true) => Outcome::Errors,
            (None, false) => Outcome::Clean,
        };
        DocSummary {
            source: source.to_string(),
            set_zh,
            set_en,
            tables: report.tables.len(),
            set_tables: set.map(|set| set_tables(report, set)),
            errors: c.errors,
            warnings: c.warnings - c.rounding,
            rounding: c.rounding,
            unread_zh,
            unread_en,
            outcome,
        }
    }

    /// A file that could not be read at all, with why.
    pub fn unreadable(source: &str, why_zh: &str, why_en: &str) -> DocSummary {
        DocSummary {
            source: source.to_string(),
            set_zh: String::new(),
            set_en: String::new(),
            tables: 0,
            set_tables: None,
            errors: 0,
            warnings: 0,
            rounding: 0,
            unread_zh: why_zh.to_string(),
            unread_en: why_en.to_string(),
            outcome: Outcome::NothingRead,
        }
    }

    /// `seed.txt：19 张表，0 个错误，0 条其他提醒，8 处舍入差异 / 19 tables, …`, or the file and why
    /// nothing was read from it.
    pub fn line(&self) -> String {
        if self.tables == 0 && !self.unread_zh.is_empty() {
            return format!("{}：{} / {}", self.source, self.unread_zh, self.unread_en);
        }
        let mut line = format!(
            "{}：{} 张表，{} 个错误，{} 条其他提醒，{} 处舍入差异",
            self.source, self.tables, self.errors, self.warnings, self.rounding
        );
        if !self.set_zh.is_empty() {
            line.push_str(&format!("，{}", self.set_zh));
        }
        if !self.unread_zh.is_empty() {
            line.push_str(&format!("；{}", self.unread_zh));
        }
        line.push_str(&format!(
            " / {} tables, {} errors, {} other warnings, {} rounding differences",
            self.tables, self.errors, self.warnings, self.rounding
        ));
        if !self.unread_en.is_empty() {
            line.push_str(&format!("; {}", self.unread_en));
        }
        line
    }
}

/// The set the titles belong to (as SET002 names it), else 预算 or 决算 as the titles say; empty
/// when neither is known.
fn table_set(report: &Report, set: Option<&TableSet>) -> (String, String) {
    if let Some(set) = set {
        return (set.zh.to_string(), set.en.to_string());
    }
    let titled = |word: &str| report.tables.iter().any(|t| t.title.contains(word));
    match (titled("决算"), titled("预算")) {
        (true, _) => ("决算".to_string(), "final accounts".to_string()),
        (false, true) => ("预算".to_string(), "budget".to_string()),
        (false, false) => (String::new(), String::new()),
    }
}

/// How many of the set's tables were read (a table continued over pages counts once).
fn set_tables(report: &Report, set: &TableSet) -> (usize, usize) {
    let read = set.tables.iter().filter(|(kind, _)| report.tables.iter().any(|t| t.kind == *kind)).count();
    (read, set.tables.len())
}

/// Why nothing was read, else how many table-like blocks were not read.
fn unread(report: &Report) -> (String, String) {
    if let Some(why) = &report.nothing_read {
        return (why.message.zh.clone(), why.message.en.clone());
    }
    match report.unrecognised.len() {
        0 => (String::new(), String::new()),
        n => (format!("{n} 处疑似表格未能读出"), format!("{n} block(s) looking like tables not read")),
    }
}

/// The worst outcome of a batch (clean when it is empty).
pub fn worst(summaries: &[DocSummary]) -> Outcome {
    summaries.iter().map(|s| s.outcome).max().unwrap_or(Outcome::Clean)
}

/// `逐份核对 3 份文档：1 份有错误，1 份未能读取 / 3 documents checked one by one: …`
pub fn headline(summaries: &[DocSummary]) -> String {
    let count = |o: Outcome| summaries.iter().filter(|s| s.outcome == o).count();
    let (n, errors, unread) = (summaries.len(), count(Outcome::Errors), count(Outcome::NothingRead));
    format!(
        "逐份核对 {n} 份文档：{errors} 份有错误，{unread} 份未能读取 / {n} documents checked one by one: {errors} with errors, {unread} not read"
    )
}

/// The summary list's columns, Chinese and English, in the order of [`row`].
pub const COLUMNS: [(&str, &str); 8] = [
    ("文件", "File"),
    ("套表", "Table set"),
    ("读出表数", "Tables read"),
    ("套表中读出", "Of the set"),
    ("错误", "Errors"),
    ("其他提醒", "Other warnings"),
    ("舍入差异", "Rounding"),
    ("未能读取", "Not read"),
];

/// One document's cells in the order of [`COLUMNS`]; counts as numbers for spreadsheets.
pub fn row(s: &DocSummary) -> [Cell; 8] {
    [
        Cell::Text(s.source.clone()),
        Cell::Text(s.set_zh.clone()),
        Cell::Number(s.tables),
        s.set_tables.map_or(Cell::Text(String::new()), |(read, of)| Cell::Fraction(read, of)),
        Cell::Number(s.errors),
        Cell::Number(s.warnings),
        Cell::Number(s.rounding),
        Cell::Text(s.unread_zh.clone()),
    ]
}

/// A cell of the summary table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(usize),
    /// `9 / 9`: so many of so many.
    Fraction(usize, usize),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Fraction(part, whole) => format!("{part} / {whole}"),
        }
    }
}

/// The summary list as CSV (UTF-8 with BOM, cells neutralised like the report's CSV).
pub fn summary_csv(summaries: &[DocSummary]) -> String {
    let header = COLUMNS.iter().map(|(zh, _)| zh.to_string()).collect();
    let rows = summaries.iter().map(|s| row(s).iter().map(|c| neutralise_cell(&c.text())).collect());
    csv_text(std::iter::once(header).chain(rows))
}

/// The summary list as an .xlsx workbook of one sheet.
pub fn summary_xlsx(summaries: &[DocSummary]) -> Vec<u8> {
    let header = COLUMNS.iter().map(|(zh, _)| Cell::Text(zh.to_string())).collect();
    let rows = summaries.iter().map(|s| row(s).to_vec());
    crate::xlsx::workbook("逐份核对", &std::iter::once(header).chain(rows).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../tests/fixtures/seed.txt");

    #[test]
    fn the_seed_is_a_clean_chongqing_district_budget() {
        let s = DocSummary::of("seed.txt", &crate::check_text(SEED));
        assert_eq!((s.tables, s.errors, s.warnings, s.rounding, s.outcome), (19, 0, 0, 8, Outcome::Clean));
        assert_eq!(s.set_zh, "重庆区县部门预算公开表（表一至表十）");
        assert_eq!(s.set_tables, Some((9, 9)));
        assert_eq!(row(&s)[3].text(), "9 / 9");
        assert_eq!(s.unread_zh, "");
        assert!(
            s.line().starts_with("seed.txt：19 张表，0 个错误，0 条其他提醒，8 处舍入差异，重庆区县"),
            "{}",
            s.line()
        );
    }

    #[test]
    fn nothing_read_is_the_worst_outcome() {
        let empty = DocSummary::of("x.txt", &crate::check_text("没有表格的一段文字。"));
        assert_eq!(empty.outcome, Outcome::NothingRead);
        assert!(empty.unread_zh.starts_with("没有找到任何表格"), "{}", empty.unread_zh);
        let bad = DocSummary::unreadable("y.xlsx", "无法读取", "cannot read");
        assert_eq!(worst(&[bad.clone(), empty]).exit_status(), 2);
        assert_eq!(worst(&[]).exit_status(), 0);
        assert_eq!(
            headline(&[bad]),
            "逐份核对 1 份文档：0 份有错误，1 份未能读取 / 1 documents checked one by one: 0 with errors, 1 not read"
        );
    }

    #[test]
    fn summary_csv_neutralises_file_names() {
        let s = DocSummary::unreadable("=cmd.txt", "无法读取", "cannot read");
        let csv = summary_csv(&[s]);
        assert_eq!(
            csv,
            "\u{FEFF}文件,套表,读出表数,套表中读出,错误,其他提醒,舍入差异,未能读取\n'=cmd.txt,,0,,0,0,0,无法读取\n"
        );
    }
}
