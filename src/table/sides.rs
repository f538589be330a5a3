//! The two halves of a 收入 | 支出 summary: which rows are grand totals, sections and lines, and
//! the bare names lines are matched by across tables.

use super::{bare_label, Side, Table};

/// The structure of one side of a summary table.
pub struct SideItems {
    pub side: Side,
    pub grand: Option<usize>,
    /// Top-level items (本年收入, 上年结转, …) with the lines under them.
    pub tops: Vec<(usize, Vec<usize>)>,
    /// Numbered items inside a trailing subtotal that have lines of their own (一、财政拨款收入
    /// over 一般公共预算收入 …, then 本年收入合计): each adds up by itself too.
    pub nested: Vec<(usize, Vec<usize>)>,
}

/// A line's name without any numbering, for matching names across tables: `一、…`, `（一）…`,
/// `(1)…`, `1.…`, `1、…` all give the bare name.
pub fn plain_name(label: &str) -> String {
    let c = strip_numbering(label);
    match numbering(&c) {
        (level, rest) if level > 0 && !rest.is_empty() => rest.to_string(),
        _ => c.clone(),
    }
}

/// A bare label's numbering and the name after it: 一、 1, （一） 2, 1、 or 1. 3, (1) 4; 0 and the
/// whole label when it is not numbered.
fn numbering(bare: &str) -> (usize, &str) {
    let chinese = |c: char| "一二三四五六七八九十".contains(c);
    let rest = bare.trim_start_matches(['（', '(']);
    let bracketed = rest.len() != bare.len();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit() || chinese(c)).len();
    let after = &rest[digits..];
    let name = if bracketed { after.strip_prefix(['）', ')']) } else { after.strip_prefix(['.', '．', '、']) };
    match (rest.chars().next(), name) {
        (Some(c), Some(name)) if digits > 0 => {
            let level = if chinese(c) { 1 } else { 3 } + usize::from(bracketed);
            (level, name)
        }
        _ => (0, bare),
    }
}

/// `一、一般公共服务支出` → `一般公共服务支出`, as a bare label: the numbering of top-level items.
fn strip_numbering(label: &str) -> String {
    let c = bare_label(label);
    match c.find('、') {
        Some(pos) if c[..pos].chars().all(|ch| "一二三四五六七八九十".contains(ch)) => {
            c[pos + '、'.len_utf8()..].to_string()
        }
        _ => c,
    }
}

impl SideItems {
    /// The first top-level item whose label contains `words` (本年收入, 本年支出), with its lines.
    pub fn section(&self, table: &Table, words: &str) -> Option<&(usize, Vec<usize>)> {
        self.tops.iter().find(|(top, _)| bare_label(&table.row_name(*top, Some(self.side))).contains(words))
    }

    /// The lines of the first section named by `words`, each line that heads lines of its own
    /// (一、财政拨款 over 1、一般公共服务支出 …) replaced by them: the items tables share by name.
    pub fn section_leaves(&self, table: &Table, words: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.section(table, words).map(|(_, lines)| lines.clone()).unwrap_or_default();
        stack.reverse();
        while let Some(row) = stack.pop() {
            match self.nested.iter().find(|(head, _)| *head == row) {
                // A section's lines stand below its head, so no line comes back.
                Some((_, under)) if under.iter().all(|&u| u > row) => stack.extend(under.iter().rev()),
                _ => out.push(row),
            }
        }
        out
    }
}

fn is_numbered(label: &str) -> bool {
    strip_numbering(label) != bare_label(label)
}

fn is_grand(label: &str) -> bool {
    let l = strip_numbering(label);
    l.contains("总计") || matches!(l.as_str(), "收入合计" | "支出合计" | "合计")
}

fn is_top(label: &str) -> bool {
    is_numbered(label) || names_section(label)
}

/// A section by its words (本年收入, 上年结转, …), numbered or not.
fn names_section(label: &str) -> bool {
    let l = strip_numbering(label);
    ["本年收入", "本年支出", "当年收入", "当年支出", "结转", "结余", "用事业基金弥补", "事业基金"]
        .iter()
        .any(|w| l.contains(w))
}

impl Table {
    /// Whether the table is a 收入 | 支出 summary, its columns in two halves.
    pub fn has_sides(&self) -> bool {
        self.columns.iter().any(|c| c.side.is_some())
    }

    /// The sides a row identity runs along: both halves of a summary, else the whole row.
    pub fn sides(&self) -> Vec<Option<Side>> {
        if self.has_sides() {
            vec![Some(Side::Income), Some(Side::Expenditure)]
        } else {
            vec![None]
        }
    }

    /// Reads a side's items in order: header-first sections (一、本年收入 then its lines) and
    /// trailing subtotals (lines then 本年收入合计) are both common. In the 决算 总表 the lines
    /// themselves are numbered (一、一般公共预算财政拨款收入 … 八、其他收入, then 本年收入合计), and
    /// numbered lines under an unnumbered section (年初财政拨款结转和结余: 一、一般公共预算财政拨款 …)
    /// belong to that section.
    pub fn side_items(&self, side: Side) -> SideItems {
        let table = self;
        let mut items = SideItems { side, grand: None, tops: Vec::new(), nested: Vec::new() };
        let mut pending: Vec<usize> = Vec::new();
        let mut open: Option<usize> = None;
        // Index into `tops` where the items after the last trailing subtotal begin.
        let mut since_subtotal = 0;
        for row in table.data_rows() {
            let label = table.row_name(row, Some(side));
            if label.is_empty() {
                continue;
            }
            if is_grand(&label) {
                items.grand = Some(row);
                // A grand total printed first (合计 above its lines, Chongqing 市级) heads the side.
                if items.tops.is_empty() && pending.is_empty() {
                    continue;
                }
                break;
            }
            let open_unnumbered = open.filter(|&i| !is_numbered(&table.row_name(items.tops[i].0, Some(side))));
            if let (Some(i), true) = (open_unnumbered, is_numbered(&label)) {
                items.tops[i].1.push(row);
            } else if is_top(&label) {
                let subtotal = bare_label(&label).ends_with("合计") || bare_label(&label).ends_with("小计");
                // Numbered items since the last subtotal, each a line or a section of lines of its
                // own, but none a section by its words (一、本年收入 heads its own lines).
                let numbered_run = items.tops[since_subtotal..].iter().all(|(r, lines)| {
                    let name = table.row_name(*r, Some(side));
                    is_numbered(&name) && (lines.is_empty() || !names_section(&name))
                }) && since_subtotal < items.tops.len();
                if subtotal && !pending.is_empty() {
                    items.tops.push((row, std::mem::take(&mut pending)));
                    open = None;
                } else if subtotal && numbered_run && pending.is_empty() {
                    let drained: Vec<(usize, Vec<usize>)> = items.tops.drain(since_subtotal..).collect();
                    let lines = drained.iter().map(|(r, _)| *r).collect();
                    items.nested.extend(drained.into_iter().filter(|(_, lines)| !lines.is_empty()));
                    items.tops.push((row, lines));
                    open = None;
                } else {
                    items.tops.extend(pending.drain(..).map(|r| (r, Vec::new())));
                    items.tops.push((row, Vec::new()));
                    open = Some(items.tops.len() - 1);
                }
                if subtotal {
                    since_subtotal = items.tops.len();
                }
            } else if let Some(i) = open {
                items.tops[i].1.push(row);
            } else {
                pending.push(row);
            }
        }
        items.tops.extend(pending.into_iter().map(|r| (r, Vec::new())));
        let name = |row: usize| table.row_name(row, Some(side));
        let mut deeper = Vec::new();
        for (_, lines) in items.tops.iter_mut().chain(items.nested.iter_mut()) {
            let (first, nested) = by_level(lines, name);
            *lines = first;
            deeper.extend(nested);
        }
        items.nested.extend(deeper);
        items
    }
}

/// How deep a line's numbering goes (see [`numbering`]; unnumbered 0); a 其中 line none (it is a
/// part of the line above, never one more line).
fn numbering_level(label: &str) -> Option<usize> {
    let l = bare_label(label);
    (!l.starts_with("其中")).then(|| numbering(&l).0)
}

/// A section's lines as they add up: its 其中 lines left out and, when every line is numbered
/// on more than one level (1、财政拨款 over (1)一般公共预算拨款), only the first level; each such
/// line with deeper lines under it is a section of its own.
fn by_level(lines: &[usize], name: impl Fn(usize) -> String) -> (Vec<usize>, Vec<(usize, Vec<usize>)>) {
    let levelled: Vec<(usize, usize)> =
        lines.iter().filter_map(|&r| numbering_level(&name(r)).map(|level| (r, level))).collect();
    let top = levelled.iter().map(|(_, level)| *level).min().unwrap_or(0);
    let deeper = levelled.iter().any(|(_, level)| *level > top);
    if top == 0 || !deeper {
        return (levelled.into_iter().map(|(r, _)| r).collect(), Vec::new());
    }
    let mut first: Vec<(usize, Vec<usize>)> = Vec::new();
    for (row, level) in levelled {
        match first.last_mut() {
            Some((_, under)) if level > top => under.push(row),
            _ => first.push((row, Vec::new())),
        }
    }
    let rows = first.iter().map(|(r, _)| *r).collect();
    (rows, first.into_iter().filter(|(_, under)| !under.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    use super::{by_level, numbering_level, plain_name};

    #[test]
    fn a_section_adds_up_its_first_level_of_numbered_lines() {
        let names =
            ["1、财政拨款", "(1)一般公共预算拨款", "其中：专项资金", "(2)政府性基金拨款", "2、事业收入", "3、其他收入"];
        assert_eq!(names.map(numbering_level), [Some(3), Some(4), None, Some(4), Some(3), Some(3)]);
        let rows: Vec<usize> = (0..names.len()).collect();
        let (first, nested) = by_level(&rows, |r| names[r].to_string());
        assert_eq!(first, [0, 4, 5]);
        assert_eq!(nested, [(0, vec![1, 3])]);
        // Unnumbered lines say nothing of levels: all of them count, 其中 aside.
        let plain = ["工资福利支出", "其中：基本工资", "商品和服务支出"];
        assert_eq!(by_level(&[0, 1, 2], |r| plain[r].to_string()), (vec![0, 2], Vec::new()));
    }

    #[test]
    fn numbering_is_removed_from_names() {
        for label in [
            "一、一般公共服务支出",
            "（一）一般公共服务支出",
            "(1)一般公共服务支出",
            "1.一般公共服务支出",
            "1、一般公共服务支出",
        ] {
            assert_eq!(plain_name(label), "一般公共服务支出", "{label}");
        }
        assert_eq!(plain_name("一般公共服务支出"), "一般公共服务支出");
        assert_eq!(plain_name("2025年预算"), "2025年预算");
    }
}
