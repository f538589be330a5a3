//! Turning what the user pasted or uploaded into blocks: runs of rows under a title.
//!
//! Every input format (tab-separated paste, HTML, spreadsheets, PDF text) ends up as the same
//! [`Block`], so recognition and rules never care where a table came from.

mod cells;
mod clean;
mod delimited;
mod encoding;
mod files;
mod flat;
mod html;
mod layout;
mod markup;
mod pipes;
mod regrid;
mod text;
mod viewer;

pub use clean::{invisible, prepare, Note, MAX_LINES, MAX_TEXT_BYTES};
pub use encoding::{decode, decode_noted, Decoded};
pub use files::{file_marker, file_text, pdf_file, read_file, sheet_file, FileText, ReadError, MAX_FILE_BYTES};
pub use flat::{is_flat_line, self_evaluations, FundRow, IndicatorGroup, SelfEvaluation};
pub use html::html_to_text;
/// The PDF reader (crates/pdf-text): natively linked in; the page runs it as its own module.
pub use pdf_text as pdf;
pub use sheet_text as sheet;
pub use text::{is_note_text, split_text};
pub use viewer::looks_viewer_copied;

/// Splits one input into blocks. An input holding several files (see [`file_marker`]) is read
/// file by file, and sheet by sheet, each block named after its file with lines counted
/// within that file.
pub fn blocks(source: &Source) -> Vec<Block> {
    let mut all = Vec::new();
    for part in files::parts(source) {
        let mut blocks = layout_blocks(&part.source);
        for block in &mut blocks {
            block.line += part.line_offset;
            for row in &mut block.rows {
                row.line += part.line_offset;
            }
        }
        all.append(&mut blocks);
    }
    all
}

/// Reads one file's text in the layout it was written in.
///
/// Each layout reader lives in its own module; this is the one place that decides which applies.
fn layout_blocks(source: &Source) -> Vec<Block> {
    if html::looks_like_html(&source.text) {
        split_text(&Source { name: source.name.clone(), text: html_to_text(&source.text) })
    } else if pipes::looks_piped(&source.text) {
        pipes::split_piped(source)
    } else if cells::looks_one_per_line(&source.text) {
        regrid::read_lines(&source.name, &cells::regroup(&cells::items_from_text(&source.text)))
    } else if flat::looks_flat(&source.text) {
        flat::split_flat(source)
    } else if layout::looks_like_layout(&source.text) {
        layout::split_layout(source)
    } else {
        split_text(source)
    }
}

/// One row of cells as printed, with the line (or sheet row) it came from, 1-based.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A titled run of rows, not yet interpreted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// Name of the file or paste it came from.
    pub source: String,
    /// First line of the block.
    pub line: usize,
    /// A number marker printed on its own line, e.g. `表一`.
    pub marker: Option<String>,
    pub title: Option<String>,
    /// Lines between the title and the first row (organisation name, 编制单位, …).
    pub preamble: Vec<String>,
    /// The unit caption, e.g. `单位：万元`.
    pub unit_caption: Option<String>,
    pub rows: Vec<RawRow>,
    /// Text after the rows, such as （备注：…）.
    pub notes: Vec<String>,
    /// Set when the columns of a whitespace-aligned table could not be placed with confidence:
    /// such a block is reported unread instead of checked on guessed cells.
    pub misaligned: Option<Misalignment>,
    /// Its cells were placed by where their text stands on a line (aligned text, a PDF), so a
    /// figure may have landed one column off; a spreadsheet's or a paste's cells are exact.
    pub placed_by_position: bool,
}

/// Where and why the columns of a table read from aligned text could not be trusted.
#[derive(Debug, Clone, PartialEq)]
pub struct Misalignment {
    /// Line of the input where the problem shows.
    pub line: usize,
    pub detail_zh: String,
    pub detail_en: String,
}

impl Block {
    fn new(source: &str, line: usize) -> Block {
        Block { source: source.to_string(), line, ..Block::default() }
    }

    fn is_blank(&self) -> bool {
        self.marker.is_none() && self.title.is_none() && self.rows.is_empty() && self.notes.is_empty()
    }
}

/// A whole input: one paste or one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub text: String,
}
