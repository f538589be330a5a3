//! What the checker reads of an input before splitting it: at most [`MAX_TEXT_BYTES`] and
//! [`MAX_LINES`] (the rest is left out, with a note), and without characters nobody sees.
//!
//! Control characters (NUL, …), bidirectional marks (RLM, LRO, …) and zero-width spaces pasted
//! inside cells made names and figures that look equal differ, so relations were silently
//! dropped and false errors appeared. They are removed from what is checked (the input box
//! keeps them) and the lines they stood on are named.

use super::Source;
use std::borrow::Cow;

/// Most bytes of one input checked; budget disclosures are a few hundred KB.
pub const MAX_TEXT_BYTES: usize = 20 << 20;
/// Most lines of one input checked.
pub const MAX_LINES: usize = 200_000;
/// Most tab-separated cells of one line checked: budget tables have a few dozen columns, and
/// a table thousands of columns wide (one far cell of a damaged sheet) made the sum rules
/// take minutes.
pub const MAX_CELLS_PER_LINE: usize = 256;

/// A note on what was left out or removed: (Chinese, English), naming the input.
pub type Note = (String, String);

/// Whether a character is invisible and means nothing in a table: C0/C1 controls other than
/// tab, line breaks and the form feed (a page break in PDF text, which the layout reader uses),
/// bidirectional controls, zero-width characters and the BOM.
pub fn invisible(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        || matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// The part of `source` that is checked, and the notes on what was left out or removed.
pub fn prepare(source: &Source) -> (Cow<'_, Source>, Vec<Note>) {
    let mut notes = Vec::new();
    let mut text = Cow::Borrowed(source.text.as_str());
    for step in [within_limits, narrow_lines, visible] {
        if let Some((changed, note)) = step(&source.name, &text) {
            notes.push(note);
            text = Cow::Owned(changed);
        }
    }
    match text {
        Cow::Borrowed(_) => (Cow::Borrowed(source), notes),
        Cow::Owned(text) => (Cow::Owned(Source { name: source.name.clone(), text }), notes),
    }
}

/// The text up to [`MAX_TEXT_BYTES`] and [`MAX_LINES`], cut at a line end, when it is longer.
fn within_limits(name: &str, text: &str) -> Option<(String, Note)> {
    let mut end = text.len().min(MAX_TEXT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some((index, _)) = text[..end].match_indices('\n').nth(MAX_LINES - 1) {
        end = index;
    } else if end < text.len() {
        end = text[..end].rfind('\n').unwrap_or(end);
    }
    if end == text.len() {
        return None;
    }
    let lines = text[..end].lines().count();
    let note = (
        format!(
            "“{name}”超过上限（{} MB 或 {MAX_LINES} 行）：只检查了前 {lines} 行，其后的内容未检查。",
            MAX_TEXT_BYTES >> 20
        ),
        format!(
            "\"{name}\" is over the limit ({} MB or {MAX_LINES} lines): only its first {lines} lines were checked.",
            MAX_TEXT_BYTES >> 20
        ),
    );
    Some((text[..end].to_string(), note))
}

/// The text with every line cut to its first [`MAX_CELLS_PER_LINE`] cells, when a line has more.
fn narrow_lines(name: &str, text: &str) -> Option<(String, Note)> {
    let wide: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.len() >= MAX_CELLS_PER_LINE && line.matches('\t').count() >= MAX_CELLS_PER_LINE)
        .map(|(index, _)| index + 1)
        .collect();
    if wide.is_empty() {
        return None;
    }
    let shown: Vec<String> = wide.iter().take(5).map(usize::to_string).collect();
    let more = if wide.len() > 5 { "…" } else { "" };
    let note = (
        format!(
            "“{name}”有 {} 行超过 {MAX_CELLS_PER_LINE} 列，只检查了前 {MAX_CELLS_PER_LINE} 列：第 {}{more} 行。",
            wide.len(),
            shown.join("、")
        ),
        format!(
            "\"{name}\": {} line(s) have more than {MAX_CELLS_PER_LINE} cells; only the first {MAX_CELLS_PER_LINE} were checked: line {}{more}.",
            wide.len(),
            shown.join(", ")
        ),
    );
    let mut cut = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.match_indices('\t').nth(MAX_CELLS_PER_LINE - 1) {
            Some((at, _)) => {
                cut.push_str(&line[..at]);
                if line.ends_with('\n') {
                    cut.push('\n');
                }
            }
            None => cut.push_str(line),
        }
    }
    Some((cut, note))
}

/// The text without [`invisible`] characters, when it holds any, naming their lines.
fn visible(name: &str, text: &str) -> Option<(String, Note)> {
    if !text.contains(invisible) {
        return None;
    }
    let mut lines = Vec::new();
    let mut count = 0;
    for (index, line) in text.lines().enumerate() {
        let found = line.chars().filter(|&c| invisible(c)).count();
        if found > 0 {
            count += found;
            lines.push(index + 1);
        }
    }
    let shown: Vec<String> = lines.iter().take(5).map(usize::to_string).collect();
    let more = if lines.len() > 5 { "…" } else { "" };
    let note = (
        format!("“{name}”中有 {count} 个看不见的控制、方向或零宽字符，检查时已忽略：第 {}{more} 行。", shown.join("、")),
        format!(
            "\"{name}\" holds {count} invisible control, direction or zero-width character(s), ignored when checking: line {}{more}.",
            shown.join(", ")
        ),
    );
    Some((text.chars().filter(|&c| !invisible(c)).collect(), note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_removed_and_their_lines_named() {
        let source = Source {
            name: "粘贴内容".into(),
            text: "合计\t1.00\n一般\u{200B}公共\u{0}\t\u{200F}2.00\n".into(),
        };
        let (read, notes) = prepare(&source);
        assert_eq!(read.text, "合计\t1.00\n一般公共\t2.00\n");
        assert_eq!(notes.len(), 1);
        assert!(notes[0].0.contains("3 个") && notes[0].0.contains("第 2 行"), "{:?}", notes);
        let clean = Source { name: "x".into(), text: "合计\t1.00".into() };
        assert!(matches!(prepare(&clean), (Cow::Borrowed(_), notes) if notes.is_empty()));
    }

    #[test]
    fn wide_lines_are_cut_at_the_cell_limit() {
        let wide = format!("合计{}\n表二\t1\n", "\t9".repeat(1000));
        let source = Source { name: "x".into(), text: wide };
        let (read, notes) = prepare(&source);
        let first = read.text.lines().next().unwrap();
        assert_eq!(first.split('\t').count(), MAX_CELLS_PER_LINE);
        assert!(read.text.ends_with("\n表二\t1\n"), "{:?}", &read.text[read.text.len() - 20..]);
        assert!(notes[0].1.contains("only the first 256"), "{notes:?}");
    }

    #[test]
    fn long_inputs_are_cut_at_a_line() {
        let text = "行\t1\n".repeat(MAX_LINES + 10);
        let source = Source { name: "x".into(), text };
        let (read, notes) = prepare(&source);
        assert_eq!(read.text.lines().count(), MAX_LINES);
        assert!(notes[0].1.contains("only its first 200000 lines"), "{:?}", notes);
    }
}
