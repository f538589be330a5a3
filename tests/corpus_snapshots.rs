//! Every corpus document pinned whole: which tables were recognised (kind, unit, size), which
//! blocks were not read and why, and the complete findings. A change in what the checker reads or
//! reports on a real document shows up here as a reviewed snapshot diff.

use budget_check::ingest::{decode, Source};
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};
use std::fmt::Write;

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

/// The document as a reviewer reads it: tables, unread blocks, findings.
fn outline(report: &Report) -> String {
    let mut out = String::new();
    writeln!(out, "{}", report.summary_zh()).unwrap();
    writeln!(out, "\n## tables").unwrap();
    for (i, table) in report.tables.iter().enumerate() {
        let rows = table.rows.len();
        writeln!(
            out,
            "{i}: {} | {:?} | {} | {rows} rows | {}",
            table.short_name(),
            table.kind,
            table.unit.label(),
            table.title
        )
        .unwrap();
    }
    writeln!(out, "\n## not read").unwrap();
    for u in &report.unrecognised {
        writeln!(out, "line {}: {} — {}", u.line, u.title, u.reason_zh).unwrap();
    }
    writeln!(out, "\n## findings").unwrap();
    for f in &report.findings {
        writeln!(out, "{}", report.finding_line(f)).unwrap();
    }
    out
}

#[test]
fn every_document_is_pinned() {
    let files = corpus_files();
    assert_eq!(files.len(), 14);
    for name in files {
        let path = format!("{}/tests/fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        let source = Source { name: name.clone(), text: decode(&bytes).0 };
        let report = check_sources(&[source], RoundingMode::Nearest);
        let snapshot = name.split('_').next().unwrap_or(&name).to_string();
        insta::assert_snapshot!(format!("corpus_{snapshot}"), outline(&report));
    }
}
