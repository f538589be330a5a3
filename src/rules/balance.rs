//! Balance of 收入 | 支出 tables: each side adds up (本年收入 = Σ income lines, 总计 = 本年收入 +
//! 上年结转 …) and the two sides' grand totals are equal.

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{bare_label, ColumnRole, Side, Table};

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

/// The structure of one side of a summary table.
pub struct SideItems {
    pub grand: Option<usize>,
    /// Top-level items (本年收入, 上年结转, …) with the lines under them.
    pub tops: Vec<(usize, Vec<usize>)>,
}

/// A line's name without any numbering, for matching names across tables: `一、…`, `（一）…`,
/// `(1)…`, `1.…`, `1、…` all give the bare name.
pub fn plain_name(label: &str) -> String {
    let c = strip_numbering(label);
    let numeral = |ch: char| ch.is_ascii_digit() || "一二三四五六七八九十".contains(ch);
    let rest = c.trim_start_matches(['（', '(']);
    let digits = rest.len() - rest.trim_start_matches(numeral).len();
    if digits == 0 {
        return c;
    }
    let after = &rest[digits..];
    let opened = rest.len() != c.len();
    let stripped = if opened { after.strip_prefix(['）', ')']) } else { after.strip_prefix(['.', '．', '、']) };
    stripped.filter(|s| !s.is_empty()).map_or(c.clone(), str::to_string)
}

/// `一、一般公共服务支出` → `一般公共服务支出`, as a bare label: the numbering of top-level items.
fn strip_numbering(label: &str) -> String {
    let c = bare_label(label);
    match c.find('、') {
        Some(pos) if c[..pos].chars().all(|ch| "一二三四五六七八九十".contains(ch)) => {
            c[pos + '、'.len_utf8()..].to_string()
        }
        _ => c,
    }
}

fn is_numbered(label: &str) -> bool {
    strip_numbering(label) != bare_label(label)
}

fn is_grand(label: &str) -> bool {
    let l = strip_numbering(label);
    l.contains("总计") || matches!(l.as_str(), "收入合计" | "支出合计" | "合计")
}

fn is_top(label: &str) -> bool {
    let l = strip_numbering(label);
    is_numbered(label)
        || ["本年收入", "本年支出", "结转", "结余", "用事业基金弥补", "事业基金"].iter().any(|w| l.contains(w))
}

/// Reads a side's items in order: header-first sections (一、本年收入 then its lines) and
/// trailing subtotals (lines then 本年收入合计) are both common. In the 决算 总表 the lines
/// themselves are numbered (一、一般公共预算财政拨款收入 … 八、其他收入, then 本年收入合计), and
/// numbered lines under an unnumbered section (年初财政拨款结转和结余: 一、一般公共预算财政拨款 …)
/// belong to that section.
pub fn side_items(table: &Table, side: Side) -> SideItems {
    let mut items = SideItems { grand: None, tops: Vec::new() };
    let mut pending: Vec<usize> = Vec::new();
    let mut open: Option<usize> = None;
    // Index into `tops` where the items after the last trailing subtotal begin.
    let mut since_subtotal = 0;
    for row in table.data_rows() {
        let label = table.row_name(row, Some(side));
        if label.is_empty() {
            continue;
        }
        if is_grand(&label) {
            items.grand = Some(row);
            // A grand total printed first (合计 above its lines, Chongqing 市级) heads the side.
            if items.tops.is_empty() && pending.is_empty() {
                continue;
            }
            break;
        }
        let open_unnumbered = open.filter(|&i| !is_numbered(&table.row_name(items.tops[i].0, Some(side))));
        if let (Some(i), true) = (open_unnumbered, is_numbered(&label)) {
            items.tops[i].1.push(row);
        } else if is_top(&label) {
            let subtotal = bare_label(&label).ends_with("合计");
            let numbered_run = items.tops[since_subtotal..]
                .iter()
                .all(|(r, lines)| lines.is_empty() && is_numbered(&table.row_name(*r, Some(side))))
                && since_subtotal < items.tops.len();
            if subtotal && !pending.is_empty() {
                items.tops.push((row, std::mem::take(&mut pending)));
                open = None;
            } else if subtotal && numbered_run && pending.is_empty() {
                let lines = items.tops.drain(since_subtotal..).map(|(r, _)| r).collect();
                items.tops.push((row, lines));
                open = None;
            } else {
                items.tops.extend(pending.drain(..).map(|r| (r, Vec::new())));
                items.tops.push((row, Vec::new()));
                open = Some(items.tops.len() - 1);
            }
            if subtotal {
                since_subtotal = items.tops.len();
            }
        } else if let Some(i) = open {
            items.tops[i].1.push(row);
        } else {
            pending.push(row);
        }
    }
    items.tops.extend(pending.into_iter().map(|r| (r, Vec::new())));
    items
}

fn summary_tables<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Table> {
    ctx.tables().iter().filter(|t| t.columns.iter().any(|c| c.side.is_some()))
}

fn income_equals_expenditure(ctx: &mut Ctx) {
    let mut any = false;
    for table in summary_tables(ctx) {
        any = true;
        let income = side_items(table, Side::Income).grand;
        let spending = side_items(table, Side::Expenditure).grand;
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
            let items = side_items(table, side);
            for col in table.amount_columns(Some(side)) {
                let column = table.columns[col].label().to_string();
                for (top, lines) in items.tops.iter().filter(|(_, lines)| !lines.is_empty()) {
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

#[cfg(test)]
mod tests {
    use super::plain_name;

    #[test]
    fn numbering_is_removed_from_names() {
        for label in [
            "一、一般公共服务支出",
            "（一）一般公共服务支出",
            "(1)一般公共服务支出",
            "1.一般公共服务支出",
            "1、一般公共服务支出",
        ] {
            assert_eq!(plain_name(label), "一般公共服务支出", "{label}");
        }
        assert_eq!(plain_name("一般公共服务支出"), "一般公共服务支出");
        assert_eq!(plain_name("2025年预算"), "2025年预算");
    }
}
