//! Issue 8, point 7: a single figure changed in the body of a real table is flagged at the
//! changed cell. For each dev layout text (`pdf-dev/*.layout.txt`), an even sample of the amounts
//! of its standard tables (not codes, labels or performance forms) is changed one at a time — the
//! first significant digit raised by one, so the text keeps its width and alignment — and the
//! document checked again. Each change is flagged at its cell (a finding through that cell),
//! elsewhere (another new finding, or a table no longer read), or not at all.
//!
//! The counts per document are pinned: reading better must move changes from "elsewhere" and
//! "silent" to "at the cell", and a change that loses any shows here.

mod common;

use budget_check::amount::CellValue;
use budget_check::ingest::Source;
use budget_check::report::Severity;
use budget_check::table::Table;
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};

/// Changes tried per document, spread evenly over its amounts.
const SAMPLE: usize = 12;

/// One amount to change: the table (by its first line), the row's line, the column, the figure
/// as printed and how many cells left of it in the row print the same.
struct Target {
    table_line: usize,
    line: usize,
    col: usize,
    figure: String,
    same_before: usize,
}

fn check(text: &str) -> Report {
    check_sources(&[Source { name: "dev.txt".into(), text: text.into() }], RoundingMode::default())
}

/// Every amount in the body of the document's standard tables.
fn targets(report: &Report) -> Vec<Target> {
    let mut out = Vec::new();
    for table in report.tables.iter().filter(|t| t.form.is_none()) {
        for r in table.data_rows() {
            let cells = &table.rows[r].cells;
            for (col, cell) in cells.iter().enumerate() {
                let amount = matches!(cell.value, CellValue::Number(_))
                    && cell.text.contains(['.', ','])
                    && cell.text.chars().any(|c| matches!(c, '1'..='9'))
                    && table.columns.get(col).is_some_and(|c| c.role.is_amount());
                if amount {
                    let same_before = cells[..col].iter().filter(|c| c.text == cell.text).count();
                    out.push(Target {
                        table_line: table.line,
                        line: table.rows[r].line,
                        col,
                        figure: cell.text.clone(),
                        same_before,
                    });
                }
            }
        }
    }
    out
}

/// The figure with its first significant digit raised by one (9 lowered to 8).
fn changed(figure: &str) -> String {
    let (at, digit) = figure.char_indices().find(|(_, c)| matches!(c, '1'..='9')).expect("a significant digit");
    let new = if digit == '9' { '8' } else { char::from(digit as u8 + 1) };
    let mut out = figure.to_string();
    out.replace_range(at..at + 1, &new.to_string());
    out
}

/// The text with the target's figure changed where it is printed, if it can be found there.
fn mutate(text: &str, target: &Target) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let line = lines.get_mut(target.line - 1)?;
    let (at, _) = line.match_indices(target.figure.as_str()).nth(target.same_before)?;
    line.replace_range(at..at + target.figure.len(), &changed(&target.figure));
    Some(lines.join("\n"))
}

fn flagged_at(report: &Report, target: &Target) -> bool {
    let Some(t) = report.tables.iter().position(|t| t.line == target.table_line) else {
        return false;
    };
    let table: &Table = &report.tables[t];
    report.findings.iter().filter(|f| f.severity != Severity::Info).any(|f| {
        f.cell.iter().chain(&f.related).any(|c| {
            c.table == t && c.col == target.col && table.rows.get(c.row).is_some_and(|r| r.line == target.line)
        })
    })
}

/// (changes tried, flagged at the cell, flagged elsewhere, not flagged) for one document.
fn outcomes(text: &str) -> [usize; 4] {
    let base = check(text);
    let all = targets(&base);
    let step = (all.len() / SAMPLE).max(1);
    let noticed = |r: &Report| r.counts.errors + r.counts.warnings;
    let mut counts = [0; 4];
    for target in all.iter().step_by(step).take(SAMPLE) {
        let Some(text) = mutate(text, target) else { continue };
        let report = check(&text);
        counts[0] += 1;
        if flagged_at(&report, target) {
            counts[1] += 1;
        } else if noticed(&report) > noticed(&base) || report.tables.len() < base.tables.len() {
            counts[2] += 1;
        } else {
            counts[3] += 1;
        }
    }
    counts
}

#[test]
fn changed_figures_in_the_dev_layout_texts_are_flagged_at_their_cells() {
    if !common::require_corpus() {
        return;
    }
    let files = common::dev_files(".layout.txt");
    let got: Vec<(String, [usize; 4])> = files
        .iter()
        .map(|p| {
            let name = std::path::Path::new(p).file_name().unwrap().to_string_lossy()[..2].to_string();
            (name, outcomes(&std::fs::read_to_string(p).unwrap()))
        })
        .collect();
    let expected: Vec<(String, [usize; 4])> = PINNED.iter().map(|(n, c)| (n.to_string(), *c)).collect();
    assert_eq!(got, expected);
}

/// Per document: changes tried, flagged at the cell, elsewhere, not at all (41 and 42 hold no
/// table). Measured with this test; deterministic. In all 215 changes: 186 at the cell (87 %), 2
/// elsewhere, 27 not flagged — mostly figures no relation reads yet: Guangzhou's tables name
/// their rows `[301]工资福利支出` (bracketed codes are kept as names, so no 类 = Σ款 there), and
/// columns whose name was lost on a continuation page.
const PINNED: [(&str, [usize; 4]); 20] = [
    ("41", [0, 0, 0, 0]),
    ("42", [0, 0, 0, 0]),
    ("43", [12, 12, 0, 0]),
    ("44", [12, 10, 2, 0]),
    ("45", [12, 10, 0, 2]),
    ("46", [12, 9, 0, 3]),
    ("47", [12, 5, 0, 7]),
    ("48", [12, 5, 0, 7]),
    ("49", [12, 12, 0, 0]),
    ("50", [12, 11, 0, 1]),
    ("51", [12, 12, 0, 0]),
    ("52", [12, 11, 0, 1]),
    ("53", [12, 12, 0, 0]),
    ("54", [12, 12, 0, 0]),
    ("55", [12, 12, 0, 0]),
    ("56", [12, 12, 0, 0]),
    ("57", [12, 11, 0, 1]),
    ("58", [11, 11, 0, 0]),
    ("59", [12, 9, 0, 3]),
    ("60", [12, 10, 0, 2]),
];
