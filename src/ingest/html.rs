//! HTML tables (a saved page, or what Excel and WPS put on the clipboard as `text/html`) turned
//! into the tab-separated text the TSV reader reads: one line per table row with row and column
//! spans expanded, and the text around the tables (titles, 单位 captions, notes) as lines.

use crate::amount::{read_cell, CellValue};
use rust_decimal::{Decimal, RoundingStrategy};
use scraper::{ElementRef, Html, Node};
use std::str::FromStr;

/// The most grid positions one table may expand to, so a hostile `rowspan`/`colspan` cannot
/// exhaust memory; spans that would pass it are read as single cells.
const MAX_GRID_CELLS: usize = 4_000_000;
/// Browsers clamp `colspan` to 1000 as well.
const MAX_COLSPAN: usize = 1000;

/// Elements whose start and end break a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "ul",
];

/// Elements whose text is not shown on the page.
const HIDDEN: &[&str] = &["head", "script", "style", "template", "noscript"];

/// Whether pasted or uploaded text is HTML holding a table.
pub fn looks_like_html(text: &str) -> bool {
    // `<table` in any case, found without a lower-cased copy of the whole input.
    let bytes = text.as_bytes();
    text.match_indices('<').any(|(at, _)| bytes.get(at + 1..at + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"table")))
}

/// Converts an HTML page or clipboard fragment into tab-separated text, tables row by row.
pub fn html_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Lines::default();
    // Depth-first with explicit open/close steps: no recursion, however deep the markup.
    let mut stack = vec![(document.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        let element = ElementRef::wrap(node);
        let name = element.map(|e| e.value().name()).unwrap_or("");
        if closing {
            if BLOCKS.contains(&name) {
                out.flush();
            }
            continue;
        }
        match node.value() {
            Node::Text(text) => out.current.push_str(text),
            Node::Element(_) if HIDDEN.contains(&name) => {}
            Node::Element(_) if name == "table" => {
                out.flush();
                if let Some(table) = element {
                    out.lines.extend(table_lines(table));
                }
            }
            _ => {
                if BLOCKS.contains(&name) {
                    out.flush();
                }
                stack.push((node, true));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
        }
    }
    out.flush();
    out.lines.join("\n")
}

#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
}

impl Lines {
    fn flush(&mut self) {
        let line = collapse(&self.current);
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.current.clear();
    }
}

/// Runs of whitespace (line breaks, `&nbsp;`, tabs) become one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table's caption, then one tab-separated line per row.
fn table_lines(table: ElementRef) -> Vec<String> {
    let own = |e: &ElementRef| belongs_to(e, &table);
    let mut lines: Vec<String> = Vec::new();
    for caption in table.descendent_elements().filter(|e| e.value().name() == "caption" && own(e)) {
        let text = cell_text(caption);
        if !text.is_empty() {
            lines.push(text);
        }
    }
    let rows: Vec<ElementRef> = table.descendent_elements().filter(|e| e.value().name() == "tr" && own(e)).collect();
    let grid = expand_spans(&rows);
    lines.extend(grid.into_iter().map(|row| row.join("\t")));
    lines
}

/// Whether `table` is the nearest table around `element` (rows of nested tables are their own).
fn belongs_to(element: &ElementRef, table: &ElementRef) -> bool {
    element
        .ancestors()
        .find(|a| ElementRef::wrap(*a).is_some_and(|e| e.value().name() == "table"))
        .is_some_and(|a| a.id() == table.id())
}

/// Lays the cells of the rows out on a grid: a cell spanning several rows or columns takes its
/// top-left position, the others stay empty so merged headers are filled the usual way.
fn expand_spans(rows: &[ElementRef]) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<Option<String>>> = vec![Vec::new(); rows.len()];
    let mut used = 0usize;
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row.child_elements().filter(|e| matches!(e.value().name(), "td" | "th")) {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |attr: &str| cell.value().attr(attr).and_then(|v| v.trim().parse::<usize>().ok());
            let mut colspan = span("colspan").unwrap_or(1).clamp(1, MAX_COLSPAN);
            // rowspan="0" reaches the end of the table.
            let mut rowspan = match span("rowspan") {
                Some(0) => rows.len() - r,
                other => other.unwrap_or(1).clamp(1, rows.len() - r),
            };
            if used + colspan * rowspan > MAX_GRID_CELLS {
                (colspan, rowspan) = (1, 1);
            }
            used += colspan * rowspan;
            let text = cell_value(cell);
            for (dr, grid_row) in grid[r..r + rowspan].iter_mut().enumerate() {
                if grid_row.len() < c + colspan {
                    grid_row.resize(c + colspan, None);
                }
                for (dc, slot) in grid_row[c..c + colspan].iter_mut().enumerate() {
                    *slot = Some(if dr == 0 && dc == 0 { text.clone() } else { String::new() });
                }
            }
            c += colspan;
        }
    }
    grid.into_iter().map(|row| row.into_iter().map(Option::unwrap_or_default).collect()).collect()
}

/// A cell's text on one line (`<br>` and line breaks become spaces).
fn cell_text(cell: ElementRef) -> String {
    let mut text = String::new();
    for node in cell.descendants() {
        match node.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if BLOCKS.contains(&e.name()) => text.push(' '),
            _ => {}
        }
    }
    collapse(&text)
}

/// What a cell prints, or Excel's raw `x:num` value when the printed text is not that number.
fn cell_value(cell: ElementRef) -> String {
    let shown = cell_text(cell);
    match cell.value().attr("x:num").map(str::trim).filter(|raw| !raw.is_empty()) {
        Some(raw) => choose_number(&shown, raw),
        None => shown,
    }
}

/// Keeps the printed text when it is the raw value rounded to the printed decimals (352.155
/// shown as 352.16 stays 352.16: rounding checks need the printed scale); otherwise the raw
/// value, as when the printed text is a currency format the reader cannot parse.
fn choose_number(shown: &str, raw: &str) -> String {
    let Some(value) = Decimal::from_str(raw).ok().or_else(|| Decimal::from_scientific(raw).ok()) else {
        return shown.to_string();
    };
    let rounds_to = |printed: Decimal, scaled: Decimal| {
        scaled.round_dp_with_strategy(printed.scale(), RoundingStrategy::MidpointAwayFromZero) == printed
    };
    let agrees = match read_cell(shown).value {
        CellValue::Number(printed) => rounds_to(printed, value),
        CellValue::Placeholder => value.is_zero(),
        CellValue::Text => match shown.strip_suffix('%').map(read_cell).map(|r| r.value) {
            Some(CellValue::Number(percent)) => rounds_to(percent, value * Decimal::ONE_HUNDRED),
            _ => false,
        },
        CellValue::Empty => false,
    };
    if agrees {
        shown.to_string()
    } else {
        value.normalize().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_decimals_are_kept_when_they_round_the_raw_value() {
        assert_eq!(choose_number("352.16", "352.155"), "352.16");
        assert_eq!(choose_number("1,234.50", "1234.5"), "1,234.50");
        assert_eq!(choose_number("(12.00)", "-12"), "(12.00)");
        assert_eq!(choose_number("25.0%", "0.25"), "25.0%");
        assert_eq!(choose_number("-", "0"), "-");
        assert_eq!(choose_number("￥1,234.50", "1234.5"), "1234.5");
        assert_eq!(choose_number("352.16", "352.1"), "352.1");
        assert_eq!(choose_number("", "7"), "7");
        assert_eq!(choose_number("12", "1.2E1"), "12");
        assert_eq!(choose_number("12", "abc"), "12");
    }

    #[test]
    fn spans_leave_their_other_positions_empty() {
        let html = "<table><tr><td rowspan=2>项目</td><td colspan=2>预算数</td></tr>\
                    <tr><td>基本</td><td>项目</td></tr><tr><td>合计</td><td>1</td><td>2</td></tr></table>";
        assert_eq!(html_to_text(html), "项目\t预算数\t\n\t基本\t项目\n合计\t1\t2");
    }

    #[test]
    fn text_around_tables_is_kept_as_lines_and_hidden_text_dropped() {
        let html = "<html><head><style>td{}</style><title>x</title></head><body><h2>三公经费表</h2>\
                    <p>单位：<b>万元</b></p><table><caption>说明</caption><tr><td>合<br>计</td><td>5</td></tr></table>\
                    <p>注：无</p><script>var a;</script></body></html>";
        assert_eq!(html_to_text(html), "三公经费表\n单位：万元\n说明\n合 计\t5\n注：无");
    }

    #[test]
    fn absurd_spans_are_bounded() {
        let html = "<table><tr><td colspan=99999999 rowspan=99999999>a</td><td>b</td></tr></table>";
        assert_eq!(html_to_text(html).len(), "a".len() + 1000 + "b".len());
    }
}
