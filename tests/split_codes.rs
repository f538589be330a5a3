//! Subject codes printed across separate 类 | 款 | 项 columns, and with spaces in one cell.
//! The fixtures (tests/fixtures/sets/make_split_codes.py) are the seed document with its 表二
//! re-laid; every finding must be the seed's own, pointing at the same printed cells (two
//! columns further right where the code takes three columns).

use budget_check::report::{Finding, Severity};
use budget_check::table::{column_letters, CellRef, ColumnRole};
use budget_check::{check_text, Report};
use common::mutate;

mod common;

const SEED: &str = include_str!("fixtures/seed.txt");
const SPARSE: &str = include_str!("fixtures/sets/seed-split-codes-sparse.txt");
const REPEATED: &str = include_str!("fixtures/sets/seed-split-codes-repeated.txt");
const SPACED: &str = include_str!("fixtures/sets/seed-spaced-codes.txt");

/// Index of 表二 in the seed's tables.
const TABLE_TWO: usize = 1;

/// The seed's findings as they read when 表二's code takes `extra + 1` columns.
fn shifted(report: &Report, extra: usize) -> Vec<Finding> {
    let shift = |cell: &mut CellRef| {
        if cell.table == TABLE_TWO && cell.col >= 1 {
            cell.col += extra;
            cell.a1 = format!("{}{}", column_letters(cell.col), cell.row + 1);
        }
    };
    let mut findings = report.findings.clone();
    for f in &mut findings {
        f.cell.iter_mut().chain(f.related.iter_mut()).for_each(shift);
        for e in &mut f.explains {
            e.cell.iter_mut().chain(e.related.iter_mut()).for_each(shift);
        }
    }
    findings
}

fn assert_same_findings(layout: &str, text: &str, extra: usize) {
    let seed = check_text(SEED);
    let report = check_text(text);
    let expected = shifted(&seed, extra);
    assert_eq!(report.findings.len(), expected.len(), "{layout}");
    for (got, want) in report.findings.iter().zip(&expected) {
        assert_eq!(got, want, "{layout}: {}", report.finding_line(got));
    }
}

#[test]
fn split_columns_are_one_code_column() {
    for text in [SPARSE, REPEATED] {
        let report = check_text(text);
        let table = &report.tables[TABLE_TWO];
        let roles: Vec<ColumnRole> = table.columns.iter().map(|c| c.role).collect();
        use ColumnRole::*;
        assert_eq!(roles, vec![Code, Other, Other, Name, Total, Basic, Project]);
        assert_eq!(table.columns[1].path, vec!["科目编码", "款"]);
        let codes: Vec<String> =
            table.data_rows().map(|r| table.row_code(r).map(|c| c.to_string()).unwrap_or_default()).collect();
        assert_eq!(
            codes,
            [
                "", "206", "20699", "2069999", "208", "20805", "2080505", "2080506", "210", "21011", "2101101",
                "2101102", "2101103", "2101199", "215", "21505", "2150501", "2150502", "2150517", "2150550", "221",
                "22102", "2210201",
            ]
        );
        assert_eq!(table.row_label(13, None), "2101102 事业单位医疗");
        assert!(table.is_total_row(2, None));
    }
}

#[test]
fn sparse_split_codes_give_the_seeds_findings() {
    assert_same_findings("sparse", SPARSE, 2);
}

#[test]
fn repeated_split_codes_give_the_seeds_findings() {
    assert_same_findings("repeated", REPEATED, 2);
}

#[test]
fn spaced_codes_in_one_cell_give_the_seeds_findings() {
    assert_same_findings("spaced", SPACED, 0);
}

/// The seed's rounding warning on 表二 (21011 = Σ 项 is 16.99 against 16.98 printed) sits on the
/// 21011 row's 总计 and 基本支出 cells, now columns E and F.
#[test]
fn rounding_warning_points_at_the_printed_cell() {
    for text in [SPARSE, REPEATED] {
        let report = check_text(text);
        let warnings: Vec<&Finding> = common::relations(&report)
            .into_iter()
            .filter(|f| f.table == Some(TABLE_TWO) && f.severity == Severity::Warning)
            .collect();
        let cells: Vec<(&str, &str, &str, usize)> = warnings
            .iter()
            .filter_map(|f| f.cell.as_ref())
            .map(|c| (f_rule(&warnings, c), c.a1.as_str(), c.row_label.as_str(), c.line))
            .collect();
        assert_eq!(
            cells,
            vec![("SUM003", "E12", "21011 行政事业单位医疗", 40), ("SUM003", "F12", "21011 行政事业单位医疗", 40)]
        );
    }
}

fn f_rule<'a>(findings: &[&'a Finding], cell: &CellRef) -> &'a str {
    findings.iter().find(|f| f.cell.as_ref() == Some(cell)).map(|f| f.rule).unwrap_or("")
}

/// Each error as `RULE A1-of-its-cell row-label`, asserting it involves the changed cell.
fn errors_at(report: &Report, line: usize, col: usize) -> Vec<String> {
    common::relations(report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let involved = f.cell.iter().chain(&f.related).any(|c| c.line == line && c.col == col);
            assert!(involved, "unrelated finding: {}", report.finding_line(f));
            let cell = f.cell.as_ref().map(|c| format!("{} {}", c.a1, c.row_label)).unwrap_or_default();
            format!("{} {} {cell}", f.rule, report.table_name(f.table.unwrap_or(0)))
        })
        .collect()
}

/// 2101101 行政单位医疗 printed as `\t\t01` (sparse) or `210\t11\t01` (repeated): its 基本支出
/// 11.98 → 12.98 breaks 21011 = Σ 项 (SUM003, at the 款 row's cell with the 项 cell among its
/// parts), the row's own 总计 = 基本支出 + 项目支出 and its match with 表八's 2101101 row (by
/// the joined code) — exactly the findings of the same change in the seed.
#[test]
fn a_changed_xiang_row_breaks_its_kuan_sum() {
    for (layout, text, prefix) in
        [("sparse", SPARSE, "\t\t01\t行政单位医疗"), ("repeated", REPEATED, "210\t11\t01\t行政单位医疗")]
    {
        let (mutated, line) = mutate(text, prefix, 1, 5, "11.98", "12.98");
        assert_eq!(line, 41, "{layout}");
        let report = check_text(&mutated);
        assert_eq!(
            errors_at(&report, line, 5),
            [
                "SUM001 表二 E13 2101101 行政单位医疗",
                "SUM003 表二 F12 21011 行政事业单位医疗",
                "XTB007 表八 D12 2101101 行政单位医疗"
            ],
            "{layout}"
        );
        let (seed, seed_line) = mutate(SEED, "2101101\t行政单位医疗", 1, 3, "11.98", "12.98");
        assert_eq!(seed_line, line);
        assert_eq!(report.findings, shifted(&check_text(&seed), 2), "{layout}");
    }
}

/// 表二 of the sparse fixture as Excel/WPS copy it as HTML: `科目编码` spanning the 类/款/项
/// columns, `科目名称` spanning both header rows, `合计` spanning the code and name columns.
fn table_two_as_html() -> String {
    let lines: Vec<&str> = SPARSE.lines().collect();
    let start = lines.iter().position(|l| *l == "表二").unwrap_or(0);
    let end = lines.iter().position(|l| *l == "表三").unwrap_or(0);
    let td = |cells: &[&str]| cells.iter().map(|c| format!("<td>{c}</td>")).collect::<String>();
    let mut html = String::from(
        "<html><body><p>一般公共预算财政拨款支出预算表</p><p>单位：万元</p><table>\
         <tr><td colspan=\"3\">科目编码</td><td rowspan=\"2\">科目名称</td><td colspan=\"3\">2025年预算数</td></tr>\
         <tr><td>类</td><td>款</td><td>项</td><td>总计</td><td>基本支出</td><td>项目支出</td></tr>",
    );
    for line in &lines[start..end] {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() < 7 || cells[0] == "科目编码" || cells[0] == "类" {
            continue;
        }
        let cells: Vec<String> = cells.iter().map(|c| c.replace("<b>", "").replace("</b>", "")).collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        if cells[0] == "合计" {
            html += &format!("<tr><td colspan=\"4\">合计</td>{}</tr>", td(&cells[4..]));
        } else {
            html += &format!("<tr>{}</tr>", td(&cells));
        }
    }
    html + "</table></body></html>"
}

#[test]
fn html_with_spanned_code_header_joins_the_codes() {
    let report = check_text(&budget_check::ingest::html_to_text(&table_two_as_html()));
    let table = &report.tables[0];
    let roles: Vec<ColumnRole> = table.columns.iter().map(|c| c.role).collect();
    use ColumnRole::*;
    assert_eq!(roles, vec![Code, Other, Other, Name, Total, Basic, Project]);
    assert_eq!(table.row_label(13, None), "2101102 事业单位医疗");
    let table_findings: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.table == Some(0) && f.severity != Severity::Info)
        .map(|f| format!("{:?} {} {}", f.severity, f.rule, f.cell.as_ref().map(|c| c.a1.as_str()).unwrap_or("")))
        .collect();
    assert_eq!(table_findings, ["Warning SUM003 E12", "Warning SUM003 F12"]);
}

/// An economic-classification table split as `类 | 款`, with 合计 in the 类 column, a row whose
/// 款 cell is not a code, and a 款 printed whole (`30201`) after a bare `02`.
const ECONOMIC: &str = "表三\n\n## 一般公共预算财政拨款基本支出预算表\n\n单位：万元\n\n\
科目编码\t\t科目名称\t合计\t人员经费\t公用经费\n\
类\t款\t\t\t\t\n\
合计\t\t\t110.00\t100.00\t10.00\n\
301\t\t工资福利支出\t100.00\t100.00\t\n\
\t01\t基本工资\t60.00\t60.00\t\n\
\t02\t津贴补贴\t40.00\t40.00\t\n\
\t其中\t说明行\t\t\t\n\
302\t\t商品和服务支出\t10.00\t\t10.00\n\
\t30201\t办公费\t4.00\t\t4.00\n\
\t02\t印刷费\t6.00\t\t6.00\n";

#[test]
fn economic_lei_kuan_columns_are_joined() {
    let report = check_text(ECONOMIC);
    let table = &report.tables[0];
    let codes: Vec<String> =
        table.data_rows().map(|r| table.row_code(r).map(|c| c.to_string()).unwrap_or_default()).collect();
    assert_eq!(codes, ["", "301", "30101", "30102", "", "302", "30201", "30202"]);
    let errors: Vec<&Finding> =
        common::relations(&report).into_iter().filter(|f| f.severity != Severity::Info).collect();
    assert!(errors.is_empty(), "{:?}", errors.iter().map(|f| report.finding_line(f)).collect::<Vec<_>>());

    // 30102 津贴补贴 40.00 → 45.00 in 合计: 301 = Σ 款 (SUM003 at 301's cell), the row's own
    // 合计 = 人员经费 + 公用经费, and nothing else.
    let (mutated, line) = mutate(ECONOMIC, "\t02\t津贴补贴", 1, 3, "40.00", "45.00");
    let report = check_text(&mutated);
    let found: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.cell.as_ref().map(|c| c.a1.as_str()).unwrap_or("")))
        .collect();
    assert_eq!(found, ["SUM001 D6", "SUM003 D4"], "line {line}");
}

/// A table listing each unit's codes under its own row (made up), one page of which drifted so
/// that its codes stand in the 预算单位 column beside the empty 科目编码 cells: the codes are
/// still the rows' codes, so each unit's 类 adds up its own 款, and a wrong 款 is caught there.
const UNITS: &str = "表8\n一般公共预算支出表（按经济分类）\n单位：万元\n\
    预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出\n\
    某局\t\t\t30.00\t20.00\t10.00\n\
    某局（本级）\t\t\t18.00\t12.00\t6.00\n\
    \t301\t工资福利支出\t12.00\t12.00\t0.00\n\
    \t30101\t基本工资\t12.00\t12.00\t0.00\n\
    \t302\t商品和服务支出\t6.00\t0.00\t6.00\n\
    \t30201\t办公费\t6.00\t0.00\t6.00\n\
    某中心\t\t\t12.00\t8.00\t4.00\n\
    301\t\t工资福利支出\t8.00\t8.00\t0.00\n\
    30101\t\t基本工资\t5.00\t5.00\t0.00\n\
    30102\t\t津贴补贴\t3.00\t3.00\t0.00\n\
    302\t\t商品和服务支出\t4.00\t0.00\t4.00\n\
    30201\t\t办公费\t4.00\t0.00\t4.00\n";

#[test]
fn codes_that_drifted_into_the_unit_column_stay_codes() {
    let report = check_text(UNITS);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let table = &report.tables[0];
    assert_eq!(table.columns[1].role, ColumnRole::Code);
    let codes: Vec<String> = table.data_rows().filter_map(|r| table.row_code(r)).map(|c| c.to_string()).collect();
    assert_eq!(codes, ["301", "30101", "302", "30201", "301", "30101", "30102", "302", "30201"]);
    assert!(errors(&report).is_empty(), "{:?}", errors(&report));

    let wrong = check_text(&UNITS.replace("30102\t\t津贴补贴\t3.00", "30102\t\t津贴补贴\t4.00"));
    let hierarchy: Vec<&str> = common::relations(&wrong)
        .into_iter()
        .filter(|f| f.rule == "SUM003")
        .filter_map(|f| f.cell.as_ref())
        .map(|c| c.a1.as_str())
        .collect();
    assert_eq!(hierarchy, ["D9"]);
}

fn errors(report: &Report) -> Vec<String> {
    common::relations(report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| report.finding_line(f))
        .collect()
}
