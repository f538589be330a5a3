//! The rule registry and the context rules report through.
//!
//! A rule is data (code, names, explanation) plus one function over the whole document. Rules
//! compare printed figures through [`Ctx`], which applies the rounding model, counts relations
//! and words findings the same way everywhere.

mod balance;
mod basic;
mod cross_table;
mod evaluation_form;
mod indicators;
mod names;
mod narrative;
mod presence;
mod projects;
mod self_evaluation;
mod stated_totals;
mod sums;
mod three_public;
mod units;

use crate::report::{CellRef, Finding, NotChecked, Severity};
use crate::table::Table;
use crate::tolerance::{agree, Agreement, Figure, RoundingMode};
use crate::Document;
use rust_decimal::Decimal;
use serde::Serialize;

/// What a rule checks, why it matters and how to fix a failure, in both languages.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Explanation {
    pub what_zh: &'static str,
    pub why_zh: &'static str,
    pub fix_zh: &'static str,
    pub what_en: &'static str,
    pub why_en: &'static str,
    pub fix_en: &'static str,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Severity of a real failure; rounding differences are always warnings.
    pub severity: Severity,
    pub explanation: Explanation,
    #[serde(skip)]
    pub run: fn(&mut Ctx),
}

/// Every rule, in the order findings are reported.
pub fn registry() -> Vec<Rule> {
    [
        sums::RULES,
        balance::RULES,
        three_public::RULES,
        basic::RULES,
        cross_table::RULES,
        projects::RULES,
        indicators::RULES,
        evaluation_form::RULES,
        presence::RULES,
        names::RULES,
        units::RULES,
        narrative::RULES,
        stated_totals::RULES,
        self_evaluation::RULES,
    ]
    .concat()
}

pub fn rule(code: &str) -> Option<Rule> {
    registry().into_iter().find(|r| r.code == code)
}

/// What one rule sees and produces.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub mode: RoundingMode,
    rule: Rule,
    pub findings: Vec<Finding>,
    pub not_checked: Vec<NotChecked>,
    pub relations: usize,
}

/// One side of a comparison: a printed figure at a cell.
#[derive(Debug, Clone)]
pub struct Operand {
    pub cell: CellRef,
    pub value: Decimal,
    pub factor: Decimal,
    /// Nothing (or a placeholder) was printed.
    pub blank: bool,
}

impl Operand {
    pub fn at(table: &Table, row: usize, col: usize) -> Option<Operand> {
        let blank = table.cell(row, col).is_none_or(|c| c.value.is_blank());
        Some(Operand {
            cell: table.cell_ref(row, col),
            value: table.amount(row, col)?,
            factor: table.unit.factor(),
            blank,
        })
    }

    /// The figure of the cell [`Operand::at`] would read, without the cell's reference and labels
    /// (several strings each): all a comparison needs until it fails. `None` exactly when
    /// [`Operand::at`] is `None`. It is in the table's own unit, not in 元: comparisons of cells
    /// of one table agree or not alike in either (scaling every figure by one factor keeps sums
    /// and rounding intervals in proportion), so only cells of one table may be compared so.
    pub fn figure_at(table: &Table, row: usize, col: usize) -> Option<Figure> {
        let value = table.amount(row, col)?;
        let blank = table.cell(row, col).is_none_or(|c| c.value.is_blank());
        Some(if blank { BLANK } else { Figure::printed_in_own_unit(value) })
    }

    /// A blank cell is an exact zero: it must not widen the rounding interval the way a
    /// printed `0.00` (which could stand for 0.004) does.
    pub fn figure(&self) -> Figure {
        if self.blank {
            BLANK
        } else {
            Figure::printed(self.value, self.factor)
        }
    }
}

/// What a blank cell stands for: an exact zero.
const BLANK: Figure = Figure { value: Decimal::ZERO, ulp: Decimal::ZERO };

/// Words for one comparison: how the total and the parts are called in messages.
pub struct Wording {
    pub zh: String,
    pub en: String,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document, mode: RoundingMode, rule: Rule) -> Ctx<'a> {
        Ctx { doc, mode, rule, findings: Vec::new(), not_checked: Vec::new(), relations: 0 }
    }

    pub fn tables(&self) -> &'a [Table] {
        &self.doc.tables
    }

    /// Checks `total = Σ parts` and reports a rounding difference or a mismatch at the total.
    pub fn sum(&mut self, total: &Operand, parts: &[Operand], wording: Wording) -> Option<Agreement> {
        self.relations += 1;
        let figures: Vec<Figure> = parts.iter().map(Operand::figure).collect();
        let agreement = agree(total.figure(), &figures, self.mode);
        if agreement != Agreement::Exact {
            let computed = if parts.iter().all(|p| p.factor == total.factor) {
                parts.iter().map(|p| p.value).sum()
            } else {
                let in_yuan: Decimal = parts.iter().map(|p| p.value * p.factor).sum();
                (in_yuan / total.factor).round_dp(total.value.scale() + 4).normalize()
            };
            self.compared(total, computed, parts.iter().map(|p| p.cell.clone()).collect(), agreement, wording);
        }
        Some(agreement)
    }

    /// [`Ctx::sum`] for a relation checked in bulk (every row, every parent code): the figures
    /// are compared first and the operands and wording (cell references, labels, messages) are
    /// built by `operands` only when they do not agree exactly — the same findings and count,
    /// without a dozen strings per relation that holds.
    pub fn sum_figures(
        &mut self,
        total: Figure,
        parts: &[Figure],
        operands: impl FnOnce() -> Option<(Operand, Vec<Operand>, Wording)>,
    ) -> Option<Agreement> {
        if agree(total, parts, self.mode) == Agreement::Exact {
            self.relations += 1;
            return Some(Agreement::Exact);
        }
        let (total, parts, wording) = operands()?;
        self.sum(&total, &parts, wording)
    }

    /// Checks that two printings of one figure agree (e.g. the same total in two tables). Two
    /// tables whose figures differ by a factor of 10,000 are reported as a unit problem
    /// ([`units::RULES`]) rather than as this rule's mismatch.
    pub fn same(&mut self, printed: &Operand, other: &Operand, wording: Wording) -> Agreement {
        if let Some(scale) = units::slip(printed, other, self.mode) {
            units::report(self, printed, other, scale, &wording);
            return Agreement::Mismatch;
        }
        self.sum(printed, std::slice::from_ref(other), wording).unwrap_or(Agreement::Exact)
    }

    fn compared(
        &mut self,
        total: &Operand,
        computed: Decimal,
        related: Vec<CellRef>,
        agreement: Agreement,
        w: Wording,
    ) {
        let difference = total.value - computed;
        let (severity, zh, en) = match agreement {
            Agreement::Rounding => (
                Severity::Warning,
                format!(
                    "{}：填报 {}，计算 {}，相差 {}，在舍入误差范围内（舍位平衡）",
                    w.zh, total.value, computed, difference
                ),
                format!(
                    "{}: printed {}, computed {}, off by {}, within rounding",
                    w.en, total.value, computed, difference
                ),
            ),
            _ => (
                self.rule.severity,
                format!("{}：填报 {}，计算 {}，相差 {}", w.zh, total.value, computed, difference),
                format!("{}: printed {}, computed {}, off by {}", w.en, total.value, computed, difference),
            ),
        };
        self.findings.push(Finding {
            rule: self.rule.code,
            severity,
            table: Some(total.cell.table),
            cell: Some(total.cell.clone()),
            related,
            printed: Some(total.value),
            computed: Some(computed),
            difference: Some(difference),
            agreement: Some(agreement),
            message_zh: zh,
            message_en: en,
            text: None,
        });
    }

    /// A finding that is not a sum: a bound, a missing value, a malformed indicator.
    pub fn report(&mut self, severity: Severity, table: Option<usize>, cell: Option<CellRef>, zh: String, en: String) {
        self.findings.push(Finding {
            rule: self.rule.code,
            severity,
            table,
            cell,
            related: Vec::new(),
            printed: None,
            computed: None,
            difference: None,
            agreement: None,
            message_zh: zh,
            message_en: en,
            text: None,
        });
    }

    /// Reports with the rule's own severity.
    pub fn fail(&mut self, table: Option<usize>, cell: Option<CellRef>, zh: String, en: String) {
        self.report(self.rule.severity, table, cell, zh, en);
    }

    pub fn needs(&mut self, zh: &str, en: &str) {
        self.not_checked.push(NotChecked { rule: self.rule.code, needs_zh: zh.to_string(), needs_en: en.to_string() });
    }

    /// Tables of one kind, in document order; a 决算 table counts as the 预算 kind whose
    /// identities it shares ([`crate::table::TableKind::family`]).
    pub fn of_kind(&self, kind: crate::table::TableKind) -> impl Iterator<Item = &'a Table> {
        self.doc.tables.iter().filter(move |t| t.kind.family() == kind.family())
    }

    pub fn first(&self, kind: crate::table::TableKind) -> Option<&'a Table> {
        self.of_kind(kind).next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_every_rule_is_explained() {
        let rules = registry();
        let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len(), "duplicate rule codes");
        for rule in &rules {
            let e = rule.explanation;
            for text in [rule.name_zh, rule.name_en, e.what_zh, e.why_zh, e.fix_zh, e.what_en, e.why_en, e.fix_en] {
                assert!(text.chars().count() >= 2, "{} has a missing text", rule.code);
            }
        }
    }
}
