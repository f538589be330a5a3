//! What a check reads: the tables, prose and forms of one or more inputs, recognised.

use crate::ingest::{self, Source};
use crate::narrative;
use crate::report::{InputNote, Text};
use crate::table::{recognise_owned, Recognised, Table, Unrecognised};

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
    pub notes: Vec<InputNote>,
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
            doc.notes.extend(notes.into_iter().map(|(zh, en)| InputNote { message: Text::new(zh, en) }));
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
