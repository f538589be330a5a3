//! Throughput benchmark: checks the seed document repeatedly and a document made of many copies
//! of it, and prints the time per check. Run with `cargo run --release --example bench`.

use budget_check::ingest::Source;
use budget_check::tolerance::RoundingMode;
use std::time::Instant;

const SEED: &str = include_str!("../tests/fixtures/seed.txt");

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

fn main() {
    time_check("seed", SEED, 200);
    time_check("seed x20", &SEED.repeat(20), 10);
}
