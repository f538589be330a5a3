//! A 单位预算 (one unit's disclosure) that calls itself a 部门预算, or the reverse. The kind is
//! read from the title — the first lines of the prose — and only the document naming itself is
//! judged: a 部门 disclosure speaks of its 下属单位预算 and a 单位 one of the 部门预算经济分类
//! legitimately.

use super::super::{Ctx, Explanation, Rule};
use super::{paragraphs, place, Paragraph};
use crate::narrative::{Narrative, BREAK, CHAPTER};
use crate::report::{Severity, Text};

pub const RULE: Rule = Rule {
    code: "TXT002",
    name_zh: "单位/部门用语",
    name_en: "Unit or department wording",
    severity: Severity::Warning,
    explanation: Explanation {
        what_zh: "标题为单位预算（决算）的公开文本，说明中把本文件称作部门预算（决算）；标题为部门预算（决算）的，说明中称“××年单位预算（决算）”。“部门预算支出经济分类”、“下属单位预算”等固定用语不在此列。",
        why_zh: "部门预算汇总本部门及所属单位，单位预算只含一个单位；套用另一种文本的模板会让读者误解数字的范围。",
        fix_zh: "按标题统一称谓：单位公开文本用“单位预算（决算）”，部门公开文本用“部门预算（决算）”。",
        what_en: "A disclosure titled 单位预算/决算 (one unit) whose narrative calls itself a 部门预算/决算 (a department with its units), or the reverse (“2026年单位预算” in a department's). Fixed terms such as 部门预算支出经济分类 and 下属单位预算 are not judged.",
        why_en: "A department budget covers the department and its units, a unit budget one unit; wording copied from the other kind of template misstates what the figures cover.",
        fix_en: "Use the title's wording: 单位预算/决算 in a unit's disclosure, 部门预算/决算 in a department's.",
    },
    run: doc_kind,
};

/// The words naming each kind of disclosure.
const UNIT: [&str; 2] = ["单位预算", "单位决算"];
const DEPARTMENT: [&str; 2] = ["部门预算", "部门决算"];

/// How many lines of prose the title may take (a PDF's cover wraps it over several).
const TITLE_LINES: usize = 4;

fn doc_kind(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        let Some((title_end, unit)) = title_kind(n) else { continue };
        let (other, own) = if unit { (DEPARTMENT, "单位") } else { (UNIT, "部门") };
        for Paragraph { range: paragraph, .. } in paragraphs(&n.prose) {
            let chars = &n.prose.chars[paragraph.clone()];
            for at in (0..chars.len()).filter(|&k| paragraph.start + k >= title_end) {
                let Some(word) = other.iter().find(|w| starts_with(&chars[at..], w)) else { continue };
                if !names_itself(chars, at, word, unit) {
                    continue;
                }
                let start = paragraph.start + at;
                let text = Text::new(
                    format!("标题为{own}公开，此处称“{word}”"),
                    format!(
                        "the title says this is a {} disclosure, but here it says {word}",
                        if unit { "unit" } else { "department" }
                    ),
                );
                ctx.fail(text).in_prose(place(n, &paragraph, start..start + word.chars().count()));
            }
        }
    }
}

/// The end of the title in the prose (the end of the line naming the kind) and whether it
/// names a unit's disclosure; `None` when the first lines name neither kind.
fn title_kind(n: &Narrative) -> Option<(usize, bool)> {
    let prose = &n.prose;
    let mut lines = 0;
    let mut title = String::new();
    let mut ends = Vec::new();
    let mut line = None;
    // Lines of prose only: a `#` line or a table row before the title is no title line.
    for (k, c) in prose.chars.iter().enumerate().filter(|(_, c)| **c != BREAK && **c != CHAPTER) {
        if line.is_some() && prose.lines.get(k) != line {
            lines += 1;
            ends.push((title.len(), k));
        }
        if lines >= TITLE_LINES {
            break;
        }
        line = prose.lines.get(k);
        title.push(*c);
    }
    ends.push((title.len(), prose.chars.len()));
    let first = |words: [&str; 2]| words.iter().filter_map(|w| title.find(w)).min();
    let (at, unit) = match (first(UNIT), first(DEPARTMENT)) {
        (Some(u), Some(d)) => (u.min(d), u < d),
        (Some(u), None) => (u, true),
        (None, Some(d)) => (d, false),
        (None, None) => return None,
    };
    let end = ends.iter().find(|(byte, _)| *byte > at).map_or(prose.chars.len(), |(_, k)| *k);
    Some((end, unit))
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let count = word.chars().count();
    chars.len() >= count && chars.iter().zip(word.chars()).all(|(c, w)| *c == w)
}

/// Whether the word at `at` names the document itself rather than a fixed term or a part: in a
/// unit's text any 部门预算 but the economic classification (部门预算支出经济分类); in a
/// department's only `2026年单位预算` (a year right before it), never 下属单位预算.
fn names_itself(chars: &[char], at: usize, word: &str, unit: bool) -> bool {
    let after: String = chars[at + word.chars().count()..].iter().take(6).collect();
    if unit {
        return !after.starts_with("经济分类") && !after.starts_with("支出经济分类");
    }
    let before: String = chars[at.saturating_sub(2)..at].iter().collect();
    before.ends_with('年') || before == "年度"
}

#[cfg(test)]
mod tests {
    use crate::{check_text, Report};

    fn lines(text: &str) -> Vec<usize> {
        let report: Report = check_text(text);
        report.findings.iter().filter(|f| f.rule == "TXT002").filter_map(|f| f.text.as_ref().map(|t| t.line)).collect()
    }

    #[test]
    fn a_department_disclosure_naming_itself_a_unit_budget() {
        let text = "示例局\n2026年部门预算\n一、部门基本情况\n本部门预算包括局机关和下属单位预算。\n二、2026年单位预算收支情况\n";
        assert_eq!(lines(text), [5]);
    }

    #[test]
    fn no_title_no_judgement_and_the_classification_keeps_its_name() {
        assert!(lines("一、基本情况\n2026年部门预算和2026年单位预算。\n").is_empty());
        assert!(lines("示例中心2026年单位预算\n按部门预算支出经济分类编列。\n").is_empty());
    }

    #[test]
    fn a_title_wrapped_over_a_cover_after_a_heading() {
        assert_eq!(lines("# 封面\n2026 年度\n示例市示例局\n示例支队\n单位预算\n二、本部门预算说明\n"), [6]);
    }
}
