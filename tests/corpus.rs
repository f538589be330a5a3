//! The real published documents of the corpus (tests/fixtures/corpus): every one is read, and
//! layouts the checker cannot read yet are reported as unread blocks, never guessed into errors.

use budget_check::ingest::{decode, Source};
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};

fn check(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    check_sources(&[Source { name: name.into(), text: decode(&bytes).0 }], RoundingMode::Nearest)
}

fn corpus_files() -> Vec<String> {
    let dir = format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

#[test]
fn no_document_yields_a_false_error() {
    let files = corpus_files();
    assert_eq!(files.len(), 14);
    // Corpus 10 holds a real error (公务用车费 0 while its 运行维护费 is 32.65): its exact
    // findings are pinned in tests/formats.rs.
    for name in files.into_iter().filter(|n| !n.starts_with("10_")) {
        let report = check(&name);
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == budget_check::report::Severity::Error)
            .map(|f| report.finding_line(f))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn pdf_layout_tables_are_named_as_unread_with_the_reason() {
    let report = check("21_chongqing-shi-zhengfu-bangongting-2026-yusuan.txt");
    assert!(report.tables.is_empty());
    let unread: Vec<&str> = report.unrecognised.iter().map(|u| u.title.as_str()).collect();
    assert!(unread.iter().any(|t| t.contains("部门收支总体情况表")), "{unread:?}");
    assert!(report.unrecognised.iter().any(|u| u.reason_zh.contains("未能读出表格行")));
}
