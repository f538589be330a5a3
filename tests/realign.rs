//! A figure that aligned text or a PDF puts one column off is moved where the arithmetic puts
//! it, with a note saying so; a spreadsheet's cells are exact and never moved; a wrong figure
//! stays an error at its cell.

mod common;

use budget_check::check_text;
use budget_check::ingest::{pdf_file, Source};
use budget_check::report::{Report, Severity};
use budget_check::{check_sources, tolerance::RoundingMode};

/// An aligned 一般公共预算财政拨款支出表 that adds up: 2010102 has only 项目支出.
const ALIGNED: &str = "\
表三
                         一般公共预算财政拨款支出预算表
                                                                  单位：万元
    科目编码      科目名称                     合计          基本支出          项目支出
                  合计                       300.00            200.00            100.00
    201           一般公共服务支出           300.00            200.00            100.00
    20101         人大事务                   300.00            200.00            100.00
    2010101       行政运行                   200.00            200.00
    2010102       一般行政管理事务           100.00                              100.00
";

const LAST_ROW: &str = "    2010102       一般行政管理事务           100.00                              100.00";

fn errors(report: &Report) -> Vec<(&str, String)> {
    common::relations(report)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.cell.as_ref().map(|c| c.a1.clone()).unwrap_or_default()))
        .collect()
}

fn notes(report: &Report) -> Vec<&str> {
    report.notes.iter().map(|n| n.message.zh.as_str()).collect()
}

#[test]
fn a_figure_under_the_neighbouring_column_of_aligned_text_is_moved_with_a_note() {
    let clean = check_text(ALIGNED);
    assert_eq!(errors(&clean), []);
    assert_eq!(notes(&clean), Vec::<&str>::new());

    let shifted_row = "    2010102       一般行政管理事务           100.00            100.00";
    let report = check_text(&ALIGNED.replace(LAST_ROW, shifted_row));
    assert_eq!(errors(&report), []);
    assert_eq!(
        notes(&report),
        ["表三（第 9 行起）的 100.00 按版面落在“基本支出”列，按勾稽关系应属“项目支出”列，已按“项目支出”列核对"]
    );
    let table = &report.tables[0];
    let row = table.rows.iter().find(|r| r.cells[0].text == "2010102").unwrap();
    let cells: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(cells, ["2010102", "一般行政管理事务", "100.00", "", "100.00"]);
}

#[test]
fn the_same_figure_misplaced_in_a_spreadsheet_paste_is_an_error() {
    let pasted = "表三\n一般公共预算财政拨款支出预算表\n单位：万元\n\
        科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
        \t合计\t300.00\t200.00\t100.00\n\
        201\t一般公共服务支出\t300.00\t200.00\t100.00\n\
        20101\t人大事务\t300.00\t200.00\t100.00\n\
        2010101\t行政运行\t200.00\t200.00\t\n\
        2010102\t一般行政管理事务\t100.00\t100.00\t\n";
    let report = check_text(pasted);
    assert!(notes(&report).is_empty(), "{:?}", notes(&report));
    // 20101's 基本支出 and 项目支出 no longer add up (row 4 of the grid, header included).
    assert_eq!(errors(&report), [("SUM003", "D4".to_string()), ("SUM003", "E4".to_string())]);
}

#[test]
fn a_wrong_figure_in_aligned_text_stays_an_error_at_its_cell() {
    let wrong_row = "    2010102       一般行政管理事务           100.00                              110.00";
    let report = check_text(&ALIGNED.replace(LAST_ROW, wrong_row));
    assert!(notes(&report).is_empty(), "{:?}", notes(&report));
    // The row's 合计 against its parts, and 20101's 项目支出 against its lines.
    assert_eq!(errors(&report), [("SUM001", "C6".to_string()), ("SUM003", "E4".to_string())]);
}

/// Changsha prints its 财政拨款收支总表 over two pages, the second one's figures a column further
/// left: 支出总计's 656.73 stands under 政府性基金预算 as laid out. Read by position, it is
/// moved under 一般公共预算, where the first page and the arithmetic put it.
#[test]
fn a_real_table_continued_on_a_drifting_page_adds_up_once_its_figure_is_moved() {
    if !common::require_corpus() {
        return;
    }
    let path = common::corpus_dir().unwrap().join("pdf-dev/59_changsha-zhijiao-jidi-2026-yusuan.pdf");
    let bytes = std::fs::read(&path).unwrap();
    let text = pdf_file("59.pdf", budget_check::ingest::pdf::pdf_text(&bytes)).unwrap().text;
    let report = check_sources(&[Source { name: "59.pdf".into(), text }], RoundingMode::default());
    assert_eq!(errors(&report), []);
    let moved: Vec<&str> = notes(&report).into_iter().filter(|n| n.contains("按勾稽关系应属")).collect();
    // The 收入总体情况表 prints its 合计 figures under the empty cell beside 合计's header (the
    // column numbered 1 in its 栏次 row); they are moved there too.
    assert_eq!(
        moved,
        [
            "2026年部门收入总体情况表（第 177 行起）的 656.73、656.73、656.73、656.73 按版面落在“D”列，按勾稽关系应属“合计”列，已按“合计”列核对",
            "2026年财政拨款收支总体情况表（第 240 行起）的 656.73 按版面落在“政府性基金预算”列，按勾稽关系应属“一般公共预算”列，已按“一般公共预算”列核对"
        ]
    );
}
