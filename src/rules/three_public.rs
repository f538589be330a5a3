//! "三公" expenses: 合计 = 因公出国(境) + 公务用车购置及运行 + 公务接待, 用车 = 购置 + 运行, and
//! the one-way bound against the basic-expenditure table's economic codes.

use super::{Ctx, Explanation, Operand, Rule, Wording};
use crate::report::Severity;
use crate::table::{compact, ColumnRole, Table, TableKind};

pub const RULES: &[Rule] = &[
    Rule {
        code: "SGF001",
        name_zh: "三公合计",
        name_en: "Three-public total",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费。",
            why_zh: "“三公”经费是公开审查的重点，合计与分项不符会被直接认定为数据错误。",
            fix_zh: "核对三项分项金额与合计，修正错填的一项。",
            what_en: "Three-public total = overseas travel + official vehicles (purchase and running) + official reception.",
            why_en: "These expenses are scrutinised first; a total that differs from its parts is an error on its face.",
            fix_en: "Recheck the three parts against the total.",
        },
        run: total_of_three,
    },
    Rule {
        code: "SGF002",
        name_zh: "公务用车小计",
        name_en: "Official vehicle subtotal",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费。",
            why_zh: "公开要求把公务用车拆分为购置与运行两项，小计须与两项之和一致。",
            fix_zh: "核对购置费与运行费，修正小计或分项。",
            what_en: "Official vehicles subtotal = purchase + running costs.",
            why_en: "Disclosure rules require the split; the subtotal must match it.",
            fix_en: "Recheck purchase and running costs against the subtotal.",
        },
        run: vehicle_subtotal,
    },
    Rule {
        code: "SGF003",
        name_zh: "三公与经济分类",
        name_en: "Three-public vs economic codes",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "“三公”表各项不小于基本支出表中对应经济科目：公务用车运行费 ≥ 30231，公务接待费 ≥ 30217，因公出国（境）费 ≥ 30212，公务用车购置费 ≥ 31013。",
            why_zh: "“三公”经费含基本支出和项目支出，基本支出表只含基本支出，所以只能单向比较；反向（经济科目大于三公）说明三公经费少报。",
            fix_zh: "核对三公表与基本支出表中的对应科目，三公表金额应包含基本支出中的对应金额。",
            what_en: "Each three-public item is at least the matching economic code in the basic-expenditure table (30231, 30217, 30212, 31013).",
            why_en: "Three-public covers basic and project money, the basic table only basic money: only this direction must hold.",
            fix_en: "The three-public amount must include the basic-expenditure amount of the matching code.",
        },
        run: against_economic_codes,
    },
];

/// The columns of a one-row-per-year 三公 table, found by header words.
struct Columns {
    total: Option<usize>,
    abroad: Option<usize>,
    vehicles: Option<usize>,
    purchase: Option<usize>,
    running: Option<usize>,
    reception: Option<usize>,
}

fn columns(table: &Table) -> Columns {
    let find = |pred: &dyn Fn(&str) -> bool| table.columns.iter().position(|c| pred(&compact(c.label())));
    let vehicles = table
        .columns
        .iter()
        .position(|c| c.role == ColumnRole::Subtotal && c.path.iter().any(|p| p.contains("公务用车")))
        .or_else(|| find(&|l| l.contains("购置及运行")));
    Columns {
        total: table.column_of(ColumnRole::Total, None),
        abroad: find(&|l| l.contains("出国")),
        vehicles,
        purchase: find(&|l| l.contains("购置") && !l.contains("运行")),
        running: find(&|l| l.contains("运行") && !l.contains("购置")),
        reception: find(&|l| l.contains("接待")),
    }
}

fn check_row(ctx: &mut Ctx, table: &Table, total: Option<usize>, parts: &[Option<usize>], zh: &str, en: &str) {
    let (Some(total_col), Some(part_cols)) = (total, parts.iter().copied().collect::<Option<Vec<_>>>()) else {
        ctx.needs("三公表需有合计与各分项列", "the three-public table needs its total and part columns");
        return;
    };
    for row in table.data_rows() {
        let Some(total) = Operand::at(table, row, total_col) else {
            continue;
        };
        let Some(parts) = part_cols.iter().map(|&c| Operand::at(table, row, c)).collect::<Option<Vec<_>>>() else {
            continue;
        };
        ctx.sum(&total, &parts, Wording { zh: zh.to_string(), en: en.to_string() });
    }
}

fn total_of_three(ctx: &mut Ctx) {
    for table in ctx.of_kind(TableKind::ThreePublic) {
        let c = columns(table);
        check_row(
            ctx,
            table,
            c.total,
            &[c.abroad, c.vehicles, c.reception],
            "三公经费合计应等于 出国 + 用车 + 接待",
            "total should equal travel + vehicles + reception",
        );
    }
}

fn vehicle_subtotal(ctx: &mut Ctx) {
    for table in ctx.of_kind(TableKind::ThreePublic) {
        let c = columns(table);
        check_row(
            ctx,
            table,
            c.vehicles,
            &[c.purchase, c.running],
            "公务用车购置及运行费应等于 购置费 + 运行费",
            "vehicles should equal purchase + running",
        );
    }
}

fn against_economic_codes(ctx: &mut Ctx) {
    let (Some(three), Some(basic)) = (ctx.first(TableKind::ThreePublic), ctx.first(TableKind::BasicExpenditure)) else {
        ctx.needs(
            "需要“三公”经费表和一般公共预算基本支出表",
            "needs the three-public table and the basic-expenditure table",
        );
        return;
    };
    let Some(basic_total) = basic.column_of(ColumnRole::Total, None) else {
        return;
    };
    let Some(row) = three.data_rows().next() else {
        return;
    };
    let c = columns(three);
    let pairs = [
        (c.running, "30231", "公务用车运行费"),
        (c.reception, "30217", "公务接待费"),
        (c.abroad, "30212", "因公出国（境）费"),
        (c.purchase, "31013", "公务用车购置费"),
    ];
    for (col, code, name) in pairs {
        let Some(col) = col else { continue };
        let Some(three_amount) = Operand::at(three, row, col) else {
            continue;
        };
        let Some(basic_row) = basic.data_rows().find(|&r| basic.row_code(r).is_some_and(|k| k.as_str() == code)) else {
            continue;
        };
        let Some(econ) = Operand::at(basic, basic_row, basic_total) else {
            continue;
        };
        ctx.relations += 1;
        if econ.value * econ.factor > three_amount.value * three_amount.factor {
            let zh = format!(
                "{} {name} {} 小于 {} 中经济科目 {code} 的 {}：三公经费包含基本支出，不应小于对应经济科目",
                three.short_name(),
                three_amount.value,
                basic.short_name(),
                econ.value
            );
            let en = format!(
                "{name} {} is below economic code {code} ({}) in the basic-expenditure table",
                three_amount.value, econ.value
            );
            ctx.fail(Some(three.index), Some(three_amount.cell.clone()), zh, en);
            if let Some(f) = ctx.findings.last_mut() {
                f.related.push(econ.cell);
            }
        }
    }
}
