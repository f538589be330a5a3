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
        let actual = inflated_size(bytes, local as usize, method, packed as usize, MAX_ENTRY_BYTES);
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
        at += 46 + (name_len + extra + comment) as u64;
    }
    Ok(())
}

/// How many bytes a deflated (or stored) entry really holds, counting no further than just
/// past `limit`; 0 when its local header cannot be followed (calamine then reports it).
fn inflated_size(bytes: &[u8], local: usize, method: usize, packed: usize, limit: u64) -> u64 {
    if !bytes.get(local..).is_some_and(|b| b.starts_with(b"PK\x03\x04")) {
        return 0;
    }
    let (Some(name_len), Some(extra)) = (u16_at(bytes, local + 26), u16_at(bytes, local + 28)) else { return 0 };
    let start = local + 30 + name_len + extra;
    let Some(data) = bytes.get(start..start.saturating_add(packed).min(bytes.len())) else { return 0 };
    match method {
        0 => data.len() as u64,
        8 => {
            let mut state = InflateState::new_boxed(DataFormat::Raw);
            let mut out = vec![0u8; 64 * 1024];
            let (mut input, mut total) = (data, 0u64);
            loop {
                let result = inflate(&mut state, input, &mut out, MZFlush::None);
                input = &input[result.bytes_consumed..];
                total += result.bytes_written as u64;
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
    fn declared_and_actual_sizes_over_the_limit_are_refused() {
        assert_eq!(check(b"not a zip"), Ok(()));
    }
}
