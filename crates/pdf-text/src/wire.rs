//! The reader's answer as bytes, to cross from the page's PDF module (`pdf-text.wasm`, in a
//! worker) to the page: both sides link this one encoder, so nothing is lost or reinterpreted.
//!
//! Layout: a tag byte — 0 text (the text, then a count and (Chinese, English) note pairs),
//! 1 unreadable (the reason), 2 no text (pages, image pages) — strings and numbers as
//! [`reader_wire`] writes them.

use crate::{PdfError, PdfText};
use reader_wire::{Reader, Writer};

/// The bytes for one reading.
pub fn encode(result: &Result<PdfText, PdfError>) -> Vec<u8> {
    let mut out = Writer::default();
    match result {
        Ok(pdf) => {
            out.byte(0);
            out.str(&pdf.text);
            out.notes(&pdf.notes);
        }
        Err(PdfError::Unreadable(why)) => {
            out.byte(1);
            out.str(why);
        }
        Err(PdfError::NoText { pages, image_pages }) => {
            out.byte(2);
            out.u32(*pages);
            out.u32(*image_pages);
        }
    }
    out.0
}

/// The reading back, or `None` when the bytes are not one [`encode`] wrote (cut short, other data).
pub fn decode(bytes: &[u8]) -> Option<Result<PdfText, PdfError>> {
    let mut reader = Reader(bytes);
    let result = match reader.byte()? {
        0 => Ok(PdfText { text: reader.string()?, notes: reader.notes()? }),
        1 => Err(PdfError::Unreadable(reader.string()?)),
        2 => Err(PdfError::NoText { pages: reader.u32()?, image_pages: reader.u32()? }),
        _ => return None,
    };
    reader.end(result)
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
            assert_eq!(reader_wire::round_trip(&answer, encode, decode), Ok(()));
        }
        assert_eq!(decode(&[9]), None);
        assert_eq!(decode(&[1, 255, 255, 255, 255]), None);
    }
}
