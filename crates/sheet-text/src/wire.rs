//! The reader's answer as bytes, to cross from the page's spreadsheet module (`sheet-text.wasm`,
//! in a worker) to the page: both sides link this one encoder.
//!
//! Layout: a tag byte — 0 text (the text, then the (Chinese, English) notes), 1 damaged (the
//! reason), 2 over a limit (Chinese, English) — strings and numbers as [`reader_wire`] writes them.

use crate::{SheetError, SheetsText};
use reader_wire::{Reader, Writer};

/// The bytes for one reading.
pub fn encode(result: &Result<SheetsText, SheetError>) -> Vec<u8> {
    let mut out = Writer::default();
    match result {
        Ok((text, notes)) => {
            out.byte(0);
            out.str(text);
            out.notes(notes);
        }
        Err(SheetError::Damaged(why)) => {
            out.byte(1);
            out.str(why);
        }
        Err(SheetError::Limit(zh, en)) => {
            out.byte(2);
            out.str(zh);
            out.str(en);
        }
    }
    out.0
}

/// The reading back, or `None` when the bytes are not one [`encode`] wrote (cut short, other data).
pub fn decode(bytes: &[u8]) -> Option<Result<SheetsText, SheetError>> {
    let mut reader = Reader(bytes);
    let result = match reader.byte()? {
        0 => Ok((reader.string()?, reader.notes()?)),
        1 => Err(SheetError::Damaged(reader.string()?)),
        2 => Err(SheetError::Limit(reader.string()?, reader.string()?)),
        _ => return None,
    };
    reader.end(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    #[test]
    fn every_answer_comes_back_as_it_was_and_damaged_bytes_are_refused() {
        let answers = [
            Ok(("=== 工作表：表一 ===\n合计\t1.00".to_string(), vec![("第 3 行".to_string(), "row 3".to_string())])),
            Err(SheetError::Damaged("invalid zip header".into())),
            Err(SheetError::Limit("超过上限".into(), "over the limit".into())),
        ];
        for answer in answers {
            assert_eq!(reader_wire::round_trip(&answer, encode, decode), Ok(()));
        }
        assert_eq!(decode(&[9]), None);
        assert_eq!(decode(&[1, 255, 255, 255, 255]), None);
    }

    #[test]
    fn formats_cross_as_their_codes_and_come_from_extensions() {
        for format in [Format::Xlsx, Format::Xlsb, Format::Xls, Format::Ods] {
            assert_eq!(Format::from_code(format.code()), Some(format));
        }
        assert_eq!(Format::from_code(9), None);
        assert_eq!(Format::of_name("预算.XLSM"), Some(Format::Xlsx));
        assert_eq!(Format::of_name("a.b.ods"), Some(Format::Ods));
        assert_eq!(Format::of_name("预算.csv"), None);
        assert_eq!(Format::of_name("xls"), None);
    }
}
