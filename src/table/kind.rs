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
    /// 部门收支总表 (Shanghai 财务收支预算总表, Jiangsu 收支预算总表, Chongqing 市级 部门收支总体情况表).
    DeptSummary,
    /// 部门收入总表.
    DeptIncome,
    /// 部门支出总表.
    DeptExpenditure,
    /// 政府采购预算表.
    Procurement,
    /// 财政拨款支出预算表 (Jiangsu): 功能分类 over all fiscal funds.
    FiscalExpenditure,
    /// 财政拨款基本支出预算表 (Jiangsu): 经济分类 over all fiscal funds.
    FiscalBasicExpenditure,
    /// 一般公共预算机关运行经费支出预算表 (Jiangsu).
    OperatingCosts,
    /// 收入支出决算总表: like 部门收支总表, with 年初结转和结余 / 结余分配 / 年末结转和结余.
    FinalSummary,
    /// 收入决算表: 本年收入合计 = Σ sources, per 功能分类 code.
    FinalIncome,
    /// 支出决算表: 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助.
    FinalExpenditure,
    /// 项目支出绩效自评表: 项目资金 (年初预算数/全年预算数/全年执行数, 分值/执行率/得分) and
    /// indicators scored 分值/得分.
    SelfEvaluation,
    /// 部门整体绩效目标表.
    DeptPerformance,
    /// 项目支出绩效目标表, one per project.
    ProjectPerformance,
    /// 基本支出预算表 of all funds (by unit or 经济分类), besides the 一般公共预算 one.
    BasicBudget,
    /// 项目支出预算表 / 专项业务经费支出表: projects with their amounts by fund.
    ProjectBudget,
    /// 上年结转资金支出表: spending of last year's carried-over funds.
    CarriedOver,
    Unknown,
}

/// Title words that identify each kind, most specific first. Several word lists may name one
/// kind: the national 决算 set, the Shanghai, Jiangsu and Chongqing 市级 预算 sets word their
/// titles differently.
const CATALOGUE: &[(TableKind, &[&str])] = &[
    (TableKind::SelfEvaluation, &["绩效自评"]),
    (TableKind::DeptPerformance, &["整体", "绩效目标"]),
    (TableKind::ProjectPerformance, &["绩效目标"]),
    (TableKind::FiscalSummary, &["财政拨款收支"]),
    (TableKind::FiscalSummary, &["财政拨款收入支出", "总表"]),
    (TableKind::ThreePublic, &["三公"]),
    (TableKind::OperatingCosts, &["机关运行经费"]),
    (TableKind::BasicExpenditure, &["一般公共预算", "基本支出"]),
    (TableKind::GeneralExpenditure, &["一般公共预算", "支出"]),
    (TableKind::GovFundExpenditure, &["政府性基金", "支出"]),
    (TableKind::GovFundExpenditure, &["政府性基金", "收支"]),
    (TableKind::StateCapitalExpenditure, &["国有资本经营", "支出"]),
    (TableKind::Procurement, &["政府采购"]),
    (TableKind::FiscalBasicExpenditure, &["财政拨款基本支出"]),
    (TableKind::FiscalExpenditure, &["财政拨款支出"]),
    (TableKind::FinalSummary, &["收入支出决算总表"]),
    (TableKind::FinalIncome, &["收入决算表"]),
    (TableKind::FinalExpenditure, &["支出决算表"]),
    (TableKind::BasicBudget, &["基本支出"]),
    (TableKind::ProjectBudget, &["项目支出"]),
    (TableKind::ProjectBudget, &["专项业务经费", "支出"]),
    (TableKind::CarriedOver, &["结转", "支出"]),
    (TableKind::DeptSummary, &["收支总"]),
    (TableKind::DeptSummary, &["收支", "预算总表"]),
    (TableKind::DeptIncome, &["收入总"]),
    (TableKind::DeptIncome, &["收入预算总表"]),
    (TableKind::DeptExpenditure, &["支出总"]),
    (TableKind::DeptExpenditure, &["支出预算总表"]),
];

impl TableKind {
    /// Recognises a kind from a table title; quotes and spaces are ignored.
    pub fn from_title(title: &str) -> TableKind {
        let bare_title: String = title.chars().filter(|c| !c.is_whitespace() && !"“”\"'‘’".contains(*c)).collect();
        CATALOGUE
            .iter()
            .find(|(_, words)| words.iter().all(|w| bare_title.contains(w)))
            .map(|(kind, _)| *kind)
            .unwrap_or(TableKind::Unknown)
    }

    pub fn is_performance(self) -> bool {
        matches!(self, TableKind::DeptPerformance | TableKind::ProjectPerformance)
    }

    /// Tables whose rows are 收入 on the left and 支出 on the right.
    pub fn is_two_sided(self) -> bool {
        matches!(self, TableKind::FiscalSummary | TableKind::DeptSummary | TableKind::FinalSummary)
    }

    /// The kind whose cross-table identities this kind shares: a 决算 总表/收入表/支出表 stands
    /// where the 预算 set has its 部门收支总表/收入总表/支出总表.
    pub fn family(self) -> TableKind {
        match self {
            TableKind::FinalSummary => TableKind::DeptSummary,
            TableKind::FinalIncome => TableKind::DeptIncome,
            TableKind::FinalExpenditure => TableKind::DeptExpenditure,
            other => other,
        }
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
            TableKind::FiscalExpenditure => "财政拨款支出表",
            TableKind::FiscalBasicExpenditure => "财政拨款基本支出表",
            TableKind::OperatingCosts => "机关运行经费支出表",
            TableKind::FinalSummary => "收入支出决算总表",
            TableKind::FinalIncome => "收入决算表",
            TableKind::FinalExpenditure => "支出决算表",
            TableKind::SelfEvaluation => "项目支出绩效自评表",
            TableKind::DeptPerformance => "部门整体绩效目标表",
            TableKind::ProjectPerformance => "项目支出绩效目标表",
            TableKind::BasicBudget => "基本支出预算表",
            TableKind::ProjectBudget => "项目支出预算表",
            TableKind::CarriedOver => "上年结转资金支出表",
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
            TableKind::FiscalExpenditure => "fiscal appropriation expenditure",
            TableKind::FiscalBasicExpenditure => "fiscal appropriation basic expenditure",
            TableKind::OperatingCosts => "administrative operating costs",
            TableKind::FinalSummary => "final-account income & expenditure summary",
            TableKind::FinalIncome => "final-account income",
            TableKind::FinalExpenditure => "final-account expenditure",
            TableKind::SelfEvaluation => "project performance self-evaluation",
            TableKind::DeptPerformance => "department performance targets",
            TableKind::ProjectPerformance => "project performance targets",
            TableKind::BasicBudget => "basic expenditure budget",
            TableKind::ProjectBudget => "project expenditure budget",
            TableKind::CarriedOver => "carried-over funds expenditure",
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
            ("某局基本支出预算表", TableKind::BasicBudget),
            ("项目支出预算情况表", TableKind::ProjectBudget),
            ("部门预算项目支出及其他支出预算表", TableKind::ProjectBudget),
            ("专项业务经费支出表", TableKind::ProjectBudget),
            ("财政拨款上年结转资金支出表", TableKind::CarriedOver),
            ("部门综合预算政府性基金收支表", TableKind::GovFundExpenditure),
            ("某某情况", TableKind::Unknown),
        ];
        for (title, kind) in cases {
            assert_eq!(TableKind::from_title(title), kind, "{title}");
        }
    }

    /// Titles as printed in the corpus: the national 决算 set (01, 03), Shanghai 预算 (05, 07),
    /// Chongqing 市级 (21, 22), Jiangsu (23) and stand-alone 三公 tables (10, 12).
    #[test]
    fn titles_of_other_sets_are_recognised() {
        use TableKind::*;
        let cases = [
            ("收入支出决算总表", FinalSummary),
            ("收入决算表", FinalIncome),
            ("支出决算表", FinalExpenditure),
            ("财政拨款收入支出决算总表", FiscalSummary),
            ("一般公共预算财政拨款支出决算表", GeneralExpenditure),
            ("一般公共预算财政拨款基本支出决算表", BasicExpenditure),
            ("财政拨款“三公”经费支出决算表", ThreePublic),
            ("政府性基金预算财政拨款收入支出决算表", GovFundExpenditure),
            ("国有资本经营预算财政拨款收入支出决算表", StateCapitalExpenditure),
            ("2025年部门财务收支预算总表", DeptSummary),
            ("2025年部门收入预算总表", DeptIncome),
            ("2025年部门支出预算总表", DeptExpenditure),
            ("2025年部门财政拨款收支预算总表", FiscalSummary),
            ("2025年部门一般公共预算支出功能分类预算表", GeneralExpenditure),
            ("2025年部门政府性基金预算支出功能分类预算表", GovFundExpenditure),
            ("2025年部门国有资本经营预算支出功能分类预算表", StateCapitalExpenditure),
            ("2025年部门一般公共预算基本支出部门预算经济分类预算表", BasicExpenditure),
            ("2025年部门“三公”经费和机关运行经费预算表", ThreePublic),
            ("2026年部门收支总体情况表", DeptSummary),
            ("2026年部门收入总体情况表", DeptIncome),
            ("2026年部门支出总体情况表", DeptExpenditure),
            ("2026年财政拨款收支总体情况表", FiscalSummary),
            ("2026年一般公共预算支出情况表", GeneralExpenditure),
            ("2026年一般公共预算基本支出情况表", BasicExpenditure),
            ("2026 年财政拨款 “三公 ” 经费支出情况表", ThreePublic),
            ("2026年政府性基金预算支出情况表", GovFundExpenditure),
            ("2026年政府采购预算明细表", Procurement),
            ("2026年部门整体绩效目标表", DeptPerformance),
            ("2026年重点专项资金绩效目标表", ProjectPerformance),
            ("2026年一般性项目绩效目标表", ProjectPerformance),
            ("收支预算总表", DeptSummary),
            ("财政拨款支出预算表", FiscalExpenditure),
            ("财政拨款基本支出预算表", FiscalBasicExpenditure),
            ("一般公共预算支出预算表", GeneralExpenditure),
            ("一般公共预算基本支出预算表", BasicExpenditure),
            ("政府性基金财政拨款支出预算表", GovFundExpenditure),
            ("一般公共预算“三公”经费、会议费、培训费支出预算表", ThreePublic),
            ("一般公共预算机关运行经费支出预算表", OperatingCosts),
            ("政府采购支出预算表", Procurement),
            ("2015年示例市档案局部门“三公”经费情况统计表", ThreePublic),
            ("2021年区本级“三公”经费预算支出表", ThreePublic),
            ("项目支出绩效自评表", SelfEvaluation),
        ];
        for (title, kind) in cases {
            assert_eq!(TableKind::from_title(title), kind, "{title}");
        }
    }
}
