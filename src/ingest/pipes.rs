//! Cells joined by ` | `, as web excerpts and markdown converters print tables
//! (`合 计 | 21.60 | 21.60 |`, `| a | b |`). When nearly every joined line holds a single cell
//! (`项目 |`, `预算数 |`, …) the table was one cell per line and its rows are rebuilt from the
//! header (see [`super::cells`]).

use super::cells::{regroup, Item};
use super::regrid::{read_lines, Line};
use super::{Block, Source};

/// Whether the text joins cells with `|`: at least three such lines, a third of the text, and
/// no tabs (a tab-separated paste is read as such even if a cell holds a `|`).
pub fn looks_piped(text: &str) -> bool {
    if text.contains('\t') {
        return false;
    }
    let filled = text.lines().filter(|l| !l.trim().is_empty()).count();
    let piped = text.lines().filter(|l| is_piped(l)).count();
    piped >= 3 && piped * 3 >= filled
}

/// Reads a `|`-joined source into blocks.
pub fn split_piped(source: &Source) -> Vec<Block> {
    let rows: Vec<(usize, &str, Option<Vec<String>>)> = source
        .text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !is_rule(l))
        .map(|(i, l)| (i + 1, l.trim(), is_piped(l).then(|| cells_of(l))))
        .collect();
    let joined: Vec<&Vec<String>> = rows.iter().filter_map(|(_, _, cells)| cells.as_ref()).collect();
    let single = joined.iter().filter(|cells| cells.iter().filter(|c| !c.is_empty()).count() <= 1).count();
    let lines: Vec<Line> = if single * 10 >= joined.len() * 8 {
        let items: Vec<Item> = rows
            .iter()
            .map(|(line, plain, cells)| {
                let text = match cells {
                    Some(cells) => cells.iter().find(|c| !c.is_empty()).cloned().unwrap_or_default(),
                    None => plain.to_string(),
                };
                Item { line: *line, text }
            })
            .collect();
        regroup(&items)
    } else {
        rows.iter()
            .map(|(line, plain, cells)| Line {
                line: *line,
                text: match cells {
                    Some(cells) => cells.join("\t"),
                    None => plain.to_string(),
                },
            })
            .collect()
    };
    read_lines(&source.name, &lines)
}

fn is_piped(line: &str) -> bool {
    let l = line.trim();
    l.ends_with('|') || l.starts_with('|') || l.contains(" | ")
}

/// A markdown separator row such as `|---|:---:|`.
fn is_rule(line: &str) -> bool {
    let l = line.trim();
    l.contains('-') && l.contains('|') && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The cells of a joined line. A cell of only `?` is a character lost in an encoding round
/// trip (corpus 10 prints `? | 单位:万元`), so it is read as empty.
fn cells_of(line: &str) -> Vec<String> {
    let l = line.trim();
    let l = l.strip_prefix('|').unwrap_or(l);
    let l = l.strip_suffix('|').unwrap_or(l);
    l.split('|')
        .map(|c| {
            let c = c.trim();
            if c.chars().all(|ch| ch == '?' || ch == '？') {
                String::new()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Block> {
        split_piped(&Source { name: "p".into(), text: text.into() })
    }

    #[test]
    fn joined_cells_become_rows_and_lost_characters_are_empty() {
        let b = read("某某“三公”经费情况统计表 | ||\n? | 单位:万元 | |\n项 目 | 本年预算数 |\n合 计 | 21.60 |\n");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].unit_caption.as_deref(), Some("单位:万元"));
        assert_eq!(b[0].rows[1].cells, vec!["合 计", "21.60"]);
        assert_eq!(b[0].rows[1].line, 4);
    }

    #[test]
    fn markdown_tables_lose_their_separator_row() {
        let b = read("## 某某支出表\n| 项目 | 金额 |\n|---|---:|\n| 合计 | 5 |\n| 甲 | 5 |\n");
        let rows: Vec<&Vec<String>> = b[0].rows.iter().map(|r| &r.cells).collect();
        assert_eq!(
            rows,
            vec![
                &vec!["项目".to_string(), "金额".into()],
                &vec!["合计".into(), "5".into()],
                &vec!["甲".into(), "5".into()]
            ]
        );
    }

    #[test]
    fn one_cell_per_joined_line_is_regrouped_by_the_header() {
        let b = read("某某三公经费预算支出表\n单位:万元\n项目 |\n预算数 |\n合计 |\n4432 |\n公务接待费 |\n323 |\n");
        assert_eq!(
            b[0].rows.iter().map(|r| r.cells.join("/")).collect::<Vec<_>>(),
            vec!["项目/预算数", "合计/4432", "公务接待费/323"]
        );
        assert_eq!(b[0].rows[2].line, 7);
    }

    #[test]
    fn tab_separated_text_is_not_piped() {
        assert!(!looks_piped("a | b\tc\na | b\na | b\n"));
        assert!(looks_piped("a | b\na | b\na | b\n"));
    }
}
