//! Bounds for zip-based workbooks (.xlsx, .xlsm, .xlsb, .ods) before calamine reads them: a
//! 215 KB file whose sheet inflates to 100 MB froze the page for a minute, and 1 MB of zip can
//! hold 1 GB of spaces. Every entry's declared size is checked, then each entry is inflated
//! once into a small buffer that is thrown away, counting bytes, so a size that lies is caught
//! too.

use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush, MZStatus};

/// Most bytes one entry (a sheet's XML, the shared strings) may inflate to.
pub const MAX_ENTRY_BYTES: u64 = 32 << 20;
/// Most bytes all entries together may inflate to.
pub const MAX_TOTAL_BYTES: u64 = 128 << 20;

fn u16_at(b: &[u8], i: usize) -> Option<usize> {
    b.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
}

fn u32_at(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..i + 4).map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
}

fn mb(bytes: u64) -> u64 {
    bytes >> 20
}

/// Refuses a zip whose entries declare or inflate to more than the limits, in the words the
/// user sees (Chinese, English). A zip this code cannot follow is left to calamine, which
/// reports it as damaged.
pub fn check(bytes: &[u8]) -> Result<(), (String, String)> {
    let too_big = |name: &str, size: u64, limit: u64| {
        (
            format!(
                "其中的“{name}”解压后超过 {} MB（上限 {} MB），可能是压缩炸弹或超大表格",
                mb(size).max(1),
                mb(limit)
            ),
            format!(
                "its part \"{name}\" inflates to more than {} MB (limit {} MB): a zip bomb or an oversized sheet",
                mb(size).max(1),
                mb(limit)
            ),
        )
    };
    let Some(eocd) =
        (0..bytes.len().saturating_sub(21)).rev().take(65_557).find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
    else {
        return Ok(());
    };
    let (Some(count), Some(mut at)) = (u16_at(bytes, eocd + 10), u32_at(bytes, eocd + 16)) else { return Ok(()) };
    // ZIP64 (a locator before the record, or its sizes maxed out) can point the zip reader at
    // another directory than the one checked here; no workbook of a budget needs it.
    let locator = eocd.checked_sub(20).is_some_and(|i| bytes[i..].starts_with(b"PK\x06\x07"));
    if locator || count == 0xFFFF || at == 0xFFFF_FFFF {
        return Err((
            "是 ZIP64 格式（超大压缩包），本检查不读取此格式".to_string(),
            "it is a ZIP64 archive (for very large contents), which this checker does not read".to_string(),
        ));
    }
    let mut total = 0u64;
    for _ in 0..count {
        let at_usize = at as usize;
        if !bytes.get(at_usize..).is_some_and(|b| b.starts_with(b"PK\x01\x02")) {
            return Ok(());
        }
        let (Some(method), Some(packed), Some(size), Some(name_len), Some(extra), Some(comment), Some(local)) = (
            u16_at(bytes, at_usize + 10),
            u32_at(bytes, at_usize + 20),
            u32_at(bytes, at_usize + 24),
            u16_at(bytes, at_usize + 28),
            u16_at(bytes, at_usize + 30),
            u16_at(bytes, at_usize + 32),
            u32_at(bytes, at_usize + 42),
        ) else {
            return Ok(());
        };
        let name = bytes.get(at_usize + 46..at_usize + 46 + name_len).map(String::from_utf8_lossy).unwrap_or_default();
        if size == 0xFFFF_FFFF || packed == 0xFFFF_FFFF {
            return Err(too_big(&name, 4 << 30, MAX_ENTRY_BYTES));
        }
        if size > MAX_ENTRY_BYTES {
            return Err(too_big(&name, size, MAX_ENTRY_BYTES));
        }
        let mut keep = (name == "content.xml").then(Vec::new);
        let actual = inflated_size(bytes, local as usize, method, packed as usize, MAX_ENTRY_BYTES, keep.as_mut());
        if actual > MAX_ENTRY_BYTES {
            return Err(too_big(&name, actual, MAX_ENTRY_BYTES));
        }
        total += size.max(actual);
        if total > MAX_TOTAL_BYTES {
            return Err((
                format!("解压后超过 {} MB（上限 {} MB），可能是压缩炸弹或超大工作簿", mb(total), mb(MAX_TOTAL_BYTES)),
                format!(
                    "it inflates to more than {} MB (limit {} MB): a zip bomb or an oversized workbook",
                    mb(total),
                    mb(MAX_TOTAL_BYTES)
                ),
            ));
        }
        if let Some(span) = keep.map(|xml| ods_span(&xml)).filter(|&span| span > MAX_ODS_CELLS) {
            return Err((
                format!("工作表的单元格范围（含重复的行列）达 {span} 个，超过上限 {MAX_ODS_CELLS}"),
                format!(
                    "a sheet spans {span} cells with its repeated rows and columns, over the {MAX_ODS_CELLS} limit"
                ),
            ));
        }
        at += 46 + (name_len + extra + comment) as u64;
    }
    Ok(())
}

/// Most cells an .ods sheet may span: calamine expands repeated rows and columns into a dense
/// grid (up to 100 M cells), so 200 bytes of XML could take gigabytes.
pub const MAX_ODS_CELLS: u64 = 2_000_000;

/// The largest grid calamine would build for a sheet of an .ods `content.xml`: the span of the
/// rows and columns that hold a value, with `number-rows-repeated` and
/// `number-columns-repeated` counted out.
fn ods_span(xml: &[u8]) -> u64 {
    let attr = |tag: &[u8], name: &[u8]| -> Option<u64> {
        let at = tag.windows(name.len()).position(|w| w == name)? + name.len();
        let rest = tag.get(at..)?.strip_prefix(b"=\"")?;
        let digits: Vec<u8> = rest.iter().copied().take_while(u8::is_ascii_digit).collect();
        std::str::from_utf8(&digits).ok()?.parse().ok()
    };
    let mut largest = 0u64;
    let (mut row, mut col) = (0u64, 0u64);
    let mut rows: Option<(u64, u64)> = None;
    let mut cols: Option<(u64, u64)> = None;
    let mut repeat_rows = 1u64;
    let span = |rows: Option<(u64, u64)>, cols: Option<(u64, u64)>| match (rows, cols) {
        (Some(r), Some(c)) => (r.1 - r.0 + 1).saturating_mul(c.1 - c.0 + 1),
        _ => 0,
    };
    let mut i = 0;
    while let Some(open) = xml[i..].iter().position(|&b| b == b'<') {
        let start = i + open + 1;
        let Some(close) = xml[start..].iter().position(|&b| b == b'>') else { break };
        let tag = &xml[start..start + close];
        i = start + close + 1;
        if tag.starts_with(b"table:table ") || tag == b"table:table" {
            largest = largest.max(span(rows, cols));
            (row, rows, cols) = (0, None, None);
        } else if tag.starts_with(b"table:table-row") {
            repeat_rows = attr(tag, b"table:number-rows-repeated").unwrap_or(1).max(1);
            col = 0;
            if tag.ends_with(b"/") {
                row = row.saturating_add(repeat_rows);
            }
        } else if tag == b"/table:table-row" {
            row = row.saturating_add(repeat_rows);
        } else if tag.starts_with(b"table:table-cell") || tag.starts_with(b"table:covered-table-cell") {
            let repeat = attr(tag, b"table:number-columns-repeated").unwrap_or(1).max(1);
            if tag.windows(17).any(|w| w == b"office:value-type") {
                let last_row = row.saturating_add(repeat_rows - 1);
                let last_col = col.saturating_add(repeat - 1);
                rows = Some(rows.map_or((row, last_row), |(a, b)| (a.min(row), b.max(last_row))));
                cols = Some(cols.map_or((col, last_col), |(a, b)| (a.min(col), b.max(last_col))));
            }
            col = col.saturating_add(repeat);
        }
    }
    largest.max(span(rows, cols))
}

/// How many bytes a deflated (or stored) entry really holds, counting no further than just
/// past `limit`, and its bytes into `keep` when given; 0 when its local header cannot be
/// followed (calamine then reports it).
fn inflated_size(
    bytes: &[u8],
    local: usize,
    method: usize,
    packed: usize,
    limit: u64,
    mut keep: Option<&mut Vec<u8>>,
) -> u64 {
    if !bytes.get(local..).is_some_and(|b| b.starts_with(b"PK\x03\x04")) {
        return 0;
    }
    let (Some(name_len), Some(extra)) = (u16_at(bytes, local + 26), u16_at(bytes, local + 28)) else { return 0 };
    let start = local + 30 + name_len + extra;
    let Some(data) = bytes.get(start..start.saturating_add(packed).min(bytes.len())) else { return 0 };
    match method {
        0 => {
            if let Some(keep) = keep {
                keep.extend_from_slice(data);
            }
            data.len() as u64
        }
        8 => {
            let mut state = InflateState::new_boxed(DataFormat::Raw);
            let mut out = vec![0u8; 64 * 1024];
            let (mut input, mut total) = (data, 0u64);
            loop {
                let result = inflate(&mut state, input, &mut out, MZFlush::None);
                input = &input[result.bytes_consumed..];
                total += result.bytes_written as u64;
                if let Some(keep) = keep.as_deref_mut() {
                    keep.extend_from_slice(&out[..result.bytes_written]);
                }
                match result.status {
                    Ok(MZStatus::StreamEnd) => return total,
                    Ok(_) if total <= limit && (result.bytes_consumed > 0 || result.bytes_written > 0) => {}
                    _ => return total,
                }
            }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_zip_is_left_to_calamine_and_zip64_is_refused() {
        assert_eq!(check(b"not a zip"), Ok(()));
        let mut zip64 = vec![0u8; 8];
        zip64.extend(b"PK\x06\x07");
        zip64.extend([0u8; 16]);
        zip64.extend(b"PK\x05\x06");
        zip64.extend([0u8; 18]);
        assert!(check(&zip64).unwrap_err().1.contains("ZIP64"));
    }

    #[test]
    fn repeated_ods_rows_and_columns_are_counted_out() {
        let cell = |repeat: u32, value: bool| {
            let value = if value { " office:value-type=\"float\" office:value=\"1\"" } else { "" };
            format!("<table:table-cell table:number-columns-repeated=\"{repeat}\"{value}/>")
        };
        let sheet = |rows: &str| format!("<table:table table:name=\"S\">{rows}</table:table>");
        let row = |repeat: u32, cells: &str| {
            format!("<table:table-row table:number-rows-repeated=\"{repeat}\">{cells}</table:table-row>")
        };
        // 100 000 rows × 1 000 columns of 1.
        assert_eq!(ods_span(sheet(&row(100_000, &cell(1000, true))).as_bytes()), 100_000_000);
        // LibreOffice's trailing empty rows and columns hold nothing.
        let normal = sheet(&(row(1, &(cell(3, true) + &cell(16381, false))) + &row(1_048_575, &cell(16384, false))));
        assert_eq!(ods_span(normal.as_bytes()), 3);
    }
}
