//! Performance-target forms laid out as a project header (项目名称, 主管部门, 项目资金 …) over an
//! indicator block headed 一级指标 | 二级指标 | 三级指标 | 指标值 (and whatever else the province
//! prints), as most cities publish them. Printed from spreadsheet cells, their text cells wrap
//! over several lines and merged cells are centred on the rows they span, so in text a cell's
//! pieces stand above and below its row's line:
//!
//! ```text
//!          成本指               项目支出预算控
//!                   经济成本指标                   ≤100%
//!           标                    制率
//! ```
//!
//! A row is anchored by the line that prints its 指标值; every other piece of text joins the row
//! whose line it wraps around (or, standing between rows, the nearer one), column by column.
//! Level cells a merged cell left empty take the nearest row's text. The rows come out under the
//! header [`crate::table::Form`] reads, so the KPI rules check them.

use super::grid::{join_words, TableLine};
use super::words::{is_number, Word};

/// Rows read, each with the number of its first line.
type Rows = Vec<(usize, Vec<String>)>;

/// Longest header piece wrapped onto a line of its own (`一级指` / `标`, `（90分）`).
const HEADER_PIECE_CHARS: usize = 6;

/// Most lines a header cell wraps onto above or below the header line (`指` / `标` / `性` / `质`).
const HEADER_REACH: usize = 3;

/// Columns of the indicator block: each header's name and the character span it covers.
struct Column {
    name: String,
    start: usize,
    end: usize,
}

/// A run of one column's text over neighbouring lines: one cell, wrapped.
struct Run {
    lines: Vec<usize>,
    text: String,
    /// The row whose line the run wraps around (or prints on).
    anchor: Option<usize>,
}

fn line_text(line: &TableLine) -> String {
    line.words.iter().map(|w| w.text.as_str()).collect()
}

/// Reads a form whose indicator header names 三级指标 and 指标值; None when the lines hold no
/// such header or no indicator under it.
pub(super) fn read_target_form(lines: &[TableLine]) -> Option<Rows> {
    // 三级指标 itself, or the line that prints 一级指标 whole when 三级指标 wraps around it.
    let header = (lines.iter().position(|l| line_text(l).contains("三级指标")))
        .or_else(|| lines.iter().position(|l| line_text(l).contains("一级指标")))?;
    let (first, last) = header_zone(lines, header);
    let columns = header_columns(&lines[first..=last]);
    let value = value_column(&columns)?;
    let level3 = columns.iter().position(|c| c.name.contains("三级指标"))?;
    let end = lines[last + 1..]
        .iter()
        .position(|l| ["备注", "注：", "注:"].iter().any(|p| line_text(l).starts_with(p)))
        .map_or(lines.len(), |i| last + 1 + i);
    let indicators = read_indicators(&lines[last + 1..end], &columns, value, level3);
    if indicators.is_empty() {
        return None;
    }
    let rows_before = field_rows(&lines[..first]);
    let execution_weight = names_execution_weight(&rows_before);
    // A level none of the rows prints stands merged on another page: its header is left out
    // rather than every row reported without it.
    let names = columns.iter().enumerate().map(|(c, column)| {
        let printed = c >= level3 || indicators.iter().any(|(_, cells)| !cells[c].is_empty());
        let weight = column.name.contains("权重") || column.name.contains("分值");
        if printed && !(weight && execution_weight) {
            column.name.clone()
        } else {
            String::new()
        }
    });
    let mut rows = rows_before;
    rows.push((lines[header].no, names.collect()));
    rows.extend(indicators);
    rows.extend(field_rows(&lines[end..(end + 1).min(lines.len())]));
    Some(rows)
}

/// The weights add up with a 预算执行率 weight printed among the header's fields, wrapped in its
/// narrow cell (`预算执` / `行率权` / `重`) beside other fields, which this reader does not take
/// apart: such a form's weights are left unnamed rather than summed short of it.
fn names_execution_weight(rows: &Rows) -> bool {
    let text: String = rows.iter().flat_map(|(_, cells)| cells).map(String::as_str).collect();
    text.match_indices('执').any(|(at, _)| text[at..].chars().take(20).any(|c| c == '率'))
}

/// The header line and the short header pieces wrapped onto the lines right above and below it.
fn header_zone(lines: &[TableLine], header: usize) -> (usize, usize) {
    let piece = |l: &TableLine| {
        !l.words.is_empty()
            && l.words.iter().all(|w| {
                w.text.chars().count() <= HEADER_PIECE_CHARS
                    && !is_number(&w.text)
                    && !w.text.chars().any(|c| "=≥≤<>＝≧≦＞＜".contains(c))
            })
    };
    let mut first = header;
    while first > 0 && header - first < HEADER_REACH && piece(&lines[first - 1]) {
        first -= 1;
    }
    let mut last = header;
    while last + 1 < lines.len() && last - header < HEADER_REACH && piece(&lines[last + 1]) {
        last += 1;
    }
    (first, last)
}

/// Header words that overlap across the zone's lines are one column, named top to bottom.
fn header_columns(zone: &[TableLine]) -> Vec<Column> {
    // Each word with the index of its line in the zone.
    let mut pieces: Vec<(usize, &Word)> =
        zone.iter().enumerate().flat_map(|(i, l)| l.words.iter().map(move |w| (i, w))).collect();
    pieces.sort_by_key(|(i, w)| (w.start, *i));
    let mut groups: Vec<Vec<(usize, &Word)>> = Vec::new();
    let mut group_end = 0;
    for (i, w) in pieces {
        match groups.last_mut() {
            Some(group) if w.start <= group_end => {
                group.push((i, w));
                group_end = group_end.max(w.end);
            }
            _ => {
                groups.push(vec![(i, w)]);
                group_end = w.end;
            }
        }
    }
    groups
        .into_iter()
        .map(|mut members| {
            let start = members.iter().map(|(_, w)| w.start).min().unwrap_or(0);
            let end = members.iter().map(|(_, w)| w.end).max().unwrap_or(0);
            members.sort_by_key(|(i, w)| (*i, w.start));
            let words: Vec<Word> = members.into_iter().map(|(_, w)| w.clone()).collect();
            Column { name: join_words(&words), start, end }
        })
        .collect()
}

/// 指标值 itself where printed, else the first column naming a target value.
fn value_column(columns: &[Column]) -> Option<usize> {
    columns
        .iter()
        .position(|c| c.name == "指标值" || c.name == "目标值")
        .or_else(|| columns.iter().position(|c| c.name.contains("指标值") || c.name.contains("目标值")))
}

/// The column a body word stands in: the one it overlaps most, else the nearest; None for the
/// merged label printed left of the block (绩效指标, 年度绩效指标).
fn column_of(word: &Word, columns: &[Column]) -> Option<usize> {
    let left = columns.first()?.start.saturating_sub(2);
    if word.end <= left {
        return None;
    }
    let distance = |c: &Column| {
        let gap = c.start.saturating_sub(word.end) + word.start.saturating_sub(c.end);
        let overlap = word.end.min(c.end).saturating_sub(word.start.max(c.start));
        (gap, usize::MAX - overlap, (c.start + c.end).abs_diff(word.centre2()))
    };
    (0..columns.len()).min_by_key(|&i| distance(&columns[i]))
}

/// Each line's words by column.
fn place(body: &[TableLine], columns: &[Column]) -> Vec<Vec<Vec<Word>>> {
    body.iter()
        .map(|line| {
            let mut cells = vec![Vec::new(); columns.len()];
            for w in &line.words {
                if let Some(c) = column_of(w, columns) {
                    cells[c].push(w.clone());
                }
            }
            cells
        })
        .collect()
}

/// Lines that anchor a row: they print a 指标值 — unless the value is all they print and the
/// line right above anchors a row too (a value wrapped onto a second line).
fn anchors(placed: &[Vec<Vec<Word>>], value: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (i, cells) in placed.iter().enumerate() {
        if cells[value].is_empty() {
            continue;
        }
        let value_only = cells.iter().enumerate().all(|(c, ws)| c == value || ws.is_empty());
        if value_only && out.last().is_some_and(|&a| a + 1 == i) {
            continue;
        }
        out.push(i);
    }
    out
}

/// One column's runs: text on neighbouring lines, passing over a row's line that prints nothing
/// in the column (the row the run wraps around), never taking two rows' own text.
fn runs(placed: &[Vec<Vec<Word>>], column: usize, rows: &[usize]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut open = false;
    let mut passed: Option<usize> = None;
    for (i, cells) in placed.iter().enumerate() {
        let words = &cells[column];
        let is_row = rows.contains(&i);
        if words.is_empty() {
            if open && is_row && passed.is_none() && out.last().is_some_and(|r| r.anchor.is_none()) {
                passed = Some(i);
            } else {
                open = false;
                passed = None;
            }
            continue;
        }
        let own = is_row.then_some(i);
        // A row's own text never joins a run tied to another row, nor one that passed a row;
        // a piece that wraps around the next row with the line after it starts that row's run.
        let joins = open
            && !wraps_next_row(placed, column, rows, i)
            && out.last().is_some_and(|r| match (own, r.anchor) {
                (None, _) => true,
                (Some(_), None) => passed.is_none(),
                (Some(_), Some(_)) => false,
            });
        if joins {
            let run = out.last_mut().expect("an open run");
            run.text.push_str(&join_words(words));
            run.lines.push(i);
            run.anchor = run.anchor.or(own).or(passed);
        } else {
            out.push(Run { lines: vec![i], text: join_words(words), anchor: own });
        }
        open = true;
        passed = None;
    }
    out
}

/// Line `i` and the line after the next hold pieces of one cell, and the row between them prints
/// nothing in the column: the cell wraps around that row.
fn wraps_next_row(placed: &[Vec<Vec<Word>>], column: usize, rows: &[usize], i: usize) -> bool {
    let piece = |k: usize| !rows.contains(&k) && placed.get(k).is_some_and(|cells| !cells[column].is_empty());
    piece(i) && rows.contains(&(i + 1)) && placed[i + 1][column].is_empty() && piece(i + 2)
}

/// The indicator rows: each anchor line with its columns' runs, level cells filled from the
/// nearest printed text where a merged cell left them empty.
fn read_indicators(body: &[TableLine], columns: &[Column], value: usize, level3: usize) -> Rows {
    let mut placed = place(body, columns);
    let rows = anchors(&placed, value);
    // The block ends two lines after its last row: what follows is prose, not wrapped cells.
    placed.truncate(rows.last().map_or(0, |&r| r + 3));
    let mut cells: Vec<Vec<String>> = vec![vec![String::new(); columns.len()]; rows.len()];
    for column in 0..columns.len() {
        // Where each row's text of this column was printed (the middle of its run).
        let mut printed_at: Vec<Option<usize>> = vec![None; rows.len()];
        for run in runs(&placed, column, &rows) {
            let Some(r) = owner(&run, &rows, &cells, column) else { continue };
            cells[r][column].push_str(&run.text);
            printed_at[r] = Some(run.lines[run.lines.len() / 2]);
        }
        if column < level3 {
            fill_merged(&mut cells, &rows, column, &printed_at);
        }
    }
    rows.iter().zip(cells).map(|(&i, row)| (body[i].no, row)).collect()
}

/// The row a run belongs to: the one it wraps around, else the nearest row with the cell still
/// empty (the one above on a tie), else the nearest.
fn owner(run: &Run, rows: &[usize], cells: &[Vec<String>], column: usize) -> Option<usize> {
    if let Some(anchor) = run.anchor {
        return rows.iter().position(|&r| r == anchor);
    }
    let (first, last) = (*run.lines.first()?, *run.lines.last()?);
    let distance = |r: usize| if r < first { first - r } else { r.saturating_sub(last) };
    let nearest = |empty_only: bool| {
        (0..rows.len())
            .filter(|&k| !empty_only || cells[k][column].is_empty())
            .min_by_key(|&k| (distance(rows[k]), rows[k] > last))
    };
    nearest(true).or_else(|| nearest(false))
}

/// A merged level cell prints once, centred on the rows it spans: the rows left empty take the
/// text printed nearest to their line (the one above on a tie).
fn fill_merged(cells: &mut [Vec<String>], rows: &[usize], column: usize, printed_at: &[Option<usize>]) {
    let printed: Vec<(usize, String)> =
        (0..rows.len()).filter_map(|k| Some((printed_at[k]?, cells[k][column].clone()))).collect();
    for (k, row) in cells.iter_mut().enumerate() {
        if row[column].is_empty() {
            let nearest = printed.iter().min_by_key(|(line, _)| (line.abs_diff(rows[k]), *line > rows[k]));
            if let Some((_, text)) = nearest {
                row[column] = text.clone();
            }
        }
    }
}

/// Lines outside the indicator block, as rows of cells kept apart by runs of spaces.
fn field_rows(lines: &[TableLine]) -> Rows {
    lines
        .iter()
        .filter(|l| !l.words.is_empty())
        .map(|l| {
            let mut cells: Vec<Vec<Word>> = Vec::new();
            for w in &l.words {
                match cells.last_mut() {
                    Some(cell) if cell.last().is_some_and(|p| w.start <= p.end + 1) => cell.push(w.clone()),
                    _ => cells.push(vec![w.clone()]),
                }
            }
            (l.no, cells.iter().map(|c| join_words(c)).collect())
        })
        .collect()
}
