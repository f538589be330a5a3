//! From the lines of one table in `pdftotext -layout` text to header rows and data rows.
//!
//! Rows are anchored on their labels (codes, names); figures go to columns by where their right
//! edge stands, clustered page by page; a figure printed on a line of its own joins the nearest
//! row that has room for it; lines of text alone continue a wrapped name. Whatever cannot be
//! placed without guessing is reported as a [`Misalignment`] instead of being placed anyway.

use super::words::{items, Item, Kind, Word};
use crate::ingest::Misalignment;

/// One line of a table region; `words` is empty for a blank line.
#[derive(Debug, Clone)]
pub(super) struct TableLine {
    pub no: usize,
    /// The line starts a new page (pdftotext prints a form feed).
    pub page_break: bool,
    pub words: Vec<Word>,
}

/// A table read off its lines.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Grid {
    pub header: Vec<(usize, Vec<String>)>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub notes: Vec<String>,
    pub problem: Option<Misalignment>,
    /// Index of the first line after the table (prose, or the end).
    pub consumed: usize,
}

/// Labels whose row is a total even without a code or a number.
fn is_total_label(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(t.as_str(), "合计" | "总计" | "小计") || t.ends_with("合计") || t.ends_with("总计")
}

/// `一、`, `（一）`, `(一)`, `1.`, `1、`: the label opens a new row.
fn starts_enumerated(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let numerals = "一二三四五六七八九十";
    match first {
        Some('（' | '(') => chars.next().is_some_and(|c| numerals.contains(c) || c.is_ascii_digit()),
        Some(c) if numerals.contains(c) => text.chars().take(4).any(|c| c == '、'),
        Some(c) if c.is_ascii_digit() => {
            text.chars().find(|c| !c.is_ascii_digit()).is_some_and(|c| "、.．".contains(c))
        }
        _ => false,
    }
}

fn compact(words: &[Word]) -> String {
    words.iter().map(|w| w.text.as_str()).collect()
}

/// `收入   支出` (or `本年收入   本年支出`, `财政拨款收入   财政拨款支出`) over the two halves of a
/// 收入 | 支出 table.
fn is_side_line(words: &[Word]) -> bool {
    words.len() == 2 && words.iter().all(|w| side_of(&w.text).is_some())
}

/// The half a side word names, as recognition reads it: `收入` or `支出`.
fn side_of(text: &str) -> Option<&'static str> {
    let bare = ["本年", "财政拨款"].iter().fold(text, |t, p| t.strip_prefix(p).unwrap_or(t));
    match bare {
        "收入" => Some("收入"),
        "支出" => Some("支出"),
        _ => None,
    }
}

/// 类 / 款 / 项 printed over the split code columns.
/// 类, 款 or 项 over a split code column: no column name.
fn is_code_level_word(line: &[Word], word: &Word) -> bool {
    matches!(word.text.as_str(), "类" | "款" | "项")
        && line.iter().filter(|w| matches!(w.text.as_str(), "类" | "款" | "项")).count() >= 2
}

fn is_code_level_line(words: &[Word]) -> bool {
    words.len() >= 2 && words.iter().all(|w| matches!(w.text.as_str(), "类" | "款" | "项"))
}

/// Prose after a table: sentences, or the heading of the next part of the document.
fn is_prose(words: &[Word]) -> bool {
    let text = compact(words);
    let long_sentence =
        words.iter().any(|w| w.text.chars().count() >= 12 && (w.text.contains('，') || w.text.contains(',')))
            && !words.iter().any(|w| super::words::is_number(&w.text));
    // A heading of the explanations that follow (`其他相关情况说明`).
    let heading = words.len() == 1 && text.ends_with("说明") && text.chars().count() >= 4;
    text.contains('。') || long_sentence || heading || (text.starts_with('第') && text.contains("部分"))
}

fn is_note(words: &[Word]) -> bool {
    let text = compact(words);
    ["注：", "注:", "备注", "（注", "(注", "说明："].iter().any(|p| text.starts_with(p))
}

fn is_page_junk(words: &[Word]) -> bool {
    let text = compact(words);
    let page_number = words.len() == 1
        && words[0].start >= 8
        && text.chars().count() <= 3
        && text.chars().all(|c| c.is_ascii_digit());
    page_number
        || text.starts_with("续表")
        || text.starts_with("单位名称")
        || text.starts_with("部门名称")
        || crate::unit::Unit::from_caption(&text).is_some() && text.chars().count() <= 12
}

/// A line holds figures, a code at its start, or a total label alone: the table body began.
fn is_data_line(line_items: &[Item]) -> bool {
    // Decimals broken off a figure (`.85`) show a figure too.
    let number = line_items.iter().any(|i| {
        (i.kind == Kind::Number && (i.word.text.contains('.') || i.word.text.contains(','))) || i.kind == Kind::Decimals
    });
    let code_first = line_items.first().is_some_and(|i| i.kind == Kind::Code);
    let texts: Vec<&Item> = line_items.iter().filter(|i| i.kind == Kind::Text).collect();
    let lone_total = texts.len() == 1 && is_total_label(&texts[0].word.text);
    number || code_first || lone_total
}

/// What a body line holds, in column terms.
#[derive(Debug, Clone)]
struct BodyLine {
    index: usize,
    no: usize,
    segment: usize,
    items: Vec<Item>,
}

/// Reads the table whose lines are `lines` (everything after its caption).
pub(super) fn read_table(lines: &[TableLine]) -> Grid {
    let mut grid = Grid::default();
    let Some(mut first_data) = lines.iter().position(|l| is_data_line(&items(&l.words))) else {
        // No body: a caption and a header only, or notes.
        grid.consumed = lines.len();
        for l in lines {
            if is_note(&l.words) || (!grid.notes.is_empty() && !l.words.is_empty()) {
                grid.notes.push(join_words(&l.words));
            }
        }
        return grid;
    };
    // The first row's name printed on the line above its code (`一般公共服务` over `201  264.87`).
    let first_items = lines.get(first_data).map(|l| items(&l.words)).unwrap_or_default();
    let nameless_code =
        first_items.first().is_some_and(|i| i.kind == Kind::Code) && !first_items.iter().any(|i| i.kind == Kind::Text);
    let above_is_name = first_data
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .is_some_and(|l| !l.words.is_empty() && items(&l.words).iter().all(|i| i.kind == Kind::Text));
    // The first figure's whole part printed on the line above its decimals (`13` over `.85`).
    let decimals_first = first_items.iter().any(|i| i.kind == Kind::Decimals);
    let above_is_figure = first_data
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .is_some_and(|l| items(&l.words).iter().any(|i| i.kind == Kind::Number));
    if (nameless_code && above_is_name) || (decimals_first && above_is_figure) {
        first_data -= 1;
    }
    let header_owned: Vec<TableLine> = lines[..first_data]
        .iter()
        .filter(|l| !l.words.is_empty() && !is_note(&l.words))
        .map(|l| TableLine { words: join_spaced_terms(&l.words), ..l.clone() })
        .collect();
    let header_lines: Vec<&TableLine> = header_owned.iter().collect();
    let header_texts: Vec<String> =
        header_lines.iter().filter(|l| l.words.len() >= 2).map(|l| compact(&l.words)).collect();
    let header_words: Vec<&str> = header_lines.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())).collect();

    // Body lines, page junk and repeated headers dropped, pages counted.
    let mut body: Vec<BodyLine> = Vec::new();
    let mut segment = 0;
    let mut repeated_header_at: Vec<(usize, Vec<Word>)> = Vec::new();
    let mut consumed = lines.len();
    let mut in_notes = false;
    let mut page_top: Option<usize> = None;
    for (index, line) in lines.iter().enumerate().skip(first_data) {
        if line.page_break && !body.is_empty() {
            segment += 1;
            page_top = Some(index);
        }
        if line.words.is_empty() {
            if in_notes {
                in_notes = false;
            }
            continue;
        }
        if is_note(&line.words) {
            grid.notes.push(join_words(&line.words));
            in_notes = true;
            continue;
        }
        let note_goes_on = grid.notes.last().is_some_and(|n| !n.ends_with('。'));
        if in_notes && note_goes_on && !is_prose(&line.words) {
            if let Some(last) = grid.notes.last_mut() {
                last.push_str(&join_words(&line.words));
            }
            continue;
        }
        if !grid.notes.is_empty() || is_prose(&line.words) {
            consumed = index;
            break;
        }
        let line_items = items(&line.words);
        let no_figures = !line_items.iter().any(|i| matches!(i.kind, Kind::Number | Kind::Code | Kind::Decimals));
        let text = compact(&line.words);
        // A page header repeated: whole header lines, or header words alone near the page top.
        let near_top = page_top.is_some_and(|top| index <= top + 8);
        let repeats_header = no_figures
            && (line.words.len() >= 2 || (near_top && text.chars().count() >= 3))
            && (header_texts.contains(&text) || line.words.iter().all(|w| header_words.contains(&w.text.as_str())));
        if repeats_header {
            if !body.is_empty() && body.last().is_some_and(|b| b.segment == segment) {
                segment += 1;
            }
            repeated_header_at.push((segment, join_spaced_terms(&line.words)));
            continue;
        }
        // A lone whole number with decimals under it is a figure, not a page number.
        let decimals_below = lines.get(index + 1).is_some_and(|next| {
            items(&next.words).iter().any(|i| {
                i.kind == Kind::Decimals
                    && line.words.iter().any(|w| i.word.start + 2 >= w.end && i.word.start <= w.end + 3)
            })
        });
        if (is_page_junk(&line.words) && !decimals_below) || is_code_level_line(&line.words) {
            continue;
        }
        body.push(BodyLine { index, no: line.no, segment, items: line_items });
    }
    grid.consumed = consumed;

    if let Err(problem) = join_split_decimals(&mut body) {
        grid.problem = Some(problem);
        return grid;
    }
    // A 三公 table: its header words name the figures by what they say, not where they stand.
    let figure_lines: Vec<(usize, &[Item])> = body.iter().map(|b| (b.no, b.items.as_slice())).collect();
    if let Some((header, row)) = super::three::read(&header_lines, &figure_lines) {
        grid.header = header;
        grid.rows = vec![row];
        return grid;
    }
    // Amounts carry decimals; a bare whole number of three digits or more among them is a code
    // that lost its place (`301   01      302`), and columns read from it would be wrong.
    let decimals = body.iter().flat_map(|b| &b.items).any(|i| i.kind == Kind::Number && i.word.text.contains('.'));
    let stray = body.iter().find_map(|b| {
        b.items
            .iter()
            .find(|i| {
                i.kind == Kind::Number && i.word.text.len() >= 3 && i.word.text.chars().all(|c| c.is_ascii_digit())
            })
            .map(|i| (b.no, i.word.text.clone()))
    });
    if let (true, Some((line, text))) = (decimals, stray) {
        grid.problem = Some(Misalignment {
            line,
            detail_zh: format!("金额中间夹着整数“{text}”（科目编码错位？）"),
            detail_en: format!("a whole number “{text}” stands among the amounts (a displaced subject code?)"),
        });
        return grid;
    }
    if let Some(part) = body.iter().find_map(|b| b.items.iter().find(|i| i.kind == Kind::CodePart).map(|_| b.no)) {
        grid.problem = Some(Misalignment {
            line: part,
            detail_zh: "科目编码的款、项与类不在同一行".into(),
            detail_en: "the parts of a subject code are printed on different lines".into(),
        });
        return grid;
    }

    let layout = match Layout::measure(&body, &header_lines, &repeated_header_at) {
        Ok(layout) => layout,
        Err(problem) => {
            grid.problem = Some(problem);
            return grid;
        }
    };
    // Codes on both sides name the rows of both halves (301 … ‖ 302 …), as a 收入 | 支出 line would.
    let coded_halves = layout.zone_starts.len() == 2
        && (0..2).all(|z| layout.columns.iter().filter(|c| c.kind == ColumnKind::Code && c.zone == z).count() == 1);
    if layout.columns.iter().filter(|c| c.kind == ColumnKind::Code).count() > 1 && !coded_halves {
        grid.problem = Some(Misalignment {
            line: body.first().map_or(0, |b| b.no),
            detail_zh: "左右两栏各有科目编码，暂不能按列读出".into(),
            detail_en: "subject codes in both halves of the page cannot be read column by column yet".into(),
        });
        return grid;
    }
    let side_line = header_lines.iter().any(|l| is_side_line(&l.words));
    let figures_between = layout.columns.iter().any(|c| c.kind == ColumnKind::Value && c.zone == 1);
    if layout.zone_starts.len() == 2 && figures_between && !side_line && !coded_halves {
        grid.problem = Some(Misalignment {
            line: body.first().map_or(0, |b| b.no),
            detail_zh: "两组标签列上方没有“收入 / 支出”，分不清两栏".into(),
            detail_en: "two label columns without a 收入 / 支出 line over them: the halves cannot be told apart".into(),
        });
        return grid;
    }
    if layout.zone_starts.len() > 2 {
        grid.problem = Some(Misalignment {
            line: body.first().map_or(0, |b| b.no),
            detail_zh: "表中有三组以上的标签列，无法按“收入｜支出”两栏读出".into(),
            detail_en: "the table has more than two label columns and cannot be read as income | expenditure".into(),
        });
        return grid;
    }
    grid.header = layout.header_rows(&header_lines);
    match assemble(&body, &layout, lines) {
        Ok(rows) => grid.rows = rows,
        Err(problem) => grid.problem = Some(problem),
    }
    grid
}

/// Header terms printed letter-spaced to fill a wide cell (`合   计`, `项   目`, `金   额`): one
/// word. Only these known terms: `类   款` over split code columns must stay apart.
fn join_spaced_terms(words: &[Word]) -> Vec<Word> {
    const TERMS: &[&str] = &["合计", "项目"];
    let mut out: Vec<Word> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(last)
                if last.text.chars().count() == 1
                    && w.start <= last.end + 6
                    && TERMS.contains(&format!("{}{}", last.text, w.text).as_str()) =>
            {
                last.text.push_str(&w.text);
                last.end = w.end;
            }
            _ => out.push(w.clone()),
        }
    }
    out
}

pub(super) fn join_words(words: &[Word]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let cjk_edge =
            out.chars().last().is_some_and(|c| !c.is_ascii()) || w.text.chars().next().is_some_and(|c| !c.is_ascii());
        if i > 0 && !cjk_edge {
            out.push(' ');
        }
        out.push_str(&w.text);
    }
    out
}

/// `174,900` at the end of one line and `.64` under it on the next are one number; so are `.73`
/// and the `12,572` printed just under it (22's 表四 lifts some decimals above their figure)
/// when no number above takes them and that number has no decimals of its own beneath.
fn join_split_decimals(body: &mut [BodyLine]) -> Result<(), Misalignment> {
    let fits = |number: &Item, decimals: &Item| {
        number.kind == Kind::Number
            && !number.word.text.contains('.')
            && number.word.end + 4 >= decimals.word.start
            && number.word.end <= decimals.word.end + 1
    };
    let next_to = |body: &[BodyLine], i: usize| body.get(i + 1).filter(|n| n.index == body[i].index + 1).map(|_| i + 1);
    for i in 0..body.len() {
        while let Some(pos) = body[i].items.iter().position(|it| it.kind == Kind::Decimals) {
            let decimals = body[i].items.remove(pos);
            let above = (i.saturating_sub(2)..i)
                .rev()
                .find_map(|j| Some((j, body[j].items.iter().position(|it| fits(it, &decimals))?)));
            let below = || {
                let j = next_to(body, i)?;
                let k = body[j].items.iter().position(|it| fits(it, &decimals))?;
                let own = next_to(body, j).is_some_and(|l| {
                    body[l].items.iter().any(|d| d.kind == Kind::Decimals && fits(&body[j].items[k], d))
                });
                (!own).then_some((j, k))
            };
            match above.or_else(below) {
                Some((j, k)) => {
                    let number = &mut body[j].items[k];
                    number.word.text.push_str(&decimals.word.text);
                    number.word.end = decimals.word.end.max(number.word.end);
                }
                None => {
                    return Err(Misalignment {
                        line: body[i].no,
                        detail_zh: format!("小数部分“{}”找不到所属的数", decimals.word.text),
                        detail_en: format!("the decimals “{}” belong to no number beside them", decimals.word.text),
                    })
                }
            }
        }
    }
    Ok(())
}

/// For one (page, value zone): the right edges of each figure cluster and the column it maps to.
type PageColumns = ((usize, usize), Vec<(Vec<usize>, usize)>);
/// A header word with the number of its line.
type LineWord<'a> = (usize, &'a Word);
/// Figures on a line of their own: line index, line number, (column, text).
type ValueLine = (usize, usize, Vec<(usize, String)>);

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ColumnKind {
    Code,
    Label,
    Value,
}

#[derive(Debug, Clone)]
struct Column {
    kind: ColumnKind,
    /// Leftmost character of the column's cell, for placing header words.
    left: usize,
    /// For figures: where their right edges stand on the reference page.
    right: usize,
    zone: usize,
    /// Where the column's own header words stand, when it has them.
    head: Option<(usize, usize)>,
}

/// The columns of a table and how each page's figures map onto them.
#[derive(Debug)]
struct Layout {
    columns: Vec<Column>,
    /// Left edge of each label zone (a left-aligned run of labels).
    zone_starts: Vec<usize>,
    /// Per (segment, value zone): the right edges of each of that page's clusters, and its column.
    clusters: Vec<PageColumns>,
    /// Header words (line number, start) that belong to a column of figures, and its index.
    header_cells: Vec<((usize, usize), usize)>,
    /// Header words (line number, start) naming a group of columns.
    group_words: Vec<(usize, usize)>,
}

/// Right edges of figures within this many characters of each other are one column.
const CLUSTER_GAP: usize = 2;
/// Label runs starting this far apart are separate label columns (e.g. 收入 | 支出 sides).
const ZONE_GAP: usize = 8;

impl Layout {
    fn measure(
        body: &[BodyLine],
        header_lines: &[&TableLine],
        repeated: &[(usize, Vec<Word>)],
    ) -> Result<Layout, Misalignment> {
        // Label zones from the left edges of labels (codes belong to the label after them).
        // Totals are printed centred, so they say nothing about where a label column starts.
        let texts = || body.iter().flat_map(|b| b.items.iter().filter(|i| i.kind == Kind::Text));
        let mut starts: Vec<usize> = texts().filter(|i| !is_total_label(&i.word.text)).map(|i| i.word.start).collect();
        if starts.is_empty() {
            starts = texts().map(|i| i.word.start).collect();
        }
        starts.sort_unstable();
        let mut zone_starts: Vec<usize> = Vec::new();
        for (i, s) in starts.iter().enumerate() {
            if i == 0 || *s > starts[i - 1] + ZONE_GAP {
                zone_starts.push(*s);
            }
        }
        let value_zone = |start: usize| zone_starts.iter().filter(|z| **z <= start).count();
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

        // Figures per page and value zone.
        let segments = body.iter().map(|b| b.segment).max().unwrap_or(0) + 1;
        let zones = zone_starts.len() + 1;
        let mut per: Vec<Vec<Vec<&Word>>> = vec![vec![Vec::new(); zones]; segments];
        for b in body {
            for it in b.items.iter().filter(|i| i.kind == Kind::Number) {
                per[b.segment][value_zone(it.word.start)].push(&it.word);
            }
        }
        // Page offsets: a page that repeats the header tells how far its columns moved.
        let offset = |segment: usize| -> isize {
            let Some((_, words)) = repeated.iter().find(|(s, _)| *s == segment) else { return 0 };
            let mut shifts: Vec<isize> = words
                .iter()
                .filter_map(|w| {
                    let first = header_lines.iter().flat_map(|l| l.words.iter()).find(|h| h.text == w.text)?;
                    Some(w.end as isize - first.end as isize)
                })
                .collect();
            shifts.sort_unstable();
            shifts.get(shifts.len() / 2).copied().unwrap_or(0)
        };

        let (stacks, group_words) = header_stacks(header_lines);
        let mut columns: Vec<Column> = Vec::new();
        let mut clusters = Vec::new();
        let mut header_cells: Vec<((usize, usize), usize)> = Vec::new();
        for zone in 0..zones {
            if zone > 0 {
                let start = zone_starts[zone - 1];
                if coded[zone - 1] {
                    let code_left = if zone == 1 { 0 } else { columns.last().map_or(0, |c: &Column| c.right + 1) };
                    columns.push(Column {
                        kind: ColumnKind::Code,
                        left: code_left,
                        right: start,
                        zone: zone - 1,
                        head: None,
                    });
                }
                columns.push(Column { kind: ColumnKind::Label, left: start, right: start, zone: zone - 1, head: None });
            }
            let page_clusters: Vec<Vec<Cluster>> = (0..segments).map(|s| cluster(&per[s][zone])).collect();
            let Some(reference) = (0..segments).max_by_key(|s| (page_clusters[*s].len(), std::cmp::Reverse(*s))) else {
                continue;
            };
            let mut data: Vec<Cluster> = page_clusters[reference].clone();
            let first_left = data.first().map_or(usize::MAX, |d| d.left);
            // Header words right of every figure of the zone stand over the next half's codes.
            let last_right = data.iter().map(|d| d.right).max().unwrap_or(0);
            let over_codes = |s: &Stack| coded.get(zone).copied().unwrap_or(false) && zone > 0 && s.start > last_right;
            let zone_stacks: Vec<&Stack> = stacks
                .iter()
                .filter(|s| value_zone(s.start) == zone && s.end + 2 > first_left && !over_codes(s))
                .collect();
            // Figures of one column printed a few places apart: as many columns as the header shows.
            let per_line = body
                .iter()
                .filter(|b| b.segment == reference)
                .map(|b| b.items.iter().filter(|i| i.kind == Kind::Number && value_zone(i.word.start) == zone).count())
                .max()
                .unwrap_or(0);
            if !zone_stacks.is_empty() {
                let target = zone_stacks.len().max(per_line);
                while data.len() > target {
                    let Some(i) = (0..data.len() - 1).min_by_key(|i| data[i + 1].low.saturating_sub(data[*i].right))
                    else {
                        break;
                    };
                    let next = data.remove(i + 1);
                    data[i].right = next.right;
                    data[i].left = data[i].left.min(next.left);
                    data[i].edges.extend(next.edges);
                }
            }
            // Header columns without figures become empty columns in their place.
            let assigned = match_stacks(&data, &zone_stacks);
            let first_col = columns.len();
            let mut data_column: Vec<usize> = vec![0; data.len()];
            match assigned {
                Some(of_stack) => {
                    for (k, stack) in zone_stacks.iter().enumerate() {
                        let col = columns.len();
                        match of_stack.iter().position(|s| *s == k) {
                            Some(d) => {
                                data_column[d] = col;
                                columns.push(Column {
                                    kind: ColumnKind::Value,
                                    left: data[d].left.min(stack.start),
                                    right: data[d].right,
                                    zone,
                                    head: Some((stack.start, stack.end)),
                                });
                            }
                            None => columns.push(Column {
                                kind: ColumnKind::Value,
                                left: stack.start,
                                right: stack.end,
                                zone,
                                head: Some((stack.start, stack.end)),
                            }),
                        }
                        header_cells.extend(stack.words.iter().map(|w| (*w, col)));
                    }
                }
                None => {
                    for (d, c) in data.iter().enumerate() {
                        data_column[d] = first_col + d;
                        columns.push(Column {
                            kind: ColumnKind::Value,
                            left: c.left,
                            right: c.right,
                            zone,
                            head: None,
                        });
                    }
                }
            }
            let ref_offset = offset(reference);
            let spans: Vec<(isize, isize)> =
                data.iter().map(|c| (c.low as isize - ref_offset, c.right as isize - ref_offset)).collect();
            for (segment, found) in page_clusters.iter().enumerate() {
                if found.is_empty() {
                    continue;
                }
                let shift = offset(segment);
                let rights: Vec<isize> = found.iter().map(|c| c.right as isize - shift).collect();
                let first_words: Vec<(&str, Option<usize>)> = header_lines
                    .iter()
                    .flat_map(|l| {
                        l.words.iter().map(|w| {
                            let col = header_cells.iter().find(|(at, _)| *at == (l.no, w.start)).map(|(_, c)| *c);
                            (w.text.as_str(), col)
                        })
                    })
                    .collect();
                let page_words: Vec<&Word> =
                    repeated.iter().filter(|(s, _)| *s == segment).flat_map(|(_, ws)| ws.iter()).collect();
                if let Some(cols) = columns_by_page_header(found, &page_words, &first_words) {
                    let pairs = found.iter().zip(cols).map(|(c, col)| (c.edges.clone(), col)).collect();
                    clusters.push(((segment, zone), pairs));
                    continue;
                }
                let mapping =
                    // Two columns of a page landing on one column of the reference page mean the
                    // page moved; the shift that keeps them apart is the better reading.
                    match map_clusters(&rights, &spans, 6) {
                        Some(m) if m.windows(2).all(|p| p[0] < p[1]) => Some(m),
                        near => shifted_page(&rights, &spans).or(near),
                    }
                    .ok_or_else(|| {
                        let line = body.iter().find(|b| b.segment == segment).map_or(0, |b| b.no);
                        Misalignment {
                            line,
                            detail_zh: "本页的金额列与表头对不上".into(),
                            detail_en: "the figures on this page do not line up with the table's columns".into(),
                        }
                    })?;
                let pairs = found.iter().zip(mapping).map(|(c, m)| (c.edges.clone(), data_column[m])).collect();
                clusters.push(((segment, zone), pairs));
            }
        }
        Ok(Layout { columns, zone_starts, clusters, header_cells, group_words })
    }

    fn value_zone(&self, start: usize) -> usize {
        self.zone_starts.iter().filter(|z| **z <= start).count()
    }

    fn label_zone(&self, start: usize) -> usize {
        self.zone_starts.iter().rposition(|z| *z <= start + ZONE_GAP / 2).unwrap_or(0)
    }

    /// The column of a figure: its page's cluster containing its right edge.
    fn value_column(&self, segment: usize, word: &Word) -> Option<usize> {
        let zone = self.value_zone(word.start);
        let (_, pairs) = self.clusters.iter().find(|(key, _)| *key == (segment, zone))?;
        pairs.iter().find(|(edges, _)| edges.contains(&word.end)).map(|(_, col)| *col)
    }

    fn column_of_kind(&self, zone: usize, kind: ColumnKind) -> Option<usize> {
        self.columns.iter().position(|c| c.zone == zone && c.kind == kind && kind != ColumnKind::Value)
    }

    /// The first and last column a header word naming a group of columns stands over. Its territory
    /// reaches halfway to its neighbours on its line, mirrored where it has none on one side;
    /// a column belongs to it when the column's middle lies inside.
    fn group_columns(&self, line: &[Word], word: &Word) -> Option<(usize, usize)> {
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
    fn header_column(&self, word: &Word) -> usize {
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

    /// Header rows: one per printed header line, words placed by their centres, wrapped
    /// fragments (`本年收入合` over `计`) joined, and 收入 / 支出 over the first label of each side.
    fn header_rows(&self, header_lines: &[&TableLine]) -> Vec<(usize, Vec<String>)> {
        let width = self.columns.len();
        // The first header line naming each column by its own words: a group name printed lower
        // than that does not stand over the column.
        let mut own_line: Vec<Option<usize>> = vec![None; width];
        for line in header_lines {
            for w in &line.words {
                let own = match self.header_cells.iter().find(|(at, _)| *at == (line.no, w.start)) {
                    Some((_, col)) => Some(*col),
                    None if !self.group_words.contains(&(line.no, w.start)) && !is_code_level_word(&line.words, w) => {
                        Some(self.header_column(w))
                    }
                    None => None,
                };
                if let Some(slot) = own.and_then(|col| own_line.get_mut(col)) {
                    slot.get_or_insert(line.no);
                }
            }
        }
        let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
        for line in header_lines {
            if is_code_level_line(&line.words) || is_page_junk(&line.words) {
                continue;
            }
            let mut cells = vec![String::new(); width];
            let sides = is_side_line(&line.words);
            if sides {
                // 收入 over its label column and every column up to the next side's label.
                let firsts: Vec<usize> = line
                    .words
                    .iter()
                    .map(|w| {
                        let zone = self.label_zone(w.start);
                        self.column_of_kind(zone, ColumnKind::Code)
                            .or_else(|| self.column_of_kind(zone, ColumnKind::Label))
                            .unwrap_or(0)
                    })
                    .collect();
                for (k, w) in line.words.iter().enumerate() {
                    let first = if k == 0 { 0 } else { firsts[k] };
                    let end = firsts.get(k + 1).copied().unwrap_or(width);
                    for cell in cells.iter_mut().take(end).skip(first) {
                        cell.push_str(side_of(&w.text).unwrap_or(&w.text));
                    }
                }
                rows.push((line.no, cells));
                continue;
            }
            for w in line.words.iter().filter(|w| !is_code_level_word(&line.words, w)) {
                let col = {
                    match self.header_cells.iter().find(|(at, _)| *at == (line.no, w.start)) {
                        Some((_, col)) => *col,
                        None if !self.group_words.contains(&(line.no, w.start)) => self.header_column(w),
                        None => {
                            let under = |c: &usize| own_line[*c].is_none_or(|own| own > line.no);
                            let covered: Vec<usize> = self
                                .group_columns(&line.words, w)
                                .map(|(first, last)| (first..=last).filter(under).collect())
                                .unwrap_or_default();
                            for &c in covered.iter().skip(1) {
                                if let Some(cell) = cells.get_mut(c).filter(|cell| cell.is_empty()) {
                                    cell.push_str(&w.text);
                                }
                            }
                            covered.first().copied().unwrap_or_else(|| self.header_column(w))
                        }
                    }
                };
                if let Some(cell) = cells.get_mut(col) {
                    cell.push_str(&w.text);
                }
            }
            rows.push((line.no, cells));
        }
        // Join fragments of a wrapped header cell into the lowest line.
        for col in 0..width {
            let mut above: Option<usize> = None;
            for r in 0..rows.len() {
                if rows[r].1[col].is_empty() {
                    continue;
                }
                if let Some(a) = above {
                    if !is_header_term(&rows[a].1[col]) {
                        let upper = std::mem::take(&mut rows[a].1[col]);
                        rows[r].1[col] = upper + &rows[r].1[col];
                    }
                }
                above = Some(r);
            }
        }
        // Every header cell stands for the whole height of its PDF cell: a blank with a name under
        // it takes that name, so `项目支出` printed beside `基本支出` is not read as part of it.
        for col in 0..width {
            for r in (0..rows.len().saturating_sub(1)).rev() {
                if rows[r].1[col].is_empty() {
                    rows[r].1[col] = rows[r + 1].1[col].clone();
                }
            }
        }
        rows.retain(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
        // A row repeating the one under it adds nothing to any column's name.
        rows.dedup_by(|lower, upper| lower.1 == upper.1);
        rows
    }
}

/// A header cell that is complete in itself, not the first part of a wrapped one.
fn is_header_term(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "预算数",
        "决算数",
        "合计",
        "总计",
        "小计",
        "经费",
        "科目",
        "分类",
        "支出",
        "收入",
        "金额",
        "编码",
        "名称",
        "项目",
        "结余",
        "数",
        "费",
        "入",
        "出",
        "计",
        "额",
        "码",
        "称",
    ];
    matches!(text, "收入" | "支出") || ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Figures whose right edges stand within [`CLUSTER_GAP`] of each other: one column of a page.
#[derive(Debug, Clone)]
struct Cluster {
    left: usize,
    /// Lowest and highest right edge.
    low: usize,
    right: usize,
    /// Right edges of the figures in it.
    edges: Vec<usize>,
}

fn cluster(words: &[&Word]) -> Vec<Cluster> {
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
fn map_clusters(rights: &[isize], spans: &[(isize, isize)], within: isize) -> Option<Vec<usize>> {
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
fn columns_by_page_header(
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
fn shifted_page(rights: &[isize], spans: &[(isize, isize)]) -> Option<Vec<usize>> {
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

/// Header words stacked over one column: words of the header lines that overlap, chained.
/// Words spanning several words of another line (`基本支出` over `人员经费 公用经费`) group
/// columns and stay out.
#[derive(Debug)]
struct Stack {
    start: usize,
    end: usize,
    /// (line number, start) of each word.
    words: Vec<(usize, usize)>,
}

/// Header stacks, and the words (line number, start) that name groups of columns.
fn header_stacks(header_lines: &[&TableLine]) -> (Vec<Stack>, Vec<(usize, usize)>) {
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
            let bridges = |other: &&TableLine| {
                other.no > line.no
                    && !other.words.iter().any(|o| overlaps(o, w))
                    && other.words.windows(2).any(|p| w.start <= p[0].end + 1 && w.end + 1 >= p[1].start)
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
    for (no, w) in words {
        match chains.last_mut() {
            Some(chain) if w.start < end => chain.push((no, w)),
            _ => chains.push(vec![(no, w)]),
        }
        end = if chains.last().is_some_and(|c| c.len() > 1) { end.max(w.end) } else { w.end };
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
        stacks.push(Stack { start, end, words: leaves.iter().map(|(no, w)| (*no, w.start)).collect() });
    }
    (stacks, groups)
}

/// Gives each column of figures its own header stack, in order, nearest centres first; None
/// when the header shows fewer columns than the figures do.
fn match_stacks(data: &[Cluster], stacks: &[&Stack]) -> Option<Vec<usize>> {
    let (n, m) = (data.len(), stacks.len());
    if n == 0 || m < n {
        return None;
    }
    let cost = |i: usize, j: usize| {
        let d = (data[i].left + data[i].right) as isize - (stacks[j].start + stacks[j].end) as isize;
        d.unsigned_abs()
    };
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

/// A row being built: its cells by column and the lines it took.
#[derive(Debug, Clone)]
struct Building {
    first: usize,
    last: usize,
    cells: Vec<String>,
    /// Started by a label line without figures (the figures may still come).
    open: bool,
    /// Lines of its name printed above its row line, and below it: a name wrapped around its
    /// row line is centred on it, as many lines below as above.
    above: usize,
    below: usize,
}

fn assemble(
    body: &[BodyLine],
    layout: &Layout,
    lines: &[TableLine],
) -> Result<Vec<(usize, Vec<String>)>, Misalignment> {
    let width = layout.columns.len();
    let mut rows: Vec<Building> = Vec::new();
    let mut value_lines: Vec<ValueLine> = Vec::new();
    // Names printed before their row (the row line follows directly), waiting for it.
    let mut waiting: Vec<(usize, String)> = Vec::new();
    let blank_between = |a: usize, b: usize| {
        lines.get(a.min(b) + 1..a.max(b)).is_some_and(|between| between.iter().any(|l| l.words.is_empty()))
    };

    for (k, b) in body.iter().enumerate() {
        let mut labels: Vec<(usize, String, bool)> = Vec::new();
        let mut values: Vec<(usize, String)> = Vec::new();
        for it in &b.items {
            match it.kind {
                Kind::Code => {
                    let zone = layout.label_zone(it.word.start + ZONE_GAP);
                    let col = layout
                        .column_of_kind(zone, ColumnKind::Code)
                        .or_else(|| layout.column_of_kind(zone, ColumnKind::Label));
                    if let Some(col) = col {
                        labels.push((col, it.word.text.clone(), true));
                    }
                }
                Kind::Text | Kind::CodePart => {
                    let zone = layout.label_zone(it.word.start);
                    if let Some(col) = layout.column_of_kind(zone, ColumnKind::Label) {
                        let starter = starts_enumerated(&it.word.text) || is_total_label(&it.word.text);
                        match labels.iter_mut().find(|(c, _, _)| *c == col) {
                            Some(l) => l.1.push_str(&it.word.text),
                            None => labels.push((col, it.word.text.clone(), starter)),
                        }
                    }
                }
                Kind::Number | Kind::Decimals => {
                    let col = layout.value_column(b.segment, &it.word).ok_or_else(|| Misalignment {
                        line: b.no,
                        detail_zh: format!("“{}”不在任何金额列下", it.word.text),
                        detail_en: format!("“{}” stands under no column of figures", it.word.text),
                    })?;
                    if values.iter().any(|(c, _)| *c == col) {
                        return Err(Misalignment {
                            line: b.no,
                            detail_zh: format!("同一行的两个数落在同一列（“{}”）", it.word.text),
                            detail_en: format!("two figures of one line fall in one column (“{}”)", it.word.text),
                        });
                    }
                    values.push((col, it.word.text.clone()));
                }
            }
        }
        let has_code = b.items.iter().any(|i| i.kind == Kind::Code);
        if labels.is_empty() {
            value_lines.push((b.index, b.no, values));
            continue;
        }
        let adjacent = |r: &Building| r.last + 1 == b.index;
        if !values.is_empty() || has_code {
            // A row line: its own row, unless a label line just above opened it.
            let joins_open = rows
                .last()
                .is_some_and(|r| r.open && adjacent(r) && labels.iter().all(|(c, _, _)| r.cells[*c].is_empty()));
            if !joins_open {
                rows.push(Building {
                    first: b.index,
                    last: b.index,
                    cells: vec![String::new(); width],
                    open: false,
                    above: 0,
                    below: 0,
                });
            }
            let Some(row) = rows.last_mut() else { continue };
            if !waiting.is_empty() {
                row.above += 1;
            }
            for (col, text) in waiting.drain(..) {
                if row.cells[col].is_empty() {
                    row.cells[col] = text;
                }
            }
            for (col, text, _) in &labels {
                row.cells[*col].push_str(text);
            }
            for (col, text) in &values {
                row.cells[*col] = text.clone();
            }
            row.last = b.index;
            // A code alone on its line: its name and figures follow on the next line.
            row.open = values.is_empty() && !b.items.iter().any(|i| i.kind == Kind::Text);
            continue;
        }
        // A line of labels alone.
        let next_row_line =
            body.get(k + 1).filter(|n| n.index == b.index + 1 && n.items.first().is_some_and(|i| i.kind == Kind::Code));
        let several = labels.len() >= 2;
        for (col, text, starter) in labels {
            // Labels on both sides of a 收入 | 支出 line are rows of their own, not wrapped text.
            let starter = starter || several;
            let current = rows.last_mut();
            match current {
                Some(r) if starter && r.open && r.last + 1 >= b.index && r.cells[col].is_empty() => {
                    r.cells[col] = text;
                    r.last = b.index;
                }
                Some(r) if !starter && r.cells[col].is_empty() && b.index <= r.last + 2 => {
                    r.cells[col] = text;
                    r.last = b.index;
                    r.below += 1;
                }
                // The row above still owes lines below for those it had above.
                Some(r) if !starter && r.above > r.below && r.last + 1 == b.index => {
                    r.cells[col].push_str(&text);
                    r.last = b.index;
                    r.below += 1;
                }
                _ if !starter && next_row_line.is_some_and(|n| next_label_empty(n, col, layout)) => {
                    waiting.push((col, text));
                }
                // The row above has as many lines below as above: this one starts the next name.
                Some(r) if !starter && r.above > 0 && r.below >= r.above && next_row_line.is_some() => {
                    waiting.push((col, text));
                }
                Some(r) if !starter && !blank_between(r.last, b.index) => {
                    r.cells[col].push_str(&text);
                    r.last = b.index;
                    r.below += 1;
                }
                _ => {
                    let mut cells = vec![String::new(); width];
                    cells[col] = text;
                    rows.push(Building { first: b.index, last: b.index, cells, open: true, above: 1, below: 0 });
                }
            }
        }
    }

    // Figures printed on a line of their own join the nearest row with room for them.
    for (index, no, values) in value_lines {
        let free = |r: &Building| values.iter().all(|(c, _)| r.cells[*c].is_empty());
        let before = rows.iter().rposition(|r| r.first < index);
        let after = rows.iter().position(|r| r.first > index);
        let distance = |i: usize| -> usize {
            let r = &rows[i];
            if r.first > index {
                r.first - index
            } else {
                // A row whose lines reach past the figures (its name wrapped below them) is next to them.
                index.saturating_sub(r.last)
            }
        };
        let candidates: Vec<usize> =
            [after, before].into_iter().flatten().filter(|i| free(&rows[*i]) && distance(*i) <= 3).collect();
        let chosen = candidates.iter().copied().min_by_key(|i| distance(*i));
        match chosen {
            Some(i) => {
                for (col, text) in &values {
                    rows[i].cells[*col] = text.clone();
                }
                // Figures under their row keep the row open for the next line of figures.
                rows[i].last = rows[i].last.max(index);
            }
            None if [after, before].into_iter().flatten().all(|i| distance(i) > 3) => {
                let mut cells = vec![String::new(); width];
                for (col, text) in &values {
                    cells[*col] = text.clone();
                }
                let at = rows.iter().position(|r| r.first > index).unwrap_or(rows.len());
                rows.insert(at, Building { first: index, last: index, cells, open: false, above: 0, below: 0 });
            }
            None => {
                return Err(Misalignment {
                    line: no,
                    detail_zh: "单独一行的数找不到有空位的相邻行".into(),
                    detail_en: "figures on a line of their own fit neither the row above nor the row below".into(),
                })
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let line = lines.get(r.first).map_or(0, |l| l.no);
            let mut cells = r.cells;
            while cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            (line, cells)
        })
        .collect())
}

/// Whether the row line `n` leaves label column `col` empty (its name was printed above it).
fn next_label_empty(n: &BodyLine, col: usize, layout: &Layout) -> bool {
    !n.items.iter().any(|i| {
        i.kind == Kind::Text && layout.column_of_kind(layout.label_zone(i.word.start), ColumnKind::Label) == Some(col)
    })
}
