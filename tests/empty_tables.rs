//! Tables printed empty in aligned text (a PDF's layout): a title with its unit caption or its
//! note and no figures is an empty table, read and judged by EMP001; a title alone (a 目录 line)
//! is no table; a line of the document about empty tables explains them all.

use budget_check::report::Severity;
use budget_check::{check_text, Report};

/// A made-up 部门支出总表 and an empty 政府性基金预算支出表 with its note, laid out as
/// `pdftotext -layout` prints them.
const LAID_OUT: &str = r"                                  表三
                              部门支出总表
  部门：示例局                                                     单位：万元

      科目编码            科目名称                合计        基本支出        项目支出
      201         一般公共服务支出              1,200.00       900.00        300.00
      20101       人大事务                      1,200.00       900.00        300.00
      2010101     行政运行                        900.00       900.00
      2010102     一般行政管理事务                300.00                     300.00
      208         社会保障和就业支出              100.00       100.00
      20805       行政事业单位养老支出            100.00       100.00
      2080505     机关养老保险缴费                100.00       100.00
                  合计                          1,300.00     1,000.00        300.00

                                  表八
                          政府性基金预算支出表
  部门：示例局                                                     单位：万元

      科目编码            科目名称                合计        基本支出        项目支出

  注：本部门没有使用政府性基金预算拨款安排的支出，故本表无数据。
";

const NOTE: &str = "  注：本部门没有使用政府性基金预算拨款安排的支出，故本表无数据。\n";

fn empty_table_findings(report: &Report) -> Vec<(Severity, String)> {
    report.findings.iter().filter(|f| f.rule == "EMP001").map(|f| (f.severity, f.message.zh.clone())).collect()
}

fn titles(report: &Report) -> Vec<&str> {
    report.tables.iter().map(|t| t.title.as_str()).collect()
}

#[test]
fn an_empty_table_with_its_note_is_read_and_explained() {
    let report = check_text(LAID_OUT);
    assert_eq!(titles(&report), ["部门支出总表", "政府性基金预算支出表"]);
    assert_eq!(report.counts.errors, 0);
    let expected = "表八 无数据，已附说明：注：本部门没有使用政府性基金预算拨款安排的支出，故本表无数据。";
    assert_eq!(empty_table_findings(&report), [(Severity::Info, expected.to_string())]);
}

#[test]
fn an_empty_table_without_a_note_is_an_error() {
    let report = check_text(&LAID_OUT.replace(NOTE, ""));
    assert_eq!(titles(&report), ["部门支出总表", "政府性基金预算支出表"]);
    let expected = "表八 没有任何金额，也没有说明无数据的原因";
    assert_eq!(empty_table_findings(&report), [(Severity::Error, expected.to_string())]);
}

#[test]
fn a_line_of_the_document_about_empty_tables_explains_them() {
    let said = "  说明：以上报表中，空表表示本部门无相关收支情况。";
    let report = check_text(&format!("{}\n{said}\n", LAID_OUT.replace(NOTE, "")));
    let expected = format!("表八 无数据，已附说明：{}", said.trim());
    assert_eq!(empty_table_findings(&report), [(Severity::Info, expected)]);
}

#[test]
fn titles_listed_in_a_contents_page_are_no_tables() {
    let contents = "目录\n\n  表三  部门支出总表\n  表八  政府性基金预算支出表\n\n";
    let report = check_text(&format!("{contents}{LAID_OUT}"));
    assert_eq!(titles(&report), ["部门支出总表", "政府性基金预算支出表"]);
    assert_eq!(report.counts.errors, 0);
}

/// Copied from a PDF viewer, the figures' columns are lost: the empty table is still read, but the
/// document is not clean, since nothing with figures could be checked.
#[test]
fn only_empty_tables_read_is_not_a_clean_document() {
    let copied = "部门支出总表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n\
                  201 一般公共服务支出 1,200.00 900.00 300.00\n20101 人大事务 1,200.00 900.00 300.00\n\
                  2010101 行政运行 900.00 900.00\n2010102 一般行政管理事务 300.00 300.00\n";
    let empty = &LAID_OUT[LAID_OUT.find("                                  表八").unwrap()..];
    let report = check_text(&format!("{copied}\n{empty}"));
    assert_eq!(titles(&report), ["政府性基金预算支出表"]);
    let why = report.nothing_read.expect("not clean").message;
    assert!(why.zh.starts_with("除 1 张空表外没有读出任何表格"), "{}", why.zh);
}

/// Plain text, as a PDF viewer copies an empty table: its note among the lines under the title.
#[test]
fn an_empty_table_copied_as_plain_lines_keeps_its_note() {
    let copied = "表八\n政府性基金预算支出表\n部门：示例局 单位：万元\n科目编码 科目名称\n合计 基本支出 项目支出\n\
                  注：本部门没有使用政府性基金预算拨款安排的支出，故本表无数据。\n";
    let report = check_text(copied);
    assert_eq!(titles(&report), ["政府性基金预算支出表"]);
    let expected = "表八 无数据，已附说明：注：本部门没有使用政府性基金预算拨款安排的支出，故本表无数据。";
    assert_eq!(empty_table_findings(&report), [(Severity::Info, expected.to_string())]);
}

/// The 说明 giving the empty table's own figure as nothing says why it is empty.
#[test]
fn a_statement_of_nothing_in_the_prose_explains_the_empty_table() {
    let said = "  2026年政府性基金预算支出0.00万元，与上年持平。";
    let report = check_text(&format!("{}\n{said}\n", LAID_OUT.replace(NOTE, "")));
    let found = empty_table_findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Severity::Info, "{found:?}");
    assert!(found[0].1.contains("政府性基金预算支出0.00万元"), "{found:?}");
    let some = check_text(&format!("{}\n{}\n", LAID_OUT.replace(NOTE, ""), said.replace("0.00", "5.00")));
    assert_eq!(empty_table_findings(&some)[0].0, Severity::Error);
}
