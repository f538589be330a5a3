//! Money units across tables: one document may print 元 in some tables and 万元 in others
//! (Shanghai: tables 1–8 in 元, the 三公 table in 万元). Comparisons scale by each table's unit;
//! a figure that is off by exactly 10,000 against its counterpart is a wrong unit caption, not
//! a wrong figure.

use super::{Explanation, Operand, Rule, Wording};
use crate::report::Severity;
use crate::tolerance::{agree, Agreement, RoundingMode};
use crate::Document;
use rust_decimal::Decimal;

pub const RULES: &[Rule] = &[Rule {
    code: "UNIT001",
    name_zh: "单位不一致",
    name_en: "Unit mismatch",
    severity: Severity::Error,
    explanation: Explanation {
        what_zh: "表间比较按各表标注的单位（元/万元/亿元）换算后进行；若两张表的同一数字换算后恰好相差 10000 倍（在舍入范围内），说明某张表的单位标注与其数字不符（如数字是万元却标“单位：元”）。",
        why_zh: "单位标错会让读者把金额看错一万倍；同一文件中元与万元并用时（如上海预算 1–8 表用元、三公表用万元）尤其常见。",
        fix_zh: "核对两张表的单位标注，改正与数字不符的一张。",
        what_en: "Cross-table comparisons scale by each table's printed unit (元/万元/亿元); two printings of one figure that differ by exactly 10,000 (within rounding) mean a unit caption does not match its figures.",
        why_en: "A wrong unit caption misstates every amount of the table ten-thousandfold; documents mixing 元 and 万元 make it common.",
        fix_en: "Check both tables' unit captions and correct the one that does not match its figures.",
    },
    run: raised_by_comparisons,
}];

/// The rule has no pass of its own: every cross-table comparison ([`super::Ctx::same`]) tests
/// for the 10,000 slip and reports it under this code.
fn raised_by_comparisons(_: &mut super::Ctx) {}

/// When `printed` and `other` disagree as printed but agree once `other` is scaled by 10,000 (or
/// 1/10,000), the scale; `None` when they agree or disagree either way.
pub fn slip(printed: &Operand, other: &Operand, mode: RoundingMode) -> Option<Decimal> {
    if printed.cell.table == other.cell.table || printed.value.is_zero() || other.value.is_zero() {
        return None;
    }
    if agree(printed.figure(), &[other.figure()], mode) != Agreement::Mismatch {
        return None;
    }
    let wan = Decimal::from(10_000);
    [wan, Decimal::ONE / wan].into_iter().find(|&scale| {
        let scaled = Operand { factor: other.factor * scale, ..other.clone() };
        agree(printed.figure(), &[scaled.figure()], mode) != Agreement::Mismatch
    })
}

fn unit_of(doc: &Document, table: usize) -> &'static str {
    doc.tables.get(table).map(|t| t.unit.label()).unwrap_or("")
}

fn name_of(doc: &Document, table: usize) -> String {
    doc.tables.get(table).map(|t| t.short_name()).unwrap_or_default()
}

/// Reports the slip as this rule's error at `printed`, with `other` as the related cell.
pub fn report(ctx: &mut super::Ctx, printed: &Operand, other: &Operand, scale: Decimal, w: &Wording) {
    let doc = ctx.doc;
    let (a, b) = (printed.cell.table, other.cell.table);
    let times = if scale > Decimal::ONE { "10000" } else { "1/10000" };
    let zh = format!(
        "{}：{} 填报 {}（单位：{}），{} 为 {}（单位：{}），按单位换算后相差 {times} 倍——万元/元单位标注不一致",
        w.zh,
        name_of(doc, a),
        printed.value,
        unit_of(doc, a),
        name_of(doc, b),
        other.value,
        unit_of(doc, b)
    );
    let en = format!(
        "{}: {} prints {} ({}), {} prints {} ({}); scaled by their units they differ {times}-fold: 万元/元 unit mismatch",
        w.en,
        name_of(doc, a),
        printed.value,
        unit_of(doc, a),
        name_of(doc, b),
        other.value,
        unit_of(doc, b)
    );
    ctx.relations += 1;
    ctx.report(Severity::Error, Some(a), Some(printed.cell.clone()), zh, en);
    if let Some(f) = ctx.findings.last_mut() {
        f.rule = RULES[0].code;
        f.related.push(other.cell.clone());
        f.printed = Some(printed.value);
        f.computed = Some(other.value);
        f.agreement = Some(Agreement::Mismatch);
    }
}
