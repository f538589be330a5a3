//! PDF input end to end (issues 8 and 12): the seed document printed to PDF by headless
//! Chromium (tests/fixtures/pdf/make_pdf_fixtures.py), read by `read_file` (hayro glyphs →
//! whitespace-aligned text → the layout reader) and checked. These tests pin what the reader
//! does today, gaps included: of the seed's 19 tables the A4 portrait print gives 18 and the A4
//! landscape print all 19, with no error; a changed 项 figure in 表二 is reported at its cell.
//! The 11 performance forms are read with their indicators' 指标值, 指标性质 and 计量单位 as the
//! seed prints them in all but one or two forms, where wrapped names put an indicator out of step.
//! Still not read: in portrait 表一 (columns not aligned). A title wrapped over two
//! lines under its 表N marker is joined. When the reader learns more, these numbers should go up —
//! change them then, never down.

mod common;

use budget_check::check_sources;
use budget_check::ingest::{read_file, Source};
use budget_check::report::Severity;
use budget_check::tolerance::RoundingMode;
use budget_check::Report;
use std::process::Command;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_pdf_text(name: &str) -> String {
    read_file(name, &fixture(name)).unwrap_or_else(|e| panic!("{e}")).text
}

fn check_pdf(name: &str) -> Report {
    check_sources(&[Source { name: name.into(), text: read_pdf_text(name) }], RoundingMode::Nearest)
}

/// `short name | title` of each table read.
fn tables(report: &Report) -> Vec<String> {
    report.tables.iter().map(|t| format!("{} | {}", t.short_name(), t.title)).collect()
}

/// `number | title | reason` of each block not read as a table, line numbers left out.
fn unrecognised(report: &Report) -> Vec<String> {
    report
        .unrecognised
        .iter()
        .map(|u| {
            let reason = u.reason_en.split(" (line ").next().unwrap_or_default();
            format!("{} | {} | {reason}", u.number.as_deref().unwrap_or("-"), u.title)
        })
        .collect()
}

fn errors(report: &Report) -> Vec<String> {
    common::relations(report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| report.finding_line(f))
        .collect()
}

const UNIT: &str = "重庆市綦江区大数据应用发展管理局（汇总）";
/// The 11 performance forms (表十 and the ten project forms), read after the eight tables.
fn forms_read(report: &Report) {
    let forms = &tables(report)[report.tables.len() - 11..];
    assert_eq!(forms[0], "表十 | 部门整体绩效目标表");
    assert!(forms[1..].iter().all(|f| f.ends_with("| 2025年项目支出绩效目标表")), "{forms:#?}");
}

/// Per performance form, whether its indicators' 指标值, 指标性质 and 计量单位 are read in the
/// order and with the text the seed's own (pasted) tables give.
fn targets_as_in_seed(report: &Report) -> Vec<bool> {
    let targets = |report: &Report| -> Vec<Vec<[String; 3]>> {
        let forms = report.tables.iter().filter_map(|t| t.form.as_ref().map(|f| (t, f)));
        forms
            .map(|(t, f)| {
                let at = |row: usize, col: Option<usize>| col.map_or(String::new(), |c| t.text(row, c).to_string());
                let c = &f.columns;
                f.indicators.iter().map(|i| [at(i.row, c.value), at(i.row, c.nature), at(i.row, c.unit)]).collect()
            })
            .collect()
    };
    let seed = std::fs::read_to_string(format!("{}/tests/fixtures/seed.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let pasted = check_sources(&[Source { name: "seed.txt".into(), text: seed }], RoundingMode::Nearest);
    targets(&pasted).iter().zip(targets(report)).map(|(seed, pdf)| *seed == pdf).collect()
}

#[test]
fn portrait_print_reads_eighteen_of_nineteen_tables_without_errors() {
    let report = check_pdf("seed-a4-portrait.pdf");
    assert_eq!(report.tables.len(), 18);
    assert_eq!(
        tables(&report)[..7],
        [
            format!("表二 | {UNIT}一般公共预算财政拨款支出预算表"),
            format!("表三 | {UNIT}一般公共预算财政拨款基本支出预算表"),
            format!("表四 | {UNIT}一般公共预算“三公”经费支出表"),
            format!("表五 | {UNIT}政府性基金预算支出表"),
            format!("表六 | {UNIT}部门收支总表"),
            format!("表七 | {UNIT}部门收入总表"),
            format!("表八 | {UNIT}部门支出总表")
        ]
    );
    let list = unrecognised(&report);
    assert_eq!(list, [format!("表一 | {UNIT}财政拨款收支总表 | could not align columns")]);
    forms_read(&report);
    let matched = targets_as_in_seed(&report);
    assert_eq!(matched, [true, true, false, true, true, true, false, true, true, true, true]);
    assert!(errors(&report).is_empty(), "{:#?}", errors(&report));
    assert_eq!(report.counts.errors, 0);
    // 表五 is empty and its bracketed 备注 says why: an info, not an error.
    assert!(common::relations(&report).into_iter().any(|f| f.rule == "EMP001" && f.severity == Severity::Info));
    // 表七's names wrap in their cells and are read joined out of order: three NAM001 warnings.
    let nam: Vec<&str> = common::relations(&report)
        .into_iter()
        .filter(|f| f.rule == "NAM001")
        .map(|f| f.cell.as_ref().unwrap().row_label.as_str())
        .collect();
    assert_eq!(
        nam,
        ["20805 业单位养老支出机关事业单位", "2080505 基本养老保险缴费支出机关事", "2101199 政事业单位医疗支出资源勘"]
    );
}

#[test]
fn landscape_print_reads_all_nineteen_tables_without_errors() {
    let report = check_pdf("seed-a4-landscape.pdf");
    assert_eq!(report.tables.len(), 19);
    assert_eq!(
        tables(&report)[..8],
        [
            format!("表一 | {UNIT}财政拨款收支总表"),
            format!("表二 | {UNIT}一般公共预算财政拨款支出预算表"),
            format!("表三 | {UNIT}一般公共预算财政拨款基本支出预算表"),
            format!("表四 | {UNIT}一般公共预算“三公”经费支出表"),
            format!("表五 | {UNIT}政府性基金预算支出表"),
            format!("表六 | {UNIT}部门收支总表"),
            format!("表七 | {UNIT}部门收入总表"),
            format!("表八 | {UNIT}部门支出总表"),
        ]
    );
    assert!(unrecognised(&report).is_empty(), "{:#?}", unrecognised(&report));
    forms_read(&report);
    let matched = targets_as_in_seed(&report);
    assert_eq!(matched, [true, true, true, true, true, true, true, false, true, true, true]);
    assert!(errors(&report).is_empty(), "{:#?}", errors(&report));
    assert_eq!(report.counts.errors, 0);
}

/// 表二's 项 2150501 行政运行 总计 is 208.07 instead of 207.07: the row no longer adds up, nor does
/// its 款 21505, and 表八's 合计 for the same code now differs from 表二's. Each finding names the
/// changed row or its parent; the CLI exits 1.
#[test]
fn changed_cell_in_biao2_is_reported_at_its_row() {
    let text = read_pdf_text("seed-biao2-plus1.pdf");
    assert!(text.lines().any(|l| l.contains("2150501") && l.contains("208.07")), "the changed cell is in the text");
    let report = check_pdf("seed-biao2-plus1.pdf");
    assert_eq!(tables(&report), tables(&check_pdf("seed-a4-portrait.pdf")));
    let found: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let cell = f.cell.as_ref().unwrap();
            format!("{} {} / {} {:?} {:?}", f.rule, cell.row_label, cell.column_label, f.printed, f.computed)
        })
        .collect();
    assert_eq!(
        found,
        [
            "SUM001 2150501 行政运行 / 总计 Some(208.07) Some(207.07)",
            "SUM003 21505 工业和信息产业 / 总计 Some(355.33) Some(356.33)",
            "XTB007 2150501 行政运行 / 合计 Some(207.07) Some(208.07)",
        ]
    );
    let cli = Command::new(env!("CARGO_BIN_EXE_budget-check"))
        .arg(format!("{}/tests/fixtures/pdf/seed-biao2-plus1.pdf", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(1), "{}", String::from_utf8_lossy(&cli.stdout));
}

#[test]
fn bytes_that_are_not_a_pdf_are_a_bilingual_read_error() {
    let err = read_file("报表.pdf", b"hello, this is not a PDF").unwrap_err();
    assert_eq!(err.file, "报表.pdf");
    assert_eq!(err.message_zh, "无法读取文件“报表.pdf”：不是有效的 PDF 文件，或文件已损坏、加密（no %PDF header）");
    assert_eq!(
        err.message_en,
        "cannot read file \"报表.pdf\": not a valid PDF file, or it is damaged or encrypted (no %PDF header)"
    );
}

#[test]
fn a_pdf_without_text_says_there_is_no_readable_text() {
    let err = read_file("no-text.pdf", &fixture("no-text.pdf")).unwrap_err();
    assert_eq!(
        err.message_zh,
        "无法读取文件“no-text.pdf”：PDF 的 1 页中没有可读的文字（0 页只有图像，可能是扫描件）：无法核对，请取得含文字的 PDF 或原表格"
    );
    assert!(
        err.message_en.starts_with("cannot read file \"no-text.pdf\": none of the PDF's 1 pages holds readable text"),
        "{}",
        err.message_en
    );
    let cli = Command::new(env!("CARGO_BIN_EXE_budget-check"))
        .arg(format!("{}/tests/fixtures/pdf/no-text.pdf", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&cli.stderr).contains("没有可读的文字"));
}
