//! Project forms against the budget: each project's 当年预算 = 本级安排 + 上级补助, and the
//! published projects add up to no more than the department's 项目支出.

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{ColumnRole, FieldKey, Table, TableKind};
use crate::tolerance::{Agreement, Figure};
use rust_decimal::Decimal;

pub const RULES: &[Rule] = &[
    Rule {
        code: "PRJ001",
        name_zh: "项目支出与项目表",
        name_en: "Project spending vs project forms",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "各项目支出绩效目标表的当年预算之和 不大于 部门的项目支出合计；相等时说明全部项目均已公开。",
            why_zh: "项目绩效目标表是项目支出的细化，合计超过项目支出说明项目金额或支出表有误。",
            fix_zh: "核对各项目当年预算与支出表中的项目支出，修正不一致的一方；未公开全部项目时属正常，但应说明。",
            what_en: "The projects' budgets add up to no more than the department's project expenditure; equal means every project is published.",
            why_en: "Project forms detail the project expenditure; more than the total means a wrong amount somewhere.",
            fix_en: "Reconcile the project budgets with the project expenditure column.",
        },
        run: projects_within_spending,
    },
    Rule {
        code: "PRJ002",
        name_zh: "项目资金来源",
        name_en: "Project funding adds up",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "项目支出绩效目标表中 当年预算 = 本级安排 + 上级补助。",
            why_zh: "项目资金总额与其来源不符，说明来源漏填或总额错误。",
            fix_zh: "核对本级安排与上级补助，修正当年预算或来源金额。",
            what_en: "In each project form, this year's budget = own-level funds + higher-level subsidy.",
            why_en: "A total that differs from its sources means a source is missing or the total is wrong.",
            fix_en: "Recheck the sources and the total.",
        },
        run: funding_adds_up,
    },
];

fn field(table: &Table, key: FieldKey) -> Option<Operand> {
    let field = table.form.as_ref()?.field(key)?;
    Operand::at(table, field.row, field.value_col)
}

fn funding_adds_up(ctx: &mut Ctx) {
    for table in ctx.of_kind(TableKind::ProjectPerformance) {
        let Some(budget) = field(table, FieldKey::CurrentBudget) else { continue };
        let parts: Vec<Operand> =
            [FieldKey::OwnFunds, FieldKey::HigherSubsidy].into_iter().filter_map(|k| field(table, k)).collect();
        if parts.is_empty() {
            continue;
        }
        let wording = Text::new(
            format!("{} 当年预算应等于 本级安排 + 上级补助", table.short_name()),
            format!("{}: budget should equal own funds + subsidy", table.short_name()),
        );
        ctx.sum(&budget, &parts, wording);
    }
}

/// The department's project expenditure: 部门支出总表 when present (all funds), else the
/// general-budget table.
fn project_spending<'a>(ctx: &Ctx<'a>) -> Option<(&'a Table, Operand)> {
    [TableKind::DeptExpenditure, TableKind::GeneralExpenditure].into_iter().find_map(|kind| {
        let table = ctx.first(kind)?;
        Some((table, Operand::in_total_row(table, ColumnRole::Project)?))
    })
}

fn projects_within_spending(ctx: &mut Ctx) {
    let projects: Vec<Operand> =
        ctx.of_kind(TableKind::ProjectPerformance).filter_map(|t| field(t, FieldKey::CurrentBudget)).collect();
    if projects.is_empty() {
        ctx.needs(Text::new("需要项目支出绩效目标表", "needs project performance forms"));
        return;
    }
    let Some((table, spending)) = project_spending(ctx) else {
        ctx.needs(Text::new(
            "需要部门支出总表或一般公共预算支出表的项目支出合计",
            "needs the project-expenditure total",
        ));
        return;
    };
    let figures: Vec<Figure> = projects.iter().map(Operand::figure).collect();
    let sum: Decimal = projects.iter().map(|p| p.value * p.factor).sum::<Decimal>() / spending.factor;
    let agreement = ctx.compare(spending.figure(), &figures).agreement();
    let n = projects.len();
    let name = table.short_name();
    let (severity, zh, en) = match agreement {
        Agreement::Exact | Agreement::Rounding => (
            Severity::Info,
            format!("{n} 个项目当年预算合计 {sum}，等于{name}项目支出 {}：全部项目均已公开绩效目标", spending.value),
            format!(
                "the {n} projects add up to {sum}, equal to project expenditure {}: every project is published",
                spending.value
            ),
        ),
        Agreement::Mismatch if sum < spending.value => (
            Severity::Info,
            format!(
                "{n} 个项目当年预算合计 {sum}，小于{name}项目支出 {}：尚有 {} 的项目未公开绩效目标表",
                spending.value,
                spending.value - sum
            ),
            format!(
                "the {n} projects add up to {sum}, below project expenditure {}: {} is not covered by published forms",
                spending.value,
                spending.value - sum
            ),
        ),
        Agreement::Mismatch => (
            Severity::Error,
            format!("{n} 个项目当年预算合计 {sum}，超过{name}项目支出 {}", spending.value),
            format!("the {n} projects add up to {sum}, more than project expenditure {}", spending.value),
        ),
    };
    // Every outcome is said: the equal and the smaller sum are notes for the record.
    ctx.report(severity, Text::new(zh, en))
        .at(&spending.cell)
        .related(projects.iter().map(|p| p.cell.clone()))
        .printed(spending.value)
        .computed(sum)
        .difference(spending.value - sum)
        .agreement(agreement);
}
