//! Table sets beyond the seed's template, on made-up fixtures in tests/fixtures/sets that have the
//! shape and the relations of real published tables (tests/fixtures/sets/make_sets.py writes them;
//! the real documents stay in the corpus folder, and tests/layout.rs, tests/formats.rs and
//! tests/narrative.rs check those):
//! - juesuan-sample-2024.tsv: a national 部门决算 set as Shanghai districts print it (corpus 01's
//!   layout), all nine tables, codes joined in one cell (`201 03 01`), with the rounding
//!   differences such a set shows;
//! - sangong-sample-2015.tsv: a stand-alone 三公 table with corpus 10's kind of error (公务用车费 0
//!   while its 其中 运行维护费 is 27.85; 合计 30.25 = 2.40 + 27.85);
//! - sangong-juesuan-pairs.tsv: a constructed 三公 决算 table, one row per item with 预算数/决算数
//!   columns and 会议费/培训费 rows outside the 三公 total (figures consistent by construction).
//!
//! The recognised kinds and the complete findings are pinned; each mutation changes one printed
//! cell and asserts the errors that cell's relations raise, all pointing at it.

use budget_check::report::{Finding, Severity};
use budget_check::table::TableKind;
use budget_check::{check_text, Report};
use common::{mutate, touches};

mod common;

const JUESUAN: &str = include_str!("fixtures/sets/juesuan-sample-2024.tsv");
const SANGONG: &str = include_str!("fixtures/sets/sangong-sample-2015.tsv");
const PAIRS: &str = include_str!("fixtures/sets/sangong-juesuan-pairs.tsv");
const SEED: &str = include_str!("fixtures/seed.txt");

/// The findings of one severity, each asserted to involve the changed cell, as `RULE table`.
fn at(report: &Report, severity: Severity, line: usize, col: usize) -> Vec<String> {
    let found: Vec<&Finding> = common::relations(report).into_iter().filter(|f| f.severity == severity).collect();
    for f in &found {
        assert!(touches(f, line, col), "unrelated finding: {}", report.finding_line(f));
    }
    let mut rules: Vec<String> =
        found.iter().map(|f| format!("{} {}", f.rule, report.table_name(f.table.unwrap_or(0)))).collect();
    rules.sort();
    rules
}

fn errors_at(report: &Report, line: usize, col: usize) -> Vec<String> {
    at(report, Severity::Error, line, col)
}

fn kinds(report: &Report) -> Vec<(String, TableKind)> {
    report.tables.iter().map(|t| (t.short_name(), t.kind)).collect()
}

fn lines(report: &Report) -> String {
    common::relations(report).into_iter().map(|f| report.finding_line(f)).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_national_final_account_set_is_recognised_table_by_table() {
    let report = check_text(JUESUAN);
    use TableKind::*;
    let expect = [
        ("收入支出决算总表", FinalSummary),
        ("收入决算表", FinalIncome),
        ("支出决算表", FinalExpenditure),
        ("财政拨款收入支出决算总表", FiscalSummary),
        ("一般公共预算财政拨款支出决算表", GeneralExpenditure),
        ("一般公共预算财政拨款基本支出决算表", BasicExpenditure),
        ("财政拨款“三公”经费支出决算表", ThreePublic),
        ("政府性基金预算财政拨款收入支出决算表", GovFundExpenditure),
        ("国有资本经营预算财政拨款收入支出决算表", StateCapitalExpenditure),
    ];
    let expect: Vec<(String, TableKind)> = expect.iter().map(|(n, k)| (n.to_string(), *k)).collect();
    assert_eq!(kinds(&report), expect);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    // The three-public 决算 table: 预算数/决算数 under each item.
    let three = &report.tables[6];
    assert_eq!(three.columns[4].path, ["公务用车购置及运行费", "小计", "预算数"]);
    assert_eq!(three.columns[10].path, ["公务接待费", "预算数"]);
}

/// Every finding on the set: its rounding differences (收入/支出决算表 and the general table sum
/// their classes to 0.01 more than their 合计; 301 and 302 children; 社会保障和就业支出 printed
/// 269.52 in the 总表s and 269.53 in the code tables — corpus 01's pattern, whose real findings
/// tests/layout.rs pins), the two empty tables with their notes, and the set — no error.
#[test]
fn the_final_account_findings_are_pinned() {
    let report = check_text(JUESUAN);
    insta::assert_snapshot!(lines(&report));
    assert_eq!(report.counts.errors, 0);
    assert_eq!(report.counts.rounding, 10);
}

#[test]
fn the_stand_alone_three_public_table_reports_its_parent_error() {
    let report = check_text(SANGONG);
    assert_eq!(kinds(&report), [("2015年示例市示例局部门“三公”经费情况统计表".to_string(), TableKind::ThreePublic)]);
    let errors: Vec<(String, String, String, String, String)> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let cell = f.cell.as_ref().unwrap();
            (
                f.rule.to_string(),
                cell.row_label.clone(),
                cell.column_label.clone(),
                f.printed.unwrap().to_string(),
                f.computed.unwrap().to_string(),
            )
        })
        .collect();
    let e = |r: &str, row: &str, col: &str, p: &str, c: &str| {
        (r.to_string(), row.to_string(), col.to_string(), p.to_string(), c.to_string())
    };
    assert_eq!(
        errors,
        [
            e("SGF002", "3.公务用车费", "本年预算数", "0", "27.85"),
            e("SGF002", "3.公务用车费", "其中:公共预算财政拨款", "0", "27.85"),
        ]
    );
}

#[test]
fn three_public_pairs_add_up_per_series_and_leave_meetings_and_training_outside() {
    let report = check_text(PAIRS);
    assert_eq!(report.tables[0].kind, TableKind::ThreePublic);
    assert_eq!(report.counts.errors, 0);
    assert_eq!(report.counts.warnings, 0);
    // SGF001 and SGF002 for 预算数 and 决算数 each.
    assert_eq!(report.counts.relations_checked, 4);

    // 决算数 of 公务接待费 3.20 → 3.30: only the 决算数 total breaks.
    let (text, line) = mutate(PAIRS, "三、公务接待费", 1, 2, "3.20", "3.30");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 2), ["SGF001 2023年度“三公”经费、会议费和培训费支出决算表"]);
    let f = common::relations(&report).into_iter().find(|f| f.rule == "SGF001").unwrap();
    assert_eq!((f.printed.unwrap().to_string(), f.computed.unwrap().to_string()), ("10.36".into(), "10.46".into()));

    // 预算数 of 公务用车运行维护费 6.50 → 6.60: only the 预算数 vehicle subtotal breaks.
    let (text, line) = mutate(PAIRS, "公务用车运行维护费", 1, 1, "6.50", "6.60");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 1), ["SGF002 2023年度“三公”经费、会议费和培训费支出决算表"]);
}

#[test]
fn a_changed_three_public_budget_figure_breaks_its_pair_series() {
    // The 三公 决算 table: 公务接待费 预算数 1.20 → 2.20 (合计 预算数 stays 1.20).
    let (text, line) = mutate(JUESUAN, "1.20\t", 1, 10, "1.20", "2.20");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 10), ["SGF001 财政拨款“三公”经费支出决算表"]);
    assert!(common::relations(&report).into_iter().any(|f| f.rule == "SGF001" && f.message.zh.contains("（预算数）")));
}

#[test]
fn the_economic_bound_reads_the_side_by_side_basic_table() {
    // 30217 公务接待费 in the 决算 basic table 0 → 1.00 while the 三公 决算数 is blank.
    let (text, line) = mutate(JUESUAN, "303 02\t", 1, 5, "", "1.00");
    let report = check_text(&text);
    assert_eq!(
        errors_at(&report, line, 5),
        ["SGF003 财政拨款“三公”经费支出决算表", "SUM003 一般公共预算财政拨款基本支出决算表"]
    );
    let sum =
        common::relations(&report).into_iter().find(|f| f.rule == "SUM003" && f.severity == Severity::Error).unwrap();
    assert_eq!(sum.cell.as_ref().unwrap().row_label, "302 商品和服务支出");
}

#[test]
fn the_final_account_balance_counts_carry_overs() {
    // 年初结转和结余 38.27 → 39.27: 收入总计 no longer = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
    let (text, line) = mutate(JUESUAN, "年初结转和结余\t", 1, 1, "38.27", "39.27");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 1), ["BAL002 收入支出决算总表"]);
    let f = common::relations(&report).into_iter().find(|f| f.severity == Severity::Error).unwrap();
    assert_eq!(f.cell.as_ref().unwrap().row_label, "总计");
    assert_eq!(f.computed.unwrap().to_string(), "2411.09");

    // 结余分配 blank → 1.00 on the expenditure side.
    let (text, line) = mutate(JUESUAN, "使用非财政拨款结余", 1, 3, "", "1.00");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 3), ["BAL002 收入支出决算总表"]);
}

#[test]
fn a_changed_expenditure_column_breaks_the_final_row_identity_and_hierarchy() {
    // 支出决算表 2010301 行政运行: 经营支出 blank → 5.00.
    let (text, line) = mutate(JUESUAN, "201 03 01\t行政运行\t1,253.95", 1, 6, "", "5.00");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 6), ["SUM001 支出决算表", "SUM003 支出决算表"], "{}", lines(&report));
}

#[test]
fn the_income_table_agrees_with_this_years_income_not_the_grand_total() {
    // 收入决算表 合计 2,371.82 → 2,381.82.
    let (text, line) = mutate(JUESUAN, "\t合计\t2,371.82", 1, 2, "2,371.82", "2,381.82");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 2), ["SUM001 收入决算表", "SUM002 收入决算表", "XTB005 收入决算表"]);
    let f = common::relations(&report).into_iter().find(|f| f.rule == "XTB005").unwrap();
    assert_eq!(f.computed.unwrap().to_string(), "2371.82");
}

#[test]
fn numbered_classes_of_the_final_summaries_meet_their_code_tables() {
    // 财政拨款收入支出决算总表 一、一般公共服务支出, 一般公共预算 column 1,671.10 → 1,681.10.
    let (text, line) =
        mutate(JUESUAN, "一、一般公共预算财政拨款\t2,366.32\t一、一般公共服务支出", 1, 4, "1,671.10", "1,681.10");
    let report = check_text(&text);
    assert_eq!(
        errors_at(&report, line, 4),
        ["BAL002 财政拨款收入支出决算总表", "SUM001 财政拨款收入支出决算总表", "XTB002 一般公共预算财政拨款支出决算表"]
    );
}

#[test]
fn personnel_and_public_use_totals_follow_their_classes() {
    // 决算 layout: 人员经费合计 1,786.68 → 1,787.68; it no longer equals 301 + 303, and the
    // general table's 基本支出 no longer equals 人员经费合计 + 公用经费合计.
    let (text, line) = mutate(JUESUAN, "\t人员经费合计", 1, 2, "1,786.68", "1,787.68");
    let report = check_text(&text);
    assert_eq!(
        errors_at(&report, line, 2),
        ["BAS001 一般公共预算财政拨款基本支出决算表", "XTB003 一般公共预算财政拨款支出决算表"]
    );

    // 预算 layout (seed 表三): 30201 办公费 moved from 日常公用经费 into 人员经费.
    let (text, line) = mutate(SEED, "30201\t", 1, 3, "", "20.89");
    let (text, _) = mutate(&text, "30201\t", 1, 4, "20.89", "");
    let report = check_text(&text);
    let bas: Vec<&Finding> = common::relations(&report).into_iter().filter(|f| f.rule == "BAS001").collect();
    assert_eq!(bas.len(), 1);
    assert!(touches(bas[0], line, 3));
    assert_eq!(bas[0].severity, Severity::Error);
}

#[test]
fn a_unit_caption_that_does_not_match_its_figures_is_a_unit_problem() {
    // 收入决算表 prints 单位：元 while its figures are 万元.
    let text = JUESUAN.replacen("收入决算表\n单位：万元", "收入决算表\n单位：元", 1);
    let report = check_text(&text);
    let errors: Vec<&Finding> =
        common::relations(&report).into_iter().filter(|f| f.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{}", lines(&report));
    let f = errors[0];
    assert_eq!(f.rule, "UNIT001");
    assert_eq!(report.table_name(f.table.unwrap()), "收入决算表");
    assert_eq!(f.cell.as_ref().unwrap().row_label, "合计");
    assert!(f.message.zh.contains("万元/元单位标注不一致"), "{}", f.message.zh);
    assert!(f.message.zh.contains("（单位：元）") && f.message.zh.contains("（单位：万元）"));
}

#[test]
fn a_name_that_is_not_its_codes_name_is_flagged() {
    // Nothing is flagged on the seed or on the 决算 set as printed.
    for text in [SEED, JUESUAN] {
        assert!(!check_text(text).findings.iter().any(|f| f.rule == "NAM001"));
    }
    // 收入决算表 2210201 住房公积金 → 提租补贴 (the name of 2210202).
    let (text, line) = mutate(JUESUAN, "221 02 01\t", 1, 1, "住房公积金", "提租补贴");
    let report = check_text(&text);
    let names: Vec<&Finding> = common::relations(&report).into_iter().filter(|f| f.rule == "NAM001").collect();
    assert_eq!(names.len(), 1);
    let f = names[0];
    assert!(touches(f, line, 1) && f.severity == Severity::Warning);
    assert_eq!(f.message.zh, "收入决算表 科目 2210201 的名称为“提租补贴”，按《政府收支分类科目》应为“住房公积金”");
    // Spacing and punctuation do not matter; an older name of the code is accepted.
    let (text, _) = mutate(JUESUAN, "208 05\t", 1, 1, "行政事业单位养老支出", "行政事业单位 离退休");
    assert!(!check_text(&text).findings.iter().any(|f| f.rule == "NAM001"));
    // A name cut at a PDF line wrap is not a wrong name.
    let (text, _) = mutate(JUESUAN, "303 99\t", 1, 1, "其他对个人和家庭的补助", "其他对个人和家庭");
    assert!(!check_text(&text).findings.iter().any(|f| f.rule == "NAM001"));
}

#[test]
fn the_set_is_named_and_its_absent_tables_listed() {
    let set = |report: &Report| -> Vec<String> {
        common::relations(report).into_iter().filter(|f| f.rule == "SET002").map(|f| f.message.zh.clone()).collect()
    };
    assert_eq!(set(&check_text(JUESUAN)), ["识别为全国统一部门决算公开表（9 张），各表齐全"]);
    assert_eq!(set(&check_text(SEED)), ["识别为重庆区县部门预算公开表（表一至表十），各表齐全"]);
    let start = JUESUAN.find("财政拨款“三公”经费支出决算表").unwrap();
    let end = JUESUAN.find("政府性基金预算财政拨款收入支出决算表").unwrap();
    let without = format!("{}{}", &JUESUAN[..start], &JUESUAN[end..]);
    assert_eq!(
        set(&check_text(&without)),
        ["识别为全国统一部门决算公开表（9 张），未见：财政拨款“三公”经费支出决算表"]
    );
    assert!(set(&check_text(SANGONG)).is_empty());
    // A title whose table could not be read counts as there, and is named as not read. (Under a
    // unit caption and no figures it would be a table printed empty.)
    let rows_start = JUESUAN[start..].find("单位：万元").unwrap() + start;
    let unread = format!("{}{}", &JUESUAN[..rows_start], &JUESUAN[end..]);
    assert_eq!(
        set(&check_text(&unread)),
        ["识别为全国统一部门决算公开表（9 张）；标题已识别但未能读出：财政拨款“三公”经费支出决算表"]
    );
}

#[test]
fn an_empty_final_account_table_without_its_note_is_an_error() {
    let text = JUESUAN.replace("注：示例区数据管理局无政府性基金预算财政拨款支出，故本表无数据。", "");
    let report = check_text(&text);
    let errors: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, report.table_name(f.table.unwrap())))
        .collect();
    assert_eq!(errors, ["EMP001 政府性基金预算财政拨款收入支出决算表"]);
}

/// The Chongqing 市级 表五 header as pdftotext prints it (corpus 21's layout): the previous year's
/// 2025年预算数 beside 2026年预算数, 基本支出 over 小计/人员经费/公用经费, and 项目支出 centred on
/// the middle header row. Made-up figures with the relations of 21's table, its 0.01 included.
const CHONGQING_GENERAL: &str = "2026年一般公共预算支出情况表
单位：万元
功能分类科目\t\t\t2026年预算数\t\t\t\t
\t\t2025年预算数\t\t基本支出\t\t\t
科目编码\t科目名称\t\t总计\t\t\t\t项目支出
\t\t\t\t小计\t人员经费\t公用经费\t
201\t一般公共服务支出\t6,467.81\t7,848.39\t3,457.90\t2,655.99\t801.91\t4,390.48
20103\t政府办公厅（室）及相关机构事务\t6,467.81\t7,848.39\t3,457.90\t2,655.99\t801.91\t4,390.48
2010301\t行政运行\t3,218.40\t3,405.26\t3,405.26\t2,611.08\t794.18\t
2010302\t一般行政管理事务\t2,894.15\t4,102.33\t\t\t\t4,102.33
2010350\t事业运行\t45.20\t52.64\t52.64\t44.91\t7.73\t
2010399\t其他政府办公厅（室）及相关机构事务支出\t310.06\t288.15\t\t\t\t288.15
";

#[test]
fn a_two_year_header_with_a_subtotal_group_adds_up_the_right_columns() {
    let report = check_text(CHONGQING_GENERAL);
    let table = &report.tables[0];
    assert_eq!(table.kind, TableKind::GeneralExpenditure);
    let paths: Vec<Vec<&str>> = table.columns.iter().map(|c| c.path.iter().map(String::as_str).collect()).collect();
    assert_eq!(paths[2], ["功能分类科目", "2025年预算数"]);
    assert_eq!(paths[4], ["2026年预算数", "基本支出", "小计"]);
    assert_eq!(paths[5], ["2026年预算数", "基本支出", "人员经费"]);
    assert_eq!(paths[7], ["2026年预算数", "项目支出"]);
    // 总计 = 小计 + 项目支出 (not the 2025 column, not 人员经费/公用经费 twice) and 小计 = 人员经费 +
    // 公用经费; the table's own 0.01 rounding (7,848.39 vs 7,848.38) is the only finding.
    let rounding: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| format!("{} {}", f.rule, f.cell.as_ref().unwrap().row_label))
        .collect();
    assert_eq!(
        rounding,
        [
            "SUM001 201 一般公共服务支出",
            "SUM001 20103 政府办公厅（室）及相关机构事务",
            "SUM003 20103 政府办公厅（室）及相关机构事务"
        ]
    );
    assert_eq!(report.counts.errors, 0);

    // 行政运行 人员经费 2,611.08 → 2,621.08 breaks 小计 = 人员经费 + 公用经费 and 20103's 人员经费.
    let (text, line) = mutate(CHONGQING_GENERAL, "2010301\t", 1, 5, "2,611.08", "2,621.08");
    let report = check_text(&text);
    assert_eq!(
        errors_at(&report, line, 5),
        ["SUM001 2026年一般公共预算支出情况表", "SUM003 2026年一般公共预算支出情况表"]
    );
    let f =
        common::relations(&report).into_iter().find(|f| f.rule == "SUM001" && f.severity == Severity::Error).unwrap();
    assert!(f.message.zh.contains("小计应等于 人员经费 + 公用经费"), "{}", f.message.zh);
}

/// The Chongqing 市级 表一 layout (corpus 21's): 合计 above the lines, on both sides, and the
/// footnote on rounding. Made-up figures; the classes add up to 0.01 more than 合计, as 21's do.
const CHONGQING_SUMMARY: &str = "2026年部门收支总体情况表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
合计\t9,729.81\t合计\t9,729.81
一、一般公共预算资金\t9,326.54\t一、一般公共服务支出\t7,912.36
二、政府性基金预算资金\t\t二、教育支出\t10.48
三、国有资本经营预算资金\t\t三、社会保障和就业支出\t986.21
四、财政专户管理资金\t\t四、卫生健康支出\t301.77
五、事业收入资金\t403.27\t五、资源勘探工业信息等支出\t226.40
六、上级补助收入资金\t\t六、住房保障支出\t292.60
七、附属单位上缴收入资金\t\t\t
八、事业单位经营收入资金\t\t\t
九、其他收入资金\t\t\t
注：由于四舍五入因素，部分分项加和与合计可能略有差异，下同
";

#[test]
fn a_total_printed_above_its_lines_heads_the_side() {
    let report = check_text(CHONGQING_SUMMARY);
    assert_eq!(report.tables[0].kind, TableKind::DeptSummary);
    // The footnoted 0.01: the classes add up to 9,729.82.
    let found: Vec<String> = common::relations(&report).into_iter().map(|f| report.finding_line(f)).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &report.findings[0];
    assert_eq!((f.rule, f.severity), ("BAL002", Severity::Warning));
    assert_eq!(f.computed.unwrap().to_string(), "9729.82");

    // 事业收入资金 403.27 → 413.27: the income side no longer adds up to its 合计.
    let (text, line) = mutate(CHONGQING_SUMMARY, "五、事业收入资金", 1, 1, "403.27", "413.27");
    assert_eq!(errors_at(&check_text(&text), line, 1), ["BAL002 2026年部门收支总体情况表"]);
}

/// Shanghai prints the basic-expenditure table in 元 and the 三公 table in 万元: the one-way bound
/// compares amounts, not printed numbers.
fn mixed_units(reception_yuan: &str) -> String {
    format!(
        "一般公共预算基本支出部门预算经济分类预算表
单位：元
经济分类科目\t\t一般公共预算基本支出\t\t
科目编码\t科目名称\t合计\t人员经费\t公用经费
合计\t\t{reception_yuan}\t\t{reception_yuan}
302\t商品和服务支出\t{reception_yuan}\t\t{reception_yuan}
30217\t公务接待费\t{reception_yuan}\t\t{reception_yuan}

“三公”经费和机关运行经费预算表
单位：万元
合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费
\t\t小计\t购置费\t运行费\t
1.20\t\t\t\t\t1.20
"
    )
}

#[test]
fn the_three_public_bound_scales_across_units() {
    // 12,000.00 元 of 30217 is within 1.20 万元 of 公务接待费.
    let report = check_text(&mixed_units("12,000.00"));
    assert_eq!(report.tables.iter().map(|t| t.unit.label()).collect::<Vec<_>>(), ["元", "万元"]);
    assert_eq!(report.counts.errors, 0, "{}", lines(&report));
    // 13,000.00 元 is more than 1.20 万元: the 三公 figure is under-reported.
    let report = check_text(&mixed_units("13,000.00"));
    let errors: Vec<&Finding> =
        common::relations(&report).into_iter().filter(|f| f.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{}", lines(&report));
    assert_eq!(errors[0].rule, "SGF003");
    assert_eq!(errors[0].cell.as_ref().unwrap().column_label, "公务接待费");
}

#[test]
fn the_final_government_fund_table_meets_the_fiscal_summary() {
    // 政府性基金预算财政拨款收入支出决算表 合计, 本年支出 小计 blank → 5.00 while the 财政拨款收入支出
    // 决算总表 prints no 政府性基金 spending.
    let (text, line) = mutate(JUESUAN, "\t合计", 4, 4, "", "5.00");
    let report = check_text(&text);
    assert_eq!(errors_at(&report, line, 4), ["XTB004 政府性基金预算财政拨款收入支出决算表"]);
}

/// A 项目支出绩效自评表 laid out as the form's grid, with corpus 14's kind of error and cut off as
/// its excerpt is (inside 满意度指标); made-up project and figures (make_sets.py). Corpus 14 itself,
/// flattened onto one line, is checked in tests/narrative.rs.
const ZIPING: &str = include_str!("fixtures/sets/ziping-sample-2022-PARTIAL.tsv");

#[test]
fn the_self_evaluation_form_reports_its_fund_total_below_its_part() {
    let report = check_text(ZIPING);
    assert_eq!(kinds(&report), [("项目支出绩效自评表".to_string(), TableKind::SelfEvaluation)]);
    let errors: Vec<(String, String, String, String)> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let cell = f.cell.as_ref().unwrap();
            (f.rule.to_string(), cell.a1.clone(), f.printed.unwrap().to_string(), f.computed.unwrap().to_string())
        })
        .collect();
    let e = |r: &str, a1: &str, p: &str, c: &str| (r.to_string(), a1.to_string(), p.to_string(), c.to_string());
    // 年度资金总额 0 0 0 while 其中本年财政拨款 60 / 59.982 / 59.982.
    assert_eq!(
        errors,
        [e("EVA001", "C4", "0", "60"), e("EVA001", "D4", "0", "59.982"), e("EVA001", "E4", "0", "59.982")]
    );
    assert_eq!(report.findings.len(), 3, "{}", lines(&report));
    // 产出指标(50分) and 效益指标(30分) add up; the cut-off 满意度 group makes the 100 uncheckable.
    assert!(report.not_checked.iter().any(|n| n.rule == "EVA002" && n.needs.zh.contains("不完整")));
}

#[test]
fn self_evaluation_points_and_scores_are_checked_once_the_form_is_complete() {
    let complete = ZIPING.replace(
        "\t满意度指标(10分)\t满意度指标\t服务对象满",
        "\t满意度指标(10分)\t满意度指标\t服务对象满意度\t≥90%\t95%\t10\t10",
    );
    let report = check_text(&complete);
    assert!(!common::relations(&report).into_iter().any(|f| f.rule != "EVA001"), "{}", lines(&report));
    assert!(!report.not_checked.iter().any(|n| n.rule.starts_with("EVA")));

    // 委托评审报告数量 分值 8 → 9: 产出指标 no longer makes 50, the form no longer 100.
    let (text, line) = mutate(&complete, "\t产出指标(50分)", 1, 6, "8", "9");
    let report = check_text(&text);
    let eva: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.rule == "EVA002")
        .map(|f| {
            assert!(touches(f, line, 6), "{}", report.finding_line(f));
            format!("{} {}", f.printed.unwrap(), f.computed.unwrap())
        })
        .collect();
    assert_eq!(eva, ["50 51", "100 101"]);

    // 得分 8 → 9 above its 分值 8.
    let (text, line) = mutate(&complete, "\t产出指标(50分)", 1, 7, "8", "9");
    let report = check_text(&text);
    let over: Vec<&Finding> = common::relations(&report).into_iter().filter(|f| f.rule == "EVA003").collect();
    assert_eq!(over.len(), 1);
    assert!(touches(over[0], line, 7) && touches(over[0], line, 6));
    assert_eq!(over[0].message.zh, "项目支出绩效自评表 得分 9 超过分值 8");
}

/// The total is compared with the vehicle items instead of the wrong vehicle subtotal only when
/// the items make it agree: a total that is wrong as well is still reported.
#[test]
fn a_wrong_three_public_total_is_reported_beside_a_wrong_vehicle_subtotal() {
    let report = check_text(&SANGONG.replacen("30.25", "31.25", 1));
    let errors: Vec<String> = common::relations(&report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {} {:?} {:?}", f.rule, f.cell.as_ref().unwrap().a1, f.printed, f.computed))
        .collect();
    assert_eq!(
        errors,
        ["SGF001 B2 Some(31.25) Some(2.40)", "SGF002 B5 Some(0) Some(27.85)", "SGF002 C5 Some(0) Some(27.85)",]
    );
}

/// The 三公 ≥ 经济分类 bound needs the economic row to be named for its item: a local scheme that
/// reuses the code for something else (Shanghai's 30212 退休人员活动费) is not compared.
#[test]
fn the_economic_bound_needs_the_row_named_for_its_item() {
    let rule_fires = |text: &str| check_text(text).findings.iter().any(|f| f.rule == "SGF003");
    // 30231 公务用车运行维护费 3.00 above the 三公 运行费 3.00: the bound breaks.
    let (raised, _) = mutate(SEED, "30231\t", 1, 2, "3.00", "4.00");
    assert!(rule_fires(&raised));
    // The same figure under a local name for the code is another item: no bound.
    let renamed = raised.replace("30231\t公务用车运行维护费", "30231\t退休人员活动费");
    assert!(!rule_fires(&renamed));
}

/// A 收支总体情况表 as Yantai prints it (figures made up): 一、财政拨款收入 with its 其中 lines, the
/// other numbered incomes, then 本年收入合计, and 上级补助收入 … 上年结转 after it, up to 收入总计.
/// 本年收入合计 adds up the numbered items only, 一、 its own lines, 收入总计 the rest on top.
const TRAILING_SUBTOTAL: &str = "收支总体情况表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、财政拨款收入\t100.00\t一、一般公共服务支出\t90.00
一般公共预算收入\t80.00\t二、教育支出\t30.00
政府性基金预算收入\t20.00\t\t
二、事业收入\t15.00\t\t
三、其他收入\t5.00\t\t
本年收入合计\t120.00\t本年支出合计\t120.00
上级补助收入\t\t结转下年\t
上年结转\t\t\t
收入总计\t120.00\t支出总计\t120.00
";

#[test]
fn a_trailing_subtotal_adds_up_its_numbered_items_and_their_own_lines() {
    let report = check_text(TRAILING_SUBTOTAL);
    assert_eq!(lines(&report), "", "{:#?}", report.findings);
    assert!(report.counts.relations_checked >= 5, "{}", report.counts.relations_checked);
    // 一般公共预算收入 changed: 一、财政拨款收入 no longer adds up, and only it.
    let changed = check_text(&TRAILING_SUBTOTAL.replace("一般公共预算收入\t80.00", "一般公共预算收入\t81.00"));
    let errors: Vec<String> = common::relations(&changed)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| changed.finding_line(f))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("BAL002") && errors[0].contains("一、财政拨款收入"), "{errors:#?}");
}
