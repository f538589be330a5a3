//! Prose and one-line flattened tables: the figures stated in 情况说明 sentences (corpus 18), a
//! 绩效自评表 flattened onto one line (corpus 14) and a flattened 部门收支总表 (corpus 13).

use budget_check::ingest::{decode, is_flat_line, Source};
use budget_check::report::{Finding, Severity};
use budget_check::tolerance::{Agreement, RoundingMode};
use budget_check::{check_document, check_sources, narrative, Document, Report};
use rust_decimal::Decimal;

fn source(name: &str) -> Source {
    let path = format!("{}/tests/fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source { name: name.into(), text: decode(&bytes).0 }
}

fn check(name: &str) -> Report {
    check_sources(&[source(name)], RoundingMode::Nearest)
}

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
    let report = check(NARRATIVE_18);
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
    assert!(first.message_zh.contains("第 5 行写作 881300.39 元"), "{}", first.message_zh);
    assert_eq!(
        report.finding_line(first).split(':').next(),
        Some("[error] NAR001 第 16 行 “2023 年本年一般公共预算基本支出 911000.39 元”")
    );
}

#[test]
fn corpus_14_fund_total_below_its_fiscal_part_in_each_amount_column() {
    let report = check(SELF_EVALUATION_14);
    let total = "年度资金总额: 0 0 0 10 0 0".to_string();
    assert_eq!(
        seen(&report, "FLT"),
        vec![
            ("FLT001", Severity::Error, d("0"), d("90"), d("-90"), 2, total.clone()),
            ("FLT001", Severity::Error, d("0"), d("89.974"), d("-89.974"), 2, total.clone()),
            ("FLT001", Severity::Error, d("0"), d("89.974"), d("-89.974"), 2, total),
        ]
    );
    let columns: Vec<&str> = report.findings.iter().map(|f| f.message_zh.split('：').next().unwrap_or("")).collect();
    assert_eq!(columns, ["年初预算数", "全年预算数", "全年执行数"]);
    // 产出指标(50分) = 8×5 + 10 and 效益指标(30分) = 3×10 are checked; the excerpt ends inside
    // 满意度指标, so the 100-point total is named as not checked rather than failed.
    assert_eq!(report.counts.relations_checked, 5);
    let not_checked: Vec<&str> =
        report.not_checked.iter().filter(|n| n.rule == "FLT002").map(|n| n.needs_zh.as_str()).collect();
    assert_eq!(not_checked, ["第 2 行的绩效自评表在“满意度指标”处中断（摘录不完整），全表分值合计 100 未检查"]);
}

#[test]
fn corpus_13_flattened_summary_is_not_read_and_says_which_number_could_not_be_placed() {
    let report = check(SUMMARY_13);
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
    let n = narrative::read(&source(name), is_flat_line);
    check_document(Document { narratives: vec![n], ..Document::default() }, RoundingMode::Nearest)
}

#[test]
fn consistent_prose_of_the_corpus_and_seed_raises_no_narrative_error() {
    let dir = format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") && n.as_str() != NARRATIVE_18)
        .collect();
    names.sort();
    assert_eq!(names.len(), 13);
    let mut findings = Vec::new();
    for name in &names {
        let report = narrative_only(name);
        findings.extend(report.findings.iter().map(|f| format!("{name}: {}", report.finding_line(f))));
    }
    // The one finding is real: 95.36 + 10.23 = 105.59 against 105.58, a rounding difference.
    assert_eq!(
        findings,
        ["03_shanghai-putuo-shehuigongzuobu-2024-juesuan.txt: [warning] NAR002 第 572 行 “一般公共预算财政拨款基本支出 105.58 万元”: 基本支出不等于其中各项之和（第 574 行 95.36 万元 + 第 578 行 10.23 万元）：填报 105.58，计算 105.59，相差 -0.01，在舍入误差范围内（舍位平衡） | 填报 105.58 计算 105.59 差额 -0.01"]
    );
}

#[test]
fn consistent_lists_in_the_corpus_are_checked_not_skipped() {
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
    let report = check("18_unknown-yjsgkpt-2023-yusuan-shuoming-yuan-NARRATIVE-PARTIAL.txt");
    let place = "第 16 行 “2023 年本年一般公共预算基本支出 911000.39 元”";
    let markdown = budget_check::export::to_markdown(&report);
    assert!(markdown.lines().any(|l| l.contains("NAR001") && l.contains(place)), "{markdown}");
    let csv = budget_check::export::to_csv(&report);
    assert!(csv.lines().any(|l| l.contains("NAR001") && l.contains(place)), "{csv}");
}
