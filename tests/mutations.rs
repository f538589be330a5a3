//! Changing one printed cell of the seed must produce errors at exactly that cell's relations:
//! every error names the changed cell (as the checked cell or as one it was computed from), and
//! the relations it belongs to all report.

use budget_check::report::{Finding, Severity};
use budget_check::{check_text, Report};
use common::touches;

mod common;

const SEED: &str = include_str!("fixtures/seed.txt");

/// Changes one cell of the seed (see [`common::mutate`]).
fn mutate(prefix: &str, nth: usize, col: usize, from: &str, to: &str) -> (String, usize) {
    common::mutate(SEED, prefix, nth, col, from, to)
}

/// The failing relations of the mutated document, each asserted to involve the changed cell.
/// When several sums or equalities fail, they come as one error at the changed cell, the likely
/// cause (a bound such as SGF003 states no difference to repair, and stands beside it).
fn errors_at(report: &Report, line: usize, col: usize) -> Vec<String> {
    let causes: Vec<&Finding> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    let errors: Vec<&Finding> =
        common::relations(report).into_iter().filter(|f| f.severity == Severity::Error).collect();
    for f in &errors {
        assert!(touches(f, line, col), "unrelated error: {}", report.finding_line(f));
    }
    let differing: Vec<&&Finding> = causes.iter().filter(|f| f.difference.is_some()).collect();
    if errors.iter().filter(|f| f.difference.is_some()).count() > 1 {
        let at_cell = |f: &&&Finding| f.cell.as_ref().is_some_and(|c| c.line == line && c.col == col);
        assert!(differing.len() == 1 && at_cell(&differing[0]), "not one cause at the cell: {:#?}", report.findings);
    }
    let mut rules: Vec<String> =
        errors.iter().map(|f| format!("{} {}", f.rule, report.table_name(f.table.unwrap()))).collect();
    rules.sort();
    rules
}

#[test]
fn a_changed_child_amount_breaks_its_row_its_parent_and_its_counterparts() {
    // 表二 2101101 行政单位医疗 总计 11.98 → 12.98
    let (text, line) = mutate("2101101\t", 1, 2, "11.98", "12.98");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 2), ["SUM001 表二", "SUM003 表二", "XTB007 表八"]);
}

#[test]
fn a_changed_total_breaks_its_row_its_column_and_the_other_table() {
    // 表三 合计 总计 352.16 → 362.16
    let (text, line) = mutate("合计\t\t<b>352.16", 1, 2, "352.16", "362.16");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 2), ["SUM001 表三", "SUM002 表三", "XTB003 表三"]);
}

#[test]
fn a_changed_weight_breaks_the_project_total_of_100() {
    // First project: 视频调度点 weight 25 → 35.
    let (text, line) = mutate("\t产出指标\t数量指标\t视频调度点", 1, 4, "25", "35");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 4), ["KPI001 项目“重大项目竞进拉练视频调度经费”"]);
    let f = report.findings.iter().find(|f| f.rule == "KPI001").unwrap();
    assert_eq!(f.computed.unwrap().to_string(), "110");
}

#[test]
fn a_figure_repeated_in_another_table_disagrees() {
    // 表六 科学技术支出 702.10 → 712.10 (the expenditure side of the department summary).
    let (text, line) = mutate("一般公共预算资金\t1,136.88\t科学技术支出", 2, 3, "702.10", "712.10");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 3), ["BAL002 表六", "XTB006 表八"]);
}

#[test]
fn a_changed_project_budget_breaks_its_funding_and_the_project_total() {
    // First project 当年预算 13.20 → 23.20.
    let (text, line) = mutate("当年预算 (万元)\t13.20", 1, 1, "13.20", "23.20");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 1), ["PRJ001 表八", "PRJ002 项目“重大项目竞进拉练视频调度经费”"]);
}

#[test]
fn a_changed_three_public_item_breaks_its_totals_and_the_economic_bound() {
    // 表四 公务用车运行费 3.00 → 2.00: the subtotal, and now below 30231 (3.00) in 表三.
    let (text, line) = mutate("13.00\t\t3.00", 1, 4, "3.00", "2.00");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 4), ["SGF002 表四", "SGF003 表四"]);
}

#[test]
fn an_invalid_nature_and_a_text_target_are_reported_at_their_cells() {
    let (text, line) = mutate("\t产出指标\t数量指标\t视频调度点", 1, 6, "≤", "约");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 6), ["KPI002 项目“重大项目竞进拉练视频调度经费”"]);
    let (text, line) = mutate("\t产出指标\t数量指标\t视频调度点", 1, 7, "3", "三个");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 7), ["KPI003 项目“重大项目竞进拉练视频调度经费”"]);
}

#[test]
fn a_changed_fund_line_breaks_its_section_and_the_department_summary() {
    // 表一 一般公共预算资金 1,136.88 → 1,146.88.
    let (text, line) = mutate("一般公共预算资金\t1,136.88\t科学技术支出", 1, 1, "1,136.88", "1,146.88");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 1), ["BAL002 表一", "XTB001 表六"]);
}

#[test]
fn a_changed_income_total_breaks_its_row_its_column_and_the_summary() {
    // 表七 合计 row, 合计 column 1,136.88 → 1,146.88.
    let (text, line) = mutate("合计\t\t1,136.88\t\t1,136.88", 1, 2, "1,136.88", "1,146.88");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 2), ["SUM001 表七", "SUM002 表七", "XTB005 表七"]);
}

#[test]
fn a_changed_three_public_total_breaks_the_three_part_sum() {
    let (text, line) = mutate("13.00\t\t3.00", 1, 0, "13.00", "14.00");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 0), ["SGF001 表四"]);
}

#[test]
fn a_changed_department_performance_budget_disagrees_with_the_total() {
    let (text, line) = mutate("部门名称\t", 1, 5, "1,136.88", "1,036.88");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 5), ["XTB008 表十"]);
}

#[test]
fn a_percentage_above_100_is_a_warning_at_its_cell() {
    let (text, line) = mutate("\t满意度指标\t满意度指标\t满意度\t10\t%\t>", 1, 7, "90", "120");
    let report = check_text(&text);
    assert!(errors_at(&report, line, 7).is_empty());
    let warning = report.findings.iter().find(|f| f.rule == "KPI004").expect("KPI004 warning");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(touches(warning, line, 7));
}

#[test]
fn an_empty_table_without_its_note_is_an_error() {
    let text = SEED.replace("（备注：本单位无政府性基金收支，故此表无数据。）", "");
    let report = check_text(&text);
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, report.table_name(f.table.unwrap())))
        .collect();
    assert_eq!(errors, ["EMP001 表五"]);
}

#[test]
fn a_changed_grand_total_unbalances_the_summary() {
    // 表六 收入总计 1,136.88 → 1,137.88.
    let (text, line) = mutate("收入总计\t", 1, 1, "1,136.88", "1,137.88");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 1), ["BAL001 表六", "BAL002 表六", "XTB005 表七"]);
}

#[test]
fn a_changed_class_in_the_fiscal_summary_disagrees_with_the_general_budget_table() {
    // 表一 科学技术支出, 一般公共预算 column 702.10 → 712.10.
    let (text, line) = mutate("一般公共预算资金\t1,136.88\t科学技术支出", 1, 4, "702.10", "712.10");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 4), ["BAL002 表一", "SUM001 表一", "XTB002 表二"]);
}
