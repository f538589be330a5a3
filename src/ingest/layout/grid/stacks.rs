//! Header words stacked over one column, and which column of figures each stack names.

use super::super::words::Word;
use super::header::is_header_term;
use super::lines::{is_code_level_line, is_code_level_word, is_side_line};
use super::pages::Cluster;
use super::TableLine;

/// A header word with the number of its line.
type LineWord<'a> = (usize, &'a Word);

/// Header words stacked over one column: words of the header lines that overlap, chained.
/// Words spanning several words of another line (`基本支出` over `人员经费 公用经费`) group
/// columns and stay out.
#[derive(Debug)]
pub(super) struct Stack {
    pub(super) start: usize,
    pub(super) end: usize,
    /// (line number, start) of each word.
    pub(super) words: Vec<(usize, usize)>,
    /// Its words run together.
    pub(super) text: String,
    /// Twice where its widest word ends as drawn: a Chinese character is drawn wider than the
    /// one column it takes in the text (two in the PDF reader's, about one in `pdftotext`'s),
    /// counted as one and a half, so a name's middle is not pulled left of its cell's.
    drawn_end2: usize,
}

impl Stack {
    /// It names a label column (`科目名称`, `科目编码`, `项目`), not a column of figures.
    pub(super) fn names_labels(&self) -> bool {
        ["名称", "编码", "代码"].iter().any(|t| self.text.contains(t)) || matches!(self.text.as_str(), "项目" | "科目")
    }
}

/// Header stacks, and the words (line number, start) that name groups of columns.
pub(super) fn header_stacks(header_lines: &[&TableLine]) -> (Vec<Stack>, Vec<(usize, usize)>) {
    let overlaps = |a: &Word, b: &Word| a.start < b.end && b.start < a.end;
    let mut words: Vec<(usize, &Word)> = Vec::new();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for line in header_lines {
        if is_code_level_line(&line.words) || is_side_line(&line.words) {
            continue;
        }
        for w in line.words.iter().filter(|w| !is_code_level_word(&line.words, w)) {
            // Over two words of a lower line, or printed in the gap between them (`公务接待费`
            // between its 预算数 and 决算数).
            // A long group name centred over its columns may end just where the next column's
            // name begins (`本年一般公共预算基本支出` over `合计 … 人员经费`). A word alone on its line,
            // over the gap between two names of a lower line and over no word below it, stands
            // over no column of its own (`预算数` centred over `总计 一般公共预算 | 政府性基金预算 …`;
            // not `2025年预算` over the `数` it wraps to).
            let long = w.text.chars().count() >= 6;
            let over_nothing =
                || !header_lines.iter().any(|o| o.no > line.no && o.words.iter().any(|x| overlaps(x, w)));
            let alone = line.words.len() == 1 && over_nothing();
            let between = |p: &[Word]| {
                let inside = p[0].end <= w.start && w.end <= p[1].start + 1;
                let touches_left = w.start <= p[0].end + 1;
                let touches_right = w.end + 1 >= p[1].start;
                (touches_left && touches_right) || (inside && (alone || (long && (touches_left || touches_right))))
            };
            let bridges = |other: &&TableLine| {
                other.no > line.no && !other.words.iter().any(|o| overlaps(o, w)) && other.words.windows(2).any(between)
            };
            let spanning = header_lines.iter().any(|other| other.words.iter().filter(|o| overlaps(o, w)).count() >= 2)
                || header_lines.iter().any(bridges);
            if spanning {
                groups.push((line.no, w.start));
            } else {
                words.push((line.no, w));
            }
        }
    }
    words.sort_by_key(|(_, w)| (w.start, w.end));
    let mut chains: Vec<Vec<(usize, &Word)>> = Vec::new();
    let mut end = 0;
    // A name wrapped onto a lower line may start past where it ends in the text, but not past
    // where it is drawn (`公务用车运行` over `维护费`), when nothing below overlaps it in the text.
    let wide = |c: Option<char>| c.is_some_and(|c| c >= '\u{2E80}');
    let spans: Vec<(usize, usize, usize)> = words.iter().map(|(no, w)| (*no, w.start, w.end)).collect();
    let covered = |no: usize, w: &Word| spans.iter().any(|&(n, s, e)| n > no && s < w.end && w.start < e);
    let mut drawn_end = (usize::MAX, 0usize);
    for (no, w) in words {
        let under_drawn = no > drawn_end.0 && 2 * w.start < drawn_end.1 && wide(w.text.chars().next());
        match chains.last_mut() {
            Some(chain) if w.start < end || under_drawn => chain.push((no, w)),
            _ => chains.push(vec![(no, w)]),
        }
        end = if chains.last().is_some_and(|c| c.len() > 1) { end.max(w.end) } else { w.end };
        let wraps = wide(w.text.chars().last()) && !covered(no, w);
        drawn_end = if wraps { (no, 2 * w.start + drawn_width2(&w.text)) } else { (no, 0) };
    }
    let mut stacks = Vec::new();
    for chain in chains {
        // A complete header term with another one under it names a group of columns
        // (`2026年预算数` over `基本支出` over `人员经费`): only the lowest names the column.
        let (upper, leaves): (Vec<&LineWord>, Vec<&LineWord>) = chain.iter().partition(|(no, w)| {
            is_header_term(&w.text) && chain.iter().any(|(n2, w2)| n2 > no && is_header_term(&w2.text))
        });
        groups.extend(upper.iter().map(|(no, w)| (*no, w.start)));
        let (Some(start), Some(end)) =
            (leaves.iter().map(|(_, w)| w.start).min(), leaves.iter().map(|(_, w)| w.end).max())
        else {
            continue;
        };
        let text = leaves.iter().map(|(_, w)| w.text.as_str()).collect();
        let drawn_end2 = leaves.iter().map(|(_, w)| 2 * w.start + drawn_width2(&w.text)).max().unwrap_or(2 * end);
        let words = leaves.iter().map(|(no, w)| (*no, w.start)).collect();
        stacks.push(Stack { start, end, words, text, drawn_end2 });
    }
    (stacks, groups)
}

/// Twice a word's drawn width in text columns: 2 per narrow character, 3 per wide one.
fn drawn_width2(text: &str) -> usize {
    text.chars().map(|c| if c >= '\u{2E80}' { 3 } else { 2 }).sum()
}

/// Gives each column of figures its own header stack, in order, nearest centres first; None
/// when the header shows fewer columns than the figures do.
pub(super) fn match_stacks(data: &[Cluster], stacks: &[&Stack]) -> Option<Vec<usize>> {
    let (n, m) = (data.len(), stacks.len());
    if n == 0 || m < n {
        return None;
    }
    let cost =
        |i: usize, j: usize| (2 * (data[i].left + data[i].right)).abs_diff(2 * stacks[j].start + stacks[j].drawn_end2);
    // best[i][j]: least cost of placing the first i columns among the first j stacks.
    let mut best = vec![vec![usize::MAX; m + 1]; n + 1];
    best[0].iter_mut().for_each(|b| *b = 0);
    for i in 1..=n {
        for j in i..=m {
            let skip = best[i][j - 1];
            let take = best[i - 1][j - 1].saturating_add(cost(i - 1, j - 1));
            best[i][j] = skip.min(take);
        }
    }
    let mut out = vec![0; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if best[i][j] == best[i][j - 1] && j > i {
            j -= 1;
        } else {
            out[i - 1] = j - 1;
            i -= 1;
            j -= 1;
        }
    }
    Some(out)
}
