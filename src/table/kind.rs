//! The catalogue of table kinds a disclosure contains, recognised by title words, not numbers:
//! provinces number their tables differently, but the titles carry the meaning.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 财政拨款收支总表: income by fund, expenditure by 类 and fund.
    FiscalSummary,
    /// 一般公共预算财政拨款支出预算表: 功能分类, 总计 = 基本 + 项目.
    GeneralExpenditure,
    /// 一般公共预算财政拨款基本支出预算表: 经济分类, 总计 = 人员经费 + 公用经费.
    BasicExpenditure,
    /// 一般公共预算"三公"经费支出表.
    ThreePublic,
    /// 政府性基金预算支出表.
    GovFundExpenditure,
    /// 国有资本经营预算支出表.
    StateCapitalExpenditure,
    /// 部门收支总表.
    DeptSummary,
    /// 部门收入总表.
    DeptIncome,
    /// 部门支出总表.
    DeptExpenditure,
    /// 政府采购预算表.
    Procurement,
    /// 部门整体绩效目标表.
    DeptPerformance,
    /// 项目支出绩效目标表, one per project.
    ProjectPerformance,
    Unknown,
}

/// Title words that identify each kind, most specific first.
const CATALOGUE: &[(TableKind, &[&str])] = &[
    (TableKind::DeptPerformance, &["整体绩效目标"]),
    (TableKind::ProjectPerformance, &["项目", "绩效目标"]),
    (TableKind::FiscalSummary, &["财政拨款收支"]),
    (TableKind::ThreePublic, &["三公"]),
    (TableKind::BasicExpenditure, &["一般公共预算", "基本支出"]),
    (TableKind::GeneralExpenditure, &["一般公共预算", "支出"]),
    (TableKind::GovFundExpenditure, &["政府性基金", "支出"]),
    (TableKind::StateCapitalExpenditure, &["国有资本经营", "支出"]),
    (TableKind::Procurement, &["政府采购"]),
    (TableKind::DeptSummary, &["收支总"]),
    (TableKind::DeptIncome, &["收入总"]),
    (TableKind::DeptExpenditure, &["支出总"]),
];

impl TableKind {
    /// Recognises a kind from a table title; quotes and spaces are ignored.
    pub fn from_title(title: &str) -> TableKind {
        let compact: String = title.chars().filter(|c| !c.is_whitespace() && !"“”\"'‘’".contains(*c)).collect();
        CATALOGUE
            .iter()
            .find(|(_, words)| words.iter().all(|w| compact.contains(w)))
            .map(|(kind, _)| *kind)
            .unwrap_or(TableKind::Unknown)
    }

    pub fn is_performance(self) -> bool {
        matches!(self, TableKind::DeptPerformance | TableKind::ProjectPerformance)
    }

    /// Tables whose rows are 收入 on the left and 支出 on the right.
    pub fn is_two_sided(self) -> bool {
        matches!(self, TableKind::FiscalSummary | TableKind::DeptSummary)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            TableKind::FiscalSummary => "财政拨款收支总表",
            TableKind::GeneralExpenditure => "一般公共预算财政拨款支出表",
            TableKind::BasicExpenditure => "一般公共预算财政拨款基本支出表",
            TableKind::ThreePublic => "“三公”经费支出表",
            TableKind::GovFundExpenditure => "政府性基金预算支出表",
            TableKind::StateCapitalExpenditure => "国有资本经营预算支出表",
            TableKind::DeptSummary => "部门收支总表",
            TableKind::DeptIncome => "部门收入总表",
            TableKind::DeptExpenditure => "部门支出总表",
            TableKind::Procurement => "政府采购预算表",
            TableKind::DeptPerformance => "部门整体绩效目标表",
            TableKind::ProjectPerformance => "项目支出绩效目标表",
            TableKind::Unknown => "未知表",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            TableKind::FiscalSummary => "fiscal appropriation summary",
            TableKind::GeneralExpenditure => "general budget expenditure",
            TableKind::BasicExpenditure => "general budget basic expenditure",
            TableKind::ThreePublic => "\"three public\" expenses",
            TableKind::GovFundExpenditure => "government fund expenditure",
            TableKind::StateCapitalExpenditure => "state capital expenditure",
            TableKind::DeptSummary => "department income & expenditure summary",
            TableKind::DeptIncome => "department income",
            TableKind::DeptExpenditure => "department expenditure",
            TableKind::Procurement => "government procurement",
            TableKind::DeptPerformance => "department performance targets",
            TableKind::ProjectPerformance => "project performance targets",
            TableKind::Unknown => "unknown table",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_titles_are_recognised() {
        let cases = [
            ("重庆市綦江区大数据应用发展管理局（汇总）财政拨款收支总表", TableKind::FiscalSummary),
            ("某局（汇总） 一般公共预算财政拨款支出预算表", TableKind::GeneralExpenditure),
            ("某局（汇总） 一般公共预算财政拨款基本支出预算表", TableKind::BasicExpenditure),
            ("一般公共预算“三公”经费支出表", TableKind::ThreePublic),
            ("某局（汇总） 政府性基金预算支出表", TableKind::GovFundExpenditure),
            ("某局（汇总）部门收支总表", TableKind::DeptSummary),
            ("某局（汇总）部门收入总表", TableKind::DeptIncome),
            ("某局（汇总）部门支出总表", TableKind::DeptExpenditure),
            ("部门整体绩效目标表", TableKind::DeptPerformance),
            ("2025年项目支出绩效目标表", TableKind::ProjectPerformance),
            ("某某情况", TableKind::Unknown),
        ];
        for (title, kind) in cases {
            assert_eq!(TableKind::from_title(title), kind, "{title}");
        }
    }
}
