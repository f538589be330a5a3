//! "三公" expenses: 合计 = 因公出国(境) + 公务用车购置及运行 + 公务接待, 用车 = 购置 + 运行, and
//! the one-way bound against the basic-expenditure table's economic codes.

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{bare_label, ColumnRole, Series, Table, TableKind};
use crate::tolerance::Agreement;

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

fn operand(table: &Table, cell: Option<(usize, usize)>) -> Option<Operand> {
    let (row, col) = cell?;
    Operand::at(table, row, col)
}

fn check_series(
    ctx: &mut Ctx,
    table: &Table,
    total: Option<(usize, usize)>,
    parts: &[Option<(usize, usize)>],
    w: Text,
) {
    let Some(total) = operand(table, total) else {
        ctx.needs(Text::new("三公表需有合计与各分项", "the three-public table needs its total and its parts"));
        return;
    };
    let Some(parts) = parts.iter().map(|&p| operand(table, p)).collect::<Option<Vec<_>>>() else {
        ctx.needs(Text::new("三公表需有合计与各分项", "the three-public table needs its total and its parts"));
        return;
    };
    ctx.sum(&total, &parts, w);
}

fn measure_words(s: &Series) -> (String, String) {
    if s.measure.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("（{}）", s.measure), format!(" ({})", s.measure))
    }
}

fn total_of_three(ctx: &mut Ctx) {
    for table in ctx.of_kind(TableKind::ThreePublic) {
        for s in table.three_public_series() {
            let (zh, en) = measure_words(&s);
            let w = Text::new(
                format!("三公经费合计{zh}应等于 出国 + 用车 + 接待"),
                format!("total{en} should equal travel + vehicles + reception"),
            );
            let parts = match vehicle_items_instead(ctx, table, &s) {
                Some(items) => items,
                None => vec![s.abroad, s.vehicles, s.reception],
            };
            check_series(ctx, table, s.total, &parts, w);
        }
    }
}

/// When the printed vehicle subtotal disagrees with its own items but the total agrees with the
/// items, the subtotal is the wrong figure (corpus 10: 公务用车费 printed 0 above a 运行维护费 that is
/// not): the total is then compared with the items, so only the subtotal is reported (by
/// [`vehicle_subtotal`]) and not, a second time, the correct total.
fn vehicle_items_instead(ctx: &Ctx, table: &Table, s: &Series) -> Option<Vec<Option<(usize, usize)>>> {
    let figure = |cell| operand(table, cell).map(|o| o.figure());
    let (vehicles, purchase, running) = (figure(s.vehicles)?, figure(s.purchase)?, figure(s.running)?);
    if ctx.agreement(vehicles, &[purchase, running]) != Agreement::Mismatch {
        return None;
    }
    let items = vec![s.abroad, s.purchase, s.running, s.reception];
    let figures = items.iter().map(|&cell| figure(cell)).collect::<Option<Vec<_>>>()?;
    (ctx.agreement(figure(s.total)?, &figures) != Agreement::Mismatch).then_some(items)
}

fn vehicle_subtotal(ctx: &mut Ctx) {
    for table in ctx.of_kind(TableKind::ThreePublic) {
        for s in table.three_public_series() {
            let (zh, en) = measure_words(&s);
            let w = Text::new(
                format!("公务用车购置及运行费{zh}应等于 购置费 + 运行费"),
                format!("vehicles{en} should equal purchase + running"),
            );
            check_series(ctx, table, s.vehicles, &[s.purchase, s.running], w);
        }
    }
}

/// The amount of one economic code in the basic-expenditure table: its 合计/总计 column in the
/// 预算 layout, the amount beside the code in the side-by-side 决算 layout. The row must also be
/// named for the item (`word`): local schemes reuse the codes (Shanghai's 30212 is 退休人员活动费,
/// not 因公出国（境）费), and a bound against another item's figure would be a false error.
fn economic_amount(basic: &Table, code: &str, word: &str) -> Option<Operand> {
    let named = |name: &str| bare_label(name).contains(word);
    if let Some(total) = basic.column_of(ColumnRole::Total, None) {
        let row = basic.data_rows().find(|&r| basic.row_code(r).is_some_and(|k| k.as_str() == code))?;
        return named(&basic.row_name(row, None)).then(|| Operand::at(basic, row, total)).flatten();
    }
    basic.halves().into_iter().find_map(|(code_col, amounts)| {
        let row = basic.data_rows().find(|&r| basic.code_at(r, code_col).is_some_and(|k| k.as_str() == code))?;
        if !named(basic.text(row, code_col + 1)) {
            return None;
        }
        Operand::in_half(basic, row, *amounts.first()?, code_col)
    })
}

fn against_economic_codes(ctx: &mut Ctx) {
    let (Some(three), Some(basic)) = (ctx.first(TableKind::ThreePublic), ctx.first(TableKind::BasicExpenditure)) else {
        ctx.needs(Text::new(
            "需要“三公”经费表和一般公共预算基本支出表",
            "needs the three-public table and the basic-expenditure table",
        ));
        return;
    };
    let all = three.three_public_series();
    // Spending is compared with spending (决算数 of a pair), a budget with the current year's
    // budget (the later of two years printed side by side).
    let Some(s) = all.iter().find(|s| s.measure.contains("决算")).or(all.last()) else {
        return;
    };
    let pairs = [
        (s.running, "30231", "公务用车运行费", "运行"),
        (s.reception, "30217", "公务接待费", "接待"),
        (s.abroad, "30212", "因公出国（境）费", "出国"),
        (s.purchase, "31013", "公务用车购置费", "购置"),
    ];
    for (cell, code, name, word) in pairs {
        let Some(three_amount) = operand(three, cell) else {
            continue;
        };
        let Some(econ) = economic_amount(basic, code, word) else {
            continue;
        };
        let below = econ.value * econ.factor > three_amount.value * three_amount.factor;
        let failure = below.then(|| {
            Text::new(
                format!(
                    "{} {name} {} 小于 {} 中经济科目 {code} 的 {}：三公经费包含基本支出，不应小于对应经济科目",
                    three.short_name(),
                    three_amount.value,
                    basic.short_name(),
                    econ.value
                ),
                format!(
                    "{name} {} is below economic code {code} ({}) in the basic-expenditure table",
                    three_amount.value, econ.value
                ),
            )
        });
        if let Some(finding) = ctx.check(failure) {
            finding.at(&three_amount.cell).related([econ.cell]);
        }
    }
}
