//! The 决算 基本支出 table as Shanghai prints it: 人员经费 ‖ 公用经费 side by side, each half a
//! 经济分类 code (类 and 款 printed apart), a name and one figure. Every row starts on the line
//! holding its 类 codes (`301    01        302`); its figures stand on that line or on the line
//! above, its names (and the right half's 款) on the lines below. The line of the right half's
//! 类 code divides the halves. Anything that does not fit this shape fails the whole table.

use super::grid::TableLine;
use super::words::Word;
use crate::ingest::Misalignment;

/// Rows read, each with the number of its first line.
type Rows = Vec<(usize, Vec<String>)>;

#[derive(Default)]
struct Half {
    code: String,
    name: String,
    value: String,
}

struct Row {
    no: usize,
    halves: [Half; 2],
}

fn is_class(w: &Word) -> bool {
    w.text.len() == 3 && w.text.chars().all(|c| c.is_ascii_digit())
}

fn is_item(w: &Word) -> bool {
    w.text.len() == 2 && w.text.chars().all(|c| c.is_ascii_digit())
}

fn is_amount(w: &Word) -> bool {
    w.text.contains('.') && w.text.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

fn problem(no: usize, zh: &str, en: &str) -> Misalignment {
    Misalignment { line: no, detail_zh: zh.into(), detail_en: en.into() }
}

/// Reads the table; Err when a line fits no part of a row.
pub(super) fn read_coded_halves(lines: &[TableLine]) -> Result<Rows, Misalignment> {
    let first = lines
        .iter()
        .position(|l| l.words.iter().any(|w| is_class(w) || is_amount(w)))
        .ok_or_else(|| problem(0, "表中没有科目编码", "the table has no subject codes"))?;
    let mut rows: Vec<Row> = Vec::new();
    let mut pending: Vec<(usize, &Word)> = Vec::new();
    // Where the right half begins: the start of its 类 code.
    let mut divide: Option<usize> = None;
    for line in &lines[first..] {
        let ws = &line.words;
        if ws.is_empty() {
            continue;
        }
        let right_class = ws.iter().find(|w| is_class(w) && w.start > 20).map(|w| w.start);
        let total = ws.iter().any(|w| w.text.ends_with("合计"));
        if ws.iter().any(is_class) || total {
            divide = right_class.or(divide);
            rows.push(Row { no: line.no, halves: Default::default() });
        } else if ws.iter().all(is_amount) {
            pending.extend(ws.iter().map(|w| (line.no, w)));
            continue;
        }
        let (Some(row), Some(divide)) = (rows.last_mut(), divide) else {
            return Err(problem(line.no, "基本支出表的第一行前有无法归属的文字", "text before the first row"));
        };
        let words = pending.drain(..).chain(ws.iter().map(|w| (line.no, w)));
        for (no, w) in words {
            let half = &mut row.halves[usize::from(w.start + 1 >= divide)];
            if is_class(w) || (is_item(w) && half.code.len() == 3) {
                half.code.push_str(&w.text);
            } else if is_amount(w) {
                if !half.value.is_empty() {
                    return Err(problem(no, "同一栏有两个金额", "two figures fall in one half of a row"));
                }
                half.value = w.text.clone();
            } else {
                half.name.push_str(&w.text);
            }
        }
    }
    if let Some((no, _)) = pending.first() {
        return Err(problem(*no, "表尾的金额没有所属的行", "figures at the end belong to no row"));
    }
    let mut out: Rows = vec![(
        lines.get(first).map_or(0, |l| l.no),
        ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"].map(String::from).to_vec(),
    )];
    for row in rows {
        if row.halves.iter().any(|h| h.name.is_empty() && !(h.code.is_empty() && h.value.is_empty())) {
            return Err(problem(row.no, "科目编码或金额没有名称", "a code or figure has no name"));
        }
        let [left, right] = row.halves;
        let mut cells = vec![left.code, left.name, left.value, right.code, right.name, right.value];
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        out.push((row.no, cells));
    }
    Ok(out)
}
