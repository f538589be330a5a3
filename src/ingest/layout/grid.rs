//! From the lines of one table in `pdftotext -layout` text to header rows and data rows.
//!
//! Rows are anchored on their labels (codes, names); figures go to columns by where their right
//! edge stands, clustered page by page; a figure printed on a line of its own joins the nearest
//! row that has room for it; lines of text alone continue a wrapped name. Whatever cannot be
//! placed without guessing is reported as a [`Misalignment`] instead of being placed anyway.
//!
//! This module reads one table; each step is a submodule: [`lines`] (what a line
//! is), [`join`] (pieces put back together), [`codes`] (codes printed one level per column), [`columns`] (the table's columns), [`pages`] (each
//! page's figures onto them), [`stacks`] (header words over a column), [`header`] (header rows),
//! [`rows`] (data rows).

mod codes;
mod columns;
mod header;
mod join;
mod lines;
mod pages;
mod rows;
mod stacks;

use super::words::{items, Item, Kind, Word};
use crate::ingest::Misalignment;

use columns::{ColumnKind, Layout};
pub(super) use join::join_words;
use join::{join_spaced_terms, join_split_decimals};
use lines::{compact, is_code_level_line, is_data_line, is_note, is_page_junk, is_prose, is_side_line};
use rows::assemble;

/// One line of a table region; `words` is empty for a blank line.
#[derive(Debug, Clone)]
pub(super) struct TableLine {
    pub no: usize,
    /// The line starts a new page (pdftotext prints a form feed).
    pub page_break: bool,
    /// The first line under the table's title printed again on a later page.
    pub continued: bool,
    pub words: Vec<Word>,
}

/// A table read off its lines.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Grid {
    pub header: Vec<(usize, Vec<String>)>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub notes: Vec<String>,
    pub problem: Option<Misalignment>,
    /// Index of the first line after the table (prose, or the end).
    pub consumed: usize,
}

/// What a body line holds, in column terms.
#[derive(Debug, Clone)]
struct BodyLine {
    index: usize,
    no: usize,
    segment: usize,
    items: Vec<Item>,
}

/// Line `i` is the first of the body: a data line, but not a total label alone on its line over
/// more header words (`总计` centred in a header cell several lines high), unless figures stand
/// on a line next to it.
fn starts_body(lines: &[TableLine], i: usize) -> bool {
    let line_items = items(&lines[i].words);
    if !is_data_line(&line_items) {
        return false;
    }
    let lone_label = line_items.iter().all(|item| item.kind == Kind::Text);
    let only_text = |l: &TableLine| items(&l.words).iter().all(|item| item.kind == Kind::Text);
    let near = [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|k| lines.get(k));
    let figures_near = near.into_iter().any(|l| !l.words.is_empty() && !only_text(l));
    let below = lines[i + 1..].iter().find(|l| !l.words.is_empty());
    let header_below = below.is_some_and(|l| l.words.len() >= 2 && !is_note(&l.words) && only_text(l));
    !lone_label || figures_near || !header_below
}

/// Reads the table whose lines are `lines` (everything after its caption).
pub(super) fn read_table(lines: &[TableLine]) -> Grid {
    let mut grid = Grid::default();
    let Some(first_data) = (0..lines.len()).position(|i| starts_body(lines, i)) else {
        // No body: a caption and a header only, or notes.
        grid.consumed = lines.len();
        for l in lines {
            if is_note(&l.words) || (!grid.notes.is_empty() && !l.words.is_empty()) {
                grid.notes.push(join_words(&l.words));
            }
        }
        return grid;
    };
    let first_data = first_data_line(lines, first_data);
    let header_owned = header_lines(&lines[..first_data]);
    let header_lines: Vec<&TableLine> = header_owned.iter().collect();
    let body = body_lines(lines, first_data, &header_lines, &mut grid.notes);
    grid.consumed = body.consumed;
    match read_body(lines, body, header_lines) {
        Ok((header, rows)) => (grid.header, grid.rows) = (header, rows),
        Err(Unplaced { header, problem }) => (grid.header, grid.problem) = (header, Some(problem)),
    }
    grid
}

/// The first data line, or the line above it when that holds the first row's name (`一般公共服务`
/// over `201  318.42`) or its first figure's whole part (`13` over `.85`).
fn first_data_line(lines: &[TableLine], first_data: usize) -> usize {
    let first_items = lines.get(first_data).map(|l| items(&l.words)).unwrap_or_default();
    let above = first_data.checked_sub(1).and_then(|i| lines.get(i));
    let nameless_code =
        first_items.first().is_some_and(|i| i.kind == Kind::Code) && !first_items.iter().any(|i| i.kind == Kind::Text);
    let above_is_name =
        above.is_some_and(|l| !l.words.is_empty() && items(&l.words).iter().all(|i| i.kind == Kind::Text));
    let decimals_first = first_items.iter().any(|i| i.kind == Kind::Decimals);
    let above_is_figure = above.is_some_and(|l| items(&l.words).iter().any(|i| i.kind == Kind::Number));
    if (nameless_code && above_is_name) || (decimals_first && above_is_figure) {
        first_data - 1
    } else {
        first_data
    }
}

/// The header's lines: notes and blanks dropped, spaced terms joined, and `其中：` over the
/// columns it groups left out (it names no column of its own).
fn header_lines(lines: &[TableLine]) -> Vec<TableLine> {
    let grouping = |w: &Word| matches!(w.text.as_str(), "其中：" | "其中:" | "其中");
    lines
        .iter()
        .filter(|l| !l.words.is_empty() && !is_note(&l.words))
        .map(|l| TableLine { words: join_spaced_terms(&l.words), ..l.clone() })
        .map(|l| TableLine { words: l.words.iter().filter(|w| !grouping(w)).cloned().collect(), ..l })
        .filter(|l| !l.words.is_empty())
        .collect()
}

/// The body's lines with their page segments, the header lines printed again on later pages,
/// and where the table ends.
struct Body {
    lines: Vec<BodyLine>,
    repeated_header_at: Vec<(usize, Vec<Word>)>,
    consumed: usize,
}

/// Body lines, page junk and repeated headers dropped, pages counted; notes under the table go
/// to `notes`, and the table ends at prose or after its notes.
fn body_lines(lines: &[TableLine], first_data: usize, header_lines: &[&TableLine], notes: &mut Vec<String>) -> Body {
    let header_texts: Vec<String> =
        header_lines.iter().filter(|l| l.words.len() >= 2).map(|l| compact(&l.words)).collect();
    let header_words: Vec<&str> = header_lines.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())).collect();
    let mut body = Body { lines: Vec::new(), repeated_header_at: Vec::new(), consumed: lines.len() };
    let mut segment = 0;
    let mut in_notes = false;
    let mut page_top: Option<usize> = None;
    for (index, line) in lines.iter().enumerate().skip(first_data) {
        if line.page_break && !body.lines.is_empty() {
            segment += 1;
            page_top = Some(index);
        }
        if line.words.is_empty() {
            in_notes = false;
            continue;
        }
        if is_note(&line.words) {
            notes.push(join_words(&line.words));
            in_notes = true;
            continue;
        }
        if in_notes && continues_note(notes, &line.words) {
            if let Some(last) = notes.last_mut() {
                last.push_str(&join_words(&line.words));
            }
            continue;
        }
        if !notes.is_empty() || is_prose(&line.words) {
            body.consumed = index;
            break;
        }
        let line_items = items(&line.words);
        let no_figures = !line_items.iter().any(|i| matches!(i.kind, Kind::Number | Kind::Code | Kind::Decimals));
        let text = compact(&line.words);
        // A page header repeated: whole header lines, or header words alone near the page top.
        let near_top = page_top.is_some_and(|top| index <= top + 8);
        // A header line may hold a year (`2026 年预算数`): printed again whole, it still repeats.
        let repeats_header = (line.words.len() >= 2 && header_texts.contains(&text))
            || no_figures
                && (line.words.len() >= 2 || (near_top && text.chars().count() >= 3))
                && line.words.iter().all(|w| header_words.contains(&w.text.as_str()));
        if repeats_header {
            if body.lines.last().is_some_and(|b| b.segment == segment) {
                segment += 1;
            }
            body.repeated_header_at.push((segment, join_spaced_terms(&line.words)));
            continue;
        }
        if (is_page_junk(&line.words) && !decimals_below(lines, index)) || is_code_level_line(&line.words) {
            continue;
        }
        body.lines.push(BodyLine { index, no: line.no, segment, items: line_items });
    }
    body
}

/// A line that goes on with the last note: it is not prose, or it ends the note's sentence
/// (`…安排的支` / `出。`).
fn continues_note(notes: &[String], words: &[Word]) -> bool {
    let note_goes_on = notes.last().is_some_and(|n| !n.ends_with('。'));
    let text = compact(words);
    let ends_note = text.ends_with('。') && text.matches('。').count() == 1;
    note_goes_on && (!is_prose(words) || ends_note)
}

/// A lone whole number with decimals under it is a figure, not a page number.
fn decimals_below(lines: &[TableLine], index: usize) -> bool {
    let line = &lines[index];
    lines.get(index + 1).is_some_and(|next| {
        items(&next.words).iter().any(|i| {
            i.kind == Kind::Decimals
                && line.words.iter().any(|w| i.word.start + 2 >= w.end && i.word.start <= w.end + 3)
        })
    })
}

/// Header rows and data rows read from the body lines.
type Read = (Vec<(usize, Vec<String>)>, Vec<(usize, Vec<String>)>);

/// Why the rows could not be placed, with the header rows when they were read: a table without
/// a title keeps them, so it is reported as not read rather than dropped as blank.
struct Unplaced {
    header: Vec<(usize, Vec<String>)>,
    problem: Misalignment,
}

impl From<Misalignment> for Unplaced {
    fn from(problem: Misalignment) -> Unplaced {
        Unplaced { header: Vec::new(), problem }
    }
}

/// The body's rows under their header: a 三公 table by its words, any other by its columns.
fn read_body(lines: &[TableLine], body: Body, header_lines: Vec<&TableLine>) -> Result<Read, Unplaced> {
    let Body { lines: mut body, repeated_header_at, .. } = body;
    join_split_decimals(&mut body)?;
    codes::complete_code_parts(&mut body, &header_lines);
    pages::align_partial_pages(&mut body);
    // A 三公 table: its header words name the figures by what they say, not where they stand.
    let figure_lines: Vec<(usize, &[Item])> = body.iter().map(|b| (b.no, b.items.as_slice())).collect();
    if let Some((header, row)) = super::three::read(&header_lines, &figure_lines) {
        return Ok((header, vec![row]));
    }
    placeable(&body, &header_lines)?;
    let mut layout = Layout::measure(&body, &header_lines, &repeated_header_at)?;
    let side_line = header_lines.iter().any(|l| is_side_line(&l.words));
    // 收入 beside several views of 支出 (by function, by economic class twice): the income and
    // the first view are the 收支总表; the other views repeat its totals.
    let header_kept;
    let mut header_lines = header_lines;
    if let (true, Some(&cut)) = (side_line, layout.zone_starts.get(2)) {
        first_view(&mut body, &layout, cut);
        header_kept = before_column(&header_lines, cut);
        header_lines = header_kept.iter().collect();
        layout = Layout::measure(&body, &header_lines, &repeated_header_at)?;
    }
    halves(&body, &layout, side_line)?;
    let header = layout.header_rows(&header_lines);
    match assemble(&body, &layout, lines) {
        Ok(rows) => Ok((header, rows)),
        Err(problem) => Err(Unplaced { header, problem }),
    }
}

/// Figures that can be placed: no code displaced among them, no code printed in parts on
/// separate lines.
fn placeable(body: &[BodyLine], header_lines: &[&TableLine]) -> Result<(), Misalignment> {
    if let Some(problem) = stray_whole_number(body, header_lines) {
        return Err(problem);
    }
    match body.iter().find_map(|b| b.items.iter().find(|i| i.kind == Kind::CodePart).map(|_| b.no)) {
        Some(line) => Err(Misalignment {
            line,
            detail_zh: "科目编码的款、项与类不在同一行".into(),
            detail_en: "the parts of a subject code are printed on different lines".into(),
        }),
        None => Ok(()),
    }
}

/// At most two label zones, told apart: by a 收入 | 支出 line over them, or by a code column
/// in each (301 … ‖ 302 …).
fn halves(body: &[BodyLine], layout: &Layout, side_line: bool) -> Result<(), Misalignment> {
    let line = body.first().map_or(0, |b| b.no);
    let problem = |zh: &str, en: &str| Err(Misalignment { line, detail_zh: zh.into(), detail_en: en.into() });
    // Codes on both sides name the rows of both halves, as a 收入 | 支出 line would.
    let coded_halves = layout.zone_starts.len() == 2
        && (0..2).all(|z| layout.columns.iter().filter(|c| c.kind == ColumnKind::Code && c.zone == z).count() == 1);
    if layout.columns.iter().filter(|c| c.kind == ColumnKind::Code).count() > 1 && !coded_halves {
        return problem(
            "左右两栏各有科目编码，暂不能按列读出",
            "subject codes in both halves of the page cannot be read column by column yet",
        );
    }
    let figures_between = layout.columns.iter().any(|c| c.kind == ColumnKind::Value && c.zone == 1);
    if layout.zone_starts.len() == 2 && figures_between && !side_line && !coded_halves {
        return problem(
            "两组标签列上方没有“收入 / 支出”，分不清两栏",
            "two label columns without a 收入 / 支出 line over them: the halves cannot be told apart",
        );
    }
    if layout.zone_starts.len() > 2 {
        return problem(
            "表中有三组以上的标签列，无法按“收入｜支出”两栏读出",
            "the table has more than two label columns and cannot be read as income | expenditure",
        );
    }
    Ok(())
}

/// Amounts carry decimals; a bare whole number of three digits or more among them is a code
/// that lost its place (`301   01      302`), and columns read from it would be wrong. One under
/// a header naming labels (`单位代码` over `328002`), left of its line's amounts, labels the row.
fn stray_whole_number(body: &[BodyLine], header_lines: &[&TableLine]) -> Option<Misalignment> {
    let amount = |i: &Item| i.kind == Kind::Number && i.word.text.contains('.');
    let whole =
        |i: &Item| i.kind == Kind::Number && i.word.text.len() >= 3 && i.word.text.chars().all(|c| c.is_ascii_digit());
    if !body.iter().flat_map(|b| &b.items).any(amount) || !body.iter().flat_map(|b| &b.items).any(whole) {
        return None;
    }
    let (stacks, _) = stacks::header_stacks(header_lines);
    let labelled = |w: &Word| stacks.iter().any(|s| s.names_labels() && s.start < w.end && w.start < s.end);
    let (line, text) = body.iter().find_map(|b| {
        let first_amount = b.items.iter().find(|i| amount(i));
        let a_label = |i: &Item| labelled(&i.word) && first_amount.is_none_or(|a| i.word.end <= a.word.start);
        b.items.iter().find(|i| whole(i) && !a_label(i)).map(|i| (b.no, i.word.text.clone()))
    })?;
    Some(Misalignment {
        line,
        detail_zh: format!("金额中间夹着整数“{text}”（科目编码错位？）"),
        detail_en: format!("a whole number “{text}” stands among the amounts (a displaced subject code?)"),
    })
}

/// The header lines with only the words starting left of `cut`.
fn before_column(lines: &[&TableLine], cut: usize) -> Vec<TableLine> {
    lines
        .iter()
        .map(|l| TableLine { words: l.words.iter().filter(|w| w.start < cut).cloned().collect(), ..(*l).clone() })
        .filter(|l| !l.words.is_empty())
        .collect()
}

/// Keeps the words of each body line left of `cut` (the second view of 支出 onwards goes). A
/// figure printed once across every view (当年支出小计 in a merged cell), on a line with nothing
/// else past the first view, is the first view's: it is set under that view's figures.
fn first_view(body: &mut [BodyLine], layout: &Layout, cut: usize) {
    let first_view = layout.zone_starts.get(1).copied().unwrap_or(0);
    let view_right = layout
        .columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Value && c.left >= first_view && c.right < cut)
        .map(|c| c.right)
        .max();
    for b in body {
        let in_view = |i: &Item| i.kind == Kind::Number && (first_view..cut).contains(&i.word.start);
        let spanning = !b.items.iter().any(|i| i.kind == Kind::Text && i.word.start >= cut)
            && !b.items.iter().any(in_view)
            && b.items.iter().filter(|i| i.kind == Kind::Number && i.word.start >= cut).count() == 1;
        if let (true, Some(right)) = (spanning, view_right) {
            for item in b.items.iter_mut().filter(|i| i.kind == Kind::Number && i.word.start >= cut) {
                let width = item.word.end - item.word.start;
                item.word.start = right.saturating_sub(width);
                item.word.end = right;
            }
        }
        b.items.retain(|i| i.word.start < cut);
    }
}
