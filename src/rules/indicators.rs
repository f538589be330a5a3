//! Performance indicators (绩效指标): weights that make 100, well-formed natures and values,
//! sensible percentages, complete and distinct indicators.

use super::{Ctx, Explanation, Operand, Rule};
use crate::amount::{read_cell, CellValue};
use crate::report::{Severity, Text};
use crate::table::{CellRef, FieldKey, Form, IndicatorColumns, Table};
use rust_decimal::Decimal;

macro_rules! kpi_rule {
    ($code:literal, $sev:expr, $zh:literal, $en:literal, [$wz:literal, $yz:literal, $fz:literal], [$we:literal, $ye:literal, $fe:literal], $run:ident) => {
        Rule {
            code: $code,
            name_zh: $zh,
            name_en: $en,
            severity: $sev,
            explanation: Explanation { what_zh: $wz, why_zh: $yz, fix_zh: $fz, what_en: $we, why_en: $ye, fix_en: $fe },
            run: $run,
        }
    };
}

pub const RULES: &[Rule] = &[
    kpi_rule!("KPI001", Severity::Error, "指标权重合计", "Indicator weights make 100",
        ["项目表：预算执行率权重 + 各指标权重 = 100；部门整体绩效目标表：各指标权重之和 = 100。权重须为正数。",
         "权重之和不为 100 说明漏列指标或权重填错，绩效评价无法按分值计算。",
         "调整各指标权重，使合计为 100（常见分配：执行率 10、产出 50、效益 30、满意度 10）。"],
        ["Project forms: execution-rate weight + indicator weights = 100; department form: indicator weights = 100; weights are positive.",
         "Weights that do not make 100 cannot be scored.",
         "Adjust the weights to make 100 (commonly 10 / 50 / 30 / 10)."],
        weights_make_100),
    kpi_rule!("KPI002", Severity::Error, "指标性质", "Indicator nature",
        ["指标性质只能是 =、≥、≤、>、< 之一（或定性）。",
         "指标性质决定目标值如何比较，填错会使目标无法考核。",
         "改为 =、≥、≤、>、< 中的一个，定性指标填“定性”。"],
        ["The nature is one of =, ≥, ≤, >, < (or qualitative).",
         "The nature says how the target is compared; anything else cannot be assessed.",
         "Use one of =, ≥, ≤, >, <."],
        natures_are_valid),
    kpi_rule!("KPI003", Severity::Error, "指标值为数值", "Numeric target value",
        ["指标性质为 =、≥、≤、>、< 时，指标值必须是数值。",
         "比较符号要求可度量的目标值，文字目标无法考核。",
         "填写数值目标，或把指标性质改为定性。"],
        ["Where the nature is a comparison, the target must be a number.",
         "A comparison needs a measurable target.",
         "Give a number, or mark the indicator qualitative."],
        values_are_numeric),
    kpi_rule!("KPI004", Severity::Warning, "百分比合理", "Percentages make sense",
        ["单位为 % 的指标值不超过 100，且不出现“>100%”之类不可能的目标；满意度指标以 % 计。",
         "超过 100% 的完成率、满意度通常是笔误或单位填错。",
         "核对目标值与计量单位。"],
        ["Percent targets are at most 100 and not impossible (>100%); satisfaction is measured in %.",
         "Rates or satisfaction above 100% are usually typos or a wrong unit.",
         "Check the target and its unit."],
        percentages_make_sense),
    kpi_rule!("KPI005", Severity::Warning, "指标要素完整", "Indicator complete",
        ["每条指标应有一级、二级、三级指标、计量单位（定量指标）、指标性质和指标值；三级指标名称不重复。",
         "缺项或重复的指标无法考核，属于“细化程度不够”。",
         "补齐缺失要素，合并或改名重复的指标。"],
        ["Each indicator has levels 1–3, a unit (if quantitative), a nature and a target; level-3 names are unique.",
         "Incomplete or duplicated indicators cannot be assessed.",
         "Fill in the missing parts; merge or rename duplicates."],
        indicators_complete),
    kpi_rule!("KPI006", Severity::Warning, "成本指标不超预算", "Cost within budget",
        ["成本指标（单位为元或万元）不应超过项目当年预算。",
         "成本目标超过项目预算，说明单位或金额填错。",
         "核对成本指标的金额和单位。"],
        ["A cost indicator (in 元 or 万元) does not exceed the project's budget.",
         "A cost target above the budget means a wrong amount or unit.",
         "Check the amount and the unit."],
        cost_within_budget),
];

/// The indicator forms of the document with their forms.
fn forms<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (&'a Table, &'a Form)> {
    ctx.tables().iter().filter_map(|t| t.form.as_ref().filter(|f| f.header_row.is_some()).map(|f| (t, f)))
}

fn text_at(table: &Table, row: usize, col: Option<usize>) -> &str {
    col.map(|c| table.text(row, c)).unwrap_or("")
}

const NATURES: &[&str] = &["=", "≥", "≤", ">", "<", "＝", "≧", "≦", "＞", "＜", ">=", "<="];

fn is_comparison(nature: &str) -> bool {
    NATURES.contains(&nature.trim())
}

/// Reads a target value like `90`, `90%` or `≥50个` down to its number.
fn target_number(text: &str) -> Option<Decimal> {
    let trimmed = text.trim().trim_start_matches(|c: char| "=≥≤<>＝≧≦＞＜".contains(c));
    let numeric: String =
        trimmed.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-').collect();
    match read_cell(&numeric).value {
        CellValue::Number(d) => Some(d),
        _ => None,
    }
}

fn weights_make_100(ctx: &mut Ctx) {
    let mut any = false;
    for (table, form) in forms(ctx) {
        any = true;
        let Some(weight_col) = form.columns.weight else { continue };
        let mut parts = Vec::new();
        if let Some(f) = form.field(FieldKey::ExecutionWeight) {
            parts.extend(Operand::at(table, f.row, f.value_col));
        }
        for indicator in &form.indicators {
            let cell = table.cell_ref(indicator.row, weight_col);
            match target_number(table.text(indicator.row, weight_col)) {
                Some(w) if w > Decimal::ZERO => {
                    parts.push(Operand { cell, value: w, factor: Decimal::ONE, blank: false })
                }
                _ => {
                    ctx.fail(Text::new(
                        format!(
                            "{} 第 {} 行指标权重“{}”不是正数",
                            table.short_name(),
                            indicator.row + 1,
                            table.text(indicator.row, weight_col)
                        ),
                        format!(
                            "{} row {}: weight {:?} is not a positive number",
                            table.short_name(),
                            indicator.row + 1,
                            table.text(indicator.row, weight_col)
                        ),
                    ))
                    .at(&cell);
                }
            }
        }
        if parts.is_empty() {
            continue;
        }
        let sum: Decimal = parts.iter().map(|p| p.value).sum();
        let failure = (sum != Decimal::from(100)).then(|| {
            Text::new(
                format!("{} 权重合计 {sum}，应为 100（含预算执行率权重）", table.short_name()),
                format!("{}: weights add up to {sum}, not 100", table.short_name()),
            )
        });
        if let Some(finding) = ctx.check(failure) {
            finding
                .at(&parts[0].cell)
                .related(parts.iter().map(|p| p.cell.clone()))
                .printed(Decimal::from(100))
                .computed(sum)
                .difference(Decimal::from(100) - sum);
        }
    }
    if !any {
        ctx.needs(Text::new("需要含指标权重的绩效目标表", "needs performance forms with weights"));
    }
}

fn natures_are_valid(ctx: &mut Ctx) {
    for (table, form) in forms(ctx) {
        let Some(col) = form.columns.nature else { continue };
        for ind in &form.indicators {
            let nature = table.text(ind.row, col);
            let valid = nature.is_empty() || is_comparison(nature) || nature == "定性";
            let failure = (!valid).then(|| {
                Text::new(
                    format!("指标性质“{nature}”不是 =、≥、≤、>、< 之一"),
                    format!("nature {nature:?} is not one of =, ≥, ≤, >, <"),
                )
            });
            if let Some(finding) = ctx.check(failure) {
                finding.at(&table.cell_ref(ind.row, col));
            }
        }
    }
}

fn values_are_numeric(ctx: &mut Ctx) {
    for (table, form) in forms(ctx) {
        let (Some(nc), Some(vc)) = (form.columns.nature, form.columns.value) else { continue };
        for ind in &form.indicators {
            if !is_comparison(table.text(ind.row, nc)) {
                continue;
            }
            let value = table.text(ind.row, vc);
            let failure = target_number(value).is_none().then(|| {
                Text::new(
                    format!("指标性质为比较符号，但指标值“{value}”不是数值"),
                    format!("the nature is a comparison but the target {value:?} is not a number"),
                )
            });
            if let Some(finding) = ctx.check(failure) {
                finding.at(&table.cell_ref(ind.row, vc));
            }
        }
    }
}

fn is_percent(unit: &str) -> bool {
    unit.contains('%') || unit.contains('％') || unit.contains("百分")
}

fn percentages_make_sense(ctx: &mut Ctx) {
    for (table, form) in forms(ctx) {
        for ind in &form.indicators {
            let (text, cell) = percentage_problem(table, &form.columns, ind.row).unzip();
            if let Some(finding) = ctx.check(text) {
                finding.in_table(table.index).at_some(cell.flatten());
            }
        }
    }
}

/// What is wrong with an indicator's percentage, and where: a target over 100% (or `>100%`),
/// or a satisfaction measured in something else than %.
fn percentage_problem(table: &Table, c: &IndicatorColumns, r: usize) -> Option<(Text, Option<CellRef>)> {
    let unit = text_at(table, r, c.unit);
    let name = format!("{}{}", text_at(table, r, c.level2), text_at(table, r, c.level3));
    let value = target_number(text_at(table, r, c.value));
    let nature = text_at(table, r, c.nature).trim();
    if is_percent(unit) {
        let over = value.is_some_and(|v| v > Decimal::from(100));
        let impossible = value.is_some_and(|v| v >= Decimal::from(100)) && matches!(nature, ">" | "＞");
        let shown = text_at(table, r, c.value);
        (over || impossible).then(|| {
            let text = Text::new(
                format!("百分比目标 {nature}{shown}% 不可能达到或超过 100%"),
                format!("percent target {nature}{shown}% cannot be met or exceeds 100%"),
            );
            (text, c.value.map(|col| table.cell_ref(r, col)))
        })
    } else if name.contains("满意度") && !unit.is_empty() {
        let text = Text::new(
            format!("满意度指标的计量单位是“{unit}”，通常应为 %"),
            format!("a satisfaction indicator measured in {unit:?} rather than %"),
        );
        Some((text, c.unit.map(|col| table.cell_ref(r, col))))
    } else {
        None
    }
}

fn indicators_complete(ctx: &mut Ctx) {
    for (table, form) in forms(ctx) {
        let c = &form.columns;
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for ind in &form.indicators {
            let r = ind.row;
            let quantitative = c.nature.is_some_and(|n| is_comparison(table.text(r, n)));
            let required = [
                (c.level1, "一级指标", "level 1"),
                (c.level2, "二级指标", "level 2"),
                (c.level3, "三级指标", "level 3"),
                (c.nature, "指标性质", "nature"),
                (c.value, "指标值", "target"),
                (if quantitative { c.unit } else { None }, "计量单位", "unit"),
            ];
            let missing = required.into_iter().filter_map(|(col, zh, en)| {
                let col = col.filter(|&col| table.text(r, col).is_empty())?;
                Some((Text::new(format!("缺少{zh}"), format!("missing {en}")), Some(table.cell_ref(r, col))))
            });
            let name = text_at(table, r, c.level3);
            let repeated = match seen.iter().find(|(n, _)| *n == name) {
                Some((_, first)) if !name.is_empty() => Some((
                    Text::new(
                        format!("三级指标“{name}”与第 {} 行重复", first + 1),
                        format!("level-3 indicator {name:?} repeats row {}", first + 1),
                    ),
                    c.level3.map(|col| table.cell_ref(r, col)),
                )),
                _ => {
                    seen.push((name, r));
                    None
                }
            };
            // One relation per indicator, however many of its parts are wrong.
            let mut problems = missing.collect::<Vec<_>>().into_iter().chain(repeated);
            let (text, cell) = problems.next().unzip();
            if let Some(finding) = ctx.check(text) {
                finding.in_table(table.index).at_some(cell.flatten());
            }
            for (text, cell) in problems {
                ctx.fail(text).in_table(table.index).at_some(cell);
            }
        }
    }
}

fn cost_within_budget(ctx: &mut Ctx) {
    for (table, form) in forms(ctx) {
        let c = &form.columns;
        let Some(budget) = form.field(FieldKey::CurrentBudget).and_then(|f| Operand::at(table, f.row, f.value_col))
        else {
            continue;
        };
        for ind in &form.indicators {
            let r = ind.row;
            let is_cost = text_at(table, r, c.level1).contains("成本") || text_at(table, r, c.level2).contains("成本");
            let unit = text_at(table, r, c.unit);
            let factor = match unit {
                "万元" => Decimal::from(10_000),
                "元" => Decimal::ONE,
                _ => continue,
            };
            let Some(value) = target_number(text_at(table, r, c.value)).filter(|_| is_cost) else { continue };
            let failure = (value * factor > budget.value * budget.factor).then(|| {
                Text::new(
                    format!("成本指标 {value}{unit} 超过项目当年预算 {} {}", budget.value, table.unit.label()),
                    format!("cost target {value} {unit} exceeds the project budget {}", budget.value),
                )
            });
            if let Some(finding) = ctx.check(failure) {
                finding.in_table(table.index).at_some(c.value.map(|col| table.cell_ref(r, col)));
            }
        }
    }
}
