//! Budget subject codes (科目编码): 功能分类 类/款/项 = 3/5/7 digits, 经济分类 类/款 = 3/5.

use serde::{Serialize, Serializer};

/// A code of 3, 5 or 7 digits, kept inline: several rules read every row's code, and a code
/// that allocated made that a string per row per rule.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubjectCode {
    /// The digits, then zero bytes: ordered as the printed strings are (201 < 20101 < 202).
    digits: [u8; 7],
    len: u8,
}

impl SubjectCode {
    /// Reads a printed code: 3, 5 or 7 digits, spaces allowed between groups (`201 06 01`).
    /// Year-like numbers and amounts are not codes.
    pub fn parse(text: &str) -> Option<SubjectCode> {
        let mut digits = [0u8; 7];
        let mut len = 0;
        for c in text.chars() {
            if c.is_whitespace() {
                continue;
            }
            if !c.is_ascii_digit() || len == digits.len() {
                return None;
            }
            digits[len] = c as u8;
            len += 1;
        }
        let ok = matches!(len, 3 | 5 | 7) && matches!(digits[0], b'2' | b'3' | b'1');
        ok.then_some(SubjectCode { digits, len: len as u8 })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).expect("a code is ASCII digits")
    }

    /// 1 for 类, 2 for 款, 3 for 项.
    pub fn level(&self) -> usize {
        (usize::from(self.len) - 1) / 2
    }

    /// Whether `child` sits directly below this code (201 → 20101 → 2010101).
    pub fn is_parent_of(&self, child: &SubjectCode) -> bool {
        child.len == self.len + 2 && child.as_str().starts_with(self.as_str())
    }

    /// Economic classification (经济分类) codes start with 3; functional ones with 2.
    pub fn is_economic(&self) -> bool {
        self.digits[0] == b'3'
    }
}

impl std::fmt::Display for SubjectCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// As the printed string, `SubjectCode("201")`, as when it held one.
impl std::fmt::Debug for SubjectCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SubjectCode").field(&self.as_str()).finish()
    }
}

/// A plain string in JSON, as when it held one.
impl Serialize for SubjectCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_and_parents() {
        let lei = SubjectCode::parse("210").unwrap();
        let kuan = SubjectCode::parse("21011").unwrap();
        let xiang = SubjectCode::parse("210 11 01").unwrap();
        assert_eq!((lei.level(), kuan.level(), xiang.level()), (1, 2, 3));
        assert!(lei.is_parent_of(&kuan) && kuan.is_parent_of(&xiang) && !lei.is_parent_of(&xiang));
        assert!(SubjectCode::parse("30101").unwrap().is_economic());
    }

    #[test]
    fn orders_prints_and_serialises_as_the_printed_string() {
        let codes = ["202", "20101", "201", "2010101", "101"].map(|c| SubjectCode::parse(c).unwrap());
        let mut sorted = codes.clone();
        sorted.sort();
        let strings: Vec<&str> = sorted.iter().map(SubjectCode::as_str).collect();
        assert_eq!(strings, ["101", "201", "20101", "2010101", "202"]);
        assert_eq!(format!("{:?}", codes[0]), "SubjectCode(\"202\")");
        assert_eq!(serde_json::to_string(&codes[3]).unwrap(), "\"2010101\"");
        assert_eq!(SubjectCode::parse("210 11 01").unwrap().to_string(), "2101101");
    }

    #[test]
    fn rejects_years_amounts_and_odd_lengths() {
        for text in ["2025", "1136.88", "2101", "abc", "", "21011a", "20101010", "401"] {
            assert_eq!(SubjectCode::parse(text), None, "{text}");
        }
    }
}
