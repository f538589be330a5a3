//! One side of a comparison: a printed figure at a cell, with what it stands for under the
//! rounding model.

use crate::table::CellRef;
use crate::table::Table;
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

    /// The figure of the cell [`Operand::at`] would read, without the cell's reference and labels
    /// (several strings each): all a comparison needs until it fails. `None` exactly when
    /// [`Operand::at`] is `None`. It is in the table's own unit, not in 元: comparisons of cells
    /// of one table agree or not alike in either (scaling every figure by one factor keeps sums
    /// and rounding intervals in proportion), so only cells of one table may be compared so.
    pub fn figure_at(table: &Table, row: usize, col: usize) -> Option<Figure> {
        let value = table.amount(row, col)?;
        let blank = table.cell(row, col).is_none_or(|c| c.value.is_blank());
        Some(if blank { BLANK } else { Figure::printed_in_own_unit(value) })
    }

    /// A blank cell is an exact zero: it must not widen the rounding interval the way a
    /// printed `0.00` (which could stand for 0.004) does.
    pub fn figure(&self) -> Figure {
        if self.blank {
            BLANK
        } else {
            Figure::printed(self.value, self.factor)
        }
    }
}

/// What a blank cell stands for: an exact zero.
const BLANK: Figure = Figure { value: Decimal::ZERO, ulp: Decimal::ZERO };
