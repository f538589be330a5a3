//! Decoding uploaded text files: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030
//! as Excel on Chinese Windows saves CSV.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Which encoding a file was read as, for the report.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), UTF_8.name());
    }
    let (text, _, _) = GB18030.decode(bytes);
    (text.into_owned(), GB18030.name())
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
}
