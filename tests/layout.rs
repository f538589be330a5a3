//! Tables copied out of PDFs with `pdftotext -layout` (corpus 01, 21, 22): the tables are read
//! with their rows and values, and their real rounding differences come out as warnings.

use budget_check::ingest::Source;
use budget_check::report::Severity;
use budget_check::rules;
use budget_check::table::Table;
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Document, Report};
use common::{check_corpus, corpus_text, require_corpus};

mod common;

const PUTUO: &str = "01_shanghai-putuo-caizhengju-2024-juesuan.txt";
const CHONGQING: &str = "21_chongqing-shi-zhengfu-bangongting-2026-yusuan.txt";

/// Checks `text` as one pasted source named `name`.
fn read(name: &str, text: &str) -> Report {
    check_sources(&[Source { name: name.into(), text: text.into() }], RoundingMode::default())
}

fn table<'a>(report: &'a Report, title: &str) -> &'a Table {
    report.tables.iter().find(|t| t.title == title).unwrap_or_else(|| panic!("no table {title}"))
}

/// The cells of the data row whose label (code or name) is `label`, as printed.
fn row(table: &Table, label: &str) -> Vec<String> {
    let r = table
        .data_rows()
        .find(|&r| table.rows[r].cells.iter().any(|c| c.text == label))
        .unwrap_or_else(|| panic!("{}: no row {label}", table.title));
    table.rows[r].cells.iter().map(|c| c.text.clone()).collect()
}

fn labels(table: &Table) -> Vec<&str> {
    table.columns.iter().map(|c| c.label()).collect()
}

fn warnings(report: &Report) -> Vec<String> {
    common::relations(report)
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| report.finding_line(f).split(" | ").next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn putuo_final_accounts_are_read_row_by_row() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(PUTUO);
    let titles: Vec<&str> = report.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "收入支出决算总表",
            "收入决算表",
            "支出决算表",
            "财政拨款收入支出决算总表",
            "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款基本支出决算表",
            "财政拨款“三公”经费支出决算表",
            "政府性基金预算财政拨款收入支出决算表",
            "国有资本经营预算财政拨款收入支出决算表",
        ]
    );

    let summary = table(&report, "收入支出决算总表");
    assert_eq!(labels(summary), ["项目", "决算数", "项目", "决算数"]);
    assert_eq!(row(summary, "本年收入合计"), ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"]);
    assert_eq!(row(summary, "总计"), ["总计", "2,995.39", "总计", "2,995.39"]);
    assert_eq!(row(summary, "八、社会保障和就业支出"), ["八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"]);
    assert_eq!(summary.data_rows().len(), 30);

    let income = table(&report, "收入决算表");
    assert_eq!(
        labels(income),
        [
            "科目编码",
            "科目名称",
            "本年收入合计",
            "财政拨款收入",
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入"
        ]
    );
    assert_eq!(row(income, "合计"), ["", "合计", "2,946.25", "2,940.05", "", "", "", "", "6.20"]);
    assert_eq!(row(income, "2010601"), ["2010601", "行政运行", "1,511.90", "1,511.89", "", "", "", "", "0.01"]);
    assert_eq!(row(income, "2080505"), ["2080505", "机关事业单位基本养老保险缴费支出", "160.75", "160.75"]);
    assert_eq!(income.data_rows().len(), 20);

    let spending = table(&report, "支出决算表");
    assert_eq!(row(spending, "2010601"), ["2010601", "行政运行", "1,511.89", "1,503.52", "8.37"]);
    assert_eq!(row(spending, "合计"), ["", "合计", "2,940.05", "2,336.91", "603.14"]);
    assert_eq!(
        spending.row_code(spending.data_rows().last().unwrap_or(0)).map(|c| c.as_str().to_string()),
        Some("2210203".into())
    );

    // Values on the line above their row, names wrapped onto the next line, a page break.
    let fiscal = table(&report, "财政拨款收入支出决算总表");
    assert_eq!(
        labels(fiscal),
        [
            "项目",
            "决算数",
            "项目",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款"
        ]
    );
    assert_eq!(
        row(fiscal, "一、一般公共服务支出"),
        ["一、一般公共预算财政拨款", "2,940.05", "一、一般公共服务支出", "2,106.66", "2,106.66"]
    );
    assert_eq!(row(fiscal, "二、外交支出"), ["二、政府性基金预算财政拨款", "", "二、外交支出"]);
    assert_eq!(row(fiscal, "八、社会保障和就业支出"), ["", "", "八、社会保障和就业支出", "326.71", "326.71"]);
    assert_eq!(row(fiscal, "本年支出合计"), ["本年收入合计", "2,940.05", "本年支出合计", "2,940.05", "2,940.05"]);
    assert_eq!(row(fiscal, "二十六、抗疫特别国债安排的支出"), ["", "", "二十六、抗疫特别国债安排的支出"]);
    assert_eq!(fiscal.header_rows, 4);

    let empty = table(&report, "政府性基金预算财政拨款收入支出决算表");
    assert_eq!(empty.notes, ["注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"]);
}

/// 326.71 in 收入支出决算总表 and 财政拨款收入支出决算总表 against 326.72 in the 支出 tables, the
/// 合计 rows built on it, and 基本支出's 301 and 302 against their 款: rounding.
#[test]
fn putuo_rounding_differences_are_warnings_and_nothing_is_an_error() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(PUTUO);
    assert_eq!(report.counts.errors, 0);
    assert_eq!(
        warnings(&report),
        [
            "[warning] SUM002 收入决算表 合计 / 本年收入合计 (C5): 合计行的本年收入合计应等于各类级科目之和：填报 2946.25，计算 2946.26，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM002 收入决算表 合计 / 财政拨款收入 (D5): 合计行的财政拨款收入应等于各类级科目之和：填报 2940.05，计算 2940.06，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM002 支出决算表 合计 / 本年支出合计 (C5): 合计行的本年支出合计应等于各类级科目之和：填报 2940.05，计算 2940.06，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM002 支出决算表 合计 / 基本支出 (D5): 合计行的基本支出应等于各类级科目之和：填报 2336.91，计算 2336.92，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM002 一般公共预算财政拨款支出决算表 合计 / 合计 (C24): 合计行的合计应等于各类级科目之和：填报 2940.05，计算 2940.06，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM002 一般公共预算财政拨款支出决算表 合计 / 基本支出 (D24): 合计行的基本支出应等于各类级科目之和：填报 2336.91，计算 2336.92，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM003 一般公共预算财政拨款基本支出决算表 301 工资福利支出 / 决算数 (C2): 301 的决算数应等于其下级科目之和（类级）：填报 2082.85，计算 2082.86，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] SUM003 一般公共预算财政拨款基本支出决算表 302 商品和服务支出 / 决算数 (F2): 302 的决算数应等于其下级科目之和（类级）：填报 171.07，计算 171.09，相差 -0.02，在舍入误差范围内（舍位平衡）",
            "[warning] XTB002 一般公共预算财政拨款支出决算表 208 社会保障和就业支出 / 合计 (C11): 一般公共预算财政拨款支出决算表 社会保障和就业支出 应与 财政拨款收入支出决算总表 一致：填报 326.72，计算 326.71，相差 0.01，在舍入误差范围内（舍位平衡）",
            "[warning] XTB006 支出决算表 208 社会保障和就业支出 / 本年支出合计 (C12): 支出决算表 社会保障和就业支出 应与 收入支出决算总表 一致：填报 326.72，计算 326.71，相差 0.01，在舍入误差范围内（舍位平衡）",
        ]
    );
}

#[test]
fn chongqing_budget_tables_are_read_row_by_row() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(CHONGQING);
    let first = report.tables.iter().find(|t| t.number.as_deref() == Some("表一")).expect("表一");
    assert_eq!(
        row(first, "一、一般公共预算资金"),
        ["一、一般公共预算资金", "18,417.70", "一、一般公共服务支出", "15,958.96"]
    );
    assert_eq!(first.notes, ["注：由于四舍五入因素，部分分项加和与合计可能略有差异，下同"]);

    let income = report.tables.iter().find(|t| t.number.as_deref() == Some("表二")).expect("表二");
    // The name printed above its code and finished below it.
    assert_eq!(
        row(income, "2010399"),
        ["2010399", "其他政府办公厅（室）及相关机构事务支出", "1,315.37", "505.37", "", "", "", "810.00"]
    );
    // The second page, which repeats the header.
    assert_eq!(row(income, "2101199"), ["2101199", "其他行政事业单位医疗支出", "73.68", "73.68"]);

    let general = report.tables.iter().find(|t| t.number.as_deref() == Some("表五")).expect("表五");
    assert_eq!(
        labels(general),
        ["科目编码", "科目名称", "2025年预算数", "总计", "小计", "人员经费", "公用经费", "项目支出"]
    );
    assert_eq!(general.columns[4].path, ["2026年预算数", "基本支出", "小计"]);
    assert_eq!(general.columns[7].path, ["2026年预算数", "项目支出"]);
    // A page whose columns moved 10 places left, read by its repeated header.
    assert_eq!(row(general, "2101102"), ["2101102", "事业单位医疗", "3.24", "3.57", "3.57", "3.57"]);
    assert_eq!(row(general, "215"), ["215", "资源勘探工业信息等支出", "448.31", "673.17", "", "", "", "673.17"]);
}

/// The footnoted rounding: 表一 支出 items 19,230.19 against 19,230.18, 表四 17,552.65 + 865.06
/// against 18,417.70.
#[test]
fn chongqing_rounding_differences_are_warnings() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(CHONGQING);
    assert_eq!(report.counts.errors, 0);
    let balance: Vec<String> = warnings(&report).into_iter().filter(|w| w.contains("BAL002")).collect();
    assert_eq!(
        balance,
        [
            "[warning] BAL002 表一 合计 / 预算数 (D3): 合计（预算数）应等于 一、一般公共服务支出 + 二、教育支出 + 三、社会保障和就业支出 + 四、卫生健康支出 + …：填报 19230.18，计算 19230.19，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] BAL002 表四 收入合计 / 预算数 (B15): 收入合计（预算数）应等于 一、本年收入 + 二、上年结转：填报 18417.70，计算 18417.71，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] BAL002 表四 一、本年支出 / 总计 (D4): 一、本年支出（总计）应等于 （一）一般公共服务支出 + （二）教育支出 + （三）社会保障和就业支出 + （四）卫生健康支出 + …：填报 18417.70，计算 18417.71，相差 -0.01，在舍入误差范围内（舍位平衡）",
            "[warning] BAL002 表四 一、本年支出 / 一般公共预算 (E4): 一、本年支出（一般公共预算）应等于 （一）一般公共服务支出 + （二）教育支出 + （三）社会保障和就业支出 + （四）卫生健康支出 + …：填报 18417.70，计算 18417.71，相差 -0.01，在舍入误差范围内（舍位平衡）",
        ]
    );
}

/// Corpus 22 prints every figure's decimals on the next line (`14,770` / `.62`).
#[test]
fn numbers_broken_across_lines_are_joined() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus("22_chongqing-shi-qixiangju-2026-yusuan.txt");
    assert_eq!(report.counts.errors, 0);
    let spending = report.tables.iter().find(|t| t.number.as_deref() == Some("表三")).expect("表三");
    let filled = |cells: Vec<String>| cells.into_iter().filter(|c| !c.is_empty()).collect::<Vec<_>>();
    assert_eq!(filled(row(spending, "合计")), ["合计", "14,770.62", "5,838.39", "8,932.23"]);
    assert_eq!(filled(row(spending, "2200501")), ["2200501", "行政运行", "5,389.50", "5,321.50", "68.00"]);
}

/// The indicators of a performance form: name, nature, value, unit, weight as printed.
fn indicators(table: &Table) -> Vec<Vec<String>> {
    let form = table.form.as_ref().unwrap_or_else(|| panic!("{}: no form", table.title));
    form.indicators.iter().map(|i| table.rows[i.row].cells.iter().take(5).map(|c| c.text.clone()).collect()).collect()
}

fn kpi_findings(report: &Report) -> Vec<String> {
    common::relations(report)
        .into_iter()
        .filter(|f| f.rule.starts_with("KPI"))
        .map(|f| report.finding_line(f).split(" | ").next().unwrap_or_default().to_string())
        .collect()
}

/// Weights of each performance form read, by table number, with the count of its indicators.
fn form_weights(report: &Report) -> Vec<(String, usize, u32)> {
    report
        .tables
        .iter()
        .filter(|t| t.form.is_some())
        .map(|t| {
            let weights: u32 = indicators(t).iter().filter_map(|i| i.get(4)?.parse::<u32>().ok()).sum();
            (t.number.clone().unwrap_or_default(), indicators(t).len(), weights)
        })
        .collect()
}

/// 21's 表十 (部门整体) and 表十二 (一般性项目): names wrapped around their values
/// (`民呼我为（“互联网+督查”）诉求工单` / `≥ 85 % 15 是` / `问题解决率`) are joined, the merged
/// 序号 / 项目名称 / 当年绩效目标 cells are left out, and KPI001 finds both forms' weights make 100.
#[test]
fn chongqing_performance_forms_are_read_indicator_by_indicator() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(CHONGQING);
    // 表十一 is printed empty with its note (故此表无数据): read, without indicators.
    let weights = [("表十".to_string(), 10, 100), ("表十一".to_string(), 0, 0), ("表十二".to_string(), 11, 100)];
    assert_eq!(form_weights(&report), weights);
    let dept = report.tables.iter().find(|t| t.number.as_deref() == Some("表十")).expect("表十");
    let rows = indicators(dept);
    assert_eq!(rows[1], ["民呼我为（“互联网+督查”）诉求工单问题解决率", "≥", "85", "%", "15"]);
    assert_eq!(rows[2], ["“一件事一次办”网站访问可达率", "≥", "90", "%", "15"]);
    assert_eq!(rows[4], ["民呼我为（“12345”）咨询一次性解答率", "≥", "70", "%", "15"]);
    assert_eq!(rows[8], ["市政府门户网站和政务新媒体访问量", "≥", "2000", "万人次", "5"]);
    let project = report.tables.iter().find(|t| t.number.as_deref() == Some("表十二")).expect("表十二");
    let rows = indicators(project);
    assert_eq!(rows[3], ["民呼我为（“互联网+督查”）诉求工单问题解决率", "≥", "85", "%", "15"]);
    assert_eq!(rows[10], ["年度预算执行率", "=", "100", "%", "10"]);
    assert!(kpi_findings(&report).is_empty(), "{:?}", kpi_findings(&report));
    assert!(!report.not_checked.iter().any(|n| n.rule == "KPI001"));
    assert_eq!(report.counts.errors, 0);
}

/// 22's forms: a department form over two pages (its header repeated), and a project form whose
/// names wrap above (`确保市局各类气象业务及管理工作` / `稳定持续运转 = 365`) or below
/// (`综合观测系统装备维修时限 (国家 ≤ 36` / `地面站)`) their values, letter-spaced ones too.
#[test]
fn meteorology_performance_forms_are_read_and_their_weights_checked() {
    if !require_corpus() {
        return;
    }
    let name = "22_chongqing-shi-qixiangju-2026-yusuan.txt";
    let report = check_corpus(name);
    let weights = [("表十".to_string(), 11, 100), ("表十一".to_string(), 0, 0), ("表十二".to_string(), 12, 100)];
    assert_eq!(form_weights(&report), weights);
    let project = report.tables.iter().find(|t| t.number.as_deref() == Some("表十二")).expect("表十二");
    let rows = indicators(project);
    assert_eq!(rows[2], ["确保市局各类气象业务及管理工作稳定持续运转", "=", "365", "天数", "10"]);
    assert_eq!(rows[6], ["观测系统业务可用性(国家地面站)", "≥", "98", "%", "5"]);
    assert_eq!(rows[7], ["综合观测系统装备维修时限(国家地面站)", "≤", "36", "小时", "8"]);
    assert_eq!(rows[9], ["观测系统传输及时率(国家地面站)", "≥", "98", "%", "5"]);
    // 公众气象服务满意度 measured in 分: a real warning, in both forms.
    assert_eq!(
        kpi_findings(&report),
        [
            "[warning] KPI004 表十 (D12): 满意度指标的计量单位是“分”，通常应为 %",
            "[warning] KPI004 表十二 (D12): 满意度指标的计量单位是“分”，通常应为 %",
        ]
    );
    assert_eq!(report.counts.errors, 0);

    // One weight changed on the second page: KPI001 sees the sum.
    let text = corpus_text(name);
    let changed = text.replacen(
        "公众气象服务满意度               ≥     90     分       5",
        "公众气象服务满意度               ≥     90     分       6",
        1,
    );
    assert_ne!(changed, text);
    let report = check_sources(&[Source { name: name.into(), text: changed }], RoundingMode::Nearest);
    let kpi001: Vec<String> = kpi_findings(&report).into_iter().filter(|f| f.contains("KPI001")).collect();
    assert_eq!(kpi001, ["[error] KPI001 表十 (E2): 表十 权重合计 101，应为 100（含预算执行率权重）"]);
}

const SOCIAL_WORK: &str = "03_shanghai-putuo-shehuigongzuobu-2024-juesuan.txt";

/// 03's 基本支出决算表: 人员经费 (301, 303) ‖ 公用经费 (302, 310), a code on each side; names
/// wrapped around their figures, a code alone on its line with its name and figure below
/// (`30299` / `其他商品和服务支出 0.20`), a code printed against its name (`310资本性支出`).
#[test]
fn social_work_basic_spending_is_read_in_two_coded_halves() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(SOCIAL_WORK);
    let basic = table(&report, "一般公共预算财政拨款基本支出决算表");
    assert_eq!(labels(basic), ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"]);
    assert_eq!(basic.data_rows().len(), 39);
    assert_eq!(row(basic, "301"), ["301", "工资福利支出", "95.36", "302", "商品和服务支出", "10.23"]);
    assert_eq!(row(basic, "30108"), ["30108", "机关事业单位基本养老保险缴费", "6.18", "30206", "电费", "0.00"]);
    assert_eq!(row(basic, "30399"), ["30399", "其他对个人和家庭的补助", "0.00", "30240", "税金及附加费用", "0.00"]);
    assert_eq!(row(basic, "30299"), ["", "", "", "30299", "其他商品和服务支出", "0.20"]);
    assert_eq!(row(basic, "310"), ["", "", "", "310", "资本性支出", "0.00"]);
    assert_eq!(row(basic, "31001"), ["", "", "", "31001", "房屋建筑物购建", "0.00"]);
    assert_eq!(row(basic, "31007"), ["", "", "", "31007", "信息网络及软件购置更新", "0.00"]);
    assert_eq!(row(basic, "人员经费合计"), ["", "人员经费合计", "95.36", "", "公用经费合计", "10.23"]);
    // 302's items make 10.22 against 10.23 printed, and 105.58 basic spending in the 支出 table
    // against 95.36 + 10.23: rounding; BAS001 holds (95.36 + 0.00, 10.23 + 0.00).
    assert_eq!(report.counts.errors, 0);
    assert!(!report.not_checked.iter().any(|n| n.rule == "BAS001"));
    assert_eq!(
        warnings(&report).iter().filter(|w| w.contains("基本支出决算表")).collect::<Vec<_>>(),
        [
            "[warning] SUM003 一般公共预算财政拨款基本支出决算表 302 商品和服务支出 / 决算数 (F4): 302 的决算数应等于其下级科目之和（类级）：填报 10.23，计算 10.22，相差 0.01，在舍入误差范围内（舍位平衡）",
            "[warning] XTB003 一般公共预算财政拨款支出决算表 合计 / 基本支出 (D23): 一般公共预算财政拨款支出决算表 基本支出合计 应与 一般公共预算财政拨款基本支出决算表 一致：填报 105.58，计算 105.59，相差 -0.01，在舍入误差范围内（舍位平衡）",
        ]
    );
}

/// A name wrapped over three lines is centred on its row line: as many lines below as above,
/// so `机关事业单位` under 20805's `养老支出` starts 2080505's name (NAM001 no longer fires).
#[test]
fn names_wrapped_around_their_row_are_joined_in_order() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(SOCIAL_WORK);
    let spending = table(&report, "一般公共预算财政拨款支出决算表");
    assert_eq!(row(spending, "20805")[1], "行政事业单位养老支出");
    assert_eq!(row(spending, "2080505")[..3], ["2080505", "机关事业单位基本养老保险缴费支出", "6.18"]);
    assert_eq!(row(spending, "2080506")[..3], ["2080506", "机关事业单位职业年金缴费支出", "4.64"]);
    assert_eq!(row(spending, "21011")[1], "行政事业单位医疗");
    assert!(!common::relations(&report).into_iter().any(|f| f.rule == "NAM001"));
}

/// FNV-1a (64 bits) of the text: a fingerprint that pins cells without the repository holding them.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// 01's 基本支出决算表 prints each row's 类 codes on a line of their own (`301    01        302`),
/// its figures on that line or above it and its names (and the right half's 款) below: read row by
/// row, it gives the cells of the table as printed (checked by hand against the document; codes
/// without the space between 类 and 款), and BAS001 checks it. The hand-checked cells are pinned by
/// their fingerprint (rows joined by newlines, trailing blank cells dropped, cells by tabs), since
/// the repository does not carry a transcription of a real document.
#[test]
fn putuo_basic_spending_reads_as_printed() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus(PUTUO);
    let basic = table(&report, "一般公共预算财政拨款基本支出决算表");
    let trimmed = |mut cells: Vec<String>| {
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        cells
    };
    let read: Vec<Vec<String>> =
        basic.rows.iter().map(|r| trimmed(r.cells.iter().map(|c| c.text.clone()).collect())).collect();
    assert_eq!(read.len(), 40);
    assert_eq!(read[0], ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"]);
    assert_eq!(read[1], ["301", "工资福利支出", "2,082.85", "302", "商品和服务支出", "171.07"]);
    assert_eq!(read[29], ["", "", "", "310", "资本性支出", "13.58"]);
    assert_eq!(read[39], ["", "人员经费合计", "2,152.26", "", "公用经费合计", "184.65"]);
    assert_eq!(read.iter().flatten().filter(|c| !c.is_empty()).count(), 165);
    let text: Vec<String> = read.iter().map(|r| r.join("\t")).collect();
    assert_eq!(fnv1a(&text.join("\n")), 0xe6fd_0f2a_3f7a_9ec3, "{text:#?}");
    assert_eq!(report.counts.errors, 0);
    assert!(!report.not_checked.iter().any(|n| n.rule == "BAS001"));
    assert!(report.unrecognised.is_empty());
}

/// The column paths of a table, each joined with ` › `.
fn paths(table: &Table) -> Vec<String> {
    table.columns.iter().map(|c| c.path.join(" › ")).collect()
}

/// How many relations SGF001 and SGF002 check on `table` alone, and what they report.
fn three_public_checks(table: &Table) -> Vec<(usize, Vec<String>)> {
    let doc = Document { tables: vec![table.clone()], ..Document::default() };
    ["SGF001", "SGF002"]
        .iter()
        .map(|code| {
            let rule = rules::rule(code).expect("rule");
            let outcome = rules::run(&doc, RoundingMode::Nearest, &[rule]);
            (outcome.relations, outcome.findings.iter().map(|f| f.message.zh.clone()).collect())
        })
        .collect()
}

/// The 三公 tables of 01, 05, 21 and 22 print their items off-centre (01's 合计 over its
/// 决算数), letter-spaced (22's `小   计`) or wrapped (21's `因公出国` / `（境）费`), and 07 prints
/// each figure a few places right of its header word: every figure column is named by its item and
/// measure, each figure stands in its own column, and the three-public totals are checked on them.
#[test]
fn three_public_headers_name_item_and_measure() {
    if !require_corpus() {
        return;
    }
    putuo_final_pairs();
    putuo_budget_with_operating_costs();
    chongqing_two_years();
    qixiangju_decimals_below();
    fuliyuan_figures_right_of_words();
}

/// 01: 预算数/决算数 pairs under each item, 合计 off-centre.
fn putuo_final_pairs() {
    let vehicles = "公务用车购置及运行费";
    let report = check_corpus(PUTUO);
    let three = table(&report, "财政拨款“三公”经费支出决算表");
    let top = "财政拨款“三公”经费";
    let mut expected = Vec::new();
    for item in ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"]
    {
        for measure in ["预算数", "决算数"] {
            expected.push(match item {
                "小计" | "公务用车购置费" | "公务用车运行费" => {
                    format!("{top} › {vehicles} › {item} › {measure}")
                }
                _ => format!("{top} › {item} › {measure}"),
            });
        }
    }
    assert_eq!(paths(three), expected);
    // 0.95 budgeted, all of it for reception; nothing spent.
    assert_eq!(row(three, "0.95"), ["0.95", "", "", "", "", "", "", "", "", "", "0.95"]);
    assert_eq!(three_public_checks(three), [(2, vec![]), (2, vec![])]);
}

/// 05: one row of items beside 机关运行经费.
fn putuo_budget_with_operating_costs() {
    let report = check_corpus("05_shanghai-putuo-caizhengju-2025-yusuan.txt");
    let three = table(&report, "2025年部门“三公”经费和机关运行经费预算表");
    assert_eq!(
        paths(three),
        [
            "“三公”经费预算数 › 合计",
            "“三公”经费预算数 › 因公出国(境)费",
            "“三公”经费预算数 › 公务接待费",
            "“三公”经费预算数 › 公务用车购置及运行费 › 小计",
            "“三公”经费预算数 › 公务用车购置及运行费 › 购置费",
            "“三公”经费预算数 › 公务用车购置及运行费 › 运行费",
            "机关运行经费预算数",
        ]
    );
    assert_eq!(row(three, "0.95"), ["0.95", "", "0.95", "", "", "", "229.43"]);
    assert_eq!(three_public_checks(three), [(1, vec![]), (1, vec![])]);
}

/// 21: two years side by side, 因公出国 / （境）费 wrapped.
fn chongqing_two_years() {
    let vehicles = "公务用车购置及运行费";
    let report = check_corpus(CHONGQING);
    let three = table(&report, "2026年财政拨款“三公”经费支出情况表");
    let year = |y: &str| {
        [
            format!("{y} › 合计"),
            format!("{y} › 因公出国（境）费"),
            format!("{y} › {vehicles} › 小计"),
            format!("{y} › {vehicles} › 公务用车购置费"),
            format!("{y} › {vehicles} › 公务用车运行费"),
            format!("{y} › 公务接待费"),
        ]
    };
    assert_eq!(paths(three), [year("2025年预算数"), year("2026年预算数")].concat());
    assert_eq!(
        row(three, "396.97"),
        ["396.97", "184.49", "202.48", "", "202.48", "10.00", "394.49", "184.49", "200.00", "", "200.00", "10.00"]
    );
    assert_eq!(three_public_checks(three), [(2, vec![]), (2, vec![])]);
}

/// 22: letter-spaced 小   计, decimals on the line under each figure.
fn qixiangju_decimals_below() {
    let report = check_corpus("22_chongqing-shi-qixiangju-2026-yusuan.txt");
    let three = table(&report, "2026年财政拨款“三公”经费支出情况表");
    assert_eq!(
        paths(three),
        [
            "合计",
            "因公出国(境)费",
            "公务用车购置及运行费 › 小计",
            "公务用车购置及运行费 › 公务用车购置费",
            "公务用车购置及运行费 › 公务用车运行费",
            "公务接待费",
        ]
    );
    // Each figure's decimals are printed on the line under it (`13` / `.85`).
    assert_eq!(row(three, "13.85"), ["13.85", "", "13.55", "", "13.55", "0.30"]);
    assert_eq!(three_public_checks(three), [(1, vec![]), (1, vec![])]);
}

/// 07: every figure a few places right of its header word.
fn fuliyuan_figures_right_of_words() {
    let vehicles = "公务用车购置及运行费";
    let report = check_corpus("07_shanghai-putuo-fuliyuan-2024-danwei-yusuan.txt");
    let three = table(&report, "单位“三公”经费和机关运行经费预算表");
    let year = "2024年“三公”经费预算数";
    assert_eq!(
        paths(three),
        [
            format!("{year} › 合计"),
            format!("{year} › 因公出国(境)费"),
            format!("{year} › 公务接待费"),
            format!("{year} › {vehicles} › 小计"),
            format!("{year} › {vehicles} › 购置费"),
            format!("{year} › {vehicles} › 运行费"),
            "2024年机关运行经费预算数".to_string(),
        ]
    );
    // Every figure stands a few places right of its header word (公务接待费's 0 nearer 小计 than
    // its own word), as its 情况说明 confirms: 6.40 in all, all of it for running vehicles.
    assert_eq!(row(three, "6.4"), ["6.4", "0", "0", "6.4", "", "6.4", "0"]);
    assert_eq!(three_public_checks(three), [(1, vec![]), (1, vec![])]);
}

/// 22's 表四 prints some decimals on the line above their figure (`.73` over `12,572`) and spaces
/// its header terms out (`合    计`, `项     目`): each figure is whole and in its column, the table
/// is read and checked, and nothing in it is an error.
#[test]
fn decimals_printed_above_their_figure_are_joined() {
    if !require_corpus() {
        return;
    }
    let report = check_corpus("22_chongqing-shi-qixiangju-2026-yusuan.txt");
    assert_eq!(report.counts.errors, 0);
    assert!(report.unrecognised.iter().all(|u| u.title != "2026年财政拨款收支总体情况表"));
    let fiscal = report.tables.iter().find(|t| t.number.as_deref() == Some("表四")).expect("表四");
    assert_eq!(
        labels(fiscal),
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    );
    assert_eq!(
        row(fiscal, "(一)一般公共预算资金"),
        ["(一)一般公共预算资金", "12,572.73", "(一)社会保障和就业支出", "82.51", "82.51"]
    );
    assert_eq!(row(fiscal, "一、本年收入"), ["一、本年收入", "12,572.73"]);
    assert_eq!(
        row(fiscal, "(三)农林水支出"),
        ["(三)国有资本经营预算资金", "", "(三)农林水支出", "579.89", "", "579.89"]
    );
    assert_eq!(row(fiscal, "支出合计"), ["", "", "支出合计", "13,252.62", "12,672.73", "579.89"]);
    assert_eq!(row(fiscal, "收入合计"), ["收入合计", "13,252.62"]);
}

/// What `pdftotext -layout` does to a long table of a made-up department: page numbers printed
/// flush left (one alone on a blank page), a page whose figures moved left with no header
/// repeated, and the next table's title flush left as the first line of its page.
const PAGED: &str = "\
        一般公共预算基本支出情况表
                    单位：万元
  科目编码           科目名称         预算数

               合计                   130.00
301      工资福利支出                     100.00
30101    基本工资                        60.00
30102    津贴补贴                        40.00
7
\u{c}8
\u{c}302     商品和服务支出          30.00
30201   办公费                 10.00
30211   差旅费                 20.00
9
\u{c}一般公共预算“三公”经费支出情况表
                    单位：万元
        项目           预算数
合计                            3.00
1、因公出国（境）费用                    0.00
2、公务接待费                        1.00
3、公务用车购置及运行费                  2.00
其中：（1）公务用车购置费                  0.00
（2）公务用车运行费                    2.00
10
";

#[test]
fn a_paged_table_moved_sideways_and_a_flush_title_are_read() {
    let report = read("paged.txt", PAGED);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let basic = table(&report, "一般公共预算基本支出情况表");
    assert_eq!(row(basic, "30211"), ["30211", "差旅费", "20.00"]);
    assert_eq!(basic.data_rows().count(), 7);
    let three = table(&report, "一般公共预算“三公”经费支出情况表");
    assert_eq!(row(three, "2、公务接待费"), ["2、公务接待费", "1.00"]);
    assert_eq!(report.counts.errors, 0);
}

/// A 收入 table whose header lost its 类/款/项 words to a row numbering the columns
/// (`**  **  1  2  3`): the codes are still codes, the column numbers no amounts.
#[test]
fn codes_under_a_numbered_header_are_not_amounts() {
    let text = "\
                        部门收入总体情况表
                                        单位：万元
     功能科目                 合计       一般公共预算          事业收入
 **   **                   1            2             3

      合计               50.00        40.00         10.00
205   教育支出            50.00        40.00         10.00
20503 职业教育            50.00        40.00         10.00
2050399 其他职业教育支出   50.00        40.00         10.00
206   科学技术支出         0.00         0.00          0.00
";
    let report = read("numbered.txt", text);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let income = table(&report, "部门收入总体情况表");
    assert_eq!(income.code_column(), Some(0));
    assert_eq!(report.counts.errors, 0);
    assert!(report.counts.relations_checked >= 6, "{}", report.counts.relations_checked);
}

/// A 收支总表 that prints 支出 in several views side by side (by function, by economic class;
/// made up): income and the first view are read as the two sides, and they balance.
const VIEWS: &str = "\
                                  部门综合预算收支总表
                                                                                   单位：元
            收入                                        支出
   项目              预算数     支出功能分类科目          预算数     部门预算支出经济分类科目       预算数
一、财政拨款          100.00   一、一般公共服务支出        80.00   一、工资福利支出             90.00
二、事业收入           20.00   二、教育支出                40.00   二、商品和服务支出           30.00
三、其他收入            0.00   三、卫生健康支出             0.00   三、资本性支出                0.00
本年收入合计          120.00   本年支出合计               120.00   本年支出合计                120.00
收入总计              120.00   支出总计                   120.00   支出总计                    120.00
";

#[test]
fn income_beside_several_views_of_spending_reads_as_two_sides() {
    let check = |text: &str| read("views.txt", text);
    let report = check(VIEWS);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let table = table(&report, "部门综合预算收支总表");
    assert_eq!(row(table, "二、教育支出"), ["二、事业收入", "20.00", "二、教育支出", "40.00"]);
    assert_eq!(report.counts.errors, 0);
    let wrong = check(&VIEWS.replace("二、教育支出                40.00", "二、教育支出                45.00"));
    let cells: Vec<&str> = common::relations(&wrong)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .filter_map(|f| f.cell.as_ref())
        .map(|c| c.a1.as_str())
        .collect();
    assert_eq!(cells, ["D6"]);
}

/// A 收支总表 whose 支出 side runs on alone over the next page, which `pdftotext` set further left
/// (made up, after a Jiangsu layout): that page's labels would stand in the 收入 column; they are
/// the 支出 side's, moved back by how far the page moved, and the side adds up.
const SIDE_RUNS_ON: &str = "\
                              财政拨款收支总表
部门：某某局                                                                       单位：万元
                       收入                                   支出

          项目                预算数                        项目            预算数

一、本年收入                              100.00 一、本年支出                             100.00
（一）一般公共预算拨款                         100.00 （一）一般公共服务支出                         60.00
（二）政府性基金预算拨款                               （二）外交支出                              0.00
二、上年结转                                     （三）国防支出                              0.00
                                           （四）公共安全支出                           10.00
                                           （五）教育支出

                                     - 1 -
\u{c}                                  （六）住房保障支出          30.00
                                  （七）其他支出
                                  （八）转移性支出

                                     - 2 -
";

#[test]
fn a_page_printing_one_side_moved_sideways_keeps_its_side() {
    let report = read("side.txt", SIDE_RUNS_ON);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let table = table(&report, "财政拨款收支总表");
    assert_eq!(row(table, "（六）住房保障支出"), ["", "", "（六）住房保障支出", "30.00"]);
    assert_eq!(report.counts.errors, 0);
    assert_eq!(report.counts.relations_checked, 2);
}

/// A 支出总表 whose last page `pdftotext` squeezed narrower than the first (made up, after a
/// Jiangsu layout): its two columns of figures fit the first page's columns neither where they
/// stand nor in order, so they take the columns of the rows the first page ended with — the
/// children of 22102 run on with 合计 and 基本支出 — and the table adds up.
const SQUEEZED_PAGE: &str = "\
                                        支出总表
单位：某某局                                                                    单位：万元
  科目编码                  科目名称         合计             基本支出              项目支出

                     合计              1,300.00       1,020.00           280.00
208             社会保障和就业支出              100.00         100.00
  20805         行政事业单位养老支出             100.00         100.00
      2080505   机关事业单位基本养老保险缴费支出       100.00         100.00
213             农林水支出                  280.00                          280.00
  21303         水利                     280.00                          280.00
      2130305   水利工程建设                 200.00                          200.00
      2130306   水利工程运行与维护               80.00                           80.00
221             住房保障支出                 920.00         920.00
  22102         住房改革支出                 920.00         920.00

                                                - 1 -
\u{c}
   2210201   住房公积金      300.00 300.00
   2210202   提租补贴       400.00 400.00
   2210203   购房补贴       220.00 220.00

                                - 2 -
";

#[test]
fn a_squeezed_page_runs_on_with_the_columns_the_page_before_ended_with() {
    let report = read("squeezed.txt", SQUEEZED_PAGE);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let table = table(&report, "支出总表");
    assert_eq!(row(table, "2210202"), ["2210202", "提租补贴", "400.00", "400.00"]);
    assert_eq!(report.counts.errors, 0);
    let wrong = read("squeezed.txt", &SQUEEZED_PAGE.replace("400.00 400.00", "400.00 410.00"));
    // The row's total and its parent's sum, both through the changed 基本支出 cell D13.
    let errors: Vec<Vec<&str>> = common::relations(&wrong)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.cell.iter().chain(&f.related).map(|c| c.a1.as_str()).collect())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().all(|cells| cells.contains(&"D13")), "{errors:?}");
}

/// A 收入总表 listed by unit (made up, after a Jiangsu layout): under `单位代码`, each unit's
/// six-digit code stands left of its figures, and a long name wraps around its row, leaving the
/// code alone there. The code labels the row, it is not a displaced subject code among the
/// amounts: the table is read and adds up, and a changed figure is an error.
const UNIT_CODES: &str = "\
                                        收入总表
单位：某某局                                                                 单位：万元
单位代码    单位名称         合计       小计    一般公共预算     事业收入       其他收入
            合计           2,100.00   1,700.00   1,700.00     300.00       100.00
           某某局综合行政
 100001                     1,000.00     900.00     900.00                    100.00
           执法监督本级
 100002     某某中心          500.00     300.00     300.00     200.00
 100003     某某站            300.00     200.00     200.00     100.00
 100004     某某所            200.00     200.00     200.00
 100005     某某队            100.00     100.00     100.00
";

#[test]
fn a_unit_code_left_of_the_figures_labels_its_row() {
    let check = |text: &str| read("units.txt", text);
    let report = check(UNIT_CODES);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    let table = table(&report, "收入总表");
    assert_eq!(row(table, "100001")[3..], ["1,000.00", "900.00", "900.00", "", "100.00"]);
    assert_eq!((report.counts.errors, report.counts.relations_checked), (0, 6), "{}", report.to_text());
    let wrong = check(&UNIT_CODES.replace("900.00     900.00", "900.00     910.00"));
    assert_eq!(wrong.counts.errors, 1, "{}", wrong.to_text());
}

/// Two tables of one document (made up): the first ends, a page number, then the next section's
/// numbered heading (`九、…表`) stands at the left margin before the next title. That heading is
/// no row of the first table: read as one, it pulled the table's labels to the margin, so its
/// codes were taken for a column of figures and its header named the wrong columns.
const SECTION_HEADING: &str = "\
八、一般公共预算支出经济分类表

                     一般公共预算支出经济分类表
                                                         单位：万元

  科目编码           科目名称         预算数

               合计                   1,500.00
301      工资福利支出                     1,000.00
302      商品和服务支出                     400.00
303      对个人和家庭的补助                   100.00
310      资本性支出
399      其他支出

                        7
九、一般公共预算基本支出经济分类表

                  一般公共预算基本支出经济分类表
                                                         单位：万元
科目编码                  科目名称     预算数
合计                                 1,100.00
301      工资福利支出                     1,000.00
30101    基本工资                          600.00
30102    津贴补贴                          400.00
302      商品和服务支出                     100.00
30201    办公费                            100.00
";

#[test]
fn the_next_sections_heading_is_no_row_of_the_table_before() {
    let report = read("sections.txt", SECTION_HEADING);
    let first = table(&report, "一般公共预算支出经济分类表");
    assert_eq!(labels(first), ["科目编码", "科目名称", "预算数"]);
    assert_eq!(first.rows.last().map(|r| r.cells[0].text.as_str()), Some("399"));
    assert_eq!(report.counts.errors, 0, "{}", report.to_text());
    // Its 合计 row is checked against its classes: a changed class is an error.
    let wrong = SECTION_HEADING
        .replace("商品和服务支出                     400.00", "商品和服务支出                     500.00");
    let wrong = read("sections.txt", &wrong);
    assert_eq!(wrong.counts.errors, 1, "{}", wrong.to_text());
}
