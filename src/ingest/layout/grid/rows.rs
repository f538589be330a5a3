//! Rows assembled from body lines: anchored on their labels, figures placed by column, lone
//! figures joining the nearest row with room, text-only lines continuing a wrapped name.

use super::super::words::Kind;
use super::columns::{ColumnKind, Layout, ZONE_GAP};
use super::lines::{is_total_label, starts_enumerated};
use super::{BodyLine, TableLine};
use crate::ingest::Misalignment;

/// Figures on a line of their own: line index, line number, (column, text).
type ValueLine = (usize, usize, Vec<(usize, String)>);

/// A row being built: its cells by column and the lines it took.
#[derive(Debug, Clone)]
struct Building {
    first: usize,
    last: usize,
    cells: Vec<String>,
    /// Started by a label line without figures (the figures may still come).
    open: bool,
    /// Lines of its name printed above its row line, and below it: a name wrapped around its
    /// row line is centred on it, as many lines below as above.
    above: usize,
    below: usize,
}

/// A line's labels (column, text, whether it starts a row) and figures (column, text).
type Labels = Vec<(usize, String, bool)>;
type Values = Vec<(usize, String)>;

/// The rows of a table from its body lines, each cell in its column.
pub(super) fn assemble(
    body: &[BodyLine],
    layout: &Layout,
    lines: &[TableLine],
) -> Result<Vec<(usize, Vec<String>)>, Misalignment> {
    let mut a = Assembly { width: layout.columns.len(), ..Assembly::default() };
    for (k, b) in body.iter().enumerate() {
        let (labels, values) = line_cells(b, layout)?;
        let has_code = b.items.iter().any(|i| i.kind == Kind::Code);
        if labels.is_empty() {
            a.value_lines.push((b.index, b.no, values));
        } else if !values.is_empty() || has_code {
            a.row_line(b, &labels, &values);
        } else {
            a.label_line(&body[k..], labels, layout, lines);
        }
    }
    let Assembly { mut rows, value_lines, width, .. } = a;
    place_lone_figures(&mut rows, value_lines, width)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let line = lines.get(r.first).map_or(0, |l| l.no);
            let mut cells = r.cells;
            while cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            (line, cells)
        })
        .collect())
}

/// Each item of a line in its column: codes and names in their label zone's columns, figures
/// in their page's column (two figures in one column, or one under none, cannot be placed).
fn line_cells(b: &BodyLine, layout: &Layout) -> Result<(Labels, Values), Misalignment> {
    let mut labels: Labels = Vec::new();
    let mut values: Values = Vec::new();
    for it in &b.items {
        match it.kind {
            Kind::Code => {
                let zone = layout.label_zone(it.word.start + ZONE_GAP);
                let col = layout
                    .column_of_kind(zone, ColumnKind::Code)
                    .or_else(|| layout.column_of_kind(zone, ColumnKind::Label));
                if let Some(col) = col {
                    labels.push((col, it.word.text.clone(), true));
                }
            }
            Kind::Text | Kind::CodePart => {
                let zone = layout.label_zone(it.word.start);
                if let Some(col) = layout.column_of_kind(zone, ColumnKind::Label) {
                    let starter = starts_enumerated(&it.word.text) || is_total_label(&it.word.text);
                    match labels.iter_mut().find(|(c, _, _)| *c == col) {
                        Some(l) => l.1.push_str(&it.word.text),
                        None => labels.push((col, it.word.text.clone(), starter)),
                    }
                }
            }
            Kind::Number | Kind::Decimals => {
                let col = layout.value_column(b.segment, &it.word).ok_or_else(|| Misalignment {
                    line: b.no,
                    detail_zh: format!("“{}”不在任何金额列下", it.word.text),
                    detail_en: format!("“{}” stands under no column of figures", it.word.text),
                })?;
                if values.iter().any(|(c, _)| *c == col) {
                    return Err(Misalignment {
                        line: b.no,
                        detail_zh: format!("同一行的两个数落在同一列（“{}”）", it.word.text),
                        detail_en: format!("two figures of one line fall in one column (“{}”)", it.word.text),
                    });
                }
                values.push((col, it.word.text.clone()));
            }
        }
    }
    Ok((labels, values))
}

/// The rows built so far, with what waits to be placed.
#[derive(Default)]
struct Assembly {
    width: usize,
    rows: Vec<Building>,
    value_lines: Vec<ValueLine>,
    /// Names printed before their row (the row line follows directly), waiting for it.
    waiting: Vec<(usize, String)>,
    /// The line that ends a name wrapped around its figures (see `label_line`).
    name_tail_at: Option<usize>,
}

impl Assembly {
    /// A row line (figures or a code): its own row, unless a label line just above opened it.
    fn row_line(&mut self, b: &BodyLine, labels: &Labels, values: &Values) {
        let adjacent = |r: &Building| r.last + 1 == b.index;
        let joins_open = self
            .rows
            .last()
            .is_some_and(|r| r.open && adjacent(r) && labels.iter().all(|(c, _, _)| r.cells[*c].is_empty()));
        if !joins_open {
            let cells = vec![String::new(); self.width];
            self.rows.push(Building { first: b.index, last: b.index, cells, open: false, above: 0, below: 0 });
        }
        let Some(row) = self.rows.last_mut() else { return };
        if !self.waiting.is_empty() {
            row.above += 1;
        }
        for (col, text) in self.waiting.drain(..) {
            if row.cells[col].is_empty() {
                row.cells[col] = text;
            }
        }
        for (col, text, _) in labels {
            row.cells[*col].push_str(text);
        }
        for (col, text) in values {
            row.cells[*col] = text.clone();
        }
        row.last = b.index;
        // A code alone on its line: its name and figures follow on the next line.
        row.open = values.is_empty() && !b.items.iter().any(|i| i.kind == Kind::Text);
    }

    /// A line of labels alone (`rest` starts with it): each label continues a wrapped name,
    /// waits for the row line under it, or starts a row of its own.
    fn label_line(&mut self, rest: &[BodyLine], labels: Labels, layout: &Layout, lines: &[TableLine]) {
        let b = &rest[0];
        let blank_between = |a: usize, b: usize| {
            lines.get(a.min(b) + 1..a.max(b)).is_some_and(|between| between.iter().any(|l| l.words.is_empty()))
        };
        let next_row_line =
            rest.get(1).filter(|n| n.index == b.index + 1 && n.items.first().is_some_and(|i| i.kind == Kind::Code));
        let several = labels.len() >= 2;
        // Figures alone on the next line and the name's rest on the line after: this name (in the
        // first label zone: a unit's, a category's) wraps around its figures, a row of its own.
        let figures_only = |n: &BodyLine| n.items.iter().all(|i| matches!(i.kind, Kind::Number | Kind::Decimals));
        let text_only = |n: &BodyLine| n.items.iter().all(|i| i.kind == Kind::Text);
        let wraps_figures = matches!(
            (rest.get(1), rest.get(2)),
            (Some(n), Some(m)) if n.index == b.index + 1 && m.index == b.index + 2 && figures_only(n) && text_only(m)
        );
        let width = self.width;
        for (col, text, starter) in labels {
            // Labels on both sides of a 收入 | 支出 line are rows of their own, not wrapped text.
            let starter = starter || several;
            let current = self.rows.last_mut();
            match current {
                _ if wraps_figures && !several && layout.columns[col].zone == 0 => {
                    let mut cells = vec![String::new(); width];
                    cells[col] = text;
                    self.rows.push(Building { first: b.index, last: b.index, cells, open: true, above: 1, below: 0 });
                    self.name_tail_at = Some(b.index + 2);
                }
                Some(r) if self.name_tail_at == Some(b.index) => {
                    r.cells[col].push_str(&text);
                    r.last = b.index;
                    r.below += 1;
                }
                Some(r) if starter && r.open && r.last + 1 >= b.index && r.cells[col].is_empty() => {
                    r.cells[col] = text;
                    r.last = b.index;
                }
                Some(r) if !starter && r.cells[col].is_empty() && b.index <= r.last + 2 => {
                    r.cells[col] = text;
                    r.last = b.index;
                    r.below += 1;
                }
                // The row above still owes lines below for those it had above.
                Some(r) if !starter && r.above > r.below && r.last + 1 == b.index => {
                    r.cells[col].push_str(&text);
                    r.last = b.index;
                    r.below += 1;
                }
                _ if !starter && next_row_line.is_some_and(|n| next_label_empty(n, col, layout)) => {
                    self.waiting.push((col, text));
                }
                // The row above has as many lines below as above: this one starts the next name.
                Some(r) if !starter && r.above > 0 && r.below >= r.above && next_row_line.is_some() => {
                    self.waiting.push((col, text));
                }
                Some(r) if !starter && !blank_between(r.last, b.index) => {
                    r.cells[col].push_str(&text);
                    r.last = b.index;
                    r.below += 1;
                }
                _ => {
                    let mut cells = vec![String::new(); width];
                    cells[col] = text;
                    self.rows.push(Building { first: b.index, last: b.index, cells, open: true, above: 1, below: 0 });
                }
            }
        }
    }
}

/// Figures printed on a line of their own join the nearest row with room for them; far from
/// any row they are a row of their own.
fn place_lone_figures(rows: &mut Vec<Building>, value_lines: Vec<ValueLine>, width: usize) -> Result<(), Misalignment> {
    for (index, no, values) in value_lines {
        let free = |r: &Building| values.iter().all(|(c, _)| r.cells[*c].is_empty());
        let before = rows.iter().rposition(|r| r.first < index);
        let after = rows.iter().position(|r| r.first > index);
        let distance = |i: usize| -> usize {
            let r = &rows[i];
            if r.first > index {
                r.first - index
            } else {
                // A row whose lines reach past the figures (its name wrapped below them) is next to them.
                index.saturating_sub(r.last)
            }
        };
        let candidates: Vec<usize> =
            [after, before].into_iter().flatten().filter(|i| free(&rows[*i]) && distance(*i) <= 3).collect();
        let chosen = candidates.iter().copied().min_by_key(|i| distance(*i));
        match chosen {
            Some(i) => {
                for (col, text) in &values {
                    rows[i].cells[*col] = text.clone();
                }
                // Figures under their row keep the row open for the next line of figures.
                rows[i].last = rows[i].last.max(index);
            }
            None if [after, before].into_iter().flatten().all(|i| distance(i) > 3) => {
                let mut cells = vec![String::new(); width];
                for (col, text) in &values {
                    cells[*col] = text.clone();
                }
                let at = rows.iter().position(|r| r.first > index).unwrap_or(rows.len());
                rows.insert(at, Building { first: index, last: index, cells, open: false, above: 0, below: 0 });
            }
            None => {
                return Err(Misalignment {
                    line: no,
                    detail_zh: "单独一行的数找不到有空位的相邻行".into(),
                    detail_en: "figures on a line of their own fit neither the row above nor the row below".into(),
                })
            }
        }
    }
    Ok(())
}

/// Whether the row line `n` leaves label column `col` empty (its name was printed above it).
fn next_label_empty(n: &BodyLine, col: usize, layout: &Layout) -> bool {
    !n.items.iter().any(|i| {
        i.kind == Kind::Text && layout.column_of_kind(layout.label_zone(i.word.start), ColumnKind::Label) == Some(col)
    })
}
