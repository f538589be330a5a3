//! The columns of a table: label zones and figure columns measured off the body, each page's
//! figures mapped onto them, and which column a header word stands over.

use super::super::words::{Kind, Word};
use super::lines::is_total_label;
use super::pages::{cluster, columns_by_page_header, columns_of_last_alike, map_clusters, shifted_page, Cluster};
use super::stacks::{header_stacks, match_stacks, Stack};
use super::{BodyLine, TableLine};
use crate::ingest::Misalignment;

/// For one (page, value zone): the right edges of each figure cluster and the column it maps to.
type PageColumns = ((usize, usize), Vec<(Vec<usize>, usize)>);

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ColumnKind {
    Code,
    Label,
    Value,
}

#[derive(Debug, Clone)]
pub(super) struct Column {
    pub(super) kind: ColumnKind,
    /// Leftmost character of the column's cell, for placing header words.
    pub(super) left: usize,
    /// For figures: where their right edges stand on the reference page.
    pub(super) right: usize,
    pub(super) zone: usize,
    /// Where the column's own header words stand, when it has them.
    head: Option<(usize, usize)>,
}

/// The columns of a table and how each page's figures map onto them.
#[derive(Debug)]
pub(super) struct Layout {
    pub(super) columns: Vec<Column>,
    /// Left edge of each label zone (a left-aligned run of labels).
    pub(super) zone_starts: Vec<usize>,
    /// Per (segment, value zone): the right edges of each of that page's clusters, and its column.
    pub(super) clusters: Vec<PageColumns>,
    /// Header words (line number, start) that belong to a column of figures, and its index.
    pub(super) header_cells: Vec<((usize, usize), usize)>,
    /// Header words (line number, start) naming a group of columns.
    pub(super) group_words: Vec<(usize, usize)>,
}

/// Label runs starting this far apart are separate label columns (e.g. 收入 | 支出 sides).
pub(super) const ZONE_GAP: usize = 8;

/// Where the label columns start (收入 … | 支出 …), from the left edges of the lines' labels
/// (codes belong to the label after them).
pub(super) fn label_zone_starts<'a>(body: impl Iterator<Item = &'a BodyLine> + Clone) -> Vec<usize> {
    // Totals are printed centred, so they say nothing about where a label column starts.
    let texts = || body.clone().flat_map(|b| b.items.iter().filter(|i| i.kind == Kind::Text));
    let mut starts: Vec<usize> = texts().filter(|i| !is_total_label(&i.word.text)).map(|i| i.word.start).collect();
    if starts.is_empty() {
        starts = texts().map(|i| i.word.start).collect();
    }
    starts.sort_unstable();
    // A label column of its own has figures or codes before it (收入 … 4,651.67 | 支出 …); a
    // label indented further without any (`上年结转结余` under `一、…收入`) is its zone's.
    let marks: Vec<usize> = body
        .flat_map(|b| b.items.iter().filter(|i| matches!(i.kind, Kind::Number | Kind::Code)))
        .map(|i| i.word.start)
        .collect();
    let mut zone_starts: Vec<usize> = Vec::new();
    for (i, s) in starts.iter().enumerate() {
        let apart = i == 0 || *s > starts[i - 1] + ZONE_GAP;
        let own = zone_starts.last().is_none_or(|&z| marks.iter().any(|m| z < *m && m < s));
        if apart && own {
            zone_starts.push(*s);
        }
    }
    zone_starts
}

/// What measuring a table's columns reads from its body: the label zones, whether each holds
/// codes, and the figures per page and value zone.
struct Measuring<'a> {
    body: &'a [BodyLine],
    header_lines: &'a [&'a TableLine],
    repeated: &'a [(usize, Vec<Word>)],
    zone_starts: Vec<usize>,
    /// Whether each label zone's labels come after codes.
    coded: Vec<bool>,
    segments: usize,
    /// Figures per page and value zone.
    per: Vec<Vec<Vec<&'a Word>>>,
}

/// The page whose figure clusters define a zone's columns: the one with the most clusters (the
/// first of those), and its clusters on every page.
struct Reference {
    segment: usize,
    page_clusters: Vec<Vec<Cluster>>,
}

impl<'a> Measuring<'a> {
    fn new(
        body: &'a [BodyLine],
        header_lines: &'a [&'a TableLine],
        repeated: &'a [(usize, Vec<Word>)],
    ) -> Measuring<'a> {
        let zone_starts = label_zone_starts(body.iter());
        let label_zone = |start: usize| zone_starts.iter().rposition(|z| *z <= start + ZONE_GAP / 2).unwrap_or(0);
        let coded: Vec<bool> = (0..zone_starts.len())
            .map(|z| {
                body.iter().any(|b| {
                    b.items.iter().enumerate().any(|(k, i)| {
                        i.kind == Kind::Code
                            && b.items.get(k + 1).map_or(zone_starts.len() == 1, |n| {
                                n.kind == Kind::Text && label_zone(n.word.start) == z
                            })
                    })
                })
            })
            .collect();
        let segments = body.iter().map(|b| b.segment).max().unwrap_or(0) + 1;
        let mut m = Measuring { body, header_lines, repeated, zone_starts, coded, segments, per: Vec::new() };
        let mut per: Vec<Vec<Vec<&Word>>> = vec![vec![Vec::new(); m.zone_starts.len() + 1]; segments];
        for b in body {
            for it in b.items.iter().filter(|i| i.kind == Kind::Number) {
                per[b.segment][m.value_zone(it.word.start)].push(&it.word);
            }
        }
        m.per = per;
        m
    }

    fn value_zone(&self, start: usize) -> usize {
        self.zone_starts.iter().filter(|z| **z <= start).count()
    }

    /// Page offsets: a page that repeats the header tells how far its columns moved.
    fn offset(&self, segment: usize) -> isize {
        let Some((_, words)) = self.repeated.iter().find(|(s, _)| *s == segment) else { return 0 };
        let mut shifts: Vec<isize> = words
            .iter()
            .filter_map(|w| {
                let first = self.header_lines.iter().flat_map(|l| l.words.iter()).find(|h| h.text == w.text)?;
                Some(w.end as isize - first.end as isize)
            })
            .collect();
        shifts.sort_unstable();
        shifts.get(shifts.len() / 2).copied().unwrap_or(0)
    }

    /// The code column (where the zone's labels follow codes) and the label column a zone starts with.
    fn push_label_columns(&self, zone: usize, columns: &mut Vec<Column>) {
        let start = self.zone_starts[zone - 1];
        if self.coded[zone - 1] {
            let code_left = if zone == 1 { 0 } else { columns.last().map_or(0, |c: &Column| c.right + 1) };
            columns.push(Column { kind: ColumnKind::Code, left: code_left, right: start, zone: zone - 1, head: None });
        }
        columns.push(Column { kind: ColumnKind::Label, left: start, right: start, zone: zone - 1, head: None });
    }

    fn reference_page(&self, zone: usize) -> Option<Reference> {
        let page_clusters: Vec<Vec<Cluster>> = (0..self.segments).map(|s| cluster(&self.per[s][zone])).collect();
        let segment = (0..self.segments).max_by_key(|s| (page_clusters[*s].len(), std::cmp::Reverse(*s)))?;
        Some(Reference { segment, page_clusters })
    }

    /// The header stacks over a zone's figures.
    fn zone_stacks<'s>(&self, zone: usize, reference: &Reference, stacks: &'s [Stack]) -> Vec<&'s Stack> {
        let data = &reference.page_clusters[reference.segment];
        let first_left = data.first().map_or(usize::MAX, |d| d.left);
        // Header words right of every figure of the zone stand over the next half's codes.
        let last_right = data.iter().map(|d| d.right).max().unwrap_or(0);
        let over_codes = |s: &Stack| self.coded.get(zone).copied().unwrap_or(false) && zone > 0 && s.start > last_right;
        // A header word over the figures, not over the labels: it reaches their column, or it
        // stands clear of every label (centred over a wide column of right-aligned figures;
        // any word, where the zone's lines print no label at all, as a 三公 table's one row).
        // A lone character is a piece of a letter-spaced label (`科   目   名   称`).
        let texts = self.body.iter().flat_map(|b| b.items.iter().filter(|i| i.kind == Kind::Text));
        let labels_end = texts.filter(|i| self.value_zone(i.word.start) == zone).map(|i| i.word.end).max();
        let clear_of_labels =
            |s: &Stack| s.end >= s.start + 2 && !s.names_labels() && labels_end.is_none_or(|end| s.start > end + 2);
        let over_figures = |s: &Stack| s.end + 2 > first_left || clear_of_labels(s);
        stacks.iter().filter(|s| self.value_zone(s.start) == zone && over_figures(s) && !over_codes(s)).collect()
    }

    /// The reference page's clusters; figures of one column printed a few places apart merged
    /// into as many columns as the header shows.
    fn merged_clusters(&self, zone: usize, reference: &Reference, zone_stacks: &[&Stack]) -> Vec<Cluster> {
        let mut data: Vec<Cluster> = reference.page_clusters[reference.segment].clone();
        let per_line = self
            .body
            .iter()
            .filter(|b| b.segment == reference.segment)
            .map(|b| b.items.iter().filter(|i| i.kind == Kind::Number && self.value_zone(i.word.start) == zone).count())
            .max()
            .unwrap_or(0);
        if !zone_stacks.is_empty() {
            let target = zone_stacks.len().max(per_line);
            while data.len() > target {
                let Some(i) = (0..data.len() - 1).min_by_key(|i| data[i + 1].low.saturating_sub(data[*i].right)) else {
                    break;
                };
                let next = data.remove(i + 1);
                data[i].right = next.right;
                data[i].left = data[i].left.min(next.left);
                data[i].edges.extend(next.edges);
            }
        }
        data
    }

    /// Each page's clusters of a zone mapped onto its columns: by the page's repeated header, by
    /// position, in order, or as the last page alike; else the page cannot be read.
    fn map_pages(
        &self,
        zone: usize,
        reference: &Reference,
        data: &[Cluster],
        data_column: &[usize],
        layout: &mut Layout,
    ) -> Result<(), Misalignment> {
        // Which of the reference page's columns each of its lines fills, in order, for the
        // pages after it that cannot be placed by position (worked out only for those).
        let patterns = || -> Vec<Vec<usize>> {
            self.body
                .iter()
                .filter(|b| b.segment == reference.segment)
                .map(|b| {
                    let figures =
                        b.items.iter().filter(|i| i.kind == Kind::Number && self.value_zone(i.word.start) == zone);
                    figures.filter_map(|i| data.iter().position(|c| c.edges.contains(&i.word.end))).collect()
                })
                .collect()
        };
        let ref_offset = self.offset(reference.segment);
        let spans: Vec<(isize, isize)> =
            data.iter().map(|c| (c.low as isize - ref_offset, c.right as isize - ref_offset)).collect();
        for (segment, found) in reference.page_clusters.iter().enumerate() {
            if found.is_empty() {
                continue;
            }
            let shift = self.offset(segment);
            let rights: Vec<isize> = found.iter().map(|c| c.right as isize - shift).collect();
            let first_words: Vec<(&str, Option<usize>)> = self
                .header_lines
                .iter()
                .flat_map(|l| {
                    l.words.iter().map(|w| {
                        let col = layout.header_cells.iter().find(|(at, _)| *at == (l.no, w.start)).map(|(_, c)| *c);
                        (w.text.as_str(), col)
                    })
                })
                .collect();
            let page_words: Vec<&Word> =
                self.repeated.iter().filter(|(s, _)| *s == segment).flat_map(|(_, ws)| ws.iter()).collect();
            if let Some(cols) = columns_by_page_header(found, &page_words, &first_words) {
                let pairs = found.iter().zip(cols).map(|(c, col)| (c.edges.clone(), col)).collect();
                layout.clusters.push(((segment, zone), pairs));
                continue;
            }
            let mapping =
                // Two columns of a page landing on one column of the reference page mean the
                // page moved; the shift that keeps them apart is the better reading.
                match map_clusters(&rights, &spans, 6) {
                    Some(m) if m.windows(2).all(|p| p[0] < p[1]) => Some(m),
                    near => shifted_page(&rights, &spans).or(near),
                }
                // As many columns as the reference page, however far they moved: in order.
                .or_else(|| (rights.len() == spans.len()).then(|| (0..spans.len()).collect()))
                .or_else(|| (reference.segment < segment).then(|| columns_of_last_alike(&patterns(), rights.len())).flatten())
                .ok_or_else(|| {
                    let line = self.body.iter().find(|b| b.segment == segment).map_or(0, |b| b.no);
                    Misalignment {
                        line,
                        detail_zh: "本页的金额列与表头对不上".into(),
                        detail_en: "the figures on this page do not line up with the table's columns".into(),
                    }
                })?;
            let pairs = found.iter().zip(mapping).map(|(c, m)| (c.edges.clone(), data_column[m])).collect();
            layout.clusters.push(((segment, zone), pairs));
        }
        Ok(())
    }
}

/// A zone's figure columns, one per header stack (a stack without figures an empty column in
/// its place), else one per cluster; returns each cluster's column.
fn value_columns(zone: usize, data: &[Cluster], zone_stacks: &[&Stack], layout: &mut Layout) -> Vec<usize> {
    let columns = &mut layout.columns;
    let first_col = columns.len();
    let mut data_column: Vec<usize> = vec![0; data.len()];
    match match_stacks(data, zone_stacks) {
        Some(of_stack) => {
            for (k, stack) in zone_stacks.iter().enumerate() {
                let col = columns.len();
                let head = Some((stack.start, stack.end));
                match of_stack.iter().position(|s| *s == k) {
                    Some(d) => {
                        data_column[d] = col;
                        let left = data[d].left.min(stack.start);
                        columns.push(Column { kind: ColumnKind::Value, left, right: data[d].right, zone, head });
                    }
                    None => columns.push(Column {
                        kind: ColumnKind::Value,
                        left: stack.start,
                        right: stack.end,
                        zone,
                        head,
                    }),
                }
                layout.header_cells.extend(stack.words.iter().map(|w| (*w, col)));
            }
        }
        None => {
            for (d, c) in data.iter().enumerate() {
                data_column[d] = first_col + d;
                columns.push(Column { kind: ColumnKind::Value, left: c.left, right: c.right, zone, head: None });
            }
        }
    }
    data_column
}

impl Layout {
    pub(super) fn measure(
        body: &[BodyLine],
        header_lines: &[&TableLine],
        repeated: &[(usize, Vec<Word>)],
    ) -> Result<Layout, Misalignment> {
        let m = Measuring::new(body, header_lines, repeated);
        let (stacks, group_words) = header_stacks(header_lines);
        let mut layout = Layout {
            columns: Vec::new(),
            zone_starts: m.zone_starts.clone(),
            clusters: Vec::new(),
            header_cells: Vec::new(),
            group_words,
        };
        for zone in 0..m.zone_starts.len() + 1 {
            if zone > 0 {
                m.push_label_columns(zone, &mut layout.columns);
            }
            let Some(reference) = m.reference_page(zone) else { continue };
            let zone_stacks = m.zone_stacks(zone, &reference, &stacks);
            let data = m.merged_clusters(zone, &reference, &zone_stacks);
            let data_column = value_columns(zone, &data, &zone_stacks, &mut layout);
            m.map_pages(zone, &reference, &data, &data_column, &mut layout)?;
        }
        Ok(layout)
    }

    fn value_zone(&self, start: usize) -> usize {
        self.zone_starts.iter().filter(|z| **z <= start).count()
    }

    pub(super) fn label_zone(&self, start: usize) -> usize {
        self.zone_starts.iter().rposition(|z| *z <= start + ZONE_GAP / 2).unwrap_or(0)
    }

    /// The column of a figure: its page's cluster containing its right edge.
    pub(super) fn value_column(&self, segment: usize, word: &Word) -> Option<usize> {
        let zone = self.value_zone(word.start);
        let (_, pairs) = self.clusters.iter().find(|(key, _)| *key == (segment, zone))?;
        pairs.iter().find(|(edges, _)| edges.contains(&word.end)).map(|(_, col)| *col)
    }

    pub(super) fn column_of_kind(&self, zone: usize, kind: ColumnKind) -> Option<usize> {
        self.columns.iter().position(|c| c.zone == zone && c.kind == kind && kind != ColumnKind::Value)
    }

    /// The first and last column a header word naming a group of columns stands over. Its territory
    /// reaches halfway to its neighbours on its line, mirrored where it has none on one side;
    /// a column belongs to it when the column's middle lies inside.
    pub(super) fn group_columns(&self, line: &[Word], word: &Word) -> Option<(usize, usize)> {
        let at = line.iter().position(|w| w.start == word.start)?;
        let centre2 = word.centre2() as isize;
        let left = at.checked_sub(1).and_then(|i| line.get(i)).map(|n| (n.end + word.start) as isize);
        let right = line.get(at + 1).map(|n| (word.end + n.start) as isize);
        let width2 = 2 * (word.end - word.start) as isize;
        let (low, high) = match (left, right) {
            (Some(l), Some(r)) => (l, r),
            (Some(l), None) => (l, 2 * centre2 - l),
            (None, Some(r)) => (2 * centre2 - r, r),
            (None, None) => (centre2 - 2 * width2, centre2 + 2 * width2),
        };
        let inside = |c: &Column| {
            let (left, right) = match (c.head, c.kind) {
                (Some(head), _) => head,
                (None, ColumnKind::Label) => (c.left, c.left + 8),
                (None, _) => (c.left, c.right),
            };
            let middle2 = (left + right) as isize;
            low <= middle2 && middle2 <= high
        };
        let first = self.columns.iter().position(inside)?;
        let last = self.columns.iter().rposition(inside)?;
        Some((first, last))
    }

    /// The column whose cell holds a header word: the last one starting at or before its centre.
    pub(super) fn header_column(&self, word: &Word) -> usize {
        let centre2 = word.centre2();
        let mut best = 0;
        for (i, c) in self.columns.iter().enumerate() {
            let left = match c.kind {
                ColumnKind::Value => c.left.saturating_sub(2),
                _ => c.left,
            };
            if 2 * left <= centre2 {
                best = i;
            }
        }
        best
    }
}
