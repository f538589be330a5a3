//! Sums within one table: across a row (合计 = its parts), down a column (合计 row = Σ 类 rows)
//! and through the subject-code hierarchy (类 = Σ 款, 款 = Σ 项).

use super::{Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{ColumnRole, Side, SubjectCode, Table, TableKind};
use std::collections::HashMap;

pub const RULES: &[Rule] = &[
    Rule {
        code: "SUM001",
        name_zh: "行内合计",
        name_en: "Row total",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "每一行的“合计/总计”列应等于同一行各组成列之和，如 总计 = 基本支出 + 项目支出，总计 = 人员经费 + 日常公用经费，合计 = 一般公共预算 + 政府性基金 + 国有资本经营。",
            why_zh: "行内不平衡是检查中最常见的“表内不平衡”问题，说明某一列漏填、错填或公式被覆盖。",
            fix_zh: "核对该行各列金额与合计列的公式，修正漏填或手工改动的单元格；若差额仅为 0.01 且源自万元舍入，可保留并说明。",
            what_en: "Each row's total column must equal the sum of its component columns (e.g. total = basic + project).",
            why_en: "An unbalanced row means a column was missed, mistyped, or a formula was overwritten.",
            fix_en: "Recheck the row's components against its total; rounding of a cent may stay if explained.",
        },
        run: row_totals,
    },
    Rule {
        code: "SUM002",
        name_zh: "列合计",
        name_en: "Column total",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "“合计”行的每一列应等于各“类”级（最高级）科目行之和。",
            why_zh: "合计行与明细不一致，说明漏列科目、重复计算或合计未更新。",
            fix_zh: "逐类核对明细行，补齐漏列的科目或更新合计行。",
            what_en: "The total row must equal, column by column, the sum of the top-level (类) subject rows.",
            why_en: "A total that differs from its rows means a missing or double-counted subject, or a stale total.",
            fix_en: "Check the top-level rows against the total row; add missing subjects or update the total.",
        },
        run: column_totals,
    },
    Rule {
        code: "SUM003",
        name_zh: "科目层级",
        name_en: "Subject hierarchy",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "上级科目等于其下级科目之和：功能分类 类(3位) = Σ款(5位)，款 = Σ项(7位)；经济分类 类(3位) = Σ款(5位)。",
            why_zh: "层级不平衡说明下级科目漏列或金额错误，也是“细化程度不够”的信号。",
            fix_zh: "核对该科目下的全部下级科目，补齐漏列的款/项或修正金额。",
            what_en: "A parent subject equals the sum of its children: 类 = Σ 款, 款 = Σ 项 (3/5/7-digit codes).",
            why_en: "An unbalanced parent means a child subject is missing or wrong.",
            fix_en: "Check every child of the parent; add the missing 款/项 or correct the amount.",
        },
        run: hierarchy,
    },
];

/// Tables whose rows add up across: everything with a total column but the forms and 三公.
fn has_row_identity(table: &Table) -> bool {
    !table.kind.is_performance() && table.kind != TableKind::ThreePublic
}

/// The year a header names (`2025年预算数` → 2025), if any.
fn year_of(path: &[String]) -> Option<&str> {
    path.iter().find_map(|p| {
        let at = p.find('年')?;
        let digits = p[..at].trim();
        (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
    })
}

/// The row identities of one side of a table: the total column = every other amount column,
/// except 其中 columns, columns of another year (2025年预算数 printed beside 2026年预算数 for
/// comparison), and the columns under a 小计: those add up to their 小计 (基本支出 小计 = 人员经费 +
/// 公用经费) and the 小计 stands for them in the total.
fn identities(table: &Table, side: Option<Side>) -> Vec<(usize, Vec<usize>)> {
    let Some(total) = table.column_of(ColumnRole::Total, side) else {
        return Vec::new();
    };
    let year = year_of(&table.columns[total].path);
    // A second total beside the first (总计 | 合计 | 一般公共预算 | …) totals some of the columns
    // after it, which the first total counts one by one: it is no part of its own.
    let candidates: Vec<usize> = table
        .amount_columns(side)
        .into_iter()
        .filter(|&c| c != total && !is_other_total(table, total, c))
        .filter(|&c| !table.columns[c].path.iter().any(|p| p.contains("其中")))
        .filter(|&c| year.is_none() || year_of(&table.columns[c].path).is_none_or(|y| Some(y) == year))
        .collect();
    let mut out = Vec::new();
    let mut under_subtotals: Vec<usize> = Vec::new();
    let mut parts: Vec<usize> = Vec::new();
    for &c in &candidates {
        let column = &table.columns[c];
        if column.role != ColumnRole::Subtotal {
            continue;
        }
        let parent = &column.path[..column.path.len().saturating_sub(1)];
        let children: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&k| {
                let path = &table.columns[k].path;
                k != c
                    && table.columns[k].role != ColumnRole::Subtotal
                    && !parent.is_empty()
                    && path.starts_with(parent)
            })
            .collect();
        if !children.is_empty() {
            under_subtotals.extend(&children);
            out.push((c, children));
            parts.push(c);
        }
    }
    parts.extend(
        candidates
            .iter()
            .copied()
            .filter(|&c| table.columns[c].role != ColumnRole::Subtotal && !under_subtotals.contains(&c)),
    );
    parts.sort_unstable();
    if !parts.is_empty() {
        out.insert(0, (total, parts));
    }
    out
}

/// Column `c` is a total of the same standing as `total`: no group above either tells which
/// columns it totals.
fn is_other_total(table: &Table, total: usize, c: usize) -> bool {
    let (first, other) = (&table.columns[total], &table.columns[c]);
    other.role == ColumnRole::Total && other.path.len() == 1 && first.path.len() == 1
}

fn row_totals(ctx: &mut super::Ctx) {
    for table in ctx.tables().iter().filter(|t| has_row_identity(t)) {
        for side in table.sides() {
            for (total_col, part_cols) in identities(table, side) {
                row_identity(ctx, table, side, total_col, &part_cols);
            }
        }
    }
}

fn row_identity(ctx: &mut super::Ctx, table: &Table, side: Option<Side>, total_col: usize, part_cols: &[usize]) {
    let names: Vec<&str> = part_cols.iter().map(|&c| table.columns[c].label()).collect();
    for row in table.data_rows() {
        let cells = std::iter::once(total_col).chain(part_cols.iter().copied());
        if cells.clone().all(|c| table.cell(row, c).is_none_or(|cell| cell.value.is_blank())) {
            continue;
        }
        let Some(total) = Operand::figure_at(table, row, total_col) else {
            continue;
        };
        let Some(parts) = part_cols.iter().map(|&c| Operand::figure_at(table, row, c)).collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        ctx.sum_figures(total, &parts, || {
            let total = Operand::at(table, row, total_col)?;
            let parts = part_cols.iter().map(|&c| Operand::at(table, row, c)).collect::<Option<Vec<_>>>()?;
            let label = table.row_label(row, side);
            let wording = Text::new(
                format!("{label} 的{}应等于 {}", table.columns[total_col].label(), names.join(" + ")),
                format!("{label}: {} should equal {}", table.columns[total_col].label(), names.join(" + ")),
            );
            Some((total, parts, wording))
        });
    }
}

/// The rows a column-total check sums: the highest code level present.
fn top_level_rows(table: &Table) -> Vec<usize> {
    let coded: Vec<(usize, usize)> =
        table.data_rows().filter_map(|r| table.row_code(r).map(|code| (r, code.level()))).collect();
    let Some(top) = coded.iter().map(|(_, level)| *level).min() else {
        return Vec::new();
    };
    coded.into_iter().filter(|(_, level)| *level == top).map(|(r, _)| r).collect()
}

fn column_totals(ctx: &mut super::Ctx) {
    for table in ctx.tables().iter().filter(|t| !t.kind.is_performance() && t.code_column().is_some()) {
        let Some(total_row) = table.total_row() else {
            continue;
        };
        let rows = top_level_rows(table);
        if rows.is_empty() {
            continue;
        }
        for col in table.amount_columns(None) {
            let Some(total) = Operand::at(table, total_row, col) else {
                continue;
            };
            let Some(parts) = rows.iter().map(|&r| Operand::at(table, r, col)).collect::<Option<Vec<_>>>() else {
                continue;
            };
            let column = table.columns[col].label();
            let wording = Text::new(
                format!("合计行的{column}应等于各类级科目之和"),
                format!("total row, {column}: should equal the sum of the top-level subjects"),
            );
            ctx.sum(&total, &parts, wording);
        }
    }
}

/// The rows directly below each coded row, keyed by the parent's row: each child goes to the
/// nearest row above it bearing its parent code, so a table that lists the codes again for each
/// unit (or under a second classification) sums each listing on its own. One pass.
fn children_by_parent(coded: &[(usize, SubjectCode)]) -> HashMap<usize, Vec<usize>> {
    let mut latest: HashMap<&str, usize> = HashMap::new();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    for (row, code) in coded {
        let code = code.as_str();
        if let Some(parent_row) = code.get(..code.len().saturating_sub(2)).and_then(|p| latest.get(p)) {
            if code.len() > 3 {
                children.entry(*parent_row).or_default().push(*row);
            }
        }
        latest.insert(code, *row);
    }
    children
}

fn hierarchy(ctx: &mut super::Ctx) {
    for table in ctx.tables().iter().filter(|t| !t.kind.is_performance() && t.code_column().is_some()) {
        for (code_col, amount_cols) in table.halves() {
            let coded: Vec<_> =
                table.data_rows().filter_map(|r| table.code_at(r, code_col).map(|code| (r, code))).collect();
            let children_of = children_by_parent(&coded);
            for (parent_row, parent) in &coded {
                let Some(children) = children_of.get(parent_row) else {
                    continue;
                };
                for &col in &amount_cols {
                    // The figures decide; the operands (labels, references) are built for a finding.
                    let Some(total) = Operand::figure_at(table, *parent_row, col) else {
                        continue;
                    };
                    let Some(parts) =
                        children.iter().map(|&r| Operand::figure_at(table, r, col)).collect::<Option<Vec<_>>>()
                    else {
                        continue;
                    };
                    if total.value.is_zero() && parts.iter().all(|p| p.value.is_zero()) {
                        continue;
                    }
                    ctx.sum_figures(total, &parts, || {
                        let total = Operand::in_half(table, *parent_row, col, code_col)?;
                        let parts = children
                            .iter()
                            .map(|&r| Operand::in_half(table, r, col, code_col))
                            .collect::<Option<Vec<_>>>()?;
                        let column = table.columns[col].label();
                        let level = if parent.level() == 1 { "类" } else { "款" };
                        let wording = Text::new(
                            format!("{parent} 的{column}应等于其下级科目之和（{level}级）"),
                            format!("{parent}, {column}: should equal the sum of its sub-subjects"),
                        );
                        Some((total, parts, wording))
                    });
                }
            }
        }
    }
}
