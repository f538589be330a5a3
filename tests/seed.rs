//! The seed document (a real Chongqing 2025 部门预算): every table recognised and the complete
//! findings pinned.

use budget_check::report::Severity;
use budget_check::table::{ColumnRole, TableKind};
use budget_check::{check_text, Report};

fn seed() -> Report {
    check_text(include_str!("fixtures/seed.txt"))
}

#[test]
fn every_table_is_recognised_with_kind_unit_and_roles() {
    let report = seed();
    let kinds: Vec<(String, TableKind)> = report.tables.iter().map(|t| (t.short_name(), t.kind)).collect();
    let expected_numbered = [
        ("表一", TableKind::FiscalSummary),
        ("表二", TableKind::GeneralExpenditure),
        ("表三", TableKind::BasicExpenditure),
        ("表四", TableKind::ThreePublic),
        ("表五", TableKind::GovFundExpenditure),
        ("表六", TableKind::DeptSummary),
        ("表七", TableKind::DeptIncome),
        ("表八", TableKind::DeptExpenditure),
        ("表十", TableKind::DeptPerformance),
    ];
    for (i, (name, kind)) in expected_numbered.iter().enumerate() {
        assert_eq!((kinds[i].0.as_str(), kinds[i].1), (*name, *kind));
    }
    assert_eq!(report.tables.len(), 19);
    assert!(report.tables[9..].iter().all(|t| t.kind == TableKind::ProjectPerformance));
    assert!(report.tables.iter().all(|t| t.unit.label() == "万元" && t.unit_printed));
    assert!(report.unrecognised.is_empty());

    let roles = |i: usize| -> Vec<ColumnRole> { report.tables[i].columns.iter().map(|c| c.role).collect() };
    use ColumnRole::*;
    assert_eq!(roles(1), vec![Code, Name, Total, Basic, Project]);
    assert_eq!(roles(2), vec![Code, Name, Total, Personnel, PublicUse]);
    assert_eq!(roles(0), vec![Label, Total, Label, Total, GeneralBudget, GovFund, StateCapital]);
    assert_eq!(report.tables[3].columns[2].path, vec!["2025年预算数", "公务用车购置及运行费", "小计"]);
    assert_eq!(report.tables[1].header_rows, 2);
    assert_eq!(report.tables[3].header_rows, 3);
    assert_eq!(report.tables[6].columns[8].path, vec!["事业收入预算", "教育收费收入预算"]);
}

#[test]
fn project_forms_are_read() {
    let report = seed();
    let first = &report.tables[9];
    assert_eq!(first.short_name(), "项目“重大项目竞进拉练视频调度经费”");
    let form = first.form.as_ref().unwrap();
    assert_eq!(form.indicators.len(), 5);
    let dept = report.tables[8].form.as_ref().unwrap();
    assert_eq!(dept.indicators.len(), 6);
}

#[test]
fn complete_findings_are_pinned() {
    let report = seed();
    let lines: Vec<String> = report.findings.iter().map(|f| report.finding_line(f)).collect();
    insta::assert_snapshot!(lines.join("\n"));
    assert_eq!(report.counts.errors, 0);
    assert_eq!(report.counts.rounding, 8);
    assert!(report.findings.iter().all(|f| f.severity != Severity::Error));
}

#[test]
fn rounding_differences_are_the_known_ones() {
    let report = seed();
    let rounding: Vec<(String, String, String, String)> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| {
            let cell = f.cell.as_ref().unwrap();
            (
                report.table_name(cell.table),
                cell.row_label.clone(),
                f.printed.unwrap().to_string(),
                f.computed.unwrap().to_string(),
            )
        })
        .collect();
    let expect = |t: &str, row: &str, p: &str, c: &str| (t.to_string(), row.to_string(), p.to_string(), c.to_string());
    assert_eq!(
        rounding,
        vec![
            expect("表三", "合计", "352.16", "352.15"),
            expect("表三", "合计", "278.69", "278.68"),
            expect("表二", "21011 行政事业单位医疗", "16.98", "16.99"),
            expect("表二", "21011 行政事业单位医疗", "16.98", "16.99"),
            expect("表七", "21011 行政事业单位医疗", "16.98", "16.99"),
            expect("表七", "21011 行政事业单位医疗", "16.98", "16.99"),
            expect("表八", "21011 行政事业单位医疗", "16.98", "16.99"),
            expect("表八", "21011 行政事业单位医疗", "16.98", "16.99"),
        ]
    );
}

#[test]
fn strict_mode_turns_the_rounding_differences_into_errors() {
    use budget_check::ingest::Source;
    use budget_check::tolerance::RoundingMode;
    let source = Source { name: "seed".into(), text: include_str!("fixtures/seed.txt").into() };
    let report = budget_check::check_sources(&[source], RoundingMode::Strict);
    assert_eq!(report.counts.errors, 8);
    assert_eq!(report.counts.rounding, 0);
}

#[test]
fn every_rule_ran_or_says_what_it_needs() {
    let report = seed();
    // The seed has every table these rules need, so none reports "not checked".
    assert!(report.not_checked.is_empty(), "{:?}", report.not_checked);
    assert!(report.counts.relations_checked > 500);
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = include_str!("../README.md");
    for rule in budget_check::rules::registry() {
        assert!(readme.contains(&format!("| {} | {} |", rule.code, rule.name_zh)), "README lacks {}", rule.code);
    }
}
