//! Figures stated in the prose (情况说明) checked against each other: one figure stated twice,
//! 其中 parts against their whole, shares of one whole against 100%.
//!
//! Findings point at the line and the clause as printed ([`crate::report::TextPlace`]), since prose has no
//! cells.

use super::{Ctx, Explanation, Rule};
use crate::narrative::{hundred, percent_figure, Statement, Subject};
use crate::report::{Severity, Text};
use crate::tolerance::{Agreement, Figure};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub const RULES: &[Rule] = &[
    Rule {
        code: "NAR001",
        name_zh: "说明中同一数字一致",
        name_en: "Same figure stated alike",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "情况说明中同一个数（同一口径、同一科目，如“一般公共预算基本支出”）在不同段落出现时，数值应相同。",
            why_zh: "说明文字常在不同章节重复同一数字（支出结构、基本支出情况），改了一处忘了另一处是常见错误。",
            fix_zh: "以表格为准核对两处数字，改正写错的一处。",
            what_en: "A figure stated more than once in the narrative (same subject and scope, e.g. general-budget basic expenditure) has the same value each time.",
            why_en: "Narratives repeat figures across sections; updating one place and not the other is a common error.",
            fix_en: "Check both against the tables and correct the wrong one.",
        },
        run: same_figure,
    },
    Rule {
        code: "NAR002",
        name_zh: "说明中其中各项合计",
        name_en: "Narrative parts add up",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "“X 元，其中：A 元，B 元”列出全部组成（如人员经费 + 公用经费、基本支出 + 项目支出、“三公”三项，或占比合计 100%）时，各项之和应等于 X；只列出部分时，各项之和不应超过 X。",
            why_zh: "“其中”各项与总数出自不同表格或不同版本时，文字与表格就对不上。",
            fix_zh: "按表格数字改正总数或分项。",
            what_en: "When the parts listed after 其中 are all the parts (personnel + public-use, basic + project, the three \"three public\" items, or shares making 100%), they add up to the whole; a partial list does not exceed it.",
            why_en: "Parts and whole copied from different tables or versions disagree.",
            fix_en: "Correct the whole or the parts from the tables.",
        },
        run: parts_add_up,
    },
    Rule {
        code: "NAR003",
        name_zh: "说明中占比合计",
        name_en: "Narrative shares make 100%",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "同一总数的各部分占比（“占基本支出 62.35%”“占基本支出 37.66%”）合计不应超过 100%；合计为 100% 之外但在两位小数舍入范围内的，按舍入差异提醒。",
            why_zh: "占比由金额四舍五入得来，合计可能差 0.01%，但明显超过 100% 说明金额或占比写错。",
            fix_zh: "用金额重新计算占比；舍入差异可调整最大一项使合计为 100%。",
            what_en: "Shares of one whole (\"占基本支出 62.35%\", \"37.66%\") add up to no more than 100%; a total off 100% within the rounding of the printed decimals is a rounding warning.",
            why_en: "Shares are rounded from amounts and may miss 100 by a hundredth, but clearly more than 100% means an amount or a share is wrong.",
            fix_en: "Recompute the shares from the amounts; for rounding, adjust the largest share.",
        },
        run: shares_make_hundred,
    },
];

/// Sums amounts stated in different units, in the unit of `whole`.
fn sum_in_unit_of(whole: &Statement, parts: &[&Statement]) -> Decimal {
    if parts.iter().all(|p| p.factor == whole.factor) {
        parts.iter().map(|p| p.value).sum()
    } else {
        let yuan: Decimal = parts.iter().map(|p| p.value * p.factor).sum();
        (yuan / whole.factor).normalize()
    }
}

fn same_figure(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        // The first statement of each subject in each scope, per printed year: a long text
        // stays linear. A chapter headed by a unit's name (某中心, 某局本级) is that unit's scope;
        // the other chapters speak of the whole department.
        let mut firsts: HashMap<(usize, Subject), usize> = HashMap::new();
        for (k, later) in n.statements.iter().enumerate() {
            let Some(subject) = later.subject.filter(|_| !later.change) else { continue };
            let scope = if later.unit_chapter { later.chapter } else { 0 };
            let earlier: Vec<(&Subject, usize)> = firsts
                .iter()
                .filter(|((s, x), _)| *s == scope && x.same_figure(&subject))
                .map(|((_, x), &j)| (x, j))
                .collect();
            // Without a year of its own, a figure after those of two different years is ambiguous.
            let mut years: Vec<u16> = earlier.iter().filter_map(|(x, _)| x.year).collect();
            years.dedup();
            let earliest = if years.len() > 1 { None } else { earlier.iter().map(|(_, j)| *j).min() };
            firsts.entry((scope, subject)).or_insert(k);
            let Some(first) = earliest.and_then(|j| n.statements.get(j)) else { continue };
            let computed = sum_in_unit_of(later, &[first]);
            let name = subject.term.label_zh();
            let text = Text::new(
                format!(
                    "{name}在第 {} 行写作 {} {}（“{}”），此处不同",
                    first.line, first.value, first.unit, first.quote
                ),
                format!(
                    "{} is stated as {} {} on line {}, differently here",
                    subject.term.label_en(),
                    first.value,
                    first.unit,
                    first.line
                ),
            );
            if let Some(finding) = ctx.compare(later.figure(), &[first.figure()]).differs(later.value, computed, text) {
                finding.in_prose(n.place(later));
            }
        }
    }
}

fn parts_add_up(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        for list in &n.lists {
            let Some(whole) = n.statements.get(list.whole) else { continue };
            let parts: Vec<&Statement> = list.parts.iter().filter_map(|&p| n.statements.get(p)).collect();
            let figures: Vec<Figure> = parts.iter().map(|p| p.figure()).collect();
            let computed = sum_in_unit_of(whole, &parts);
            // A partial list cannot be summed, but its parts cannot exceed the whole.
            let exceeds = || computed > whole.value && ctx.agreement(whole.figure(), &figures) == Agreement::Mismatch;
            if !list.complete && !exceeds() {
                continue;
            }
            let listed: Vec<String> =
                parts.iter().map(|p| format!("第 {} 行 {} {}", p.line, p.value, p.unit)).collect();
            let name = whole.subject.map(|s| s.term.label_zh()).unwrap_or_default();
            let name_en = whole.subject.map(|s| s.term.label_en()).unwrap_or_default();
            let text = if list.complete {
                Text::new(
                    format!("{name}不等于其中各项之和（{}）", listed.join(" + ")),
                    format!("{name_en} is not the sum of the parts listed after 其中"),
                )
            } else {
                Text::new(
                    format!("{name}小于其中所列各项之和（{}）", listed.join(" + ")),
                    format!("{name_en} is less than the parts listed after 其中"),
                )
            };
            if let Some(finding) = ctx.compare(whole.figure(), &figures).differs(whole.value, computed, text) {
                finding.in_prose(n.place(whole));
            }
        }
    }
}

fn shares_make_hundred(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        for set in &n.share_sets {
            let members: Vec<&Statement> = set.members.iter().filter_map(|&m| n.statements.get(m)).collect();
            let shares: Vec<_> = members.iter().filter_map(|m| m.share.as_ref()).collect();
            let Some(first) = members.first() else { continue };
            let figures: Vec<Figure> = shares.iter().map(|s| percent_figure(s)).collect();
            let sum: Decimal = shares.iter().map(|s| s.percent).sum();
            // Below 100% the list may simply stop early: only an excess is certain.
            if ctx.agreement(hundred(), &figures) == Agreement::Mismatch && sum <= Decimal::ONE_HUNDRED {
                continue;
            }
            let listed: Vec<String> = shares.iter().map(|s| format!("{}%（第 {} 行）", s.percent, s.line)).collect();
            let base = if set.base.is_empty() { "同一总数".to_string() } else { set.base.clone() };
            let text = Text::new(
                format!("占{base}的比例合计 {}%：{}，应为 100%", sum, listed.join(" + ")),
                format!("shares of {base} add up to {sum}%, not 100%"),
            );
            if let Some(finding) = ctx.compare(hundred(), &figures).differs(sum, Decimal::ONE_HUNDRED, text) {
                finding.in_prose(n.place(first));
            }
        }
    }
}
