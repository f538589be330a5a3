//! A one-sheet .xlsx workbook written by hand: five small XML parts in a zip of stored
//! (uncompressed) entries. The summary list is a few hundred rows, so no compression and no
//! writer crate is needed, and the page stays small. Text cells are inline strings, never
//! formulas, so a hostile file name cannot become one.

use crate::batch::Cell;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// A workbook with one sheet named `sheet` holding `rows`.
pub fn workbook(sheet: &str, rows: &[Vec<Cell>]) -> Vec<u8> {
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        escape(sheet)
    );
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        ("xl/worksheets/sheet1.xml", worksheet(rows)),
    ];
    zip_stored(&parts)
}

fn worksheet(rows: &[Vec<Cell>]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Number(n) => xml.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
                Cell::Text(t) if t.is_empty() => {}
                Cell::Fraction(..) => {
                    xml.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#, cell.text()))
                }
                Cell::Text(t) => xml.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(t)
                )),
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// `0` → `A`, `26` → `AA`.
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.iter().rev().map(|&b| char::from(b)).collect()
}

/// XML text: markup characters escaped, characters XML 1.0 forbids (controls, U+FFFE/U+FFFF) left out.
fn escape(text: &str) -> String {
    let allowed = |c: &char| matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'));
    text.chars().filter(allowed).fold(String::new(), |mut out, c| {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
        out
    })
}

/// A zip archive of stored entries: local headers, then the central directory.
fn zip_stored(parts: &[(&str, String)]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in parts {
        let (name, data) = (name.as_bytes(), data.as_bytes());
        let offset = out.len() as u32;
        // Version 2.0, no flags, stored, 1980-01-01 00:00, CRC; then sizes, name length, and
        // (central) no extra, comment, disk, attributes: 12 zero bytes.
        let common = [&20u16.to_le_bytes()[..], &[0, 0, 0, 0, 0, 0, 0x21, 0], &crc32(data).to_le_bytes()].concat();
        let sizes = [(data.len() as u32).to_le_bytes(), (data.len() as u32).to_le_bytes()].concat();
        let name_len = (name.len() as u16).to_le_bytes();
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend([&common[..], &sizes, &name_len, &[0, 0], name, data].concat());
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend([&common[..], &sizes, &name_len, &[0; 12], &offset.to_le_bytes(), name].concat());
    }
    let (count, start, size) = ((parts.len() as u16).to_le_bytes(), out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend([&[0u8, 0, 0, 0][..], &count, &count, &size.to_le_bytes(), &start.to_le_bytes(), &[0, 0]].concat());
    out
}

/// CRC-32 (IEEE), bit by bit: a few kilobytes per export.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn calamine_reads_the_workbook_back() {
        let rows = vec![
            vec![Cell::Text("文件".into()), Cell::Text("错误".into())],
            vec![Cell::Text("=a&b<c>.txt\u{1}".into()), Cell::Number(3)],
        ];
        let bytes = workbook("逐份核对", &rows);
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
        assert_eq!(book.sheet_names(), ["逐份核对"]);
        let range = book.worksheet_range("逐份核对").expect("the sheet");
        assert_eq!(range.get_value((0, 0)), Some(&Data::String("文件".into())));
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("=a&b<c>.txt".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(3.0)));
    }

    #[test]
    fn columns_and_checksums() {
        assert_eq!([0, 25, 26, 27, 701, 702].map(column_name), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
