//! Throughput benchmark, native. Run with `cargo run --release --example bench`.
//!
//! Prints, for generated 一般公共预算财政拨款支出表 of 1k / 10k / 100k rows, the checker's time
//! (`check_sources`, as the command line calls it) beside a bare baseline over the same bytes —
//! the csv crate reading the tab-separated text and summing every figure as `Decimal` — both as
//! the median of several runs in this one process; then the real documents: the seed, the
//! corpus texts (from `../shared/corpus` or `$BUDGET_CHECK_CORPUS`, skipped when absent), a
//! PDF-layout text ×10 and a spreadsheet upload.
//!
//! `cargo run --release --example bench -- --write ROWS FILE` only writes the generated document
//! (for timing the command line end to end: `/usr/bin/time -v target/release/budget-check FILE`).

mod generate;

use budget_check::ingest::Source;
use budget_check::tolerance::RoundingMode;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../../tests/fixtures/seed.txt");
/// The largest whitespace-aligned (pdftotext -layout) document of the corpus.
const PDF_TEXT: &str = "22_chongqing-shi-qixiangju-2026-yusuan.txt";

/// The median and the fastest of `runs` calls of `f`, and its last result. On a machine shared
/// with other work the fastest run is the steadier figure: others only ever make a run slower.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let result = f();
        times.push(start.elapsed());
        last = Some(result);
    }
    times.sort();
    (times[runs / 2], times[0], last.expect("at least one run"))
}

/// The median time of `runs` calls of `f`, and its last result.
fn median<T>(runs: usize, f: impl FnMut() -> T) -> (Duration, T) {
    let (median, _, last) = timed(runs, f);
    (median, last)
}

fn check(name: &str, text: &str) -> usize {
    let source = [Source { name: name.into(), text: text.into() }];
    budget_check::check_sources(&source, RoundingMode::Nearest).findings.len()
}

/// The practical floor: the csv crate reads the same bytes and every figure is summed as `Decimal`.
fn baseline(text: &str) -> (usize, Decimal) {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b'\t').has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let (mut rows, mut sum) = (0, Decimal::ZERO);
    while reader.read_record(&mut record).expect("generated text is valid") {
        rows += 1;
        for field in record.iter().skip(2) {
            if let Ok(value) = Decimal::from_str(field) {
                sum += value;
            }
        }
    }
    (rows, sum)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time_check(name: &str, text: &str, runs: usize) {
    let (per_check, findings) = median(runs, || check(name, text));
    println!(
        "{name}: {} KB, {findings} findings, {:.2} ms per check (median of {runs})",
        text.len() / 1024,
        ms(per_check)
    );
}

/// Reading an uploaded workbook into text (before the check), as the page does on upload.
fn time_workbook(name: &str, bytes: &[u8], runs: usize) {
    let (per_read, chars) =
        median(runs, || budget_check::ingest::file_text(name, bytes).map(|t| t.chars().count()).unwrap_or(0));
    println!("{name}: read into {chars} characters, {:.2} ms per read (median of {runs})", ms(per_read));
}

fn generated() {
    println!("generated 一般公共预算财政拨款支出表 (tab-separated), same process: median (fastest) of the runs");
    println!("| rows | KB | findings | checker ms | baseline ms | ratio of medians (of fastest) |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for (rows, runs) in [(1_000, 21), (10_000, 11), (100_000, 7)] {
        let text = generate::expenditure_table(rows);
        let (checker, checker_min, findings) = timed(runs, || check("generated", &text));
        let (floor, floor_min, _) = timed(runs, || baseline(&text));
        println!(
            "| {rows} | {} | {findings} | {:.1} ({:.1}) | {:.1} ({:.1}) | {:.1} ({:.1}) |",
            text.len() / 1024,
            ms(checker),
            ms(checker_min),
            ms(floor),
            ms(floor_min),
            checker.as_secs_f64() / floor.as_secs_f64(),
            checker_min.as_secs_f64() / floor_min.as_secs_f64()
        );
    }
}

/// The real documents: `$BUDGET_CHECK_CORPUS` when set, else `../shared/corpus` beside the
/// clone (read where they are, never copied into the repository), as the tests find them.
fn corpus_dir() -> String {
    match std::env::var("BUDGET_CHECK_CORPUS") {
        Ok(dir) if !dir.is_empty() => dir,
        _ => format!("{}/../shared/corpus", env!("CARGO_MANIFEST_DIR")),
    }
}

fn real_documents() {
    time_check("seed", SEED, 51);
    time_check("seed x20", &SEED.repeat(20), 5);
    let dir = corpus_dir();
    if let Ok(raw) = std::fs::read(format!("{dir}/{PDF_TEXT}")) {
        let text = budget_check::ingest::decode(&raw).0;
        time_check("corpus 22 (PDF layout text)", &text, 21);
        time_check("corpus 22 x10", &text.repeat(10), 5);
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.retain(|n| n.ends_with(".txt"));
    names.sort();
    let (mut total, mut bytes) = (Duration::ZERO, 0);
    for name in &names {
        let Ok(raw) = std::fs::read(format!("{dir}/{name}")) else { continue };
        let text = budget_check::ingest::decode(&raw).0;
        let (per_check, findings) = median(11, || check(name, &text));
        println!("  {name}: {} KB, {findings} findings, {:.2} ms", text.len() / 1024, ms(per_check));
        total += per_check;
        bytes += text.len();
    }
    if names.is_empty() {
        println!("corpus: no documents in {dir}");
    } else {
        println!("corpus ({dir}): {} documents, {} KB, {:.2} ms for all of them", names.len(), bytes / 1024, ms(total));
    }
    time_workbook("biao3.xlsx", include_bytes!("../../tests/fixtures/formats/biao3.xlsx"), 51);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, rows, path] = args.as_slice() {
        if flag == "--write" {
            let rows: usize = rows.parse().expect("ROWS is a number");
            std::fs::write(path, generate::expenditure_table(rows)).expect("FILE can be written");
            return;
        }
    }
    generated();
    real_documents();
}
