//! Tab-separated text as Excel, WPS and PDF→markdown converters produce it: titles on lines of
//! their own, rows with cells separated by tabs, notes after the rows.

use super::markup::strip_inline_markup;
use super::{Block, RawRow, Source};
use crate::unit::Unit;

/// What a line that is not a row says.
#[derive(Debug, PartialEq)]
pub(super) enum TextLine {
    /// `表一`, `表 3`, `附表1`: the number of the next table.
    Marker(String),
    /// A table title: a `#` heading or a line ending in 表.
    Title(String),
    Unit(String),
    Other(String),
}

/// Splits a paste into blocks, one per table.
pub fn split_text(source: &Source) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = Block::new(&source.name, 1);
    for (index, raw_line) in source.text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw_line.trim_end_matches('\r');
        let cells: Vec<String> = line.split('\t').map(clean_cell).collect();
        let mut filled = cells.iter().filter(|c| !c.is_empty());
        let Some(first_filled) = filled.next() else {
            continue;
        };
        // A lone cell may still be a title or caption copied out of a spreadsheet row.
        let lone = cells.len() == 1 || filled.next().is_none();
        let as_text = if lone { Some(classify(first_filled)) } else { None };
        match as_text {
            Some(TextLine::Marker(m)) => {
                // The national 决算 set prints its number under the title (收入支出决算总表 / 公开01表).
                let numbers_title = current.rows.is_empty() && current.title.is_some() && current.marker.is_none();
                if !numbers_title {
                    start_block(&mut blocks, &mut current, &source.name, line_no);
                }
                current.marker = Some(m);
            }
            Some(TextLine::Title(t)) => {
                let continues = current.rows.is_empty() && current.title.is_none();
                if !continues {
                    start_block(&mut blocks, &mut current, &source.name, line_no);
                }
                current.title = Some(t);
            }
            Some(TextLine::Unit(u)) if current.rows.is_empty() => current.unit_caption = Some(u),
            Some(TextLine::Other(t)) | Some(TextLine::Unit(t)) if cells.len() == 1 => {
                if current.rows.is_empty() {
                    current.preamble.push(t);
                } else {
                    current.notes.push(t);
                }
            }
            _ => {
                let cells = trim_trailing_empty(cells);
                current.rows.push(RawRow { line: line_no, cells });
            }
        }
    }
    start_block(&mut blocks, &mut current, &source.name, 0);
    blocks
}

/// A note printed under a table (`注：…`, `（备注：…）`, `说明：…`).
pub fn is_note_text(text: &str) -> bool {
    let text = text.trim_start().trim_start_matches(['（', '(']);
    ["注：", "注:", "备注", "说明："].iter().any(|p| text.starts_with(p))
}

fn start_block(blocks: &mut Vec<Block>, current: &mut Block, source: &str, line: usize) {
    let finished = std::mem::replace(current, Block::new(source, line));
    if !finished.is_blank() {
        blocks.push(finished);
    }
}

fn clean_cell(cell: &str) -> String {
    let stripped = strip_inline_markup(cell);
    let trimmed = stripped.trim();
    if trimmed.len() == stripped.len() {
        stripped
    } else {
        trimmed.to_string()
    }
}

fn trim_trailing_empty(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

pub(super) fn classify(text: &str) -> TextLine {
    let plain = text.trim_start_matches('#').trim();
    let unspaced: String = plain.chars().filter(|c| !c.is_whitespace()).collect();
    if is_marker(&unspaced) {
        return TextLine::Marker(unspaced);
    }
    if Unit::from_caption(&unspaced).is_some() && unspaced.chars().count() <= 20 && !unspaced.starts_with("编制单位")
    {
        return TextLine::Unit(plain.to_string());
    }
    let heading = text.starts_with('#');
    let ends_like_title = ["表", "预算表", "决算表", "情况表"].iter().any(|e| unspaced.ends_with(e));
    if (heading || ends_like_title) && unspaced.chars().count() <= 80 {
        return TextLine::Title(plain.to_string());
    }
    TextLine::Other(plain.to_string())
}

/// `表一`, `表十二`, `表1`, `表 3`, `附表1`, `公开表1`, `表1-2`, and the national 决算 set's `公开01表`.
fn is_marker(unspaced: &str) -> bool {
    let national = unspaced.strip_prefix("公开").and_then(|r| r.strip_suffix('表'));
    if let Some(number) = national {
        return !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
    }
    let rest = unspaced.strip_prefix("附").or_else(|| unspaced.strip_prefix("公开")).unwrap_or(unspaced);
    let Some(number) = rest.strip_prefix('表') else {
        return false;
    };
    !number.is_empty()
        && number.chars().count() <= 5
        && number.chars().all(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        split_text(&Source { name: "paste".into(), text: text.into() })
    }

    #[test]
    fn marker_title_unit_rows_and_note_make_one_block() {
        let b = blocks("表五\n\n## 政府性基金预算支出表\n\n单位：万元\n\n科目编码\t科目名称\n合计\t\t\t\n\n（备注：本单位无政府性基金收支，故此表无数据。）\n");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].marker.as_deref(), Some("表五"));
        assert_eq!(b[0].title.as_deref(), Some("政府性基金预算支出表"));
        assert_eq!(b[0].unit_caption.as_deref(), Some("单位：万元"));
        assert_eq!(b[0].rows.len(), 2);
        assert_eq!(b[0].rows[1].cells, vec!["合计"]);
        assert_eq!(b[0].notes, vec!["（备注：本单位无政府性基金收支，故此表无数据。）"]);
    }

    #[test]
    fn table_numbers_in_their_printed_forms_are_markers() {
        for marker in ["表五", "表 3", "附表1", "公开表2", "表1-2", "公开01表"] {
            assert!(matches!(classify(marker), TextLine::Marker(_)), "{marker}");
        }
        for other in ["公开", "表格", "公开说明表", "表二十一号"] {
            assert!(!matches!(classify(other), TextLine::Marker(_)), "{other}");
        }
    }

    #[test]
    fn a_title_split_over_two_lines_keeps_the_organisation_in_the_preamble() {
        let b = blocks("表四\n\n重庆市某局（汇总）  \n一般公共预算“三公”经费支出表\n\n单位：万元\n\n合计\t因公出国（境）费\n13.00\t\n");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].preamble, vec!["重庆市某局（汇总）"]);
        assert_eq!(b[0].title.as_deref(), Some("一般公共预算“三公”经费支出表"));
    }

    #[test]
    fn headings_after_rows_start_new_blocks() {
        let b = blocks(
            "## 甲表\n1\t2\n### 2025年项目支出绩效目标表\n项目名称\tx\n## 2025年项目支出绩效目标表\n项目名称\ty\n",
        );
        assert_eq!(b.len(), 3);
        assert_eq!(b[2].rows[0].line, 6);
    }

    #[test]
    fn tags_are_stripped_from_cells() {
        let b = blocks("## 表\n<b>一、本年收入</b>\t<b>1,136.88</b>\n");
        assert_eq!(b[0].rows[0].cells, vec!["一、本年收入", "1,136.88"]);
    }
}
