//! The disclosure sets: each region's standard tables, by title and kind. The set a document's
//! titles belong to says which tables it should hold (SET002) and which rows the review form has.

use super::{Table, TableKind};

/// A disclosure set: how its titles give it away and the kinds of table it contains.
pub struct TableSet {
    pub zh: &'static str,
    pub en: &'static str,
    /// Any title containing one of these words (spaces removed) identifies the set.
    pub title_words: &'static [&'static str],
    /// Any table of these kinds identifies the set.
    pub kinds: &'static [TableKind],
    pub tables: &'static [(TableKind, &'static str)],
}

/// Most specific first: the 决算 set before the 预算 sets whose words overlap.
const SETS: &[TableSet] = &[
    TableSet {
        zh: "全国统一部门决算公开表（9 张）",
        en: "national final-account set (9 tables)",
        title_words: &["决算表", "决算总表"],
        kinds: &[TableKind::FinalSummary, TableKind::FinalIncome, TableKind::FinalExpenditure],
        tables: &[
            (TableKind::FinalSummary, "收入支出决算总表"),
            (TableKind::FinalIncome, "收入决算表"),
            (TableKind::FinalExpenditure, "支出决算表"),
            (TableKind::FiscalSummary, "财政拨款收入支出决算总表"),
            (TableKind::GeneralExpenditure, "一般公共预算财政拨款支出决算表"),
            (TableKind::BasicExpenditure, "一般公共预算财政拨款基本支出决算表"),
            (TableKind::ThreePublic, "财政拨款“三公”经费支出决算表"),
            (TableKind::GovFundExpenditure, "政府性基金预算财政拨款收入支出决算表"),
            (TableKind::StateCapitalExpenditure, "国有资本经营预算财政拨款收入支出决算表"),
        ],
    },
    TableSet {
        zh: "上海部门（单位）预算公开表（9 张）",
        en: "Shanghai budget set (9 tables)",
        title_words: &["财务收支预算总表", "功能分类预算表", "经济分类预算表"],
        kinds: &[],
        tables: &[
            (TableKind::DeptSummary, "财务收支预算总表"),
            (TableKind::DeptIncome, "收入预算总表"),
            (TableKind::DeptExpenditure, "支出预算总表"),
            (TableKind::FiscalSummary, "财政拨款收支预算总表"),
            (TableKind::GeneralExpenditure, "一般公共预算支出功能分类预算表"),
            (TableKind::GovFundExpenditure, "政府性基金预算支出功能分类预算表"),
            (TableKind::StateCapitalExpenditure, "国有资本经营预算支出功能分类预算表"),
            (TableKind::BasicExpenditure, "一般公共预算基本支出部门预算经济分类预算表"),
            (TableKind::ThreePublic, "“三公”经费和机关运行经费预算表"),
        ],
    },
    TableSet {
        zh: "重庆市级部门预算公开表（12 张）",
        en: "Chongqing municipal budget set (12 tables)",
        title_words: &["总体情况表"],
        kinds: &[],
        tables: &[
            (TableKind::DeptSummary, "部门收支总体情况表"),
            (TableKind::DeptIncome, "部门收入总体情况表"),
            (TableKind::DeptExpenditure, "部门支出总体情况表"),
            (TableKind::FiscalSummary, "财政拨款收支总体情况表"),
            (TableKind::GeneralExpenditure, "一般公共预算支出情况表"),
            (TableKind::BasicExpenditure, "一般公共预算基本支出情况表"),
            (TableKind::GovFundExpenditure, "政府性基金预算支出情况表"),
            (TableKind::ThreePublic, "财政拨款“三公”经费支出情况表"),
            (TableKind::Procurement, "政府采购预算明细表"),
            (TableKind::DeptPerformance, "部门整体绩效目标表"),
            (TableKind::ProjectPerformance, "重点专项资金 / 一般性项目绩效目标表"),
        ],
    },
    TableSet {
        zh: "江苏省级部门预算公开表（12 张）",
        en: "Jiangsu provincial budget set (12 tables)",
        title_words: &["收支预算总表"],
        kinds: &[TableKind::FiscalExpenditure, TableKind::FiscalBasicExpenditure, TableKind::OperatingCosts],
        tables: &[
            (TableKind::DeptSummary, "收支预算总表"),
            (TableKind::DeptIncome, "收入预算总表"),
            (TableKind::DeptExpenditure, "支出预算总表"),
            (TableKind::FiscalSummary, "财政拨款收支预算总表"),
            (TableKind::FiscalExpenditure, "财政拨款支出预算表"),
            (TableKind::FiscalBasicExpenditure, "财政拨款基本支出预算表"),
            (TableKind::GeneralExpenditure, "一般公共预算支出预算表"),
            (TableKind::BasicExpenditure, "一般公共预算基本支出预算表"),
            (TableKind::ThreePublic, "一般公共预算“三公”经费、会议费、培训费支出预算表"),
            (TableKind::GovFundExpenditure, "政府性基金财政拨款支出预算表"),
            (TableKind::OperatingCosts, "一般公共预算机关运行经费支出预算表"),
            (TableKind::Procurement, "政府采购支出预算表"),
        ],
    },
    TableSet {
        zh: "重庆区县部门预算公开表（表一至表十）",
        en: "Chongqing district budget set (表一–表十)",
        title_words: &["部门收支总表", "财政拨款收支总表"],
        kinds: &[],
        tables: &[
            (TableKind::FiscalSummary, "财政拨款收支总表"),
            (TableKind::GeneralExpenditure, "一般公共预算财政拨款支出预算表"),
            (TableKind::BasicExpenditure, "一般公共预算财政拨款基本支出预算表"),
            (TableKind::ThreePublic, "一般公共预算“三公”经费支出表"),
            (TableKind::GovFundExpenditure, "政府性基金预算支出表"),
            (TableKind::DeptSummary, "部门收支总表"),
            (TableKind::DeptIncome, "部门收入总表"),
            (TableKind::DeptExpenditure, "部门支出总表"),
            (TableKind::DeptPerformance, "部门整体绩效目标表"),
        ],
    },
];

impl TableSet {
    /// The set `tables` belong to. A stand-alone table (a 三公 决算表 on its own) names no set:
    /// two of the set's tables must be there.
    pub fn of(tables: &[Table]) -> Option<&'static TableSet> {
        let titles: Vec<String> =
            tables.iter().map(|t| t.title.chars().filter(|c| !c.is_whitespace()).collect()).collect();
        SETS.iter().find(|set| {
            let named = tables.iter().any(|t| set.kinds.contains(&t.kind))
                || titles.iter().any(|title| set.title_words.iter().any(|w| title.contains(w)));
            named && set.tables.iter().filter(|(kind, _)| tables.iter().any(|t| t.kind == *kind)).count() >= 2
        })
    }

    /// Tables a disclosure publishes only when it has such spending (政府采购, 国有资本经营): their
    /// absence is for the reviewer to judge against the 说明.
    pub fn is_conditional(kind: TableKind) -> bool {
        matches!(kind, TableKind::Procurement | TableKind::StateCapitalExpenditure)
    }
}
