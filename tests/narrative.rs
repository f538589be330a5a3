//! Prose and one-line flattened tables: the figures stated in 情况说明 sentences (corpus 18), a
//! 绩效自评表 flattened onto one line (corpus 14) and a flattened 部门收支总表 (corpus 13).

use budget_check::ingest::{decode, is_flat_line, Source};
use budget_check::report::{Finding, Severity};
use budget_check::tolerance::{Agreement, RoundingMode};
use budget_check::{check_document, check_sources, narrative, Document, Report};
use common::{check_corpus, corpus_files, corpus_source, corpus_text, require_corpus};
use rust_decimal::Decimal;

mod common;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// (rule, severity, printed, computed, difference, line, quote) of the findings of some rules.
type Seen = (&'static str, Severity, Decimal, Decimal, Decimal, usize, String);

fn seen(report: &Report, prefix: &str) -> Vec<Seen> {
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with(prefix))
        .map(|f: &Finding| {
            let place = f.text.as_ref().expect("a prose finding has a text place");
            (
                f.rule,
                f.severity,
                f.printed.unwrap(),
                f.computed.unwrap(),
                f.difference.unwrap(),
                place.line,
                place.quote.clone(),
            )
        })
        .collect()
}

const NARRATIVE_18: &str = "18_unknown-yjsgkpt-2023-yusuan-shuoming-yuan-NARRATIVE-PARTIAL.txt";
const SELF_EVALUATION_14: &str = "14_anhui-chizhou-tangxizhen-2022-xiangmu-jixiao-ziping-PARTIAL.txt";
const SUMMARY_13: &str = "13_unknown-jiaoyuju-2020-bumen-shouzhi-zongbiao-xls.txt";

#[test]
fn corpus_18_basic_expenditure_stated_twice_parts_and_shares() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(NARRATIVE_18);
    let basic_2023 = "2023 年本年一般公共预算基本支出 911000.39 元".to_string();
    assert_eq!(
        seen(&report, "NAR"),
        vec![
            // 881300.39 in section (二) line 5, 911000.39 in section 六 line 16.
            ("NAR001", Severity::Error, d("911000.39"), d("881300.39"), d("29700.00"), 16, basic_2023.clone()),
            // 人员经费 809961.19 + 公用经费 71339.2 = 881300.39.
            ("NAR002", Severity::Error, d("911000.39"), d("881300.39"), d("29700.00"), 16, basic_2023),
            // 81.25% + 18.76% of 基本支出: a hundredth over, within the rounding of two decimals.
            (
                "NAR003",
                Severity::Warning,
                d("100.01"),
                d("100"),
                d("0.01"),
                7,
                "工资福利支出预算 716052.51 元,占基本支出预算81.25%".to_string()
            ),
        ]
    );
    let rounding = report.findings.iter().filter(|f| f.agreement == Some(Agreement::Rounding)).count();
    assert_eq!(rounding, 1);
    // 716052.51 + 165247.88 = 881300.39, 29700 = 29700 (100%), 96.74% + 3.26%: checked, no finding.
    assert_eq!(report.counts.relations_checked, 6);
    let first = &report.findings[0];
    assert!(first.message.zh.contains("第 5 行写作 881300.39 元"), "{}", first.message.zh);
    assert_eq!(
        report.finding_line(first).split(':').next(),
        Some("[error] NAR001 第 16 行 “2023 年本年一般公共预算基本支出 911000.39 元”")
    );
}

#[test]
fn corpus_14_fund_total_below_its_fiscal_part_in_each_amount_column() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(SELF_EVALUATION_14);
    let total = "年度资金总额: 0 0 0 10 0 0".to_string();
    assert_eq!(
        seen(&report, "FLT"),
        vec![
            ("FLT001", Severity::Error, d("0"), d("90"), d("-90"), 2, total.clone()),
            ("FLT001", Severity::Error, d("0"), d("89.974"), d("-89.974"), 2, total.clone()),
            ("FLT001", Severity::Error, d("0"), d("89.974"), d("-89.974"), 2, total),
        ]
    );
    let columns: Vec<&str> = report.findings.iter().map(|f| f.message.zh.split('：').next().unwrap_or("")).collect();
    assert_eq!(columns, ["年初预算数", "全年预算数", "全年执行数"]);
    // 产出指标(50分) = 8×5 + 10 and 效益指标(30分) = 3×10 are checked; the excerpt ends inside
    // 满意度指标, so the 100-point total is named as not checked rather than failed.
    assert_eq!(report.counts.relations_checked, 5);
    let not_checked: Vec<&str> =
        report.not_checked.iter().filter(|n| n.rule == "FLT002").map(|n| n.needs.zh.as_str()).collect();
    assert_eq!(not_checked, ["第 2 行的绩效自评表在“满意度指标”处中断（摘录不完整），全表分值合计 100 未检查"]);
}

#[test]
fn corpus_13_flattened_summary_is_not_read_and_says_which_number_could_not_be_placed() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(SUMMARY_13);
    assert!(report.tables.is_empty());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let unread: Vec<(usize, Option<&str>, &str)> =
        report.unrecognised.iter().map(|u| (u.line, u.number.as_deref(), u.title.as_str())).collect();
    assert_eq!(unread, [(13, Some("表1"), "部门收支总表")]);
    let reason = &report.unrecognised[0].reason_zh;
    assert!(reason.contains("数字 12,204.85 前面是“2020年预算数”而不是科目名称"), "{reason}");
    assert!(report.unrecognised[0].reason_en.contains("12,204.85 follows \"2020年预算数\""));
}

/// The prose of a source alone, so that only the narrative rules see it.
fn narrative_only(name: &str) -> Report {
    let n = narrative::read(&corpus_source(name), is_flat_line);
    check_document(Document { narratives: vec![n], ..Document::default() }, RoundingMode::Nearest)
}

#[test]
fn consistent_prose_of_the_corpus_and_seed_raises_no_narrative_error() {
    if !require_corpus() {
        return;
    }
    let names: Vec<String> = corpus_files().into_iter().filter(|n| n.as_str() != NARRATIVE_18).collect();
    assert_eq!(names.len(), 13);
    let mut findings = Vec::new();
    for name in &names {
        let report = narrative_only(name);
        findings.extend(report.findings.iter().map(|f| format!("{name}: {}", report.finding_line(f))));
    }
    // Both findings are real: 95.36 + 10.23 = 105.59 against 105.58, a rounding difference;
    // 07 gives no reason after 主要原因是 (TXT001; its quote is the document's own words).
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert_eq!(
        findings[0],
        "03_shanghai-putuo-shehuigongzuobu-2024-juesuan.txt: [warning] NAR002 第 572 行 “一般公共预算财政拨款基本支出 105.58 万元”: 基本支出不等于其中各项之和（第 574 行 95.36 万元 + 第 578 行 10.23 万元）：填报 105.58，计算 105.59，相差 -0.01，在舍入误差范围内（舍位平衡） | 填报 105.58 计算 105.59 差额 -0.01"
    );
    let leftover = &findings[1];
    assert!(
        leftover.starts_with("07_shanghai-putuo-fuliyuan-2024-danwei-yusuan.txt: [warning] TXT001 第 351 行 “")
            && leftover.contains("主要原因是。")
            && leftover.ends_with("”: 模板残留：原因未填写，应按实际情况填写"),
        "{leftover}"
    );
}

#[test]
fn consistent_lists_in_the_corpus_are_checked_not_skipped() {
    if !require_corpus() {
        return;
    }
    // 21: 18,417.70 = 9,018.47 + 9,399.23 and 394.49 = 184.49 + 10 + 200.00 + 0;
    // 12: 4432 = 39 + 323 + 4070; 22: 13.85 = 0 + 0.3 + 13.55 + 0.
    let relations = |name: &str| narrative_only(name).counts.relations_checked;
    assert_eq!(relations("21_chongqing-shi-zhengfu-bangongting-2026-yusuan.txt"), 2);
    assert_eq!(relations("12_chongqing-jiangbei-qubenji-2021-sangong-yusuan.txt"), 1);
    assert_eq!(relations("22_chongqing-shi-qixiangju-2026-yusuan.txt"), 1);
}

#[test]
fn a_changed_part_is_an_error_and_a_changed_share_over_100_too() {
    let text = "一般公共预算财政拨款基本支出 100.00 万元，其中：人员经费 80.00 万元；公用经费 25.00 万元。\n三、说明\n工资福利支出 50 元，占基本支出 60%；商品和服务支出 50 元，占基本支出 50%。";
    let report = check_sources(&[Source { name: "t".into(), text: text.into() }], RoundingMode::Nearest);
    let rules: Vec<(&str, Severity, Decimal)> =
        report.findings.iter().map(|f| (f.rule, f.severity, f.difference.unwrap())).collect();
    assert_eq!(rules, [("NAR002", Severity::Error, d("-5.00")), ("NAR003", Severity::Error, d("10"))]);
}

#[test]
fn different_years_parents_and_scopes_are_different_figures() {
    let years = "2022年基本支出 90 元。\n2023年基本支出 100 元。\n基本支出 100 元。";
    let rest = "2023年基本支出 100 元。\n一般公共预算基本支出 80 元。\n\
                基本支出 100 元，其中：商品和服务支出 30 元。\n项目支出 50 元，其中：商品和服务支出 50 元。\n\
                基本支出 101 元。";
    let sources = [Source { name: "a".into(), text: years.into() }, Source { name: "b".into(), text: rest.into() }];
    let report = check_sources(&sources, RoundingMode::Nearest);
    let found: Vec<(&str, String, usize, Decimal)> = report
        .findings
        .iter()
        .filter_map(|f| Some((f.rule, f.text.as_ref()?.source.clone(), f.text.as_ref()?.line, f.difference?)))
        .collect();
    // 2022 and 2023 are different figures (and a year-less one after both is not judged); the
    // general-budget one and 商品和服务 under 基本 and 项目 are other figures too.
    assert_eq!(found, [("NAR001", "b".to_string(), 5, d("1"))]);
}

/// The exports say where a prose finding is, as the text report does: the line and the words.
#[test]
fn exports_name_the_line_of_a_prose_finding() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus("18_unknown-yjsgkpt-2023-yusuan-shuoming-yuan-NARRATIVE-PARTIAL.txt");
    let place = "第 16 行 “2023 年本年一般公共预算基本支出 911000.39 元”";
    let markdown = budget_check::export::to_markdown(&report);
    assert!(markdown.lines().any(|l| l.contains("NAR001") && l.contains(place)), "{markdown}");
    let csv = budget_check::export::to_csv(&report);
    assert!(csv.lines().any(|l| l.contains("NAR001") && l.contains(place)), "{csv}");
}

/// How many prose figures NAR004 compared with a table cell, and its findings as printed.
fn stated_against_tables(sources: &[Source]) -> (usize, Vec<String>) {
    let doc = Document::read(sources);
    let rule = budget_check::rules::rule("NAR004").expect("NAR004 is registered");
    let outcome = budget_check::rules::run(&doc, RoundingMode::Nearest, &[rule]);
    let report = check_sources(sources, RoundingMode::Nearest);
    let findings = report.findings.iter().filter(|f| f.rule == "NAR004").map(|f| report.finding_line(f)).collect();
    (outcome.relations, findings)
}

fn seed_source() -> Source {
    let path = format!("{}/tests/fixtures/seed.txt", env!("CARGO_MANIFEST_DIR"));
    Source { name: "seed.txt".into(), text: decode(&std::fs::read(&path).unwrap()).0 }
}

const FINAL_01: &str = "01_shanghai-putuo-caizhengju-2024-juesuan.txt";
const FINAL_03: &str = "03_shanghai-putuo-shehuigongzuobu-2024-juesuan.txt";
const BUDGET_05: &str = "05_shanghai-putuo-caizhengju-2025-yusuan.txt";
const BUDGET_21: &str = "21_chongqing-shi-zhengfu-bangongting-2026-yusuan.txt";

#[test]
fn prose_totals_agree_with_the_tables_of_the_corpus() {
    if !require_corpus() {
        return;
    }
    // The seed has tables only: no stated figure, nothing compared.
    assert_eq!(stated_against_tables(&[seed_source()]), (0, Vec::new()));
    // 01: 本年收入合计 2946.25 and 本年支出合计 (收入支出决算总表), 基本支出 (支出决算表), 一般公共预算财政拨款支出 twice and
    // its 基本支出, 人员经费, 公用经费 (基本支出决算表 footer), and 三公 出国/用车/接待 决算 0.00
    // against the 决算数 columns of the 三公 table (blank).
    // Its 财政拨款收入 2940.05 is not compared: 年初结转 is printed, the words do not say 本年.
    assert_eq!(stated_against_tables(&[corpus_source(FINAL_01)]), (11, Vec::new()));
    // 03: 本年收入合计 and 财政拨款收入 307.82 (the two 总表), 本年支出合计 307.82, 基本支出 105.58 and 项目支出 202.24 (支出决算表), 一般公共预算财政拨款
    // 支出 twice, its 基本支出 and 人员经费 95.36 / 公用经费 10.23 (no 三公 table in the excerpt).
    assert_eq!(stated_against_tables(&[corpus_source(FINAL_03)]), (10, Vec::new()));
    // 05: 3,121.42 万元 against 31,214,205.80 元 three times (财政拨款收入, 财政拨款支出, 一般公共预算拨款支出) (the table's figure as printed in 万元 is
    // the same figure), and the 2025 三公 0.95 with 出国 0, 购置 0, 接待 0.95.
    assert_eq!(stated_against_tables(&[corpus_source(BUDGET_05)]), (7, Vec::new()));
    // 21: 18,417.70 = 9,018.47 + 9,399.23 of 表五 and the 三公 394.49 with its four items of 表八.
    // Its 一般公共预算财政拨款收入 18,417.70 is 表四's 本年收入 17,552.65 + 上年结转 865.06: with a
    // carry-over printed, income not said to be 本年 is not compared.
    assert_eq!(stated_against_tables(&[corpus_source(BUDGET_21)]), (8, Vec::new()));
    // 22: 基本支出 5,445.39 only. Its 三公 sentence is dated 2025 (“2025年 “三公”经费预算13.85万元,
    // 比2025年减少…”, a slip for 2026: 表八 prints 13.85), so neither it nor its items meet the 2026 table.
    let budget_22 = corpus_source("22_chongqing-shi-qixiangju-2026-yusuan.txt");
    assert_eq!(stated_against_tables(&[budget_22]), (1, Vec::new()));
    // 23: 财政拨款收入预算总计 37,188.34 (公开04表 收入合计) and 一般公共预算收入 37,188.34 twice;
    // against 公开01表 (income beside two views of spending), 收入预算总计 once and 支出预算总计 twice.
    let budget_23 = corpus_source("23_jiangsu-gaoji-fayuan-2019-yusuan.txt");
    assert_eq!(stated_against_tables(&[budget_23]), (6, Vec::new()));
    // 12: the 2021 三公 4432 with 出国 39, 接待 323, 用车 4070 and its 运行维护费 2648.
    let sangong_12 = corpus_source("12_chongqing-jiangbei-qubenji-2021-sangong-yusuan.txt");
    assert_eq!(stated_against_tables(&[sangong_12]), (5, Vec::new()));
}

/// `name`'s text with one printed figure changed.
fn mutated(name: &str, from: &str, to: &str) -> Source {
    let mut s = corpus_source(name);
    assert_eq!(s.text.matches(from).count(), 1, "{from}");
    s.text = s.text.replace(from, to);
    s
}

#[test]
fn a_changed_prose_figure_is_one_error_at_its_line_pointing_at_the_cell() {
    if !require_corpus() {
        return;
    }
    let report =
        check_sources(&[mutated(BUDGET_21, "基本支出 9,018.47 万元", "基本支出 9,018.74 万元")], RoundingMode::Nearest);
    let found: Vec<&Finding> = report.findings.iter().filter(|f| f.rule == "NAR004").collect();
    assert_eq!(found.len(), 1);
    let f = found[0];
    assert_eq!(
        (f.severity, f.printed, f.computed, f.difference),
        (Severity::Error, Some(d("9018.74")), Some(d("9018.47")), Some(d("0.27")))
    );
    let place = f.text.as_ref().unwrap();
    assert_eq!((place.line, place.quote.as_str()), (38, "基本支出 9,018.74 万元"));
    let cells: Vec<(usize, &str, &str, &str)> =
        f.related.iter().map(|c| (c.line, c.a1.as_str(), c.row_label.as_str(), c.column_label.as_str())).collect();
    assert_eq!(cells, [(291, "E5", "合计", "小计")]);
    assert_eq!(f.message.zh, "说明中的一般公共预算基本支出 9018.74 万元 应与 表五 合计 / 小计 (E5) 的 9018.47 万元 一致：填报 9018.74，计算 9018.47，相差 0.27");
}

#[test]
fn a_changed_income_total_points_at_the_fiscal_summary() {
    if !require_corpus() {
        return;
    }
    let changed = mutated(
        "23_jiangsu-gaoji-fayuan-2019-yusuan.txt",
        "财政拨款收入预算总计 37188.34",
        "财政拨款收入预算总计 37188.43",
    );
    let report = check_sources(&[changed], RoundingMode::Nearest);
    let found: Vec<(Severity, usize, String, String)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "NAR004")
        .map(|f| {
            let cells: Vec<String> = f.related.iter().map(|c| format!("{} {}", c.a1, c.row_label)).collect();
            (f.severity, f.text.as_ref().map_or(0, |t| t.line), cells.join(","), f.difference.unwrap().to_string())
        })
        .collect();
    assert_eq!(found, [(Severity::Error, 667, "B7 收入合计".to_string(), "0.09".to_string())]);
}

#[test]
fn prose_rounding_of_the_table_is_no_finding_and_an_unsure_subject_only_a_warning() {
    if !require_corpus() {
        return;
    }
    // 95.36 printed as 95.4 is the table's figure rounded; 95.3 is another figure.
    let rounded = mutated(FINAL_03, "95.36 万元，主要包括", "95.4 万元，主要包括");
    assert_eq!(stated_against_tables(&[rounded]), (10, Vec::new()));
    let (_, wrong) = stated_against_tables(&[mutated(FINAL_03, "95.36 万元，主要包括", "95.3 万元，主要包括")]);
    assert_eq!(wrong.len(), 1);
    assert!(wrong[0].starts_with("[error] NAR004 第 574 行 “人员经费95.3 万元”"), "{}", wrong[0]);
    // 基本支出 without its money is the department's (支出决算表) most likely, not for sure.
    let (_, unsure) =
        stated_against_tables(&[mutated(FINAL_03, "基本支出 105.58 万元，占", "基本支出 105.85 万元，占")]);
    assert_eq!(unsure.len(), 1);
    assert!(unsure[0].starts_with("[warning] NAR004 第 456 行 “基本支出 105.85 万元，占34.30%”"), "{}", unsure[0]);
}

#[test]
fn other_years_and_budget_words_in_a_final_text_are_not_compared() {
    if !require_corpus() {
        return;
    }
    // 21 with the 三公 sentence dated 2025: the 2026 table is not that year's figure, its items neither.
    let other_year = mutated(BUDGET_21, "2026 年“三公”经费预算 394.49 万元", "2025 年“三公”经费预算 394.49 万元");
    assert_eq!(stated_against_tables(&[other_year]).0, 3);
    // 01: a 一般公共预算财政拨款支出 said to be the 预算 is not the 决算 table's figure.
    let budget =
        mutated(FINAL_01, "一般公共预算财政拨款支出2940.05万元，占", "一般公共预算财政拨款支出预算2940.50万元，占");
    let (relations, findings) = stated_against_tables(&[budget]);
    assert_eq!((relations + 1, findings), (stated_against_tables(&[corpus_source(FINAL_01)]).0, Vec::new()));
}

/// A chapter headed by a unit's name speaks of that unit: its 人员经费 is not the department's
/// nor another unit's, so figures of two unit chapters are not compared; within one they are.
#[test]
fn figures_of_two_units_chapters_are_not_compared_but_one_chapters_are() {
    let text = "第三部分 部门预算支出具体情况\n一、示例局本级\n示例局本级预算 1,200.00 万元，包括在职人员经费 800.00 万元、公用经费 400.00 万元。\n\
二、示例局档案管理中心\n示例局档案管理中心预算 600.00 万元，包括在职人员经费 500.00 万元、公用经费 100.00 万元。\n";
    let report = budget_check::check_text(text);
    assert!(!report.findings.iter().any(|f| f.rule == "NAR001"), "{:?}", report.findings);
    let text = text.replace("公用经费 100.00 万元。", "公用经费 100.00 万元。其中在职人员经费 550.00 万元。");
    let report = budget_check::check_text(&text);
    let nar: Vec<_> = report.findings.iter().filter(|f| f.rule == "NAR001").map(|f| (f.printed, f.computed)).collect();
    assert_eq!(nar.len(), 1, "{:?}", report.findings);
    assert_eq!(nar[0].0.map(|d| d.to_string()).as_deref(), Some("550.00"));
}

/// The findings of the text checks (NAR005–006, TXT001–004) on one report: (rule, severity, line).
fn text_checks(report: &Report) -> Vec<(&'static str, Severity, usize)> {
    report
        .findings
        .iter()
        .filter(|f| ["NAR005", "NAR006"].contains(&f.rule) || f.rule.starts_with("TXT"))
        .map(|f| (f.rule, f.severity, f.text.as_ref().map_or(0, |t| t.line)))
        .collect()
}

/// Every corpus text and `pdf-dev` layout text, by its two-digit number.
fn corpus_and_layout_texts() -> Vec<(String, String)> {
    let mut names: Vec<String> = corpus_files();
    let dir = common::corpus_dir().unwrap().join("pdf-dev");
    let mut layout: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".layout.txt"))
        .map(|n| format!("pdf-dev/{n}"))
        .collect();
    layout.sort();
    names.extend(layout);
    names.into_iter().map(|n| (n.trim_start_matches("pdf-dev/")[..2].to_string(), n)).collect()
}

#[test]
fn the_text_checks_find_the_real_leftovers_and_nothing_else_in_the_corpus() {
    if !require_corpus() {
        return;
    }
    let mut found = Vec::new();
    for (number, name) in corpus_and_layout_texts() {
        let report = check_corpus(&name);
        found.extend(
            text_checks(&report).into_iter().map(|(rule, severity, line)| (number.clone(), rule, severity, line)),
        );
    }
    assert_eq!(
        found,
        vec![
            // 07 (公务用车购置及运行费 …持平，主要原因是。): the reason was never written.
            ("07".to_string(), "TXT001", Severity::Warning, 351),
            // 54: in its list of offices three brackets are opened and two closed.
            ("54".to_string(), "TXT004", Severity::Warning, 168),
        ]
    );
}

#[test]
fn a_change_recomputed_from_its_two_real_figures() {
    if !require_corpus() {
        return;
    }
    // 41 states one change twice, with both figures and the 减少 and 下降 between them: right as printed.
    let name = "pdf-dev/41_beijing-xinfang-2026-yusuan.layout.txt";
    let text = corpus_text(name).replace("下降 1.97%", "下降 2.97%");
    let report = check_sources(&[Source { name: name.into(), text }], RoundingMode::Nearest);
    let changes: Vec<(usize, Decimal, Decimal)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "NAR005")
        .map(|f| (f.text.as_ref().map_or(0, |t| t.line), f.printed.unwrap(), f.computed.unwrap()))
        .collect();
    assert_eq!(changes, vec![(55, d("-2.97"), d("-1.97")), (79, d("-2.97"), d("-1.97"))]);
    // 07's items give both years' figures: the one changed here is a fall, whatever the text says.
    let name = "07_shanghai-putuo-fuliyuan-2024-danwei-yusuan.txt";
    let text = corpus_text(name).replace("减少1.39%", "增加1.39%");
    let report = check_sources(&[Source { name: name.into(), text }], RoundingMode::Nearest);
    let found = text_checks(&report);
    assert!(found.contains(&("NAR005", Severity::Error, 59)), "{found:?}");
}

#[test]
fn one_item_restating_its_real_budget_differently() {
    if !require_corpus() {
        return;
    }
    // 07's item 6 opens with its amount and restates it as the year's 预算安排: one figure, right twice.
    let name = "07_shanghai-putuo-fuliyuan-2024-danwei-yusuan.txt";
    let text = corpus_text(name).replace("2024年预算安排33.58万元", "2024年预算安排38.58万元");
    let report = check_sources(&[Source { name: name.into(), text }], RoundingMode::Nearest);
    let found: Vec<(usize, Decimal, Decimal)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "NAR006")
        .map(|f| (f.text.as_ref().map_or(0, |t| t.line), f.printed.unwrap(), f.computed.unwrap()))
        .collect();
    assert_eq!(found, vec![(79, d("38.58"), d("33.58"))]);
}

#[test]
fn a_real_subject_named_beside_its_code_differently_from_the_tables() {
    if !require_corpus() {
        return;
    }
    // 49 names each 项 with its code, as its tables do (1.行政运行（2010801）…).
    let name = "pdf-dev/49_xian-shenji-2026-yusuan.layout.txt";
    let text = corpus_text(name).replace("1.行政运行（2010801）", "1.行政管理（2010801）");
    let report = check_sources(&[Source { name: name.into(), text }], RoundingMode::Nearest);
    assert_eq!(text_checks(&report), vec![("TXT003", Severity::Warning, 235)]);
}

#[test]
fn a_unit_disclosure_calling_itself_a_department_budget() {
    if !require_corpus() {
        return;
    }
    // 54 is titled 单位预算公开; its 部门预算支出经济分类 headers are the classification's name.
    let name = "pdf-dev/54_suzhou-shuiwu-2026-yusuan.layout.txt";
    let text = corpus_text(name).replace("年度单位预算情况说明", "年度部门预算情况说明");
    let report = check_sources(&[Source { name: name.into(), text }], RoundingMode::Nearest);
    let found: Vec<_> = text_checks(&report).into_iter().filter(|(rule, _, _)| *rule == "TXT002").collect();
    assert_eq!(found, vec![("TXT002", Severity::Warning, 27), ("TXT002", Severity::Warning, 762)]);
}
