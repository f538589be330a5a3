//! Page furniture of a paged text (pages split by form feeds): page numbers and the running
//! headers and footers printed on every page. Left in, their years and numbers stand among a
//! table's figures and break its columns; they are found per document, not by their words.

use std::collections::{HashMap, HashSet};

/// How many non-blank lines at the top and the bottom of a page may be furniture.
const EDGE_LINES: usize = 3;

/// The indices (0-based) of the lines that are page furniture.
pub(super) fn furniture_lines(lines: &[&str]) -> HashSet<usize> {
    let pages = pages(lines);
    let mut out = HashSet::new();
    if pages.len() < 2 {
        return out;
    }
    let mut repeats: HashMap<String, usize> = HashMap::new();
    let edges: Vec<Vec<usize>> = pages.iter().map(|page| edge_lines(lines, page)).collect();
    for edge in &edges {
        let shapes: HashSet<String> = edge.iter().map(|&i| shape(lines[i])).collect();
        for s in shapes {
            *repeats.entry(s).or_default() += 1;
        }
    }
    // Printed on a third of the pages or more, and on three at least: a running header.
    // Words, not figures: a wrapped figure (`#.##`) at the foot of several pages is no header.
    let wordy = |s: &String| s.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let running = |s: &String| wordy(s) && repeats.get(s).is_some_and(|&n| n >= 3 && n * 3 >= pages.len());
    let numbered = numbered_in_sequence(lines, &edges);
    for &i in edges.iter().flatten() {
        if is_page_number(lines[i]) || running(&shape(lines[i])) || numbered.contains(&i) {
            out.insert(i);
        }
    }
    out
}

/// Bare numbers at the edge of their page that count up with the pages (`15`, `16`, `17` printed
/// flush left): page numbers wherever they stand, even alone on an otherwise blank page.
fn numbered_in_sequence(lines: &[&str], edges: &[Vec<usize>]) -> HashSet<usize> {
    let bare = |i: usize| -> Option<isize> {
        let s = lines[i].trim_matches(['\u{c}', ' ', '\t']);
        (s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let mut by_offset: Vec<(isize, usize)> = Vec::new();
    for (page, edge) in edges.iter().enumerate() {
        let mut offsets: Vec<(isize, usize)> =
            edge.iter().filter_map(|&i| Some((bare(i)? - page as isize, i))).collect();
        offsets.dedup_by_key(|(offset, _)| *offset);
        by_offset.extend(offsets);
    }
    by_offset.sort_unstable();
    // Three pages numbered in step are no coincidence of wrapped figures.
    by_offset
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|found| found.len() >= 3)
        .flat_map(|found| found.iter().map(|(_, i)| *i))
        .collect()
}

/// The line ranges of the pages: a form feed starts a page.
fn pages(lines: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if i > start && line.starts_with('\u{c}') {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..lines.len());
    out
}

/// The first and last few non-blank lines of a page.
fn edge_lines(lines: &[&str], page: &std::ops::Range<usize>) -> Vec<usize> {
    let filled: Vec<usize> =
        page.clone().filter(|&i| !lines[i].trim_matches(['\u{c}', ' ', '\t']).is_empty()).collect();
    let top = filled.iter().take(EDGE_LINES);
    let bottom = filled.iter().rev().take(EDGE_LINES);
    let mut out: Vec<usize> = top.chain(bottom).copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A line with its digits and spaces set aside: a running header whatever its page number.
fn shape(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{c}')
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// `- 8 -`, `— 8 —`, `8`, `第 8 页`, `第8页 共20页`, `8 / 20`, `Page 8`.
fn is_page_number(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace() && *c != '\u{c}').collect();
    let core = s.trim_matches(['-', '—', '－', '–', '·']);
    let digits = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if digits(core) {
        // A bare number is a page number only standing apart, centred or to the right.
        let indent = line.trim_start_matches('\u{c}').chars().take_while(|c| c.is_whitespace()).count();
        return core.len() < s.len() || indent >= 8;
    }
    let bare: String = core.replace(['第', '页', '共', '/', '／'], "");
    (core.starts_with('第') || core.contains('/') || core.contains('／') || core.starts_with('共'))
        && core.contains(['页', '/', '／'])
        && !bare.is_empty()
        && bare.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture_of(text: &str) -> Vec<usize> {
        let lines: Vec<&str> = text.lines().collect();
        let mut found: Vec<usize> = furniture_lines(&lines).into_iter().collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn page_numbers_and_running_headers_are_furniture() {
        let text = "苏州市某局 2026 年度部门预算公开\n表1\n合计   1.00\n   - 1 -\n\u{c}苏州市某局 2026 年度部门预算公开\n合计   2.00\n   - 2 -\n\u{c}苏州市某局 2026 年度部门预算公开\n科目  3.00\n  第 3 页\n";
        assert_eq!(furniture_of(text), [0, 3, 4, 6, 7, 9]);
    }

    #[test]
    fn bare_numbers_counting_with_the_pages_are_page_numbers() {
        let text = "表1\n合计   1.00\n3\n\u{c}工资   2.00\n4\n\u{c}5\n\u{c}奖金   3.00\n  12\n6\n";
        assert_eq!(furniture_of(text), [2, 4, 5, 8]);
    }

    #[test]
    fn a_figure_or_a_code_alone_is_no_page_number() {
        assert!(!is_page_number("  1,234.00"));
        assert!(!is_page_number("20101"));
        assert!(!is_page_number("第二部分"));
        assert!(is_page_number("—12—"));
        assert!(is_page_number("第 2 页 共 30 页"));
    }
}
