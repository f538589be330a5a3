//! Balance of 收入 | 支出 tables ([`Table::side_items`]): each side adds up (本年收入 = Σ income lines, 总计 = 本年收入 +
//! 上年结转 …) and the two sides' grand totals are equal.

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{ColumnRole, Side, Table};

pub const RULES: &[Rule] = &[
    Rule {
        code: "BAL001",
        name_zh: "收支平衡",
        name_en: "Income equals expenditure",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "收支总表中 收入总计 应等于 支出总计。",
            why_zh: "部门预算按“以收定支、收支平衡”编制，两端不等说明收入或支出有漏列、错列。",
            fix_zh: "分别核对收入端与支出端各项，找出差额所在的行后修正。",
            what_en: "In a 收入 | 支出 summary, the income grand total must equal the expenditure grand total.",
            why_en: "Budgets balance by construction; a gap means an income or expenditure line is missing or wrong.",
            fix_en: "Recheck both sides line by line and correct the one that differs.",
        },
        run: income_equals_expenditure,
    },
    Rule {
        code: "BAL002",
        name_zh: "收支分项合计",
        name_en: "Summary sections add up",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "收支总表每一端的小计等于其明细之和：本年收入 = Σ 各项收入，本年支出 = Σ 各类支出，收入（支出）总计 = 本年收入（支出） + 上年结转（结转下年）等。",
            why_zh: "分项合计与明细不符，说明漏列收入来源、支出功能类或结转结余。",
            fix_zh: "核对该小计下的明细行与结转结余行，补齐或修正。",
            what_en: "Each side's subtotals equal their lines: this year's income = Σ income lines, grand total = this year + carry-over, and so on.",
            why_en: "A subtotal that differs from its lines means a source, a function class or a carry-over is missing.",
            fix_en: "Check the lines under the subtotal and the carry-over lines; add or correct them.",
        },
        run: sections_add_up,
    },
];

fn summary_tables<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Table> {
    ctx.tables().iter().filter(|t| t.has_sides())
}

fn income_equals_expenditure(ctx: &mut Ctx) {
    let mut any = false;
    for table in summary_tables(ctx) {
        any = true;
        let income = table.side_items(Side::Income).grand;
        let spending = table.side_items(Side::Expenditure).grand;
        let in_col = table.column_of(ColumnRole::Total, Some(Side::Income));
        let out_col = table.column_of(ColumnRole::Total, Some(Side::Expenditure));
        let (Some(ir), Some(er), Some(ic), Some(ec)) = (income, spending, in_col, out_col) else {
            ctx.needs(Text::new("收支总表需同时有收入总计与支出总计行", "the summary needs both grand-total rows"));
            continue;
        };
        let (Some(income), Some(spending)) = (Operand::at(table, ir, ic), Operand::at(table, er, ec)) else {
            continue;
        };
        let wording = Text::new(
            format!(
                "{} 应等于 {}",
                table.row_name(er, Some(Side::Expenditure)),
                table.row_name(ir, Some(Side::Income))
            ),
            "expenditure grand total should equal income grand total".to_string(),
        );
        ctx.same(&spending, &income, wording);
    }
    if !any {
        ctx.needs(Text::new("需要收支总表（收入 | 支出 两栏）", "needs a 收入 | 支出 summary table"));
    }
}

fn sections_add_up(ctx: &mut Ctx) {
    for table in summary_tables(ctx) {
        for side in [Side::Income, Side::Expenditure] {
            let items = table.side_items(side);
            for col in table.amount_columns(Some(side)) {
                let column = table.columns[col].label().to_string();
                let sections = items.tops.iter().chain(&items.nested).filter(|(_, lines)| !lines.is_empty());
                for (top, lines) in sections {
                    check(ctx, table, *top, lines, col, &column, side);
                }
                if let Some(grand) = items.grand {
                    let tops: Vec<usize> = items.tops.iter().map(|(r, _)| *r).collect();
                    check(ctx, table, grand, &tops, col, &column, side);
                }
            }
        }
    }
}

fn check(ctx: &mut Ctx, table: &Table, total_row: usize, rows: &[usize], col: usize, column: &str, side: Side) {
    let Some(total) = Operand::at(table, total_row, col) else {
        return;
    };
    let Some(parts) = rows.iter().map(|&r| Operand::at(table, r, col)).collect::<Option<Vec<_>>>() else {
        return;
    };
    let label = table.row_name(total_row, Some(side));
    let names: Vec<String> = rows.iter().take(4).map(|&r| table.row_name(r, Some(side))).collect();
    let more = if rows.len() > 4 { " + …" } else { "" };
    let wording = Text::new(
        format!("{label}（{column}）应等于 {}{more}", names.join(" + ")),
        format!("{label} ({column}) should equal the sum of its {} lines", rows.len()),
    );
    ctx.sum(&total, &parts, wording);
}
