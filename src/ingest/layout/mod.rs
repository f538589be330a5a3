//! Whitespace-aligned text, as `pdftotext -layout` and PDF viewers produce it: titles centred on
//! their own line, columns kept apart by runs of spaces, headers wrapped over several lines,
//! figures on the line above their row, page breaks (form feeds) with repeated page headers.
//!
//! Blocks are cut at table titles and 表N markers; each table's lines are then read by
//! [`grid::read_table`]. Prose between tables is left out; a table whose columns cannot be
//! placed with confidence carries a [`Misalignment`](super::Misalignment) rather than guesses.

mod form;
mod furniture;
mod grid;
mod halves;
mod target_form;
mod three;
mod words;

use super::{Block, Misalignment, RawRow, Source};
use crate::unit::Unit;
use grid::{read_table, TableLine};
use words::{is_number, words, Word};

/// Many lines whose words are kept apart by runs of spaces and end in a figure, and no tabs or
/// ` | ` separators (those layouts have their own readers).
pub(crate) fn looks_like_layout(text: &str) -> bool {
    let mut nonblank = 0;
    let mut aligned = 0;
    for line in text.lines() {
        if line.contains('\t') || line.contains(" | ") {
            return false;
        }
        let ws = words(line.trim_start_matches('\u{c}'));
        if ws.is_empty() {
            continue;
        }
        nonblank += 1;
        let spaced = ws.windows(2).any(|p| p[1].start >= p[0].end + 2);
        let figure = |w: &Word| is_number(&w.text) && w.text.contains(['.', ',']);
        if spaced && ws.len() >= 2 && ws.last().is_some_and(figure) {
            aligned += 1;
        }
    }
    aligned >= 5 && aligned * 20 >= nonblank
}

/// Splits whitespace-aligned text into blocks, one per table.
pub(crate) fn split_layout(source: &Source) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<(Block, Vec<TableLine>)> = None;
    let lines: Vec<&str> = source.text.lines().collect();
    let furniture = furniture::furniture_lines(&lines);
    let mut pending_break = false;
    let mut repeating_caption = false;
    let mut continued_next = false;
    let mut seen_words = false;
    for (index, raw) in lines.iter().enumerate() {
        let no = index + 1;
        let line = raw.trim_end_matches('\r');
        let page_break = line.starts_with('\u{c}');
        let ws = words(line.trim_start_matches('\u{c}'));
        let compact: String = ws.iter().map(|w| w.text.as_str()).collect();
        // The first line of a page (or of the text) may stand flush left: nothing below is wider.
        let page_top = page_break || pending_break || !seen_words;
        seen_words |= !ws.is_empty();
        // A table continued on the next page repeats its marker, title and captions: its lines
        // go on in the same block, the page break kept for the reader.
        if continues_table(current.as_ref(), &ws, &compact) {
            pending_break |= page_break;
            repeating_caption = true;
            continued_next = true;
            continue;
        }
        if repeating_caption && caption(&mut Block::new(&source.name, no), &ws) {
            pending_break |= page_break;
            continue;
        }
        repeating_caption = false;
        if is_marker(&compact) {
            finish(&mut blocks, current.take());
            let mut block = Block::new(&source.name, no);
            block.marker = Some(compact);
            current = Some((block, Vec::new()));
            continue;
        }
        // A marker waits for its title, which may be wrapped: its first lines (the unit's name)
        // come before the line ending in 表.
        let marker_waiting = current.as_ref().is_some_and(|(b, region)| {
            b.marker.is_some() && b.title.is_none() && region.iter().all(|l| is_title_part(&l.words))
        });
        let wrapped = if marker_waiting { None } else { wrapped_title(current.as_mut(), &ws, no, page_break) };
        if let Some(title) = wrapped.or_else(|| title_of(&ws, marker_waiting || page_top)) {
            if marker_waiting {
                if let Some((block, region)) = current.as_mut() {
                    let head: String = region.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())).collect();
                    block.title = Some(head + &title);
                    region.clear();
                }
            } else {
                finish(&mut blocks, current.take());
                let mut block = Block::new(&source.name, no);
                block.title = Some(title);
                current = Some((block, Vec::new()));
            }
            continue;
        }
        let Some((block, region)) = current.as_mut() else { continue };
        let in_caption = region.iter().all(|l| l.words.is_empty());
        if in_caption && !ws.is_empty() && caption(block, &ws) {
            continue;
        }
        // Running headers and page numbers: the page break they stood on passes to the next line.
        if furniture.contains(&index) {
            pending_break |= page_break;
            continue;
        }
        let page_break = std::mem::take(&mut pending_break) || page_break;
        let continued = continued_next && !ws.is_empty();
        continued_next &= !continued;
        region.push(TableLine { no, page_break, continued, words: ws });
    }
    finish(&mut blocks, current.take());
    for block in &mut blocks {
        block.placed_by_position = true;
    }
    blocks
}

/// The marker or title of the table being read printed again over its next page. Performance
/// forms are the exception: each project's form repeats the same title.
fn continues_table(current: Option<&(Block, Vec<TableLine>)>, ws: &[Word], compact: &str) -> bool {
    let Some((block, region)) = current else { return false };
    let has_rows = region.iter().any(|l| l.words.iter().any(|w| is_number(&w.text)));
    let performance = block.title.as_deref().is_some_and(|t| t.contains("绩效"));
    let same_marker = block.marker.as_deref() == Some(compact);
    let same_title = block.title.is_some() && title_of(ws, false) == block.title;
    has_rows && !performance && (same_marker || same_title)
}

/// A title wrapped onto the next line of its page (`…（市级补助` / `）项目绩效目标表`,
/// `…项目绩` / `效目标表`): the piece ending in 表 closes the bracket the line above left open, or
/// is too short to name a table itself. The line above is taken back from the block it ended.
fn wrapped_title(
    current: Option<&mut (Block, Vec<TableLine>)>,
    ws: &[Word],
    no: usize,
    page_break: bool,
) -> Option<String> {
    let (_, region) = current?;
    let above = region.last().filter(|l| l.no + 1 == no && !page_break && chunks(&l.words).len() == 1)?;
    let piece: String = ws.iter().map(|w| w.text.as_str()).collect();
    let head: String = above.words.iter().map(|w| w.text.as_str()).collect();
    let open = |t: &str| t.matches(['（', '(']).count() > t.matches(['）', ')']).count();
    let closes = piece.starts_with(['）', ')']) && open(&head);
    let fragment = chunks(ws).len() == 1 && piece.ends_with('表') && (closes || piece.chars().count() <= 4);
    let words_end = head.chars().last().is_some_and(|c| !c.is_ascii() && !"。，：；表".contains(c));
    let joined = head + &piece;
    (fragment && words_end && joined.chars().count() <= 48).then(|| {
        region.pop();
        joined
    })
}

/// A blank line, or one chunk of words without figures or a colon: the first part of a title
/// wrapped over lines.
fn is_title_part(ws: &[Word]) -> bool {
    let text: String = ws.iter().map(|w| w.text.as_str()).collect();
    ws.is_empty()
        || chunks(ws).len() == 1
            && text.chars().count() <= 30
            && !text.contains(['：', ':'])
            && !text.chars().any(|c| c.is_ascii_digit())
}

/// Reads a caption line (unit, organisation) into the block; false when the line is none.
fn caption(block: &mut Block, ws: &[Word]) -> bool {
    let chunks = chunks(ws);
    let unit = chunks.iter().position(|c| Unit::from_caption(c).is_some() && c.chars().count() <= 20);
    let organisation = chunks.first().is_some_and(|c| names_organisation(c));
    if unit.is_none() && !organisation {
        return false;
    }
    for (i, chunk) in chunks.into_iter().enumerate() {
        if Some(i) == unit {
            block.unit_caption = Some(chunk);
        } else {
            block.preamble.push(chunk);
        }
    }
    true
}

/// `单位名称：…`, `编制单位：…`, `部门（单位）：…`, `部门：…`: the organisation a table belongs to.
fn names_organisation(chunk: &str) -> bool {
    let Some((key, _)) = chunk.split_once(['：', ':']) else {
        return ["单位名称", "部门名称", "编制单位", "资金主管部门"].iter().any(|p| chunk.starts_with(p));
    };
    key.chars().count() <= 8 && (key.contains("单位") || key.contains("部门"))
}

/// Words kept apart by two spaces or more are separate chunks.
fn chunks(ws: &[Word]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_end: Option<usize> = None;
    for w in ws {
        match (out.last_mut(), last_end) {
            (Some(c), Some(end)) if w.start <= end + 1 => {
                c.push(' ');
                c.push_str(&w.text);
            }
            _ => out.push(w.text.clone()),
        }
        last_end = Some(w.end);
    }
    out
}

/// `表一`, `表 3`, `附表1`, `公开 01 表` (Jiangsu).
fn is_marker(compact: &str) -> bool {
    if let Some(number) = compact.strip_prefix("公开").and_then(|r| r.strip_suffix('表')) {
        return !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
    }
    matches!(super::text::classify(compact), super::text::TextLine::Marker(_))
}

/// A table title: one chunk ending in 表 (a trailing （功能科目） allowed), indented or set apart
/// (after its marker, first on its page), not an
/// item of a contents list (`一、收入决算表`) nor a part heading (`第二部分 … 决算表`).
fn title_of(ws: &[Word], set_apart: bool) -> Option<String> {
    let first = ws.first()?;
    let chunks = chunks(ws);
    let [title] = chunks.as_slice() else { return None };
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let base = match compact.rfind(['（', '(']) {
        Some(open) if compact.ends_with(['）', ')']) => &compact[..open],
        _ => compact.as_str(),
    };
    let titled = base.ends_with('表')
        && compact.chars().count() <= 40
        && !compact.contains(['：', ':', '。', '，'])
        && !(compact.starts_with('第') && compact.contains("部分"))
        && !grid_enumerated(&compact)
        && (first.start >= 2 || set_apart);
    titled.then(|| title.replace(' ', ""))
}

fn grid_enumerated(text: &str) -> bool {
    let numerals = "一二三四五六七八九十";
    text.chars().take_while(|c| numerals.contains(*c) || c.is_ascii_digit()).count() > 0
        && text.chars().find(|c| !(numerals.contains(*c) || c.is_ascii_digit())).is_some_and(|c| "、.．".contains(c))
}

/// Reads the finished block. A table continued over pages is read as one; when its pages
/// cannot be read together (their columns do not line up), each page is read as its own block.
fn finish(blocks: &mut Vec<Block>, current: Option<(Block, Vec<TableLine>)>) {
    let Some((block, region)) = current else { return };
    let whole = read_block(block.clone(), &region);
    let starts: Vec<usize> = region.iter().enumerate().filter(|(_, l)| l.continued).map(|(i, _)| i).collect();
    if starts.is_empty() || whole.as_ref().is_none_or(|b| b.misaligned.is_none()) {
        blocks.extend(whole);
        return;
    }
    let bounds: Vec<usize> = std::iter::once(0).chain(starts).chain(std::iter::once(region.len())).collect();
    for pair in bounds.windows(2) {
        let part = &region[pair[0]..pair[1]];
        let mut page_block = block.clone();
        if pair[0] > 0 {
            page_block.line = part.first().map_or(block.line, |l| l.no);
        }
        blocks.extend(read_block(page_block, part));
    }
}

/// Reads a block's lines into its rows: a performance form by its own reader, anything else as
/// a grid; None when nothing is left.
fn read_block(mut block: Block, region: &[TableLine]) -> Option<Block> {
    let performance = block.title.as_deref().is_some_and(|t| t.contains("绩效"));
    if let Some(read) = performance.then(|| form::read_form(region)).flatten() {
        match read {
            Ok(rows) => block.rows = rows.into_iter().map(|(line, cells)| RawRow { line, cells }).collect(),
            Err(problem) => block.misaligned = Some(problem),
        }
        return Some(block);
    }
    if let Some(rows) = performance.then(|| target_form::read_target_form(region)).flatten() {
        block.rows = rows.into_iter().map(|(line, cells)| RawRow { line, cells }).collect();
        return Some(block);
    }
    let mut grid = read_table(region);
    // Other performance forms wrap prose cells over many lines and interleave them; read as
    // columns they would be nonsense.
    if performance && (!grid.rows.is_empty() || grid.problem.is_some()) {
        grid.problem = Some(Misalignment {
            line: block.line,
            detail_zh: "绩效目标表的文字单元格跨行折排，无法按列读出".into(),
            detail_en: "a performance form wraps its text cells over several lines and cannot be read column by column"
                .into(),
        });
    }
    // Shanghai's 基本支出 table prints each half's 类 code on a line of its own; read by its rows.
    let basic = block.title.as_deref().is_some_and(|t| t.contains("基本支出"));
    if let (true, Some(_)) = (basic, &grid.problem) {
        if let Ok(rows) = halves::read_coded_halves(region) {
            grid.problem = None;
            grid.header = Vec::new();
            grid.rows = rows;
        }
    }
    block.rows = grid.header.into_iter().chain(grid.rows).map(|(line, cells)| RawRow { line, cells }).collect();
    block.notes = grid.notes;
    block.misaligned = grid.problem;
    (!block.is_blank()).then_some(block)
}

#[cfg(test)]
mod tests;
