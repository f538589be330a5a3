//! Money units across tables: one document may print 元 in some tables and 万元 in others
//! (Shanghai: tables 1–8 in 元, the 三公 table in 万元). Comparisons scale by each table's unit;
//! a figure that is off by exactly 10,000 against its counterpart is a wrong unit caption, not
//! a wrong figure.

use super::ctx::Slip;
use super::{Ctx, Explanation, Rule};
use crate::document::Document;
use crate::report::{Severity, Text};
use crate::tolerance::Agreement;
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
    run: unit_mismatches,
}];

fn unit_of(doc: &Document, table: usize) -> &'static str {
    doc.tables.get(table).map(|t| t.unit.label()).unwrap_or("")
}

fn name_of(doc: &Document, table: usize) -> String {
    doc.tables.get(table).map(|t| t.short_name()).unwrap_or_default()
}

/// Each slip the cross-table comparisons found is this rule's error at the printed cell, with
/// the other as the related cell: the two captions disagree, not the two figures.
fn unit_mismatches(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for Slip { printed, other, scale, text } in ctx.take_slips() {
        let (a, b) = (printed.cell.table, other.cell.table);
        let times = if scale > Decimal::ONE { "10000" } else { "1/10000" };
        let (name_a, unit_a, value_a) = (name_of(doc, a), unit_of(doc, a), printed.value);
        let (name_b, unit_b, value_b) = (name_of(doc, b), unit_of(doc, b), other.value);
        let zh = format!(
            "{}：{name_a} 填报 {value_a}（单位：{unit_a}），{name_b} 为 {value_b}（单位：{unit_b}），按单位换算后相差 {times} 倍——万元/元单位标注不一致",
            text.zh
        );
        let en = format!(
            "{}: {name_a} prints {value_a} ({unit_a}), {name_b} prints {value_b} ({unit_b}); scaled by their units they differ {times}-fold: 万元/元 unit mismatch",
            text.en
        );
        ctx.verdict(Text::new(zh, en))
            .at(&printed.cell)
            .related([other.cell])
            .printed(printed.value)
            .computed(other.value)
            .agreement(Agreement::Mismatch);
    }
}
