//! What the integration tests share besides the browser: the corpus documents and single-cell
//! mutations of tab-separated fixtures.

// Each test file uses its own part of this shared support.
#![allow(dead_code)]

use budget_check::ingest::{decode, Source};
use budget_check::report::Finding;
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};

fn corpus_dir() -> String {
    format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"))
}

/// The corpus documents' file names, sorted.
pub fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// A corpus document as one source named after its file.
pub fn corpus_source(name: &str) -> Source {
    let path = format!("{}/{name}", corpus_dir());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source { name: name.into(), text: decode(&bytes).0 }
}

/// The corpus document whose file name starts with `prefix` (`"10_"`).
pub fn corpus_source_starting(prefix: &str) -> Source {
    let name = corpus_files().into_iter().find(|n| n.starts_with(prefix));
    corpus_source(&name.unwrap_or_else(|| panic!("no corpus file {prefix}")))
}

/// A corpus document checked on its own with the default rounding mode.
pub fn check_corpus(name: &str) -> Report {
    check_sources(&[corpus_source(name)], RoundingMode::Nearest)
}

/// Replaces the `col`-th tab-separated cell of the `nth` line starting with `prefix` (the cell
/// must read `from`, bold tags aside); returns the new text and the 1-based line changed.
pub fn mutate(text: &str, prefix: &str, nth: usize, col: usize, from: &str, to: &str) -> (String, usize) {
    let mut seen = 0;
    let mut changed = None;
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if line.starts_with(prefix) {
                seen += 1;
                if seen == nth {
                    let mut cells: Vec<String> = line.split('\t').map(String::from).collect();
                    assert_eq!(cells[col].replace("<b>", "").replace("</b>", ""), from, "line {}", i + 1);
                    cells[col] = to.to_string();
                    changed = Some(i + 1);
                    return cells.join("\t");
                }
            }
            line.to_string()
        })
        .collect();
    (lines.join("\n"), changed.expect("line to mutate"))
}

/// Whether a finding names the cell at `line`/`col`, as the checked cell or one it was computed from.
pub fn touches(f: &Finding, line: usize, col: usize) -> bool {
    f.cell.iter().chain(&f.related).any(|c| c.line == line && c.col == col)
}
