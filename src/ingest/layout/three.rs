//! The header of a “三公” table, read by what its words name rather than by where the general
//! column reading would put them.
//!
//! These headers stack three kinds of words whose printed positions do not line up with their
//! PDF cells: items (合计, 因公出国(境)费, 公务用车购置及运行费 over 小计/购置费/运行费, 公务接待费),
//! measures (预算数 / 决算数 under each item, or a year's 预算数 over all of them) and titles
//! (`财政拨款“三公”经费`). Items are often printed off-centre (01 prints 合计 over the 决算数 of its
//! pair) and letter-spaced (`小   计`), so the general reading placed them over the wrong columns.
//! Here each figure column is one leaf (an item, or a measure under an item), the items own the
//! measures nearest them, and titles and year measures cover the series of items beneath them.
//! Each figure goes to the leaf nearest it or, where figures all stand a few places off their
//! header words (07), to the leaf at a constant offset, keeping their order.
//! Anything outside that shape returns None and the general reading stands.

use super::grid::TableLine;
use super::words::{Item, Kind};
use crate::table::bare_label;

/// A header cell: words of one PDF cell joined (letter-spaced or wrapped).
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    line: usize,
    start: usize,
    end: usize,
}

impl Cell {
    fn centre2(&self) -> usize {
        self.start + self.end
    }

    fn overlaps(&self, other: &Cell) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    /// `财政拨款“三公”经费`, `“三公”经费预算数`: over every item.
    Title,
    /// `预算数`, `决算数`, `2026年预算数`.
    Measure,
    /// 公务用车购置及运行费: over 小计 / 购置费 / 运行费 when the table splits it.
    Vehicles,
    Item,
    /// 机关运行经费, 会议费 …: a column beside the 三公, outside their total.
    Other,
}

fn class(text: &str) -> Class {
    let t = bare_label(text);
    let has = |p: &str| t.contains(p);
    if has("三公") {
        Class::Title
    } else if has("公务用车") && has("购置") && has("运行") {
        Class::Vehicles
    } else if has("机关") || has("会议") || has("培训") {
        Class::Other
    } else if ["合计", "出国", "接待", "公务用车", "小计"].iter().any(|p| has(p))
        || t.ends_with("购置费")
        || t.ends_with("运行费")
    {
        Class::Item
    } else if ["预算数", "决算数", "执行数"].iter().any(|e| t.ends_with(e)) {
        Class::Measure
    } else {
        Class::Other
    }
}

/// A cell whose text is a whole header term; others are the first part of a wrapped one.
fn complete(text: &str) -> bool {
    text.ends_with(['费', '计', '数'])
}

/// The header cells: letter-spaced characters (`合   计`, `因公出国 (境)费`) joined along
/// their line, wrapped terms (`公务用车购` over `置费`) joined down to the nearest cell under them.
fn cells(header_lines: &[&TableLine]) -> Option<Vec<Cell>> {
    let mut out: Vec<Cell> = Vec::new();
    for (line, l) in header_lines.iter().enumerate() {
        let first = out.len();
        for w in &l.words {
            let joins = out.len() > first
                && out.last().is_some_and(|last| {
                    w.start <= last.end + 4
                        && (last.text.chars().count() == 1
                            || w.text.chars().count() == 1
                            || w.text.starts_with(['(', '（']))
                })
                && !out.last().is_some_and(|last| complete(&last.text) && last.text.chars().count() > 1);
            match out.last_mut() {
                Some(last) if joins => {
                    last.text.push_str(&w.text);
                    last.end = w.end;
                }
                _ => out.push(Cell { text: w.text.clone(), line, start: w.start, end: w.end }),
            }
        }
    }
    let mut i = 0;
    while i < out.len() {
        if complete(&out[i].text) {
            i += 1;
            continue;
        }
        let upper = out[i].clone();
        let below = (upper.line + 1..=upper.line + 3)
            .find_map(|line| out.iter().position(|c| c.line == line && c.overlaps(&upper)))?;
        let lower = &mut out[below];
        lower.text = format!("{}{}", upper.text, lower.text);
        lower.start = lower.start.min(upper.start);
        lower.end = lower.end.max(upper.end);
        out.remove(i);
        i = 0;
    }
    Some(out)
}

/// A table row: the number of its first line and its cells.
type LineCells = (usize, Vec<String>);

/// Figure columns, left to right: where each one's leaf is printed and its header path.
type Columns = Vec<((usize, usize), Vec<String>)>;

/// The columns a 三公 header names, None when the header is not one or its shape is unclear.
fn columns(header_lines: &[&TableLine]) -> Option<Columns> {
    let mut cells = cells(header_lines)?;
    // A caption (`单位名称：…`, `单位：万元`) left among the header words: its shape is not clear.
    if cells.iter().any(|c| c.text.contains(['：', ':'])) {
        return None;
    }
    cells.sort_by_key(|c| (c.line, c.start));
    let header = Header::of(&cells)?;
    let lowest_item = header.leaves.iter().map(|c| c.line).max()?;
    let measures_below: Vec<&Cell> = header.of_class(Class::Measure).filter(|c| c.line > lowest_item).collect();
    if measures_below.len() > header.leaves.len() {
        header.measure_columns(measures_below)
    } else {
        header.series_columns()
    }
}

/// A 三公 header's cells, sorted by line and place, and its items: the leaves the figures stand
/// under (the vehicle total split into 小计/购置费/运行费 or not).
struct Header<'a> {
    cells: &'a [Cell],
    leaves: Vec<&'a Cell>,
    split_vehicles: bool,
    vehicles: Option<&'a Cell>,
}

/// A split vehicle total's parts: 小计, …购置费, …运行费.
fn is_vehicle_part(c: &Cell) -> bool {
    let t = bare_label(&c.text);
    t == "小计" || t.ends_with("购置费") || t.ends_with("运行费")
}

impl<'a> Header<'a> {
    /// The header's items; None unless it names at least the overseas and the reception items.
    fn of(cells: &'a [Cell]) -> Option<Header<'a>> {
        let items: Vec<&Cell> = cells.iter().filter(|c| class(&c.text) == Class::Item).collect();
        let split_vehicles = items.iter().any(|c| is_vehicle_part(c));
        let vehicles = cells.iter().find(|c| class(&c.text) == Class::Vehicles);
        let mut leaves = items;
        if !split_vehicles {
            leaves.extend(cells.iter().filter(|c| class(&c.text) == Class::Vehicles));
        }
        leaves.sort_by_key(|c| c.centre2());
        let named = |p: &str| leaves.iter().any(|c| bare_label(&c.text).contains(p));
        (named("出国") && named("接待")).then_some(Header { cells, leaves, split_vehicles, vehicles })
    }

    /// The header's cells of one class.
    fn of_class(&self, k: Class) -> impl Iterator<Item = &'a Cell> {
        self.cells.iter().filter(move |c| class(&c.text) == k)
    }

    /// An item's path: the vehicle total over its parts, then the item.
    fn item_path(&self, c: &Cell) -> Vec<String> {
        let mut path = Vec::new();
        if self.split_vehicles && is_vehicle_part(c) {
            path.extend(self.vehicles.map(|v| v.text.clone()));
        }
        path.push(c.text.clone());
        path
    }

    /// 预算数 / 决算数 under every item: each measure belongs to the item nearest it, every item
    /// owns as many measures as the others, in order.
    fn measure_columns(&self, mut measures: Vec<&Cell>) -> Option<Columns> {
        let leaves = &self.leaves;
        if self.of_class(Class::Other).next().is_some() || self.of_class(Class::Measure).count() != measures.len() {
            return None;
        }
        measures.sort_by_key(|c| c.start);
        let centres: Vec<usize> = leaves.iter().map(|c| c.centre2()).collect();
        let owner: Vec<usize> = measures.iter().map(|m| nearest(&centres, m.centre2())).collect::<Option<_>>()?;
        let per = measures.len() / leaves.len();
        let even = (0..leaves.len()).all(|k| owner.iter().filter(|o| **o == k).count() == per);
        let names = |k: usize| -> Vec<&str> {
            measures.iter().zip(&owner).filter(|(_, o)| **o == k).map(|(m, _)| m.text.as_str()).collect()
        };
        if !even || owner.windows(2).any(|p| p[0] > p[1]) || (1..leaves.len()).any(|k| names(k) != names(0)) {
            return None;
        }
        let titles: Vec<String> = self.of_class(Class::Title).map(|c| c.text.clone()).collect();
        let column = |(m, o): (&&Cell, usize)| {
            let mut path = titles.clone();
            path.extend(self.item_path(leaves[o]));
            path.push(m.text.clone());
            ((m.start, m.end), path)
        };
        Some(measures.iter().zip(owner).map(column).collect())
    }

    /// Items are the leaves; a title or a year's measure covers all of them, or, several on one
    /// line, one series each (a series ends where its items begin again).
    fn series_columns(&self) -> Option<Columns> {
        let (series, runs) = self.series()?;
        let groups = self.groups(runs)?;
        // Columns beside the 三公 stand alone: nothing printed under them.
        let others: Vec<&Cell> = self.of_class(Class::Other).collect();
        if others.iter().any(|o| self.cells.iter().any(|c| c.line > o.line && c.overlaps(o))) {
            return None;
        }
        let mut out: Vec<(usize, (usize, usize), Vec<String>)> = self
            .leaves
            .iter()
            .zip(&series)
            .map(|(c, s)| {
                let over = groups.iter().filter_map(|g| g.get(if g.len() == 1 { 0 } else { *s }));
                let mut path: Vec<String> = over.map(|g| g.text.clone()).collect();
                path.extend(self.item_path(c));
                (c.centre2(), (c.start, c.end), path)
            })
            .collect();
        out.extend(others.iter().map(|o| (o.centre2(), (o.start, o.end), vec![o.text.clone()])));
        out.sort_by_key(|(centre, _, _)| *centre);
        Some(out.into_iter().map(|(_, at, path)| (at, path)).collect())
    }

    /// Each leaf's series and how many series there are; None unless every series names the
    /// same items in the same order (a second 小计 is not a new series).
    fn series(&self) -> Option<(Vec<usize>, usize)> {
        let mut series: Vec<usize> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut current = 0;
        for c in &self.leaves {
            let t = bare_label(&c.text);
            if seen.contains(&t) {
                current += 1;
                seen.clear();
            }
            seen.push(t);
            series.push(current);
        }
        let runs = current + 1;
        let texts = |s: usize| -> Vec<String> {
            self.leaves.iter().zip(&series).filter(|(_, k)| **k == s).map(|(c, _)| bare_label(&c.text)).collect()
        };
        (!(1..runs).any(|s| texts(s) != texts(0))).then_some((series, runs))
    }

    /// The titles and measures over the items, line by line: one over all series or one per series.
    fn groups(&self, runs: usize) -> Option<Vec<Vec<&'a Cell>>> {
        let mut groups: Vec<Vec<&Cell>> = Vec::new();
        for c in self.cells.iter().filter(|c| matches!(class(&c.text), Class::Title | Class::Measure)) {
            match groups.last_mut() {
                Some(g) if g.first().is_some_and(|f| f.line == c.line) => g.push(c),
                _ => groups.push(vec![c]),
            }
        }
        (!groups.iter().any(|g| g.len() != 1 && g.len() != runs)).then_some(groups)
    }
}

/// The index of the centre (doubled, like [`Cell::centre2`]) nearest `at`; None on a tie.
fn nearest(centres: &[usize], at: usize) -> Option<usize> {
    let distance = |k: usize| centres.get(k).map(|c| c.abs_diff(at));
    let best = (0..centres.len()).min_by_key(|k| distance(*k))?;
    let tied = (0..centres.len()).any(|k| k != best && distance(k) == distance(best));
    (!tied).then_some(best)
}

/// How far a figure may stand from where a constant offset puts it: three places (six in doubled
/// centres), room for a figure one or two digits wider or narrower than its neighbours.
const SLACK2: usize = 6;

/// The leaf of each figure (doubled centres, left to right, no two figures over one another): the
/// nearest one when that keeps them in order and apart; else the placement at a constant offset.
fn placement(leaves: &[usize], figures: &[usize]) -> Option<Vec<usize>> {
    let nearest: Option<Vec<usize>> = figures.iter().map(|f| nearest(leaves, *f)).collect();
    match nearest {
        Some(n) if n.windows(2).all(|p| p[0] < p[1]) => Some(n),
        _ => shifted_placement(leaves, figures),
    }
}

/// 07 prints every figure a few places right of its header word, so some figures stand nearer a
/// neighbour's leaf than their own. Its figures keep their order and all stand about equally far
/// from their leaves: for each offset some figure has from some leaf, the order-keeping placement
/// nearest that offset is found; the best is taken when it is clearly best (costing less than half
/// any other placement), else the figures are not read.
fn shifted_placement(leaves: &[usize], figures: &[usize]) -> Option<Vec<usize>> {
    let offset = |f: &usize, l: &usize| *f as isize - *l as isize;
    let mut shifts: Vec<isize> = figures.iter().flat_map(|f| leaves.iter().map(move |l| offset(f, l))).collect();
    shifts.sort_unstable();
    shifts.dedup();
    let mut fits: Vec<(usize, Vec<usize>)> = shifts.into_iter().filter_map(|s| fit(leaves, figures, s)).collect();
    // Each placement at its least cost: the first of its kind once sorted by cost.
    fits.sort();
    let mut distinct: Vec<(usize, Vec<usize>)> = Vec::new();
    for f in fits {
        if !distinct.iter().any(|d| d.1 == f.1) {
            distinct.push(f);
        }
    }
    match distinct.as_slice() {
        [(_, only)] => Some(only.clone()),
        [(best, placed), (next, _), ..] if 2 * best < *next => Some(placed.clone()),
        _ => None,
    }
}

/// The order-keeping placement of `figures` on `leaves` whose figures stand, in total, least far
/// from `shift` right of their leaves, with that total; None when a figure stands more than
/// [`SLACK2`] off or there are more figures than leaves.
fn fit(leaves: &[usize], figures: &[usize], shift: isize) -> Option<(usize, Vec<usize>)> {
    let (n, m) = (figures.len(), leaves.len());
    if n > m {
        return None;
    }
    let cost = |i: usize, j: usize| (figures[i] as isize - leaves[j] as isize - shift).unsigned_abs();
    // least[i][j]: the least cost of placing the first i figures on the first j leaves, in order.
    let mut least = vec![vec![usize::MAX; m + 1]; n + 1];
    least[0].fill(0);
    for i in 1..=n {
        for j in i..=m {
            let take = least[i - 1][j - 1].saturating_add(cost(i - 1, j - 1));
            least[i][j] = least[i][j - 1].min(take);
        }
    }
    // Walk back: figure i-1 skips leaf j-1 when the first j-1 leaves place the first i as cheaply.
    let mut placed = vec![0; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if j > i && least[i][j] == least[i][j - 1] {
            j -= 1;
        } else {
            placed[i - 1] = j - 1;
            i -= 1;
            j -= 1;
        }
    }
    (0..n).all(|i| cost(i, placed[i]) <= SLACK2).then(|| (least[n][m], placed))
}

/// Header rows and the one row of figures of a 三公 table whose body holds figures only; None
/// when the header is not a 三公 header read with confidence or a figure has no column of its own.
pub(super) fn read(header_lines: &[&TableLine], body: &[(usize, &[Item])]) -> Option<(Vec<LineCells>, LineCells)> {
    let columns = columns(header_lines)?;
    let leaves: Vec<usize> = columns.iter().map(|((start, end), _)| start + end).collect();
    let mut printed: Vec<&Item> = body.iter().flat_map(|(_, items)| items.iter()).collect();
    if printed.iter().any(|it| it.kind != Kind::Number) {
        return None;
    }
    printed.sort_by_key(|it| it.word.start);
    // Figures standing over one another are rows of their own, which this reading does not take.
    if printed.windows(2).any(|p| p[1].word.start < p[0].word.end) {
        return None;
    }
    let at: Vec<usize> = printed.iter().map(|it| it.word.centre2()).collect();
    let mut figures = vec![String::new(); columns.len()];
    for (it, leaf) in printed.iter().zip(placement(&leaves, &at)?) {
        *figures.get_mut(leaf)? = it.word.text.clone();
    }
    while figures.last().is_some_and(|f| f.is_empty()) {
        figures.pop();
    }
    let first_line = body.first()?.0;
    let depth = columns.iter().map(|(_, p)| p.len()).max()?;
    let header = (0..depth)
        .map(|r| {
            let no = header_lines.get(r).or(header_lines.last()).map_or(0, |l| l.no);
            let cells = columns.iter().map(|(_, p)| p.get(r).or(p.last()).cloned().unwrap_or_default()).collect();
            (no, cells)
        })
        .collect();
    Some((header, (first_line, figures)))
}
