//! What a check produces: findings that point at cells, the tables recognised, and which rules
//! ran. Renderers for people (text) and programs (JSON) live here too.

use crate::outline::Outline;
use crate::table::{CellRef, Table, Unrecognised};
use crate::tolerance::{Agreement, RoundingMode};
use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
            Severity::Info => "信息",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Words for the reader in both languages: a finding's message, what a rule needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Index into `Report::tables`, when the finding belongs to one table.
    pub table: Option<usize>,
    pub cell: Option<CellRef>,
    /// Cells the finding was computed from: children of a parent, the counterpart in another table.
    pub related: Vec<CellRef>,
    pub printed: Option<Decimal>,
    pub computed: Option<Decimal>,
    pub difference: Option<Decimal>,
    pub agreement: Option<Agreement>,
    /// Serialized as `message_zh` and `message_en`.
    #[serde(flatten, serialize_with = "message_fields")]
    pub message: Text,
    /// Where in the prose (情况说明) a finding about stated figures is, when it is not a cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<TextPlace>,
    /// The failing relations this finding's cell explains, when it is their likely cause.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explains: Vec<Finding>,
}

/// A message as the report's readers (JSON, the page) have always seen it: two fields beside
/// the others, `message_zh` and `message_en`.
fn message_fields<S: Serializer>(text: &Text, serializer: S) -> Result<S::Ok, S::Error> {
    text_fields(text, serializer, ["message_zh", "message_en"])
}

/// What a rule needs, as `needs_zh` and `needs_en` beside the rule's code.
fn needs_fields<S: Serializer>(text: &Text, serializer: S) -> Result<S::Ok, S::Error> {
    text_fields(text, serializer, ["needs_zh", "needs_en"])
}

fn text_fields<S: Serializer>(text: &Text, serializer: S, [zh, en]: [&'static str; 2]) -> Result<S::Ok, S::Error> {
    let mut fields = serializer.serialize_struct("Text", 2)?;
    fields.serialize_field(zh, &text.zh)?;
    fields.serialize_field(en, &text.en)?;
    fields.end()
}

/// A place in the text: the line and the words as printed, so the reader can find them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextPlace {
    pub source: String,
    /// 1-based line of the input.
    pub line: usize,
    /// The clause as printed, e.g. `2023 年本年一般公共预算基本支出 752418.26 元`.
    pub quote: String,
}

impl TextPlace {
    /// `第 20 行 “2023 年本年一般公共预算基本支出 752418.26 元”`
    pub fn describe(&self) -> String {
        format!("第 {} 行 “{}”", self.line, self.quote)
    }

    /// `line 20 “2023 年本年一般公共预算基本支出 752418.26 元”`
    pub fn describe_en(&self) -> String {
        format!("line {} “{}”", self.line, self.quote)
    }
}

/// A rule that could not run on this input, and what it needed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotChecked {
    pub rule: &'static str,
    /// Serialized as `needs_zh` and `needs_en`.
    #[serde(flatten, serialize_with = "needs_fields")]
    pub needs: Text,
}

/// Something left out of or removed from the input before it was read (a limit reached,
/// invisible characters), said in both languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputNote {
    /// Serialized as `message_zh` and `message_en`.
    #[serde(flatten, serialize_with = "message_fields")]
    pub message: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Rounding differences among the warnings.
    pub rounding: usize,
    /// Relations compared (sums, equalities, bounds).
    pub relations_checked: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub rounding_mode: RoundingMode,
    pub tables: Vec<Table>,
    pub findings: Vec<Finding>,
    pub not_checked: Vec<NotChecked>,
    pub unrecognised: Vec<Unrecognised>,
    pub counts: Counts,
    /// Left out when empty, so reports of clean inputs read as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<InputNote>,
    /// Why nothing could be checked, when no table was read: such a report is never "clean".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nothing_read: Option<InputNote>,
    /// The parts of the disclosure around its tables, for the review form.
    #[serde(skip_serializing_if = "Outline::is_empty")]
    pub outline: Outline,
}

/// Why no table was read from a document that has some text: the columns lost in copying,
/// tables found but not read, or no table at all. Tables printed empty (a title and its note,
/// no rows) check nothing: beside blocks that could not be read they do not make it clean.
pub fn nothing_read(
    tables: &[Table],
    unrecognised: &[Unrecognised],
    viewer_copied: bool,
    has_text: bool,
) -> Option<InputNote> {
    let only_empty = tables.iter().all(|t| t.rows.is_empty());
    if !only_empty || !has_text || (!tables.is_empty() && unrecognised.is_empty() && !viewer_copied) {
        return None;
    }
    let (none_zh, none_en) = if tables.is_empty() {
        ("没有读出任何表格".to_string(), "No table was read".to_string())
    } else {
        let n = tables.len();
        (format!("除 {n} 张空表外没有读出任何表格"), format!("No table was read but {n} printed empty"))
    };
    let (zh, en) = if viewer_copied {
        (
            format!("{none_zh}：这段文字像是从 PDF 阅读器复制的，复制时各列之间的空白和空单元格已丢失，无法判断每个数字属于哪一列。请直接上传 PDF 文件，或从 Excel/WPS 复制原表格。"),
            format!("{none_en}: this text looks copied from a PDF viewer, which drops the space between columns and the empty cells, so which figure belongs to which column cannot be told. Upload the PDF file itself, or copy the tables from Excel/WPS."),
        )
    } else if !unrecognised.is_empty() {
        let n = unrecognised.len();
        (
            format!("{none_zh}：{n} 处疑似表格未能可靠读出（原因见“未能读取”），因此未作任何核对，不能视为没有问题。"),
            format!("{none_en}: {n} block(s) looking like tables could not be read reliably (see \"not read\" for why), so nothing was checked — this is not a clean result."),
        )
    } else {
        (
            "没有找到任何表格，因此未作任何核对，不能视为没有问题。".to_string(),
            "No table was found, so nothing was checked — this is not a clean result.".to_string(),
        )
    };
    Some(InputNote { message: Text::new(zh, en) })
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.counts.errors > 0
    }

    /// The table's short name for messages: its number when printed (表二), else its title.
    pub fn table_name(&self, index: usize) -> String {
        self.tables.get(index).map(Table::short_name).unwrap_or_default()
    }

    /// "识别 12 张表，0 个错误，3 处舍入差异"
    pub fn summary_zh(&self) -> String {
        let c = &self.counts;
        format!(
            "识别 {} 张表，{} 个错误，{} 处舍入差异，{} 条其他提醒，{} 条信息（核对 {} 项关系，{}）",
            self.tables.len(),
            c.errors,
            c.rounding,
            c.warnings - c.rounding,
            c.infos,
            c.relations_checked,
            self.rounding_mode.label_zh()
        )
    }

    pub fn summary_en(&self) -> String {
        let c = &self.counts;
        format!(
            "{} tables recognised, {} errors, {} rounding differences, {} other warnings, {} notes ({} relations checked, {})",
            self.tables.len(),
            c.errors,
            c.rounding,
            c.warnings - c.rounding,
            c.infos,
            c.relations_checked,
            self.rounding_mode.label_en()
        )
    }

    /// Where a finding is, in Chinese: the cell, else the table, else the line of prose, else the document.
    pub fn place_zh(&self, f: &Finding) -> String {
        match (&f.cell, f.table) {
            (Some(cell), Some(t)) => cell.describe(&self.table_name(t)),
            (None, Some(t)) => self.table_name(t),
            _ => f.text.as_ref().map_or_else(|| "文档".to_string(), TextPlace::describe),
        }
    }

    /// Every finding, each followed by the relations it explains (marked `true`): the order of
    /// the text report and the exports.
    pub fn findings_in_order(&self) -> impl Iterator<Item = (bool, &Finding)> {
        self.findings.iter().flat_map(|f| std::iter::once((false, f)).chain(f.explains.iter().map(|e| (true, e))))
    }

    /// One line per finding, for terminals and snapshots.
    pub fn finding_line(&self, f: &Finding) -> String {
        let mut line = format!("[{}] {} {}: {}", f.severity.label_en(), f.rule, self.place_zh(f), f.message.zh);
        if let (Some(p), Some(c), Some(d)) = (f.printed, f.computed, f.difference) {
            line.push_str(&format!(" | 填报 {p} 计算 {c} 差额 {d}"));
        }
        line
    }

    /// The plain-text report the command-line checker prints.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.summary_zh());
        out.push('\n');
        out.push_str(&self.summary_en());
        out.push_str("\n\n");
        for note in self.nothing_read.iter().chain(&self.notes) {
            out.push_str(&format!("  注意 {}\n  note {}\n", note.message.zh, note.message.en));
        }
        for table in &self.tables {
            out.push_str(&format!("  {} · {} · {}\n", table.short_name(), table.kind.label_zh(), table.unit.label()));
        }
        for block in &self.unrecognised {
            out.push_str(&format!("  未识别 {}:{} {} — {}\n", block.source, block.line, block.title, block.reason_zh));
        }
        out.push('\n');
        for (explained, f) in self.findings_in_order() {
            let indent = if explained { "    ↳ " } else { "" };
            out.push_str(&format!("{indent}{}\n", self.finding_line(f)));
        }
        for n in &self.not_checked {
            out.push_str(&format!("[not checked] {}: {}\n", n.rule, n.needs.zh));
        }
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bilingual fields keep the names the JSON export, the CSV and integrators read.
    #[test]
    fn text_fields_serialize_under_their_report_names() {
        let note = serde_json::to_value(InputNote { message: Text::new("注意", "note") }).unwrap();
        assert_eq!(note, serde_json::json!({ "message_zh": "注意", "message_en": "note" }));
        let needs = serde_json::to_value(NotChecked { rule: "SUM001", needs: Text::new("需要", "needs") }).unwrap();
        assert_eq!(needs, serde_json::json!({ "rule": "SUM001", "needs_zh": "需要", "needs_en": "needs" }));
    }
}
