//! The readers: every sheet as tab-separated rows (calamine), numbers printed as the sheet
//! displays them.
//!
//! Cells hold binary floats; amounts must be exact decimals with their printed scale. Where the
//! file says how a cell is displayed (the number format of .xlsx), the float is rounded to the
//! displayed decimals (352.155 shown as `0.00` is 352.16). Elsewhere it is read with
//! `Decimal::from_f64` and a binary artefact (352.15999999) is rounded to two decimals; whole
//! numbers, including subject codes stored as numbers (2010101), print as integers.

use calamine::{Data, DataRef, Dimensions, Ods, Range, Reader, Xls, Xlsb, Xlsx};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;
use std::io::Cursor;

use crate::{sheet_line, Format, SheetError, SheetsText};

/// A filled cell at its absolute (row, col).
type FilledCell = ((u32, u32), Data);

/// A sheet's filled cells by absolute (row, col), with merged regions and display decimals
/// where the format records them. Kept sparse: one far-away cell must not make a dense grid.
struct Sheet {
    name: String,
    cells: Vec<FilledCell>,
    merged: Vec<Dimensions>,
    /// Displayed decimals (and whether shown as a percentage) per absolute (row, col).
    decimals: Box<dyn Fn((u32, u32)) -> Option<Display>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Display {
    decimals: u32,
    percent: bool,
}

/// Most filled cells read from one workbook; budget disclosures hold a few thousand.
pub const MAX_CELLS: usize = 500_000;
/// Most merged regions of a sheet honoured: each cell is tested against each region.
pub const MAX_MERGED: usize = 10_000;

/// Every sheet of a workbook as text, or why it cannot be read. Zip-based workbooks are
/// checked for bombs first (`zip_guard`); at most [`MAX_CELLS`] cells and `max_text` bytes of
/// text (the checker's own input limit) are read, with a note when more were there.
pub fn sheets_text(format: Format, bytes: &[u8], max_text: usize) -> Result<SheetsText, SheetError> {
    if format != Format::Xls {
        crate::zip_guard::check(bytes).map_err(|(zh, en)| SheetError::Limit(zh, en))?;
    }
    let mut notes = Vec::new();
    let (sheets, cut) = read_sheets(format, bytes, max_text)?;
    if let Some(name) = cut {
        notes.push((
            format!(
                "单元格超过 {MAX_CELLS} 个或文字超过 {} MB：只读取到工作表“{name}”的前一部分，其后的内容未检查。",
                max_text >> 20
            ),
            format!(
                "more than {MAX_CELLS} cells or {} MB of cell text: reading stopped in sheet \"{name}\"; what follows was not checked.",
                max_text >> 20
            ),
        ));
    }
    let mut out = Vec::new();
    let mut budget = max_text;
    for sheet in sheets {
        out.push(sheet_line(&sheet.name));
        let (rows, cut) = sheet_rows(&sheet, &mut budget);
        out.extend(rows);
        if cut {
            let mb = max_text >> 20;
            notes.push((
                format!("文本超过 {mb} MB：只读取到工作表“{}”的前一部分，其后的内容未检查。", sheet.name),
                format!(
                    "over {mb} MB of text: reading stopped in sheet \"{}\"; what follows was not checked.",
                    sheet.name
                ),
            ));
            break;
        }
    }
    Ok((out.join("\n"), notes))
}

/// Bytes of text a cell holds.
fn text_size(value: &DataRef<'_>) -> usize {
    match value {
        DataRef::String(s) => s.len(),
        DataRef::SharedString(s) => s.len(),
        _ => 0,
    }
}

/// Keeps a streamed cell while both budgets last (its text measured before it is copied: a
/// million cells naming one 30 MB shared string would otherwise copy it a million times);
/// false once the sheet must be cut here.
fn keep_cell(
    cells: &mut Vec<FilledCell>,
    budget: usize,
    text_budget: &mut usize,
    position: (u32, u32),
    value: &DataRef<'_>,
) -> bool {
    let size = text_size(value);
    if cells.len() == budget || size > *text_budget {
        return false;
    }
    let data = Data::from(value.clone());
    if data != Data::Empty {
        *text_budget -= size;
        cells.push((position, data));
    }
    true
}

/// A sheet's cells streamed one by one by `next` (.xlsx, .xlsb), kept while both budgets last
/// ([`keep_cell`]), and whether the sheet had to be cut there.
fn stream_cells<'a, E: ToString>(
    budget: usize,
    text_budget: &mut usize,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
) -> Result<(Vec<FilledCell>, bool), String> {
    let mut cells = Vec::new();
    while let Some(cell) = next().map_err(|e| e.to_string())? {
        if !keep_cell(&mut cells, budget, text_budget, cell.get_position(), cell.get_value()) {
            return Ok((cells, true));
        }
    }
    Ok((cells, false))
}

/// The sheets read, and the name of the sheet where [`MAX_CELLS`] (or
/// `max_text` bytes of cell text) stopped the reading.
fn read_sheets(format: Format, bytes: &[u8], max_text: usize) -> Result<(Vec<Sheet>, Option<String>), String> {
    let cursor = Cursor::new(bytes.to_vec());
    let none = || -> Box<dyn Fn((u32, u32)) -> Option<Display>> { Box::new(|_| None) };
    let mut sheets = Vec::new();
    let mut budget = MAX_CELLS;
    let mut text_budget = max_text;
    let mut cut = None;
    match format {
        Format::Xlsx => {
            let mut book: Xlsx<_> = Xlsx::new(cursor).map_err(|e| e.to_string())?;
            for name in book.sheet_names() {
                // Streamed cell by cell: calamine's worksheet_range would allocate the whole
                // bounding box, which a single cell at XFD1048576 makes 17 billion cells.
                let mut reader = book.worksheet_cells_reader(&name).map_err(|e| e.to_string())?;
                let (cells, stopped) = stream_cells(budget, &mut text_budget, || reader.next_cell())?;
                drop(reader);
                if stopped {
                    cut = Some(name.clone());
                }
                budget -= cells.len();
                let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let decimals: Box<dyn Fn((u32, u32)) -> Option<Display>> = match book.worksheet_style(&name) {
                    Ok(styles) => Box::new(move |pos| {
                        styles.get(pos).and_then(|s| s.number_format.as_ref()).and_then(|f| display_of(&f.format_code))
                    }),
                    Err(_) => none(),
                };
                sheets.push(Sheet { name, cells, merged, decimals });
                if cut.is_some() {
                    break;
                }
            }
        }
        Format::Xls => {
            let mut book: Xls<_> = Xls::new(guarded_xls(bytes)?).map_err(|e| e.to_string())?;
            for name in book.sheet_names() {
                let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
                let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let cells = filled(&range, &mut budget, &mut cut, &name);
                sheets.push(Sheet { name, cells, merged, decimals: none() });
            }
        }
        Format::Xlsb => {
            let mut book: Xlsb<_> = Xlsb::new(cursor).map_err(|e| e.to_string())?;
            for name in book.sheet_names() {
                // Streamed like .xlsx, for the same reason.
                let mut reader = book.worksheet_cells_reader(&name).map_err(|e| e.to_string())?;
                let (cells, stopped) = stream_cells(budget, &mut text_budget, || reader.next_cell())?;
                drop(reader);
                if stopped {
                    cut = Some(name.clone());
                }
                budget -= cells.len();
                sheets.push(Sheet { name, cells, merged: Vec::new(), decimals: none() });
                if cut.is_some() {
                    break;
                }
            }
        }
        Format::Ods => {
            let mut book: Ods<_> = Ods::new(cursor).map_err(|e| e.to_string())?;
            for name in book.sheet_names() {
                let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
                let cells = filled(&range, &mut budget, &mut cut, &name);
                sheets.push(Sheet { name, cells, merged: Vec::new(), decimals: none() });
            }
        }
    }
    Ok((sheets, cut))
}

use crate::cfb_guard::MAX_XLS_CELLS;

/// A legacy .xls prepared so that calamine 0.38 cannot panic or exhaust memory on a damaged
/// file: declared sheet dimensions, sector chains and cell spans are checked first
/// (`cfb_guard`), the file is padded to whole sectors, and
/// its end is reported one sector early, because calamine counts the header sector as data and
/// a damaged sector reference to the last one would read past what it loaded.
fn guarded_xls(bytes: &[u8]) -> Result<SectorEnd, String> {
    const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.len() < 512 || bytes[..8] != SIGNATURE {
        return Err("not an OLE compound file".to_string());
    }
    let sector = match bytes[30] {
        9 => 512,
        12 => 4096,
        shift => return Err(format!("sector shift {shift} is not 9 or 12")),
    };
    if let Some(cells) = declared_cells(bytes).filter(|&c| c > MAX_XLS_CELLS) {
        return Err(format!("a sheet declares {cells} cells, more than {MAX_XLS_CELLS}"));
    }
    let mut data = bytes.to_vec();
    data.resize(bytes.len().div_ceil(sector).max(1) * sector, 0);
    let end = (data.len() - sector) as u64;
    crate::cfb_guard::check(&data, end as usize)?;
    Ok(SectorEnd { inner: Cursor::new(data), end })
}

/// The largest cell count a DIMENSIONS record (BIFF8: id 0x0200, 14 or 16 bytes) declares, read
/// as calamine reads it; records are found by their header in the raw bytes.
fn declared_cells(bytes: &[u8]) -> Option<u64> {
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64);
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as u64);
    let mut largest = None;
    for i in 0..bytes.len().saturating_sub(4) {
        if bytes[i..i + 2] != [0x00, 0x02] || !matches!(u16_at(i + 2), Some(14 | 16)) {
            continue;
        }
        let (Some(first_row), Some(last_row), Some(mut first_col), Some(last_col)) =
            (u32_at(i + 4), u32_at(i + 8), u16_at(i + 12), u16_at(i + 14))
        else {
            continue;
        };
        if first_col > 0xFF || last_col < first_col {
            first_col = 0;
        }
        let cells = if last_row >= 1 && last_col >= 1 {
            // calamine computes the row count in u32 and wraps when the rows are reversed.
            let rows = (last_row - 1).wrapping_sub(first_row).wrapping_add(1) & 0xFFFF_FFFF;
            rows * (last_col - first_col)
        } else {
            1
        };
        largest = largest.max(Some(cells));
    }
    largest
}

/// A reader whose end is reported at `end`; reads and other seeks are untouched.
struct SectorEnd {
    inner: Cursor<Vec<u8>>,
    end: u64,
}

impl std::io::Read for SectorEnd {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl std::io::Seek for SectorEnd {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        match pos {
            std::io::SeekFrom::End(0) => {
                self.inner.set_position(self.end);
                Ok(self.end)
            }
            other => self.inner.seek(other),
        }
    }
}

/// The filled cells of a range, by absolute position, at most `budget` of them (the budget
/// shrinks by what was taken; `cut` names the first sheet that did not fit).
fn filled(range: &Range<Data>, budget: &mut usize, cut: &mut Option<String>, name: &str) -> Vec<FilledCell> {
    let mut cells: Vec<_> =
        range.used_cells().take(*budget + 1).map(|(r, c, data)| ((r as u32, c as u32), data.clone())).collect();
    if cells.len() > *budget {
        cells.truncate(*budget);
        cut.get_or_insert_with(|| name.to_string());
    }
    *budget -= cells.len();
    cells
}

/// The sheet's rows that hold something, as tab-separated text from the leftmost filled
/// column; positions covered by a merged region other than its top-left cell are left empty.
/// Rows are written while they fit in `budget` bytes (which shrinks by what was written); true
/// when one did not fit. A row is measured before it is written, so one far cell per row
/// cannot make gigabytes of tabs.
fn sheet_rows(sheet: &Sheet, budget: &mut usize) -> (Vec<String>, bool) {
    let merged = &sheet.merged[..sheet.merged.len().min(MAX_MERGED)];
    let covered = |r: u32, c: u32| merged.iter().any(|m| m.contains(r, c) && (r, c) != (m.start.0, m.start.1));
    let Some(left) = sheet.cells.iter().map(|((_, c), _)| *c).min() else {
        return (Vec::new(), false);
    };
    let mut rows: BTreeMap<u32, Vec<(usize, String)>> = BTreeMap::new();
    for &((r, c), ref data) in &sheet.cells {
        if covered(r, c) {
            continue;
        }
        let text = cell_text(data, (sheet.decimals)((r, c)));
        if !text.is_empty() {
            rows.entry(r).or_default().push(((c - left) as usize, text));
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for mut cells in rows.into_values() {
        cells.sort_by_key(|(at, _)| *at);
        cells.dedup_by(|later, earlier| later.0 == earlier.0);
        let width = cells.last().map_or(0, |(at, _)| *at);
        let len = width + cells.iter().map(|(_, t)| t.len()).sum::<usize>() + 1;
        if len > *budget {
            return (out, true);
        }
        *budget -= len;
        let mut line = String::with_capacity(len);
        let mut column = 0;
        for (at, text) in cells {
            while column < at {
                line.push('\t');
                column += 1;
            }
            line.push_str(&text);
        }
        out.push(line);
    }
    (out, false)
}

fn cell_text(data: &Data, display: Option<Display>) -> String {
    let text = match data {
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f, display),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    };
    // A tab or line break inside a cell would split it.
    text.replace(['\t', '\r', '\n'], " ").trim().to_string()
}

/// A float as the sheet shows it: at the displayed decimals when known, else without its
/// binary artefact.
fn float_text(f: f64, display: Option<Display>) -> String {
    let Some(value) = Decimal::from_f64(f) else {
        return f.to_string();
    };
    match display {
        Some(Display { decimals, percent }) => {
            let shown = if percent { value * Decimal::ONE_HUNDRED } else { value };
            let mut rounded = shown.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
            rounded.rescale(decimals);
            if percent {
                format!("{rounded}%")
            } else {
                rounded.to_string()
            }
        }
        None => {
            let two = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let artefact = (value - two).abs() <= Decimal::new(1, 6);
            if artefact { two } else { value }.normalize().to_string()
        }
    }
}

/// Decimals shown by a number format code (`0.00`, `#,##0.00;[Red](#,##0.00)`, `0.0%`);
/// None for General, text and dates, whose display says nothing about decimals.
fn display_of(code: &str) -> Option<Display> {
    let mut section = String::new();
    let mut chars = code.chars();
    let mut in_quote = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => in_quote = !in_quote,
            _ if in_quote => {}
            ';' => break,
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            _ => section.push(c),
        }
    }
    let lower = section.to_ascii_lowercase();
    if !section.contains('0') && !section.contains('#')
        || lower.contains("general")
        || lower.chars().any(|c| "ymdhse".contains(c))
    {
        return None;
    }
    let decimals = section
        .split_once('.')
        .map_or(0, |(_, frac)| frac.chars().take_while(|c| matches!(c, '0' | '#' | '?')).count() as u32);
    Some(Display { decimals, percent: section.contains('%') })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_at_the_displayed_decimals_or_without_artefacts() {
        let two = Some(Display { decimals: 2, percent: false });
        assert_eq!(float_text(352.155, two), "352.16");
        assert_eq!(float_text(12.0, two), "12.00");
        assert_eq!(float_text(0.256, Some(Display { decimals: 1, percent: true })), "25.6%");
        assert_eq!(float_text(352.15999999999997, None), "352.16");
        assert_eq!(float_text(0.1 + 0.2, None), "0.3");
        assert_eq!(float_text(2010101.0, None), "2010101");
        assert_eq!(float_text(0.123456, None), "0.123456");
    }

    #[test]
    fn number_formats_tell_the_decimals() {
        let d = |code: &str| display_of(code).map(|d| (d.decimals, d.percent));
        assert_eq!(d("0.00"), Some((2, false)));
        assert_eq!(d("#,##0.00;[Red](#,##0.00)"), Some((2, false)));
        assert_eq!(d("_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)"), Some((2, false)));
        assert_eq!(d("#,##0"), Some((0, false)));
        assert_eq!(d("0.0%"), Some((1, true)));
        assert_eq!(d("General"), None);
        assert_eq!(d("yyyy-mm-dd"), None);
        assert_eq!(d("@"), None);
    }

    #[test]
    fn corrupt_workbooks_are_errors() {
        for format in [Format::Xlsx, Format::Xls, Format::Xlsb, Format::Ods] {
            assert!(sheets_text(format, b"not a workbook", 1 << 20).is_err(), "{format:?}");
            assert!(sheets_text(format, b"", 1 << 20).is_err(), "{format:?}");
        }
    }
}
