//! 项目支出绩效自评表 pasted as a grid (from Excel/WPS or an HTML table): the 项目资金 block
//! (年度资金总额 and its 其中 rows under 年初预算数/全年预算数/全年执行数, with the execution rate's
//! 分值/得分) and the indicator block scored 分值/得分 under 一级指标 such as `产出指标(50分)`.
//! The one-line text of a .docx preview is read elsewhere (the FLT rules).

use super::{Ctx, Explanation, Operand, Rule};
use crate::report::{Severity, Text};
use crate::table::{bare_label, Table, TableKind};
use rust_decimal::Decimal;

const WHY_ZH: &str = "自评表的资金总额是执行率和得分的基础，分值是各项得分的上限；总额与分项不符、分值不成 100、得分超过分值，自评结果就不可信。";
const WHY_EN: &str = "The fund total is the base of the execution rate, the points cap each score; when they do not add up, the self-evaluation cannot be trusted.";

pub const RULES: &[Rule] = &[
    Rule {
        code: "EVA001",
        name_zh: "自评资金总额",
        name_en: "Self-evaluation fund total",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "绩效自评表“项目资金”中，年度资金总额的年初预算数、全年预算数、全年执行数各等于其中本年财政拨款、上年结转资金、其他资金之和（总额不能小于其中任何一项）。",
            why_zh: WHY_ZH,
            fix_zh: "按其中各项重填年度资金总额，再重算执行率与得分。",
            what_en: "In the 项目资金 block, each 年度资金总额 figure (initial budget, full-year budget, executed) equals the sum of its 其中 rows (fiscal appropriation, carry-over, other funds), and is never below any of them.",
            why_en: WHY_EN,
            fix_en: "Fill in the total from its parts, then recompute the execution rate and its score.",
        },
        run: fund_total,
    },
    Rule {
        code: "EVA002",
        name_zh: "自评分值",
        name_en: "Self-evaluation points",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "各指标分值之和加预算执行率分值等于 100；一级指标标注分值的（如“产出指标(50分)”），其下指标分值之和等于该分值。表格不完整时不作判断。",
            why_zh: WHY_ZH,
            fix_zh: "调整指标分值，使一级指标分值与其下指标之和一致、全表合计 100 分。",
            what_en: "Indicator points plus the execution rate's points make 100; where a level-1 indicator prints its points (产出指标(50分)), its indicators' points add up to them. An incomplete form is not judged.",
            why_en: WHY_EN,
            fix_en: "Adjust the points so each level-1 total matches its indicators and the form makes 100.",
        },
        run: points,
    },
    Rule {
        code: "EVA003",
        name_zh: "得分不超分值",
        name_en: "Score within points",
        severity: Severity::Error,
        explanation: Explanation {
            what_zh: "每个指标（及预算执行率）的得分不大于其分值。",
            why_zh: WHY_ZH,
            fix_zh: "核对得分，按评分标准改正。",
            what_en: "Each indicator's score (and the execution rate's) is at most its points.",
            why_en: WHY_EN,
            fix_en: "Recheck the score against the scoring rules.",
        },
        run: scores_within_points,
    },
];

/// The column of the first cell in `row` whose bare text is `label` (or starts with it).
fn column_of(table: &Table, row: usize, label: &str) -> Option<usize> {
    table.rows.get(row)?.cells.iter().position(|c| bare_label(&c.text).starts_with(label))
}

/// The first row with a cell whose bare text contains `word`.
fn row_with(table: &Table, word: &str) -> Option<usize> {
    (0..table.rows.len()).find(|&r| table.rows[r].cells.iter().any(|c| bare_label(&c.text).contains(word)))
}

/// The 项目资金 block: the header row, the 年度资金总额 row and its 其中 rows.
struct Funds {
    header: usize,
    total: usize,
    parts: Vec<usize>,
}

fn funds(table: &Table) -> Option<Funds> {
    let total = row_with(table, "年度资金总额")?;
    let header = (0..total).rev().find(|&r| column_of(table, r, "全年预算数").is_some())?;
    let is_part = |r: usize| {
        table.rows.get(r).is_some_and(|row| {
            row.cells.iter().any(|c| {
                let t = bare_label(&c.text);
                t.contains("财政拨款") || t.contains("上年结转") || t.contains("其他资金")
            })
        })
    };
    let parts = (total + 1..table.rows.len()).take_while(|&r| is_part(r)).collect();
    Some(Funds { header, total, parts })
}

/// The self-evaluation forms; a document without one has nothing for these rules to check (the
/// form is published separately from the table set), so its absence is not reported.
fn self_evaluations<'a>(ctx: &Ctx<'a>) -> Vec<&'a Table> {
    ctx.of_kind(TableKind::SelfEvaluation).collect()
}

fn fund_total(ctx: &mut Ctx) {
    for table in self_evaluations(ctx) {
        let Some(f) = funds(table) else {
            ctx.needs(Text::new("自评表需有“年度资金总额”及其中各项", "the form needs 年度资金总额 and its 其中 rows"));
            continue;
        };
        for label in ["年初预算数", "全年预算数", "全年执行数"] {
            let Some(col) = column_of(table, f.header, label) else { continue };
            let Some(total) = Operand::at(table, f.total, col) else { continue };
            let Some(parts) = f.parts.iter().map(|&r| Operand::at(table, r, col)).collect::<Option<Vec<_>>>() else {
                continue;
            };
            let wording = Text::new(
                format!("{} 年度资金总额（{label}）应等于其中各项之和", table.short_name()),
                format!("{}: the fund total ({label}) should equal its 其中 rows", table.short_name()),
            );
            ctx.sum(&total, &parts, wording);
        }
    }
}

/// One scored indicator: its row, its level-1 group and the group's printed points.
struct Scored {
    row: usize,
    group: String,
}

/// The indicator block: the 分值 and 得分 columns and every row with points.
struct Indicators {
    points: usize,
    score: usize,
    rows: Vec<Scored>,
    /// Level-1 groups in order, with the points printed in their label (`产出指标(50分)`).
    groups: Vec<(String, usize, Option<Decimal>)>,
}

/// `产出指标(50分)` → 50.
fn printed_points(label: &str) -> Option<Decimal> {
    let inner = label.split(['(', '（']).nth(1)?;
    let number = inner.split(['分', ')', '）']).next()?;
    number.trim().parse().ok()
}

fn indicators(table: &Table) -> Option<Indicators> {
    let header = (0..table.rows.len())
        .find(|&r| column_of(table, r, "一级指标").is_some() && column_of(table, r, "三级指标").is_some())?;
    let level1 = column_of(table, header, "一级指标")?;
    let points = column_of(table, header, "分值")?;
    let score = column_of(table, header, "得分")?;
    let mut block = Indicators { points, score, rows: Vec::new(), groups: Vec::new() };
    for row in header + 1..table.rows.len() {
        let label = table.text(row, level1);
        if !label.is_empty() {
            block.groups.push((label.to_string(), row, printed_points(label)));
        }
        let Some((group, _, _)) = block.groups.last() else { continue };
        if table.cell(row, points).is_some_and(|c| c.value.is_number()) {
            block.rows.push(Scored { row, group: group.clone() });
        }
    }
    Some(block)
}

fn points(ctx: &mut Ctx) {
    for table in self_evaluations(ctx) {
        let Some(block) = indicators(table) else {
            ctx.needs(Text::new("自评表需有一级指标、三级指标、分值、得分列", "the form needs its indicator columns"));
            continue;
        };
        let mut complete = true;
        for (group, row, printed) in &block.groups {
            let members: Vec<usize> = block.rows.iter().filter(|s| &s.group == group).map(|s| s.row).collect();
            if members.is_empty() {
                // A group without scored rows: the form is cut short (or the group is empty).
                complete = false;
                continue;
            }
            let Some(printed) = printed else { continue };
            let Some(parts) = members.iter().map(|&r| Operand::at(table, r, block.points)).collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            // The subtotal is printed inside the label, not in the 分值 column.
            let label_col = column_of(table, *row, &bare_label(group)).unwrap_or(0);
            let total = Operand {
                cell: table.cell_ref(*row, label_col),
                value: *printed,
                factor: table.unit.factor(),
                blank: false,
            };
            let wording = Text::new(
                format!("{} {group} 下各指标分值之和应等于 {printed}", table.short_name()),
                format!("{}: the points under {group} should add up to {printed}", table.short_name()),
            );
            ctx.sum(&total, &parts, wording);
        }
        let execution = funds(table).and_then(|f| {
            let col = column_of(table, f.header, "分值")?;
            Operand::at(table, f.total, col)
        });
        let Some(execution) = execution else {
            ctx.needs(Text::new("自评表需有预算执行率分值", "the form needs the execution rate's points"));
            continue;
        };
        if !complete {
            ctx.needs(Text::new(
                "自评表不完整（有一级指标下没有分值），不核对合计 100 分",
                "the form is incomplete (a level-1 indicator has no points); the total of 100 is not checked",
            ));
            continue;
        }
        let Some(mut parts) =
            block.rows.iter().map(|s| Operand::at(table, s.row, block.points)).collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        parts.push(execution.clone());
        let hundred = Operand { value: Decimal::from(100), blank: false, ..execution };
        ctx.sum(
            &hundred,
            &parts,
            Text::new(
                format!("{} 各指标分值与预算执行率分值合计应为 100", table.short_name()),
                format!("{}: the indicator points and the execution rate's points should make 100", table.short_name()),
            ),
        );
    }
}

fn scores_within_points(ctx: &mut Ctx) {
    for table in self_evaluations(ctx) {
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        if let Some(f) = funds(table) {
            if let (Some(p), Some(s)) = (column_of(table, f.header, "分值"), column_of(table, f.header, "得分")) {
                pairs.push((f.total, p, s));
            }
        }
        if let Some(block) = indicators(table) {
            pairs.extend(block.rows.iter().map(|s| (s.row, block.points, block.score)));
        }
        for (row, points_col, score_col) in pairs {
            let (Some(points), Some(score)) = (Operand::at(table, row, points_col), Operand::at(table, row, score_col))
            else {
                continue;
            };
            let name = table.short_name();
            let failure = (score.value > points.value).then(|| {
                Text::new(
                    format!("{name} 得分 {} 超过分值 {}", score.value, points.value),
                    format!("{name}: score {} exceeds the points {}", score.value, points.value),
                )
            });
            if let Some(finding) = ctx.check(failure) {
                finding.at(&score.cell).related([points.cell]);
            }
        }
    }
}
