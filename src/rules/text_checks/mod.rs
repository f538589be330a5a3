//! What a 财政局 reviewer reads in the 情况说明 besides the figures' sums: changes recomputed
//! from the two figures they compare, one item stated with two amounts, subject names beside their codes, template leftovers, the document calling itself by the
//! wrong kind, and unpaired punctuation. Each family is one module; this one holds what they
//! share: paragraphs of the prose and where in it a finding stands.

mod changes;
mod code_names;
mod doc_kind;
mod leftovers;
mod one_amount;
mod typography;

use super::Rule;
use crate::narrative::{Narrative, Prose, BREAK, CHAPTER};
use crate::report::TextPlace;
use std::ops::Range;

pub const RULES: &[Rule] =
    &[changes::RULE, one_amount::RULE, code_names::RULE, leftovers::RULE, doc_kind::RULE, typography::RULE];

/// A stretch of prose between boundaries (a heading, a numbered item, a table): the paragraph
/// within which quotes and brackets pair and a sentence's figures belong together.
struct Paragraph {
    range: Range<usize>,
    /// It starts at the start of the text, a heading or a numbered item — not after a table
    /// row, where a sentence cut by a table (a wrapped form cell) may have begun.
    clean_start: bool,
    /// It ends at a heading, a numbered item or the end of the text, not at a table row.
    clean_end: bool,
}

fn paragraphs(prose: &Prose) -> Vec<Paragraph> {
    let is_boundary = |k: usize| matches!(prose.chars.get(k), Some(&BREAK) | Some(&CHAPTER));
    // A heading's or an item's mark shares its line with prose; a table row's is a line alone.
    let clean = |k: usize| {
        let line = prose.lines.get(k);
        let shares = |j: Option<usize>| j.is_some_and(|j| !is_boundary(j) && prose.lines.get(j) == line);
        prose.chars.get(k) != Some(&BREAK) || shares(k.checked_sub(1)) || shares(Some(k + 1))
    };
    let mut out = Vec::new();
    let mut start = 0;
    for k in (0..=prose.chars.len()).filter(|&k| k == prose.chars.len() || is_boundary(k)) {
        if k > start {
            let clean_start = start == 0 || clean(start - 1);
            out.push(Paragraph { range: start..k, clean_start, clean_end: clean(k) });
        }
        start = k + 1;
    }
    out
}

/// How many characters of context a quote shows on each side of what it is about.
const CONTEXT: usize = 12;

/// Where `range` of the prose stands: its first character's line, quoted with a little
/// context from its paragraph (white space dropped, as statements are quoted).
fn place(n: &Narrative, paragraph: &Range<usize>, range: Range<usize>) -> TextPlace {
    let from = range.start.saturating_sub(CONTEXT).max(paragraph.start);
    let to = (range.end + CONTEXT).min(paragraph.end);
    let quote: String = n.prose.text(from..to).split_whitespace().collect();
    TextPlace { source: n.source.clone(), line: n.prose.lines.get(range.start).copied().unwrap_or(0), quote }
}
