//! Money units printed in captions (单位：万元) and their size in 元.

use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Yuan,
    Wan,
    Yi,
}

impl Unit {
    /// How many 元 one printed unit is.
    pub fn factor(self) -> Decimal {
        match self {
            Unit::Yuan => Decimal::ONE,
            Unit::Wan => Decimal::from(10_000),
            Unit::Yi => Decimal::from(100_000_000),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::Wan => "万元",
            Unit::Yi => "亿元",
        }
    }

    /// Finds `单位：万元`, `金额单位：元` and the like in a caption line.
    pub fn from_caption(line: &str) -> Option<Unit> {
        let folded = crate::amount::fold_width(line).replace(' ', "");
        let pos = folded.find("单位")?;
        let rest = folded[pos + "单位".len()..].trim_start_matches([':', '：']);
        if rest.starts_with("亿元") {
            Some(Unit::Yi)
        } else if rest.starts_with("万元") {
            Some(Unit::Wan)
        } else if rest.starts_with('元') {
            Some(Unit::Yuan)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_unit_captions() {
        assert_eq!(Unit::from_caption("单位：万元"), Some(Unit::Wan));
        assert_eq!(Unit::from_caption("金额单位: 元"), Some(Unit::Yuan));
        assert_eq!(Unit::from_caption("单位：亿元"), Some(Unit::Yi));
        assert_eq!(Unit::from_caption("编制单位： 228001-重庆市"), None);
    }
}
