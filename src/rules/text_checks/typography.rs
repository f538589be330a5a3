//! Punctuation a proof-reader marks: a sentence mark doubled (。。 ，，) and quotes or brackets
//! opened and not closed (or closed and not opened) within one paragraph.

use super::super::{Ctx, Explanation, Rule};
use super::{paragraphs, place, Paragraph};
use crate::report::{Severity, Text};

pub const RULE: Rule = Rule {
    code: "TXT004",
    name_zh: "标点与括号",
    name_en: "Punctuation and brackets",
    severity: Severity::Warning,
    explanation: Explanation {
        what_zh: "情况说明中重复的句读标点（“。。”“，，”“；；”“、、”），以及同一段落内不成对的引号“ ”和括号（ ）。",
        why_zh: "公开文本是正式公文，重复标点、缺半边的引号或括号多是修改时删改不全留下的，也可能删掉了其中的内容。",
        fix_zh: "删去多余的标点，补齐或删去不成对的引号、括号，并确认其中的文字完整。",
        what_en: "Doubled sentence marks in the narrative (。。 ，， ；； 、、) and quotes “ ” or brackets （ ） left unpaired within a paragraph.",
        why_en: "The narrative is an official text; doubled marks and half-pairs are usually left by an incomplete edit that may also have cut words.",
        fix_en: "Remove the extra mark, pair or remove the quote or bracket, and check the words around it are complete.",
    },
    run: typography,
};

/// Sentence marks that are never printed twice in a row.
const MARKS: &[char] = &['。', '，', '；', '、'];

/// Opening and closing marks that pair within a paragraph (full-width brackets read as ASCII).
const PAIRS: &[Pair] = &[
    Pair { open: '“', close: '”', name_zh: "引号", printed: ('“', '”') },
    Pair { open: '(', close: ')', name_zh: "括号", printed: ('（', '）') },
];

/// A kind of paired mark, as the prose holds it and as a reader knows it.
struct Pair {
    open: char,
    close: char,
    name_zh: &'static str,
    printed: (char, char),
}

fn typography(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        for p in paragraphs(&n.prose) {
            let paragraph = p.range.clone();
            let chars = &n.prose.chars[paragraph.clone()];
            let mut faults = doubled(chars);
            for pair in PAIRS {
                faults.extend(unpaired(chars, pair, &p));
            }
            faults.sort_by_key(|(k, _)| *k);
            for (at, text) in faults {
                let start = paragraph.start + at;
                ctx.fail(text).in_prose(place(n, &paragraph, start..start + 1));
            }
        }
    }
}

/// `。。`, `，，`: one finding per run of a doubled mark.
fn doubled(chars: &[char]) -> Vec<(usize, Text)> {
    let mut out = Vec::new();
    let mut k = 1;
    while k < chars.len() {
        let c = chars[k];
        if MARKS.contains(&c) && chars[k - 1] == c {
            out.push((k - 1, Text::new(format!("标点“{c}{c}”重复"), format!("the mark {c} is doubled"))));
            while chars.get(k) == Some(&c) {
                k += 1;
            }
        }
        k += 1;
    }
    out
}

/// The first mark of `pair` left unpaired in the paragraph: a close before any open, or an
/// open never closed (a bracket may hold a quote and the reverse, so each kind counts alone).
/// A paragraph cut by a table row may have its other half across the table: that side is
/// not judged.
fn unpaired(chars: &[char], pair: &Pair, p: &Paragraph) -> Option<(usize, Text)> {
    let (open, close) = pair.printed;
    let name = pair.name_zh;
    let mut opened: Vec<usize> = Vec::new();
    for (k, c) in chars.iter().enumerate() {
        if *c == pair.open {
            opened.push(k);
        } else if *c == pair.close && opened.pop().is_none() {
            if !p.clean_start {
                continue;
            }
            let text = Text::new(
                format!("{name}“{close}”前没有对应的“{open}”"),
                format!("a closing {close} without its opening {open}"),
            );
            return Some((k, text));
        }
    }
    let k = *opened.first().filter(|_| p.clean_end)?;
    let text = Text::new(
        format!("{name}“{open}”在本段内没有对应的“{close}”"),
        format!("an opening {open} not closed within its paragraph"),
    );
    Some((k, text))
}

#[cfg(test)]
mod tests {
    use crate::{check_text, Report};

    fn lines(text: &str) -> Vec<usize> {
        let report: Report = check_text(text);
        report.findings.iter().filter(|f| f.rule == "TXT004").filter_map(|f| f.text.as_ref().map(|t| t.line)).collect()
    }

    #[test]
    fn doubled_marks_and_unpaired_halves_within_a_paragraph() {
        assert_eq!(lines("一、说明\n支出100万元。。用于“三公经费。\n二、其他\n办公室（组织)人事处）。"), [2, 2, 4]);
        assert!(lines("一、说明\n“三公”经费（含\n公务接待费）100万元，，\n").len() == 1);
    }

    #[test]
    fn a_half_across_a_table_row_is_not_judged() {
        assert!(lines("专项资金情况（\n合计\t100\n万元）\n").is_empty());
    }
}
