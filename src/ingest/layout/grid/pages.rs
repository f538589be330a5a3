//! Figures page by page: clustered by their right edges, and mapped onto the reference page's
//! columns by the header a page repeats or by one sideways shift of the whole page.

use super::super::words::Word;
use super::columns::{label_zone_starts, ZONE_GAP};
use super::BodyLine;

/// Right edges of figures within this many characters of each other are one column.
const CLUSTER_GAP: usize = 2;

/// Figures whose right edges stand within [`CLUSTER_GAP`] of each other: one column of a page.
#[derive(Debug, Clone)]
pub(super) struct Cluster {
    pub(super) left: usize,
    /// Lowest and highest right edge.
    pub(super) low: usize,
    pub(super) right: usize,
    /// Right edges of the figures in it.
    pub(super) edges: Vec<usize>,
}

pub(super) fn cluster(words: &[&Word]) -> Vec<Cluster> {
    let mut ends: Vec<(usize, usize)> = words.iter().map(|w| (w.end, w.start)).collect();
    ends.sort_unstable();
    let mut out: Vec<Cluster> = Vec::new();
    for (end, start) in ends {
        match out.last_mut() {
            Some(c) if end <= c.right + CLUSTER_GAP => {
                c.right = end;
                c.left = c.left.min(start);
                c.edges.push(end);
            }
            _ => out.push(Cluster { left: start, low: end, right: end, edges: vec![end] }),
        }
    }
    out
}

/// Maps a page's clusters onto the reference page's columns (spans of right edges), each to
/// the nearest one; None when one is far from every column.
pub(super) fn map_clusters(rights: &[isize], spans: &[(isize, isize)], within: isize) -> Option<Vec<usize>> {
    rights
        .iter()
        .map(|r| {
            let (best, distance) = spans
                .iter()
                .enumerate()
                .map(|(i, (low, high))| (i, (low - r).max(r - high).max(0)))
                .min_by_key(|(_, d)| *d)?;
            (distance <= within).then_some(best)
        })
        .collect()
}

/// The columns of a page's figures read off the header that page repeats: each page header
/// word is the same word of the first page's header (k-th occurrence of its text), so its
/// column is known; a figure takes the column of the nearest stack of such words above it.
pub(super) fn columns_by_page_header(
    found: &[Cluster],
    page_words: &[&Word],
    first_words: &[(&str, Option<usize>)],
) -> Option<Vec<usize>> {
    if page_words.is_empty() {
        return None;
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut placed: Vec<(&Word, Option<usize>)> = Vec::new();
    for w in page_words {
        let k = seen.iter().filter(|t| **t == w.text).count();
        seen.push(&w.text);
        let col = first_words.iter().filter(|(t, _)| *t == w.text).nth(k).and_then(|(_, c)| *c);
        placed.push((w, col));
    }
    placed.sort_by_key(|(w, _)| (w.start, w.end));
    let mut stacks: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for (w, col) in placed {
        match stacks.last_mut() {
            Some(s) if w.start < s.1 => {
                s.1 = s.1.max(w.end);
                s.2 = s.2.or(col);
            }
            _ => stacks.push((w.start, w.end, col)),
        }
    }
    let cols: Vec<usize> = found
        .iter()
        .map(|c| {
            let centre = (c.left + c.right) as isize;
            stacks
                .iter()
                .filter_map(|(start, end, col)| Some(((centre - (start + end) as isize).unsigned_abs(), (*col)?)))
                .min_by_key(|(d, _)| *d)
                .map(|(_, col)| col)
        })
        .collect::<Option<_>>()?;
    // Two clusters may share a column (figures printed a few places apart); order must hold.
    cols.windows(2).all(|p| p[0] <= p[1]).then_some(cols)
}

/// A page whose figures all moved sideways without a repeated header to say how far: the one
/// shift that puts two or more of its columns onto distinct columns of the reference page.
pub(super) fn shifted_page(rights: &[isize], spans: &[(isize, isize)]) -> Option<Vec<usize>> {
    let first = *rights.first()?;
    if rights.len() < 2 {
        return None;
    }
    let off = |r: isize, (low, high): (isize, isize)| (low - r).max(r - high).max(0);
    let mut fits: Vec<(isize, Vec<usize>)> = spans
        .iter()
        .filter_map(|(_, high)| {
            let shift = high - first;
            let moved: Vec<isize> = rights.iter().map(|r| r + shift).collect();
            let mapping = map_clusters(&moved, spans, 3)?;
            let residual = moved.iter().zip(&mapping).map(|(r, m)| spans.get(*m).map_or(0, |s| off(*r, *s))).sum();
            mapping.windows(2).all(|p| p[0] < p[1]).then_some((residual, mapping))
        })
        .collect();
    fits.sort();
    fits.dedup_by(|a, b| a.1 == b.1);
    // The closest fit, when no other fits as closely.
    match fits.as_slice() {
        [(_, only)] => Some(only.clone()),
        [(best, mapping), (next, _), ..] if best < next => Some(mapping.clone()),
        _ => None,
    }
}

/// The columns the last of the reference page's lines with `count` figures fills: a page
/// `pdftotext` squeezed narrower than the reference (it spaces each page on its own), whose
/// columns can be placed neither by position nor in order, most likely runs on with rows like
/// the ones the reference page ended with (the children of its last parent).
pub(super) fn columns_of_last_alike(patterns: &[Vec<usize>], count: usize) -> Option<Vec<usize>> {
    patterns.iter().rev().find(|p| p.len() == count && p.windows(2).all(|w| w[0] < w[1])).cloned()
}

/// Labels this far from where a label column starts on the fullest page are still that column's.
const MOVED_LABELS: usize = 2 * ZONE_GAP;

/// A page that prints only some of the table's label columns (the 支出 side running on alone)
/// may stand sideways of where the fullest page puts them (`pdftotext` centres each page's text):
/// its words move back so its labels start where the same label column starts there.
pub(super) fn align_partial_pages(body: &mut [BodyLine]) {
    let segments = body.iter().map(|b| b.segment).max().map_or(0, |m| m + 1);
    let starts: Vec<Vec<usize>> =
        (0..segments).map(|s| label_zone_starts(body.iter().filter(|b| b.segment == s))).collect();
    let Some(full) = starts.iter().min_by_key(|z| std::cmp::Reverse(z.len())).filter(|z| z.len() >= 2).cloned() else {
        return;
    };
    for (segment, own) in starts.iter().enumerate() {
        if own.is_empty() || own.len() >= full.len() {
            continue;
        }
        // Each label column goes to the nearest of the fullest page's; moved only when where it
        // stands would make it another one's.
        let nearest = |o: usize| (0..full.len()).min_by_key(|&k| full[k].abs_diff(o)).unwrap_or(0);
        let stands_in = |o: usize| full.iter().rposition(|&z| z <= o + ZONE_GAP / 2).unwrap_or(0);
        let shifts: Vec<isize> = own.iter().map(|&o| full[nearest(o)] as isize - o as isize).collect();
        let shift = shifts[0];
        let misplaced = own.iter().any(|&o| stands_in(o) != nearest(o));
        if !misplaced || shift.unsigned_abs() > MOVED_LABELS || shifts.iter().any(|s| *s != shift) {
            continue;
        }
        for item in body.iter_mut().filter(|b| b.segment == segment).flat_map(|b| b.items.iter_mut()) {
            item.word.start = item.word.start.saturating_add_signed(shift);
            item.word.end = item.word.end.saturating_add_signed(shift);
        }
    }
}
