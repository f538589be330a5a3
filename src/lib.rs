//! budget-check: checks Chinese department budget and final-account disclosure tables.
//!
//! The pipeline is plain functions over plain data:
//! ingest (text → blocks) → recognise (block → table) → rules (document → findings) → report.
//! Nothing here touches the DOM or the file system, so the same core runs natively and in the
//! browser.

pub mod amount;
pub mod batch;
mod causes;
mod document;
pub mod export;
pub mod ingest;
pub mod narrative;
pub mod outline;
mod realign;
pub mod report;
pub mod review;
pub mod rules;
pub mod share;
pub mod table;
pub mod tolerance;
pub mod unit;
mod witness;
pub mod xlsx;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use document::Document;
use ingest::Source;
pub use report::Report;
use report::{Counts, Severity};
use tolerance::{Agreement, RoundingMode};

/// Checks pasted text with the default rounding mode.
pub fn check_text(text: &str) -> Report {
    check_sources(&[Source { name: "粘贴内容".to_string(), text: text.to_string() }], RoundingMode::default())
}

/// Checks one or more inputs as one document.
pub fn check_sources(sources: &[Source], mode: RoundingMode) -> Report {
    check_document(Document::read(sources), mode)
}

pub fn check_document(mut doc: Document, mode: RoundingMode) -> Report {
    let registry = rules::registry();
    let mut outcome = rules::run(&doc, mode, &registry);
    let moved = realign::realign(&mut doc, &mut outcome, mode, &registry);
    doc.notes.extend(moved);
    let rules::Outcome { mut findings, not_checked, relations: relations_checked, .. } = outcome;
    let (mut tables, mut unrecognised) = (doc.tables, doc.unrecognised);
    witness::set_aside_misread(&mut tables, &mut findings, &mut unrecognised);
    causes::group(&tables, &mut findings, mode);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let counts = Counts {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        rounding: findings.iter().filter(|f| f.agreement == Some(Agreement::Rounding)).count(),
        relations_checked,
    };
    let nothing_read = report::nothing_read(&tables, &unrecognised, doc.viewer_copied, doc.has_text);
    Report {
        rounding_mode: mode,
        nothing_read,
        tables,
        findings,
        not_checked,
        unrecognised,
        counts,
        notes: doc.notes,
        outline: doc.outline,
    }
}
