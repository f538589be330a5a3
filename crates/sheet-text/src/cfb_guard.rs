//! Bounds for a legacy .xls before calamine 0.38 reads it.
//!
//! calamine follows sector chains without checking for loops (`cfb::Sectors::get_chain`), so a
//! damaged allocation table made it grow until memory ran out; it indexes the table without a
//! bounds check, and it builds each sheet as a dense grid spanning its cells. This module reads
//! the compound file as calamine would — header, DIFAT, FAT, directory, the streams calamine
//! reads — and refuses the file when a chain loops or leaves the table, when the FAT is larger
//! than the file could hold, or when a sheet's cells span more than [`MAX_XLS_CELLS`].

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

/// Most cells a legacy .xls sheet may span (declared or actual): calamine allocates the
/// whole grid between a sheet's first and last cell.
pub const MAX_XLS_CELLS: u64 = 2_000_000;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    b.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    b.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The sectors of the file as calamine sees them: sector `id` starts `size × (id + 1)` bytes in.
struct Sectors<'a> {
    bytes: &'a [u8],
    size: usize,
    /// Highest id calamine accepts (`len / size` of the length it is told).
    maxid: u32,
}

impl Sectors<'_> {
    fn get(&self, id: u32) -> &[u8] {
        let start = (id as usize + 1).saturating_mul(self.size).min(self.bytes.len());
        let end = start.saturating_add(self.size).min(self.bytes.len());
        &self.bytes[start..end]
    }
}

/// Walks a chain as `get_chain` does and returns the bytes it would collect, or why it
/// would loop, panic or fail.
fn chain(
    get: &dyn Fn(u32) -> Result<Option<Vec<u8>>, String>,
    table: &[u32],
    mut id: u32,
    len: usize,
    max_steps: usize,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut steps = 0usize;
    while id != ENDOFCHAIN {
        // calamine stops with an error for a sector past the end: nothing to guard.
        let Some(sector) = get(id)? else { return Ok(out) };
        let take = sector.len().min(len - out.len());
        out.extend_from_slice(&sector[..take]);
        if out.len() >= len {
            break;
        }
        id = *table.get(id as usize).ok_or_else(|| format!("sector {id} is outside the allocation table"))?;
        steps += 1;
        if steps > max_steps {
            return Err("a sector chain loops".to_string());
        }
    }
    Ok(out)
}

/// The sector allocation table (FAT), read through the DIFAT: the header's 109 entries, then a
/// chain calamine already bounds. `None` when calamine refuses the file itself.
fn allocation_table(sectors: &Sectors, max_steps: usize) -> Result<Option<Vec<u32>>, String> {
    let (bytes, maxid) = (sectors.bytes, sectors.maxid);
    let mut difat: Vec<u32> = (76..512).step_by(4).filter_map(|i| u32_at(bytes, i)).collect();
    let mut id = u32_at(bytes, 68).unwrap_or(ENDOFCHAIN);
    let mut steps = 0;
    while id < RESERVED {
        steps += 1;
        if steps > max_steps || id > maxid {
            return Ok(None);
        }
        let sector = sectors.get(id);
        difat.extend((0..sector.len() / 4).filter_map(|i| u32_at(sector, i * 4)));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let fat_sectors: Vec<u32> = difat.into_iter().filter(|&id| id < DIFSECT).collect();
    if fat_sectors.len() > max_steps {
        return Err(format!("the allocation table lists {} sectors, more than the file holds", fat_sectors.len()));
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        if id > maxid {
            return Ok(None); // sector beyond end of file
        }
        let sector = sectors.get(id);
        fat.extend((0..sector.len() / 4).filter_map(|i| u32_at(sector, i * 4)));
    }
    Ok(Some(fat))
}

/// The directory's entries as (name, first sector, stream length); a length over 4 GB is refused.
fn directory(dirs: &[u8], large: bool) -> Result<Vec<(String, u32, u64)>, String> {
    let entries: Vec<(String, u32, u64)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let units: Vec<u16> = (0..32).filter_map(|i| u16_at(d, i * 2)).take_while(|&u| u != 0).collect();
            let len = if large {
                u64::from_le_bytes(d[120..128].try_into().unwrap_or_default())
            } else {
                u64::from(u32_at(d, 120).unwrap_or(0))
            };
            (String::from_utf16_lossy(&units), u32_at(d, 116).unwrap_or(ENDOFCHAIN), len)
        })
        .collect();
    if entries.iter().any(|e| e.2 > u64::from(u32::MAX)) {
        return Err("a directory entry declares a stream longer than 4 GB".to_string());
    }
    Ok(entries)
}

/// Checks a compound file (`bytes` already padded to whole sectors, `end` the length calamine
/// is told) as described in the module documentation.
pub fn check(bytes: &[u8], end: usize) -> Result<(), String> {
    let size = if bytes.get(30) == Some(&12) { 4096 } else { 512 };
    let maxid = (end / size) as u32;
    let sectors = Sectors { bytes, size, maxid };
    let max_steps = maxid as usize + 2;
    let main = |id: u32| Ok((id <= sectors.maxid).then(|| sectors.get(id).to_vec()));

    let Some(fat) = allocation_table(&sectors, max_steps)? else {
        return Ok(()); // calamine refuses it itself
    };
    let dirs = chain(&main, &fat, u32_at(bytes, 48).unwrap_or(ENDOFCHAIN), usize::MAX, max_steps)?;
    let entries = directory(&dirs, size == 4096)?;
    let Some(root) = entries.first() else { return Ok(()) };
    let mini_fat_len = u32_at(bytes, 64).unwrap_or(0) as usize;
    let (ministream, mini_fat) = if mini_fat_len > 0 {
        let ministream = chain(&main, &fat, root.1, root.2 as usize, max_steps)?;
        let mini_fat_bytes =
            chain(&main, &fat, u32_at(bytes, 60).unwrap_or(ENDOFCHAIN), mini_fat_len.saturating_mul(size), max_steps)?;
        let mini_fat: Vec<u32> = (0..mini_fat_bytes.len() / 4).filter_map(|i| u32_at(&mini_fat_bytes, i * 4)).collect();
        (ministream, mini_fat)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini_maxid = maxid.saturating_mul(8);
    let mini = |id: u32| {
        if id > mini_maxid {
            return Ok(None);
        }
        // calamine reads a mini sector past the mini stream from the file itself, wherever
        // its reader stands, and slices past what it read (a panic).
        let start = id as usize * 64;
        if start >= ministream.len() {
            return Err(format!("mini sector {id} lies past the mini stream"));
        }
        Ok(Some(ministream[start..(start + 64).min(ministream.len())].to_vec()))
    };
    let stream = |name: &str| -> Result<Option<Vec<u8>>, String> {
        let Some(entry) = entries.iter().find(|e| e.0.eq_ignore_ascii_case(name)) else { return Ok(None) };
        let len = entry.2 as usize;
        if len < 4096 {
            chain(&mini, &mini_fat, entry.1, len, mini_maxid as usize + 2).map(Some)
        } else {
            chain(&main, &fat, entry.1, len, max_steps).map(Some)
        }
    };
    stream("\u{5}SummaryInformation")?;
    stream("\u{5}DocumentSummaryInformation")?;
    let workbook = match stream("Workbook")? {
        Some(workbook) => workbook,
        None => stream("Book")?.unwrap_or_default(),
    };
    check_sheets(&workbook)
}

/// The records of a BIFF stream from `at`, as calamine's `RecordIter` cuts them.
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

/// Most bytes of text the LabelSst cells of a workbook may copy from its shared strings.
pub const MAX_SHARED_TEXT: u64 = 64 << 20;

/// An upper bound of the UTF-8 size of each shared string of an SST record (with its CONTINUE
/// records, `segments`): three bytes per character. A string's characters may continue in
/// the next record, which then starts with a new flags byte.
fn sst_sizes(segments: &[&[u8]]) -> Vec<u64> {
    struct Cursor<'a> {
        segments: &'a [&'a [u8]],
        seg: usize,
        pos: usize,
    }
    impl Cursor<'_> {
        fn left(&self) -> usize {
            self.segments.get(self.seg).map_or(0, |s| s.len() - self.pos)
        }
        fn next_segment(&mut self) -> bool {
            self.seg += 1;
            self.pos = 0;
            self.seg < self.segments.len()
        }
        fn bytes(&mut self, n: usize) -> Option<&[u8]> {
            while self.left() == 0 {
                if !self.next_segment() {
                    return None;
                }
            }
            let segment = self.segments[self.seg];
            let out = segment.get(self.pos..self.pos + n)?;
            self.pos += n;
            Some(out)
        }
        fn skip(&mut self, mut n: usize) -> Option<()> {
            while n > 0 {
                if self.left() == 0 && !self.next_segment() {
                    return None;
                }
                let step = n.min(self.left());
                self.pos += step;
                n -= step;
            }
            Some(())
        }
    }
    let mut sizes = Vec::new();
    let mut c = Cursor { segments, seg: 0, pos: 0 };
    let Some(unique) = c.bytes(8).and_then(|b| u32_at(b, 4)) else { return sizes };
    for _ in 0..unique {
        let Some(cch) = c.bytes(2).and_then(|b| u16_at(b, 0)) else { break };
        let Some(&flags) = c.bytes(1).and_then(|b| b.first()) else { break };
        let runs = if flags & 0x08 != 0 { c.bytes(2).and_then(|b| u16_at(b, 0)).unwrap_or(0) as usize } else { 0 };
        let ext = if flags & 0x04 != 0 { c.bytes(4).and_then(|b| u32_at(b, 0)).unwrap_or(0) as usize } else { 0 };
        let (mut high, mut remaining) = (flags & 0x01 != 0, cch as usize);
        while remaining > 0 {
            let width = if high { 2 } else { 1 };
            let n = remaining.min(c.left() / width);
            c.pos += n * width;
            remaining -= n;
            if remaining > 0 {
                if !c.next_segment() {
                    break;
                }
                let Some(&flags) = c.bytes(1).and_then(|b| b.first()) else { break };
                high = flags & 0x01 != 0;
            }
        }
        sizes.push(u64::from(cch) * 3);
        if c.skip(4 * runs + ext).is_none() {
            break;
        }
    }
    sizes
}

/// A DIMENSIONS record read as calamine reads it (`parse_dimensions`), refused when calamine
/// would compute a reversed range (it subtracts without checking) or reserve more than
/// [`MAX_XLS_CELLS`].
fn dimensions(r: &[u8]) -> Result<(), String> {
    let at16 = |i| u32::from(u16_at(r, i).unwrap_or(0));
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (at16(0), at16(2), at16(4), at16(6)),
        14 | 16 => (u32_at(r, 0).unwrap_or(0), u32_at(r, 4).unwrap_or(0), at16(8), at16(10)),
        _ => return Ok(()), // calamine: a length error
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
    if end.0 < start.0 || end.1 < start.1 {
        return Err("a sheet declares a reversed range".to_string());
    }
    let cells = u64::from(end.0 - start.0 + 1) * u64::from(end.1 - start.1 + 1);
    if cells > MAX_XLS_CELLS {
        return Err(format!("a sheet declares {cells} cells, more than {MAX_XLS_CELLS}"));
    }
    Ok(())
}

/// Every sheet's declared dimensions and the span of its cells, read from where its
/// BoundSheet record points, as calamine reads them.
fn check_sheets(workbook: &[u8]) -> Result<(), String> {
    let (positions, sst) = workbook_globals(workbook)?;
    let string_sizes = sst_sizes(&sst);
    let mut copied = 0u64;
    for pos in positions {
        if pos > workbook.len() {
            return Err(format!("a sheet starts at byte {pos}, past the end of the workbook stream"));
        }
        check_sheet(workbook, pos, &string_sizes, &mut copied)?;
    }
    Ok(())
}

/// The workbook globals: where each sheet starts (BoundSheet) and the shared-string table with
/// its CONTINUE records; records calamine reads without checking their length are checked.
fn workbook_globals(workbook: &[u8]) -> Result<(Vec<usize>, Vec<&[u8]>), String> {
    let mut positions = Vec::new();
    let mut sst: Vec<&[u8]> = Vec::new();
    let mut in_sst = false;
    for (typ, data) in records(workbook, 0) {
        if typ == 0x003C && in_sst {
            sst.push(data);
            continue;
        }
        in_sst = typ == 0x00FC;
        if in_sst {
            sst = vec![data];
            continue;
        }
        match typ {
            // calamine reads these without checking their length (FilePass, CodePage,
            // DateMode, BOF, BoundSheet8).
            0x002F | 0x0042 | 0x0022 | 0x0809 if data.len() < 2 => {
                return Err(format!("record {typ:#06x} is cut short"))
            }
            0x0085 if data.len() < 6 => return Err("a sheet record is cut short".to_string()),
            // ExternSheet: a count read unchecked. Lbl: fixed fields read up to byte 14 and
            // its formula taken from the end (`len - cce`) unchecked.
            0x0017 if data.len() < 2 => return Err("an extern-sheet record is cut short".to_string()),
            0x0018 if data.len() < 14 || usize::from(u16_at(data, 4).unwrap_or(u16::MAX)) > data.len() => {
                return Err("a defined-name record is cut short".to_string())
            }
            0x0085 => positions.push(u32_at(data, 0).unwrap_or(0) as usize),
            0x000A => break,
            _ => {}
        }
    }
    Ok((positions, sst))
}

/// One sheet's records from `pos`: its dimensions, merged cells and the span of its cells;
/// `copied` counts the shared-string text its LabelSst cells copy, over all sheets.
fn check_sheet(workbook: &[u8], pos: usize, string_sizes: &[u64], copied: &mut u64) -> Result<(), String> {
    let (mut rows, mut cols) = ((u32::MAX, 0u32), (u32::MAX, 0u32));
    let mut depth = 0usize;
    let mut seen_bof = false;
    for (typ, data) in records(workbook, pos) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let (row, first, last) = match typ {
            0x0809 if data.len() < 2 => return Err("a sheet's BOF record is cut short".to_string()),
            0x0200 => {
                dimensions(data)?;
                continue;
            }
            // MergeCells: calamine reads `count` ranges of 8 bytes without checking.
            0x00E5 if data.len() < 2 || data.len() < 2 + 8 * usize::from(u16_at(data, 0).unwrap_or(0)) => {
                return Err("a merged-cells record is cut short".to_string())
            }
            0x0809 if seen_bof => {
                depth += 1;
                continue;
            }
            0x0809 => {
                seen_bof = true;
                continue;
            }
            0x000A => break,
            0x00FD => {
                // Every LabelSst cell gets its own copy of the shared string it names.
                let index = u32_at(data, 6).unwrap_or(u32::MAX) as usize;
                *copied += string_sizes.get(index).copied().unwrap_or(0);
                if *copied > MAX_SHARED_TEXT {
                    return Err(format!(
                        "cells repeat shared strings to more than {} MB of text",
                        MAX_SHARED_TEXT >> 20
                    ));
                }
                let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else { continue };
                (row, col, col)
            }
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x0006 => {
                let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else { continue };
                (row, col, col)
            }
            0x00BD => {
                let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len().saturating_sub(2)))
                else {
                    continue;
                };
                if last < first {
                    return Err("a row of numbers ends before it starts".to_string());
                }
                (row, first, last)
            }
            _ => continue,
        };
        rows = (rows.0.min(u32::from(row)), rows.1.max(u32::from(row)));
        cols = (cols.0.min(u32::from(first)), cols.1.max(u32::from(last)));
        let span = u64::from(rows.1 - rows.0 + 1) * u64::from(cols.1 - cols.0 + 1);
        if span > MAX_XLS_CELLS {
            return Err(format!("a sheet's cells span {span} cells, more than {MAX_XLS_CELLS}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    /// A workbook stream: one shared string of `cch` characters (split over a CONTINUE
    /// record), one sheet of `cells` LabelSst cells naming it in one column.
    fn workbook(cch: u16, cells: u16) -> Vec<u8> {
        let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0];
        sst.extend(cch.to_le_bytes());
        sst.push(0); // 8-bit characters
        let chars = vec![b'x'; cch as usize];
        let (first, rest) = chars.split_at(chars.len().min(8000));
        sst.extend(first);
        let mut globals = record(0x0809, &[0, 6, 0x10, 0]);
        globals.extend(record(0x00FC, &sst));
        for piece in rest.chunks(8000) {
            let mut continued = vec![0u8];
            continued.extend(piece);
            globals.extend(record(0x003C, &continued));
        }
        let bound_at = globals.len();
        globals.extend(record(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
        globals.extend(record(0x000A, &[]));
        let sheet_at = globals.len() as u32;
        globals[bound_at + 4..bound_at + 8].copy_from_slice(&sheet_at.to_le_bytes());
        globals.extend(record(0x0809, &[0, 6, 0x10, 0]));
        for row in 0..cells {
            let mut cell = row.to_le_bytes().to_vec();
            cell.extend([0, 0, 0, 0, 0, 0, 0, 0]); // column 0, format 0, string 0
            globals.extend(record(0x00FD, &cell));
        }
        globals.extend(record(0x000A, &[]));
        globals
    }

    #[test]
    fn shared_strings_are_measured_across_continue_records() {
        let stream = workbook(20_000, 1);
        let mut segments = Vec::new();
        for (typ, data) in records(&stream, 0) {
            if typ == 0x00FC || typ == 0x003C {
                segments.push(data);
            }
        }
        assert_eq!(sst_sizes(&segments), vec![60_000]);
    }

    #[test]
    fn cells_copying_a_long_shared_string_past_the_budget_are_refused() {
        assert_eq!(check_sheets(&workbook(60_000, 300)), Ok(()));
        let err = check_sheets(&workbook(60_000, 2_000)).unwrap_err();
        assert!(err.contains("64 MB"), "{err}");
    }
}
