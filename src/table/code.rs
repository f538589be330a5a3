//! Budget subject codes (科目编码): 功能分类 类/款/项 = 3/5/7 digits, 经济分类 类/款 = 3/5.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SubjectCode(String);

impl SubjectCode {
    /// Reads a printed code: 3, 5 or 7 digits, spaces allowed between groups (`201 06 01`).
    /// Year-like numbers and amounts are not codes.
    pub fn parse(text: &str) -> Option<SubjectCode> {
        // Anything but digits and spaces (a name, an amount's point) is not a code: no copy.
        if !text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
            return None;
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            let ok = matches!(text.len(), 3 | 5 | 7) && matches!(text.as_bytes()[0], b'2' | b'3' | b'1');
            return ok.then(|| SubjectCode(text.to_string()));
        }
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let ok = matches!(digits.len(), 3 | 5 | 7)
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(digits.as_bytes()[0], b'2' | b'3' | b'1');
        ok.then_some(SubjectCode(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 1 for 类, 2 for 款, 3 for 项.
    pub fn level(&self) -> usize {
        (self.0.len() - 1) / 2
    }

    /// Whether `child` sits directly below this code (201 → 20101 → 2010101).
    pub fn is_parent_of(&self, child: &SubjectCode) -> bool {
        child.0.len() == self.0.len() + 2 && child.0.starts_with(&self.0)
    }

    /// Economic classification (经济分类) codes start with 3; functional ones with 2.
    pub fn is_economic(&self) -> bool {
        self.0.starts_with('3')
    }
}

impl std::fmt::Display for SubjectCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
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
    fn rejects_years_amounts_and_odd_lengths() {
        for text in ["2025", "1136.88", "2101", "abc", "", "21011a"] {
            assert_eq!(SubjectCode::parse(text), None, "{text}");
        }
    }
}
