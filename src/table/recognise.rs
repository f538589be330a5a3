//! From a block of rows to a [`Table`]: kind from the title, unit from the caption, header rows
//! and merged header cells, column roles from header words.

use super::{
    bare_label, Cell, Column, ColumnRole, Form, Row, Side, SplitCode, SubjectCode, Table, TableKind, TOTAL_LABELS,
};
use crate::amount::{read_cell, CellValue};
use crate::ingest::{is_note_text, Block, RawRow};
use crate::unit::Unit;
use serde::Serialize;

/// Most header rows a disclosure table prints above its first data row.
const MAX_HEADER_ROWS: usize = 6;

/// First cell of the row that numbers the columns (`栏次 | | 1 | 栏次 | | 2`) in 决算 tables: a
/// header row, but not part of any column's name. Its 行次 column holds line numbers, not amounts.
const COLUMN_NUMBERS: &str = "栏次";

/// A block of the input that was not read as a table, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unrecognised {
    pub source: String,
    pub line: usize,
    /// The printed table number, when one was printed above the block.
    pub number: Option<String>,
    pub title: String,
    pub reason_zh: String,
    pub reason_en: String,
}

pub enum Recognised {
    Table(Box<Table>),
    NotATable(Unrecognised),
}

/// Recognises one block. `unit_above` is the unit of the previous table of the same source,
/// used when a block prints none.
pub fn recognise(block: &Block, index: usize, unit_above: Option<Unit>) -> Recognised {
    recognise_owned(block.clone(), index, unit_above)
}

/// [`recognise`] of a block the caller gives away: its cells become the table's without a copy.
pub fn recognise_owned(mut block: Block, index: usize, unit_above: Option<Unit>) -> Recognised {
    let title = block.title.take().unwrap_or_default();
    let mut kind = TableKind::from_title(&title);
    if kind == TableKind::Unknown {
        kind =
            block.preamble.iter().map(|l| TableKind::from_title(l)).find(|k| *k != TableKind::Unknown).unwrap_or(kind);
    }
    if let Some((shown, reason_zh, reason_en)) = not_read(&block, &title, kind) {
        return Recognised::NotATable(Unrecognised {
            source: block.source,
            line: block.line,
            number: block.marker,
            title: shown,
            reason_zh,
            reason_en,
        });
    }

    if printed_empty(&block) {
        // Text without rows puts its lines under the title, the note among them.
        let notes: Vec<String> = block.preamble.iter().filter(|l| is_note_text(l)).cloned().collect();
        block.notes.extend(notes);
    }
    let printed_unit = block.unit_caption.iter().chain(&block.preamble).find_map(|l| Unit::from_caption(l));
    let mut rows = read_rows(std::mem::take(&mut block.rows));
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);

    let (header_rows, columns, form, split_codes) = if kind.is_performance() {
        let other = Column { path: Vec::new(), role: ColumnRole::Other, side: None };
        (0, vec![other; width], Some(Form::parse(&rows)), Vec::new())
    } else {
        let header_rows = rows.iter().position(is_data_row).unwrap_or(rows.len()).min(MAX_HEADER_ROWS);
        let mut columns = columns(&rows, header_rows, width, kind);
        if gather_codes(&mut rows, header_rows, &columns) {
            columns = self::columns(&rows, header_rows, width, kind);
        }
        let split_codes = split_codes(&rows, header_rows, &mut columns);
        (header_rows, columns, None, split_codes)
    };

    Recognised::Table(Box::new(Table {
        index,
        source: block.source,
        line: block.line,
        number: block.marker.or_else(|| leading_number(&title)),
        title,
        kind,
        unit: printed_unit.or(unit_above).unwrap_or(Unit::Wan),
        unit_printed: printed_unit.is_some(),
        rows,
        header_rows,
        columns,
        notes: block.notes,
        form,
        split_codes,
        placed_by_position: block.placed_by_position,
    }))
}

/// Why a block is not read as a table, if it is not: columns that could not be aligned, a
/// known title without rows, or a title of no known kind. The title to show and the reason in
/// both languages.
fn not_read(block: &Block, title: &str, kind: TableKind) -> Option<(String, String, String)> {
    if let Some(problem) = &block.misaligned {
        return Some((
            title.to_string(),
            format!("未能可靠对齐列（第 {} 行：{}）", problem.line, problem.detail_zh),
            format!("could not align columns (line {}: {})", problem.line, problem.detail_en),
        ));
    }
    if kind != TableKind::Unknown && block.rows.is_empty() && !printed_empty(block) {
        return Some((
            title.to_string(),
            "标题可识别，但其下未能读出表格行（没有带数字或分隔符的行）".to_string(),
            "title recognised, but no table rows could be read under it (no lines with figures or cell separators)"
                .to_string(),
        ));
    }
    if kind != TableKind::Unknown {
        return None;
    }
    let shown = if title.is_empty() { block.preamble.first().cloned().unwrap_or_default() } else { title.to_string() };
    Some(if block.rows.is_empty() {
        (shown, "没有表格行，按说明文字处理".to_string(), "no table rows; treated as prose".to_string())
    } else {
        (
            shown,
            format!("标题未能对应到已知表种（{} 行未检查）", block.rows.len()),
            format!("title does not name a known table kind ({} rows not checked)", block.rows.len()),
        )
    })
}

/// A titled block without rows that still shows a printed table around it (its number on a line
/// of its own, its unit caption or a note below), as an empty table is printed. A title alone is
/// a line of a 目录; figures left in the lines under the title are rows that could not be read,
/// not an empty table.
fn printed_empty(block: &Block) -> bool {
    let figure = |token: &str| token.contains(['.', ',']) && read_cell(token).value.is_number();
    let figures_unread = block.preamble.iter().any(|line| line.split_whitespace().any(figure));
    let printed = block.marker.is_some() || block.unit_caption.is_some() || !block.notes.is_empty();
    block.rows.is_empty() && !figures_unread && printed
}

/// The block's rows with every cell read ([`read_cell`]), keeping its printed text.
fn read_rows(raw: Vec<RawRow>) -> Vec<Row> {
    raw.into_iter()
        .map(|raw| Row {
            line: raw.line,
            cells: raw
                .cells
                .into_iter()
                .map(|text| {
                    let read = read_cell(&text);
                    Cell { text, value: read.value, rewrites: read.rewrites }
                })
                .collect(),
        })
        .collect()
}

/// `表1 部门收支总表` → `表1`.
fn leading_number(title: &str) -> Option<String> {
    let first = title.split_whitespace().next()?;
    let number = first.strip_prefix('表')?;
    let numeric =
        !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    numeric.then(|| first.to_string())
}

/// A data row has an amount, starts with a subject code, or is a 合计 row of amounts only.
fn is_data_row(row: &Row) -> bool {
    if numbers_columns(&row.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>()) {
        return false;
    }
    if row.cells.iter().any(|c| c.value.is_number()) {
        return true;
    }
    let mut filled = row.cells.iter().filter(|c| !c.text.is_empty());
    match filled.next() {
        Some(first) if SubjectCode::parse(&first.text).is_some() => true,
        Some(first) if TOTAL_LABELS.contains(&bare_label(&first.text).as_str()) => {
            filled.all(|c| !matches!(c.value, CellValue::Text))
        }
        _ => false,
    }
}

/// The row that numbers the columns: led by 栏次, or small whole numbers counting up from left to
/// right (`** | ** | 1 | 2 | 3`) with no amount among them. A number glued by the layout onto
/// the header word above it (`一般公共预算2`) still counts in the sequence.
fn numbers_columns(cells: &[&str]) -> bool {
    let mut numbers: Vec<u32> = Vec::new();
    let mut alone = 0;
    for (i, &text) in cells.iter().enumerate() {
        if i == 0 && bare_label(text) == COLUMN_NUMBERS {
            return true;
        }
        if is_column_number(text) {
            numbers.extend(text.trim().parse::<u32>().ok());
            alone += 1;
        } else if text.starts_with(|c: char| c.is_ascii_digit() || c == '-') && text.contains(['.', ',']) {
            // An amount: this row is data.
            return false;
        } else if let Some(glued) = glued_number(text) {
            numbers.push(glued);
        }
    }
    alone >= 2 && numbers.len() >= 3 && numbers.windows(2).all(|p| p[0] < p[1])
}

/// The one or two digits ending a header word (`上年结转9`).
fn glued_number(text: &str) -> Option<u32> {
    let t = text.trim();
    let head = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &t[head.len()..];
    let word = head.chars().last().is_some_and(|c| !c.is_ascii());
    (word && is_column_number(digits)).then(|| digits.parse().ok()).flatten()
}

/// `1` … `99`: a column's number in the row that numbers them.
fn is_column_number(text: &str) -> bool {
    let t = text.trim();
    (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()) && t != "0"
}

/// Builds each column's header path, filling merged cells, and gives it a role.
fn columns(rows: &[Row], header_rows: usize, width: usize, kind: TableKind) -> Vec<Column> {
    let header_text = |r: usize, c: usize| rows[r].cells.get(c).map(|cell| cell.text.as_str()).unwrap_or("");
    let mut grid: Vec<Vec<String>> =
        (0..header_rows).map(|r| (0..width).map(|c| header_text(r, c).to_string()).collect()).collect();
    // A blank header cell with text below it is part of a cell merged from the left, unless the
    // row above separates the two columns (`公务接待费` is not part of `公务用车运行费` beside it)
    // or, below the top row, the column's own name sits higher than its neighbour's sub-headers
    // (`项目支出` centred beside `基本支出` over 小计/人员经费/公用经费 is not under 基本支出), or the
    // neighbour is a vertically merged cell repeated downwards (`总计` beside `基本支出`).
    let first_below =
        |grid: &[Vec<String>], r: usize, c: usize| (r + 1..header_rows).find(|&r2| !grid[r2][c].is_empty());
    for r in 0..header_rows {
        for c in 1..width {
            let below = first_below(&grid, r, c);
            let same_above = r == 0 || grid[r - 1][c] == grid[r - 1][c - 1];
            let not_higher = r == 0 || below >= first_below(&grid, r, c - 1);
            // A neighbour repeated in the row below is merged downwards, not across.
            let spans_down = grid.get(r + 1).is_some_and(|next| next[c - 1] == grid[r][c - 1]);
            if grid[r][c].is_empty() && below.is_some() && same_above && not_higher && !spans_down {
                grid[r][c] = grid[r][c - 1].clone();
            }
        }
    }
    let kinds = data_kinds(rows, header_rows, width);
    let two_sided = kind.is_two_sided()
        || grid.first().is_some_and(|top| top.iter().any(|t| t == "收入") && top.iter().any(|t| t == "支出"));
    let numbering: Vec<bool> =
        grid.iter().map(|row| numbers_columns(&row.iter().map(String::as_str).collect::<Vec<_>>())).collect();
    let paths: Vec<Vec<String>> = (0..width).map(|c| header_path(&grid, &numbering, c)).collect();
    // A named column without 收入 / 支出 over it stands on the side of the column before it
    // (`支出 | 预算数` where 支出 sits over the label only); a column with no name says nothing.
    let mut sides: Vec<Option<Side>> = paths.iter().map(|p| if two_sided { side_of(p) } else { None }).collect();
    for c in 1..sides.len() {
        if !paths[c].is_empty() {
            sides[c] = sides[c].or(sides[c - 1]);
        }
    }
    paths
        .into_iter()
        .zip(sides)
        .enumerate()
        .map(|(c, (path, side))| {
            let role = role_of(path.last().map(String::as_str).unwrap_or(""), side.is_some(), || kinds[c]);
            Column { path, role, side }
        })
        .collect()
}

/// The header words over column `c`, top down; the 栏次 row, and the numbers of a row numbering
/// the columns (`numbering`, one flag per row), left out.
fn header_path(grid: &[Vec<String>], numbering: &[bool], c: usize) -> Vec<String> {
    let mut path: Vec<String> = Vec::new();
    for (row, &numbers) in grid.iter().zip(numbering) {
        if row.first().is_some_and(|c| bare_label(c) == COLUMN_NUMBERS) || (numbers && is_column_number(&row[c])) {
            continue;
        }
        if !row[c].is_empty() && path.last() != Some(&row[c]) {
            path.push(row[c].clone());
        }
    }
    path
}

/// Moves a code printed in the column beside an empty code cell, left of its row's figures, into
/// the code column: a page drifted sideways puts its codes under the 预算单位 column next to 科目编码, and
/// its rows would drop out of the hierarchy of codes. True when a code moved.
fn gather_codes(rows: &mut [Row], header_rows: usize, columns: &[Column]) -> bool {
    // Two code columns are two halves (人员经费 | 公用经费), each with codes of its own.
    let [code_col] =
        columns.iter().enumerate().filter(|(_, c)| c.role == ColumnRole::Code).map(|(i, _)| i).collect::<Vec<_>>()[..]
    else {
        return false;
    };
    let figure = |cell: &Cell| cell.value.is_number() && cell.text.contains(['.', ',']);
    let mut moved = false;
    for row in rows.iter_mut().skip(header_rows) {
        if row.cells.get(code_col).is_none_or(|c| !c.text.trim().is_empty()) {
            continue;
        }
        let labels_end = row.cells.iter().position(figure).unwrap_or(row.cells.len());
        let beside = code_col.checked_sub(1).into_iter().chain([code_col + 1]);
        let astray: Vec<usize> =
            beside.filter(|&c| c < labels_end && bare_code(&row.cells[c].text).is_some()).collect();
        if let [from] = astray.as_slice() {
            row.cells.swap(*from, code_col);
            moved = true;
        }
    }
    moved
}

/// A subject code printed alone in its cell, digits only (`20503`, not `205 03`, not `20503.00`).
fn bare_code(text: &str) -> Option<SubjectCode> {
    text.trim().chars().all(|c| c.is_ascii_digit()).then(|| SubjectCode::parse(text)).flatten()
}

/// Finds codes printed across `类 | 款 | 项` (or `类 | 款`) columns, makes the 类 column the code
/// column and the others plain columns (their `06` is not an amount), and joins each row's code.
fn split_codes(rows: &[Row], header_rows: usize, columns: &mut [Column]) -> Vec<SplitCode> {
    let label = |columns: &[Column], c: usize| columns.get(c).map(|col| bare_label(col.label())).unwrap_or_default();
    let mut splits = Vec::new();
    let mut c = 0;
    while c < columns.len() {
        if label(columns, c) != "类" || label(columns, c + 1) != "款" {
            c += 1;
            continue;
        }
        let parts: Vec<usize> = if label(columns, c + 2) == "项" { vec![c, c + 1, c + 2] } else { vec![c, c + 1] };
        columns[c].role = ColumnRole::Code;
        for &p in &parts[1..] {
            columns[p].role = ColumnRole::Other;
        }
        let codes = join_codes(rows, header_rows, &parts);
        c += parts.len();
        splits.push(SplitCode { columns: parts, codes });
    }
    splits
}

/// Each row's code from its 类/款/项 cells. A cell holds the level's own two digits (three for
/// 类) or the whole code; a row printing only its 款 or 项 continues the 类/款 printed above it.
/// A row whose code cells are blank (合计) or not digits has no code and does not move the carry.
fn join_codes(rows: &[Row], header_rows: usize, parts: &[usize]) -> Vec<Option<SubjectCode>> {
    // The code reached at each level so far: 类 (3 digits), 款 (5), 项 (7).
    let mut carry: Vec<Option<String>> = vec![None; parts.len()];
    let mut codes = vec![None; header_rows.min(rows.len())];
    for row in rows.iter().skip(header_rows) {
        let digits: Vec<String> = parts
            .iter()
            .map(|&c| row.cells.get(c).map(|cell| cell.text.chars().filter(|ch| !ch.is_whitespace()).collect()))
            .map(Option::unwrap_or_default)
            .collect();
        let mut next = carry.clone();
        let mut code = None;
        let mut valid = digits.iter().any(|d| !d.is_empty());
        for (level, d) in digits.iter().enumerate() {
            if d.is_empty() {
                continue;
            }
            let whole = 3 + 2 * level;
            let joined = if !d.chars().all(|ch| ch.is_ascii_digit()) {
                None
            } else if d.len() == whole {
                Some(d.clone())
            } else if level > 0 && d.len() == 2 {
                next.get(level - 1).cloned().flatten().map(|parent| format!("{parent}{d}"))
            } else {
                None
            };
            let Some(joined) = joined.filter(|j| SubjectCode::parse(j).is_some()) else {
                valid = false;
                break;
            };
            for (l, slot) in next.iter_mut().enumerate() {
                *slot = match l.cmp(&level) {
                    std::cmp::Ordering::Less => joined.get(..3 + 2 * l).map(str::to_string),
                    std::cmp::Ordering::Equal => Some(joined.clone()),
                    std::cmp::Ordering::Greater => None,
                };
            }
            code = SubjectCode::parse(&joined);
        }
        if valid {
            carry = next;
            codes.push(code);
        } else {
            codes.push(None);
        }
    }
    codes
}

fn side_of(path: &[String]) -> Option<Side> {
    let top = bare_label(path.first()?);
    if top.starts_with("收入") {
        Some(Side::Income)
    } else if top.starts_with("支出") {
        Some(Side::Expenditure)
    } else {
        None
    }
}

/// What the data cells of a column hold, for columns whose header says nothing.
#[derive(Clone, Copy, PartialEq)]
enum DataKind {
    Amounts,
    Text,
    /// Subject codes (`205`, `20503`, `2050399`) under a header that lost its 科目编码 words.
    Codes,
}

/// What each column holds below the header, by majority of numbers over text: one pass over
/// the cells, not one over the rows per column (a row of 16,384 cells made that rows × 16,384).
fn data_kinds(rows: &[Row], header_rows: usize, width: usize) -> Vec<DataKind> {
    let mut counts = vec![(0usize, 0usize); width];
    let mut codes: Vec<Option<Vec<SubjectCode>>> = vec![Some(Vec::new()); width];
    for row in rows.get(header_rows..).unwrap_or_default() {
        for ((count, column_codes), cell) in counts.iter_mut().zip(codes.iter_mut()).zip(&row.cells) {
            match cell.value {
                CellValue::Number(_) => count.0 += 1,
                CellValue::Text => count.1 += 1,
                _ => continue,
            }
            match (column_codes.as_mut(), bare_code(&cell.text)) {
                (Some(list), Some(code)) => list.push(code),
                _ => *column_codes = None,
            }
        }
    }
    counts
        .into_iter()
        .zip(codes)
        .map(|((numbers, text), codes)| match codes {
            Some(codes) if nest(&codes) => DataKind::Codes,
            _ if text > numbers => DataKind::Text,
            _ => DataKind::Amounts,
        })
        .collect()
}

/// Codes of which some stand below others (`205` over `20503`): a hierarchy, not amounts that
/// happen to have three or five digits.
fn nest(codes: &[SubjectCode]) -> bool {
    let mut parents: Vec<&str> = codes.iter().map(SubjectCode::as_str).collect();
    parents.sort_unstable();
    let nested =
        |c: &&SubjectCode| c.level() > 1 && parents.binary_search(&&c.as_str()[..c.as_str().len() - 2]).is_ok();
    codes.len() >= 2 && codes.iter().any(|c| nested(&c))
}

fn role_of(label: &str, sided: bool, data: impl FnOnce() -> DataKind) -> ColumnRole {
    let l = bare_label(label);
    let has = |w: &str| l.contains(w);
    // 单位编码 numbers the units of a department (`117`, `117001`), not budget subjects.
    if has("行次") || has("栏次") || has("单位编码") || has("单位代码") {
        ColumnRole::Other
    } else if has("编码") || has("代码") {
        ColumnRole::Code
    } else if has("名称") {
        ColumnRole::Name
    } else if matches!(l.as_str(), "项目" | "科目" | "收入" | "支出" | "预算科目") {
        if sided {
            ColumnRole::Label
        } else {
            ColumnRole::Name
        }
    } else if matches!(
        l.as_str(),
        "合计" | "总计" | "本年收入合计" | "本年支出合计" | "收入总计" | "支出总计" | "收入合计" | "支出合计"
    ) || (sided && matches!(l.as_str(), "预算数" | "决算数" | "金额"))
    {
        ColumnRole::Total
    } else if l == "小计" {
        ColumnRole::Subtotal
    } else if has("基本支出") {
        ColumnRole::Basic
    } else if has("项目支出") {
        ColumnRole::Project
    } else if has("人员经费") {
        ColumnRole::Personnel
    } else if has("公用经费") {
        ColumnRole::PublicUse
    } else if has("一般公共预算") {
        ColumnRole::GeneralBudget
    } else if has("政府性基金") {
        ColumnRole::GovFund
    } else if has("国有资本经营") {
        ColumnRole::StateCapital
    } else if has("上年结转") {
        ColumnRole::CarryIn
    } else {
        match data() {
            DataKind::Amounts => ColumnRole::Part,
            // The names of a side's lines, under a heading of their own (支出功能分类科目).
            DataKind::Text if sided => ColumnRole::Label,
            DataKind::Text => ColumnRole::Other,
            DataKind::Codes => ColumnRole::Code,
        }
    }
}
