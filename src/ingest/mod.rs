//! Turning what the user pasted or uploaded into blocks: runs of rows under a title.
//!
//! Every input format (tab-separated paste, HTML, spreadsheets, PDF text) ends up as the same
//! [`Block`], so recognition and rules never care where a table came from.

mod encoding;
mod markup;
mod text;

pub use encoding::decode;
pub use text::split_text;

/// Splits one input into blocks, reading it in the layout it was written in.
///
/// Each layout reader lives in its own module; this is the one place that decides which applies.
pub fn blocks(source: &Source) -> Vec<Block> {
    split_text(source)
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
