//! What a line of a table region is: a row label's kind, the table body beginning, a note,
//! prose after the table, or page furniture (page numbers, 续表, unit captions) to skip.

use super::super::words::{Item, Kind, Word};

/// Labels whose row is a total even without a code or a number.
pub(super) fn is_total_label(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(t.as_str(), "合计" | "总计" | "小计") || t.ends_with("合计") || t.ends_with("总计")
}

/// `一、`, `（一）`, `(一)`, `1.`, `1、`: the label opens a new row.
pub(super) fn starts_enumerated(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let numerals = "一二三四五六七八九十";
    match first {
        Some('（' | '(') => chars.next().is_some_and(|c| numerals.contains(c) || c.is_ascii_digit()),
        Some(c) if numerals.contains(c) => text.chars().take(4).any(|c| c == '、'),
        Some(c) if c.is_ascii_digit() => {
            text.chars().find(|c| !c.is_ascii_digit()).is_some_and(|c| "、.．".contains(c))
        }
        _ => false,
    }
}

/// The line's words run together, for matching phrases however pdftotext spaced them.
pub(super) fn compact(words: &[Word]) -> String {
    words.iter().map(|w| w.text.as_str()).collect()
}

/// `收入   支出` (or `本年收入   本年支出`, `财政拨款收入   财政拨款支出`) over the two halves of a
/// 收入 | 支出 table.
pub(super) fn is_side_line(words: &[Word]) -> bool {
    words.len() == 2 && words.iter().all(|w| side_of(&w.text).is_some())
}

/// The half a side word names, as recognition reads it: `收入` or `支出`.
pub(super) fn side_of(text: &str) -> Option<&'static str> {
    let bare = ["本年", "财政拨款"].iter().fold(text, |t, p| t.strip_prefix(p).unwrap_or(t));
    match bare {
        "收入" => Some("收入"),
        "支出" => Some("支出"),
        _ => None,
    }
}

/// 类, 款 or 项 over a split code column: no column name.
pub(super) fn is_code_level_word(line: &[Word], word: &Word) -> bool {
    matches!(word.text.as_str(), "类" | "款" | "项")
        && line.iter().filter(|w| matches!(w.text.as_str(), "类" | "款" | "项")).count() >= 2
}

/// A line of nothing but 类 / 款 / 项: the split code columns' header, no header row of its own.
pub(super) fn is_code_level_line(words: &[Word]) -> bool {
    words.len() >= 2 && words.iter().all(|w| matches!(w.text.as_str(), "类" | "款" | "项"))
}

/// Prose after a table: sentences, or the heading of the next part of the document.
pub(super) fn is_prose(words: &[Word]) -> bool {
    let text = compact(words);
    let long_sentence =
        words.iter().any(|w| w.text.chars().count() >= 12 && (w.text.contains('，') || w.text.contains(',')))
            && !words.iter().any(|w| super::super::words::is_number(&w.text));
    // A heading of the explanations that follow (`其他相关情况说明`), or of the next table's
    // section (`九、一般公共预算基本支出经济分类情况表`), which is no row of this one.
    let heading = words.len() == 1
        && text.chars().count() >= 4
        && (text.ends_with("说明") || (text.ends_with('表') && starts_enumerated(&text)));
    text.contains('。') || long_sentence || heading || (text.starts_with('第') && text.contains("部分"))
}

/// A note under the table (`注：`, `备注`, `说明：`, bracketed or not): kept as a note, not read
/// as rows.
pub(super) fn is_note(words: &[Word]) -> bool {
    crate::ingest::is_note_text(&compact(words))
}

/// Page furniture between a table's pages: a page number, 续表, the unit's name, a unit caption.
pub(super) fn is_page_junk(words: &[Word]) -> bool {
    let text = compact(words);
    let page_number = words.len() == 1
        && words[0].start >= 8
        && text.chars().count() <= 3
        && text.chars().all(|c| c.is_ascii_digit());
    page_number
        || text.starts_with("续表")
        || text.starts_with("单位名称")
        || text.starts_with("部门名称")
        || crate::unit::Unit::from_caption(&text).is_some() && text.chars().count() <= 12
}

/// A line holds figures, a code at its start, or a total label alone: the table body began.
pub(super) fn is_data_line(line_items: &[Item]) -> bool {
    // Decimals broken off a figure (`.85`) show a figure too.
    let number = line_items.iter().any(|i| {
        (i.kind == Kind::Number && (i.word.text.contains('.') || i.word.text.contains(','))) || i.kind == Kind::Decimals
    });
    let code_first = line_items.first().is_some_and(|i| i.kind == Kind::Code);
    let texts: Vec<&Item> = line_items.iter().filter(|i| i.kind == Kind::Text).collect();
    let lone_total = texts.len() == 1 && is_total_label(&texts[0].word.text);
    number || code_first || lone_total
}
