//! One finding per root cause. One wrong figure breaks every relation that passes through its
//! cell: its row's 合计, its 款's and 类's sums, the same figure in another table. When two or
//! more failing relations pass through one cell and the same change of that cell repairs each
//! of them, that cell is reported once as the likely cause, with the relations under it.

use crate::report::{Finding, Text};
use crate::table::{CellRef, Table};
use crate::tolerance::{Figure, RoundingMode};
use crate::witness::fails;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A cell: its table, row and column.
type CellKey = (usize, usize, usize);

/// A cell and the change of its figure that would repair a relation through it.
type Repair = (CellKey, Decimal);

/// A relation's repair at one of its cells, and how far from it another change may fall and
/// still leave the relation within rounding of its parts.
struct Candidate {
    finding: usize,
    change: Decimal,
    slack: Decimal,
}

/// Replaces each group of failing findings that one cell's change explains by one finding at
/// that cell, holding the group in `explains`. Every other finding stays as it was.
pub fn group(tables: &[Table], findings: &mut Vec<Finding>, mode: RoundingMode) {
    let mut pool: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    let by_cell = candidates(tables, &pool, mode);
    let mut causes = Vec::new();
    while let Some((repair, members)) = best_repair(&by_cell, &pool) {
        let explained: Vec<Finding> = members.iter().filter_map(|&i| pool[i].take()).collect();
        causes.push((members[0], cause(tables, repair, explained)));
    }
    // Each cause stands where the first relation it explains stood.
    let mut at: BTreeMap<usize, Finding> = causes.into_iter().collect();
    for (i, slot) in pool.into_iter().enumerate() {
        findings.extend(at.remove(&i));
        findings.extend(slot);
    }
}

/// Every failing finding's repairs, by cell, worked out once.
fn candidates(tables: &[Table], pool: &[Option<Finding>], mode: RoundingMode) -> BTreeMap<CellKey, Vec<Candidate>> {
    let mut by_cell: BTreeMap<CellKey, Vec<Candidate>> = BTreeMap::new();
    for (i, f) in pool.iter().enumerate() {
        for (cell, change, slack) in f.as_ref().map(|f| repairs(tables, f, mode)).unwrap_or_default() {
            by_cell.entry(cell).or_default().push(Candidate { finding: i, change, slack });
        }
    }
    by_cell
}

/// The repair shared by the most failing findings still in the pool (two at least), and them.
/// A shared repair is one relation's own change that every other member's allows within its
/// rounding slack; ties go to the members closest to it, then to the change of the relation
/// with the least slack (the most exact), then to the earliest.
fn best_repair(by_cell: &BTreeMap<CellKey, Vec<Candidate>>, pool: &[Option<Finding>]) -> Option<(Repair, Vec<usize>)> {
    type Score = (usize, Decimal, Decimal, std::cmp::Reverse<usize>);
    let mut best: Option<(Score, Repair, Vec<usize>)> = None;
    for (cell, candidates) in by_cell {
        let candidates: Vec<&Candidate> = candidates.iter().filter(|c| pool[c.finding].is_some()).collect();
        for anchor in &candidates {
            let fits = |c: &&&Candidate| (c.change - anchor.change).abs() <= c.slack;
            let members: Vec<usize> = candidates.iter().filter(fits).map(|c| c.finding).collect();
            let distance: Decimal = candidates.iter().filter(fits).map(|c| (c.change - anchor.change).abs()).sum();
            let score = (members.len(), -distance, -anchor.slack, std::cmp::Reverse(members[0]));
            if members.len() >= 2 && best.as_ref().is_none_or(|(top, _, _)| score > *top) {
                best = Some((score, (*cell, anchor.change), members));
            }
        }
    }
    best.map(|(_, repair, members)| (repair, members))
}

/// For each cell of a failing relation, the change that would make it hold, with its slack:
/// the checked figure moves against the difference, a part with it. Only cells in a table of
/// the checked figure's unit, so that the change is in the cell's own unit.
fn repairs(tables: &[Table], f: &Finding, mode: RoundingMode) -> Vec<(CellKey, Decimal, Decimal)> {
    let (Some(cell), Some(difference)) = (&f.cell, f.difference) else {
        return Vec::new();
    };
    if !fails(f) || difference.is_zero() {
        return Vec::new();
    }
    let slack = slack(tables, f, mode);
    let unit = |c: &CellRef| tables.get(c.table).map(|t| t.unit);
    let mut out = vec![(key(cell), -difference, slack)];
    for part in f.related.iter().filter(|c| unit(c) == unit(cell)) {
        if !out.iter().any(|(k, _, _)| *k == key(part)) {
            out.push((key(part), difference, slack));
        }
    }
    out
}

/// How far the relation's difference may be from zero and still be rounding: the printed
/// figures' rounding, added up the way [`crate::tolerance::agree`] adds it (a bare `0` exact).
fn slack(tables: &[Table], f: &Finding, mode: RoundingMode) -> Decimal {
    let ulps = f.cell.iter().chain(&f.related).map(|c| Figure::printed_in_own_unit(printed_at(tables, c)).ulp);
    match mode {
        RoundingMode::Nearest => ulps.sum::<Decimal>() / Decimal::TWO,
        RoundingMode::Truncate => ulps.sum(),
        RoundingMode::Strict => Decimal::ZERO,
    }
}

fn key(c: &CellRef) -> CellKey {
    (c.table, c.row, c.col)
}

/// The finding that names the cell as the likely error, with the relations it explains.
fn cause(tables: &[Table], ((table, row, col), change): Repair, explains: Vec<Finding>) -> Finding {
    let cell = explains
        .iter()
        .flat_map(|f| f.cell.iter().chain(&f.related))
        .find(|c| key(c) == (table, row, col))
        .cloned()
        .expect("a repair names a cell of the findings it repairs");
    let printed = printed_at(tables, &cell);
    let should = printed + change;
    let mut related: Vec<CellRef> = Vec::new();
    for c in explains.iter().flat_map(|f| f.cell.iter().chain(&f.related)) {
        if key(c) != key(&cell) && !related.iter().any(|r| key(r) == key(c)) {
            related.push(c.clone());
        }
    }
    let n = explains.len();
    let first = &explains[0];
    Finding {
        rule: first.rule,
        severity: first.severity,
        table: Some(cell.table),
        related,
        printed: Some(printed),
        computed: Some(should),
        difference: Some(-change),
        agreement: first.agreement,
        message: Text::new(
            format!("此格很可能填错：填报 {printed}，若为 {should}，下列 {n} 项勾稽关系都成立"),
            format!(
                "this figure is the likely error: printed {printed}; as {should}, all {n} relations below would hold"
            ),
        ),
        text: None,
        cell: Some(cell),
        explains,
    }
}

/// The figure printed in the cell; an empty cell counts as 0, as the sums count it.
fn printed_at(tables: &[Table], cell: &CellRef) -> Decimal {
    let value = tables.get(cell.table).and_then(|t| t.rows.get(cell.row)).and_then(|r| r.cells.get(cell.col));
    value.and_then(|c| c.value.amount()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::report::{Finding, Severity};
    use crate::{check_text, Report};

    const SEED: &str = include_str!("../tests/fixtures/seed.txt");

    /// The seed with the cells of line `line` (1-based) equal to `from` replaced by `to`.
    fn changed(text: &str, line: usize, from: &str, to: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines[line - 1] =
            lines[line - 1].split('\t').map(|c| if c == from { to } else { c }).collect::<Vec<_>>().join("\t");
        lines.join("\n")
    }

    fn errors(report: &Report) -> Vec<&Finding> {
        report.findings.iter().filter(|f| f.severity == Severity::Error).collect()
    }

    /// (line, column) of a finding's cell and the rules of the relations it explains.
    fn shape(f: &Finding) -> ((usize, usize), Vec<&'static str>) {
        let cell = f.cell.as_ref().map(|c| (c.line, c.col)).unwrap_or_default();
        (cell, f.explains.iter().map(|e| e.rule).collect())
    }

    #[test]
    fn a_wrong_figure_is_one_finding_with_its_relations_under_it() {
        // 表二 2101101 总计 and 基本支出 11.98 → 12.98: its 款, 表八's row and 表六's row.
        let report = check_text(&changed(SEED, 41, "11.98", "12.98"));
        let errors = errors(&report);
        assert_eq!(errors.len(), 2, "{:#?}", report.findings);
        for f in &errors {
            assert_eq!(f.printed.map(|p| p.to_string()).as_deref(), Some("12.98"));
            assert_eq!(f.computed.map(|p| p.to_string()).as_deref(), Some("11.98"));
            assert!(f.explains.len() >= 2, "{f:#?}");
            assert!(f.message.zh.contains(&format!("下列 {} 项", f.explains.len())));
        }
    }

    #[test]
    fn two_wrong_figures_are_two_causes() {
        let once = changed(SEED, 41, "11.98", "12.98");
        let report = check_text(&changed(&once, 37, "27.74", "28.74"));
        let mut lines: Vec<usize> = errors(&report).iter().filter_map(|f| f.cell.as_ref()).map(|c| c.line).collect();
        lines.sort();
        lines.dedup();
        assert_eq!(lines, [37, 41], "{:#?}", errors(&report).iter().map(|f| shape(f)).collect::<Vec<_>>());
    }

    #[test]
    fn a_lone_failing_relation_stays_as_it_was() {
        // 表四's 三公 total alone: nothing else passes through it.
        let seed = check_text(SEED);
        assert!(seed.findings.iter().all(|f| f.explains.is_empty()));
    }
}
