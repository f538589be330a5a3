//! The basic-expenditure table splits into 人员经费 (301 工资福利, 303 对个人和家庭的补助) and
//! 公用经费 (302 商品和服务, 310 资本性支出 and any other class). The 预算 layout shows the split as
//! two columns; the 决算 layout prints the classes side by side with footer totals
//! (人员经费合计 ‖ 公用经费合计).

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{ColumnRole, SubjectCode, Table, TableKind};

pub const RULES: &[Rule] = &[Rule {
    code: "BAS001",
    name_zh: "人员经费与公用经费",
    name_en: "Personnel and public-use costs",
    severity: Severity::Error,
    explanation: Explanation {
        what_zh: "基本支出表中 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助，公用经费 = 302 商品和服务支出 + 310 资本性支出（及其他类）：决算表的“人员经费合计”“公用经费合计”须等于对应类级科目之和；预算表中 301/303 的款级金额只能在人员经费列，302/310 只能在公用经费列（30239 其他交通费用即公务交通补贴，有的省份计入人员经费，两列均可）。",
        why_zh: "人员经费与公用经费是按经济分类口径划分的，划错列或合计与科目不符，会使“机关运行经费”“公用经费”等公开口径失真。",
        fix_zh: "核对人员经费合计与 301、303 类、公用经费合计与 302、310 类的金额；把放错列的金额移到正确的列。",
        what_en: "Personnel costs = 301 + 303, public-use costs = 302 + 310 (and any other class): the 决算 footer totals must equal these classes; in the 预算 layout 301/303 款 amounts belong only in the personnel column, 302/310 only in the public-use column (30239, the commuting allowance some provinces count as personnel cost, in either).",
        why_en: "The split follows the economic classification; a wrong column or footer misstates the published personnel and public-use figures.",
        fix_en: "Recheck the footer totals against the class rows; move amounts printed in the wrong column.",
    },
    run: personnel_and_public_use,
}];

/// 301 and 303 are personnel classes; every other economic class is public use.
fn is_personnel(code: &SubjectCode) -> bool {
    matches!(code.as_str().get(..3), Some("301" | "303"))
}

/// The 类 rows of every half of a 决算-layout table, as operands, split personnel / public use.
fn class_operands(table: &Table) -> (Vec<Operand>, Vec<Operand>) {
    let (mut personnel, mut public) = (Vec::new(), Vec::new());
    for (code_col, amount_cols) in table.halves() {
        let Some(&col) = amount_cols.first() else { continue };
        for row in table.data_rows() {
            let Some(code) = table.code_at(row, code_col).filter(|c| c.level() == 1) else {
                continue;
            };
            let Some(operand) = Operand::in_half(table, row, col, code_col) else { continue };
            if is_personnel(&code) {
                personnel.push(operand);
            } else {
                public.push(operand);
            }
        }
    }
    (personnel, public)
}

fn personnel_and_public_use(ctx: &mut Ctx) {
    for table in ctx.of_kind(TableKind::BasicExpenditure) {
        let columns = (table.column_of(ColumnRole::Personnel, None), table.column_of(ColumnRole::PublicUse, None));
        if let (Some(personnel_col), Some(public_col)) = columns {
            misplaced(ctx, table, personnel_col, public_col);
        } else if let Some([personnel, public]) = Operand::footer_totals(table) {
            let (personnel_parts, public_parts) = class_operands(table);
            if personnel_parts.is_empty() || public_parts.is_empty() {
                ctx.needs(Text::new(
                    "基本支出表需列出 301/303 与 302/310 类级科目行",
                    "the basic-expenditure table needs its class rows (301/303 and 302/310)",
                ));
                continue;
            }
            let name = table.short_name();
            ctx.sum(
                &personnel,
                &personnel_parts,
                Text::new(
                    format!("{name} 人员经费合计应等于 301 + 303 类"),
                    format!("{name}: personnel total should equal classes 301 + 303"),
                ),
            );
            ctx.sum(
                &public,
                &public_parts,
                Text::new(
                    format!("{name} 公用经费合计应等于 302 + 310 等其他类"),
                    format!("{name}: public-use total should equal classes 302 + 310 and the rest"),
                ),
            );
        } else {
            ctx.needs(Text::new(
                "基本支出表需有人员经费、公用经费两列，或“人员经费合计”“公用经费合计”行",
                "the basic-expenditure table needs personnel and public-use columns or footer totals",
            ));
        }
    }
}

/// 30239 其他交通费用 (the 公务交通补贴) is personnel cost in several provinces' disclosures and
/// public use in others: either column is right.
fn counted_either_way(code: &SubjectCode) -> bool {
    code.as_str().starts_with("30239")
}

/// 预算 layout: an amount of a 301/303 row in the public-use column (or of a 302/310 row in the
/// personnel column) is in the wrong column. 款 rows are judged; a 类 row's split follows its 款
/// rows (SUM003 checks it), so a 302 that carries its 30239 as personnel cost is not wrong.
fn misplaced(ctx: &mut Ctx, table: &Table, personnel_col: usize, public_col: usize) {
    for row in table.data_rows() {
        let judged = |c: &SubjectCode| c.is_economic() && c.level() > 1 && !counted_either_way(c);
        let Some(code) = table.row_code(row).filter(judged) else { continue };
        let (wrong_col, right) =
            if is_personnel(&code) { (public_col, "人员经费") } else { (personnel_col, "公用经费") };
        let misplaced = Operand::at(table, row, wrong_col).filter(|amount| !amount.value.is_zero());
        let column = table.columns[wrong_col].label();
        let failure = misplaced.as_ref().map(|amount| {
            Text::new(
                format!("{} 科目 {code} 在“{column}”列填了 {}：该类属于{right}", table.short_name(), amount.value),
                format!(
                    "{} code {code} has {} in the {column} column; it belongs to {right}",
                    table.short_name(),
                    amount.value
                ),
            )
        });
        if let (Some(finding), Some(amount)) = (ctx.check(failure), &misplaced) {
            finding.at(&amount.cell);
        }
    }
}
