//! The real published documents of the corpus (read from `../shared/corpus` or
//! `$BUDGET_CHECK_CORPUS`, see tests/common): every one is read, and layouts the checker cannot
//! read yet are reported as unread blocks, never guessed into errors.

use common::{check_corpus, corpus_files, corpus_text, require_corpus, SEED_NAME};

mod common;

#[test]
fn no_document_yields_a_false_error() {
    if !require_corpus() {
        return;
    }
    let files = corpus_files();
    assert_eq!(files.len(), 14);
    // Corpus 10 holds a real error (公务用车费 0 while its 运行维护费 is 32.65): its exact
    // findings are pinned in tests/formats.rs. Corpus 14 (年度资金总额 0 below its 财政拨款 90)
    // and 18 (基本支出 881300.39 and 911000.39) hold real errors pinned in tests/narrative.rs.
    let real_errors = ["10_", "14_", "18_"];
    // Corpus 23 prints 公开10表 (政府性基金预算财政拨款支出预算表) with 合计 0 and only the note
    // 注：“科目编码”和“科目名称”为必填项 — no reason why it is empty: a real EMP001 finding.
    let real_findings = ["[error] EMP001 公开10表: 公开10表 没有任何金额，也没有说明无数据的原因"];
    for name in files.into_iter().filter(|n| !real_errors.iter().any(|p| n.starts_with(p))) {
        let report = check_corpus(&name);
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == budget_check::report::Severity::Error)
            .map(|f| report.finding_line(f))
            .filter(|line| !real_findings.contains(&line.as_str()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn pdf_layout_tables_are_read_and_unalignable_ones_say_why() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus("21_chongqing-shi-zhengfu-bangongting-2026-yusuan.txt");
    let numbers: Vec<&str> = report.tables.iter().filter_map(|t| t.number.as_deref()).collect();
    // 表十一 is printed empty, its note under the form saying why: an empty table, read.
    let all = ["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十", "表十一", "表十二"];
    assert_eq!(numbers, all);
    let report = check_corpus("01_shanghai-putuo-caizhengju-2024-juesuan.txt");
    let unread: Vec<(&str, &str)> =
        report.unrecognised.iter().map(|u| (u.title.as_str(), u.reason_en.as_str())).collect();
    // 01's 基本支出决算表, 类 codes on lines of their own, is read by its rows (tests/layout.rs).
    assert!(unread.is_empty(), "{unread:?}");
}

/// The repository's seed (tests/fixtures/seed.txt) is corpus 00 as the corpus folder holds it.
#[test]
fn the_seed_fixture_is_corpus_00() {
    if !require_corpus() {
        return;
    }
    let fixture = std::fs::read(format!("{}/tests/fixtures/seed.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(corpus_text(SEED_NAME), budget_check::ingest::decode(&fixture).0);
}
