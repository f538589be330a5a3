//! The rule registry.
//!
//! A rule is data (code, names, explanation) plus one function over the whole document, which
//! reads and reports only through its [`Ctx`]. Adding a rule is one file, one line in
//! [`registry`] and its passing and failing case in `tests/fixtures/rule_cases/`.

mod balance;
mod basic;
mod cross_table;
mod ctx;
mod evaluation_form;
mod indicators;
mod names;
mod narrative;
mod operand;
mod presence;
mod projects;
mod self_evaluation;
mod stated_totals;
mod sums;
mod text_checks;
mod three_public;
mod units;

pub use ctx::{run, Compared, Ctx, Draft, Outcome};
pub use operand::Operand;

use crate::report::Severity;
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
        // After the cross-table rules: it reports the ×10,000 slips their comparisons set aside.
        units::RULES,
        projects::RULES,
        indicators::RULES,
        evaluation_form::RULES,
        presence::RULES,
        names::RULES,
        narrative::RULES,
        stated_totals::RULES,
        self_evaluation::RULES,
        text_checks::RULES,
    ]
    .concat()
}

pub fn rule(code: &str) -> Option<Rule> {
    registry().into_iter().find(|r| r.code == code)
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
