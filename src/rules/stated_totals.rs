//! Figures stated in the prose (情况说明) against the table cell they repeat: a total the
//! prose names (本年支出合计, 一般公共预算财政拨款基本支出, “三公”经费 …) must be the table's.
//!
//! Only a closed list of subjects is mapped to cells, each to one table of one scope; a figure
//! of another year, another measure (年初预算 in a 决算 text) or another scope is not compared.

use super::{Compared, Ctx, Explanation, Operand, Rule};
use crate::narrative::{Measure, Scope, Statement, Subject, Term};
use crate::report::{Severity, Text};
use crate::table::{bare_label, ColumnRole, Series, Side, Table, TableKind};
use crate::tolerance::{Agreement, RoundingMode};
use rust_decimal::RoundingStrategy;

pub const RULES: &[Rule] = &[Rule {
    code: "NAR004",
    name_zh: "说明与表格一致",
    name_en: "Narrative agrees with the tables",
    severity: Severity::Error,
    explanation: Explanation {
        what_zh: "情况说明中写出的表格总数（本年支出合计、支出总计、财政拨款支出、一般公共预算财政拨款支出及其基本支出/项目支出、人员经费/公用经费、“三公”经费合计及各项、政府性基金支出）应等于对应表格中的数；说明把万元四舍五入到较少小数位时按舍入差异提醒。年份不同、上年数或变动数不比较。",
        why_zh: "说明文字与表格常由不同人在不同时间编写，表格调整后说明未同步修改是公开材料的常见错误。",
        fix_zh: "以表格（经核定的预算/决算数）为准改正说明中的数字，或核实表格是否填错。",
        what_en: "A table total the narrative states (this year's spending, the spending grand total, fiscal spending, general-budget spending and its basic/project parts, personnel/public-use costs, the \"three public\" total and items, government-fund spending) equals the table's cell; prose rounding 万元 to fewer decimals is a rounding warning. Other years, last year's figures and changes are not compared.",
        why_en: "Narrative and tables are often written separately; a table corrected later and a narrative left behind is a common disclosure error.",
        fix_en: "Correct the narrative from the tables (the approved figures), or check whether the table is wrong.",
    },
    run: stated_totals,
}];

/// The cell a stated figure repeats, and whether the prose names it beyond doubt.
struct Target<'a> {
    table: &'a Table,
    operand: Operand,
    /// False when the words could also mean another figure (`基本支出` without its money: the
    /// department's, or the general budget's?): a mismatch is then only a warning.
    certain: bool,
}

/// `2026年…` in a title: the year the table is of.
fn table_year(table: &Table) -> Option<u16> {
    year_in(&table.title)
}

fn year_in(text: &str) -> Option<u16> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|k| {
        let digits: String = chars.get(k..k + 4)?.iter().collect();
        let starts = k == 0 || !chars[k - 1].is_ascii_digit();
        let year = chars.get(k + 4) == Some(&'年') && digits.chars().all(|c| c.is_ascii_digit());
        (starts && year).then(|| digits.parse().ok()).flatten()
    })
}

fn is_final(table: &Table) -> bool {
    table.title.contains("决算")
}

/// Whether the statement's year and measure are the table's: a 决算 figure is compared with a
/// 决算 table only; 年初/全年预算 figures, and a 预算 named in a 决算 text, never.
fn same_period(s: &Statement, subject: &Subject, table: &Table) -> bool {
    let years = match (subject.year, table_year(table)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let measure = match subject.measure {
        Measure::Stated => !(is_final(table) && names_budget(&s.quote)),
        Measure::Final => is_final(table),
        Measure::InitialBudget | Measure::FullYearBudget => false,
    };
    years && measure
}

/// `…支出预算为`: the words say 预算, not as part of a fund's name (一般公共预算).
fn names_budget(quote: &str) -> bool {
    let mut words = quote.to_string();
    for fund in ["一般公共预算", "政府性基金预算", "国有资本经营预算"] {
        words = words.replace(fund, "");
    }
    words.contains("预算")
}

/// 基本支出 / 项目支出 of a code table's 合计 row: its own column, or the 小计 under it when
/// 基本支出 is split into 人员经费 | 公用经费 (Chongqing 市级).
fn part_column_cell(table: &Table, role: ColumnRole, words: &str) -> Option<Operand> {
    Operand::in_total_row(table, role).or_else(|| {
        let row = table.total_row()?;
        let col = table.columns.iter().position(|c| {
            c.role == ColumnRole::Subtotal && c.side.is_none() && c.path.iter().any(|l| bare_label(l) == words)
        })?;
        Operand::at(table, row, col)
    })
}

/// The 本年收入/本年支出 line (`section`) or, for `None`, the 总计 line of one side of a summary.
fn summary_cell(table: &Table, side: Side, section: Option<&str>) -> Option<Operand> {
    let items = table.side_items(side);
    let section_row = section.and_then(|words| items.section(table, words)).map(|(top, _)| *top);
    // Without a 本年 line and without carry-overs (结转/结余), the 总计 is this year's figure.
    let row = match (section, section_row) {
        (Some(_), Some(row)) => row,
        (Some(_), None) if carries(table, side) => return None,
        _ => items.grand?,
    };
    Operand::at(table, row, table.column_of(ColumnRole::Total, Some(side))?)
}

fn carries(table: &Table, side: Side) -> bool {
    table.data_rows().any(|r| {
        let name = table.row_name(r, Some(side));
        name.contains("结转") || name.contains("结余")
    })
}

/// Whether a summary's income side carries money in (上年结转 of some amount): income not said
/// to be this year's (`一般公共预算财政拨款收入`) may then include it.
fn carries_in(table: &Table) -> bool {
    let side = Side::Income;
    let Some(col) = table.column_of(ColumnRole::Total, Some(side)) else { return true };
    table.side_items(side).tops.iter().any(|(top, lines)| {
        let name = table.row_name(*top, Some(side));
        (name.contains("结转") || name.contains("结余"))
            && std::iter::once(top).chain(lines).any(|&r| table.amount(r, col).is_some_and(|a| !a.is_zero()))
    })
}

/// This year's income line of one fund (`一、一般公共预算资金`) in a fiscal summary: the one
/// line naming the fund outside the carry-overs (年初结转 lists the funds again).
fn fund_income(table: &Table, fund: &str) -> Option<Operand> {
    let side = Side::Income;
    let items = table.side_items(side);
    let in_year = items.section(table, "本年收入");
    let rows: Vec<usize> = match in_year {
        Some((_, lines)) => lines.clone(),
        None => items.tops.iter().flat_map(|(top, lines)| std::iter::once(*top).chain(lines.iter().copied())).collect(),
    };
    let named: Vec<usize> = rows
        .into_iter()
        .filter(|&r| {
            let name = table.row_name(r, Some(side));
            name.contains(fund) && !name.contains("结转") && !name.contains("结余")
        })
        .collect();
    match named.as_slice() {
        [row] => Operand::at(table, *row, table.column_of(ColumnRole::Total, Some(side))?),
        _ => None,
    }
}

/// The 三公 series a statement speaks of: the only one left once 决算/预算 and the year are
/// matched, or none when that is not clear.
fn three_public_series<'a>(table: &Table, all: &'a [Series], subject: &Subject) -> Option<&'a Series> {
    let final_of = |s: &Series| s.measure.contains("决算");
    // A figure that does not say 决算 beside 预算数 | 决算数 pairs could be either.
    let mut candidates: Vec<&Series> = match subject.measure {
        Measure::Final => all.iter().filter(|s| final_of(s)).collect(),
        _ if all.iter().any(final_of) => return None,
        _ => all.iter().collect(),
    };
    let year = subject.year.or_else(|| table_year(table));
    // A column headed with another year (上年预算数) is not this year's figure.
    candidates.retain(|s| match (year_in(&s.measure), year) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    });
    if candidates.len() > 1 {
        if let Some(y) = year {
            candidates.retain(|s| year_in(&s.measure) == Some(y));
        }
    }
    match candidates.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// A 三公 series is a reference only when it was read whole and its total is its items' sum: a
/// table whose header the reader misplaced (a 合计 column merged with 因公出国) is not.
fn coherent(ctx: &Ctx, table: &Table, s: &Series) -> bool {
    let figure = |cell: Option<(usize, usize)>| cell.and_then(|(r, c)| Operand::at(table, r, c)).map(|o| o.figure());
    let vehicles = figure(s.vehicles).map(|v| vec![v]).or_else(|| Some(vec![figure(s.purchase)?, figure(s.running)?]));
    let (Some(total), Some(abroad), Some(reception), Some(vehicles)) =
        (figure(s.total), figure(s.abroad), figure(s.reception), vehicles)
    else {
        return false;
    };
    let parts: Vec<_> = [abroad, reception].into_iter().chain(vehicles).collect();
    ctx.agreement(total, &parts) != Agreement::Mismatch
}

fn three_public<'a>(ctx: &Ctx<'a>, subject: &Subject) -> Option<Target<'a>> {
    if matches!(subject.scope, Scope::GovFund | Scope::StateCapital) {
        return None;
    }
    let table = ctx.first(TableKind::ThreePublic)?;
    let all = table.three_public_series();
    let s = three_public_series(table, &all, subject).filter(|s| coherent(ctx, table, s))?;
    let cell = match subject.term {
        Term::ThreePublic => s.total,
        Term::Abroad => s.abroad,
        Term::Reception => s.reception,
        Term::Vehicles => s.vehicles,
        Term::VehiclePurchase => s.purchase,
        Term::VehicleRunning => s.running,
        _ => None,
    };
    let (row, col) = cell?;
    Some(Target { table, operand: Operand::at(table, row, col)?, certain: true })
}

/// 人员经费 / 公用经费 of a basic-expenditure table: its 合计 row, or the 决算 layout's footer.
fn basic_part(table: &Table, term: Term) -> Option<Operand> {
    let (role, index) = if term == Term::Personnel { (ColumnRole::Personnel, 0) } else { (ColumnRole::PublicUse, 1) };
    Operand::in_total_row(table, role).or_else(|| {
        // The footer prints both on one row, under the name of the first: name the cell by its own label.
        let (label, cell) = table.footer_totals()?[index];
        let mut operand = Operand::at_cell(table, cell)?;
        operand.cell.row_label = label.to_string();
        Some(operand)
    })
}

/// The table cell the prose names, from the closed list; `None` when it names none for sure.
/// `this_year`: the statement (or the whole it is listed under) says 本年.
fn target<'a>(ctx: &Ctx<'a>, s: &Statement, subject: &Subject, this_year: bool) -> Option<Target<'a>> {
    use Scope::*;
    use Term::*;
    let certain = |table: &'a Table, operand: Option<Operand>| Some(Target { table, operand: operand?, certain: true });
    let target = match (subject.term, subject.scope) {
        (ThreePublic | Abroad | Reception | Vehicles | VehiclePurchase | VehicleRunning, _) => {
            three_public(ctx, subject)
        }
        (Spending, All) => match ctx.first(TableKind::DeptSummary) {
            Some(t) => certain(t, summary_cell(t, Side::Expenditure, Some("本年支出"))),
            None => ctx
                .first(TableKind::DeptExpenditure)
                .and_then(|t| certain(t, Operand::in_total_row(t, ColumnRole::Total))),
        },
        (SpendingGrandTotal, All) => {
            ctx.first(TableKind::DeptSummary).and_then(|t| certain(t, summary_cell(t, Side::Expenditure, None)))
        }
        (Spending, Fiscal) => ctx
            .first(TableKind::FiscalSummary)
            .and_then(|t| certain(t, summary_cell(t, Side::Expenditure, Some("本年支出")))),
        (SpendingGrandTotal, Fiscal) => {
            ctx.first(TableKind::FiscalSummary).and_then(|t| certain(t, summary_cell(t, Side::Expenditure, None)))
        }
        (Income, All) => match ctx.first(TableKind::DeptSummary) {
            Some(t) => certain(t, summary_cell(t, Side::Income, Some("本年收入"))),
            None => {
                ctx.first(TableKind::DeptIncome).and_then(|t| certain(t, Operand::in_total_row(t, ColumnRole::Total)))
            }
        },
        (IncomeGrandTotal, All) => {
            ctx.first(TableKind::DeptSummary).and_then(|t| certain(t, summary_cell(t, Side::Income, None)))
        }
        (Income, Fiscal) => ctx
            .first(TableKind::FiscalSummary)
            .filter(|t| this_year || !carries_in(t))
            .and_then(|t| certain(t, summary_cell(t, Side::Income, Some("本年收入")))),
        (IncomeGrandTotal, Fiscal) => {
            ctx.first(TableKind::FiscalSummary).and_then(|t| certain(t, summary_cell(t, Side::Income, None)))
        }
        (Income, GeneralBudget | GovFund | StateCapital) => {
            let fund = match subject.scope {
                GeneralBudget => "一般公共预算",
                GovFund => "政府性基金",
                _ => "国有资本经营",
            };
            ctx.first(TableKind::FiscalSummary)
                .filter(|t| this_year || !carries_in(t))
                .and_then(|t| certain(t, fund_income(t, fund)))
        }
        (Spending, GeneralBudget) => ctx
            .first(TableKind::GeneralExpenditure)
            .and_then(|t| certain(t, Operand::in_total_row(t, ColumnRole::Total))),
        (Spending, GovFund) => ctx
            .first(TableKind::GovFundExpenditure)
            .and_then(|t| certain(t, Operand::in_total_row(t, ColumnRole::Total))),
        (Basic | Project, scope) => {
            let role = if subject.term == Basic { ColumnRole::Basic } else { ColumnRole::Project };
            let kind = match scope {
                GeneralBudget => TableKind::GeneralExpenditure,
                Fiscal => TableKind::FiscalExpenditure,
                All => TableKind::DeptExpenditure,
                GovFund | StateCapital => return None,
            };
            let words = if subject.term == Basic { "基本支出" } else { "项目支出" };
            ctx.first(kind).and_then(|t| {
                let operand = part_column_cell(t, role, words)?;
                Some(Target { table: t, operand, certain: scope != All })
            })
        }
        (Personnel | PublicUse, scope) => {
            let kind = match scope {
                GeneralBudget => TableKind::BasicExpenditure,
                Fiscal => TableKind::FiscalBasicExpenditure,
                _ => return None,
            };
            ctx.first(kind).and_then(|t| certain(t, basic_part(t, subject.term)))
        }
        _ => None,
    }?;
    same_period(s, subject, target.table).then_some(target)
}

fn scope_zh(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "",
        Scope::Fiscal => "财政拨款",
        Scope::GeneralBudget => "一般公共预算",
        Scope::GovFund => "政府性基金",
        Scope::StateCapital => "国有资本经营",
    }
}

/// Prose prints a 元 table's figure in 万元, or 万元 to fewer decimals: the table's figure
/// rounded to the prose's decimals is the same figure, not a difference.
fn rounded_as_printed(mode: RoundingMode, s: &Statement, cell: &Operand) -> bool {
    let in_prose_unit = cell.value * cell.factor / s.factor;
    let strategy = match mode {
        RoundingMode::Nearest => RoundingStrategy::MidpointAwayFromZero,
        RoundingMode::Truncate => RoundingStrategy::ToZero,
        RoundingMode::Strict => return false,
    };
    in_prose_unit.scale() > s.value.scale()
        && in_prose_unit.round_dp_with_strategy(s.value.scale(), strategy) == s.value
}

fn stated_totals(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for n in &doc.narratives {
        for (k, s) in n.statements.iter().enumerate() {
            let Some(subject) = s.subject.filter(|_| !s.change) else { continue };
            let whole = n.lists.iter().find(|l| l.parts.contains(&k)).and_then(|l| n.statements.get(l.whole));
            let this_year = s.quote.contains("本年") || whole.is_some_and(|w| w.quote.contains("本年"));
            let Some(t) = target(ctx, s, &subject, this_year) else { continue };
            let mode = ctx.mode();
            let compared = ctx.compare(s.figure(), &[t.operand.figure()]);
            if compared.agreement() == Agreement::Exact || rounded_as_printed(mode, s, &t.operand) {
                continue;
            }
            report(compared, n, s, &subject, &t);
        }
    }
}

/// The prose's figure differs from the table's: reported at the line, with the cell as related;
/// a warning when the words leave the table open (基本支出 without its money).
fn report(compared: Compared, n: &crate::narrative::Narrative, s: &Statement, subject: &Subject, t: &Target) {
    let agreement = compared.agreement();
    let cell = &t.operand.cell;
    let in_prose_unit = (t.operand.value * t.operand.factor / s.factor).normalize();
    let where_zh = cell.describe(&t.table.short_name());
    let unit = t.table.unit.label();
    let name_zh = format!("{}{}", scope_zh(subject.scope), subject.term.label_zh());
    let text = Text::new(
        format!("说明中的{name_zh} {} {} 应与 {where_zh} 的 {} {unit} 一致", s.value, s.unit, t.operand.value),
        format!(
            "the narrative's {} {} {} should agree with {where_zh}, {} {unit}",
            subject.term.label_en(),
            s.value,
            s.unit,
            t.operand.value
        ),
    );
    let Some(finding) = compared.differs(s.value, in_prose_unit, text) else { return };
    let finding = finding.in_prose(n.place(s)).related([cell.clone()]);
    if agreement == Agreement::Mismatch && !t.certain {
        finding.severity(Severity::Warning);
    }
}
