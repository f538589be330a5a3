//! `2025年执行数为A万元，2026年预算安排B万元，比2025年增加Z%` and `B万元，比上年A万元减少D万元，
//! 下降Z%`: a change stated with both figures it compares is recomputed from them — its
//! direction, its amount and its percentage, each at the printed decimals. A change stated
//! without both figures (`较上年增加D万元`) is not judged: which figure it is of is a guess.

use super::super::{Ctx, Explanation, Rule};
use crate::narrative::{number_at, unit_at, year_in, Narrative, BREAK, CHAPTER};
use crate::report::{Severity, Text, TextPlace};
use crate::tolerance::Figure;
use rust_decimal::Decimal;
use std::ops::Range;

pub const RULE: Rule = Rule {
    code: "NAR005",
    name_zh: "说明中增减变化",
    name_en: "Stated changes",
    severity: Severity::Error,
    explanation: Explanation {
        what_zh: "同一句中写出了比较的两个数（如“2025年执行数为A万元，2026年预算安排B万元，比2025年增加Z%”或“B万元，比上年A万元减少D万元，下降Z%”）时，按两个数重新计算增减方向、增减额和增减百分比，在印出的小数位舍入范围内比较；基数为 0 时不应写增长百分比。只写了增减额、没写出两个数的句子不判断。",
        why_zh: "增减额和百分比常在数字更新后忘记重算，或把增加写成减少；财政局审核时会逐句复算。",
        fix_zh: "用句中的两个数重新计算：增减额 = 本期 − 基期，百分比 = 增减额 ÷ 基期 × 100%，方向按正负选“增加/增长”或“减少/下降”；基期为 0 的写“新增”而不写百分比。",
        what_en: "Where a sentence states both figures it compares (“2025 executed A, 2026 budget B, up Z% on 2025”, or “B, down D (Z%) on last year's A”), the direction, the amount and the percentage of the change are recomputed from them, at the printed decimals; a percentage rise from a zero base is not a number. A change stated without both figures is not judged.",
        why_en: "Changes are often not recomputed when figures are updated, or a fall is called a rise; a reviewer recomputes each one.",
        fix_en: "Recompute from the two figures: change = current − base, percentage = change ÷ base × 100, the word by the sign; from a zero base say it is new instead of giving a percentage.",
    },
    run: changes,
};

/// What a sentence is read into.
#[derive(Debug, Clone, Copy)]
enum Token {
    Amount {
        value: Decimal,
        factor: Decimal,
        unit: &'static str,
    },
    Percent(Decimal),
    /// 比 or 较 starting the comparison.
    Compare,
    /// 增加/增长 (`true`) or 减少/下降.
    Direction(bool),
}

/// A token and the prose characters it was read from.
#[derive(Debug, Clone)]
struct Read {
    token: Token,
    at: Range<usize>,
}

/// One change, read: the figures compared and what the sentence says of the difference.
struct Change {
    base: Read,
    current: Read,
    up: bool,
    /// Printed amount of the change, signed by its word.
    amount: Option<Read>,
    /// Printed percentage, signed by its word.
    percent: Option<(Read, Decimal)>,
}

const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '？', BREAK, CHAPTER];

fn changes(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        let chars = &n.prose.chars;
        let mut start = 0;
        for end in (0..=chars.len()).filter(|&k| k == chars.len() || SENTENCE_ENDS.contains(&chars[k])) {
            let tokens = tokens(chars, start..end);
            if let Some(change) = change(n, &tokens) {
                judge(ctx, n, &change);
            }
            start = end + 1;
        }
    }
}

/// The amounts, percentages, comparison marks and direction words of a sentence, in order.
fn tokens(chars: &[char], sentence: Range<usize>) -> Vec<Read> {
    let mut out = Vec::new();
    let mut k = sentence.start;
    while k < sentence.end {
        let c = chars[k];
        let starts_number = c.is_ascii_digit() && (k == 0 || !(chars[k - 1].is_ascii_digit() || chars[k - 1] == '.'));
        if starts_number {
            let Some((value, end)) = number_at(&chars[..sentence.end], k) else {
                k += 1;
                continue;
            };
            let spaces = chars[end..sentence.end].iter().take_while(|c| **c == ' ').count();
            if let Some((unit, factor, unit_end)) = unit_at(&chars[..sentence.end], end) {
                out.push(Read { token: Token::Amount { value, factor, unit }, at: k..unit_end });
                k = unit_end;
            } else if chars.get(end + spaces) == Some(&'%') && end + spaces < sentence.end {
                out.push(Read { token: Token::Percent(value), at: k..end + spaces + 1 });
                k = end + spaces + 1;
            } else {
                k = end.max(k + 1);
            }
            continue;
        }
        let word: String = chars[k..sentence.end.min(k + 2)].iter().collect();
        if let Some(up) = direction(&word) {
            out.push(Read { token: Token::Direction(up), at: k..k + 2 });
            k += 2;
            continue;
        }
        if (c == '比' || c == '较') && starts_comparison(chars, k, sentence.end) {
            out.push(Read { token: Token::Compare, at: k..k + 1 });
        }
        k += 1;
    }
    out
}

fn direction(word: &str) -> Option<bool> {
    match word {
        "增加" | "增长" => Some(true),
        "减少" | "下降" => Some(false),
        _ => None,
    }
}

/// `比上年`, `较2025年`, `比 2025 年年初预算数`: 比/较 followed by what is compared with —
/// not 比例, 比重, 较大, 相比.
fn starts_comparison(chars: &[char], at: usize, end: usize) -> bool {
    let next = chars[at + 1..end].iter().find(|c| **c != ' ');
    let before = at.checked_sub(1).map(|b| chars[b]);
    !matches!(before, Some('相' | '对' | '占')) && next.is_some_and(|c| c.is_ascii_digit() || "上去同年".contains(*c))
}

/// Reads the one change of a sentence that states both figures it compares, if it does.
fn change(n: &Narrative, tokens: &[Read]) -> Option<Change> {
    let compare = tokens.iter().position(|t| matches!(t.token, Token::Compare))?;
    let first_direction = compare + tokens[compare..].iter().position(|t| matches!(t.token, Token::Direction(_)))?;
    let Token::Direction(up) = tokens[first_direction].token else { return None };
    let between = &tokens[compare + 1..first_direction];
    if between.iter().any(|t| !matches!(t.token, Token::Amount { .. })) || between.len() > 1 {
        return None;
    }
    let (base, current) = match between.first() {
        // `比上年A万元减少`: the base right before its word (`比上年1.43万元，增加0.68%` is the
        // change, miswritten, not a base).
        Some(base) if n.prose.text(base.at.end..tokens[first_direction].at.start).trim().is_empty() => {
            (base.clone(), current_before(n, tokens, compare)?)
        }
        Some(_) => return None,
        None => two_years(n, tokens, compare, first_direction)?,
    };
    let (amount, percent) = stated_change(n, &tokens[first_direction..])?;
    Some(Change { base, current, up, amount, percent })
}

/// Form `B万元，比上年A万元…`: the amount right before 比, a comma away at most, itself no change.
fn current_before(n: &Narrative, tokens: &[Read], compare: usize) -> Option<Read> {
    let current = tokens.get(compare.checked_sub(1)?)?;
    if !matches!(current.token, Token::Amount { .. }) {
        return None;
    }
    let gap = n.prose.text(current.at.end..tokens[compare].at.start);
    let is_delta = compare >= 2 && matches!(tokens[compare - 2].token, Token::Direction(_));
    (gap.chars().all(|c| "，, ".contains(c)) && gap.chars().count() <= 3 && !is_delta).then(|| current.clone())
}

/// Form `2025年…A万元，2026年…B万元，比2025年…`: exactly two amounts before 比, each after its
/// own year, and the comparison naming one of them (or 上年 for the earlier of two years in a row).
fn two_years(n: &Narrative, tokens: &[Read], compare: usize, direction: usize) -> Option<(Read, Read)> {
    let before = &tokens[..compare];
    let [a, b] = before else { return None };
    if !(matches!(a.token, Token::Amount { .. }) && matches!(b.token, Token::Amount { .. })) {
        return None;
    }
    let sentence_start =
        n.prose.chars[..a.at.start].iter().rposition(|c| SENTENCE_ENDS.contains(c)).map_or(0, |k| k + 1);
    let year_a = year_in(&n.prose.text(sentence_start..a.at.start))?;
    let year_b = year_in(&n.prose.text(a.at.end..b.at.start))?;
    let phrase = n.prose.text(tokens[compare].at.start..tokens[direction].at.start);
    let named = year_in(&phrase.replace(' ', ""));
    let (earlier, later) = if year_a < year_b { (a, b) } else { (b, a) };
    let base_year = match named {
        Some(y) => y,
        None if phrase.contains("上年") && year_a.abs_diff(year_b) == 1 => year_a.min(year_b),
        None => return None,
    };
    if base_year == year_a.min(year_b) && year_a != year_b {
        Some((earlier.clone(), later.clone()))
    } else if base_year == year_a.max(year_b) && year_a != year_b {
        Some((later.clone(), earlier.clone()))
    } else {
        None
    }
}

/// What follows the direction word: `减少D万元`, `下降Z%`, or `减少D万元，下降Z%`; each right
/// after its word.
type Stated = (Option<Read>, Option<(Read, Decimal)>);

fn stated_change(n: &Narrative, from: &[Read]) -> Option<Stated> {
    let right_after = |word: &Read, next: Option<&Read>| {
        next.filter(|t| n.prose.text(word.at.end..t.at.start).trim().is_empty()).cloned()
    };
    let signed = |up: bool, v: Decimal| if up { v } else { -v };
    let Token::Direction(up) = from.first()?.token else { return None };
    let next = right_after(&from[0], from.get(1))?;
    match next.token {
        Token::Percent(p) => Some((None, Some((next, signed(up, p))))),
        Token::Amount { .. } => {
            let percent = match (from.get(2), from.get(3)) {
                (Some(word @ Read { token: Token::Direction(up2), .. }), Some(p)) => {
                    let gap = n.prose.text(next.at.end..word.at.start);
                    let close = gap.chars().all(|c| "，, ".contains(c));
                    match (close, right_after(word, Some(p))) {
                        (true, Some(read @ Read { token: Token::Percent(v), .. })) => Some((read, signed(*up2, v))),
                        _ => None,
                    }
                }
                _ => None,
            };
            Some((Some(next), percent))
        }
        _ => None,
    }
}

/// The printed amount of a token: value, 元 per unit.
fn amount(read: &Read) -> Option<(Decimal, Decimal)> {
    match read.token {
        Token::Amount { value, factor, .. } => Some((value, factor)),
        _ => None,
    }
}

/// The amount as printed with its unit: `9200.00 万元`.
fn said(read: &Read) -> String {
    match read.token {
        Token::Amount { value, unit, .. } => format!("{value} {unit}"),
        _ => String::new(),
    }
}

/// Where a change stands: the line of `at`, the sentence from its first figure quoted.
fn where_(n: &Narrative, change: &Change, at: &Read) -> TextPlace {
    let start = change.base.at.start.min(change.current.at.start);
    let end =
        [Some(&change.current), Some(&change.base), change.amount.as_ref(), change.percent.as_ref().map(|p| &p.0)]
            .into_iter()
            .flatten()
            .map(|r| r.at.end)
            .max()
            .unwrap_or(at.at.end);
    let quote: String = n.prose.text(start..end).split_whitespace().collect();
    TextPlace { source: n.source.clone(), line: n.prose.lines.get(at.at.start).copied().unwrap_or(0), quote }
}

/// Checks the direction, then the amount and the percentage, of one change.
fn judge(ctx: &mut Ctx, n: &Narrative, change: &Change) {
    let (Some((b, bf)), Some((c, cf))) = (amount(&change.base), amount(&change.current)) else { return };
    let (base, current) = (Figure::printed(b, bf), Figure::printed(c, cf));
    let half = |f: Figure| f.ulp / Decimal::TWO;
    let rises = current.value - half(current) > base.value + half(base);
    let falls = current.value + half(current) < base.value - half(base);
    let word = if change.up { "增加" } else { "减少" };
    let wrong = (change.up && falls) || (!change.up && rises);
    let (from, to) = (said(&change.base), said(&change.current));
    let text = wrong.then(|| {
        Text::new(
            format!("由 {from} 到 {to}，应为{}，此处写“{word}”", if rises { "增加" } else { "减少" }),
            format!("from {from} to {to} is a {}, but the text says {word}", if rises { "rise" } else { "fall" }),
        )
    });
    if let Some(draft) = ctx.check(text) {
        draft.in_prose(where_(n, change, &change.current));
        return;
    }
    if let Some(read) = &change.amount {
        judge_amount(ctx, n, change, read, (base, current));
    }
    if let Some((read, percent)) = &change.percent {
        judge_percent(ctx, n, change, (read, *percent), (base, current));
    }
}

/// `减少D万元`: D = current − base, under the rounding model.
fn judge_amount(ctx: &mut Ctx, n: &Narrative, change: &Change, read: &Read, (base, current): (Figure, Figure)) {
    let Some((d, df)) = amount(read) else { return };
    let signed = if change.up { d } else { -d };
    let printed = Figure::printed(signed, df);
    let minus_base = Figure { value: -base.value, ulp: base.ulp };
    let mut computed = (current.value - base.value) / df;
    computed.rescale(d.scale());
    let text = Text::new(
        "增减额与句中两个数之差不符".to_string(),
        "the change stated is not the difference of the two figures".to_string(),
    );
    if let Some(draft) = ctx.compare(printed, &[current, minus_base]).differs(signed, computed, text) {
        draft.in_prose(where_(n, change, read));
    }
}

/// `增长Z%`: Z = (current − base) ÷ base × 100, the figures anywhere in their rounding
/// intervals and Z in its own; from a zero base no percentage is a number.
fn judge_percent(
    ctx: &mut Ctx,
    n: &Narrative,
    change: &Change,
    (read, percent): (&Read, Decimal),
    (base, current): (Figure, Figure),
) {
    let (b, c) = (said(&change.base), said(&change.current));
    if base.value.is_zero() {
        let text = Text::new(
            format!("基数为 {b}，增减百分比无法计算，不应写 {percent}%"),
            format!("the base is {b}: a percentage change from zero is not a number"),
        );
        if let Some(draft) = ctx.check(Some(text)) {
            draft.severity(Severity::Warning).in_prose(where_(n, change, read));
        }
        return;
    }
    let half = |f: Figure| f.ulp / Decimal::TWO;
    let (low_base, high_base) = (base.value - half(base), base.value + half(base));
    if low_base <= Decimal::ZERO {
        return;
    }
    // Checked: a ratio of extreme printed figures must not overflow; it is then not judged.
    let change_of = |current: Decimal, base: Decimal| {
        current.checked_div(base)?.checked_sub(Decimal::ONE)?.checked_mul(Decimal::ONE_HUNDRED)
    };
    let low = change_of(current.value - half(current), high_base);
    let high = change_of(current.value + half(current), low_base);
    let computed = change_of(current.value, base.value);
    let (Some(low), Some(high), Some(computed)) = (low, high, computed) else { return };
    let half_percent = Decimal::new(5, percent.scale() + 1);
    let meets = percent + half_percent >= low && percent - half_percent <= high;
    let computed = computed.round_dp(percent.scale().max(2));
    let text = (!meets).then(|| {
        Text::new(
            format!("由 {b} 到 {c} 的增减百分比应为 {computed}%，此处写 {percent}%"),
            format!("from {b} to {c} the change is {computed}%, the text says {percent}%"),
        )
    });
    if let Some(draft) = ctx.check(text) {
        draft.in_prose(where_(n, change, read)).printed(percent).computed(computed).difference(percent - computed);
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::{check_text, Report};

    fn changes(text: &str) -> Vec<(Severity, String)> {
        let report: Report = check_text(text);
        report.findings.iter().filter(|f| f.rule == "NAR005").map(|f| (f.severity, f.message.zh.clone())).collect()
    }

    #[test]
    fn both_forms_are_recomputed() {
        assert!(changes("2026年预算100.00万元，比上年预算数80.00万元增加20.00万元，增长25.00%。").is_empty());
        assert!(changes("2024年执行数为80.00万元，2025年预算安排100.00万元，比上年增长25.00%。").is_empty());
        let wrong = changes("2026年预算100.00万元，比上年预算数80.00万元增加20.00万元，增长20.00%。");
        assert_eq!(wrong.len(), 1);
        assert!(wrong[0].1.contains("应为 25.00%"), "{wrong:?}");
    }

    #[test]
    fn a_change_without_both_figures_or_a_comparison_is_not_judged() {
        for text in [
            "机关运行经费100.00万元，较上年增加20.00万元，增长99.00%。",
            "其他收入100.00万元，较上年增加120.50万元，增长4.20%。",
            "机关运行经费180.40万元，比上年2.10万元，增加0.90%。",
            "基本支出100.00万元，占比例80.00万元增加5%。",
            "2024年执行数为80.00万元，2024年预算安排100.00万元，比上年增长5.00%。",
        ] {
            assert!(changes(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn extreme_figures_are_no_amounts_and_tiny_bases_do_not_overflow() {
        let text = "2026年预算9999999999999999999999999999亿元，比上年预算数0.01万元增加1万元。\n\
                    2026年预算999999999999999亿元，比上年预算数0.000001元增加1万元，增长5%。\n\
                    基本支出9999999999999999999999999999亿元，基本支出1元。";
        let found = changes(text);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_rise_from_zero_is_a_warning() {
        let found = changes("2024年执行数为0万元，2025年预算安排30.00万元，比2024年增长100%。");
        assert_eq!(found.iter().map(|(s, _)| *s).collect::<Vec<_>>(), [Severity::Warning]);
    }
}
