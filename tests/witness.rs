//! The arithmetic as the reader's witness: a table whose relations fail in many places that one
//! or two cells cannot explain is reported as not reliably read, never as a list of errors; a
//! single wrong figure is still an error at its cell.

use budget_check::check_text;
use budget_check::report::Severity;

const SEED: &str = include_str!("fixtures/seed.txt");

/// The seed with 表二's 基本支出 of four rows in different 款 read one column to the right, as a
/// misread column would put them.
fn shifted_seed() -> String {
    let mut text = SEED.to_string();
    for (code, name, figure) in [
        ("2080505", "机关事业单位基本养老保险缴费支出", "27.74"),
        ("2101101", "行政单位医疗", "11.98"),
        ("2150501", "行政运行", "207.07"),
        ("2210201", "住房公积金", "20.86"),
    ] {
        let printed = format!("{code}\t{name}\t{figure}\t{figure}\t\n");
        assert!(text.contains(&printed), "{printed}");
        text = text.replacen(&printed, &format!("{code}\t{name}\t{figure}\t\t{figure}\n"), 1);
    }
    text
}

#[test]
fn a_table_misread_in_many_places_is_not_reliably_read_and_gives_no_error() {
    let report = check_text(&shifted_seed());
    assert_eq!(report.counts.errors, 0, "{:#?}", report.findings);
    let set_aside: Vec<&str> = report
        .unrecognised
        .iter()
        .filter(|u| u.reason_zh.starts_with("未能可靠读出"))
        .map(|u| u.title.as_str())
        .collect();
    assert_eq!(set_aside, ["重庆市綦江区大数据应用发展管理局（汇总） 一般公共预算财政拨款支出预算表"]);
    assert!(report.unrecognised.iter().any(|u| u.reason_en.contains("8 relations of this table fail")));
    // The other tables stay read, and the findings point at them by their new places.
    assert_eq!(report.tables.len(), 18);
    for f in &report.findings {
        if let (Some(t), Some(cell)) = (f.table, &f.cell) {
            assert_eq!(cell.table, t);
            assert_eq!(report.tables[t].index, t);
        }
    }
}

#[test]
fn one_wrong_figure_stays_an_error_at_its_cell() {
    let text = SEED.replacen("2150501\t行政运行\t207.07\t207.07\t", "2150501\t行政运行\t208.07\t208.07\t", 1);
    let report = check_text(&text);
    assert!(report.unrecognised.iter().all(|u| !u.reason_zh.starts_with("未能可靠读出")));
    let at_cell = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .any(|f| f.related.iter().chain(&f.cell).any(|c| c.row_label.starts_with("2150501")));
    assert!(at_cell, "{:#?}", report.findings);
}
