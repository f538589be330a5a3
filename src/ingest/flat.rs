//! Tables flattened onto one line: a .xls or .docx preview copied from a document site prints
//! every cell as a space-separated token, with no row or column boundaries left.
//!
//! Two shapes are read. A 项目支出绩效自评表 keeps its fund rows as `label n n n` and its
//! indicators as `… 分值 得分` pairs, so they can be rebuilt. A 收 | 支 summary (表1 部门收支总表)
//! interleaves the two halves' labels and numbers; it is read only when every number stands right
//! after its label, and otherwise named as not read with the number that could not be placed —
//! a number is never attached to a guessed row.

use super::{split_text, Block, Misalignment, Source};
use crate::amount::{read_cell, CellValue};
use rust_decimal::Decimal;

/// Fewest characters and tokens of a flattened table line.
const MIN_CHARS: usize = 400;
const MIN_TOKENS: usize = 60;

/// One very long line of many space-separated tokens, some of them numbers, with table words.
pub fn is_flat_line(line: &str) -> bool {
    if line.contains('\t') || line.contains('<') || line.chars().count() < MIN_CHARS {
        return false;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let numbers = tokens.iter().filter(|t| is_number(t)).count();
    let table_words = ["预算数", "合计", "总计", "指标", "单位:", "单位："].iter().any(|w| line.contains(w));
    tokens.len() >= MIN_TOKENS && numbers >= 5 && table_words
}

pub fn looks_flat(text: &str) -> bool {
    text.lines().any(is_flat_line)
}

fn is_number(token: &str) -> bool {
    matches!(read_cell(token).value, CellValue::Number(_))
}

fn number(token: &str) -> Option<Decimal> {
    match read_cell(token).value {
        CellValue::Number(d) => Some(d),
        _ => None,
    }
}

/// Blocks of a text holding flattened lines: the other lines as ordinary text, each flattened
/// 收 | 支 summary as a block (read, or marked as not read with the reason).
pub fn split_flat(source: &Source) -> Vec<Block> {
    let rest: Vec<&str> = source.text.lines().map(|l| if is_flat_line(l) { "" } else { l }).collect();
    let mut blocks = split_text(&Source { name: source.name.clone(), text: rest.join("\n") });
    for (index, line) in source.text.lines().enumerate() {
        if is_flat_line(line) {
            blocks.extend(summary_blocks(&source.name, index + 1, line));
        }
    }
    blocks.sort_by_key(|b| b.line);
    blocks
}

/// `表1`, `表1-1`, `表三`.
fn is_marker(token: &str) -> bool {
    token.strip_prefix('表').is_some_and(|n| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '-' || "一二三四五六七八九十".contains(c))
    })
}

/// Each `表N <title>` of a flattened line whose title names a 收支总 table, as a block.
fn summary_blocks(source: &str, line_no: usize, line: &str) -> Vec<Block> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let starts: Vec<usize> = (0..tokens.len()).filter(|&i| is_marker(tokens[i])).collect();
    let mut blocks = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(tokens.len());
        let Some(title) = tokens.get(start + 1).filter(|t| t.ends_with('表')) else { continue };
        if !title.contains("收支总") {
            continue;
        }
        let segment = tokens.get(start + 2..end).unwrap_or_default();
        let mut block = Block::new(source, line_no);
        block.marker = Some(tokens[start].to_string());
        block.title = Some(title.to_string());
        block.unit_caption = segment.iter().find(|t| t.starts_with("单位")).map(|t| t.to_string());
        block.misaligned = Some(summary_reason(line_no, segment));
        blocks.push(block);
    }
    blocks
}

/// A row label of a 收 | 支 summary: `一、一般公共预算拨款收入`, `二十九、事业单位结余分配`.
fn is_item_label(token: &str) -> bool {
    let numeral = token.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
    numeral > 0 && token.chars().nth(numeral) == Some('、')
}

/// Why a flattened summary is not split into rows: the first number that does not follow a
/// label (its neighbour is named), or, when all do, that the two halves cannot be paired.
fn summary_reason(line_no: usize, segment: &[&str]) -> Misalignment {
    let numbers = segment.iter().filter(|t| is_number(t)).count();
    let stray = (0..segment.len())
        .find(|&i| is_number(segment[i]) && i > 0 && !is_item_label(segment[i - 1]) && !is_spaced_total(&segment[..i]));
    match stray {
        Some(i) => Misalignment {
            line: line_no,
            detail_zh: format!(
                "一行展平的表格（{numbers} 个数字）：数字 {} 前面是“{}”而不是科目名称，无法可靠地对应到行，未检查",
                segment[i],
                segment[i - 1]
            ),
            detail_en: format!(
                "a table flattened onto one line ({numbers} numbers): {} follows \"{}\", not a row label, so it cannot be placed in a row reliably; not checked",
                segment[i],
                segment[i - 1]
            ),
        },
        None => Misalignment {
            line: line_no,
            detail_zh: format!("一行展平的收支表（{numbers} 个数字）：收入栏与支出栏交错，无法可靠地配成行，未检查"),
            detail_en: format!(
                "an income | expenditure table flattened onto one line ({numbers} numbers): the two halves are interleaved and cannot be paired into rows reliably; not checked"
            ),
        },
    }
}

/// `本 年 收 入 合 计` printed one character per token ends right before the number.
fn is_spaced_total(before: &[&str]) -> bool {
    let tail: String = before
        .iter()
        .rev()
        .take_while(|t| t.chars().count() == 1)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .copied()
        .collect();
    ["合计", "总计"].iter().any(|w| tail.ends_with(w))
}

/// A 项目支出绩效自评表 read from one flattened line.
#[derive(Debug, Clone, PartialEq)]
pub struct SelfEvaluation {
    pub source: String,
    pub line: usize,
    pub title: String,
    /// Column names of the fund rows: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.
    pub columns: Vec<String>,
    pub funds: Vec<FundRow>,
    pub groups: Vec<IndicatorGroup>,
    /// The line ends inside the form (a truncated excerpt): the last group named there.
    pub truncated_in: Option<String>,
}

/// `年度资金总额: 0 0 0 10 0 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct FundRow {
    /// The label as printed, colon and 其中 dropped: `年度资金总额`, `本年财政拨款`.
    pub label: String,
    /// Label and numbers as printed, for messages.
    pub quote: String,
    /// One per column, left to right; `None` where nothing was printed.
    pub values: Vec<Option<Decimal>>,
}

/// A 一级指标 `产出指标(50分)` and the 分值 of the indicators under it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorGroup {
    pub name: String,
    pub stated: Decimal,
    pub weights: Vec<Decimal>,
    pub scores: Vec<Decimal>,
    /// Another 一级指标 follows, so every indicator of this one was read.
    pub complete: bool,
}

const FUND_COLUMNS: &[&str] = &["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
const FUND_LABELS: &[&str] = &["年度资金总额", "本年财政拨款", "上年结转资金", "其他资金"];

/// Every 绩效自评表 printed on one flattened line of `source`.
pub fn self_evaluations(source: &Source) -> Vec<SelfEvaluation> {
    let mut out = Vec::new();
    for (index, line) in source.text.lines().enumerate() {
        if is_flat_line(line) && line.contains("自评表") && line.contains("年度资金总额") {
            out.extend(self_evaluation(&source.name, index + 1, line));
        }
    }
    out
}

fn fund_label(token: &str) -> Option<&'static str> {
    let plain = token.trim_end_matches([':', '：']);
    let plain = plain.strip_prefix("其中").map(|r| r.trim_start_matches([':', '：'])).unwrap_or(plain);
    FUND_LABELS.iter().copied().find(|l| *l == plain)
}

fn self_evaluation(source: &str, line_no: usize, line: &str) -> Option<SelfEvaluation> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let title = tokens.iter().find(|t| t.contains("自评表"))?.to_string();
    let first_col = tokens.iter().position(|t| *t == FUND_COLUMNS[0])?;
    let columns: Vec<String> =
        tokens[first_col..].iter().take_while(|t| FUND_COLUMNS.contains(t)).map(|t| t.to_string()).collect();
    let mut funds = Vec::new();
    let mut i = first_col + columns.len();
    while let Some(label) = tokens.get(i).and_then(|t| fund_label(t)) {
        let values: Vec<Decimal> = tokens[i + 1..].iter().map_while(|t| number(t)).collect();
        if values.len() > columns.len() {
            return None;
        }
        let printed = values.len();
        let quote = tokens[i..=i + printed].join(" ");
        let mut values: Vec<Option<Decimal>> = values.into_iter().map(Some).collect();
        values.resize(columns.len(), None);
        funds.push(FundRow { label: label.to_string(), quote, values });
        i += 1 + printed;
    }
    let (groups, truncated_in) = indicator_groups(&tokens[i..]);
    Some(SelfEvaluation { source: source.to_string(), line: line_no, title, columns, funds, groups, truncated_in })
}

/// `产出指标(50分)` → (`产出指标`, 50).
fn level_one(token: &str) -> Option<(String, Decimal)> {
    let folded = token.replace('（', "(").replace('）', ")");
    let (name, rest) = folded.split_once('(')?;
    let points = rest.strip_suffix("分)")?;
    (name.ends_with("指标") && !name.is_empty()).then(|| Some((name.to_string(), number(points)?))).flatten()
}

/// Groups the indicator tokens under their 一级指标. Within a group each run of numbers ends
/// with the indicator's 分值 and 得分 (a numeric 实际完成值 may come first).
fn indicator_groups(tokens: &[&str]) -> (Vec<IndicatorGroup>, Option<String>) {
    let mut groups: Vec<IndicatorGroup> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((name, stated)) = level_one(tokens[i]) {
            if let Some(last) = groups.last_mut() {
                last.complete = true;
            }
            groups.push(IndicatorGroup { name, stated, weights: Vec::new(), scores: Vec::new(), complete: false });
            i += 1;
            continue;
        }
        let run: Vec<Decimal> = tokens[i..].iter().map_while(|t| number(t)).collect();
        if let (Some(group), true) = (groups.last_mut(), run.len() >= 2) {
            group.weights.push(run[run.len() - 2]);
            group.scores.push(run[run.len() - 1]);
        }
        i += run.len().max(1);
    }
    let ends_with_total = tokens.iter().any(|t| t.starts_with("总分"));
    if let (Some(last), true) = (groups.last_mut(), ends_with_total) {
        last.complete = true;
    }
    let truncated_in = groups.last().filter(|g| !g.complete).map(|g| g.name.clone());
    (groups, truncated_in)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    fn long(text: &str) -> String {
        // Pads a short example to the length of a real flattened line.
        format!("{text} {}", "说明 ".repeat(200))
    }

    #[test]
    fn only_long_token_lines_with_table_words_are_flat() {
        assert!(!is_flat_line("基本支出预算 752418.26 元,占一般公共预算支出的"));
        assert!(!is_flat_line(&"合计\t1\t2\t3\t4\t5 ".repeat(100)));
        assert!(is_flat_line(&long("表1 部门收支总表 单位:万元 一、收入 1 2 3 4 5")));
    }

    #[test]
    fn fund_rows_and_indicator_groups_of_a_self_evaluation() {
        let line = long("项目支出绩效自评表 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 75 74.982 74.982 上年结转资金 其他资金 年度总体目标 绩效指标 产出指标(20分) 数量指标 数量 ≥30个 32 8 8 质量 合格 12 12 效益指标(30分) 社会效益 明显 达成 30 30 满意度指标(10分) 公众满");
        let forms = self_evaluations(&Source { name: "s".into(), text: format!("head\n{line}") });
        assert_eq!(forms.len(), 1);
        let f = &forms[0];
        assert_eq!(f.line, 2);
        assert_eq!(f.columns.len(), 6);
        let labels: Vec<&str> = f.funds.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["年度资金总额", "本年财政拨款", "上年结转资金", "其他资金"]);
        assert_eq!(f.funds[0].quote, "年度资金总额: 0 0 0 10 0 0");
        assert_eq!(f.funds[1].values[..4], [Some(d("75")), Some(d("74.982")), Some(d("74.982")), None]);
        assert_eq!(f.funds[2].values, vec![None; 6]);
        assert_eq!(f.groups[0].weights, [d("8"), d("12")]);
        assert!(f.groups[0].complete && f.groups[1].complete && !f.groups[2].complete);
        assert_eq!(f.truncated_in.as_deref(), Some("满意度指标"));
    }

    #[test]
    fn a_number_after_a_header_word_is_named_as_the_reason() {
        let segment =
            ["单位:万元", "一、一般公共预算拨款收入", "15,382.47", "六、科学技术支出", "2020年预算数", "11,936.20"];
        let reason = summary_reason(13, &segment);
        assert!(reason.detail_zh.contains("数字 11,936.20 前面是“2020年预算数”"), "{}", reason.detail_zh);
        let spaced = ["本", "年", "收", "入", "合", "计", "15,382.47"];
        assert!(summary_reason(1, &spaced).detail_zh.contains("无法可靠地配成行"));
    }
}
