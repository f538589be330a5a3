//! Template text left in a published 情况说明: the choice the template offered (增加（减少）),
//! a placeholder (XX, ××, 某某), a reason or an amount never filled in, a share without its %.

use super::super::{Ctx, Explanation, Rule};
use super::{paragraphs, place, Paragraph};
use crate::narrative::year_in;
use crate::report::{Severity, Text};

pub const RULE: Rule = Rule {
    code: "TXT001",
    name_zh: "模板残留",
    name_en: "Template leftovers",
    severity: Severity::Warning,
    explanation: Explanation {
        what_zh: "情况说明中残留模板文字：未选定的“增加（减少）”“（增加/减少）”，占位符 XX、××、某某，空着的“主要原因是。”“（）万元”，没有 % 的占比“占76.23”，以及与上年比较的句子写的年份既非本年也非上年（2026 年预算中的“2023年…比上年增加”）。",
        why_zh: "说明文字多由模板改写，漏改的占位符和二选一的字样会原样公开，读者无从知道实际情况。",
        fix_zh: "按实际情况选定用词、填入名称、金额、原因或百分号。",
        what_en: "Template text left in the narrative: an unchosen 增加（减少）/（增加/减少）, placeholders XX, ××, 某某, an empty 主要原因是。 or （）万元, a share printed without its % (占76.23), and a sentence comparing with 上年 whose year is neither the disclosure's nor the one before (2023年…比上年 in a 2026 budget).",
        why_en: "Narratives are written over a template; placeholders and either-or wording left in are published as they are and tell the reader nothing.",
        fix_en: "Choose the word, fill in the name, amount or reason, or add the %.",
    },
    run: leftovers,
};

/// Either-or wording a template offers, after full-width brackets became ASCII ones.
const CHOICES: &[&str] = &[
    "增加(减少)",
    "减少(增加)",
    "增长(下降)",
    "下降(增长)",
    "(增加/减少)",
    "(减少/增加)",
    "增加/减少",
    "增长/下降",
    "增(减)",
    "上升(下降)",
];

/// Placeholders for a name or an amount.
const PLACEHOLDERS: &[&str] = &["××", "ＸＸ", "某某"];

/// `主要原因是` with nothing after it: these words, then the sentence ends.
const REASONS: &[&str] = &["原因是", "原因为", "原因:", "原因：", "原因是:", "原因是：", "原因为："];

fn leftovers(ctx: &mut Ctx) {
    let doc = ctx.doc;
    // The disclosure's own year, from its cover's title: without it no year is judged.
    let year = doc.outline.cover.as_ref().and_then(|cover| year_in(&cover.text));
    for n in &doc.narratives {
        for Paragraph { range: paragraph, .. } in paragraphs(&n.prose) {
            let chars = &n.prose.chars[paragraph.clone()];
            let mut leftovers = found(chars);
            leftovers.extend(year.map(|year| stale_years(chars, year)).unwrap_or_default());
            for (at, len, what) in leftovers {
                let start = paragraph.start + at;
                let text = Text::new(
                    format!("模板残留：{what}，应按实际情况填写"),
                    format!("template text left in: {what}; fill in what it stands for"),
                );
                ctx.fail(text).in_prose(place(n, &paragraph, start..start + len));
            }
        }
    }
}

/// Each leftover in one paragraph: (offset, length, what it is).
fn found(chars: &[char]) -> Vec<(usize, usize, String)> {
    let text: String = chars.iter().collect();
    let offset = |byte: usize| text[..byte].chars().count();
    let mut out = Vec::new();
    for choice in CHOICES {
        for (byte, _) in text.match_indices(choice) {
            out.push((offset(byte), choice.chars().count(), format!("二选一的“{choice}”")));
        }
    }
    for holder in PLACEHOLDERS {
        for (byte, _) in text.match_indices(holder) {
            out.push((offset(byte), holder.chars().count(), format!("占位符“{holder}”")));
        }
    }
    out.extend(latin_placeholders(chars));
    out.extend(empty_reasons(&text).into_iter().map(|(k, l)| (k, l, "原因未填写".to_string())));
    out.extend(empty_brackets(chars));
    out.extend(shares_without_percent(chars));
    out.sort_by_key(|(k, _, _)| *k);
    // `×× 某某` overlapping another pattern is one leftover.
    out.dedup_by(|later, earlier| later.0 < earlier.0 + earlier.1);
    out
}

/// `XX` standing alone (not part of a Latin word such as XXL).
fn latin_placeholders(chars: &[char]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let run = chars[k..].iter().take_while(|c| **c == 'X').count();
        if run == 0 {
            k += 1;
            continue;
        }
        let before = k.checked_sub(1).and_then(|b| chars.get(b)).is_some_and(char::is_ascii_alphanumeric);
        let after = chars.get(k + run).is_some_and(char::is_ascii_alphanumeric);
        if run >= 2 && !before && !after {
            out.push((k, run, format!("占位符“{}”", "X".repeat(run))));
        }
        k += run;
    }
    out
}

/// `主要原因是。`: the reason words followed by the end of the sentence.
fn empty_reasons(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for reason in REASONS {
        for (byte, _) in text.match_indices(reason) {
            let rest = text[byte + reason.len()..].trim_start();
            // At the paragraph's end the reason may go on in a table below: only a full stop
            // right after the words says it was left out.
            let ends = rest.starts_with(['。', '；', ';']);
            // `原因是：` is also matched as `原因是`: keep the longer one only.
            let longer = rest.starts_with([':', '：']);
            if ends && !longer {
                let at = text[..byte].chars().count();
                out.push((at, reason.chars().count()));
            }
        }
    }
    out
}

/// `()万元`, `（ ）`: brackets with nothing between them.
fn empty_brackets(chars: &[char]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (k, c) in chars.iter().enumerate() {
        if *c != '(' {
            continue;
        }
        let inside = chars[k + 1..].iter().take_while(|c| **c == ' ').count();
        if chars.get(k + 1 + inside) == Some(&')') {
            out.push((k, inside + 2, "空括号“（）”".to_string()));
        }
    }
    out
}

/// `占76.23，`: a share whose number ends the clause without `%`.
fn shares_without_percent(chars: &[char]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (k, c) in chars.iter().enumerate() {
        if *c != '占' {
            continue;
        }
        let spaces = chars[k + 1..].iter().take_while(|c| **c == ' ').count();
        let start = k + 1 + spaces;
        let digits = chars[start..].iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
        let next = chars[start + digits..].iter().find(|c| **c != ' ');
        let ends_clause = next.is_none_or(|c| "，。；、,;".contains(*c));
        if digits > 0 && chars[start].is_ascii_digit() && ends_clause {
            let number: String = chars[start..start + digits].iter().collect();
            out.push((k, 1 + spaces + digits, format!("占比“占{number}”缺少 %")));
        }
    }
    out
}

/// Words comparing a sentence's figure with last year's.
const LAST_YEAR: &[&str] = &["比上年", "较上年", "与上年", "同上年"];

/// `2023年…比上年增加` in a 2026 disclosure: the year a sentence compares with 上年 is neither
/// the disclosure's nor the one before — last year's text left in.
fn stale_years(chars: &[char], year: u16) -> Vec<(usize, usize, String)> {
    let text: String = chars.iter().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for sentence in text.split_inclusive(['。', '；', ';']) {
        let comparison = LAST_YEAR.iter().filter_map(|w| sentence.find(w)).min();
        if let Some(before) = comparison.and_then(|at| sentence_year(&sentence[..at])) {
            let (at, stated) = before;
            if stated != year && stated + 1 != year {
                let at = start + sentence[..at].chars().count();
                out.push((at, 5, format!("与上年比较的“{stated}年”既非本年（{year}年）也非上年")));
            }
        }
        start += sentence.chars().count();
    }
    out
}

/// The first `YYYY年` of a sentence's text: its offset in bytes and the year.
fn sentence_year(text: &str) -> Option<(usize, u16)> {
    let year = year_in(text)?;
    Some((text.find(&format!("{year}年"))?, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> Vec<String> {
        found(&text.chars().collect::<Vec<_>>()).into_iter().map(|(_, _, w)| w).collect()
    }

    #[test]
    fn each_kind_of_leftover_is_named_once() {
        assert_eq!(what("支出增加(减少)5万元。"), ["二选一的“增加(减少)”"]);
        assert_eq!(what("收入(增加/减少)5万元。"), ["二选一的“(增加/减少)”"]);
        assert_eq!(what("XX单位安排××万元，某某项目。"), ["占位符“XX”", "占位符“××”", "占位符“某某”"]);
        assert_eq!(what("持平，主要原因是。其中：主要原因：；"), ["原因未填写", "原因未填写"]);
        assert_eq!(what("安排( )万元，占76.23，"), ["空括号“（）”", "占比“占76.23”缺少 %"]);
    }

    #[test]
    fn a_comparison_with_last_year_in_another_years_sentence() {
        let stale = |text: &str| {
            stale_years(&text.chars().collect::<Vec<_>>(), 2026).into_iter().map(|(k, _, w)| (k, w)).collect::<Vec<_>>()
        };
        let found = stale("收入100万元。2023年支出50万元，比上年增加5万元。");
        assert_eq!(found, [(8, "与上年比较的“2023年”既非本年（2026年）也非上年".to_string())]);
        for fine in
            ["2026年支出50万元，比上年增加5万元。", "2025年执行数40万元，较上年持平。", "比上年增加，因2023年政策。"]
        {
            assert!(stale(fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn filled_in_text_is_no_leftover() {
        for text in
            ["主要原因是人员增加。", "XXL 型号", "占76.23%。", "占2026年预算的", "原因是：\u{1}1. 人员", "(1)工资"]
        {
            assert!(what(text).is_empty(), "{text}");
        }
    }
}
