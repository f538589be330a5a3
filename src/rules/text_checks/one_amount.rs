//! One item, one amount: a numbered item of the 情况说明 that opens with its subject's amount
//! (`6. 住房公积金（项）12.34万元，主要用于…`) and then says the year's budget for it in a
//! clause of its own (`2026年预算安排12.34万元`) states one figure twice; two values are
//! an error naming both places.

use super::super::{Ctx, Explanation, Rule};
use super::{paragraphs, Paragraph};
use crate::narrative::{number_at, unit_at, year_in, Narrative};
use crate::report::{Severity, Text, TextPlace};
use crate::tolerance::Figure;
use rust_decimal::Decimal;
use std::ops::Range;

pub const RULE: Rule = Rule {
    code: "NAR006",
    name_zh: "同一事项金额一致",
    name_en: "One item, one amount",
    severity: Severity::Error,
    explanation: Explanation {
        what_zh: "同一段落（编号条目）开头写出事项金额（如“住房公积金（项）208.8万元”），后文又以“2026年预算安排X万元”重述本年预算时，两处金额应相同。",
        why_zh: "条目开头的金额与后文的“预算安排”是同一个数，改了一处忘了另一处，读者无从判断哪个是对的。",
        fix_zh: "以表格为准核对两处金额，改正写错的一处。",
        what_en: "A paragraph (numbered item) that opens with its subject's amount (“住房公积金（项）208.8万元”) and later restates the year's budget (“2026年预算安排X万元”) gives the same amount both times.",
        why_en: "The opening amount and the later 预算安排 are one figure; when one is updated and not the other, the reader cannot tell which is right.",
        fix_en: "Check both against the tables and correct the wrong one.",
    },
    run: one_amount,
};

/// An amount in the prose and the clause that leads to it.
struct Amount {
    at: Range<usize>,
    value: Decimal,
    factor: Decimal,
    unit: &'static str,
    /// The words from the clause's start to the number, spaces dropped.
    clause: String,
}

/// What a clause restating the year's budget says besides its year: nothing else.
const RESTATEMENTS: &[&str] = &["预算安排", "预算安排为", "预算数为", "预算为", "预算数", "安排"];

/// Words that make the opening amount something other than the year's budget of the item.
const OTHER_MEASURES: &[&str] =
    &["执行", "决算", "上年", "去年", "增加", "减少", "增长", "下降", "比", "较", "其中", "包括", "合计", "共计"];

fn one_amount(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        for Paragraph { range, .. } in paragraphs(&n.prose) {
            let amounts = amounts(n, range.clone());
            let Some((first, rest)) = amounts.split_first() else { continue };
            if OTHER_MEASURES.iter().any(|w| first.clause.contains(w)) {
                continue;
            }
            let restated: Vec<&Amount> = rest.iter().filter(|a| restates(a, first)).collect();
            let [again] = restated.as_slice() else { continue };
            let text = Text::new(
                format!(
                    "同一事项在第 {} 行写作 {} {}（“{}”），此处写作 {} {}",
                    line(n, first),
                    first.value,
                    first.unit,
                    quote(n, first),
                    again.value,
                    again.unit
                ),
                format!("the item opens with {} {} and restates its budget differently", first.value, first.unit),
            );
            let computed = (first.value * first.factor / again.factor).normalize();
            let printed = Figure::printed(again.value, again.factor);
            let other = Figure::printed(first.value, first.factor);
            if let Some(draft) = ctx.compare(printed, &[other]).differs(again.value, computed, text) {
                draft.in_prose(TextPlace { source: n.source.clone(), line: line(n, again), quote: quote(n, again) });
            }
        }
    }
}

/// `2026年预算安排201.50万元`: a clause of only a year and the budget words, the year not
/// contradicting one the opening amount names.
fn restates(again: &Amount, first: &Amount) -> bool {
    let Some(year) = year_in(&again.clause) else { return false };
    let rest = again.clause.replacen(&format!("{year}年"), "", 1);
    let rest = rest.strip_prefix("度").unwrap_or(&rest);
    RESTATEMENTS.contains(&rest) && year_in(&first.clause).is_none_or(|y| y == year)
}

fn line(n: &Narrative, a: &Amount) -> usize {
    n.prose.lines.get(a.at.start).copied().unwrap_or(0)
}

fn quote(n: &Narrative, a: &Amount) -> String {
    let text = format!("{}{}", a.clause, n.prose.text(a.at.clone()));
    text.split_whitespace().collect()
}

/// Clause ends: where the words leading to an amount start.
const CLAUSE_ENDS: &[char] = &['，', ',', '。', '；', ';', '：', ':', '、'];

/// The amounts (元/万元/亿元) of a paragraph, each with its clause.
fn amounts(n: &Narrative, range: Range<usize>) -> Vec<Amount> {
    let chars = &n.prose.chars[..range.end];
    let mut out = Vec::new();
    let mut clause_start = range.start;
    let mut k = range.start;
    while k < range.end {
        let c = chars[k];
        if CLAUSE_ENDS.contains(&c) {
            clause_start = k + 1;
        }
        let starts =
            c.is_ascii_digit() && (k == range.start || !(chars[k - 1].is_ascii_digit() || chars[k - 1] == '.'));
        let read = starts.then(|| number_at(chars, k)).flatten();
        let Some((value, end)) = read else {
            k += 1;
            continue;
        };
        match unit_at(chars, end) {
            Some((unit, factor, unit_end)) => {
                let clause: String = n.prose.text(clause_start..k).split_whitespace().collect();
                out.push(Amount { at: k..unit_end, value, factor, unit, clause });
                clause_start = unit_end;
                k = unit_end;
            }
            None => k = end.max(k + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{check_text, Report};

    fn lines(text: &str) -> Vec<usize> {
        let report: Report = check_text(text);
        report.findings.iter().filter(|f| f.rule == "NAR006").filter_map(|f| f.text.as_ref().map(|t| t.line)).collect()
    }

    #[test]
    fn an_item_restating_its_budget_differently() {
        let item = "1. 住房公积金（项）208.8万元，主要用于缴费。2025年执行数为190.00万元，2026年预算安排201.50万元。";
        assert_eq!(lines(item), [1]);
        assert!(lines(&item.replace("201.50", "208.80")).is_empty());
    }

    #[test]
    fn other_measures_subjects_and_years_are_not_the_same_figure() {
        for text in [
            "1. 住房公积金比上年增加8.8万元，2026年预算安排201.50万元。",
            "1. 住房公积金208.8万元，其中2026年公务接待费预算安排2.00万元。",
            "1. 2025年住房公积金208.8万元，2026年预算安排201.50万元。",
            "1. 住房公积金208.8万元，2026年预算安排201.50万元，2027年预算安排1.00万元。",
        ] {
            assert!(lines(text).is_empty(), "{text}");
        }
    }
}
