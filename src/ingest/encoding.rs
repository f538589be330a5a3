//! Decoding uploaded text files: UTF-8 (with or without BOM), UTF-16 with or without BOM, or
//! GBK/GB18030 as Excel on Chinese Windows saves CSV.
//!
//! A UTF-8 file with a few bad bytes (a damaged download, a file cut mid-character) stays UTF-8:
//! the bad bytes become U+FFFD and a note names their lines. Only a file whose non-ASCII text is
//! mostly not UTF-8 is read as GB18030, so one stray byte no longer turns a whole file into
//! mojibake.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// A file's text, the encoding it was read as, and what the reader had to guess or repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// (Chinese, English) notes for the user; empty when the file decoded cleanly.
    pub notes: Vec<(String, String)>,
}

/// Which encoding a file was read as, for the report.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let decoded = decode_noted(bytes);
    (decoded.text, decoded.encoding)
}

/// Decodes `bytes`, saying what was guessed or repaired.
pub fn decode_noted(bytes: &[u8]) -> Decoded {
    let clean =
        |text: String, encoding: &'static Encoding| Decoded { text, encoding: encoding.name(), notes: Vec::new() };
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let mut decoded = clean(text.into_owned(), encoding);
        if malformed {
            decoded.notes.push(repaired_note(encoding.name(), &bad_lines(&decoded.text)));
        }
        return decoded;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return clean(text.to_string(), UTF_8);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let mut decoded = clean(text.into_owned(), encoding);
        decoded.notes.push((
            format!("文件没有字节顺序标记（BOM），按其内容判断为 {} 编码读取。", encoding.name()),
            format!("the file has no byte order mark; its content reads as {}.", encoding.name()),
        ));
        return decoded;
    }
    if mostly_utf8(bytes) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let lines = bad_lines(&text);
        return Decoded { notes: vec![repaired_note("UTF-8", &lines)], text, encoding: UTF_8.name() };
    }
    let (text, _, _) = GB18030.decode(bytes);
    clean(text.into_owned(), GB18030)
}

/// UTF-16 without a BOM: text tables always hold ASCII (digits, tabs, line breaks), whose
/// UTF-16 form has a zero byte on one side, while UTF-8 and GBK text has no zero bytes at all.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let pairs = sample.len() / 2;
    let encoding = if odd * 10 >= pairs && even * 4 < odd {
        UTF_16LE
    } else if even * 10 >= pairs && odd * 4 < even {
        UTF_16BE
    } else {
        return None;
    };
    let (_, malformed) = encoding.decode_without_bom_handling(sample);
    (!malformed).then_some(encoding)
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 with a few bad bytes: at least four
/// valid multi-byte characters for every bad sequence. GBK text read as UTF-8 is almost all
/// bad sequences, with a valid multi-byte character only by accident (about one in thirty).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    valid > 0 && bad * 4 <= valid
}

/// The 1-based lines holding a replacement character, at most six of them.
fn bad_lines(text: &str) -> Vec<usize> {
    text.lines().enumerate().filter(|(_, l)| l.contains('\u{FFFD}')).map(|(i, _)| i + 1).take(6).collect()
}

fn repaired_note(encoding: &str, lines: &[usize]) -> (String, String) {
    let shown: Vec<String> = lines.iter().take(5).map(usize::to_string).collect();
    let more = if lines.len() > 5 { "…" } else { "" };
    (
        format!(
            "文件按 {encoding} 读取，但有无效字节（可能已损坏或被截断），已替换为 �：第 {}{more} 行。",
            shown.join("、")
        ),
        format!(
            "read as {encoding}, but some bytes are invalid (the file may be damaged or cut short); they show as �: line {}{more}.",
            shown.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bom_utf8_and_gbk() {
        assert_eq!(decode("\u{FEFF}合计".as_bytes()), ("合计".to_string(), "UTF-8"));
        assert_eq!(decode("合计".as_bytes()).0, "合计");
        let (gbk, _, _) = encoding_rs::GBK.encode("部门收支总表");
        assert_eq!(decode(&gbk), ("部门收支总表".to_string(), "gb18030"));
    }

    #[test]
    fn one_bad_byte_or_a_cut_character_keeps_utf8_and_names_the_line() {
        let text = "项目\t金额\n一般公共预算\t1.00\n政府性基金\t2.00\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(text.find("政府").unwrap(), 0xFF);
        let decoded = decode_noted(&bytes);
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.text, text.replace("政府", "\u{FFFD}政府"));
        assert!(decoded.notes[0].0.contains("第 3 行"), "{:?}", decoded.notes);
        let cut = &text.as_bytes()[..text.len() - "金\t2.00\n".len() + 1];
        let decoded = decode_noted(cut);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.starts_with("项目\t金额\n一般公共预算"));
    }

    #[test]
    fn utf16_without_a_bom_is_detected() {
        let text = "项目\t金额\n一般公共预算\t1.00\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let decoded = decode_noted(&bytes);
            assert_eq!((decoded.text.as_str(), decoded.encoding), (text, name));
            assert_eq!(decoded.notes.len(), 1);
        }
    }
}
