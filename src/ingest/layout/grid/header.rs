//! Header rows as printed: one per header line, each word under the column it stands over,
//! wrapped fragments joined.

use super::columns::{ColumnKind, Layout};
use super::lines::{is_code_level_line, is_code_level_word, is_page_junk, is_side_line, side_of};
use super::TableLine;

impl Layout {
    /// Header rows: one per printed header line, words placed by their centres, wrapped
    /// fragments (`本年收入合` over `计`) joined, and 收入 / 支出 over the first label of each side.
    pub(super) fn header_rows(&self, header_lines: &[&TableLine]) -> Vec<(usize, Vec<String>)> {
        let own_line = self.own_lines(header_lines);
        let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
        for line in header_lines {
            if is_code_level_line(&line.words) || is_page_junk(&line.words) {
                continue;
            }
            let cells =
                if is_side_line(&line.words) { self.side_cells(line) } else { self.word_cells(line, &own_line) };
            rows.push((line.no, cells));
        }
        join_wrapped(&mut rows, self.columns.len());
        fill_down(&mut rows, self.columns.len());
        rows.retain(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
        // A row repeating the one under it adds nothing to any column's name.
        rows.dedup_by(|lower, upper| lower.1 == upper.1);
        rows
    }

    /// The first header line naming each column by its own words: a group name printed lower
    /// than that does not stand over the column.
    fn own_lines(&self, header_lines: &[&TableLine]) -> Vec<Option<usize>> {
        let mut own_line: Vec<Option<usize>> = vec![None; self.columns.len()];
        for line in header_lines {
            for w in &line.words {
                let own = match self.header_cells.iter().find(|(at, _)| *at == (line.no, w.start)) {
                    Some((_, col)) => Some(*col),
                    None if !self.group_words.contains(&(line.no, w.start)) && !is_code_level_word(&line.words, w) => {
                        Some(self.header_column(w))
                    }
                    None => None,
                };
                if let Some(slot) = own.and_then(|col| own_line.get_mut(col)) {
                    slot.get_or_insert(line.no);
                }
            }
        }
        own_line
    }

    /// A 收入 | 支出 line: each side's word over its label column and every column up to the
    /// next side's label.
    fn side_cells(&self, line: &TableLine) -> Vec<String> {
        let width = self.columns.len();
        let mut cells = vec![String::new(); width];
        let firsts: Vec<usize> = line
            .words
            .iter()
            .map(|w| {
                let zone = self.label_zone(w.start);
                self.column_of_kind(zone, ColumnKind::Code)
                    .or_else(|| self.column_of_kind(zone, ColumnKind::Label))
                    .unwrap_or(0)
            })
            .collect();
        for (k, w) in line.words.iter().enumerate() {
            let first = if k == 0 { 0 } else { firsts[k] };
            let end = firsts.get(k + 1).copied().unwrap_or(width);
            for cell in cells.iter_mut().take(end).skip(first) {
                cell.push_str(side_of(&w.text).unwrap_or(&w.text));
            }
        }
        cells
    }

    /// Any other header line: each word in the column it names, a group's name over the columns
    /// it spans that have no own name above it.
    fn word_cells(&self, line: &TableLine, own_line: &[Option<usize>]) -> Vec<String> {
        let mut cells = vec![String::new(); self.columns.len()];
        for w in line.words.iter().filter(|w| !is_code_level_word(&line.words, w)) {
            let col = match self.header_cells.iter().find(|(at, _)| *at == (line.no, w.start)) {
                Some((_, col)) => *col,
                None if !self.group_words.contains(&(line.no, w.start)) => self.header_column(w),
                None => {
                    let under = |c: &usize| own_line[*c].is_none_or(|own| own > line.no);
                    let covered: Vec<usize> = self
                        .group_columns(&line.words, w)
                        .map(|(first, last)| (first..=last).filter(under).collect())
                        .unwrap_or_default();
                    for &c in covered.iter().skip(1) {
                        if let Some(cell) = cells.get_mut(c).filter(|cell| cell.is_empty()) {
                            cell.push_str(&w.text);
                        }
                    }
                    covered.first().copied().unwrap_or_else(|| self.header_column(w))
                }
            };
            if let Some(cell) = cells.get_mut(col) {
                cell.push_str(&w.text);
            }
        }
        cells
    }
}

/// Joins fragments of a wrapped header cell into the lowest line.
fn join_wrapped(rows: &mut [(usize, Vec<String>)], width: usize) {
    for col in 0..width {
        let mut above: Option<usize> = None;
        for r in 0..rows.len() {
            if rows[r].1[col].is_empty() {
                continue;
            }
            if let Some(a) = above {
                if !is_header_term(&rows[a].1[col]) {
                    let upper = std::mem::take(&mut rows[a].1[col]);
                    rows[r].1[col] = upper + &rows[r].1[col];
                }
            }
            above = Some(r);
        }
    }
}

/// Every header cell stands for the whole height of its PDF cell: a blank with a name under it
/// takes that name, so `项目支出` printed beside `基本支出` is not read as part of it.
fn fill_down(rows: &mut [(usize, Vec<String>)], width: usize) {
    for col in 0..width {
        for r in (0..rows.len().saturating_sub(1)).rev() {
            if rows[r].1[col].is_empty() {
                rows[r].1[col] = rows[r + 1].1[col].clone();
            }
        }
    }
}

/// A header cell that is complete in itself, not the first part of a wrapped one.
pub(super) fn is_header_term(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "预算数",
        "决算数",
        "合计",
        "总计",
        "小计",
        "经费",
        "科目",
        "分类",
        "支出",
        "收入",
        "金额",
        "编码",
        "名称",
        "项目",
        "结余",
        "数",
        "费",
        "入",
        "出",
        "计",
        "额",
        "码",
        "称",
    ];
    matches!(text, "收入" | "支出") || ENDINGS.iter().any(|e| text.ends_with(e))
}
