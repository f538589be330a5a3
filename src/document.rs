//! What a check reads: the tables, prose and forms of one or more inputs, recognised.

use crate::ingest::{self, Source};
use crate::narrative;
use crate::outline::Outline;
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
    /// Lines that speak of empty tables for the whole document (a 目录's 是否空表 column,
    /// `空表表示本部门无相关收支情况`): such a line explains every empty table.
    pub empty_table_lines: Vec<String>,
    /// The cover, 目录, 情况说明 and 其他说明, where they were found.
    pub outline: Outline,
}

/// Most document-wide lines about empty tables kept: one explains them all.
const MAX_EMPTY_TABLE_LINES: usize = 4;

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
            doc.outline.read(&source.name, &source.text);
            let about_empty = source.text.lines().filter(|l| l.contains("空表")).map(|l| l.trim().to_string());
            let room = MAX_EMPTY_TABLE_LINES.saturating_sub(doc.empty_table_lines.len());
            doc.empty_table_lines.extend(about_empty.take(room));
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
