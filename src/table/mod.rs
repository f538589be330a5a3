//! A recognised table: its kind, unit, grid of read cells, header and column roles.

mod cell_ref;
mod code;
mod form;
mod halves;
mod kind;
mod recognise;
mod sets;
mod sides;
mod three_public;

pub use cell_ref::{column_letters, CellRef};
pub use code::SubjectCode;
pub use form::{FieldKey, Form, FormField, Indicator, IndicatorColumns};
pub use kind::TableKind;
pub use recognise::{recognise, recognise_owned, Recognised, Unrecognised};
pub use sets::TableSet;
pub use sides::{plain_name, SideItems};
pub use three_public::Series;

use crate::amount::{CellValue, Rewrite};
use crate::unit::Unit;
use rust_decimal::Decimal;
use serde::Serialize;

/// One printed cell and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub text: String,
    pub value: CellValue,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rewrites: Vec<Rewrite>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Line of the input (or sheet row) the row came from, 1-based.
    pub line: usize,
    pub cells: Vec<Cell>,
}

/// In a 收入 | 支出 table, which half a column belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Income,
    Expenditure,
}

/// What a column means, from its header words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    Code,
    Name,
    /// The row label of one side of a 收入 | 支出 table.
    Label,
    Total,
    Subtotal,
    Basic,
    Project,
    Personnel,
    PublicUse,
    GeneralBudget,
    GovFund,
    StateCapital,
    CarryIn,
    /// Another amount column that adds up into the total.
    Part,
    /// A column with no amounts (prose, 是否核心指标, …).
    Other,
}

impl ColumnRole {
    pub fn is_amount(self) -> bool {
        !matches!(self, ColumnRole::Code | ColumnRole::Name | ColumnRole::Label | ColumnRole::Other)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Header cells above this column, top to bottom, merged cells filled in.
    pub path: Vec<String>,
    pub role: ColumnRole,
    pub side: Option<Side>,
}

impl Column {
    /// The lowest header cell: what a reviewer calls the column.
    pub fn label(&self) -> &str {
        self.path.last().map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub index: usize,
    pub source: String,
    pub line: usize,
    /// The printed number, e.g. `表二`.
    pub number: Option<String>,
    pub title: String,
    pub kind: TableKind,
    pub unit: Unit,
    /// False when no unit caption was printed and the unit was assumed.
    pub unit_printed: bool,
    pub rows: Vec<Row>,
    pub header_rows: usize,
    pub columns: Vec<Column>,
    pub notes: Vec<String>,
    pub form: Option<Form>,
    /// Codes printed across separate 类 | 款 | 项 columns, joined per row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub split_codes: Vec<SplitCode>,
    /// Read from aligned text or a PDF, where a figure may stand one column off (see
    /// `Block::placed_by_position`).
    #[serde(skip)]
    pub placed_by_position: bool,
}

/// A subject code printed across separate 类 | 款 (| 项) columns: the 类 column carries the
/// [`ColumnRole::Code`] role and stands for the group; `codes` holds each row's joined code, with
/// the 类/款 carried down from the rows above when a row prints only its 款 or 项.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SplitCode {
    /// The 类, 款 and (when printed) 项 columns, left to right.
    pub columns: Vec<usize>,
    /// One entry per row of the table (header rows are `None`).
    pub codes: Vec<Option<SubjectCode>>,
}

/// Labels of total rows.
const TOTAL_LABELS: &[&str] = &["合计", "总计"];

impl Table {
    /// How messages name the table: its printed number (表二), a project form by its project,
    /// else its title.
    pub fn short_name(&self) -> String {
        if let Some(number) = &self.number {
            return number.clone();
        }
        let project = self.form.as_ref().and_then(|f| f.field(FieldKey::ProjectName));
        match project.map(|f| self.text(f.row, f.value_col)) {
            // Project names are printed as `50011021T000000046543-名称`.
            Some(name) if !name.is_empty() => {
                let name = name.split_once('-').filter(|(code, _)| code.is_ascii()).map_or(name, |(_, n)| n);
                format!("项目“{name}”")
            }
            _ => self.title.clone(),
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row)?.cells.get(col)
    }

    pub fn text(&self, row: usize, col: usize) -> &str {
        self.cell(row, col).map(|c| c.text.as_str()).unwrap_or("")
    }

    /// The amount a cell contributes to a sum: blank counts as zero, text as nothing.
    pub fn amount(&self, row: usize, col: usize) -> Option<Decimal> {
        match self.cell(row, col) {
            Some(cell) => cell.value.amount(),
            None => Some(Decimal::ZERO),
        }
    }

    pub fn data_rows(&self) -> std::ops::Range<usize> {
        self.header_rows..self.rows.len()
    }

    pub fn column_of(&self, role: ColumnRole, side: Option<Side>) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role && c.side == side)
    }

    /// Amount columns of one side (or of the whole table when it has no sides).
    pub fn amount_columns(&self, side: Option<Side>) -> Vec<usize> {
        (0..self.columns.len()).filter(|&c| self.columns[c].role.is_amount() && self.columns[c].side == side).collect()
    }

    pub fn code_column(&self) -> Option<usize> {
        self.column_of(ColumnRole::Code, None)
    }

    pub fn row_code(&self, row: usize) -> Option<SubjectCode> {
        self.code_at(row, self.code_column()?)
    }

    /// The code a row prints in a code column: the joined code when the column is the 类 of
    /// split 类 | 款 | 项 columns, else the cell read as a code.
    pub fn code_at(&self, row: usize, col: usize) -> Option<SubjectCode> {
        match self.split_codes.iter().find(|s| s.columns.first() == Some(&col)) {
            Some(split) => split.codes.get(row).cloned().flatten(),
            None => SubjectCode::parse(self.text(row, col)),
        }
    }

    /// The row's label on one side: the name (or label) cell, falling back to the code cell.
    pub fn row_name(&self, row: usize, side: Option<Side>) -> String {
        let label_col = self
            .column_of(ColumnRole::Label, side)
            .or_else(|| self.column_of(ColumnRole::Name, side))
            .or_else(|| self.code_column());
        let name = label_col.map(|c| self.text(row, c)).unwrap_or("");
        if name.is_empty() {
            // 合计 is often printed in the code column of a code table.
            self.code_column().map(|c| self.text(row, c)).unwrap_or("").to_string()
        } else {
            name.to_string()
        }
    }

    /// `21011 行政事业单位医疗`, or the label alone when the row has no code.
    pub fn row_label(&self, row: usize, side: Option<Side>) -> String {
        let name = self.row_name(row, side);
        match self.row_code(row) {
            Some(code) if side.is_none() && name != code.as_str() => format!("{code} {name}"),
            _ => name,
        }
    }

    /// Whether the row is a 合计/总计 row of a code table (or of one side).
    pub fn is_total_row(&self, row: usize, side: Option<Side>) -> bool {
        let name = bare_label(&self.row_name(row, side));
        TOTAL_LABELS.contains(&name.as_str())
    }

    pub fn cell_ref(&self, row: usize, col: usize) -> CellRef {
        let side = self.columns.get(col).and_then(|c| c.side);
        CellRef {
            table: self.index,
            row,
            col,
            a1: format!("{}{}", column_letters(col), row + 1),
            row_label: self.row_label(row, side),
            column_label: self.columns.get(col).map(|c| c.label().to_string()).unwrap_or_default(),
            line: self.rows.get(row).map(|r| r.line).unwrap_or(self.line),
        }
    }

    /// True when every amount cell of the data rows is blank.
    pub fn is_empty_of_amounts(&self) -> bool {
        self.data_rows()
            .all(|r| self.rows[r].cells.iter().all(|c| !c.value.is_number() || c.value.amount() == Some(Decimal::ZERO)))
    }
}

/// A label without white space and colons (either width): labels are compared this way, since
/// printings space and punctuate one label differently (`合　计`, `项目名称：`).
pub fn bare_label(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '：' && *c != ':').collect()
}
