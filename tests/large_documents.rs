//! Correctness at size (not timing — that is `cargo run --release --example bench`): the
//! generated 一般公共预算财政拨款支出表 of 10,000 rows that the benchmark times checks clean, and one
//! changed cell in it is reported at that cell.

mod common;

#[path = "../examples/bench/generate.rs"]
mod generate;

use budget_check::report::{Finding, Severity};
use budget_check::{check_text, Report};

const ROWS: usize = 10_000;

/// The only finding a clean generated table carries: its made-up names (类级支出科目201…) are not
/// the national classification's, so NAM001 notes once that its names are not compared.
fn expected_only(report: &Report) -> bool {
    common::relations(report).into_iter().all(|f| f.rule == "NAM001" && f.severity == Severity::Info)
        && report.findings.len() == 1
}

#[test]
fn a_generated_table_of_ten_thousand_rows_checks_clean() {
    let text = generate::expenditure_table(ROWS);
    assert_eq!(text.lines().count(), ROWS + 4, "title, unit, header, 合计 and the rows");
    let report = check_text(&text);
    assert_eq!(report.tables.len(), 1);
    assert_eq!(report.tables[0].rows.len(), ROWS + 2, "header, 合计 and the rows");
    assert!(
        expected_only(&report),
        "{:#?}",
        common::relations(&report).into_iter().map(|f| &f.message.en).collect::<Vec<_>>()
    );
    assert_eq!(report.counts.errors, 0);
    // Every row adds up across (合计 = 基本支出 + 项目支出), every parent code over its children in
    // each of the three columns, and the 合计 row over the 类 rows in each column.
    let parents = text.lines().filter(|l| l.split('\t').next().is_some_and(|c| c.len() < 7 && c.len() >= 3)).count();
    assert!(report.counts.relations_checked >= ROWS + 1 + 3 * (parents - 1) + 3, "{}", report.counts.relations_checked);
}

/// The finding of `rule` whose own cell is at `line` (1-based) in column `column`.
fn at<'a>(report: &'a Report, rule: &str, line: usize, column: &str) -> Option<&'a Finding> {
    common::relations(report)
        .into_iter()
        .find(|f| f.rule == rule && f.cell.as_ref().is_some_and(|c| c.line == line && c.column_label == column))
}

#[test]
fn one_changed_cell_among_ten_thousand_rows_is_reported_at_that_cell() {
    let text = generate::expenditure_table(ROWS);
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    // A 项 row near the middle: its 合计 printed 1.00 too high.
    let (index, parent) = (ROWS / 2..)
        .find_map(|i| {
            let code = lines[i].split('\t').next()?;
            (code.len() == 7).then(|| (i, code[..5].to_string()))
        })
        .unwrap();
    let mut cells: Vec<String> = lines[index].split('\t').map(String::from).collect();
    let total: rust_decimal::Decimal = cells[2].parse().unwrap();
    cells[2] = (total + rust_decimal::Decimal::ONE).to_string();
    lines[index] = cells.join("\t");
    let changed_line = index + 1;
    let parent_line = 1 + lines.iter().position(|l| l.split('\t').next() == Some(parent.as_str())).unwrap();
    let report = check_text(&(lines.join("\n") + "\n"));

    // The row no longer adds up across: reported at the changed cell, 1.00 off.
    let row = at(&report, "SUM001", changed_line, "合计").expect("the row total is reported at the changed cell");
    assert_eq!(row.difference, Some(rust_decimal::Decimal::ONE));
    assert_eq!(row.severity, Severity::Error);
    // Its 款 no longer equals its 项: reported at the 款's 合计, naming the changed cell among its parts.
    let kuan = at(&report, "SUM003", parent_line, "合计").expect("the parent 款 is reported");
    assert!(kuan.related.iter().any(|c| c.line == changed_line && c.column_label == "合计"));
    // Nothing else: two errors and the one note on the made-up names.
    let errors: Vec<&str> =
        common::relations(&report).into_iter().filter(|f| f.severity == Severity::Error).map(|f| f.rule).collect();
    assert_eq!(
        errors,
        ["SUM001", "SUM003"],
        "{:#?}",
        common::relations(&report).into_iter().map(|f| &f.message.en).collect::<Vec<_>>()
    );
    // One error, the changed cell as their likely cause, and the note.
    assert_eq!(report.findings.len(), 2);
    assert_eq!(
        report.findings[0].cell.as_ref().map(|c| (c.line, c.column_label.as_str())),
        Some((changed_line, "合计"))
    );
}

/// A table number far past any set's numbering is not counted up to: `表99999` once made 99,997
/// "table N is absent" warnings (and `表4000000000` a loop of four billion) from a few lines.
#[test]
fn a_huge_table_number_does_not_make_a_finding_per_missing_number() {
    let text = "表1 部门收支总表\n单位：万元\n项目\t金额\n合计\t1.00\n\n表99999 部门收入总表\n单位：万元\n项目\t金额\n合计\t1.00\n\n\
                表4000000000 部门支出总表\n单位：万元\n项目\t金额\n合计\t1.00\n";
    let report = check_text(text);
    assert_eq!(report.tables.len(), 3);
    assert!(common::relations(&report).into_iter().all(|f| f.rule != "SET001"), "{:#?}", report.findings);
}
