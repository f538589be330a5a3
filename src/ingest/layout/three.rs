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
//! Anything outside that shape returns None and the general reading stands.

use super::grid::TableLine;
use super::words::{Item, Kind};
use crate::table::compact;

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
    let t = compact(text);
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
    let of = |k: Class| cells.iter().filter(move |c| class(&c.text) == k);
    let is_sub = |c: &Cell| {
        let t = compact(&c.text);
        t == "小计" || t.ends_with("购置费") || t.ends_with("运行费")
    };
    let items: Vec<&Cell> = of(Class::Item).collect();
    let split_vehicles = items.iter().any(|c| is_sub(c));
    let vehicles: Option<&Cell> = of(Class::Vehicles).next();
    let mut leaves: Vec<&Cell> = items.clone();
    if !split_vehicles {
        leaves.extend(of(Class::Vehicles));
    }
    leaves.sort_by_key(|c| c.centre2());
    // A 三公 header names at least the overseas and the reception items.
    let named = |p: &str| leaves.iter().any(|c| compact(&c.text).contains(p));
    if !(named("出国") && named("接待")) {
        return None;
    }
    let item_path = |c: &Cell| -> Vec<String> {
        let mut path = Vec::new();
        if split_vehicles && is_sub(c) {
            path.extend(vehicles.map(|v| v.text.clone()));
        }
        path.push(c.text.clone());
        path
    };
    let lowest_item = leaves.iter().map(|c| c.line).max()?;
    let measures_below: Vec<&Cell> = of(Class::Measure).filter(|c| c.line > lowest_item).collect();
    let titles: Vec<String> = of(Class::Title).map(|c| c.text.clone()).collect();

    if measures_below.len() > leaves.len() {
        // 预算数 / 决算数 under every item: each measure belongs to the item nearest it, every item
        // owns as many measures as the others, in order.
        if of(Class::Other).next().is_some() || of(Class::Measure).count() != measures_below.len() {
            return None;
        }
        let mut measures = measures_below;
        measures.sort_by_key(|c| c.start);
        let owner: Vec<usize> = measures.iter().map(|m| nearest(&leaves, m)).collect::<Option<_>>()?;
        let per = measures.len() / leaves.len();
        let even = (0..leaves.len()).all(|k| owner.iter().filter(|o| **o == k).count() == per);
        let names = |k: usize| -> Vec<&str> {
            measures.iter().zip(&owner).filter(|(_, o)| **o == k).map(|(m, _)| m.text.as_str()).collect()
        };
        if !even || owner.windows(2).any(|p| p[0] > p[1]) || (1..leaves.len()).any(|k| names(k) != names(0)) {
            return None;
        }
        return Some(
            measures
                .iter()
                .zip(owner)
                .map(|(m, o)| {
                    let mut path = titles.clone();
                    path.extend(item_path(leaves[o]));
                    path.push(m.text.clone());
                    ((m.start, m.end), path)
                })
                .collect(),
        );
    }

    // Items are the leaves; a title or a year's measure covers all of them, or, several on one
    // line, one series each (a series ends where its items begin again).
    let mut series: Vec<usize> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut current = 0;
    for c in &leaves {
        let t = compact(&c.text);
        if seen.contains(&t) {
            current += 1;
            seen.clear();
        }
        seen.push(t);
        series.push(current);
    }
    let runs = current + 1;
    // Every series names the same items in the same order (a second 小计 is not a new series).
    let texts = |s: usize| -> Vec<String> {
        leaves.iter().zip(&series).filter(|(_, k)| **k == s).map(|(c, _)| compact(&c.text)).collect()
    };
    if (1..runs).any(|s| texts(s) != texts(0)) {
        return None;
    }
    let mut groups: Vec<Vec<&Cell>> = Vec::new();
    for c in cells.iter().filter(|c| matches!(class(&c.text), Class::Title | Class::Measure)) {
        match groups.last_mut() {
            Some(g) if g.first().is_some_and(|f| f.line == c.line) => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    if groups.iter().any(|g| g.len() != 1 && g.len() != runs) {
        return None;
    }
    // Columns beside the 三公 stand alone: nothing printed under them.
    let others: Vec<&Cell> = of(Class::Other).collect();
    if others.iter().any(|o| cells.iter().any(|c| c.line > o.line && c.overlaps(o))) {
        return None;
    }
    let mut out: Vec<(usize, (usize, usize), Vec<String>)> = leaves
        .iter()
        .zip(&series)
        .map(|(c, s)| {
            let mut path: Vec<String> = groups
                .iter()
                .filter_map(|g| g.get(if g.len() == 1 { 0 } else { *s }))
                .map(|g| g.text.clone())
                .collect();
            path.extend(item_path(c));
            (c.centre2(), (c.start, c.end), path)
        })
        .collect();
    out.extend(others.iter().map(|o| (o.centre2(), (o.start, o.end), vec![o.text.clone()])));
    out.sort_by_key(|(centre, _, _)| *centre);
    Some(out.into_iter().map(|(_, at, path)| (at, path)).collect())
}

/// The index of the cell whose centre is nearest `cell`'s; None on a tie.
fn nearest(among: &[&Cell], cell: &Cell) -> Option<usize> {
    let distance = |c: &Cell| c.centre2().abs_diff(cell.centre2());
    let best = (0..among.len()).min_by_key(|k| distance(among[*k]))?;
    let tied = among.iter().enumerate().any(|(k, c)| k != best && distance(c) == distance(among[best]));
    (!tied).then_some(best)
}

/// Header rows and the one row of figures of a 三公 table whose body holds figures only; None
/// when the header is not a 三公 header read with confidence or a figure has no column of its own.
pub(super) fn read(header_lines: &[&TableLine], body: &[(usize, &[Item])]) -> Option<(Vec<LineCells>, LineCells)> {
    let columns = columns(header_lines)?;
    let leaves: Vec<Cell> = columns
        .iter()
        .map(|((start, end), _)| Cell { text: String::new(), line: 0, start: *start, end: *end })
        .collect();
    let leaf_refs: Vec<&Cell> = leaves.iter().collect();
    let mut figures = vec![String::new(); columns.len()];
    for (_, items) in body {
        for it in items.iter() {
            if it.kind != Kind::Number {
                return None;
            }
            let at = Cell { text: String::new(), line: 0, start: it.word.start, end: it.word.end };
            let slot = figures.get_mut(nearest(&leaf_refs, &at)?)?;
            if !slot.is_empty() {
                return None;
            }
            *slot = it.word.text.clone();
        }
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
