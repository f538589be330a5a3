//! budget-check: checks Chinese department budget and final-account disclosure tables.
//!
//! The pipeline is plain functions over plain data:
//! ingest (text → blocks) → recognise (block → table) → rules (document → findings) → report.
//! Nothing here touches the DOM or the file system, so the same core runs natively and in the
//! browser.

pub mod amount;
pub mod batch;
pub mod export;
pub mod ingest;
pub mod narrative;
pub mod report;
pub mod rules;
pub mod share;
pub mod table;
pub mod tolerance;
pub mod unit;
mod witness;
mod xlsx;

#[cfg(target_arch = "wasm32")]
pub mod app;

use ingest::Source;
pub use report::Report;
use report::{Counts, Severity, Unrecognised};
use table::{recognise_owned, Recognised, Table};
use tolerance::{Agreement, RoundingMode};

/// The recognised contents of one or more inputs.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub tables: Vec<Table>,
    pub unrecognised: Vec<Unrecognised>,
    /// Figures stated in the prose of each source (情况说明).
    pub narratives: Vec<narrative::Narrative>,
    /// 绩效自评表 read from flattened one-line previews.
    pub self_evaluations: Vec<ingest::SelfEvaluation>,
    /// What was left out or removed before reading (limits, invisible characters).
    pub notes: Vec<report::InputNote>,
    /// Some source reads as text copied from a PDF viewer, its columns lost.
    pub viewer_copied: bool,
    /// Some source holds more than white space.
    pub has_text: bool,
}

impl Document {
    /// Reads every source; tables keep the name of the source they came from.
    pub fn read(sources: &[Source]) -> Document {
        let mut doc = Document::default();
        for source in sources {
            let (source, notes) = ingest::prepare(source);
            let source = source.as_ref();
            doc.notes.extend(notes.into_iter().map(|(zh, en)| report::InputNote { message_zh: zh, message_en: en }));
            doc.viewer_copied |= ingest::looks_viewer_copied(&source.text);
            doc.has_text |= !source.text.trim().is_empty();
            // Flattened tables and markup are not prose, even when they contain sentences.
            let not_prose = |line: &str| ingest::is_flat_line(line) || (line.contains('<') && line.contains('>'));
            doc.narratives.push(narrative::read(source, not_prose));
            doc.self_evaluations.extend(ingest::self_evaluations(source));
            let mut unit_above = None;
            for block in ingest::blocks(source) {
                match recognise_owned(block, doc.tables.len(), unit_above) {
                    Recognised::Table(table) => {
                        unit_above = Some(table.unit);
                        doc.tables.push(*table);
                    }
                    Recognised::NotATable(block) => doc.unrecognised.push(block),
                }
            }
        }
        doc
    }
}

/// Checks pasted text with the default rounding mode.
pub fn check_text(text: &str) -> Report {
    check_sources(&[Source { name: "粘贴内容".to_string(), text: text.to_string() }], RoundingMode::default())
}

/// Checks one or more inputs as one document.
pub fn check_sources(sources: &[Source], mode: RoundingMode) -> Report {
    check_document(Document::read(sources), mode)
}

pub fn check_document(doc: Document, mode: RoundingMode) -> Report {
    let mut findings = Vec::new();
    let mut not_checked = Vec::new();
    let mut relations_checked = 0;
    for rule in rules::registry() {
        let mut ctx = rules::Ctx::new(&doc, mode, rule);
        (rule.run)(&mut ctx);
        relations_checked += ctx.relations;
        findings.append(&mut ctx.findings);
        not_checked.append(&mut ctx.not_checked);
    }
    let (mut tables, mut unrecognised) = (doc.tables, doc.unrecognised);
    witness::set_aside_misread(&mut tables, &mut findings, &mut unrecognised);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let counts = Counts {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        rounding: findings.iter().filter(|f| f.agreement == Some(Agreement::Rounding)).count(),
        relations_checked,
    };
    let nothing_read = report::nothing_read(&tables, &unrecognised, doc.viewer_copied, doc.has_text);
    Report { rounding_mode: mode, nothing_read, tables, findings, not_checked, unrecognised, counts, notes: doc.notes }
}
