//! Every input format other than tab-separated paste and PDF text: ` | `-joined cells (corpus
//! 10), one cell per line (corpus 12, 17), HTML tables, and uploaded files (.xlsx, .xls, GBK
//! .csv, .html) — each must give the same tables and the same findings as the seed's paste.
//! The spreadsheet and CSV fixtures are written by tests/fixtures/formats/make_fixtures.py.

use budget_check::ingest::{blocks, file_marker, file_text, html_to_text, Block, Source};
use budget_check::report::{Finding, Severity};
use budget_check::table::ColumnRole;
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};
use common::{corpus_source_starting, require_corpus};

mod common;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text the page would put in its input box for an uploaded fixture.
fn uploaded(name: &str) -> Source {
    let text = file_text(name, &fixture(name)).unwrap_or_else(|e| panic!("{e}"));
    Source { name: name.into(), text: format!("{}\n{text}", file_marker(name)) }
}

fn check(source: Source) -> Report {
    check_sources(&[source], RoundingMode::Nearest)
}

/// `line: cell|cell|…` for each row of a block.
fn rows(block: &Block) -> Vec<String> {
    block.rows.iter().map(|r| format!("{}: {}", r.line, r.cells.join("|"))).collect()
}

/// `rule a1 row-label / column-label printed computed` of each finding.
fn findings(report: &Report, severity: Severity) -> Vec<String> {
    report.findings.iter().filter(|f| f.severity == severity).map(describe).collect()
}

fn describe(f: &Finding) -> String {
    let cell = f.cell.as_ref().map(|c| format!("{} {} / {}", c.a1, c.row_label, c.column_label)).unwrap_or_default();
    let number = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    format!("{} {cell} {} {}", f.rule, number(f.printed), number(f.computed))
}

/// The seed's 表三 rounding differences, as tests/seed.rs pins them for the paste.
const BIAO3_ROUNDING: [&str; 2] = ["SUM002 C3 合计 / 总计 352.16 352.15", "SUM002 D3 合计 / 人员经费 278.69 278.68"];

#[test]
fn corpus_10_pipe_joined_cells_are_rows_and_its_real_error_is_found() {
    if !require_corpus() {
        return;
    }
    let source = corpus_source_starting("10_");
    let b = blocks(&source);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].title.as_deref(), Some("2015年桂林市司法局部门“三公”经费情况统计表"));
    assert_eq!(b[0].unit_caption.as_deref(), Some("单位:万元"));
    assert_eq!(
        rows(&b[0]),
        vec![
            "4: 项 目|本年预算数|其中:公共预算财政拨款",
            "5: 合 计|34.35|34.35",
            "6: 1.因公出国(境)费用|0|0",
            "7: 2.公务接待费|1.70|1.70",
            "8: 3.公务用车费|0|0",
            "9: 其中:(1)公务用车运行维护费|32.65|32.65",
            "10: (2)公务用车购置|0|0",
        ]
    );
    assert_eq!(b[0].notes.len(), 1);
    assert!(b[0].notes[0].starts_with("注:按照财政部和部门预算管理的有关规定"));

    // 公务用车费 is printed 0 while its parts (运行维护费 32.65) make 32.65; 合计 34.35 is
    // 1.70 + 32.65, so the total is right and only the vehicle subtotal is reported.
    let report = check(source);
    assert_eq!(
        findings(&report, Severity::Error),
        vec!["SGF002 B5 3.公务用车费 / 本年预算数 0 32.65", "SGF002 C5 3.公务用车费 / 其中:公共预算财政拨款 0 32.65",]
    );
    let vehicle = report.findings.iter().find(|f| f.rule == "SGF002").and_then(|f| f.cell.as_ref()).unwrap();
    assert_eq!(vehicle.line, 8);
}

/// Corpus 10 with its 合计 made wrong as well (34.35 → 35.35): the total is no longer compared with
/// the items instead of the wrong vehicle subtotal, so both are reported; a lone 三公 table names no
/// table set. (tests/sets.rs checks the same on a made-up table of this shape.)
#[test]
fn corpus_10_a_wrong_total_is_reported_beside_the_wrong_vehicle_subtotal() {
    if !require_corpus() {
        return;
    }
    let mut source = corpus_source_starting("10_");
    assert!(!check(source.clone()).findings.iter().any(|f| f.rule == "SET002"));
    source.text = source.text.replacen("34.35", "35.35", 1);
    let report = check(source);
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {} {:?} {:?}", f.rule, f.cell.as_ref().unwrap().a1, f.printed, f.computed))
        .collect();
    assert_eq!(
        errors,
        ["SGF001 B2 Some(35.35) Some(1.70)", "SGF002 B5 Some(0) Some(32.65)", "SGF002 C5 Some(0) Some(32.65)"]
    );
}

#[test]
fn corpus_12_one_cell_per_joined_line_is_regrouped_by_the_header_and_adds_up() {
    if !require_corpus() {
        return;
    }
    let source = corpus_source_starting("12_");
    let b = blocks(&source);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].title.as_deref(), Some("2021年区本级“三公”经费预算支出表"));
    assert_eq!(b[0].unit_caption.as_deref(), Some("单位:万元"));
    assert_eq!(
        rows(&b[0]),
        vec![
            "5: 项目|预算数",
            "7: 合计|4432",
            "9: 1.因公出国(境)费用|39",
            "11: 2.公务接待费|323",
            "13: 3.公务用车购置及运行维护费|4070",
            "15: 其中:公务用车运行维护费|2648",
            "17: 公务用车购置|1422",
        ]
    );
    // 4432 = 39 + 323 + 4070 and 4070 = 2648 + 1422: checked, and both hold.
    let report = check(source);
    assert!(!report.not_checked.iter().any(|n| n.rule == "SGF001" || n.rule == "SGF002"), "{:?}", report.not_checked);
    assert_eq!(findings(&report, Severity::Error), Vec::<String>::new());
    assert_eq!(findings(&report, Severity::Warning), Vec::<String>::new());
}

#[test]
fn corpus_17_one_cell_per_line_is_read_as_far_as_it_goes() {
    if !require_corpus() {
        return;
    }
    let source = corpus_source_starting("17_");
    let b = blocks(&source);
    let table = b.iter().find(|b| b.title.as_deref() == Some("收入支出决算总表")).unwrap();
    assert_eq!(table.marker.as_deref(), Some("公开01表"));
    assert_eq!(table.unit_caption.as_deref(), Some("金额单位:万元"));
    assert_eq!(table.preamble, vec!["部门:南漳县招商服务中心"]);
    assert_eq!(
        rows(table),
        vec![
            "46: 收入|||支出",
            "50: 项目|行次|金额|项目|行次|金额",
            "62: 栏次||1|栏次||2",
            "72: 一、一般公共预算财政拨款收入|1|440.55|一、一般公共服务支出|29|423.20",
            "84: 二、政府性基金预算财政拨款收入|2|0.00|二、外交支出|30|0.00",
            "96: 三、上级补助收入|3|10.00|三、国防支出|31|0.00",
            "108: 四、事业收入|4|0.00|四、公共安全支出|32|0.00",
        ]
    );
    // The text stops inside the next label: kept as a note, not guessed into a row.
    assert_eq!(table.notes, vec!["五、经"]);

    let report = check(source);
    assert_eq!(findings(&report, Severity::Error), Vec::<String>::new());
}

/// The 栏次 row is header and 行次 columns hold line numbers: neither is summed as an amount.
#[test]
fn row_number_columns_of_a_two_sided_table_are_not_amounts() {
    if !require_corpus() {
        return;
    }
    let source = corpus_source_starting("17_");
    let mut block = blocks(&source).into_iter().find(|b| b.title.as_deref() == Some("收入支出决算总表")).unwrap();
    block.title = Some("部门收支总表".into());
    let budget_check::table::Recognised::Table(table) = budget_check::table::recognise(&block, 0, None) else {
        panic!("not recognised");
    };
    assert_eq!(table.header_rows, 3);
    let columns: Vec<(String, ColumnRole)> = table.columns.iter().map(|c| (c.path.join("/"), c.role)).collect();
    assert_eq!(
        columns,
        vec![
            ("收入/项目".to_string(), ColumnRole::Label),
            ("收入/行次".to_string(), ColumnRole::Other),
            ("收入/金额".to_string(), ColumnRole::Total),
            ("支出/项目".to_string(), ColumnRole::Label),
            ("支出/行次".to_string(), ColumnRole::Other),
            ("支出/金额".to_string(), ColumnRole::Total),
        ]
    );
}

#[test]
fn xlsx_upload_reads_every_sheet_at_the_displayed_decimals() {
    let text = file_text("biao3.xlsx", &fixture("biao3.xlsx")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "=== 工作表：表三 ===");
    // Merged title and header cells: the top-left holds the text, the rest stay empty.
    assert_eq!(lines[1], "重庆市綦江区大数据应用发展管理局（汇总） 一般公共预算财政拨款基本支出预算表");
    assert_eq!(lines[3], "经济分类科目\t\t2025年基本支出");
    // 352.155 displayed as 0.00, the binary artefact 62.080000000000005 under General, codes
    // stored as numbers, 36.80 shown with its format's two decimals.
    assert_eq!(lines[5], "合计\t\t352.16\t278.69\t73.47");
    assert_eq!(lines[6], "301\t工资福利支出\t278.67\t278.67");
    assert_eq!(lines[7], "30101\t基本工资\t62.08\t62.08");
    assert_eq!(lines[10], "30107\t绩效工资\t36.80\t36.80");
    assert_eq!(lines[lines.len() - 2], "=== 工作表：说明 ===");

    let report = check(uploaded("biao3.xlsx"));
    assert_eq!(report.tables.len(), 1);
    assert_eq!(report.tables[0].source, "biao3.xlsx");
    // Lines count within the file: the sheet line, the title, the unit, then the header.
    assert_eq!(report.tables[0].rows[0].line, 4);
    assert_eq!(findings(&report, Severity::Error), Vec::<String>::new());
    assert_eq!(findings(&report, Severity::Warning), BIAO3_ROUNDING);
}

/// One value in the last cell of a sheet must not make a grid of 17 billion cells.
#[test]
fn a_stray_far_cell_is_read_without_a_dense_grid() {
    let text = file_text("far-cell.xlsx", &fixture("far-cell.xlsx")).unwrap();
    let far = format!("{}2", "\t".repeat(16383));
    assert_eq!(text, format!("=== 工作表：Sheet1 ===\n合计\t1\n{far}"));
}

#[test]
fn xls_upload_gives_the_same_table_and_findings() {
    let text = file_text("biao3.xls", &fixture("biao3.xls")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "=== 工作表：表三 ===");
    assert_eq!(lines[3], "经济分类科目\t\t2025年基本支出");
    assert_eq!(lines[5], "合计\t\t352.16\t278.69\t73.47");
    // .xls number formats are not exposed: floats print without their binary artefacts.
    assert_eq!(lines[10], "30107\t绩效工资\t36.8\t36.8");

    let report = check(uploaded("biao3.xls"));
    assert_eq!(report.tables.len(), 1);
    assert_eq!(report.tables[0].kind, budget_check::table::TableKind::BasicExpenditure);
    assert_eq!(findings(&report, Severity::Error), Vec::<String>::new());
    assert_eq!(findings(&report, Severity::Warning), BIAO3_ROUNDING);
}

#[test]
fn gbk_csv_upload_keeps_quoted_thousands_in_one_cell() {
    let text = file_text("biao2-gbk.csv", &fixture("biao2-gbk.csv")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "重庆市綦江区大数据应用发展管理局（汇总） 一般公共预算财政拨款支出预算表\t\t\t\t");
    assert_eq!(lines[4], "合计\t\t1,136.88\t352.16\t784.72");

    let report = check(uploaded("biao2-gbk.csv"));
    assert_eq!(report.tables.len(), 1);
    assert_eq!(report.tables[0].cell(2, 2).map(|c| c.text.as_str()), Some("1,136.88"));
    assert_eq!(findings(&report, Severity::Error), Vec::<String>::new());
    assert_eq!(
        findings(&report, Severity::Warning),
        vec![
            "SUM003 C12 21011 行政事业单位医疗 / 总计 16.98 16.99",
            "SUM003 D12 21011 行政事业单位医疗 / 基本支出 16.98 16.99"
        ]
    );
}

#[test]
fn excel_clipboard_html_expands_spans_and_keeps_printed_decimals() {
    let html = String::from_utf8(fixture("biao4-clipboard.html")).unwrap();
    assert_eq!(
        html_to_text(&html),
        "重庆市綦江区大数据应用发展管理局（汇总） 一般公共预算“三公”经费支出表\t\t\t\t\t\n\
         单位：万元\t\t\t\t\t\n\
         2025年预算数\t\t\t\t\t\n\
         合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\
         \t\t小计\t公务用车购置费\t公务用车运行费\t\n\
         13.00\t\t3.00\t-\t3.00\t10.00"
    );
    let report = check(Source { name: "剪贴板".into(), text: html.clone() });
    assert_eq!(report.tables.len(), 1);
    let table = &report.tables[0];
    let paths: Vec<String> = table.columns.iter().map(|c| c.path.join("/")).collect();
    assert_eq!(
        paths,
        vec![
            "2025年预算数/合计",
            "2025年预算数/因公出国（境）费",
            "2025年预算数/公务用车购置及运行费/小计",
            "2025年预算数/公务用车购置及运行费/公务用车购置费",
            "2025年预算数/公务用车购置及运行费/公务用车运行费",
            "2025年预算数/公务接待费",
        ]
    );
    assert_eq!(report.findings.iter().filter(|f| f.rule.starts_with("SGF00")).count(), 0);
    assert!(!report.not_checked.iter().any(|n| n.rule == "SGF001" || n.rule == "SGF002"));

    // The same fragment with 公务接待费 printed 11.00: the total no longer adds up.
    let wrong = html.replace("x:num=\"10\">10.00", "x:num=\"11\">11.00");
    let report = check(Source { name: "剪贴板".into(), text: wrong });
    assert_eq!(findings(&report, Severity::Error), vec!["SGF001 A4  / 合计 13.00 14.00"]);
}

#[test]
fn several_files_make_one_document_and_each_table_names_its_file() {
    let text = [uploaded("biao2-gbk.csv").text, uploaded("biao3.xlsx").text].join("\n");
    let report = check(Source { name: "粘贴内容".into(), text });
    let sources: Vec<(&str, &str, usize)> =
        report.tables.iter().map(|t| (t.source.as_str(), t.kind.label_zh(), t.rows[0].line)).collect();
    assert_eq!(
        sources,
        vec![("biao2-gbk.csv", "一般公共预算财政拨款支出表", 3), ("biao3.xlsx", "一般公共预算财政拨款基本支出表", 4)]
    );
    // The 说明 sheet holds prose only: nothing to list.
    assert_eq!(report.unrecognised.len(), 0);
}

#[test]
fn unreadable_files_are_bilingual_errors_naming_the_file() {
    let err = file_text("预算.xlsx", &fixture("biao2-gbk.csv")).unwrap_err();
    assert_eq!(err.file, "预算.xlsx");
    assert!(err.message_zh.starts_with("无法读取文件“预算.xlsx”：不是有效的 XLSX 文件"), "{}", err.message_zh);
    assert!(err.message_en.starts_with("cannot read file \"预算.xlsx\": not a valid XLSX file"), "{}", err.message_en);
    let truncated = &fixture("biao3.xls")[..4000];
    assert!(file_text("预算.xls", truncated).unwrap_err().message_zh.contains("不是有效的 XLS 文件"));
    // calamine 0.38 panicked on this truncation (a sector reference past what it had loaded).
    let err = file_text("预算.xls", &fixture("biao3.xls")[..8266]).unwrap_err();
    assert!(err.message_en.ends_with("(Cfb error: Sector 17 points past end of file)"), "{}", err.message_en);
    // A DIMENSIONS record claiming 4 294 967 295 rows would make calamine reserve them all.
    let mut huge = fixture("biao3.xls");
    let at = huge.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]).unwrap();
    huge[at + 8..at + 12].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = file_text("预算.xls", &huge).unwrap_err();
    assert!(err.message_en.contains("more than 2000000"), "{}", err.message_en);
    let err = file_text("预算.pdf", b"%PDF-1.7").unwrap_err();
    assert!(err.message_zh.contains("PDF"), "{}", err.message_zh);
}
