//! A stable fuzzing harness (issue 12, point 7): random mutations of the fixtures through every
//! reader — text, HTML, CSV, .xlsx, .xls, PDF — and the whole check, for a few seconds each in
//! `make test`. A reader that panics (the page cannot recover from one), a report whose counts
//! disagree, or a case slower than [`SLOW`] fails the test, and the input is written to
//! `<target>/fuzz-crashes/` to be turned into a regression test in tests/hostile.rs.
//!
//! `make test` spends 21 s in all, shared by the 8 seed files (about 2.6 s each). Longer runs:
//! `BUDGET_CHECK_FUZZ_SECS=3600 cargo test --release --test fuzz -- --nocapture` (seconds in all;
//! `BUDGET_CHECK_FUZZ_SEED=n` picks another random sequence).

use budget_check::check_text;
use budget_check::ingest::read_file;
use budget_check::report::Severity;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A case slower than this is a finding too: the page would freeze on it.
const SLOW: Duration = Duration::from_secs(20);

static PANICS: AtomicUsize = AtomicUsize::new(0);
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn fixture(path: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Bytes that matter to the readers: quotes, separators, markup, UTF-8 lead bytes, BIFF and
/// zip signatures, PDF tokens, invisible characters.
const INTERESTING: &[&[u8]] = &[
    b"\"",
    b",",
    b"\t",
    b"\n",
    b"\r",
    b"<",
    b">",
    b"</td>",
    b"<td colspan=99999>",
    b"\0",
    b"\xFF",
    b"\xE4\xB8",
    b"\xE2\x80\x8B",
    b"\xE2\x80\xAE",
    b"\xEF\xBB\xBF",
    b"PK\x03\x04",
    b"\xFE\xFF\xFF\xFF",
    b"\x00\x02\x0E\x00",
    b"=SUM(1)",
    b"-",
    b"1,234.56",
    b"\xE5\x90\x88\xE8\xAE\xA1",
    b"9999999999999999999999999999999",
    b" 0 R",
    b"/Length 2147483647",
    b"endstream",
    b"<<",
    b"[",
];

fn mutate(rng: &mut Lcg, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.next() % 6 {
        if bytes.is_empty() {
            bytes.extend_from_slice(INTERESTING[rng.next() % INTERESTING.len()]);
            continue;
        }
        let at = rng.next() % bytes.len();
        match rng.next() % 7 {
            0 => bytes[at] = rng.next() as u8,
            1 => bytes[at] ^= 1 << (rng.next() % 8),
            2 => {
                let piece = INTERESTING[rng.next() % INTERESTING.len()];
                bytes.splice(at..at, piece.iter().copied());
            }
            3 => bytes.truncate(at),
            4 => {
                let end = (at + 1 + rng.next() % 64).min(bytes.len());
                bytes.drain(at..end);
            }
            5 => {
                let end = (at + 1 + rng.next() % 256).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                let to = rng.next() % bytes.len();
                bytes.splice(to..to, piece);
            }
            _ => {
                // A little-endian u32 set to a small number: sector ids, lengths, offsets.
                if at + 4 <= bytes.len() {
                    bytes[at..at + 4].copy_from_slice(&((rng.next() % 64) as u32).to_le_bytes());
                }
            }
        }
    }
    bytes
}

fn consistent(text: &str) -> Result<(), String> {
    let report = check_text(text);
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    if report.counts.errors != count(Severity::Error) || report.counts.warnings != count(Severity::Warning) {
        return Err("counts disagree with the findings".to_string());
    }
    for f in &report.findings {
        if let (Some(p), Some(c), Some(d)) = (f.printed, f.computed, f.difference) {
            if p - c != d {
                return Err(format!("printed − computed ≠ difference: {}", report.finding_line(f)));
            }
        }
    }
    Ok(())
}

#[test]
fn random_mutations_of_every_format_neither_panic_nor_hang() {
    let secs: u64 = std::env::var("BUDGET_CHECK_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(21);
    let seed: u64 = std::env::var("BUDGET_CHECK_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(12);
    let crashes = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../fuzz-crashes");
    let targets: [(&str, Vec<u8>); 8] = [
        ("seed.txt", fixture("seed.txt")),
        ("biao4-clipboard.html", fixture("formats/biao4-clipboard.html")),
        ("biao2-gbk.csv", fixture("formats/biao2-gbk.csv")),
        ("biao3.xlsx", fixture("formats/biao3.xlsx")),
        ("far-cell.xlsx", fixture("formats/far-cell.xlsx")),
        ("biao3.xls", fixture("formats/biao3.xls")),
        ("seed.csv", fixture("seed.txt").iter().map(|&b| if b == b'\t' { b',' } else { b }).collect()),
        // The seed printed by Chromium (tests/fixtures/pdf/make_pdf_fixtures.py): hayro, then
        // the layout reader. A panic inside hayro is caught by read_file natively but still
        // counts here, like every reader's.
        ("seed-a4-portrait.pdf", fixture("pdf/seed-a4-portrait.pdf")),
    ];
    let mut failures = Vec::new();
    let budget = Duration::from_secs(secs) / targets.len() as u32;
    for (name, original) in &targets {
        // Each seed reads: mutations then start from a file the reader follows to the end.
        let read = read_file(name, original).unwrap_or_else(|e| panic!("seed {name}: {e}"));
        assert!(read.text.chars().any(|c| c.is_ascii_digit()), "seed {name}: {:?}", read.text);
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
        let _ = &default_hook;
    }));
    for (index, (name, original)) in targets.iter().enumerate() {
        let mut rng = Lcg(seed.wrapping_add(index as u64 * 7919));
        let started = Instant::now();
        let mut cases = 0;
        while started.elapsed() < budget {
            cases += 1;
            let bytes = mutate(&mut rng, original);
            let before = PANICS.load(Ordering::SeqCst);
            let case_start = Instant::now();
            let outcome = std::panic::catch_unwind(|| match read_file(name, &bytes) {
                Ok(read) => consistent(&read.text),
                Err(_) => Ok(()),
            });
            let problem = match outcome {
                _ if PANICS.load(Ordering::SeqCst) > before => {
                    Some(format!("panic: {}", LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner())))
                }
                Ok(Err(e)) => Some(e),
                Err(_) => Some("panic".to_string()),
                _ if case_start.elapsed() > SLOW => Some(format!("slow: {:?}", case_start.elapsed())),
                _ => None,
            };
            if let Some(problem) = problem {
                let _ = std::fs::create_dir_all(&crashes);
                let path = crashes.join(format!("{name}-{seed}-{cases}"));
                let _ = std::fs::write(&path, &bytes);
                failures.push(format!("{name} case {cases}: {problem} (input: {})", path.display()));
                if failures.len() > 5 {
                    break;
                }
            }
        }
        println!("fuzz {name}: {cases} cases in {:?}", started.elapsed());
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
