//! Nothing panics on any input: truncated, shuffled and corrupted versions of the seed, and
//! arbitrary text, all produce a report whose counts agree with its findings.

use budget_check::check_text;
use budget_check::report::Severity;

const SEED: &str = include_str!("fixtures/seed.txt");

/// A small deterministic generator, so a failure names a reproducible case.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn assert_consistent(text: &str, case: &str) {
    let report = check_text(text);
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    assert_eq!(report.counts.errors, count(Severity::Error), "{case}");
    assert_eq!(report.counts.warnings, count(Severity::Warning), "{case}");
    for f in &report.findings {
        if let (Some(p), Some(c), Some(d)) = (f.printed, f.computed, f.difference) {
            assert_eq!(p - c, d, "{case}: {}", report.finding_line(f));
        }
        if let Some(cell) = &f.cell {
            assert!(cell.table < report.tables.len(), "{case}");
        }
    }
}

#[test]
fn truncated_seeds_are_checked() {
    let chars: Vec<char> = SEED.chars().collect();
    for cut in (0..chars.len()).step_by(997) {
        let text: String = chars[..cut].iter().collect();
        assert_consistent(&text, &format!("seed cut at char {cut}"));
    }
}

#[test]
fn corrupted_seeds_are_checked() {
    let mut rng = Lcg(7);
    let alphabet = ['\t', '\n', '-', ',', '.', '9', '0', '合', '计', '表', '（', '）', '≥', '%', '<', '>', ' ', '#'];
    for case in 0..60 {
        let mut chars: Vec<char> = SEED.chars().collect();
        for _ in 0..40 {
            let at = rng.next() % chars.len();
            chars[at] = alphabet[rng.next() % alphabet.len()];
        }
        assert_consistent(&chars.iter().collect::<String>(), &format!("corruption case {case}"));
    }
}

#[test]
fn shuffled_lines_are_checked() {
    let mut rng = Lcg(11);
    let mut lines: Vec<&str> = SEED.lines().collect();
    for case in 0..20 {
        for i in (1..lines.len()).rev() {
            lines.swap(i, rng.next() % (i + 1));
        }
        assert_consistent(&lines.join("\n"), &format!("shuffle case {case}"));
    }
}

#[test]
fn odd_text_is_checked() {
    for text in ["", "\t\t\t", "表一", "## 部门收支总表\n收入\t\t支出", "合计\t1e400\t(\t)", "表\u{0}一\r\n\r\n"]
    {
        assert_consistent(text, &format!("{text:?}"));
    }
}
