//! Throughput benchmark: checks the seed document repeatedly, a document made of many copies of it,
//! the largest PDF-layout text of the corpus and a spreadsheet upload, and prints the time per check. Run with `cargo run --release --example bench`.

use budget_check::ingest::Source;
use budget_check::tolerance::RoundingMode;
use std::time::Instant;

const SEED: &str = include_str!("../tests/fixtures/seed.txt");
/// The largest whitespace-aligned (pdftotext -layout) document of the corpus.
const PDF_TEXT: &str = include_str!("../tests/fixtures/corpus/22_chongqing-shi-qixiangju-2026-yusuan.txt");

fn time_check(name: &str, text: &str, runs: u32) {
    let source = [Source { name: name.into(), text: text.into() }];
    let start = Instant::now();
    let mut findings = 0;
    for _ in 0..runs {
        findings = budget_check::check_sources(&source, RoundingMode::Nearest).findings.len();
    }
    let per_check = start.elapsed() / runs;
    println!("{name}: {} KB, {findings} findings, {per_check:?} per check ({runs} runs)", text.len() / 1024);
}

/// Reading an uploaded workbook into text (before the check), as the page does on upload.
fn time_workbook(name: &str, bytes: &[u8], runs: u32) {
    let start = Instant::now();
    let mut chars = 0;
    for _ in 0..runs {
        chars = budget_check::ingest::file_text(name, bytes).map(|t| t.chars().count()).unwrap_or(0);
    }
    println!("{name}: read into {chars} characters, {:?} per read ({runs} runs)", start.elapsed() / runs);
}

fn main() {
    time_check("seed", SEED, 200);
    time_check("seed x20", &SEED.repeat(20), 10);
    time_check("corpus 22 (PDF layout text)", PDF_TEXT, 50);
    time_check("corpus 22 x10", &PDF_TEXT.repeat(10), 5);
    time_workbook("biao3.xlsx", include_bytes!("../tests/fixtures/formats/biao3.xlsx"), 200);
}
