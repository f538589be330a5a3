//! The words of one `pdftotext -layout` line, where they stand, and what each one is.
//!
//! Positions are counted in characters from the start of the line. pdftotext lays text out on a
//! grid of one character per glyph, CJK included, so character columns line up from one line to
//! the next; display widths (CJK = 2 columns) drift with the number of CJK characters to the left
//! of a figure and put figures of one column up to 20 places apart (see the tests).

use crate::amount::{read_cell, CellValue};

/// A run of non-blank characters and the columns it occupies, `end` exclusive.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn centre2(&self) -> usize {
        self.start + self.end
    }
}

/// Splits a line into words, counting one column per character.
pub(super) fn words(line: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    for (pos, c) in line.chars().enumerate() {
        if c.is_whitespace() {
            if let Some(w) = current.take() {
                out.push(w);
            }
        } else {
            match current.as_mut() {
                Some(w) => {
                    w.text.push(c);
                    w.end = pos + 1;
                }
                None => current = Some(Word { text: c.to_string(), start: pos, end: pos + 1 }),
            }
        }
    }
    out.extend(current);
    out
}

/// What a word of a table line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// An amount (or a dash placeholder standing for one).
    Number,
    /// The decimals of a number broken onto the next line by extraction: `.64`.
    Decimals,
    /// A subject code, its 类/款/项 parts already joined.
    Code,
    /// A lone 款 or 项 part (`06`) with no 类 before it on its line.
    CodePart,
    Text,
}

/// A word of a table line, classified; neighbouring words of one label are merged.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    pub kind: Kind,
    pub word: Word,
}

/// An amount as printed in these tables: `1,487.36`, `0.95`, `-3.00`, `4`, or a dash.
pub(super) fn is_number(text: &str) -> bool {
    if text.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    matches!(read_cell(text).value, CellValue::Number(_) | CellValue::Placeholder)
        && text.chars().any(|c| c.is_ascii_digit() || "-—－/…".contains(c))
}

fn is_digits(text: &str, lengths: &[usize]) -> bool {
    text.chars().all(|c| c.is_ascii_digit()) && lengths.contains(&text.len())
}

fn is_decimals(text: &str) -> bool {
    text.strip_prefix('.').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

fn is_cjk(c: char) -> bool {
    !c.is_ascii()
}

/// Classifies the words of a table line: codes (with `201   06   01` joined to `2010601`),
/// numbers, decimals split off a number, and labels (words one space apart merged).
pub(super) fn items(words: &[Word]) -> Vec<Item> {
    let mut words: Vec<Word> = words.iter().flat_map(unglue_code).collect();
    join_unit_code(&mut words);
    let words = words.as_slice();
    let mut out: Vec<Item> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let prev = out.last();
        let prev_is_code = prev.is_some_and(|p| p.kind == Kind::Code);
        // After figures, a code begins the other half's row and its name follows it; a whole
        // number ending the line is a figure (`… 40,340   39,540   800`).
        let named_after = words.get(i + 1).is_some_and(|n| !is_number(&n.text));
        let after_figures = prev.is_some_and(|p| p.kind == Kind::Number) && named_after;
        // A first code whose name was wrapped onto other lines stands right before the second.
        let after_code = prev.is_some_and(|p| p.kind == Kind::Code && p.word.text.len() >= 5);
        let code_here = i == 0 || after_figures || names_second_code(words, i, after_code);
        let next_is_number = words.get(i + 1).is_some_and(|n| is_number(&n.text) && !is_digits(&n.text, &[2]));
        if prev_is_code && is_digits(&w.text, &[2]) && prev.is_some_and(|p| p.word.text.len() < 7) {
            if let Some(p) = out.last_mut() {
                p.word.text.push_str(&w.text);
                p.word.end = w.end;
            }
            continue;
        }
        // `2025 年` names a year (a label column of 三公 tables), not an amount.
        let year = is_digits(&w.text, &[4]) && words.get(i + 1).is_some_and(|n| n.text == "年");
        let kind = if is_decimals(&w.text) {
            Kind::Decimals
        } else if year {
            Kind::Text
        } else if code_here && is_digits(&w.text, &[3, 5, 7]) && !next_is_number_only(words, i, next_is_number) {
            Kind::Code
        } else if is_digits(&w.text, &[2])
            && (i == 0 || prev.is_some_and(|p| p.kind == Kind::Text))
            && words.get(i + 1).is_some_and(|n| !is_number(&n.text))
        {
            Kind::CodePart
        } else if is_number(&w.text) {
            Kind::Number
        } else {
            Kind::Text
        };
        match out.last_mut() {
            Some(p)
                if kind == Kind::Text && p.kind == Kind::Text && (w.start <= p.word.end + 1 || letter_spaced(p, w)) =>
            {
                let joiner =
                    p.word.text.chars().last().is_some_and(is_cjk) || w.text.chars().next().is_some_and(is_cjk);
                if !joiner {
                    p.word.text.push(' ');
                }
                p.word.text.push_str(&w.text);
                p.word.end = w.end;
            }
            _ => out.push(Item { kind, word: w.clone() }),
        }
    }
    out
}

/// `117001   某市审计局`: a unit's code (six digits, or eight and more: no subject code has
/// those lengths) printed before the unit's name at the start of a line is part of its label,
/// never an amount.
fn join_unit_code(words: &mut Vec<Word>) {
    let unit_code = |w: &Word| w.text.chars().all(|c| c.is_ascii_digit()) && (w.text.len() == 6 || w.text.len() >= 8);
    let named = |w: &Word| w.text.chars().next().is_some_and(is_cjk);
    if let [code, name, ..] = words.as_slice() {
        if unit_code(code) && named(name) {
            // The label stands where its name does: the code column's header stays over the codes.
            let label = Word { text: format!("{} {}", code.text, name.text), start: name.start, end: name.end };
            words.splice(0..2, [label]);
        }
    }
}

/// `310资本性支出`: a code printed against its name is two words (not `110万元`, `202年`).
fn unglue_code(w: &Word) -> Vec<Word> {
    let digits = w.text.chars().take_while(|c| c.is_ascii_digit()).count();
    let rest: String = w.text.chars().skip(digits).collect();
    let named = rest.chars().next().is_some_and(|c| is_cjk(c) && !"年月日万元个人次项类款".contains(c))
        && !rest.chars().any(|c| c.is_ascii_digit());
    if [3, 5, 7].contains(&digits) && named {
        let code = Word { text: w.text.chars().take(digits).collect(), start: w.start, end: w.start + digits };
        vec![code, Word { text: rest, start: w.start + digits, end: w.end }]
    } else {
        vec![w.clone()]
    }
}

/// `合   计`, `项    目`: single characters spread across a cell are one label.
fn letter_spaced(previous: &Item, word: &Word) -> bool {
    let chars = previous.word.text.chars().count();
    let spread = previous.word.end - previous.word.start >= 2 * chars - 1;
    word.text.chars().count() == 1
        && word.text.chars().all(is_cjk)
        && previous.word.text.chars().all(is_cjk)
        && spread
        && word.start <= previous.word.end + 4
}

/// `301  工资福利支出  501  机关工资福利支出`: a table giving each row a code of two
/// classifications prints the second code after the first name. A subject code's first digit
/// is 2 (functions), 3 or 5 (economic); what follows it (after its 款 and 项 parts) is its
/// name, not a numbered item.
fn names_second_code(words: &[Word], i: usize, after_code: bool) -> bool {
    let subject_like = words[i].text.starts_with(['2', '3', '5']);
    let parts = words[i + 1..].iter().take_while(|w| is_digits(&w.text, &[2])).count();
    let name_follows = words.get(i + 1 + parts).is_some_and(|n| {
        n.text.chars().next().is_some_and(is_cjk) && !n.text.starts_with(['一', '二', '三', '四', '五', '（', '('])
    });
    let after_name = i > 0 && words[i - 1].text.chars().last().is_some_and(is_cjk);
    subject_like && name_follows && (after_name || after_code)
}

/// A leading 3-digit figure followed only by whole figures is an amount (`100  90  10`), not a
/// code; a code whose name was printed on another line is followed by amounts with decimals.
fn next_is_number_only(words: &[Word], i: usize, next_is_number: bool) -> bool {
    let rest = words.get(i + 1..).unwrap_or_default();
    next_is_number && words[i].text.len() == 3 && rest.iter().all(|w| is_number(&w.text) && !w.text.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Kind, String)> {
        items(&words(line)).into_iter().map(|i| (i.kind, i.word.text)).collect()
    }

    #[test]
    fn words_know_their_character_columns() {
        let w = words("201   行政运行  1,487.36");
        assert_eq!(w[1], Word { text: "行政运行".into(), start: 6, end: 10 });
        assert_eq!(w[2].start, 12);
    }

    #[test]
    fn split_codes_are_joined() {
        assert_eq!(
            kinds("201   06   01   行政运行           1,487.36"),
            vec![(Kind::Code, "2010601".into()), (Kind::Text, "行政运行".into()), (Kind::Number, "1,487.36".into())]
        );
    }

    #[test]
    fn letter_spaced_labels_are_one_label_and_decimals_are_marked() {
        assert_eq!(
            kinds("因 公 出 国 （ 境 ） 费   .64"),
            vec![(Kind::Text, "因公出国（境）费".into()), (Kind::Decimals, ".64".into())]
        );
        assert_eq!(kinds("   100    200")[0], (Kind::Number, "100".into()));
        assert_eq!(kinds("基本工资      01   办公费")[1].0, Kind::CodePart);
        assert_eq!(kinds("310资本性支出   0.00")[..2], [(Kind::Code, "310".into()), (Kind::Text, "资本性支出".into())]);
        assert_eq!(kinds("110万元")[0], (Kind::Text, "110万元".into()));
        assert_eq!(kinds("   117001   某市审计局    1,234.00")[0], (Kind::Text, "117001 某市审计局".into()));
        assert_eq!(kinds("一、社会保障支出     40,340     39,540     800")[3], (Kind::Number, "800".into()));
        assert_eq!(kinds("301  01  基本工资    501  01  工资奖金津补贴    12.00")[2], (Kind::Code, "50101".into()));
        assert_eq!(kinds("301  08     501  02  社会保障缴费    78.07")[1], (Kind::Code, "50102".into()));
        assert_eq!(kinds("示例局本级     2025 年     117.42    0.00")[1], (Kind::Text, "2025年".into()));
    }

    /// Rows as corpus 21's 表三 prints them (figures invented): the 总计 figures of three rows end
    /// in the same character column, while their display-width ends (CJK counted twice) are 56, 63
    /// and 67.
    #[test]
    fn character_columns_line_up_where_display_widths_do_not() {
        let lines = [
            "201        一般公共服务支出                    14,736.28      5,912.63     8,823.65",
            "20103      政府办公厅（室）及相关机构事务             14,736.28      5,912.63     8,823.65",
            " 2010399   其他政府办公厅（室）及相关机构事务支出          1,208.46                   1,208.46",
        ];
        let ends: Vec<usize> = lines.iter().map(|l| words(l)[2].end).collect();
        assert_eq!(ends, vec![48, 48, 48]);
        let display_end = |l: &str| {
            let w = &words(l)[2];
            l.chars().take(w.end).map(|c| if is_cjk(c) { 2 } else { 1 }).sum::<usize>()
        };
        assert_eq!(lines.map(display_end), [56, 63, 67]);
    }
}
