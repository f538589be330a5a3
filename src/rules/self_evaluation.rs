//! 项目支出绩效自评表 (project self-evaluation forms) read from flattened one-line previews:
//! the fund rows and the indicator 分值.
//!
//! The form is not a grid here, so findings point at its line and quote the row as printed.

use super::{Ctx, Explanation, Rule};
use crate::ingest::{FundRow, SelfEvaluation};
use crate::report::{Severity, Text, TextPlace};
use crate::tolerance::{Agreement, Figure};
use rust_decimal::Decimal;

pub const RULES: &[Rule] = &[
    Rule {
        code: "FLT001",
        name_zh: "自评表资金总额",
        name_en: "Self-evaluation fund total",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "绩效自评表中“年度资金总额”每一栏（年初预算数、全年预算数、全年执行数）应等于其中本年财政拨款、上年结转资金、其他资金之和，至少不小于其中任何一项。",
            why_zh: "资金总额是执行率和得分的基础；总额填 0 而分项有数，执行率和得分都算错。",
            fix_zh: "按分项重新填写年度资金总额，再重算执行率与得分。",
            what_en: "In a self-evaluation form, each 年度资金总额 cell (initial budget, full-year budget, executed) equals the sum of its parts (fiscal appropriation, carry-over, other funds), and is never below any of them.",
            why_en: "The fund total is the base of the execution rate and its score; a total of 0 with funded parts makes both wrong.",
            fix_en: "Fill in the total from the parts, then recompute the execution rate and score.",
        },
        run: fund_total,
    },
    Rule {
        code: "FLT002",
        name_zh: "自评表指标分值",
        name_en: "Self-evaluation indicator points",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "绩效自评表中每个一级指标标注的分值（如“产出指标(50分)”）应等于其下各指标分值之和；全表（含预算执行率分值）合计 100 分。",
            why_zh: "分值不一致时，自评得分无法比较，也说明表格被改动过。",
            fix_zh: "调整各指标分值，使一级指标分值与其下指标之和一致、全表合计 100 分。",
            what_en: "In a self-evaluation form, the points printed with each level-1 indicator (产出指标(50分)) equal the sum of its indicators' points, and the whole form (with the execution-rate points) makes 100.",
            why_en: "Inconsistent points make scores incomparable and show the form was edited.",
            fix_en: "Adjust the points so each level-1 total matches its indicators and the form makes 100.",
        },
        run: indicator_points,
    },
];

fn place(form: &SelfEvaluation, quote: &str) -> TextPlace {
    TextPlace { source: form.source.clone(), line: form.line, quote: quote.to_string() }
}

/// A printed figure; a cell left blank is an exact zero.
fn figure(value: Option<Decimal>) -> Figure {
    match value {
        Some(v) => Figure::printed(v, Decimal::ONE),
        None => Figure::BLANK,
    }
}

/// The parts of 年度资金总额 that make it up in the standard form.
const PARTS: &[&str] = &["本年财政拨款", "上年结转资金", "其他资金"];

fn fund_total(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for form in &doc.self_evaluations {
        let Some(total) = form.funds.iter().find(|r| r.label == "年度资金总额") else { continue };
        let parts: Vec<&FundRow> = form.funds.iter().filter(|r| PARTS.contains(&r.label.as_str())).collect();
        let all_parts = parts.len() == PARTS.len();
        // Only the amount columns: 分值, 执行率 and 得分 are not sums.
        for (col, name) in form.columns.iter().enumerate().filter(|(_, c)| c.ends_with('数')) {
            let Some(printed) = total.values.get(col).copied().flatten() else { continue };
            let part_values: Vec<Option<Decimal>> =
                parts.iter().map(|p| p.values.get(col).copied().flatten()).collect();
            if part_values.iter().all(Option::is_none) {
                continue;
            }
            let listed: Vec<String> =
                parts.iter().zip(&part_values).filter_map(|(p, v)| v.map(|v| format!("{} {v}", p.label))).collect();
            let at = place(form, &total.quote);
            if all_parts {
                let figures: Vec<Figure> = part_values.iter().map(|v| figure(*v)).collect();
                let computed: Decimal = part_values.iter().flatten().sum();
                let text = Text::new(
                    format!("{name}：年度资金总额不等于其中各项之和（{}）", listed.join(" + ")),
                    format!("{name}: the fund total is not the sum of its parts"),
                );
                if let Some(finding) = ctx.compare(figure(Some(printed)), &figures).differs(printed, computed, text) {
                    finding.in_prose(at);
                }
                continue;
            }
            // Without every part the sum is unknown, but no part exceeds the total.
            let exceeding =
                parts.iter().zip(&part_values).find_map(|(p, v)| v.filter(|v| *v > printed).map(|v| (p, v)));
            let failure = exceeding.map(|(part, _)| {
                Text::new(
                    format!("{name}：年度资金总额小于其中的{}", part.label),
                    format!("{name}: the fund total is less than its part {}", part.label),
                )
            });
            if let (Some(finding), Some((_, value))) = (ctx.check(failure), exceeding) {
                finding.off_by(Agreement::Mismatch, printed, value).in_prose(at);
            }
        }
    }
}

fn indicator_points(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for form in &doc.self_evaluations {
        for group in form.groups.iter().filter(|g| g.complete) {
            let sum: Decimal = group.weights.iter().sum();
            let failure = (sum != group.stated).then(|| {
                Text::new(
                    format!("{}的分值不等于其下各指标分值之和", group.name),
                    format!("{}: the level-1 points are not the sum of its indicators' points", group.name),
                )
            });
            if let Some(finding) = ctx.check(failure) {
                let quote = format!("{}({}分)", group.name, group.stated);
                finding.off_by(Agreement::Mismatch, group.stated, sum).in_prose(place(form, &quote));
            }
        }
        match &form.truncated_in {
            Some(group) => ctx.needs(Text::new(format!("第 {} 行的绩效自评表在“{group}”处中断（摘录不完整），全表分值合计 100 未检查", form.line), format!("the self-evaluation form on line {} ends inside \"{group}\" (a truncated excerpt); the 100-point total is not checked", form.line))),
            None => {
                let rate = form.columns.iter().position(|c| c == "分值").and_then(|col| {
                    form.funds.iter().find(|r| r.label == "年度资金总额").and_then(|r| r.values.get(col).copied().flatten())
                });
                let total = rate.unwrap_or_default() + form.groups.iter().map(|g| g.stated).sum::<Decimal>();
                let failure = (total != Decimal::ONE_HUNDRED).then(|| {
                    Text::new(
                        "全表分值（执行率分值与各一级指标分值）合计不是 100",
                        "the form's points (execution rate and level-1 indicators) do not make 100",
                    )
                });
                if let Some(finding) = ctx.check(failure) {
                    finding.off_by(Agreement::Mismatch, total, Decimal::ONE_HUNDRED).in_prose(place(form, &form.title));
                }
            }
        }
    }
}
