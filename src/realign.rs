//! Figures that a positional reading placed one column off, moved where the arithmetic puts
//! them. Aligned text and PDFs give cells by where their text stands, and a figure printed near
//! a column boundary can land in the neighbouring column: the relations through both columns
//! then fail. Moving it into the empty cell beside it, when that makes failing relations hold
//! and breaks none, is the reading the document supports. A wrong figure of the document cannot
//! be explained so: moved, it breaks the relations of the column it lands in.

use crate::amount::CellValue;
use crate::report::{Finding, InputNote, Text};
use crate::rules::{self, Outcome, Rule};
use crate::table::{Cell, Table};
use crate::tolerance::RoundingMode;
use crate::witness::fails;
use crate::Document;

/// Most re-checks spent on one document; each runs every rule over it.
const MAX_TRIALS: usize = 60;
/// Most moves in one table: a table further off is misread, for the witness to set aside.
const MAX_MOVES: usize = 4;
/// Tables with more failing relations through them are misread beyond a figure or a column
/// moved (the witness sets them aside); trying them would only spend the re-checks.
const MAX_FAILING: usize = 16;
/// Documents with more rows are not re-read: each trial re-checks the whole document.
const MAX_ROWS: usize = 5_000;

/// A reading to try: the figures at `cells` (row, column) each moved `step` columns.
struct Move {
    cells: Vec<(usize, usize)>,
    step: isize,
}

/// What identifies a failing relation across re-checks: its rule and cell (table, row, column),
/// or its rule and table when it names no cell.
type Failure = (&'static str, usize, usize, usize);

/// Moves figures of positionally read tables where that makes all their own failing relations
/// hold (those with another table may stay, when that table is the one misread) and breaks
/// none; `outcome` becomes the findings of the moved reading. A table that some moves improve
/// but none make consistent keeps its reading: it is misread in other ways, for the witness to
/// judge. Returns a note per move.
pub fn realign(doc: &mut Document, outcome: &mut Outcome, mode: RoundingMode, rules: &[Rule]) -> Vec<InputNote> {
    let mut notes = Vec::new();
    if doc.tables.iter().map(|t| t.rows.len()).sum::<usize>() > MAX_ROWS {
        return notes;
    }
    let mut trials = MAX_TRIALS;
    for t in 0..doc.tables.len() {
        if !doc.tables[t].placed_by_position {
            continue;
        }
        let mut found: Option<Outcome> = None;
        let mut made = Vec::new();
        for _ in 0..MAX_MOVES {
            let current = found.as_ref().unwrap_or(outcome);
            let Some((step, trial)) = best_move(doc, t, current, mode, rules, &mut trials) else { break };
            let said = note(&doc.tables[t], &step);
            let widths = apply(&mut doc.tables[t], &step);
            made.push((step, widths, said));
            found = Some(trial);
        }
        match found {
            Some(found) if !found.findings.iter().any(|f| fails(f) && within(f, t)) => {
                *outcome = found;
                notes.extend(made.into_iter().map(|(_, _, said)| said));
            }
            _ => {
                for (step, widths, _) in made.iter().rev() {
                    undo(&mut doc.tables[t], step, widths);
                }
            }
        }
    }
    notes
}

/// How many failing relations pass through table `t`.
fn touching(findings: &[Finding], t: usize) -> usize {
    findings.iter().filter(|f| fails(f) && touches(f, t)).count()
}

/// The move in table `t` that leaves the fewest failures through it, if fewer than now and
/// none that was not there before. Each is tried in place and undone.
fn best_move(
    doc: &mut Document,
    t: usize,
    outcome: &Outcome,
    mode: RoundingMode,
    rules: &[Rule],
    trials: &mut usize,
) -> Option<(Move, Outcome)> {
    let before = failures(&outcome.findings);
    let now = touching(&outcome.findings, t);
    if now == 0 || now > MAX_FAILING {
        return None;
    }
    let mut best: Option<(usize, Move, Outcome)> = None;
    for step in candidates(&doc.tables[t], &outcome.findings) {
        if *trials == 0 {
            break;
        }
        *trials -= 1;
        let widths = apply(&mut doc.tables[t], &step);
        let trial = rules::run(doc, mode, rules);
        undo(&mut doc.tables[t], &step, &widths);
        let left = touching(&trial.findings, t);
        let only_fewer = failures(&trial.findings).iter().all(|f| before.contains(f));
        if left < now && only_fewer && best.as_ref().is_none_or(|(b, _, _)| left < *b) {
            best = Some((left, step, trial));
        }
    }
    best.map(|(_, step, trial)| (step, trial))
}

/// Every failing relation of a check.
fn failures(findings: &[Finding]) -> Vec<Failure> {
    findings
        .iter()
        .filter(|f| fails(f))
        .map(|f| match &f.cell {
            Some(c) => (f.rule, c.table, c.row, c.col),
            None => (f.rule, f.table.unwrap_or(usize::MAX), usize::MAX, usize::MAX),
        })
        .collect()
}

fn touches(f: &Finding, t: usize) -> bool {
    f.table == Some(t) || f.cell.iter().chain(&f.related).any(|c| c.table == t)
}

/// A relation between cells of table `t` alone (a finding naming no other cell, such as a line
/// missing from another table, is not one).
fn within(f: &Finding, t: usize) -> bool {
    !f.related.is_empty() && f.cell.iter().chain(&f.related).all(|c| c.table == t)
}

/// Figures of the failing relations in table `t`, each moved one column either way into an
/// empty amount cell of its side; and each such figure's whole column moved, where its
/// neighbour is empty in every row it fills.
fn candidates(table: &Table, findings: &[Finding]) -> Vec<Move> {
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut columns: Vec<usize> = Vec::new();
    let failing = findings.iter().filter(|f| fails(f)).flat_map(|f| f.cell.iter().chain(&f.related));
    for c in failing.filter(|c| c.table == table.index && is_figure(table, c.row, c.col)) {
        if !cells.contains(&(c.row, c.col)) {
            cells.push((c.row, c.col));
        }
        if !columns.contains(&c.col) {
            columns.push(c.col);
        }
    }
    let mut out = Vec::new();
    for step in [-1, 1] {
        for &col in &columns {
            let filled: Vec<(usize, usize)> =
                table.data_rows().filter(|&r| is_figure(table, r, col)).map(|r| (r, col)).collect();
            let step = Move { cells: filled, step };
            if step.cells.len() > 1 && fits(table, &step) {
                out.push(step);
            }
        }
        out.extend(cells.iter().map(|&cell| Move { cells: vec![cell], step }).filter(|m| fits(table, m)));
    }
    out
}

fn is_figure(table: &Table, row: usize, col: usize) -> bool {
    table.cell(row, col).is_some_and(|c| matches!(c.value, CellValue::Number(_)))
}

/// Each figure lands in an empty amount cell on its own side of the table.
fn fits(table: &Table, step: &Move) -> bool {
    step.cells.iter().all(|&(row, col)| {
        let Some(to) = col.checked_add_signed(step.step) else { return false };
        let (Some(from_col), Some(to_col)) = (table.columns.get(col), table.columns.get(to)) else { return false };
        to_col.role.is_amount() && to_col.side == from_col.side && table.text(row, to).is_empty()
    })
}

/// Moves the figures; returns each row's width before, for [`undo`].
fn apply(table: &mut Table, step: &Move) -> Vec<usize> {
    let mut widths = Vec::with_capacity(step.cells.len());
    for &(row, col) in &step.cells {
        let cells = &mut table.rows[row].cells;
        widths.push(cells.len());
        let to = col.saturating_add_signed(step.step);
        if cells.len() <= to {
            cells.resize_with(to + 1, empty);
        }
        cells[to] = std::mem::replace(&mut cells[col], empty());
    }
    widths
}

/// Puts the figures back where [`apply`] took them from.
fn undo(table: &mut Table, step: &Move, widths: &[usize]) {
    for (&(row, col), &width) in step.cells.iter().zip(widths).rev() {
        let cells = &mut table.rows[row].cells;
        let to = col.saturating_add_signed(step.step);
        cells[col] = std::mem::replace(&mut cells[to], empty());
        cells.truncate(width);
    }
}

fn empty() -> Cell {
    Cell { text: String::new(), value: CellValue::Empty, rewrites: Vec::new() }
}

/// What was moved and why, for the report's notes: the figures, from the line of the first.
fn note(table: &Table, step: &Move) -> InputNote {
    let name = table.number.as_ref().unwrap_or(&table.title);
    let (row, col) = step.cells[0];
    // A column without a header name is named by its letter, as the table view shows it.
    let label = |c: usize| match table.columns.get(c).map(|c| c.label()) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => crate::table::column_letters(c),
    };
    let (from, to) = (label(col), label(col.saturating_add_signed(step.step)));
    let figures: Vec<&str> = step.cells.iter().map(|&(r, c)| table.text(r, c)).collect();
    let figures = figures.join("、");
    let line = table.rows[row].line;
    InputNote {
        message: Text::new(
            format!("{name}（第 {line} 行起）的 {figures} 按版面落在“{from}”列，按勾稽关系应属“{to}”列，已按“{to}”列核对"),
            format!("{name} (from line {line}): {figures} stood under “{from}” as laid out; the arithmetic places them under “{to}”, where they were checked"),
        ),
    }
}
