//! A cell as the user sees it, named the way a spreadsheet names it.

use serde::Serialize;

/// A cell as the user sees it: which table, which row and column, and a spreadsheet-style name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellRef {
    pub table: usize,
    /// Row index in the table's grid, header rows included.
    pub row: usize,
    pub col: usize,
    /// Spreadsheet-style reference within the table, e.g. `C5`.
    pub a1: String,
    /// The row's code and name (or label), e.g. `21011 行政事业单位医疗`.
    pub row_label: String,
    pub column_label: String,
    /// Line of the pasted text (or sheet row) the cell came from, 1-based.
    pub line: usize,
}

impl CellRef {
    /// `表二 21011 行政事业单位医疗 / 总计 (C13)`
    pub fn describe(&self, table_name: &str) -> String {
        let row = if self.row_label.is_empty() { String::new() } else { format!(" {}", self.row_label) };
        let col = if self.column_label.is_empty() { String::new() } else { format!(" / {}", self.column_label) };
        format!("{table_name}{row}{col} ({})", self.a1)
    }
}

/// `0 → A`, `25 → Z`, `26 → AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (col % 26) as u8) as char);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_column_letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }
}
