//! A subject named in the prose with its code — `医疗卫生与计划生育支出（210类）`,
//! `行政运行（2010801）` — carries the name the tables give that code, or, where no table
//! lists it, one of the classification's names (older names included).

use super::super::names::{known, normalise};
use super::super::{Ctx, Explanation, Rule};
use super::{paragraphs, place, Paragraph};
use crate::report::{Severity, Text};
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "TXT003",
    name_zh: "说明中科目名称",
    name_en: "Subject names in the narrative",
    severity: Severity::Warning,
    explanation: Explanation {
        what_zh: "情况说明中带编码的科目名称（“卫生健康支出（210类）”“行政运行（2010801）”）应与表格中该编码的名称一致；表格中没有该编码时，按《政府收支分类科目》（含历年旧称）核对。名称包含正确名称（或为其一部分）即可；未收录的编码不作判断。",
        why_zh: "说明文字常沿用往年模板，科目改名（如“医疗卫生与计划生育支出”改为“卫生健康支出”）后未同步，与表格对不上。",
        fix_zh: "按表格（当年《政府收支分类科目》）改正说明中的科目名称或编码。",
        what_en: "A subject named in the narrative with its code (“卫生健康支出（210类）”, “行政运行（2010801）”) carries the name the tables give that code, or, where no table lists it, one of the classification's names (older names included). A name containing the right one, or part of it, is accepted; unknown codes are not judged.",
        why_en: "Narratives are copied from last year's template; a renamed subject (医疗卫生与计划生育支出 → 卫生健康支出) is left with its old name and no longer matches the tables.",
        fix_en: "Correct the name or the code in the narrative from the tables (that year's classification).",
    },
    run: code_names,
};

/// Where the name before a bracketed code starts.
const NAME_STARTS: &[char] = &['，', ',', '。', '；', ';', '：', ':', '、', '“', '”', '"', ')'];

fn code_names(ctx: &mut Ctx) {
    let doc = ctx.doc;
    let tables = table_names(ctx);
    for n in &doc.narratives {
        for Paragraph { range, .. } in paragraphs(&n.prose) {
            let chars = &n.prose.chars[range.clone()];
            for (open, code, len) in codes(chars) {
                let start = chars[..open].iter().rposition(|c| NAME_STARTS.contains(c)).map_or(0, |k| k + 1);
                let phrase: String = chars[start..open].iter().collect();
                let printed = strip_item_number(phrase.trim());
                let name = normalise(printed);
                let (names, from_tables) = match tables.get(code.as_str()) {
                    Some(names) => (names.clone(), true),
                    None => match known().get(code.as_str()) {
                        Some(names) => (names.clone(), false),
                        None => continue,
                    },
                };
                if name.chars().count() < 2 {
                    continue;
                }
                let fits = names.iter().any(|n| n.contains(&name) || name.contains(n.as_str()));
                let source = if from_tables { "表格中" } else { "《政府收支分类科目》中" };
                let expected = names.join("”或“");
                let failure = (!fits).then(|| {
                    Text::new(
                        format!("科目 {code} 在说明中称“{printed}”，{source}为“{expected}”"),
                        format!(
                            "subject {code} is called {printed:?} here, {expected:?} in the {}",
                            if from_tables { "tables" } else { "classification" }
                        ),
                    )
                });
                if let Some(draft) = ctx.check(failure) {
                    let at = range.start + start;
                    draft.in_prose(place(n, &range, at..range.start + open + len));
                }
            }
        }
    }
}

/// The names each code carries in the tables (normalised), for codes the tables list.
fn table_names(ctx: &Ctx) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for table in ctx.tables().iter().filter(|t| !t.kind.is_performance()) {
        for (code_col, amount_cols) in table.halves() {
            let end = amount_cols.first().copied().unwrap_or(table.columns.len());
            let Some(name_col) = (code_col + 1..end).find(|&c| table.columns[c].role == crate::table::ColumnRole::Name)
            else {
                continue;
            };
            for row in table.data_rows() {
                let Some(code) = table.code_at(row, code_col) else { continue };
                let name = normalise(table.text(row, name_col));
                let names = out.entry(code.as_str().to_string()).or_default();
                if !name.is_empty() && !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    out.retain(|_, names| !names.is_empty());
    out
}

/// `(210类)`, `(2010801)`, `(21011款)`: a bracket holding a 3-, 5- or 7-digit code and at most
/// the level word that fits its length. (offset of the bracket, code, length of the bracket)
fn codes(chars: &[char]) -> Vec<(usize, String, usize)> {
    let mut out = Vec::new();
    for (k, c) in chars.iter().enumerate() {
        if *c != '(' {
            continue;
        }
        let Some(close) = chars[k + 1..].iter().take(10).position(|c| *c == ')') else { continue };
        let inside: String = chars[k + 1..k + 1 + close].iter().filter(|c| !c.is_whitespace()).collect();
        let digits: String = inside.chars().take_while(char::is_ascii_digit).collect();
        let level = &inside[digits.len()..];
        let fits = match digits.len() {
            3 => level.is_empty() || level == "类",
            5 => level.is_empty() || level == "款",
            7 => level.is_empty() || level == "项",
            _ => false,
        };
        if fits {
            out.push((k, digits, close + 2));
        }
    }
    out
}

/// Drops `1.`, `(1)`, `（一）` before a name.
fn strip_item_number(text: &str) -> &str {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = text[digits..].strip_prefix(['.', '、', '．']) {
            return rest;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_text;

    #[test]
    fn bracketed_codes_of_each_level() {
        let chars: Vec<char> = "卫生健康支出(210类)、(21011款)(2101101)(2024)(210项)(301)".chars().collect();
        let found: Vec<String> = codes(&chars).into_iter().map(|(_, code, _)| code).collect();
        assert_eq!(found, ["210", "21011", "2101101", "301"]);
    }

    #[test]
    fn without_tables_the_classification_and_its_older_names_decide() {
        let warned = |text: &str| check_text(text).findings.iter().filter(|f| f.rule == "TXT003").count();
        assert_eq!(warned("一、说明\n1.教育支出（210类）10万元。\n"), 1);
        assert_eq!(warned("一、说明\n1.医疗卫生与计划生育支出（210类）10万元，主要用于行政单位医疗（2101101）。\n"), 0);
        assert_eq!(warned("一、说明\n1.某某专项（2999999）10万元。\n"), 0);
    }
}
