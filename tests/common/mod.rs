//! What the integration tests share besides the browser: the seed, the real documents of the
//! corpus (read where they are, never copied into the repository) and single-cell mutations of
//! tab-separated fixtures.

// Each test file uses its own part of this shared support.
#![allow(dead_code)]

use budget_check::ingest::{decode, Source};
use budget_check::report::Finding;
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The seed document, the project's own example: corpus 00, kept in the repository.
pub const SEED_NAME: &str = "00_chongqing-qijiang-dashuju-2025-yusuan-SEED.txt";

/// The project's own copy of the seed (corpus 00).
pub fn seed_source() -> Source {
    let path = format!("{}/tests/fixtures/seed.txt", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source { name: SEED_NAME.into(), text: decode(&bytes).0 }
}

/// The folder of the real published documents (corpus 01–23, pdf/, pdf-dev/), which the
/// repository does not carry: `$BUDGET_CHECK_CORPUS` when set (a folder without them, such as
/// `/nonexistent`, runs the suite as a newcomer would), else `../shared/corpus` beside the clone,
/// as CI has it. `None` when that folder holds no document.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("BUDGET_CHECK_CORPUS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    let has_documents = std::fs::read_dir(&dir).into_iter().flatten().flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        name.ends_with(".txt") && !name.starts_with("00_")
    });
    has_documents.then_some(dir)
}

/// Whether the real documents are there for a test that needs them. Where they are not, the test
/// says it was skipped and how to get them (on stderr, past the test harness's capture) and
/// returns early; with `BUDGET_CHECK_REQUIRE_CORPUS` set, as `.ci/run` sets it, it fails instead.
pub fn require_corpus() -> bool {
    if corpus_dir().is_some() {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("a real-document test").to_string();
    let how = "real documents not found; set BUDGET_CHECK_CORPUS=/path/to/shared/corpus or put shared/ \
               (with shared/corpus) beside the clone";
    if std::env::var_os("BUDGET_CHECK_REQUIRE_CORPUS").is_some_and(|v| !v.is_empty()) {
        panic!("{test}: {how} (BUDGET_CHECK_REQUIRE_CORPUS is set)");
    }
    let _ = writeln!(std::io::stderr(), "skipped {test}: {how}");
    false
}

fn corpus_path(name: &str) -> PathBuf {
    let dir =
        corpus_dir().unwrap_or_else(|| panic!("{name}: no real documents (a test must ask require_corpus() first)"));
    dir.join(name)
}

/// The real documents' file names (corpus 00–23, the seed among them), sorted.
pub fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_path(""))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// The paths of the dev corpus's files (`pdf-dev/`) whose names end in `suffix`, sorted.
pub fn dev_files(suffix: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(corpus_path("pdf-dev"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path().display().to_string()))
        .filter(|p| p.ends_with(suffix))
        .collect();
    files.sort();
    files
}

/// The text of a file in the corpus folder (`name` may be a path below it, `pdf-dev/…`).
pub fn corpus_text(name: &str) -> String {
    let path = corpus_path(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode(&bytes).0
}

/// A corpus document as one source named after its file.
pub fn corpus_source(name: &str) -> Source {
    Source { name: name.into(), text: corpus_text(name) }
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

/// The findings of a report with those a likely wrong cell explains in place of that cell's
/// finding: every failing relation, one per entry, as before they were grouped.
pub fn relations(report: &budget_check::Report) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .flat_map(|f| if f.explains.is_empty() { vec![f] } else { f.explains.iter().collect() })
        .collect()
}

/// Whether a finding names the cell at `line`/`col`, as the checked cell or one it was computed from.
pub fn touches(f: &Finding, line: usize, col: usize) -> bool {
    f.cell.iter().chain(&f.related).any(|c| c.line == line && c.col == col)
}
