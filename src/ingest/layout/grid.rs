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
#[expect(clippy::too_many_lines, reason = "TODO(layout): split in the layout rewrite (issue 16)")]
pub(super) fn read_table(lines: &[TableLine]) -> Grid {
    let mut grid = Grid::default();
    let Some(mut first_data) = (0..lines.len()).position(|i| starts_body(lines, i)) else {
        // No body: a caption and a header only, or notes.
        grid.consumed = lines.len();
        for l in lines {
            if is_note(&l.words) || (!grid.notes.is_empty() && !l.words.is_empty()) {
                grid.notes.push(join_words(&l.words));
            }
        }
        return grid;
    };
    // The first row's name printed on the line above its code (`一般公共服务` over `201  318.42`).
    let first_items = lines.get(first_data).map(|l| items(&l.words)).unwrap_or_default();
    let nameless_code =
        first_items.first().is_some_and(|i| i.kind == Kind::Code) && !first_items.iter().any(|i| i.kind == Kind::Text);
    let above_is_name = first_data
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .is_some_and(|l| !l.words.is_empty() && items(&l.words).iter().all(|i| i.kind == Kind::Text));
    // The first figure's whole part printed on the line above its decimals (`13` over `.85`).
    let decimals_first = first_items.iter().any(|i| i.kind == Kind::Decimals);
    let above_is_figure = first_data
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .is_some_and(|l| items(&l.words).iter().any(|i| i.kind == Kind::Number));
    if (nameless_code && above_is_name) || (decimals_first && above_is_figure) {
        first_data -= 1;
    }
    // `其中：` over the columns it groups names no column of its own.
    let grouping = |w: &Word| matches!(w.text.as_str(), "其中：" | "其中:" | "其中");
    let header_owned: Vec<TableLine> = lines[..first_data]
        .iter()
        .filter(|l| !l.words.is_empty() && !is_note(&l.words))
        .map(|l| TableLine { words: join_spaced_terms(&l.words), ..l.clone() })
        .map(|l| TableLine { words: l.words.iter().filter(|w| !grouping(w)).cloned().collect(), ..l })
        .filter(|l| !l.words.is_empty())
        .collect();
    let header_lines: Vec<&TableLine> = header_owned.iter().collect();
    let header_texts: Vec<String> =
        header_lines.iter().filter(|l| l.words.len() >= 2).map(|l| compact(&l.words)).collect();
    let header_words: Vec<&str> = header_lines.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())).collect();

    // Body lines, page junk and repeated headers dropped, pages counted.
    let mut body: Vec<BodyLine> = Vec::new();
    let mut segment = 0;
    let mut repeated_header_at: Vec<(usize, Vec<Word>)> = Vec::new();
    let mut consumed = lines.len();
    let mut in_notes = false;
    let mut page_top: Option<usize> = None;
    for (index, line) in lines.iter().enumerate().skip(first_data) {
        if line.page_break && !body.is_empty() {
            segment += 1;
            page_top = Some(index);
        }
        if line.words.is_empty() {
            if in_notes {
                in_notes = false;
            }
            continue;
        }
        if is_note(&line.words) {
            grid.notes.push(join_words(&line.words));
            in_notes = true;
            continue;
        }
        let note_goes_on = grid.notes.last().is_some_and(|n| !n.ends_with('。'));
        // The rest of a wrapped note may end its sentence (`…安排的支` / `出。`).
        let ends_note = |words: &[Word]| {
            let text = compact(words);
            text.ends_with('。') && text.matches('。').count() == 1
        };
        if in_notes && note_goes_on && (!is_prose(&line.words) || ends_note(&line.words)) {
            if let Some(last) = grid.notes.last_mut() {
                last.push_str(&join_words(&line.words));
            }
            continue;
        }
        if !grid.notes.is_empty() || is_prose(&line.words) {
            consumed = index;
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
            if !body.is_empty() && body.last().is_some_and(|b| b.segment == segment) {
                segment += 1;
            }
            repeated_header_at.push((segment, join_spaced_terms(&line.words)));
            continue;
        }
        // A lone whole number with decimals under it is a figure, not a page number.
        let decimals_below = lines.get(index + 1).is_some_and(|next| {
            items(&next.words).iter().any(|i| {
                i.kind == Kind::Decimals
                    && line.words.iter().any(|w| i.word.start + 2 >= w.end && i.word.start <= w.end + 3)
            })
        });
        if (is_page_junk(&line.words) && !decimals_below) || is_code_level_line(&line.words) {
            continue;
        }
        body.push(BodyLine { index, no: line.no, segment, items: line_items });
    }
    grid.consumed = consumed;

    if let Err(problem) = join_split_decimals(&mut body) {
        grid.problem = Some(problem);
        return grid;
    }
    codes::complete_code_parts(&mut body, &header_lines);
    pages::align_partial_pages(&mut body);
    // A 三公 table: its header words name the figures by what they say, not where they stand.
    let figure_lines: Vec<(usize, &[Item])> = body.iter().map(|b| (b.no, b.items.as_slice())).collect();
    if let Some((header, row)) = super::three::read(&header_lines, &figure_lines) {
        grid.header = header;
        grid.rows = vec![row];
        return grid;
    }
    if let Some(problem) = stray_whole_number(&body, &header_lines) {
        grid.problem = Some(problem);
        return grid;
    }
    if let Some(part) = body.iter().find_map(|b| b.items.iter().find(|i| i.kind == Kind::CodePart).map(|_| b.no)) {
        grid.problem = Some(Misalignment {
            line: part,
            detail_zh: "科目编码的款、项与类不在同一行".into(),
            detail_en: "the parts of a subject code are printed on different lines".into(),
        });
        return grid;
    }

    let mut layout = match Layout::measure(&body, &header_lines, &repeated_header_at) {
        Ok(layout) => layout,
        Err(problem) => {
            grid.problem = Some(problem);
            return grid;
        }
    };
    let side_line = header_lines.iter().any(|l| is_side_line(&l.words));
    // 收入 beside several views of 支出 (by function, by economic class twice): the income and
    // the first view are the 收支总表; the other views repeat its totals.
    let header_kept;
    let mut header_lines = header_lines;
    if let (true, Some(&cut)) = (side_line, layout.zone_starts.get(2)) {
        first_view(&mut body, &layout, cut);
        header_kept = before_column(&header_lines, cut);
        header_lines = header_kept.iter().collect();
        match Layout::measure(&body, &header_lines, &repeated_header_at) {
            Ok(first_two) => layout = first_two,
            Err(problem) => {
                grid.problem = Some(problem);
                return grid;
            }
        }
    }
    // Codes on both sides name the rows of both halves (301 … ‖ 302 …), as a 收入 | 支出 line would.
    let coded_halves = layout.zone_starts.len() == 2
        && (0..2).all(|z| layout.columns.iter().filter(|c| c.kind == ColumnKind::Code && c.zone == z).count() == 1);
    if layout.columns.iter().filter(|c| c.kind == ColumnKind::Code).count() > 1 && !coded_halves {
        grid.problem = Some(Misalignment {
            line: body.first().map_or(0, |b| b.no),
            detail_zh: "左右两栏各有科目编码，暂不能按列读出".into(),
            detail_en: "subject codes in both halves of the page cannot be read column by column yet".into(),
        });
        return grid;
    }
    let figures_between = layout.columns.iter().any(|c| c.kind == ColumnKind::Value && c.zone == 1);
    if layout.zone_starts.len() == 2 && figures_between && !side_line && !coded_halves {
        grid.problem = Some(Misalignment {
            line: body.first().map_or(0, |b| b.no),
            detail_zh: "两组标签列上方没有“收入 / 支出”，分不清两栏".into(),
            detail_en: "two label columns without a 收入 / 支出 line over them: the halves cannot be told apart".into(),
        });
        return grid;
    }
    if layout.zone_starts.len() > 2 {
        grid.problem = Some(Misalignment {
            line: body.first().map_or(0, |b| b.no),
            detail_zh: "表中有三组以上的标签列，无法按“收入｜支出”两栏读出".into(),
            detail_en: "the table has more than two label columns and cannot be read as income | expenditure".into(),
        });
        return grid;
    }
    grid.header = layout.header_rows(&header_lines);
    match assemble(&body, &layout, lines) {
        Ok(rows) => grid.rows = rows,
        Err(problem) => grid.problem = Some(problem),
    }
    grid
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
