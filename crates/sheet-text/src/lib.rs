//! Spreadsheet uploads (.xlsx, .xlsm, .xlsb, .xls, .ods) as text: every sheet as tab-separated
//! rows under a line naming it. One crate for the command line (linked in) and the page (built
//! alone as the on-demand module `sheet-text.wasm`, see `crates/sheet-wasm`), so both read a
//! workbook into exactly the same text, and the page's first load carries no spreadsheet reader.

#[cfg(feature = "read")]
mod cfb_guard;
#[cfg(feature = "read")]
mod read;
pub mod wire;
#[cfg(feature = "read")]
mod zip_guard;

#[cfg(feature = "read")]
pub use read::{sheets_text, MAX_CELLS, MAX_MERGED};

/// The line that starts each sheet's text.
pub fn sheet_line(name: &str) -> String {
    format!("{SHEET_PREFIX}{} ===", name.replace(['\r', '\n'], " "))
}

/// Start of a sheet line; the checker reads each sheet as a part of its own.
pub const SHEET_PREFIX: &str = "=== 工作表：";

/// Which spreadsheet format a file is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Format {
    /// The format a file name's extension names, if a spreadsheet's.
    pub fn of_name(name: &str) -> Option<Format> {
        let (_, extension) = name.rsplit_once('.')?;
        match extension.to_ascii_lowercase().as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xlsb" => Some(Format::Xlsb),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }

    /// The number that names the format to the on-demand module.
    pub fn code(self) -> u32 {
        self as u32
    }

    /// The format a [`Format::code`] names.
    pub fn from_code(code: u32) -> Option<Format> {
        [Format::Xlsx, Format::Xlsb, Format::Xls, Format::Ods].into_iter().find(|f| f.code() == code)
    }
}

/// Why a workbook was not read: damaged (calamine's words), or over a limit (Chinese, English).
#[derive(Debug, Clone, PartialEq)]
pub enum SheetError {
    Damaged(String),
    Limit(String, String),
}

impl From<String> for SheetError {
    fn from(e: String) -> SheetError {
        SheetError::Damaged(e)
    }
}

/// A workbook's text and the (Chinese, English) notes on what was left out.
pub type SheetsText = (String, Vec<(String, String)>);
