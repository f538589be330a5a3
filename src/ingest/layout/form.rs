//! Performance forms (绩效目标表) in `pdftotext -layout` text: one indicator per line that prints
//! a nature (≥, ＝, …) followed by 指标值, 计量单位, 指标权重 and, where the header has it, 是否核心.
//! Names wrapped over several lines are joined; merged cells to the left (序号, 项目名称, 当年绩效目标)
//! are left out. Rows come out under the header 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重(%)
//! that [`crate::table::Form`] reads, so the KPI rules check them.

use super::grid::{join_words, TableLine};
use super::words::{is_number, Word};
use crate::ingest::Misalignment;

/// Rows read, each with the number of its first line.
type Rows = Vec<(usize, Vec<String>)>;

const NATURES: &[&str] = &["=", "＝", "≥", "≤", ">", "<", "＞", "＜", "≧", "≦", ">=", "<="];

/// Words of a header that are no indicator name (header lines wrapped under 指标名称's line).
const HEADER_WORDS: &[&str] = &["性质", "单位", "权重", "(%)", "（%）", "核心", "预算金额", "序号", "项目名称"];

/// One indicator line: its index, where its nature stands, its name words and its values.
struct Anchor {
    index: usize,
    no: usize,
    name: String,
    /// The line printed no name of its own: its name is wrapped around it.
    nameless: bool,
    values: Vec<String>,
}

fn problem(no: usize, zh: String, en: String) -> Misalignment {
    Misalignment { line: no, detail_zh: zh, detail_en: en }
}

fn unclosed(text: &str) -> bool {
    text.matches(['(', '（']).count() > text.matches([')', '）']).count()
}

fn join(a: &str, b: &str) -> String {
    let ascii_edge = a.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
        && b.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if ascii_edge {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// Reads the indicator rows of a performance form; None when the lines hold no indicator header
/// (an empty form, or one laid out otherwise).
pub(super) fn read_form(lines: &[TableLine]) -> Option<Result<Rows, Misalignment>> {
    let compact = |l: &TableLine| l.words.iter().map(|w| w.text.as_str()).collect::<String>();
    let nature_at = |l: &TableLine| l.words.iter().position(|w| NATURES.contains(&w.text.as_str()));
    let header = lines.iter().position(|l| compact(l).contains("指标名称") && nature_at(l).is_none())?;
    let first_anchor = lines.iter().skip(header).position(|l| nature_at(l).is_some())? + header;
    let header_text: String = lines[header.saturating_sub(2)..first_anchor].iter().map(compact).collect();
    let core = header_text.contains("是否核心");
    if !["性质", "指标值", "计量", "权重"].iter().all(|w| header_text.contains(w)) {
        return None;
    }
    Some(read_rows(lines, header, first_anchor, core))
}

fn read_rows(lines: &[TableLine], header: usize, first_anchor: usize, core: bool) -> Result<Rows, Misalignment> {
    one_project(lines, header)?;
    let names = NameColumn::of(&lines[first_anchor..]);
    let (mut anchors, pieces) = scan(lines, header, first_anchor, core, &names)?;
    let firsts = attach_pieces(lines, &mut anchors, pieces, &names)?;
    if let Some(a) = anchors.iter().find(|a| a.name.is_empty()) {
        return Err(problem(a.no, "指标行没有指标名称".into(), "an indicator line has no name".into()));
    }
    let mut head: Vec<String> =
        ["指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)"].iter().map(|s| s.to_string()).collect();
    if core {
        head.push("是否核心".into());
    }
    let mut rows = vec![(lines.get(header).map_or(0, |l| l.no), head)];
    for (a, first) in anchors.into_iter().zip(firsts) {
        let no = lines.get(first).map_or(a.no, |l| l.no);
        rows.push((no, std::iter::once(a.name).chain(a.values).collect()));
    }
    Ok(rows)
}

/// The position of an indicator line's nature (`≥`, `=`): the column that anchors the row.
fn nature_at(words: &[Word]) -> Option<usize> {
    words.iter().position(|w| NATURES.contains(&w.text.as_str()))
}

/// Several projects (序号 1, 2, …) in one form: which indicator is whose cannot be told, and
/// their weights together would not make 100.
fn one_project(lines: &[TableLine], header: usize) -> Result<(), Misalignment> {
    let numbered = |l: &&TableLine| {
        l.words.first().is_some_and(|w| w.start <= 3 && w.text.len() <= 3 && w.text.chars().all(|c| c.is_ascii_digit()))
    };
    match lines[header..].iter().filter(numbered).nth(1) {
        Some(second) => Err(problem(
            second.no,
            "一张绩效目标表列了多个项目，分不清各指标属于哪个项目".into(),
            "a performance form lists several projects; which indicator belongs to which cannot be told".into(),
        )),
        None => Ok(()),
    }
}

/// Where the indicator names stand: from `left` to the natures' column.
struct NameColumn {
    left: usize,
    nature_left: usize,
}

impl NameColumn {
    /// Names are left-aligned, but pdftotext pulls them a few places left after the wide text of
    /// 当年绩效目标: the name column begins a little left of the leftmost word before a nature.
    fn of(indicator_lines: &[TableLine]) -> NameColumn {
        let before_nature =
            |l: &TableLine| nature_at(&l.words).and_then(|i| i.checked_sub(1)).map(|i| l.words[i].start);
        let left = indicator_lines.iter().filter_map(before_nature).min().unwrap_or(0).saturating_sub(3);
        let nature_left =
            indicator_lines.iter().filter_map(|l| nature_at(&l.words).map(|i| l.words[i].start)).min().unwrap_or(0);
        NameColumn { left, nature_left }
    }

    /// The words of a line in the name column: the last ones, from `left` on.
    fn words(&self, ws: &[Word]) -> Vec<Word> {
        let mut out: Vec<Word> = ws.iter().rev().take_while(|w| w.start >= self.left).cloned().collect();
        out.reverse();
        out
    }
}

/// Wrapped name lines: (first index, last index, text).
type Pieces = Vec<(usize, usize, String)>;

/// The indicator lines (a nature and its values) and the wrapped name pieces between them.
fn scan(
    lines: &[TableLine],
    header: usize,
    first_anchor: usize,
    core: bool,
    names: &NameColumn,
) -> Result<(Vec<Anchor>, Pieces), Misalignment> {
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut pieces: Pieces = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(header + 1) {
        let text: String = line.words.iter().map(|w| w.text.as_str()).collect();
        if text.contains("指标名称") || ["备注", "注：", "注:"].iter().any(|p| text.starts_with(p)) {
            continue;
        }
        if let Some(at) = nature_at(&line.words) {
            anchors.push(anchor(line, index, at, core, names)?);
            continue;
        }
        let in_names = names.words(&line.words);
        let beyond = line.words.iter().any(|w| w.start >= names.nature_left);
        if index < first_anchor && (beyond || in_names.iter().any(|w| HEADER_WORDS.iter().any(|h| w.text.contains(h))))
        {
            continue;
        }
        if beyond {
            return Err(problem(
                line.no,
                "绩效目标表中有一行只有指标值、没有指标性质".into(),
                "a line of the performance form holds values without a nature".into(),
            ));
        }
        if in_names.is_empty() {
            continue;
        }
        let piece = join_words(&in_names);
        match pieces.last_mut() {
            Some((_, last, text)) if *last + 1 == index => {
                *text = join(text, &piece);
                *last = index;
            }
            _ => pieces.push((index, index, piece)),
        }
    }
    Ok((anchors, pieces))
}

/// An indicator line: its name, then nature, value, unit, weight and (where printed) core.
fn anchor(line: &TableLine, index: usize, at: usize, core: bool, names: &NameColumn) -> Result<Anchor, Misalignment> {
    let values: Vec<String> = line.words[at..].iter().map(|w| w.text.clone()).collect();
    let weight_ok = values.get(3).is_some_and(|w| is_number(w));
    let core_ok = !core || values.get(4).is_some_and(|c| c == "是" || c == "否");
    if values.len() != 4 + usize::from(core) || !weight_ok || !core_ok {
        return Err(problem(
            line.no,
            format!("指标行“{}”的值与表头各列对不上", values.join(" ")),
            format!("the values “{}” of an indicator line do not match the header", values.join(" ")),
        ));
    }
    let name = join_words(&names.words(&line.words[..at]));
    Ok(Anchor { index, no: line.no, nameless: name.is_empty(), name, values })
}

/// Each wrapped name piece joined to its indicator: the one above when that name goes on, else
/// the one below. Returns each indicator's first line.
fn attach_pieces(
    lines: &[TableLine],
    anchors: &mut [Anchor],
    pieces: Pieces,
    names: &NameColumn,
) -> Result<Vec<usize>, Misalignment> {
    // Lines between a piece and an indicator line may hold other columns' text, not a blank.
    let adjacent = |from: usize, to: usize| {
        from < to
            && lines
                .get(from + 1..to)
                .is_some_and(|between| between.iter().all(|l| !l.words.is_empty() && names.words(&l.words).is_empty()))
    };
    let mut firsts: Vec<usize> = anchors.iter().map(|a| a.index).collect();
    for (first, last, text) in pieces {
        let before = anchors.iter().rposition(|a| adjacent(a.index, first));
        let after = anchors.iter().position(|a| adjacent(last, a.index));
        let continues = |a: &Anchor| a.nameless || unclosed(&a.name);
        match (before, after) {
            (Some(b), _) if continues(&anchors[b]) => anchors[b].name = join(&anchors[b].name, &text),
            (_, Some(a)) => {
                anchors[a].name = join(&text, &anchors[a].name);
                firsts[a] = firsts[a].min(first);
            }
            (Some(b), None) => anchors[b].name = join(&anchors[b].name, &text),
            (None, None) => {
                let no = lines.get(first).map_or(0, |l| l.no);
                return Err(problem(
                    no,
                    format!("指标名称的折行“{text}”找不到所属的指标行"),
                    format!("the wrapped name part “{text}” belongs to no indicator line"),
                ));
            }
        }
    }
    Ok(firsts)
}
