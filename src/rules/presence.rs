//! Whether what should be there is there: empty tables carry a note, the set's standard tables
//! are present, and amount cells hold amounts.

use super::{Ctx, Explanation, Rule};
use crate::amount::CellValue;
use crate::document::Document;
use crate::narrative::{Scope, Statement, Subject, Term};
use crate::report::{Severity, Text};
use crate::table::{Table, TableKind, TableSet};
use std::collections::HashSet;

pub const RULES: &[Rule] = &[
    Rule {
        code: "EMP001",
        name_zh: "空表说明",
        name_en: "Empty table explained",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "没有数据的表必须附说明（如“本单位无政府性基金收支，故此表无数据”）。",
            why_zh: "空表未说明是财政部检查通报的典型问题：读者无法判断是无此收支还是漏填。",
            fix_zh: "在表下注明无数据的原因。",
            what_en: "A table without figures must say why (e.g. \"no government-fund income or spending\").",
            why_en: "An unexplained empty table cannot be told apart from a table left unfilled.",
            fix_en: "Add a note under the table saying why it is empty.",
        },
        run: empty_tables_explained,
    },
    Rule {
        code: "SET001",
        name_zh: "公开表齐全",
        name_en: "Standard tables present",
        severity: Severity::Warning,
        explanation: Explanation {
            what_zh: "按表号检查是否缺表：表号不连续即提示；重庆区县预算的表九（国有资本经营或政府采购）按情况公开，不作要求。",
            why_zh: "“缺表”是公开检查的常见问题；条件性表格缺失则属正常。",
            fix_zh: "补齐缺失的表，或在说明中写明不公开的原因。",
            what_en: "Checks the printed table numbers for gaps; the conditional 表九 of the Chongqing district set is not required.",
            why_en: "Missing tables are a common inspection finding; conditional tables may legitimately be absent.",
            fix_en: "Add the missing table, or explain why it is not published.",
        },
        run: standard_tables_present,
    },
    Rule {
        code: "SET002",
        name_zh: "套表识别",
        name_en: "Table set",
        severity: Severity::Info,
        explanation: Explanation {
            what_zh: "按标题识别文件所属的公开套表（全国统一决算 9 表、上海预算 9 表、重庆市级预算 12 表、江苏省级预算 12 表、重庆区县预算表一至表十），列出该套表中未见的表。",
            why_zh: "各地套表的表名、表号不同，先认准套表才能判断缺了哪张表；条件性表格（如政府采购、国有资本经营）缺少时也在此列出，由审核人判断。",
            fix_zh: "补齐未见的表，或在说明中写明不公开的原因；若套表识别有误，请检查表名是否完整。",
            what_en: "Names the disclosure set the titles belong to (national 决算 9 tables, Shanghai 预算 9, Chongqing municipal 12, Jiangsu provincial 12, Chongqing district 表一–表十) and lists the set's tables not found.",
            why_en: "Sets differ in titles and numbering; only against the right set can a missing table be named.",
            fix_en: "Add the tables not found, or explain why they are not published; check the titles if the set is misidentified.",
        },
        run: set_detected,
    },
    Rule {
        code: "NUM001",
        name_zh: "金额单元格",
        name_en: "Amount cells",
        severity: Severity::Info,
        explanation: Explanation {
            what_zh: "金额列中出现的文字（如“单位不需填列”）或无法识别的数字按空值处理，并在此列出。",
            why_zh: "文字或格式错误的数字不参与求和，可能掩盖漏填。",
            fix_zh: "确认该单元格确实无金额；数字格式错误的（如千位分隔符位置不对）请改正。",
            what_en: "Text (e.g. 单位不需填列) or unreadable numbers in amount columns count as empty and are listed here.",
            why_en: "Such cells take no part in sums and may hide a missing figure.",
            fix_en: "Confirm the cell has no amount, or correct a malformed number.",
        },
        run: amount_cells,
    },
];

fn explained(table: &Table) -> Option<String> {
    let cells = table.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.text.clone()));
    table.notes.iter().cloned().chain(cells).find(|t| {
        (t.contains('无') || t.contains("没有") || t.contains("空表"))
            && (t.contains("数据")
                || t.contains("收支")
                || t.contains("支出")
                || t.contains("本表")
                || t.contains("此表"))
    })
}

/// The 说明 states the empty table's own figure as nothing (`“三公”经费预算数为0.00万元`, a
/// 政府性基金 spending of 0): that says why the table is empty.
fn stated_as_nothing(doc: &Document, kind: TableKind) -> Option<String> {
    let of_table = |s: &Subject| match kind {
        TableKind::ThreePublic => s.term == Term::ThreePublic,
        TableKind::GovFundExpenditure => s.term == Term::Spending && s.scope == Scope::GovFund,
        TableKind::StateCapitalExpenditure => s.term == Term::Spending && s.scope == Scope::StateCapital,
        _ => false,
    };
    let nothing = |st: &&Statement| st.value.is_zero() && !st.change && st.share.is_none() && !st.unit_chapter;
    let statements = doc.narratives.iter().flat_map(|n| &n.statements);
    statements.filter(nothing).find(|st| st.subject.as_ref().is_some_and(of_table)).map(|st| st.quote.clone())
}

fn empty_tables_explained(ctx: &mut Ctx) {
    for table in ctx.tables().iter().filter(|t| !t.kind.is_performance() && t.is_empty_of_amounts()) {
        let document_note = || ctx.doc.empty_table_lines.first().cloned();
        let stated = || stated_as_nothing(ctx.doc, table.kind);
        let finding = match explained(table).or_else(document_note).or_else(stated) {
            Some(note) => ctx
                .verdict(Text::new(
                    format!("{} 无数据，已附说明：{note}", table.short_name()),
                    format!("{} is empty and says why: {note}", table.short_name()),
                ))
                .severity(Severity::Info),
            None => ctx.verdict(Text::new(
                format!("{} 没有任何金额，也没有说明无数据的原因", table.short_name()),
                format!("{} has no figures and no note saying why", table.short_name()),
            )),
        };
        finding.in_table(table.index);
    }
}

/// `表十二` → 12, `表3` → 3; `表14-2` (one of several forms numbered under 表14) → 14.
fn marker_number(marker: &str) -> Option<u32> {
    let n = marker.trim_start_matches('附').strip_prefix('表')?;
    let n = n.split(['-', '－', '—']).next()?;
    if let Ok(v) = n.parse() {
        return Some(v);
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = n.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// The highest number a disclosure set gives a table (sets have a dozen or so). A larger one
/// (`表99999 …`) is no place in a set's numbering: counting up to it reported, and looped over,
/// as many missing tables as the number said, from a line of input.
const MAX_SET_NUMBER: u32 = 99;

fn standard_tables_present(ctx: &mut Ctx) {
    let numbered: Vec<(u32, &Table)> =
        ctx.tables().iter().filter_map(|t| Some((marker_number(t.number.as_deref()?)?, t))).collect();
    // Blocks printed with a number but not read still count as present.
    let unread: Vec<u32> = ctx.doc.unrecognised.iter().filter_map(|u| marker_number(u.number.as_deref()?)).collect();
    if numbered.len() < 2 {
        ctx.needs(Text::new("需要带表号（表一、表二…）的表格", "needs numbered tables (表一, 表二, …)"));
        return;
    }
    let max = numbered.iter().map(|(n, _)| *n).filter(|&n| n <= MAX_SET_NUMBER).max().unwrap_or(0);
    // The Chongqing district set: 表四 is the 三公 table and 表九 is conditional.
    let unread_three_public = ctx.doc.unrecognised.iter().any(|u| {
        u.number.as_deref().and_then(marker_number) == Some(4)
            && TableKind::from_title(&u.title) == TableKind::ThreePublic
    });
    let chongqing_district =
        unread_three_public || numbered.iter().any(|(n, t)| *n == 4 && t.kind == TableKind::ThreePublic);
    let present: HashSet<u32> = numbered.iter().map(|(n, _)| *n).chain(unread).collect();
    for missing in (1..max).filter(|n| !present.contains(n)) {
        if chongqing_district && missing == 9 {
            ctx.verdict(Text::new(
                "未见表九：表九（国有资本经营预算支出表或政府采购预算表）按情况公开，缺少不属错误",
                "表九 is absent: it is a conditional table (state capital or procurement), not required",
            ))
            .severity(Severity::Info);
        } else {
            ctx.verdict(Text::new(
                format!("未见表{missing}：表号不连续，可能缺表"),
                format!("table {missing} is absent: the numbering has a gap"),
            ));
        }
    }
}

fn amount_cells(ctx: &mut Ctx) {
    // Forms hold prose beside their figures; only tables have amount columns.
    let forms = |t: &Table| t.kind.is_performance() || t.kind == TableKind::SelfEvaluation;
    for table in ctx.tables().iter().filter(|t| !forms(t)) {
        for row in table.data_rows() {
            for (col, column) in table.columns.iter().enumerate() {
                let Some(cell) = table.cell(row, col) else { continue };
                if column.role.is_amount() && cell.value == CellValue::Text {
                    ctx.report(
                        Severity::Info,
                        Text::new(
                            format!("金额列中的“{}”不是数字，按空值处理", cell.text),
                            format!("{:?} in an amount column is not a number; counted as empty", cell.text),
                        ),
                    )
                    .at(&table.cell_ref(row, col));
                }
            }
        }
    }
}

fn set_detected(ctx: &mut Ctx) {
    let tables = ctx.tables();
    let Some(set) = TableSet::of(tables) else {
        ctx.needs(Text::new("需要能识别所属套表的表名", "needs titles that identify the disclosure set"));
        return;
    };
    // A table whose title was recognised but whose rows could not be read is there, not absent.
    let unread: Vec<TableKind> = ctx.doc.unrecognised.iter().map(|u| TableKind::from_title(&u.title)).collect();
    let (mut absent, mut not_read) = (Vec::new(), Vec::new());
    for (kind, name) in set.tables.iter().filter(|(kind, _)| !tables.iter().any(|t| t.kind == *kind)) {
        if unread.contains(kind) {
            not_read.push(*name);
        } else {
            absent.push(*name);
        }
    }
    let mut zh = format!("识别为{}", set.zh);
    let mut en = format!("recognised as the {}", set.en);
    if absent.is_empty() && not_read.is_empty() {
        zh.push_str("，各表齐全");
        en.push_str("; every table is present");
    }
    if !absent.is_empty() {
        zh.push_str(&format!("，未见：{}", absent.join("、")));
        en.push_str(&format!("; not found: {}", absent.join(", ")));
    }
    if !not_read.is_empty() {
        zh.push_str(&format!("；标题已识别但未能读出：{}", not_read.join("、")));
        en.push_str(&format!("; title found but not read: {}", not_read.join(", ")));
    }
    ctx.verdict(Text::new(zh, en));
}
