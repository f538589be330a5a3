//! A 财政拨款收支总表 that prints one 预算数 column totals every fund: a class that only the
//! 政府性基金 table holds is rightly absent from the 一般公共预算 table (XTB002).

use budget_check::check_text;

const SUMMARY: &str = "表一\n示例区示例局财政拨款收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n\
一、本年收入\t105.00\t一、本年支出\t105.00\n一般公共预算资金\t100.00\t一般公共服务支出\t80.00\n\
政府性基金预算资金\t5.00\t社会保障和就业支出\t12.00\n国有资本经营预算资金\t\t住房保障支出\t8.00\n\
\t\t城乡社区支出\t5.00\n收入合计\t105.00\t支出合计\t105.00\n\n";

const GENERAL: &str = "表二\n示例区示例局一般公共预算财政拨款支出预算表\n单位：万元\n\
科目编码\t科目名称\t总计\t基本支出\t项目支出\n合计\t\t100.00\t80.00\t20.00\n\
201\t一般公共服务支出\t80.00\t60.00\t20.00\n20103\t政府办公厅（室）及相关机构事务\t80.00\t60.00\t20.00\n\
2010301\t行政运行\t60.00\t60.00\t\n2010302\t一般行政管理事务\t20.00\t\t20.00\n\
208\t社会保障和就业支出\t12.00\t12.00\t\n20805\t行政事业单位养老支出\t12.00\t12.00\t\n\
2080505\t机关事业单位基本养老保险缴费支出\t12.00\t12.00\t\n221\t住房保障支出\t8.00\t8.00\t\n\
22102\t住房改革支出\t8.00\t8.00\t\n2210201\t住房公积金\t8.00\t8.00\t\n\n";

const FUND: &str = "表五\n示例区示例局政府性基金预算支出表\n单位：万元\n\
科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t5.00\t\t5.00\n\
212\t城乡社区支出\t5.00\t\t5.00\n21208\t国有土地使用权出让收入安排的支出\t5.00\t\t5.00\n\
2120899\t其他国有土地使用权出让收入安排的支出\t5.00\t\t5.00\n";

fn class_findings(text: &str) -> Vec<String> {
    let report = check_text(text);
    report.findings.iter().filter(|f| f.rule == "XTB002").map(|f| report.finding_line(f)).collect()
}

#[test]
fn a_class_of_the_fund_table_is_not_missing_from_the_general_one() {
    assert_eq!(class_findings(&format!("{SUMMARY}{GENERAL}{FUND}")), Vec::<String>::new());
}

#[test]
fn a_class_in_no_table_is_still_reported() {
    let findings = class_findings(&format!("{SUMMARY}{GENERAL}"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].contains("列出“城乡社区支出” 5.00，但 表二 没有同名的类级科目"), "{findings:#?}");
}
