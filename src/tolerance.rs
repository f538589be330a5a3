//! Deciding whether a printed total agrees with its printed parts, per XBRL Calculations 1.1.
//!
//! A value printed with d decimals stands for an interval of true values. Parts' intervals add
//! up; the total is consistent when its interval meets the sum's. This separates legitimate
//! rounding (舍位平衡) from real errors without a fixed tolerance that would hide them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How printed figures were rounded from the underlying amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Round half away from zero: `v` means `[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]`.
    #[default]
    Nearest,
    /// Truncation: `v` means `[v, v + 10⁻ᵈ)` for positive values.
    Truncate,
    /// Any difference is an error.
    Strict,
}

impl RoundingMode {
    pub fn label_zh(self) -> &'static str {
        match self {
            RoundingMode::Nearest => "四舍五入区间",
            RoundingMode::Truncate => "截尾区间",
            RoundingMode::Strict => "严格相等",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            RoundingMode::Nearest => "round-to-nearest intervals",
            RoundingMode::Truncate => "truncation intervals",
            RoundingMode::Strict => "strict equality",
        }
    }
}

/// The result of comparing a total with the sum of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Exact,
    /// Different as printed, but explainable by rounding of the parts.
    Rounding,
    Mismatch,
}

/// A printed figure: its value and the size of one unit in its last printed decimal, both in
/// 元 so that figures from tables in different units compare directly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: Decimal,
    pub ulp: Decimal,
}

impl Figure {
    /// What a blank cell stands for: an exact zero. It must not widen the rounding interval the
    /// way a printed `0.00` (which could stand for 0.004) does.
    pub const BLANK: Figure = Figure { value: Decimal::ZERO, ulp: Decimal::ZERO };

    /// A figure as printed, in a table whose unit is `factor` 元.
    ///
    /// A bare `0` is exact: disclosures print it for "nothing", beside figures with two decimals,
    /// and reading it as [−0.5, 0.5] let a wrong total pass as rounding (corpus 10 with its 合计
    /// changed by 1.00). A `0.00` keeps its printed precision like any other figure.
    pub fn printed(value: Decimal, factor: Decimal) -> Figure {
        let own = Figure::printed_in_own_unit(value);
        Figure { value: own.value * factor, ulp: own.ulp * factor }
    }

    /// [`Figure::printed`] in the printed unit, not in 元: for comparing cells of one table,
    /// which agree or not alike in either unit.
    pub fn printed_in_own_unit(value: Decimal) -> Figure {
        let ulp = if value.is_zero() && value.scale() == 0 { Decimal::ZERO } else { Decimal::new(1, value.scale()) };
        Figure { value, ulp }
    }
}

/// A closed interval of possible true values.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Interval {
    low: Decimal,
    high: Decimal,
}

fn interval(figure: Figure, mode: RoundingMode) -> Interval {
    let (value, unit) = (figure.value, figure.ulp);
    match mode {
        RoundingMode::Nearest => {
            let half = unit / Decimal::TWO;
            Interval { low: value - half, high: value + half }
        }
        RoundingMode::Truncate if value.is_sign_negative() => Interval { low: value - unit, high: value },
        RoundingMode::Truncate => Interval { low: value, high: value + unit },
        RoundingMode::Strict => Interval { low: value, high: value },
    }
}

/// Compares a printed total with printed parts. The sum is exact decimal arithmetic.
pub fn agree(total: Figure, parts: &[Figure], mode: RoundingMode) -> Agreement {
    let sum: Decimal = parts.iter().map(|p| p.value).sum();
    if sum == total.value {
        return Agreement::Exact;
    }
    let total_iv = interval(total, mode);
    let sum_iv = parts.iter().fold(Interval { low: Decimal::ZERO, high: Decimal::ZERO }, |acc, p| {
        let iv = interval(*p, mode);
        Interval { low: acc.low + iv.low, high: acc.high + iv.high }
    });
    // Rounded intervals are closed; truncated ones are half-open, so touching ends do not meet.
    let meets = match mode {
        RoundingMode::Truncate => total_iv.low < sum_iv.high && sum_iv.low < total_iv.high,
        _ => total_iv.low <= sum_iv.high && sum_iv.low <= total_iv.high,
    };
    if meets {
        Agreement::Rounding
    } else {
        Agreement::Mismatch
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn f(s: &str) -> Figure {
        Figure::printed(Decimal::from_str(s).unwrap(), Decimal::ONE)
    }

    fn agree(total: &str, parts: &[&str], mode: RoundingMode) -> Agreement {
        let parts: Vec<Figure> = parts.iter().map(|p| f(p)).collect();
        super::agree(f(total), &parts, mode)
    }

    #[test]
    fn seed_rounding_differences_are_rounding() {
        let parts = ["278.67", "73.47", "0.01"];
        assert_eq!(agree("352.16", &parts, RoundingMode::Nearest), Agreement::Rounding);
        let parts = ["11.98", "2.93", "1.44", "0.64"];
        assert_eq!(agree("16.98", &parts, RoundingMode::Nearest), Agreement::Rounding);
    }

    #[test]
    fn a_cent_on_two_parts_is_rounding_but_two_cents_is_not() {
        assert_eq!(agree("1.01", &["0.50", "0.50"], RoundingMode::Nearest), Agreement::Rounding);
        assert_eq!(agree("1.02", &["0.50", "0.50"], RoundingMode::Nearest), Agreement::Mismatch);
        assert_eq!(agree("1.01", &["1.00"], RoundingMode::Nearest), Agreement::Rounding);
    }

    #[test]
    fn strict_mode_turns_any_difference_into_mismatch() {
        assert_eq!(agree("1.01", &["0.50", "0.50"], RoundingMode::Strict), Agreement::Mismatch);
        assert_eq!(agree("1.00", &["0.50", "0.50"], RoundingMode::Strict), Agreement::Exact);
    }

    #[test]
    fn truncation_allows_totals_above_the_parts_only() {
        assert_eq!(agree("1.01", &["0.50", "0.50"], RoundingMode::Truncate), Agreement::Rounding);
        assert_eq!(agree("0.99", &["0.50", "0.50"], RoundingMode::Truncate), Agreement::Mismatch);
    }

    #[test]
    fn coarser_printing_widens_the_interval() {
        assert_eq!(agree("352", &["351.60"], RoundingMode::Nearest), Agreement::Rounding);
        assert_eq!(agree("352", &["351.40"], RoundingMode::Nearest), Agreement::Mismatch);
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn figures_in_different_units_compare_after_scaling() {
        let wan = Figure::printed(Decimal::new(113688, 2), Decimal::from(10_000));
        let yuan = Figure::printed(Decimal::new(1136880000, 2), Decimal::ONE);
        assert_eq!(agree(wan, &[yuan], RoundingMode::Nearest), Agreement::Exact);
        let yuan_off = Figure::printed(Decimal::new(1136883000, 2), Decimal::ONE);
        assert_eq!(agree(wan, &[yuan_off], RoundingMode::Nearest), Agreement::Rounding);
    }
}
