//! The one door a rule reads the document through and reports through.
//!
//! A rule never counts relations or pushes findings itself: each call that checks a relation
//! counts it ([`Ctx::sum`], [`Ctx::same`], [`Ctx::compare`], [`Ctx::check`], [`Ctx::verdict`]),
//! and each call that raises a finding hands back a [`Draft`] the rule refines (cell, related
//! cells, place in the prose) before it is recorded, so every finding is worded and counted the
//! same way.

use super::operand::Operand;
use super::Rule;
use crate::document::Document;
use crate::report::{Finding, NotChecked, Severity, Text, TextPlace};
use crate::table::{CellRef, Table, TableKind};
use crate::tolerance::{agree, Agreement, Figure, RoundingMode};
use rust_decimal::Decimal;

/// What running rules over a document produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub not_checked: Vec<NotChecked>,
    /// Relations compared (sums, equalities, bounds).
    pub relations: usize,
    /// Cross-table figures off by exactly ×10,000, left for UNIT001 to report.
    slips: Vec<Slip>,
}

/// Runs `rules` over the document, in order: a later rule may report what an earlier one set
/// aside (UNIT001 after the cross-table rules).
pub fn run(doc: &Document, mode: RoundingMode, rules: &[Rule]) -> Outcome {
    let mut out = Outcome::default();
    for &rule in rules {
        (rule.run)(&mut Ctx { doc, mode, rule, out: &mut out });
    }
    out
}

/// What one rule sees and reports through.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    mode: RoundingMode,
    rule: Rule,
    out: &'a mut Outcome,
}

impl<'a> Ctx<'a> {
    pub fn tables(&self) -> &'a [Table] {
        &self.doc.tables
    }

    /// Tables of one kind, in document order; a 决算 table counts as the 预算 kind whose
    /// identities it shares ([`crate::table::TableKind::family`]).
    pub fn of_kind(&self, kind: TableKind) -> impl Iterator<Item = &'a Table> {
        self.doc.tables.iter().filter(move |t| t.kind.family() == kind.family())
    }

    pub fn first(&self, kind: TableKind) -> Option<&'a Table> {
        self.of_kind(kind).next()
    }

    pub fn mode(&self) -> RoundingMode {
        self.mode
    }

    /// How `total` and the sum of `parts` agree under the rounding model, without checking a
    /// relation: for a rule deciding what to compare (is this reading coherent, is it a slip).
    pub fn agreement(&self, total: Figure, parts: &[Figure]) -> Agreement {
        agree(total, parts, self.mode)
    }

    /// Checks `total = Σ parts` under the rounding model, counting the relation; the result
    /// words the finding when they differ.
    pub fn compare(&mut self, total: Figure, parts: &[Figure]) -> Compared<'_> {
        self.out.relations += 1;
        let agreement = agree(total, parts, self.mode);
        Compared { agreement, findings: &mut self.out.findings, rule: self.rule }
    }

    /// Checks `total = Σ parts` and reports a rounding difference or a mismatch at the total,
    /// with the parts as related cells.
    pub fn sum(&mut self, total: &Operand, parts: &[Operand], text: Text) -> Agreement {
        let figures: Vec<Figure> = parts.iter().map(Operand::figure).collect();
        let compared = self.compare(total.figure(), &figures);
        let agreement = compared.agreement();
        if agreement != Agreement::Exact {
            let computed = if parts.iter().all(|p| p.factor == total.factor) {
                parts.iter().map(|p| p.value).sum()
            } else {
                let in_yuan: Decimal = parts.iter().map(|p| p.value * p.factor).sum();
                (in_yuan / total.factor).round_dp(total.value.scale() + 4).normalize()
            };
            if let Some(draft) = compared.differs(total.value, computed, text) {
                draft.at(&total.cell).related(parts.iter().map(|p| p.cell.clone()));
            }
        }
        agreement
    }

    /// [`Ctx::sum`] for a relation checked in bulk (every row, every parent code): the figures
    /// are compared first and the operands and text (cell references, labels, messages) are
    /// built by `operands` only when they do not agree exactly — the same findings and count,
    /// without a dozen strings per relation that holds.
    pub fn sum_figures(
        &mut self,
        total: Figure,
        parts: &[Figure],
        operands: impl FnOnce() -> Option<(Operand, Vec<Operand>, Text)>,
    ) -> Option<Agreement> {
        if self.agreement(total, parts) == Agreement::Exact {
            self.out.relations += 1;
            return Some(Agreement::Exact);
        }
        let (total, parts, text) = operands()?;
        Some(self.sum(&total, &parts, text))
    }

    /// Checks that two printings of one figure agree (e.g. the same total in two tables). Two
    /// tables whose figures differ by exactly ×10,000 are set aside for UNIT001 (a unit caption
    /// problem) rather than reported as this rule's mismatch.
    pub fn same(&mut self, printed: &Operand, other: &Operand, text: Text) -> Agreement {
        if let Some(slip) = Slip::between(self, printed, other, text.clone()) {
            self.out.slips.push(slip);
            return Agreement::Mismatch;
        }
        self.sum(printed, std::slice::from_ref(other), text)
    }

    /// The slips the comparisons so far set aside.
    pub(super) fn take_slips(&mut self) -> Vec<Slip> {
        std::mem::take(&mut self.out.slips)
    }

    /// Checks a relation that is not a sum (a bound, a required value, a valid code), counting
    /// it: `failure` says how it fails, if it does, and becomes a finding of the rule's severity.
    pub fn check(&mut self, failure: Option<Text>) -> Option<Draft<'_>> {
        match failure {
            Some(text) => Some(self.verdict(text)),
            None => {
                self.out.relations += 1;
                None
            }
        }
    }

    /// A relation checked whose outcome is itself the finding (a counterpart missing, the
    /// table set named): counted, with the rule's severity unless the rule sets another.
    pub fn verdict(&mut self, text: Text) -> Draft<'_> {
        self.out.relations += 1;
        self.fail(text)
    }

    /// A finding of the rule's severity that is not one relation's verdict (one of several
    /// missing parts of an indicator, a weight that is not a number).
    pub fn fail(&mut self, text: Text) -> Draft<'_> {
        self.report(self.rule.severity, text)
    }

    /// A finding of another severity than the rule's (a note for the record, a warning).
    pub fn report(&mut self, severity: Severity, text: Text) -> Draft<'_> {
        Draft::new(&mut self.out.findings, self.rule, severity, text)
    }

    /// The rule cannot run on this document: what it would need.
    pub fn needs(&mut self, text: Text) {
        self.out.not_checked.push(NotChecked { rule: self.rule.code, needs: text });
    }
}

/// Two printings of one figure in two tables that agree only once one is scaled by ×10,000
/// (or ÷10,000): set aside by [`Ctx::same`] for UNIT001 (`units.rs`) to report.
#[derive(Debug)]
pub struct Slip {
    pub printed: Operand,
    pub other: Operand,
    pub scale: Decimal,
    /// What the comparison that found it says of the two figures.
    pub text: Text,
}

impl Slip {
    /// The slip between `printed` and `other`, when they disagree as printed but agree once
    /// `other` is scaled by 10,000 (or 1/10,000); `None` when they agree or disagree either way.
    fn between(ctx: &Ctx, printed: &Operand, other: &Operand, text: Text) -> Option<Slip> {
        if printed.cell.table == other.cell.table || printed.value.is_zero() || other.value.is_zero() {
            return None;
        }
        if ctx.agreement(printed.figure(), &[other.figure()]) != Agreement::Mismatch {
            return None;
        }
        let wan = Decimal::from(10_000);
        let scale = [wan, Decimal::ONE / wan].into_iter().find(|&scale| {
            let scaled = Operand { factor: other.factor * scale, ..other.clone() };
            ctx.agreement(printed.figure(), &[scaled.figure()]) != Agreement::Mismatch
        })?;
        Some(Slip { printed: printed.clone(), other: other.clone(), scale, text })
    }
}

/// A comparison made and counted, waiting to be worded if it failed.
pub struct Compared<'c> {
    agreement: Agreement,
    findings: &'c mut Vec<Finding>,
    rule: Rule,
}

impl<'c> Compared<'c> {
    pub fn agreement(&self) -> Agreement {
        self.agreement
    }

    /// The finding when the figures differ: a rounding difference is a warning, a mismatch has
    /// the rule's severity; `text` is followed by the printed and computed figures.
    pub fn differs(self, printed: Decimal, computed: Decimal, text: Text) -> Option<Draft<'c>> {
        let Compared { agreement, findings, rule } = self;
        (agreement != Agreement::Exact)
            .then(|| Draft::new(findings, rule, rule.severity, text).off_by(agreement, printed, computed))
    }
}

/// A finding being worded: the rule refines it, and it is recorded when it goes out of scope.
pub struct Draft<'c> {
    findings: &'c mut Vec<Finding>,
    /// `None` once recorded.
    finding: Option<Finding>,
}

impl<'c> Draft<'c> {
    fn new(findings: &'c mut Vec<Finding>, rule: Rule, severity: Severity, text: Text) -> Draft<'c> {
        let finding = Finding {
            rule: rule.code,
            severity,
            table: None,
            cell: None,
            related: Vec::new(),
            printed: None,
            computed: None,
            difference: None,
            agreement: None,
            message: text,
            text: None,
            explains: Vec::new(),
        };
        Draft { findings, finding: Some(finding) }
    }

    fn finding_mut(&mut self) -> &mut Finding {
        self.finding.as_mut().expect("a draft holds its finding until it is recorded")
    }

    fn with(mut self, refine: impl FnOnce(&mut Finding)) -> Self {
        refine(self.finding_mut());
        self
    }

    /// The cell the finding is about (and so its table).
    pub fn at(self, cell: &CellRef) -> Self {
        self.with(|f| {
            f.table = Some(cell.table);
            f.cell = Some(cell.clone());
        })
    }

    /// The cell, when there is one (a form without the column has none).
    pub fn at_some(self, cell: Option<CellRef>) -> Self {
        self.with(|f| f.cell = cell)
    }

    /// The table the finding is about, when no one cell is.
    pub fn in_table(self, table: usize) -> Self {
        self.with(|f| f.table = Some(table))
    }

    /// Cells the finding was computed from or compared with.
    pub fn related(self, cells: impl IntoIterator<Item = CellRef>) -> Self {
        self.with(|f| f.related.extend(cells))
    }

    /// Where in the prose the finding is, when it is about stated figures rather than a cell.
    pub fn in_prose(self, place: TextPlace) -> Self {
        self.with(|f| f.text = Some(place))
    }

    pub fn severity(self, severity: Severity) -> Self {
        self.with(|f| f.severity = severity)
    }

    pub fn printed(self, value: Decimal) -> Self {
        self.with(|f| f.printed = Some(value))
    }

    pub fn computed(self, value: Decimal) -> Self {
        self.with(|f| f.computed = Some(value))
    }

    pub fn difference(self, value: Decimal) -> Self {
        self.with(|f| f.difference = Some(value))
    }

    pub fn agreement(self, agreement: Agreement) -> Self {
        self.with(|f| f.agreement = Some(agreement))
    }

    /// The figures of a failed comparison, said after the text: "printed p, computed c, off by
    /// d" (and "within rounding", a warning, for a rounding difference).
    pub fn off_by(self, agreement: Agreement, printed: Decimal, computed: Decimal) -> Self {
        let difference = printed - computed;
        self.with(|f| {
            if agreement == Agreement::Rounding {
                f.severity = Severity::Warning;
                f.message.zh = format!(
                    "{}：填报 {printed}，计算 {computed}，相差 {difference}，在舍入误差范围内（舍位平衡）",
                    f.message.zh
                );
                f.message.en = format!(
                    "{}: printed {printed}, computed {computed}, off by {difference}, within rounding",
                    f.message.en
                );
            } else {
                f.message.zh = format!("{}：填报 {printed}，计算 {computed}，相差 {difference}", f.message.zh);
                f.message.en = format!("{}: printed {printed}, computed {computed}, off by {difference}", f.message.en);
            }
        })
        .printed(printed)
        .computed(computed)
        .difference(difference)
        .agreement(agreement)
    }
}

impl Drop for Draft<'_> {
    fn drop(&mut self) {
        if let Some(finding) = self.finding.take() {
            debug_assert!(!finding.message.zh.is_empty(), "{} raised a finding without words", finding.rule);
            self.findings.push(finding);
        }
    }
}
