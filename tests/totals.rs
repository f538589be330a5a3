//! Row totals of tables whose header groups were not all read.

use budget_check::check_text;

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
