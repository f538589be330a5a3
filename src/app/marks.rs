//! Which cells and rows of the rendered tables carry findings, computed once per report.

use crate::report::{Finding, Report, Severity};
use crate::table::CellRef;
use crate::tolerance::Agreement;
use std::collections::HashMap;

/// How loudly a finding is shown: errors loudest, rounding differences softest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    Error,
    Warning,
    Rounding,
    Info,
}

impl Tone {
    pub fn of(f: &Finding) -> Tone {
        match (f.severity, f.agreement) {
            (Severity::Error, _) => Tone::Error,
            (Severity::Warning, Some(Agreement::Rounding)) => Tone::Rounding,
            (Severity::Warning, _) => Tone::Warning,
            (Severity::Info, _) => Tone::Info,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Tone::Error => "tone-error",
            Tone::Warning => "tone-warning",
            Tone::Rounding => "tone-rounding",
            Tone::Info => "tone-info",
        }
    }
}

/// A cell's place: table, row, column.
pub type Key = (usize, usize, usize);

pub fn key(cell: &CellRef) -> Key {
    (cell.table, cell.row, cell.col)
}

/// The DOM id of a rendered cell, so a finding can scroll to it.
pub fn cell_id((table, row, col): Key) -> String {
    format!("cell-{table}-{row}-{col}")
}

pub fn table_id(table: usize) -> String {
    format!("table-{table}")
}

/// The table a finding belongs to: its own, or its cell's.
pub fn table_of(f: &Finding) -> Option<usize> {
    f.table.or(f.cell.as_ref().map(|c| c.table))
}

#[derive(Debug, Default, PartialEq)]
pub struct Marks {
    /// Findings at each cell, loudest first.
    cells: HashMap<Key, Vec<usize>>,
    /// The loudest tone of each row with a marked cell.
    rows: HashMap<(usize, usize), Tone>,
    /// Findings per table.
    per_table: HashMap<usize, usize>,
}

impl Marks {
    pub fn new(report: &Report) -> Marks {
        let mut marks = Marks::default();
        for (i, f) in report.findings.iter().enumerate() {
            if let Some(t) = table_of(f) {
                *marks.per_table.entry(t).or_default() += 1;
            }
            let Some(cell) = &f.cell else { continue };
            marks.cells.entry(key(cell)).or_default().push(i);
            let tone = Tone::of(f);
            let row = marks.rows.entry((cell.table, cell.row)).or_insert(tone);
            *row = (*row).min(tone);
        }
        for list in marks.cells.values_mut() {
            list.sort_by_key(|&i| report.findings.get(i).map(Tone::of));
        }
        marks
    }

    pub fn at(&self, key: Key) -> &[usize] {
        self.cells.get(&key).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn row(&self, table: usize, row: usize) -> Option<Tone> {
        self.rows.get(&(table, row)).copied()
    }

    pub fn count(&self, table: usize) -> usize {
        self.per_table.get(&table).copied().unwrap_or(0)
    }
}
