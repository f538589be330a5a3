//! The reviewer's checklist (公开情况检查表) a 财政局 fills in by hand for each disclosure: for each
//! part — 封面, 目录, 情况说明, the set's tables one by one, 其他说明 — whether it meets the
//! requirements and the problems found there. A part the input does not show is left to the
//! reviewer (待人工核对), never passed.

use crate::batch::Cell;
use crate::export::md_cell;
use crate::outline::Mark;
use crate::report::{Finding, Report, Severity, Text};
use crate::table::{Table, TableKind, TableSet};
use crate::tolerance::Agreement;

/// 符合要求: yes, no, or not shown by the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Meets,
    Fails,
    ByHand,
}

impl Verdict {
    pub fn label_zh(self) -> &'static str {
        match self {
            Verdict::Meets => "是",
            Verdict::Fails => "否",
            Verdict::ByHand => "待人工核对",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Verdict::Meets => "yes",
            Verdict::Fails => "no",
            Verdict::ByHand => "check by hand",
        }
    }
}

/// One line of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub part: Text,
    pub verdict: Verdict,
    /// What the checker saw of the part: where it is, what was read.
    pub seen: Text,
    pub problems: Vec<Text>,
}

impl Item {
    /// A part judged by its problems: 是 without any, 否 with some.
    fn judged(part: Text, seen: Text, problems: Vec<Text>) -> Item {
        let verdict = if problems.is_empty() { Verdict::Meets } else { Verdict::Fails };
        Item { part, verdict, seen, problems }
    }

    fn by_hand(part: Text, seen: Text, problems: Vec<Text>) -> Item {
        Item { part, verdict: Verdict::ByHand, seen, problems }
    }
}

/// The form's lines, in the order of a disclosure.
pub fn items(report: &Report) -> Vec<Item> {
    let outline = &report.outline;
    let in_other = |f: &&Finding| f.text.as_ref().is_some_and(|t| outline.in_other(&t.source, t.line));
    let prose: Vec<&Finding> = report.findings.iter().filter(|f| f.table.is_none() && f.text.is_some()).collect();
    let (other, explanation): (Vec<&Finding>, Vec<&Finding>) = prose.into_iter().partition(in_other);
    let whole: Vec<&Finding> = report.findings.iter().filter(|f| f.table.is_none() && f.text.is_none()).collect();
    let set = TableSet::of(&report.tables);
    let mut items = vec![
        found_or_by_hand(
            Text::new("封面", "Cover"),
            &outline.cover,
            "未找到含年度和“预算/决算”的标题",
            "no title naming a year and 预算/决算 found",
        ),
        found_or_by_hand(Text::new("目录", "Contents"), &outline.contents, "未找到“目录”", "no 目录 found"),
        prose_part(report, Text::new("情况说明", "Explanation"), outline.explanation.as_ref(), &explanation),
        table_set(report, set, &whole),
    ];
    items.extend(table_items(report, set));
    items.push(prose_part(
        report,
        Text::new("其他说明（名词解释等）", "Other notes (glossary)"),
        outline.other.as_ref(),
        &other,
    ));
    items
}

/// A part that is only looked for: 是 where it was found, for the reviewer where not.
fn found_or_by_hand(part: Text, mark: &Option<Mark>, missing_zh: &str, missing_en: &str) -> Item {
    match mark {
        Some(mark) => Item::judged(part, seen_at(mark), Vec::new()),
        None => Item::by_hand(part, Text::new(missing_zh, missing_en), Vec::new()),
    }
}

fn seen_at(mark: &Mark) -> Text {
    Text::new(mark.describe(), format!("line {} “{}”", mark.line, mark.text))
}

/// A part of prose judged by the findings in it; without its start found, for the reviewer.
fn prose_part(report: &Report, part: Text, start: Option<&Mark>, findings: &[&Finding]) -> Item {
    let problems = problems(report, findings.iter().copied());
    match start {
        Some(mark) => Item::judged(part, seen_at(mark), problems),
        None => Item::by_hand(part, Text::new("输入中未见此部分", "not found in the input"), problems),
    }
}

/// The set the titles belong to and whether all its tables are there; findings about the
/// document as a whole (a gap in the numbering) are its problems.
fn table_set(report: &Report, set: Option<&TableSet>, whole: &[&Finding]) -> Item {
    let part = Text::new("公开表格齐全", "Tables complete");
    let problems = problems(report, whole.iter().copied());
    if let Some(why) = &report.nothing_read {
        return Item::by_hand(part, why.message.clone(), problems);
    }
    let Some(set) = set else {
        let seen = Text::new("未能识别所属套表", "the disclosure set was not recognised");
        return Item::by_hand(part, seen, problems);
    };
    let mut seen = Text::new(format!("识别为{}", set.zh), format!("recognised as the {}", set.en));
    let absent: Vec<&str> =
        set.tables.iter().filter(|(kind, _)| !present(report, *kind)).map(|(_, name)| *name).collect();
    if absent.is_empty() {
        return Item::judged(part, seen, problems);
    }
    // Sets differ between regions and years: a table of the set not found is the reviewer's to
    // judge, a gap in the printed numbering (SET001) is a problem.
    seen.zh.push_str(&format!("；未见：{}", absent.join("、")));
    seen.en.push_str(&format!("; not found: {}", absent.join(", ")));
    let verdict = if problems.is_empty() { Verdict::ByHand } else { Verdict::Fails };
    Item { part, verdict, seen, problems }
}

/// Whether a table of `kind` was read, or its title found.
fn present(report: &Report, kind: TableKind) -> bool {
    report.tables.iter().any(|t| t.kind == kind) || unread_of(report, kind).is_some()
}

fn unread_of(report: &Report, kind: TableKind) -> Option<&crate::table::Unrecognised> {
    report.unrecognised.iter().find(|u| TableKind::from_title(&u.title) == kind)
}

/// One line per table of the set (in the set's order), then one per other kind of table read
/// (in the order printed); a kind of table printed several times (项目绩效目标表) is one line.
fn table_items(report: &Report, set: Option<&TableSet>) -> Vec<Item> {
    let mut items: Vec<Item> =
        set.map_or(&[][..], |s| s.tables).iter().map(|(kind, name)| set_table(report, *kind, name)).collect();
    let in_set = |kind: TableKind| set.is_some_and(|s| s.tables.iter().any(|(k, _)| *k == kind));
    let mut done: Vec<TableKind> = Vec::new();
    for table in report.tables.iter().filter(|t| !in_set(t.kind)) {
        if table.kind != TableKind::Unknown && done.contains(&table.kind) {
            continue;
        }
        done.push(table.kind);
        let group: Vec<&Table> = if table.kind == TableKind::Unknown {
            vec![table]
        } else {
            report.tables.iter().filter(|t| t.kind == table.kind).collect()
        };
        items.push(read_tables(report, Text::new(table.title.clone(), table.title.clone()), &group));
    }
    items
}

/// A table of the set: read, found but not read, or absent.
fn set_table(report: &Report, kind: TableKind, name: &str) -> Item {
    let part = Text::new(name, name);
    let tables: Vec<&Table> = report.tables.iter().filter(|t| t.kind == kind).collect();
    if !tables.is_empty() {
        return read_tables(report, part, &tables);
    }
    if let Some(block) = unread_of(report, kind) {
        let seen = Text::new(
            format!("第 {} 行找到标题，表格内容未能读出：{}", block.line, block.reason_zh),
            format!("title found at line {}, its rows not read: {}", block.line, block.reason_en),
        );
        return Item::by_hand(part, seen, Vec::new());
    }
    let seen = if TableSet::is_conditional(kind) {
        Text::new(
            "未见此表；此表按情况公开，请核对说明中是否写明无此项收支",
            "not found; published only where there is such spending: check the narrative says so",
        )
    } else {
        Text::new("未见此表，请核对是否应公开", "not found: check whether it should be published")
    };
    Item::by_hand(part, seen, Vec::new())
}

/// How many tables of one line are named; the rest are counted.
const MAX_NAMED: usize = 3;

/// Tables read: where they are and how much was read, their problems and rounding differences.
fn read_tables(report: &Report, part: Text, tables: &[&Table]) -> Item {
    let findings =
        report.findings.iter().filter(|f| f.table.is_some_and(|t| tables.iter().any(|table| table.index == t)));
    let findings: Vec<&Finding> = findings.collect();
    let rounding = findings.iter().filter(|f| f.agreement == Some(Agreement::Rounding)).count();
    let mut names: Vec<String> =
        tables.iter().take(MAX_NAMED).map(|t| format!("{}（第 {} 行）", t.short_name(), t.line)).collect();
    if tables.len() > MAX_NAMED {
        names.push(format!("共 {} 张", tables.len()));
    }
    let rows: usize = tables.iter().map(|t| t.rows.len().saturating_sub(t.header_rows)).sum();
    let mut seen = match rows {
        0 => Text::new(
            format!("读出 {}，无数据行", names.join("、")),
            format!("read {}, no rows of figures", names.join(", ")),
        ),
        _ => Text::new(
            format!("读出 {}，{rows} 行", names.join("、")),
            format!("read {}, {rows} rows", names.join(", ")),
        ),
    };
    if rounding > 0 {
        seen.zh.push_str(&format!("；{rounding} 处舍入差异（在允许范围内）"));
        seen.en.push_str(&format!("; {rounding} rounding differences (allowed)"));
    }
    Item::judged(part, seen, problems(report, findings.into_iter()))
}

/// The findings that are problems (errors and warnings other than rounding), each with its
/// place and, for a likely cause, how many relations it explains.
fn problems<'a>(report: &Report, findings: impl Iterator<Item = &'a Finding>) -> Vec<Text> {
    let is_problem = |f: &&Finding| f.severity != Severity::Info && f.agreement != Some(Agreement::Rounding);
    findings.filter(is_problem).map(|f| problem(report, f)).collect()
}

fn problem(report: &Report, f: &Finding) -> Text {
    let mut zh = format!("{}：{}", report.place_zh(f), f.message.zh);
    let mut en = format!("{}: {}", place_en(report, f), f.message.en);
    // The figures, where the message does not already say them.
    let unsaid = f.printed.filter(|p| !f.message.zh.contains(&p.to_string()));
    if let (Some(p), Some(c), Some(d)) = (unsaid, f.computed, f.difference) {
        zh.push_str(&format!("（填报 {p}，计算 {c}，差额 {d}）"));
        en.push_str(&format!(" (printed {p}, computed {c}, difference {d})"));
    }
    // The relations a likely cause explains are listed under it elsewhere; here by their places.
    if !f.explains.is_empty() {
        let zh_places: Vec<String> = f.explains.iter().map(|e| report.place_zh(e)).collect();
        let en_places: Vec<String> = f.explains.iter().map(|e| place_en(report, e)).collect();
        zh.push_str(&format!("；所涉勾稽关系：{}", zh_places.join("、")));
        en.push_str(&format!("; the relations: {}", en_places.join(", ")));
    }
    Text::new(zh, en)
}

fn place_en(report: &Report, f: &Finding) -> String {
    match (&f.cell, f.table) {
        (Some(cell), Some(t)) => format!("{} {}", report.table_name(t), cell.a1),
        (None, Some(t)) => report.table_name(t),
        _ => f.text.as_ref().map_or_else(|| "document".to_string(), |t| t.describe_en()),
    }
}

/// The form's columns, in Chinese and in English.
const COLUMNS: [[&str; 5]; 2] = [
    ["序号", "检查项目", "符合要求", "检查情况", "发现的问题"],
    ["No.", "Part", "Meets requirements", "Seen", "Problems"],
];

/// The language of an exported form: the page's, Chinese on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    fn pick(self, text: &Text) -> String {
        match self {
            Lang::Zh => text.zh.clone(),
            Lang::En => text.en.clone(),
        }
    }

    fn verdict(self, verdict: Verdict) -> &'static str {
        match self {
            Lang::Zh => verdict.label_zh(),
            Lang::En => verdict.label_en(),
        }
    }

    fn columns(self) -> [&'static str; 5] {
        COLUMNS[usize::from(self == Lang::En)]
    }

    fn title(self) -> &'static str {
        match self {
            Lang::Zh => "预算公开检查表",
            Lang::En => "Disclosure review form",
        }
    }
}

/// The problems of one part as lines `1）…`, so several stay apart in one cell.
fn numbered(item: &Item, lang: Lang) -> Vec<String> {
    item.problems.iter().enumerate().map(|(k, p)| format!("{}）{}", k + 1, lang.pick(p))).collect()
}

/// The form as Markdown: a title naming the document, then one table row per part.
pub fn to_markdown(report: &Report, source: &str, lang: Lang) -> String {
    let summary = if lang == Lang::Zh { report.summary_zh() } else { report.summary_en() };
    let mut out = format!(
        "# {}

{}

{summary}

",
        lang.title(),
        md_cell(source)
    );
    out.push_str(&format!("| {} |\n|---|---|---|---|---|\n", lang.columns().join(" | ")));
    for (k, item) in items(report).iter().enumerate() {
        let problems: Vec<String> = numbered(item, lang).iter().map(|p| md_cell(p)).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            k + 1,
            md_cell(&lang.pick(&item.part)),
            lang.verdict(item.verdict),
            md_cell(&lang.pick(&item.seen)),
            problems.join("<br>")
        ));
    }
    out
}

/// The form's rows for a workbook, one per part; with `source`, a first column names the file
/// (a district's forms in one sheet).
pub fn rows(report: &Report, source: Option<&str>, lang: Lang) -> Vec<Vec<Cell>> {
    let lead = |cells: Vec<Cell>| source.map(|s| Cell::Text(s.to_string())).into_iter().chain(cells).collect();
    let row = |(k, item): (usize, Item)| {
        lead(vec![
            Cell::Number(k + 1),
            Cell::Text(lang.pick(&item.part)),
            Cell::Text(lang.verdict(item.verdict).to_string()),
            Cell::Text(lang.pick(&item.seen)),
            Cell::Text(numbered(&item, lang).join("\n")),
        ])
    };
    items(report).into_iter().enumerate().map(row).collect()
}

/// The header row of [`rows`].
pub fn header(with_source: bool, lang: Lang) -> Vec<Cell> {
    let file = with_source.then_some(if lang == Lang::Zh { "文件" } else { "File" });
    file.into_iter().chain(lang.columns()).map(|c| Cell::Text(c.to_string())).collect()
}

/// The name a form gives its document in the page: the file the tables came from (a paste is
/// 粘贴内容).
pub fn source_name(report: &Report) -> String {
    report.tables.first().map(|t| t.source.clone()).unwrap_or_default()
}

/// One document's form as an .xlsx workbook: its title, the summary, then the form.
pub fn to_xlsx(report: &Report, source: &str, lang: Lang) -> Vec<u8> {
    let summary = if lang == Lang::Zh { report.summary_zh() } else { report.summary_en() };
    let mut sheet = vec![
        vec![Cell::Text(format!("{}：{source}", lang.title()))],
        vec![Cell::Text(summary)],
        Vec::new(),
        header(false, lang),
    ];
    sheet.extend(rows(report, None, lang));
    crate::xlsx::workbook(lang.title(), &sheet)
}
