//! The reader's answer as bytes, to cross from the page's PDF module (`pdf-text.wasm`, in a
//! worker) to the page: both sides link this one encoder, so nothing is lost or reinterpreted.
//!
//! Layout: a tag byte — 0 text (the text, then a count and (Chinese, English) note pairs),
//! 1 unreadable (the reason), 2 no text (pages, image pages) — strings and numbers as
//! little-endian `u32` lengths and values.

use crate::{PdfError, PdfText};

/// The bytes for one reading.
pub fn encode(result: &Result<PdfText, PdfError>) -> Vec<u8> {
    let mut out = Vec::new();
    match result {
        Ok(pdf) => {
            out.push(0);
            put_str(&mut out, &pdf.text);
            put_u32(&mut out, pdf.notes.len());
            for (zh, en) in &pdf.notes {
                put_str(&mut out, zh);
                put_str(&mut out, en);
            }
        }
        Err(PdfError::Unreadable(why)) => {
            out.push(1);
            put_str(&mut out, why);
        }
        Err(PdfError::NoText { pages, image_pages }) => {
            out.push(2);
            put_u32(&mut out, *pages);
            put_u32(&mut out, *image_pages);
        }
    }
    out
}

/// The reading back, or `None` when the bytes are not one [`encode`] wrote (cut short, other data).
pub fn decode(bytes: &[u8]) -> Option<Result<PdfText, PdfError>> {
    let mut reader = Reader(bytes);
    let result = match reader.byte()? {
        0 => {
            let text = reader.string()?;
            let count = reader.u32()?;
            let mut notes = Vec::new();
            for _ in 0..count {
                notes.push((reader.string()?, reader.string()?));
            }
            Ok(PdfText { text, notes })
        }
        1 => Err(PdfError::Unreadable(reader.string()?)),
        2 => Err(PdfError::NoText { pages: reader.u32()?, image_pages: reader.u32()? }),
        _ => return None,
    };
    reader.0.is_empty().then_some(result)
}

fn put_u32(out: &mut Vec<u8>, value: usize) {
    out.extend_from_slice(&u32::try_from(value).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put_u32(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<usize> {
        let bytes: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }

    fn string(&mut self) -> Option<String> {
        let n = self.u32()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_comes_back_as_it_was_and_damaged_bytes_are_refused() {
        let answers = [
            Ok(PdfText {
                text: "表一\u{c}合计  1.00\n".into(), notes: vec![("第 3 页".into(), "page 3".into())]
            }),
            Err(PdfError::Unreadable("no %PDF header".into())),
            Err(PdfError::NoText { pages: 4, image_pages: 3 }),
        ];
        for answer in answers {
            let bytes = encode(&answer);
            assert_eq!(decode(&bytes), Some(answer));
            for cut in 0..bytes.len() {
                assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
            }
        }
        assert_eq!(decode(&[9]), None);
        assert_eq!(decode(&[1, 255, 255, 255, 255]), None);
    }
}
