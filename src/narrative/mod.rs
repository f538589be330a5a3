//! Prose (情况说明): the figures a disclosure states in sentences, read so they can be checked
//! against each other the way table cells are.
//!
//! Reading is deliberately narrow: only a closed vocabulary of subjects (基本支出, 人员经费,
//! “三公”经费 …) is compared, changes (比上年增加 …) are never taken for levels, and a list
//! after 其中 is only summed as a whole when it is known to be complete. What the reader does
//! not understand is skipped, never guessed into a finding.

mod prose;
mod statement;

pub use prose::{Prose, BREAK, CHAPTER};
pub use statement::{normalise_base, subject_of, Measure, Scope, Share, Statement, Subject, Term};
pub(crate) use statement::{number_at, unit_at, year_in};

use crate::ingest::Source;

/// The figures stated in one source's prose and how they relate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Narrative {
    pub source: String,
    pub statements: Vec<Statement>,
    /// `<whole>，其中：<part>，<part>` lists.
    pub lists: Vec<PartsList>,
    /// Shares of one whole (`占基本支出 62.35%`, `占基本支出 37.66%`).
    pub share_sets: Vec<ShareSet>,
    /// The prose itself, for the checks that read wording rather than figures.
    pub prose: Prose,
}

/// A whole and the parts listed after its 其中 (indices into `statements`).
#[derive(Debug, Clone, PartialEq)]
pub struct PartsList {
    pub whole: usize,
    pub parts: Vec<usize>,
    /// Every part of the whole is listed: a complete set of subjects, or shares making 100%.
    pub complete: bool,
}

/// Statements giving shares of the same whole, in one chapter.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareSet {
    /// The whole as printed after 占 (as a plain phrase), empty when not said.
    pub base: String,
    pub members: Vec<usize>,
}

/// Reads the prose of `source`; lines for which `skip` is true belong to another reader.
pub fn read(source: &Source, skip: impl Fn(&str) -> bool) -> Narrative {
    let prose = prose::prose(&source.text, skip);
    let mut statements = statement::statements(&prose);
    let lists = parts_lists(&mut statements);
    let share_sets = share_sets(&statements);
    Narrative { source: source.name.clone(), statements, lists, share_sets, prose }
}

/// What may be listed after 其中 under each whole.
fn is_part_of(part: Term, whole: Term) -> bool {
    use Term::*;
    match whole {
        Spending => matches!(part, Basic | Project),
        Basic => matches!(part, Personnel | PublicUse | Wages | Goods | Households),
        Project => matches!(part, Wages | Goods | Households),
        ThreePublic => matches!(part, Abroad | Reception | Vehicles | VehiclePurchase | VehicleRunning),
        Vehicles => matches!(part, VehiclePurchase | VehicleRunning),
        _ => false,
    }
}

/// Sets of parts that make up the whole by definition.
fn is_complete_set(whole: Term, parts: &[Term]) -> bool {
    use Term::*;
    let has = |t: &Term| parts.contains(t);
    match whole {
        Spending => [Basic, Project].iter().all(has),
        Basic => [Personnel, PublicUse].iter().all(has),
        ThreePublic => {
            [Abroad, Reception].iter().all(has) && (has(&Vehicles) || [VehiclePurchase, VehicleRunning].iter().all(has))
        }
        Vehicles => [VehiclePurchase, VehicleRunning].iter().all(has),
        _ => false,
    }
}

/// How many statements back the whole of a 其中 list may stand (changes sit in between).
const WHOLE_LOOKBACK: usize = 6;

/// Finds `<whole>，其中：<parts>` lists; parts of 基本/项目支出 learn which one they belong to.
fn parts_lists(statements: &mut [Statement]) -> Vec<PartsList> {
    let mut lists = Vec::new();
    let mut open: Option<(PartsList, bool)> = None;
    for k in 0..statements.len() {
        let s = &statements[k];
        let level = (!s.change).then_some(s.subject).flatten();
        if let Some((list, interrupted)) = open.take() {
            let whole = &statements[list.whole];
            let whole_term = whole.subject.map(|w| w.term);
            let continues = s.chapter == whole.chapter
                && match (level, whole_term) {
                    // A nested 其中 (用车 …，其中：购置 …) or a part of a part is not one more part.
                    (Some(subject), Some(w)) => {
                        let t = subject.term;
                        is_part_of(t, w)
                            && (!s.after_qizhong || list.parts.is_empty())
                            && !list
                                .parts
                                .iter()
                                .filter_map(|&p| statements[p].subject)
                                .any(|x| x.term == t || is_part_of(t, x.term) || is_part_of(x.term, t))
                    }
                    // Changes between the parts (同比减少 …) neither belong nor interrupt.
                    _ => s.change,
                };
            if continues {
                let mut list = list;
                if level.is_some() {
                    list.parts.push(k);
                }
                open = Some((list, interrupted));
            } else {
                // An amount the list cannot place (单位预留机动经费 …) may be one more part; the
                // breakdown of a part (用车 … 包括：运行维护费 …) is not.
                let under_a_part = level.is_some_and(|l| {
                    list.parts.iter().filter_map(|&p| statements[p].subject).any(|x| is_part_of(l.term, x.term))
                });
                let unknown = s.chapter == whole.chapter && !s.change && !under_a_part;
                lists.push(finish(list, interrupted || unknown, statements));
            }
        }
        if open.is_none() && statements[k].after_qizhong {
            if let Some(subject) = level {
                let whole = (k.saturating_sub(WHOLE_LOOKBACK)..k).rev().find(|&j| {
                    let w = &statements[j];
                    !w.change
                        && w.chapter == statements[k].chapter
                        && w.subject.is_some_and(|ws| is_part_of(subject.term, ws.term))
                });
                if let Some(whole) = whole {
                    open = Some((PartsList { whole, parts: vec![k], complete: false }, false));
                }
            }
        }
    }
    if let Some((list, interrupted)) = open {
        lists.push(finish(list, interrupted, statements));
    }
    // Parts inherit what their whole says: which money, which year, and 基本 or 项目 for
    // economic classes.
    for list in &lists {
        let Some(whole) = statements[list.whole].subject else { continue };
        for &p in &list.parts {
            if let Some(part) = statements[p].subject.as_mut() {
                if part.scope == Scope::All {
                    part.scope = whole.scope;
                }
                part.year = part.year.or(whole.year);
                if part.measure == Measure::Stated {
                    part.measure = whole.measure;
                }
                if part.term.needs_parent() && part.parent.is_none() {
                    part.parent = Some(whole.term);
                }
            }
        }
    }
    lists
}

fn finish(mut list: PartsList, interrupted: bool, statements: &[Statement]) -> PartsList {
    let whole = statements[list.whole].subject.map(|s| s.term);
    let terms: Vec<Term> = list.parts.iter().filter_map(|&p| statements[p].subject.map(|s| s.term)).collect();
    let by_set = !interrupted && whole.is_some_and(|w| is_complete_set(w, &terms));
    let shares: Option<Vec<&Share>> = list.parts.iter().map(|&p| statements[p].share.as_ref()).collect();
    let by_shares = shares.is_some_and(|shares| {
        let figures: Vec<_> = shares.iter().map(|s| percent_figure(s)).collect();
        crate::tolerance::agree(hundred(), &figures, crate::tolerance::RoundingMode::Nearest)
            != crate::tolerance::Agreement::Mismatch
    });
    list.complete = by_set || by_shares;
    list
}

/// 100% exactly: the whole of which shares are printed.
pub fn hundred() -> crate::tolerance::Figure {
    crate::tolerance::Figure { value: rust_decimal::Decimal::ONE_HUNDRED, ulp: rust_decimal::Decimal::ZERO }
}

impl Statement {
    /// The stated amount as a figure in 元, with the precision it was printed to.
    pub fn figure(&self) -> crate::tolerance::Figure {
        crate::tolerance::Figure::printed(self.value, self.factor)
    }
}

impl Narrative {
    /// Where a statement stands in the prose: its line and its clause as printed.
    pub fn place(&self, s: &Statement) -> crate::report::TextPlace {
        crate::report::TextPlace { source: self.source.clone(), line: s.line, quote: s.quote.clone() }
    }
}

/// A printed percentage as a figure with its printed decimals.
pub fn percent_figure(share: &Share) -> crate::tolerance::Figure {
    crate::tolerance::Figure::printed(share.percent, rust_decimal::Decimal::ONE)
}

/// Groups shares by the whole they are of. A set ends at a chapter, at an amount stated
/// without a share (the text has moved on), and — for shares that do not say of what — at
/// the next 其中.
fn share_sets(statements: &[Statement]) -> Vec<ShareSet> {
    let mut sets: Vec<ShareSet> = Vec::new();
    let mut open: Vec<ShareSet> = Vec::new();
    let mut chapter = 0;
    for (k, s) in statements.iter().enumerate() {
        if s.chapter != chapter {
            sets.append(&mut open);
            chapter = s.chapter;
        }
        match &s.share {
            Some(share) => {
                if share.base.is_empty() && s.after_qizhong {
                    if let Some(pos) = open.iter().position(|set| set.base.is_empty()) {
                        sets.push(open.remove(pos));
                    }
                }
                match open.iter_mut().find(|set| set.base == share.base) {
                    Some(set) => set.members.push(k),
                    None => open.push(ShareSet { base: share.base.clone(), members: vec![k] }),
                }
            }
            None if !s.change => sets.append(&mut open),
            None => {}
        }
    }
    sets.append(&mut open);
    sets.retain(|set| set.members.len() >= 2);
    sets.sort_by_key(|set| set.members.first().copied());
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrative(text: &str) -> Narrative {
        read(&Source { name: "t".into(), text: text.into() }, |_| false)
    }

    #[test]
    fn a_list_after_qizhong_finds_its_whole_past_changes() {
        let n = narrative("一般公共预算财政拨款支出 100 万元，比上年增加 5 万元。其中：基本支出 60 万元，比上年增加 1 万元；项目支出 40 万元。");
        assert_eq!(n.lists, vec![PartsList { whole: 0, parts: vec![2, 4], complete: true }]);
    }

    #[test]
    fn an_unknown_amount_after_the_parts_makes_the_list_incomplete() {
        let n = narrative(
            "本年支出预算合计 100 万元，其中：\n基本支出 50 万元；\n项目支出 30 万元；\n单位预留机动经费 20 万元；",
        );
        assert_eq!(n.lists.len(), 1);
        assert!(!n.lists[0].complete);
    }

    #[test]
    fn economic_classes_learn_their_parent_from_the_list() {
        let n = narrative("项目支出 35800 元，其中：商品和服务支出预算 35800 元，占项目支出预算 100%。");
        assert_eq!(n.statements[1].subject.and_then(|s| s.parent), Some(Term::Project));
        assert!(n.lists[0].complete);
    }

    #[test]
    fn shares_of_one_base_group_across_a_nested_list() {
        let n = narrative(
            "基本支出 90 元，占一般公共预算支出的 90%。其中：工资福利支出 60 元，占基本支出 66.67%；商品和服务支出 30 元，占基本支出 33.33%。\n2. 项目支出 10 元，占一般公共预算支出的 10%。",
        );
        let sets: Vec<(&str, Vec<usize>)> = n.share_sets.iter().map(|s| (s.base.as_str(), s.members.clone())).collect();
        assert_eq!(sets, vec![("一般公共预算支出", vec![0, 3]), ("基本支出", vec![1, 2])]);
    }
}
