//! `sheet-text.wasm`: the spreadsheet reader the page loads only when a workbook arrives (in a
//! worker, see boot.js), so calamine never weighs on the page's first load. No imports:
//! [`reader_wire::reader_module`]'s two exports around [`sheet_text::sheets_text`], given the
//! workbook's [`sheet_text::Format::code`] and the checker's text limit, answering in
//! [`sheet_text::wire`].

#[cfg(target_arch = "wasm32")]
use sheet_text::{sheets_text, wire, Format, SheetError};

/// The encoded reading of one workbook.
#[cfg(target_arch = "wasm32")]
fn answer(bytes: &[u8], format: u32, limit: usize) -> Vec<u8> {
    let result = match Format::from_code(format) {
        Some(format) => sheets_text(format, bytes, limit),
        None => Err(SheetError::Damaged(format!("unknown format code {format}"))),
    };
    wire::encode(&result)
}

reader_wire::reader_module!(answer);
