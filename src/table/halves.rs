//! The halves of a code table printed side by side (the 决算 基本支出表: 301/303 ‖ 302/310), and
//! the footer totals that layout prints under them.

use super::{bare_label, ColumnRole, Table};

/// The footer labels of the 决算 basic-expenditure layout, which together are its 基本支出.
const FOOTER_TOTALS: [&str; 2] = ["人员经费合计", "公用经费合计"];

impl Table {
    /// The first 合计/总计 row of a code table.
    pub fn total_row(&self) -> Option<usize> {
        self.data_rows().find(|&r| self.is_total_row(r, None))
    }

    /// The halves of a code table: each code column with the amount columns up to the next code
    /// column. Most tables have one; the 决算 基本支出表 prints 301/303 and 302/310 side by side.
    pub fn halves(&self) -> Vec<(usize, Vec<usize>)> {
        let code_cols: Vec<usize> = (0..self.columns.len())
            .filter(|&c| self.columns[c].role == ColumnRole::Code && self.columns[c].side.is_none())
            .collect();
        let amounts = self.amount_columns(None);
        code_cols
            .iter()
            .enumerate()
            .map(|(i, &code)| {
                let start = if i == 0 { 0 } else { code };
                let end = code_cols.get(i + 1).copied().unwrap_or(self.columns.len());
                (code, amounts.iter().copied().filter(|c| (start..end).contains(c)).collect())
            })
            .collect()
    }

    /// How a row of the half whose code column is `code_col` is named, up to the amount column
    /// `col`: that half's code and name. `None` for the left half, which the table's own row
    /// label names.
    pub fn half_row_label(&self, row: usize, col: usize, code_col: usize) -> Option<String> {
        if Some(code_col) == self.code_column() {
            return None;
        }
        let name_col = (code_col + 1..col).find(|&c| self.columns[c].role == ColumnRole::Name);
        let code = match self.code_at(row, code_col) {
            Some(code) => code.to_string(),
            None => self.text(row, code_col).split_whitespace().collect::<String>(),
        };
        let name = name_col.map(|c| self.text(row, c)).unwrap_or("");
        Some(format!("{code} {name}").trim().to_string())
    }

    /// A footer total of the 决算 layout: the amount right of the cell labelled `label`.
    pub fn footer_cell(&self, label: &str) -> Option<(usize, usize)> {
        self.data_rows().find_map(|row| {
            let cells = &self.rows.get(row)?.cells;
            let at = cells.iter().position(|c| bare_label(&c.text) == label)?;
            let col = (at + 1..cells.len()).find(|&c| self.columns.get(c).is_some_and(|col| col.role.is_amount()))?;
            self.amount(row, col)?;
            Some((row, col))
        })
    }

    /// The 决算 layout's footer totals (人员经费合计, 公用经费合计), with their labels.
    pub fn footer_totals(&self) -> Option<[(&'static str, (usize, usize)); 2]> {
        let [personnel, public] = FOOTER_TOTALS;
        Some([(personnel, self.footer_cell(personnel)?), (public, self.footer_cell(public)?)])
    }
}
