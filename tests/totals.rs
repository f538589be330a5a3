//! Row totals of tables whose header groups were not all read, and tables listed by unit.

use budget_check::check_text;
use budget_check::report::Severity;

/// A project table whose 财政拨款 合计 stands beside the 总计 with its group name lost: the
/// 总计 adds up the columns one by one, not the 合计 as well.
#[test]
fn a_second_total_beside_the_first_is_no_part_of_it() {
    let table = |other: &str| {
        format!(
            "项目支出预算表\n单位：万元\n项目名称\t总计\t合计\t一般公共预算\t政府性基金预算\t其他资金\n\
             业务经费\t150.00\t120.00\t100.00\t20.00\t{other}\n"
        )
    };
    let sums = |report: &budget_check::Report| -> Vec<String> {
        report.findings.iter().filter(|f| f.rule == "SUM001").map(|f| f.message.zh.clone()).collect()
    };
    assert_eq!(sums(&check_text(&table("30.00"))), Vec::<String>::new());
    let wrong = sums(&check_text(&table("31.00")));
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(wrong[0].contains("总计应等于 一般公共预算 + 政府性基金预算 + 其他资金"), "{wrong:?}");
}

/// A 支出总表 listed by unit (单位编码 | 单位名称, made up) has no subjects: the general-budget
/// table's classes are not "missing" from it, and its unit codes are no subject codes.
#[test]
fn a_spending_table_listed_by_unit_is_not_compared_by_subject() {
    let text = "表3\n部门支出总表\n单位：元\n\
        单位编码\t单位名称\t合计\t基本支出\t项目支出\n\
        \t合计\t300.00\t200.00\t100.00\n\
        117\t某局\t300.00\t200.00\t100.00\n\
        117001\t某局本级\t300.00\t200.00\t100.00\n\
        表5\n一般公共预算支出表\n单位：元\n\
        科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
        \t合计\t300.00\t200.00\t100.00\n\
        201\t一般公共服务支出\t300.00\t200.00\t100.00\n\
        20108\t审计事务\t300.00\t200.00\t100.00\n\
        2010801\t行政运行\t300.00\t200.00\t100.00\n";
    let report = check_text(text);
    assert_eq!(report.tables.len(), 2, "{:?}", report.unrecognised);
    assert_eq!(report.tables[0].code_column(), None);
    let errors: Vec<&str> = report.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.rule).collect();
    assert_eq!(errors, Vec::<&str>::new());
}
