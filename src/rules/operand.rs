//! One side of a comparison: a printed figure at a cell, with what it stands for under the
//! rounding model.

use crate::table::CellRef;
use crate::table::{ColumnRole, Table};
use crate::tolerance::Figure;
use rust_decimal::Decimal;

/// One side of a comparison: a printed figure at a cell.
#[derive(Debug, Clone)]
pub struct Operand {
    pub cell: CellRef,
    pub value: Decimal,
    pub factor: Decimal,
    /// Nothing (or a placeholder) was printed.
    pub blank: bool,
}

impl Operand {
    pub fn at(table: &Table, row: usize, col: usize) -> Option<Operand> {
        let blank = table.cell(row, col).is_none_or(|c| c.value.is_blank());
        Some(Operand {
            cell: table.cell_ref(row, col),
            value: table.amount(row, col)?,
            factor: table.unit.factor(),
            blank,
        })
    }

    pub fn at_cell(table: &Table, (row, col): (usize, usize)) -> Option<Operand> {
        Operand::at(table, row, col)
    }

    /// The amount of a code table's 合计 row in the column with this role.
    pub fn in_total_row(table: &Table, role: ColumnRole) -> Option<Operand> {
        Operand::at(table, table.total_row()?, table.column_of(role, None)?)
    }

    /// The 决算 layout's footer totals (人员经费合计, 公用经费合计), which together are its 基本支出.
    pub fn footer_totals(table: &Table) -> Option<[Operand; 2]> {
        let [(_, personnel), (_, public)] = table.footer_totals()?;
        Some([Operand::at_cell(table, personnel)?, Operand::at_cell(table, public)?])
    }

    /// The operand at a cell of one half of a side-by-side table ([`Table::halves`]), named by
    /// that half's code and name.
    pub fn in_half(table: &Table, row: usize, col: usize, code_col: usize) -> Option<Operand> {
        let mut operand = Operand::at(table, row, col)?;
        // Halves belong to code tables; a table without a code column has none.
        table.code_column()?;
        if let Some(label) = table.half_row_label(row, col, code_col) {
            operand.cell.row_label = label;
        }
        Some(operand)
    }

    /// The figure of the cell [`Operand::at`] would read, without the cell's reference and labels
    /// (several strings each): all a comparison needs until it fails. `None` exactly when
    /// [`Operand::at`] is `None`. It is in the table's own unit, not in 元: comparisons of cells
    /// of one table agree or not alike in either (scaling every figure by one factor keeps sums
    /// and rounding intervals in proportion), so only cells of one table may be compared so.
    pub fn figure_at(table: &Table, row: usize, col: usize) -> Option<Figure> {
        let value = table.amount(row, col)?;
        let blank = table.cell(row, col).is_none_or(|c| c.value.is_blank());
        Some(if blank { Figure::BLANK } else { Figure::printed_in_own_unit(value) })
    }

    /// A blank cell is an exact zero: it must not widen the rounding interval the way a
    /// printed `0.00` (which could stand for 0.004) does.
    pub fn figure(&self) -> Figure {
        if self.blank {
            Figure::BLANK
        } else {
            Figure::printed(self.value, self.factor)
        }
    }
}
