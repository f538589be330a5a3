//! One cell per line, as a web page's table arrives when copied as plain text: every `<td>` on a
//! line of its own (often with a blank line after each), rows no longer marked.
//!
//! Rows are rebuilt from the header: the header cells before the first data row tell how many
//! cells a row has, and the data cells that follow are cut into rows of that width. A 栏次 row
//! (`栏次 | | 1 | 栏次 | | 2`) fixes the width of a two-sided 收入 | 支出 table, whose top
//! header row (收入, 支出) spans the columns below it.

use super::regrid::Line;
use super::text::{classify, TextLine};
use crate::amount::{read_cell, CellValue};

/// A header or label longer than this is prose, not a cell of a table.
const MAX_HEADER_CHARS: usize = 20;
/// A data label longer than this is prose (a note, an explanation) and ends the table.
const MAX_LABEL_CHARS: usize = 40;
/// More cells than this in a row means the width was misread.
const MAX_WIDTH: usize = 60;

/// One cell as printed on its own line; empty text is an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub line: usize,
    pub text: String,
}

/// Whether plain text looks like a table copied one cell per line: no tabs, and more lines
/// holding a lone amount than lines holding a label followed by amounts.
pub fn looks_one_per_line(text: &str) -> bool {
    if text.contains('\t') {
        return false;
    }
    let (mut lone, mut joined) = (0, 0);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if is_amount(line) {
            lone += 1;
        } else if line.split_whitespace().count() > 1 && line.split_whitespace().last().is_some_and(is_amount) {
            joined += 1;
        }
    }
    lone >= 4 && lone > joined
}

/// The cells of plain text, one per non-blank line. When blank lines separate the cells (as in
/// text copied from a page, where each cell ends in a blank line), each extra blank line in a
/// gap is an empty cell.
pub fn items_from_text(text: &str) -> Vec<Item> {
    let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).collect();
    let filled: Vec<usize> = lines.iter().filter(|(_, l)| !l.is_empty()).map(|(n, _)| *n).collect();
    let gaps: Vec<usize> = filled.windows(2).map(|w| w[1] - w[0] - 1).collect();
    let separated = !gaps.is_empty() && gaps.iter().filter(|&&g| g >= 1).count() * 10 >= gaps.len() * 7;
    let mut items = Vec::new();
    let mut blank_run = 0;
    for (line, text) in lines {
        if text.is_empty() {
            blank_run += 1;
            continue;
        }
        if separated && !items.is_empty() {
            for _ in 1..blank_run {
                items.push(Item { line: line - 1, text: String::new() });
            }
        }
        blank_run = 0;
        items.push(Item { line, text: text.to_string() });
    }
    items
}

/// Rebuilds rows from a run of cells, as tab-separated lines; cells outside tables (titles,
/// captions, prose) stay lines of their own.
pub fn regroup(items: &[Item]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut next = 0;
    while next < items.len() {
        let Some(anchor) = (next..items.len()).find(|&i| is_data_start(items, i)) else {
            pass_through(&items[next..], &mut out);
            break;
        };
        let header_start = header_start(items, next, anchor);
        pass_through(&items[next..header_start], &mut out);
        let header = &items[header_start..anchor];
        let width = row_width(header, items, anchor);
        header_rows(header, width, &mut out);
        next = data_rows(items, anchor, width, &mut out);
    }
    out
}

fn pass_through(items: &[Item], out: &mut Vec<Line>) {
    out.extend(items.iter().filter(|i| !i.text.is_empty()).map(|i| Line { line: i.line, text: i.text.clone() }));
}

fn is_amount(text: &str) -> bool {
    matches!(read_cell(text).value, CellValue::Number(_))
}

/// A line that cannot be a cell of a table: a title, table number, unit caption, note or prose.
fn ends_table(text: &str, max_chars: usize) -> bool {
    let note = ["注", "备注", "说明", "（注", "(注"].iter().any(|p| text.starts_with(p));
    note || text.chars().count() > max_chars || !matches!(classify(text), TextLine::Other(_))
}

/// A data row starts with a label followed by an amount (`合计` `4432`).
fn is_data_start(items: &[Item], i: usize) -> bool {
    let (Some(label), Some(value)) = (items.get(i), items.get(i + 1)) else {
        return false;
    };
    let text = label.text.as_str();
    !text.is_empty()
        && !is_amount(text)
        && !is_column_number_label(text)
        && !ends_table(text, MAX_LABEL_CHARS)
        && is_amount(&value.text)
}

/// 栏次 (or 行次 in a row of column numbers) labels the row that numbers the columns.
fn is_column_number_label(text: &str) -> bool {
    matches!(text, "栏次" | "栏 次")
}

/// Where the header above the first data row begins: after the last title, caption or prose
/// line, and after any amount unless the header has a 栏次 row (whose column numbers look like
/// amounts). Leading empty cells are not part of it.
fn header_start(items: &[Item], from: usize, anchor: usize) -> usize {
    let mut start = anchor;
    while start > from && !ends_table(&items[start - 1].text, MAX_HEADER_CHARS) {
        start -= 1;
    }
    let header = &items[start..anchor];
    if !header.iter().any(|i| is_column_number_label(&i.text)) {
        if let Some(last_amount) = header.iter().rposition(|i| is_amount(&i.text)) {
            start += last_amount + 1;
        }
    }
    while start < anchor && items[start].text.is_empty() {
        start += 1;
    }
    start
}

/// Cells per row: from the 栏次 row to the data when there is one; else the header without a
/// leading 收入/支出 pair; else, with no header, the label and the amounts after it.
fn row_width(header: &[Item], items: &[Item], anchor: usize) -> usize {
    let width = if let Some(first) = header.iter().position(|i| is_column_number_label(&i.text)) {
        header.len() - first
    } else if header.len() > 2 && header[0].text.starts_with("收入") && header[1].text.starts_with("支出") {
        header.len() - 2
    } else if !header.is_empty() {
        header.len()
    } else {
        1 + items[anchor + 1..].iter().take_while(|i| i.text.is_empty() || is_amount(&i.text)).count()
    };
    width.clamp(1, MAX_WIDTH)
}

/// Header rows cut from the bottom up; a shorter top row whose cells divide the width evenly
/// spans the columns below it (收入 over three columns, 支出 over three), so each of its cells
/// is placed at the start of its span and the rest left empty for merged-header filling.
fn header_rows(header: &[Item], width: usize, out: &mut Vec<Line>) {
    let mut rows: Vec<&[Item]> = header.rchunks(width).collect();
    rows.reverse();
    for row in rows {
        let Some(first) = row.first() else { continue };
        let span = if row.len() < width && width.is_multiple_of(row.len()) { width / row.len() } else { 1 };
        let mut cells = vec![String::new(); row.len() * span];
        for (k, item) in row.iter().enumerate() {
            cells[k * span] = item.text.clone();
        }
        out.push(Line { line: first.line, text: cells.join("\t") });
    }
}

/// Cuts the data cells into rows of `width` until a line that ends the table; a table cut off
/// by the end of the text keeps its last, partial row. Returns where reading goes on.
fn data_rows(items: &[Item], anchor: usize, width: usize, out: &mut Vec<Line>) -> usize {
    let end = (anchor..items.len()).find(|&i| ends_table(&items[i].text, MAX_LABEL_CHARS)).unwrap_or(items.len());
    for row in items[anchor..end].chunks(width) {
        if let Some(first) = row.first() {
            let cells: Vec<&str> = row.iter().map(|i| i.text.as_str()).collect();
            out.push(Line { line: first.line, text: cells.join("\t") });
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(cells: &[&str]) -> Vec<Item> {
        cells.iter().enumerate().map(|(i, t)| Item { line: i + 1, text: t.to_string() }).collect()
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn header_width_cuts_the_data_into_rows() {
        let out = regroup(&items(&["三公经费预算表", "单位：万元", "项目", "预算数", "合计", "4432", "接待费", "323"]));
        assert_eq!(texts(&out), vec!["三公经费预算表", "单位：万元", "项目\t预算数", "合计\t4432", "接待费\t323"]);
        assert_eq!(out[3].line, 5);
    }

    #[test]
    fn a_column_number_row_fixes_the_width_and_the_sides_span_it() {
        let cells = [
            "收入",
            "支出",
            "项目",
            "行次",
            "金额",
            "项目",
            "行次",
            "金额",
            "栏次",
            "",
            "1",
            "栏次",
            "",
            "2",
            "一、收入",
            "1",
            "5.00",
            "一、支出",
            "29",
            "5.00",
            "二、",
        ];
        let out = regroup(&items(&cells));
        assert_eq!(
            texts(&out),
            vec![
                "收入\t\t\t支出\t\t",
                "项目\t行次\t金额\t项目\t行次\t金额",
                "栏次\t\t1\t栏次\t\t2",
                "一、收入\t1\t5.00\t一、支出\t29\t5.00",
                "二、",
            ]
        );
    }

    #[test]
    fn a_note_ends_the_table() {
        let out = regroup(&items(&["项目", "预算数", "合计", "1", "注：本表无数据", "标题"]));
        assert_eq!(texts(&out), vec!["项目\t预算数", "合计\t1", "注：本表无数据", "标题"]);
    }

    #[test]
    fn blank_lines_between_cells_separate_them_and_extra_ones_are_empty_cells() {
        let got = items_from_text("栏次\n\n\n1\n\n栏次\n");
        let cells: Vec<&str> = got.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(cells, vec!["栏次", "", "1", "栏次"]);
        let plain = items_from_text("a\nb\n\nc\n");
        assert_eq!(plain.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), vec!["a", "b", "c"]);
    }

    #[test]
    fn tab_separated_and_aligned_text_is_not_one_cell_per_line() {
        assert!(looks_one_per_line("项目\n金额\n合计\n1\n2\n3\n4\n"));
        assert!(!looks_one_per_line("合计\t1\n2\n3\n4\n5\n"));
        assert!(!looks_one_per_line("合计  1\n支出  2\n收入  3\n其他  4\n5\n"));
    }
}
