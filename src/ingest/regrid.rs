//! Layouts that are not tab-separated (` | `-joined cells, one cell per line) are rewritten as
//! tab-separated lines and read by the TSV reader, so titles, captions and notes are classified
//! in one place; each rewritten line remembers the input line it came from.

use super::{split_text, Block, Source};

/// One rewritten line: the input line it starts at (1-based) and its tab-separated text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub line: usize,
    pub text: String,
}

/// Reads rewritten lines with the TSV reader and gives blocks and rows their input line numbers.
pub fn read_lines(source_name: &str, lines: &[Line]) -> Vec<Block> {
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let rewritten = Source { name: source_name.to_string(), text: text.join("\n") };
    let original = |n: usize| n.checked_sub(1).and_then(|i| lines.get(i)).map_or(n, |l| l.line);
    let mut blocks = split_text(&rewritten);
    for block in &mut blocks {
        block.line = original(block.line);
        for row in &mut block.rows {
            row.line = original(row.line);
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_the_input_line_numbers() {
        let lines = [
            Line { line: 3, text: "## 三公经费表".into() },
            Line { line: 7, text: "项目\t预算数".into() },
            Line { line: 9, text: "合计\t12".into() },
        ];
        let blocks = read_lines("x.txt", &lines);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].line, 3);
        let rows: Vec<usize> = blocks[0].rows.iter().map(|r| r.line).collect();
        assert_eq!(rows, vec![7, 9]);
    }
}
