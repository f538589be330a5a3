//! The parts of a disclosure around its tables, found by their headings: the cover's title,
//! the 目录, the 情况说明 and the 其他说明 (名词解释). The review form asks of each whether it is
//! there and right; a part this reader does not find is left for the reviewer, never judged
//! missing.

use serde::Serialize;

/// Where a part starts: the source, its 1-based line and the line as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub source: String,
    pub line: usize,
    pub text: String,
}

impl Mark {
    /// `第 3 行 “XX局2026年部门预算”`
    pub fn describe(&self) -> String {
        format!("第 {} 行 “{}”", self.line, self.text)
    }
}

/// The parts found, each where it first appears in the inputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Outline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<Mark>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contents: Option<Mark>,
    /// The first sentence of the 情况说明.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Mark>,
    /// The heading of the 其他说明 or 名词解释 part; the prose from here on is that part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<Mark>,
    /// The line of the chapter after the 其他说明, when one follows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_end: Option<usize>,
}

/// How many lines from the top of a source the cover's title may stand on.
const COVER_LINES: usize = 12;
/// The longest line read as a title or a heading: longer lines are sentences.
const MAX_HEADING_CHARS: usize = 40;
/// The longest cover title, its lines joined.
const MAX_TITLE_CHARS: usize = 60;
/// Sentences (ending in 。) a source needs before its prose counts as a 情况说明.
const MIN_SENTENCES: usize = 3;
/// Words of the headings that open the 情况说明.
const EXPLANATION_HEADINGS: [&str; 5] = ["情况说明", "概况", "职能", "职责", "机构设置"];
/// How many lines after a heading its running text may start.
const HEADING_REACH: usize = 3;
/// The fewest characters of a line of running text.
const MIN_PROSE_CHARS: usize = 12;
/// Headings of the part after the 情况说明.
const OTHER_HEADINGS: [&str; 4] = ["其他说明", "名词解释", "其他重要事项", "其他需要说明"];

impl Outline {
    pub fn is_empty(&self) -> bool {
        *self == Outline::default()
    }

    /// Adds what `text` shows of the parts not found in an earlier source.
    pub fn read(&mut self, source: &str, text: &str) {
        let complete = [&self.cover, &self.contents, &self.explanation, &self.other].iter().all(|m| m.is_some());
        if complete {
            return;
        }
        let lines: Vec<Line> = text.lines().enumerate().filter_map(|(k, raw)| Line::of(k + 1, raw)).collect();
        let mark = |line: &Line| Mark { source: source.to_string(), line: line.number, text: line.text.clone() };
        if self.cover.is_none() {
            self.cover = cover(&lines).map(|(first, title)| Mark { text: title, ..mark(first) });
        }
        if self.contents.is_none() {
            self.contents = lines.iter().find(|l| l.text == "目录").map(mark);
        }
        if self.explanation.is_none() {
            self.explanation = explanation_start(&lines).map(mark);
        }
        if self.other.is_none() {
            // The 目录 names the part too; the heading itself is the last line naming it.
            let heading = lines.iter().rposition(|l| is_other_heading(&l.text));
            self.other = heading.map(|k| mark(&lines[k]));
            // It ends at the next chapter (Shanghai prints 名词解释 before the 预算编制说明).
            let next_chapter = heading.and_then(|k| lines[k + 1..].iter().find(|l| is_chapter_heading(&l.text)));
            self.other_end = next_chapter.map(|l| l.number);
        }
    }

    /// Whether a place in the prose lies in the 其他说明 part.
    pub fn in_other(&self, source: &str, line: usize) -> bool {
        let before_end = self.other_end.is_none_or(|end| line < end);
        self.other.as_ref().is_some_and(|m| m.source == source && line >= m.line) && before_end
    }
}

/// A line of the input with its white space removed; blank lines are left out.
struct Line {
    number: usize,
    text: String,
    /// Cells apart by tabs or runs of spaces: a table's row, not prose.
    table_row: bool,
}

impl Line {
    fn of(number: usize, raw: &str) -> Option<Line> {
        let text: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let table_row = raw.contains('\t') || raw.trim().contains("   ");
        (!text.is_empty()).then_some(Line { number, text, table_row })
    }

    /// A line ending a sentence, not a table's row nor a note under one (`注：`, `（备注：…）`).
    fn is_sentence(&self) -> bool {
        let note = ["注", "备注", "（注", "(注", "（备注", "(备注", "说明："].iter().any(|p| self.text.starts_with(p));
        self.text.contains('。') && !note && !self.table_row
    }

    /// A line of running text: long enough and punctuated as a clause.
    fn is_prose(&self) -> bool {
        self.text.chars().count() >= MIN_PROSE_CHARS && self.text.contains(['，', '。', '；', '：']) && !self.table_row
    }

    /// A page number printed alone (`1`, `- 2 -`).
    fn is_page_number(&self) -> bool {
        self.text.trim_matches(['-', '—']).chars().all(|c| c.is_ascii_digit())
    }
}

/// Where the 情况说明 starts: its first heading with running text right under it (a 目录's line
/// has more headings under it), else its first sentence; `None` when the text has fewer than a
/// few sentences (notes under tables are no 情况说明).
fn explanation_start(lines: &[Line]) -> Option<&Line> {
    if lines.iter().filter(|l| l.is_sentence()).count() < MIN_SENTENCES {
        return None;
    }
    let opens_text = |k: usize| {
        let next = lines[k + 1..].iter().filter(|l| !l.is_page_number()).take(HEADING_REACH);
        let heading = |l: &&Line| is_enumerated_heading(&l.text) || is_explanation_heading(&l.text);
        next.take_while(|l| !heading(l)).any(Line::is_prose)
    };
    let heading = (0..lines.len()).find(|&k| is_explanation_heading(&lines[k].text) && opens_text(k));
    heading.map(|k| &lines[k]).or_else(|| lines.iter().find(|l| l.is_sentence()))
}

/// A short line starting with an item number (`一、`, `（一）`, `第一部分`, `1.`).
fn is_enumerated_heading(line: &str) -> bool {
    let rest = line.trim_start_matches(['（', '(', '第']);
    let numbered = rest.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit());
    let marked = numbered.len() < rest.len() && numbered.starts_with(['、', '）', ')', '.', '．', '部']);
    marked && line.chars().count() <= MAX_HEADING_CHARS / 2
}

/// A heading opening the 情况说明 (`第一部分 部门概况`, `一、主要职能`), not a 目录 line.
fn is_explanation_heading(line: &str) -> bool {
    let names = EXPLANATION_HEADINGS.iter().any(|h| line.contains(h));
    names && line.chars().count() <= MAX_HEADING_CHARS && !in_contents(line) && !line.contains(['。', '，', '；'])
}

/// A line of the 目录: dot leaders or a page number at its end.
fn in_contents(line: &str) -> bool {
    line.contains('…') || line.contains("..") || line.contains('·') || line.ends_with(|c: char| c.is_ascii_digit())
}

/// The cover's title: the short lines at the top, before the 目录, a heading, a table or the
/// text, together naming a year and a 预算 or 决算 (a PDF's cover wraps the title over several
/// lines). The first of them and the title joined.
fn cover(lines: &[Line]) -> Option<(&Line, String)> {
    let top = lines.iter().filter(|l| !l.text.starts_with('#')).take(COVER_LINES);
    let ends_cover = |l: &&Line| {
        l.text == "目录" || l.text.ends_with('表') || l.table_row || l.is_prose() || is_enumerated_heading(&l.text)
    };
    let mut cover = top.take_while(|l| !ends_cover(l)).filter(|l| l.text.chars().count() <= MAX_HEADING_CHARS);
    let first = cover.next()?;
    let mut title = first.text.clone();
    // Lines are added until the title is whole: a page header repeating it is not added.
    loop {
        let has_year = title.contains("20") && title.contains('年');
        if has_year && (title.contains("预算") || title.contains("决算")) {
            return (title.chars().count() <= MAX_TITLE_CHARS).then_some((first, title));
        }
        title.push_str(&cover.next()?.text);
    }
}

/// A chapter's heading: `第二部分 …`, `四、…`.
fn is_chapter_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('第');
    let numbered = rest.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    let marked = numbered.len() < rest.len() && (numbered.starts_with('、') || numbered.starts_with("部分"));
    marked && line.chars().count() <= MAX_HEADING_CHARS / 2 && !in_contents(line)
}

/// A heading of the 其他说明 part, not its line in the 目录 (dot leaders, a page number).
fn is_other_heading(line: &str) -> bool {
    let names = OTHER_HEADINGS.iter().any(|h| line.contains(h));
    names && line.chars().count() <= MAX_HEADING_CHARS && !in_contents(line) && !line.contains('。')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up disclosure: a title wrapped over two lines, a 目录 whose last line names a part
    /// of the 情况说明, the 名词解释 printed before a later chapter.
    const MADE_UP: &str = "2026年\n示例区水务局部门预算\n\n目 录\n一、主要职能\n二、名词解释\n三、其他相关情况说明\n\
        示例区水务局主要职能\n负责本区水务工作，承担示例职责。\n二、名词解释\n财政拨款收入：指本级财政当年拨付的资金。\n\
        三、预算编制说明\n收入预算100万元，比上年增加10万元。支出预算100万元。\n";

    #[test]
    fn a_whole_disclosure_has_each_part_where_it_is_printed() {
        let mut outline = Outline::default();
        outline.read("a.txt", MADE_UP);
        let line = |m: &Option<Mark>| m.as_ref().map(|m| (m.line, m.text.clone()));
        assert_eq!(line(&outline.cover), Some((1, "2026年示例区水务局部门预算".to_string())));
        assert_eq!(line(&outline.contents), Some((4, "目录".to_string())));
        // Not the 目录's last line: a heading, not text, follows it.
        assert_eq!(line(&outline.explanation), Some((8, "示例区水务局主要职能".to_string())));
        assert_eq!(line(&outline.other), Some((10, "二、名词解释".to_string())));
        assert_eq!(outline.other_end, Some(12));
        assert!(outline.in_other("a.txt", 11) && !outline.in_other("a.txt", 13) && !outline.in_other("b.txt", 11));
    }

    #[test]
    fn pasted_tables_have_no_cover_contents_or_explanation() {
        let mut outline = Outline::default();
        outline.read("paste", "示例局2026年部门收支总表\n单位：万元\n项目\t金额\n合计\t1.00\n");
        assert!(outline.is_empty());
    }
}
