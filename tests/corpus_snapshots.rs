//! Every corpus document pinned whole: which tables were recognised (kind, unit, size), which
//! blocks were not read and why, and the complete findings. A change in what the checker reads or
//! reports on a real document shows up here as a reviewed snapshot diff. The snapshots hold the
//! checker's own output only, never a document's tables or prose; the real documents are read
//! from the corpus folder (tests/common), the seed (corpus 00) from tests/fixtures.

use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};
use common::{check_corpus, corpus_files, require_corpus, seed_source};
use std::fmt::Write;

mod common;

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
fn the_seed_is_pinned() {
    let report = check_sources(&[seed_source()], RoundingMode::Nearest);
    insta::assert_snapshot!("corpus_00", outline(&report));
}

#[test]
fn every_real_document_is_pinned() {
    if !require_corpus() {
        return;
    }
    let files = corpus_files();
    assert_eq!(files.len(), 14);
    for name in files.into_iter().filter(|n| !n.starts_with("00_")) {
        let report = check_corpus(&name);
        let snapshot = name.split('_').next().unwrap_or(&name).to_string();
        insta::assert_snapshot!(format!("corpus_{snapshot}"), outline(&report));
    }
}
