//! Reading one printed cell as a number, the way a reviewer would, and remembering how.
//!
//! Disclosures print amounts with thousands separators, full-width digits, accounting
//! parentheses and a zoo of "nothing here" placeholders. Each rewrite is recorded so a finding
//! can say "read as …" instead of silently trusting the parser.

use rust_decimal::Decimal;
use serde::Serialize;
use std::str::FromStr;

/// What a cell holds once read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum CellValue {
    /// Nothing printed.
    Empty,
    /// A dash, slash or ellipsis standing for zero.
    Placeholder,
    /// An amount with its printed scale (rust_decimal keeps `1.20` as scale 2).
    Number(Decimal),
    /// Anything else: labels, codes, or prose such as 单位不需填列.
    Text,
}

impl CellValue {
    /// The value as it counts in a sum: empty and placeholders count as zero.
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            CellValue::Number(d) => Some(*d),
            CellValue::Empty | CellValue::Placeholder => Some(Decimal::ZERO),
            CellValue::Text => None,
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, CellValue::Number(_))
    }

    /// True when nothing, or only a placeholder, was printed.
    pub fn is_blank(&self) -> bool {
        matches!(self, CellValue::Empty | CellValue::Placeholder)
    }
}

/// One rewrite applied while reading a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rewrite {
    FullWidth,
    Grouping,
    AccountingNegative,
    UnicodeMinus,
    Placeholder,
}

impl Rewrite {
    pub fn describe_zh(self) -> &'static str {
        match self {
            Rewrite::FullWidth => "全角字符按半角读取",
            Rewrite::Grouping => "去掉千位分隔符",
            Rewrite::AccountingNegative => "括号表示负数",
            Rewrite::UnicodeMinus => "特殊减号按负号读取",
            Rewrite::Placeholder => "占位符按 0 计",
        }
    }
}

/// A cell read: its value and the rewrites that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadCell {
    pub value: CellValue,
    pub rewrites: Vec<Rewrite>,
}

const PLACEHOLDERS: &[&str] = &["-", "—", "——", "— —", "－", "/", "…", "……", "--", "―", "─"];

/// Folds full-width digits and punctuation to ASCII and odd spaces to a plain space.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .map(|c| match c {
            '０'..='９' | '，' | '．' | '－' | '＋' | '％' | '（' | '）' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
            _ => c,
        })
        .collect()
}

/// Whether `c` can be part of a printed number as [`read_cell`] reads it: a digit, a sign, a
/// point or comma, a bracket, a space, or one of their full-width or Unicode forms that
/// [`fold_width`] and the rewrites turn into them.
fn may_be_numeric(c: char) -> bool {
    const OTHERS: &str = ".,-+() −–０１２３４５６７８９，．－＋（）\u{3000}\u{00A0}\u{2009}\u{202F}\u{200B}\u{FEFF}";
    c.is_ascii_digit() || OTHERS.contains(c)
}

/// Reads a printed cell. Never fails: what is not a number is `Text`.
pub fn read_cell(raw: &str) -> ReadCell {
    let mut rewrites = Vec::new();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return ReadCell { value: CellValue::Empty, rewrites };
    }
    // Most cells are plain ASCII figures (`1136.88`): nothing to fold, strip or rewrite.
    if trimmed.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'))
        && trimmed != "-"
        && trimmed != "--"
    {
        let value = parse_plain_number(trimmed).map_or(CellValue::Text, CellValue::Number);
        return ReadCell { value, rewrites };
    }
    if PLACEHOLDERS.contains(&trimmed) {
        rewrites.push(Rewrite::Placeholder);
        return ReadCell { value: CellValue::Placeholder, rewrites };
    }
    // A character no number is printed with (a letter, a 汉字, %) leaves text whatever the
    // rewrites below do: names and prose need not be folded and filtered first.
    if !trimmed.chars().all(may_be_numeric) {
        return ReadCell { value: CellValue::Text, rewrites };
    }
    let folded = fold_width(trimmed);
    if folded != trimmed {
        rewrites.push(Rewrite::FullWidth);
    }
    let mut s: String = folded.chars().filter(|c| *c != ' ').collect();
    let mut negative = false;
    if s.len() > 2 && s.starts_with('(') && s.ends_with(')') {
        s = s[1..s.len() - 1].to_string();
        negative = true;
        rewrites.push(Rewrite::AccountingNegative);
    }
    if let Some(rest) = s.strip_prefix(['−', '–']) {
        s = format!("-{rest}");
        rewrites.push(Rewrite::UnicodeMinus);
    }
    if s.contains(',') {
        match strip_grouping(&s) {
            Some(plain) => {
                s = plain;
                rewrites.push(Rewrite::Grouping);
            }
            None => return ReadCell { value: CellValue::Text, rewrites: Vec::new() },
        }
    }
    match parse_plain_number(&s) {
        Some(mut d) => {
            if negative {
                d.set_sign_negative(true);
            }
            ReadCell { value: CellValue::Number(d), rewrites }
        }
        None => ReadCell { value: CellValue::Text, rewrites: Vec::new() },
    }
}

/// Removes commas only where they separate groups of exactly three digits. Some templates mark
/// only the last group (`128138,600` 元): one comma before three final digits is grouping too.
fn strip_grouping(s: &str) -> Option<String> {
    let (sign, body) = match s.strip_prefix(['-', '+']) {
        Some(rest) => (&s[..1], rest),
        None => ("", s),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len()) || (groups.len() == 2 && !groups[0].is_empty());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    if !first_ok || !rest_ok || !int.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// Accepts `-?digits(.digits)?` only; `1e5`, `12.3.4` and bare dots are text.
fn parse_plain_number(s: &str) -> Option<Decimal> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || !digits_ok(int) || !digits_ok(frac) || (body.contains('.') && frac.is_empty()) {
        return None;
    }
    // No budget reaches 10^14 元: longer figures are codes or garbage, and kept out they leave
    // room for any sum of them scaled to 元 (×10^8 for 亿元) within Decimal's 28 digits.
    let significant = int.trim_start_matches('0');
    if significant.len() > 14 || frac.len() > 10 {
        return None;
    }
    Decimal::from_str(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_grouped_amounts_and_keeps_scale() {
        let cell = read_cell("1,136.80");
        assert_eq!(cell.value, CellValue::Number(num("1136.80")));
        if let CellValue::Number(d) = cell.value {
            assert_eq!(d.scale(), 2);
        }
        assert_eq!(cell.rewrites, vec![Rewrite::Grouping]);
    }

    #[test]
    fn rejects_malformed_grouping() {
        assert_eq!(read_cell("1,13.5").value, CellValue::Text);
        assert_eq!(read_cell("12,3456").value, CellValue::Text);
        assert_eq!(read_cell("1234,567,890").value, CellValue::Text);
    }

    #[test]
    fn reads_a_figure_grouped_only_at_its_last_three_digits() {
        assert_eq!(read_cell("128138,600").value, CellValue::Number(num("128138600")));
    }

    #[test]
    fn reads_full_width_and_negative_forms() {
        assert_eq!(read_cell("１２．５０").value, CellValue::Number(num("12.50")));
        assert_eq!(read_cell("(1,234.00)").value, CellValue::Number(num("-1234.00")));
        assert_eq!(read_cell("（5.00）").value, CellValue::Number(num("-5.00")));
        assert_eq!(read_cell("−3.2").value, CellValue::Number(num("-3.2")));
        assert_eq!(read_cell("-3.2").value, CellValue::Number(num("-3.2")));
    }

    #[test]
    fn placeholders_are_zero_and_prose_is_text() {
        for p in ["-", "—", "——", "/", "…", "－"] {
            assert_eq!(read_cell(p).value, CellValue::Placeholder, "{p}");
            assert_eq!(read_cell(p).value.amount(), Some(Decimal::ZERO));
        }
        assert_eq!(read_cell("").value, CellValue::Empty);
        assert_eq!(read_cell("单位不需填列").value, CellValue::Text);
        assert_eq!(read_cell("1e5").value, CellValue::Text);
        assert_eq!(read_cell("12.").value, CellValue::Text);
        assert_eq!(read_cell("99999999999999999999999999999999").value, CellValue::Text);
    }
}
