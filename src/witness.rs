//! The arithmetic as the reader's witness. A table read right keeps most of its relations; one
//! wrong figure breaks the few that pass through its cell. When many relations of a table fail
//! and one or two cells cannot explain them, the columns or rows were misread: the table is reported as
//! not reliably read, with the count, never as a list of errors.

use crate::report::{Finding, Severity};
use crate::table::{CellRef, Table, Unrecognised};
use crate::tolerance::Agreement;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Fewest failing relations that can show a misreading rather than an error of the document.
const MIN_FAILURES: usize = 3;

/// Moves tables the arithmetic shows to be misread out of `tables` into `unrecognised`, with
/// the findings about them; the remaining findings point at the renumbered tables.
pub fn set_aside_misread(tables: &mut Vec<Table>, findings: &mut Vec<Finding>, unrecognised: &mut Vec<Unrecognised>) {
    let misread = misread_tables(tables, findings);
    if misread.is_empty() {
        return;
    }
    findings.retain(|f| !touches(f, &misread));
    let mut renumber = HashMap::new();
    let mut kept = Vec::with_capacity(tables.len());
    for (old, mut table) in std::mem::take(tables).into_iter().enumerate() {
        if let Some(&failed) = misread.get(&old) {
            unrecognised.push(not_reliably_read(&table, failed));
        } else {
            renumber.insert(old, kept.len());
            table.index = kept.len();
            kept.push(table);
        }
    }
    *tables = kept;
    for f in findings.iter_mut() {
        f.table = f.table.and_then(|t| renumber.get(&t).copied());
        for cell in f.cell.iter_mut().chain(f.related.iter_mut()) {
            cell.table = renumber.get(&cell.table).copied().unwrap_or(cell.table);
        }
    }
}

/// A failing relation. Rounding and exact agreements never count; a finding that compares
/// nothing (a figure in a column it cannot stand in) counts like a failed sum.
pub(crate) fn fails(f: &Finding) -> bool {
    f.severity == Severity::Error && !matches!(f.agreement, Some(Agreement::Rounding | Agreement::Exact))
}

/// Tables (by index) with many failing relations that one or two cells cannot explain, and how
/// many. The worst table goes first and its relations with others leave with it, so a table
/// that failed only against a misread one keeps its standing.
fn misread_tables(tables: &[Table], findings: &[Finding]) -> BTreeMap<usize, usize> {
    let mut misread = BTreeMap::new();
    loop {
        let mut failing: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
        let failed = |f: &&Finding| fails(f) && !touches(f, &misread);
        for f in findings.iter().filter(failed) {
            if let Some(cell) = &f.cell {
                failing.entry(cell.table).or_default().push(f);
            }
        }
        let worst = failing
            .into_iter()
            .filter(|(t, fs)| {
                let rows = tables.get(*t).map_or(0, |table| table.rows.len().saturating_sub(table.header_rows));
                fs.len() >= MIN_FAILURES && fs.len() * 4 >= rows && causes(*t, fs) >= MIN_FAILURES
            })
            .max_by_key(|(t, fs)| (fs.len(), std::cmp::Reverse(*t)));
        let Some((table, fs)) = worst else { return misread };
        misread.insert(table, fs.len());
    }
}

/// How many cells it takes to explain every failing relation (each relation passes through
/// one of them), counted greedily: one or two wrong figures of the document, or a misreading.
fn causes(table: usize, failing: &[&Finding]) -> usize {
    let mut left: Vec<HashSet<(usize, usize)>> = failing
        .iter()
        .map(|f| f.cell.iter().chain(&f.related).filter(|c| c.table == table).map(|c| (c.row, c.col)).collect())
        .collect();
    let mut count = 0;
    while !left.is_empty() {
        let mut tally: HashMap<(usize, usize), usize> = HashMap::new();
        for cell in left.iter().flatten() {
            *tally.entry(*cell).or_default() += 1;
        }
        let Some((&best, _)) = tally.iter().max_by_key(|(cell, n)| (**n, std::cmp::Reverse(**cell))) else {
            return count + left.len();
        };
        left.retain(|cells| !cells.contains(&best));
        count += 1;
    }
    count
}

fn touches(f: &Finding, misread: &BTreeMap<usize, usize>) -> bool {
    let cell_in = |c: &CellRef| misread.contains_key(&c.table);
    f.table.is_some_and(|t| misread.contains_key(&t)) || f.cell.iter().chain(&f.related).any(cell_in)
}

fn not_reliably_read(table: &Table, failed: usize) -> Unrecognised {
    Unrecognised {
        source: table.source.clone(),
        line: table.line,
        number: table.number.clone(),
        title: table.title.clone(),
        reason_zh: format!(
            "未能可靠读出：按读出的行列，本表有 {failed} 项勾稽关系不成立，且不能归于一两个单元格——多半是列或行读错了，而不是表中真有这么多错误；请核对原表或上传原始 PDF/Excel"
        ),
        reason_en: format!(
            "not reliably read: as read, {failed} relations of this table fail and one or two cells cannot explain them — most likely its columns or rows were misread, not that the table holds that many errors; check the table by eye or upload the original PDF/Excel"
        ),
    }
}
