//! The prose of a document as one stream of characters, each remembering its line.
//!
//! 情况说明 sentences wrap anywhere — inside a word (项目支 / 出预算), inside a number
//! (13,576 / .41万元) — so lines are joined without a separator. Table rows, space-aligned
//! layout and headings are not prose: they become boundaries, so a sentence never runs into a
//! table or a heading.

/// A sentence boundary the reader inserted (a table row, a numbered item, a heading's end).
pub const BREAK: char = '\u{1}';
/// The start of a chapter (一、…, 第二部分, a `#` heading): lists and share sets never cross it.
pub const CHAPTER: char = '\u{2}';

/// Prose characters with the 1-based line each came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prose {
    pub chars: Vec<char>,
    pub lines: Vec<usize>,
}

impl Prose {
    fn push(&mut self, c: char, line: usize) {
        self.chars.push(c);
        self.lines.push(line);
    }

    /// The characters in `range`, as a string.
    pub fn text(&self, range: std::ops::Range<usize>) -> String {
        self.chars.get(range).map(|s| s.iter().collect()).unwrap_or_default()
    }
}

/// Joins the prose lines of `text`; `skip` says which lines another reader owns.
pub fn prose(text: &str, skip: impl Fn(&str) -> bool) -> Prose {
    let mut out = Prose::default();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            // pdftotext double-spaces some documents: a blank line is not a paragraph end.
            continue;
        }
        // `# 标题` headings and the `=== 文件：… ===` lines between uploaded files.
        if line.starts_with('#') || line.starts_with("===") {
            out.push(CHAPTER, line_no);
            continue;
        }
        if raw.contains('\t') || is_layout(line) || skip(raw) {
            out.push(BREAK, line_no);
            continue;
        }
        if is_chapter_heading(line) {
            out.push(CHAPTER, line_no);
        } else if starts_with_item_number(line) {
            out.push(BREAK, line_no);
        }
        for c in line.chars().filter(|c| !c.is_control()) {
            out.push(fold(c), line_no);
        }
        if ends_like_heading(line) {
            out.push(BREAK, line_no);
        }
    }
    out
}

/// Full-width digits and signs as ASCII; Chinese punctuation is kept (it delimits clauses).
fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '％' => '%',
        '．' => '.',
        '（' => '(',
        '）' => ')',
        '\u{3000}' | '\u{a0}' => ' ',
        _ => c,
    }
}

/// Space-aligned columns (three or more spaces inside the line) or a row of bare numbers.
fn is_layout(line: &str) -> bool {
    if line.contains("   ") || line.contains("\u{3000}\u{3000}") {
        return true;
    }
    // Sentences have Chinese punctuation; a row of a table copied with single spaces has not.
    let numbers =
        line.split_whitespace().filter(|t| t.chars().all(|c| c.is_ascii_digit() || ",.-".contains(c))).count();
    numbers >= 3 && !line.contains(['，', '。', '；', '：'])
}

const NUMERALS: &str = "一二三四五六七八九十";

/// `六、一般公共预算基本支出情况说明`, `第二部分 …`.
fn is_chapter_heading(line: &str) -> bool {
    let numeral_len = line.chars().take_while(|c| NUMERALS.contains(*c)).count();
    let after = line.chars().nth(numeral_len);
    (numeral_len > 0 && after == Some('、')) || (line.starts_with('第') && line.contains("部分"))
}

/// `(二)`, `（一）`, `1.`, `2．`, `3、`, `(1)`: an item of a numbered list.
fn starts_with_item_number(line: &str) -> bool {
    let mut chars = line.chars().map(fold);
    match chars.next() {
        Some('(') => {
            let inner: String = chars.take_while(|c| *c != ')').collect();
            !inner.is_empty()
                && inner.chars().count() <= 3
                && inner.chars().all(|c| NUMERALS.contains(c) || c.is_ascii_digit())
        }
        Some(c) if c.is_ascii_digit() => {
            let rest: String = chars.skip_while(char::is_ascii_digit).take(2).collect();
            let mut rest = rest.chars();
            matches!(rest.next(), Some('.') | Some('、')) && !rest.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// A short line without final punctuation ending in 说明, 情况 or 表 is a heading.
fn ends_like_heading(line: &str) -> bool {
    line.chars().count() <= 40 && ["说明", "情况", "表"].iter().any(|e| line.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_words_and_numbers_join_and_keep_their_lines() {
        let p = prose("一般公共预算拨款13,576\n    .41万元,其中:项目支\n出预算", |_| false);
        let text = p.text(0..p.chars.len());
        assert_eq!(text, "一般公共预算拨款13,576.41万元,其中:项目支出预算");
        assert_eq!(p.lines[text.chars().position(|c| c == '7').unwrap_or(0)], 1);
        assert_eq!(*p.lines.last().unwrap_or(&0), 3);
    }

    #[test]
    fn headings_items_and_table_rows_are_boundaries() {
        let p =
            prose("六、基本支出情况说明\n1. 基本支出\n合计\t1\n项目 1 2 3\n人员经费", |_| false);
        assert_eq!(p.text(0..p.chars.len()), "\u{2}六、基本支出情况说明\u{1}\u{1}1. 基本支出\u{1}\u{1}人员经费");
    }

    #[test]
    fn years_are_not_item_numbers() {
        assert!(!starts_with_item_number("2023 年本年一般公共预算基本支出"));
        assert!(!starts_with_item_number("14,770.62万元"));
        assert!(starts_with_item_number("2. 项目支出 35800 元"));
        assert!(starts_with_item_number("（一）人员经费"));
    }
}
