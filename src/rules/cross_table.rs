//! The same figure printed in two tables must agree (表间一致): fund lines, 类 totals,
//! basic-expenditure totals, department totals and per-code rows.

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{bare_label, plain_name, ColumnRole, FieldKey, Side, SubjectCode, Table, TableKind};
use crate::tolerance::Agreement;
use std::collections::HashMap;

macro_rules! cross_rule {
    ($code:literal, $zh:literal, $en:literal, $what_zh:literal, $what_en:literal, $run:ident) => {
        Rule {
            code: $code,
            name_zh: $zh,
            name_en: $en,
            severity: Severity::Error,
            explanation: Explanation {
                what_zh: $what_zh,
                why_zh: "同一数字在不同表中出现，必须一致；表间不一致是财政部检查通报的常见问题，说明某张表未随调整同步更新。",
                fix_zh: "以经核定的预算数为准，同步修正两张表中不一致的一方。",
                what_en: $what_en,
                why_en: "The same figure printed in two tables must agree; a mismatch means one table was not updated after a change.",
                fix_en: "Take the approved figure and correct the table that differs.",
            },
            run: $run,
        }
    };
}

pub const RULES: &[Rule] = &[
    cross_rule!("XTB001", "财政拨款收入一致", "Fiscal income lines agree",
        "财政拨款收支总表的本年收入各项（一般公共预算、政府性基金、国有资本经营）等于部门收支总表中对应的收入项。",
        "The fiscal summary's income lines (general budget, government funds, state capital) equal the same lines of the department summary.",
        fiscal_income_lines),
    cross_rule!("XTB002", "财政拨款支出按类一致", "Fiscal spending per class agrees",
        "财政拨款收支总表中每一类支出（一般公共预算列）等于一般公共预算财政拨款支出表中同名“类”级科目的总计。",
        "Each expenditure class in the fiscal summary (general budget column) equals the class total in the general-budget expenditure table.",
        fiscal_classes),
    cross_rule!("XTB003", "基本支出一致", "Basic expenditure agrees",
        "一般公共预算支出表合计行的基本支出 等于 基本支出表的合计。",
        "The general-budget expenditure table's basic-expenditure total equals the basic-expenditure table's total.",
        basic_totals),
    cross_rule!("XTB004", "政府性基金一致", "Government funds agree",
        "政府性基金预算支出表的合计（决算表为本年支出小计）等于 财政拨款收支总表中政府性基金预算一列的本年支出。",
        "The government-fund expenditure total (this year's spending 小计 in the 决算 table) equals the government-fund column of the fiscal summary.",
        gov_fund_totals),
    cross_rule!("XTB005", "部门收入一致", "Department income agrees",
        "部门收支总表的收入总计 等于 部门收入总表的合计（收入表不含上年结转时，如决算的收入决算表，则等于本年收入合计）。",
        "The department summary's income grand total equals the department income table's total (this year's income when the income table has no carry-over column, as in the 决算 收入决算表).",
        income_totals),
    cross_rule!("XTB006", "部门支出一致", "Department expenditure agrees",
        "部门收支总表的本年支出合计及每一类支出 等于 部门支出总表的合计及同名“类”级科目。",
        "The department summary's expenditure total and each class equal the department expenditure table's total and classes.",
        expenditure_totals),
    cross_rule!("XTB007", "部门支出不小于财政拨款", "Department spending covers fiscal spending",
        "部门支出总表每个科目的金额不小于一般公共预算支出表同一科目（总计、基本支出、项目支出）；全部资金都是一般公共预算时两者相等。",
        "Each subject in the department expenditure table is at least the same subject in the general-budget table; equal when all money is general budget.",
        per_code_rows),
    cross_rule!("XTB008", "整体绩效预算数一致", "Performance budget agrees",
        "部门整体绩效目标表的部门支出预算数 等于 部门支出总额。",
        "The department performance form's budget equals the department's total expenditure.",
        performance_budget),
];

/// The lines under a summary side's section whose label contains `section` (本年收入, 本年支出).
fn section_lines(table: &Table, side: Side, section: &str) -> Vec<usize> {
    table.side_items(side).section_leaves(table, section)
}

fn section_row(table: &Table, side: Side, section: &str) -> Option<usize> {
    table.side_items(side).section(table, section).map(|(top, _)| *top)
}

fn fund_key(label: &str) -> Option<&'static str> {
    ["一般公共预算", "政府性基金", "国有资本经营"].into_iter().find(|k| label.contains(k))
}

fn named(a: &Table, b: &Table, what_zh: &str, what_en: &str) -> Text {
    Text::new(
        format!("{} {what_zh} 应与 {} 一致", a.short_name(), b.short_name()),
        format!("{} {what_en} should agree with {}", a.short_name(), b.short_name()),
    )
}

fn pair<'a>(ctx: &mut Ctx<'a>, a: TableKind, b: TableKind) -> Option<(&'a Table, &'a Table)> {
    match (ctx.first(a), ctx.first(b)) {
        (Some(x), Some(y)) => Some((x, y)),
        _ => {
            ctx.needs(Text::new(
                format!("需要{}和{}", a.label_zh(), b.label_zh()),
                format!("needs the {} and {} tables", a.label_en(), b.label_en()),
            ));
            None
        }
    }
}

fn fiscal_income_lines(ctx: &mut Ctx) {
    let Some((fiscal, dept)) = pair(ctx, TableKind::FiscalSummary, TableKind::DeptSummary) else { return };
    let (Some(fc), Some(dc)) = (
        fiscal.column_of(ColumnRole::Total, Some(Side::Income)),
        dept.column_of(ColumnRole::Total, Some(Side::Income)),
    ) else {
        return;
    };
    let dept_lines = section_lines(dept, Side::Income, "本年收入");
    for row in section_lines(fiscal, Side::Income, "本年收入") {
        let label = fiscal.row_name(row, Some(Side::Income));
        let Some(key) = fund_key(&label) else { continue };
        let Some(dept_row) =
            dept_lines.iter().copied().find(|&r| fund_key(&dept.row_name(r, Some(Side::Income))) == Some(key))
        else {
            continue;
        };
        let (Some(a), Some(b)) = (Operand::at(dept, dept_row, dc), Operand::at(fiscal, row, fc)) else { continue };
        ctx.same(&a, &b, named(dept, fiscal, &label, &label));
    }
}

/// The first 类-level row of each name (bare label): one pass over the table instead of a scan
/// for every name looked up.
fn class_rows(table: &Table) -> HashMap<String, usize> {
    let mut rows = HashMap::new();
    for r in table.data_rows() {
        if table.row_code(r).is_some_and(|c| c.level() == 1) {
            rows.entry(bare_label(&table.row_name(r, None))).or_insert(r);
        }
    }
    rows
}

/// The first row of each subject code.
fn rows_by_code(table: &Table) -> HashMap<SubjectCode, usize> {
    let mut rows = HashMap::new();
    for r in table.data_rows() {
        if let Some(code) = table.row_code(r) {
            rows.entry(code).or_insert(r);
        }
    }
    rows
}

fn fiscal_classes(ctx: &mut Ctx) {
    let Some((fiscal, general)) = pair(ctx, TableKind::FiscalSummary, TableKind::GeneralExpenditure) else { return };
    let side = Some(Side::Expenditure);
    let Some(col) =
        fiscal.column_of(ColumnRole::GeneralBudget, side).or_else(|| fiscal.column_of(ColumnRole::Total, side))
    else {
        return;
    };
    let Some(general_total) = general.column_of(ColumnRole::Total, None) else { return };
    let classes = class_rows(general);
    // A summary without a 一般公共预算 column totals every fund: a class the fund tables hold
    // (城乡社区支出 from land sales) is rightly absent from the 一般公共预算 table.
    let by_fund = fiscal.column_of(ColumnRole::GeneralBudget, side).is_some();
    let funds = [TableKind::GovFundExpenditure, TableKind::StateCapitalExpenditure];
    let fund_classes: Vec<String> = if by_fund {
        Vec::new()
    } else {
        funds.iter().flat_map(|&k| ctx.of_kind(k)).flat_map(|t| class_rows(t).into_keys()).collect()
    };
    for row in section_lines(fiscal, Side::Expenditure, "本年支出") {
        let name = plain_name(&fiscal.row_name(row, side));
        let Some(fiscal_amount) = Operand::at(fiscal, row, col) else { continue };
        match classes.get(&name).copied() {
            Some(r) => {
                if let Some(g) = Operand::at(general, r, general_total) {
                    ctx.same(&g, &fiscal_amount, named(general, fiscal, &name, &name));
                }
            }
            None if !fiscal_amount.value.is_zero() && !fund_classes.contains(&name) => {
                // The other table's total stands for the class rows searched: were that table
                // misread, the finding leaves with it.
                let searched = general.total_row().and_then(|r| Operand::at(general, r, general_total));
                ctx.verdict(Text::new(
                    format!(
                        "{} 列出“{name}” {}，但 {} 没有同名的类级科目",
                        fiscal.short_name(),
                        fiscal_amount.value,
                        general.short_name()
                    ),
                    format!(
                        "{} lists class {name} ({}) but {} has no such class",
                        fiscal.short_name(),
                        fiscal_amount.value,
                        general.short_name()
                    ),
                ))
                .at(&fiscal_amount.cell)
                .related(searched.map(|o| o.cell));
            }
            None => {}
        }
    }
}

fn basic_totals(ctx: &mut Ctx) {
    let Some((general, basic)) = pair(ctx, TableKind::GeneralExpenditure, TableKind::BasicExpenditure) else { return };
    let Some(g) = Operand::in_total_row(general, ColumnRole::Basic) else { return };
    if let Some(b) = Operand::in_total_row(basic, ColumnRole::Total) {
        ctx.same(&b, &g, named(basic, general, "合计", "total"));
    } else if let Some(parts) = Operand::footer_totals(basic) {
        // The 决算 layout prints no 合计: its 基本支出 is 人员经费合计 + 公用经费合计.
        ctx.sum(&g, &parts, named(general, basic, "基本支出合计", "basic-expenditure total"));
    }
}

fn gov_fund_totals(ctx: &mut Ctx) {
    let Some((fund, fiscal)) = pair(ctx, TableKind::GovFundExpenditure, TableKind::FiscalSummary) else { return };
    let side = Some(Side::Expenditure);
    let (Some(col), Some(row)) =
        (fiscal.column_of(ColumnRole::GovFund, side), section_row(fiscal, Side::Expenditure, "本年支出"))
    else {
        return;
    };
    // The 决算 table prints 本年支出 as 小计 | 基本支出 | 项目支出 between the carry-overs.
    let fund_total =
        Operand::in_total_row(fund, ColumnRole::Total).or_else(|| Operand::in_total_row(fund, ColumnRole::Subtotal));
    let (Some(f), Some(s)) = (fund_total, Operand::at(fiscal, row, col)) else { return };
    ctx.same(&f, &s, named(fund, fiscal, "合计", "total"));
}

fn income_totals(ctx: &mut Ctx) {
    let Some((dept, income)) = pair(ctx, TableKind::DeptSummary, TableKind::DeptIncome) else { return };
    // An income table with a 上年结转 column adds up to 收入总计; one without (the 决算 收入决算表)
    // to 本年收入合计 only.
    let row = if income.column_of(ColumnRole::CarryIn, None).is_some() {
        dept.side_items(Side::Income).grand
    } else {
        section_row(dept, Side::Income, "本年收入")
    };
    let (Some(col), Some(row)) = (dept.column_of(ColumnRole::Total, Some(Side::Income)), row) else {
        return;
    };
    let (Some(i), Some(d)) = (Operand::in_total_row(income, ColumnRole::Total), Operand::at(dept, row, col)) else {
        return;
    };
    ctx.same(&i, &d, named(income, dept, "合计", "total"));
}

fn expenditure_totals(ctx: &mut Ctx) {
    let Some((dept, spending)) = pair(ctx, TableKind::DeptSummary, TableKind::DeptExpenditure) else { return };
    let side = Some(Side::Expenditure);
    let Some(col) = dept.column_of(ColumnRole::Total, side) else { return };
    let Some(spending_total) = spending.column_of(ColumnRole::Total, None) else { return };
    let year_row = section_row(dept, Side::Expenditure, "本年支出").or(dept.side_items(Side::Expenditure).grand);
    if let (Some(row), Some(t)) = (year_row, Operand::in_total_row(spending, ColumnRole::Total)) {
        if let Some(d) = Operand::at(dept, row, col) {
            ctx.same(&t, &d, named(spending, dept, "合计", "total"));
        }
    }
    let classes = class_rows(spending);
    for row in section_lines(dept, Side::Expenditure, "本年支出") {
        let name = plain_name(&dept.row_name(row, side));
        let (Some(&r), Some(d)) = (classes.get(&name), Operand::at(dept, row, col)) else { continue };
        if let Some(s) = Operand::at(spending, r, spending_total) {
            ctx.same(&s, &d, named(spending, dept, &name, &name));
        }
    }
}

/// Whether every income of the department is general-budget money, so that the department
/// expenditure table must equal the general-budget table row by row.
fn all_general_budget(ctx: &Ctx) -> bool {
    let Some(dept) = ctx.first(TableKind::DeptSummary) else { return false };
    let Some(col) = dept.column_of(ColumnRole::Total, Some(Side::Income)) else { return false };
    section_lines(dept, Side::Income, "本年收入")
        .into_iter()
        .chain(
            dept.side_items(Side::Income)
                .tops
                .into_iter()
                .map(|(r, _)| r)
                .filter(|&r| !bare_label(&dept.row_name(r, Some(Side::Income))).contains("本年收入")),
        )
        .filter(|&r| fund_key(&dept.row_name(r, Some(Side::Income))) != Some("一般公共预算"))
        .all(|r| dept.amount(r, col).is_some_and(|v| v.is_zero()))
}

fn per_code_rows(ctx: &mut Ctx) {
    let Some((spending, general)) = pair(ctx, TableKind::DeptExpenditure, TableKind::GeneralExpenditure) else {
        return;
    };
    let must_equal = all_general_budget(ctx);
    let spending_rows = rows_by_code(spending);
    // A 支出总表 listed by unit (单位编码 | 单位名称) has no subjects to compare.
    if spending_rows.is_empty() {
        return;
    }
    for role in [ColumnRole::Total, ColumnRole::Basic, ColumnRole::Project] {
        let (Some(sc), Some(gc)) = (spending.column_of(role, None), general.column_of(role, None)) else { continue };
        for gr in general.data_rows() {
            let Some(code) = general.row_code(gr) else { continue };
            let Some(g) = Operand::at(general, gr, gc) else { continue };
            let Some(&sr) = spending_rows.get(&code) else {
                if !g.value.is_zero() {
                    ctx.verdict(Text::new(
                        format!("{} 的科目 {code} 在 {} 中没有出现", general.short_name(), spending.short_name()),
                        format!("subject {code} of {} is missing from {}", general.short_name(), spending.short_name()),
                    ))
                    .at(&g.cell);
                }
                continue;
            };
            let Some(s) = Operand::at(spending, sr, sc) else { continue };
            let label = format!("{code} {}", general.columns[gc].label());
            if must_equal {
                ctx.same(&s, &g, named(spending, general, &label, &label));
            } else {
                let below = s.value * s.factor < g.value * g.factor
                    && ctx.agreement(s.figure(), &[g.figure()]) == Agreement::Mismatch;
                let failure = below.then(|| {
                    Text::new(
                        format!(
                            "{} {label} {} 小于 {} 的 {}：部门支出应包含全部财政拨款支出",
                            spending.short_name(),
                            s.value,
                            general.short_name(),
                            g.value
                        ),
                        format!(
                            "{} {label} {} is below {} in {}",
                            spending.short_name(),
                            s.value,
                            g.value,
                            general.short_name()
                        ),
                    )
                });
                if let Some(finding) = ctx.check(failure) {
                    finding.at(&s.cell);
                }
            }
        }
    }
}

fn performance_budget(ctx: &mut Ctx) {
    let Some(form_table) = ctx.first(TableKind::DeptPerformance) else {
        ctx.needs(Text::new("需要部门整体绩效目标表", "needs the department performance form"));
        return;
    };
    let total = ctx
        .first(TableKind::DeptExpenditure)
        .and_then(|t| Operand::in_total_row(t, ColumnRole::Total).map(|o| (t, o)))
        .or_else(|| {
            let dept = ctx.first(TableKind::DeptSummary)?;
            let row = dept.side_items(Side::Expenditure).grand?;
            Some((dept, Operand::at(dept, row, dept.column_of(ColumnRole::Total, Some(Side::Expenditure))?)?))
        });
    let Some((total_table, total)) = total else {
        ctx.needs(Text::new("需要部门支出总表或部门收支总表", "needs the department expenditure or summary table"));
        return;
    };
    let Some(field) = form_table.form.as_ref().and_then(|f| f.field(FieldKey::DeptBudget)) else { return };
    let Some(budget) = Operand::at(form_table, field.row, field.value_col) else { return };
    ctx.same(&budget, &total, named(form_table, total_table, "部门支出预算数", "department budget"));
}
