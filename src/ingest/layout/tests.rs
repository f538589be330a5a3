//! Unit tests of the layout reader on small made-up tables printed the way `pdftotext -layout`
//! prints the corpus documents: their quirks are copied, their names and figures are invented (the
//! real documents stay in ../shared/corpus).

use super::*;

fn read(text: &str) -> Vec<Block> {
    split_layout(&Source { name: "pdf".into(), text: text.into() })
}

fn row<'a>(block: &'a Block, first: &str) -> &'a [String] {
    let found = block.rows.iter().find(|r| r.cells.iter().any(|c| c == first));
    found.map(|r| r.cells.as_slice()).unwrap_or_else(|| panic!("no row {first}: {:#?}", block.rows))
}

/// A 支出决算表 laid out as corpus 01's: 基本支出 / 项目支出 printed on the line above the row
/// whose 合计 is on the row line; header words wrapped (`本年支出合` / `计`).
const SPENDING: &str = "                                支出决算表

                                                                             单位：万元

                项目                                                           对附属单位
                                本年支出合                 项目支      上缴上级支   经营支
   支出功能分类                                  基本支出                                补
                       科目名称       计                    出         出      出
    科目编码                                                                      助支出
                                           2,318.64   610.55
                                2,929.19
 类    款   项
                        合计
                                           1,487.36   610.55
201             一般公共服务支出        2,097.91
                                           1,487.36   610.55
201   06        财政事务            2,097.91
                                           1,487.36
201   06   01   行政运行            1,493.81               6.45
201   06   02   一般行政管理事务          12.00               12.00
                                                      128.40
201   06   07   信息化建设            128.40
                                                      463.70
201   06   08   财政委托业务支出         463.70
";

#[test]
fn figures_on_the_line_above_join_their_row_and_wrapped_headers_are_joined() {
    let blocks = read(SPENDING);
    assert_eq!(blocks.len(), 1);
    let b = &blocks[0];
    assert_eq!(b.title.as_deref(), Some("支出决算表"));
    assert_eq!(b.unit_caption.as_deref(), Some("单位：万元"));
    assert_eq!(b.misaligned, None);
    let header: Vec<&str> =
        b.rows.iter().take_while(|r| !r.cells.iter().any(|c| c.contains('.'))).map(|r| r.cells[4].as_str()).collect();
    // The lowest header line prints only 科目编码 and the end of 对附属单位补助支出.
    assert_eq!(header, ["项目支出", "项目支出", "项目支出", ""]);
    assert!(b.rows.iter().any(|r| r.cells.get(3).is_some_and(|c| c == "基本支出")));
    assert_eq!(row(b, "合计"), ["", "合计", "2,929.19", "2,318.64", "610.55"]);
    assert_eq!(row(b, "201"), ["201", "一般公共服务支出", "2,097.91", "1,487.36", "610.55"]);
    assert_eq!(row(b, "2010601"), ["2010601", "行政运行", "1,493.81", "1,487.36", "6.45"]);
    assert_eq!(row(b, "2010602"), ["2010602", "一般行政管理事务", "12.00", "", "12.00"]);
    assert_eq!(row(b, "2010607"), ["2010607", "信息化建设", "128.40", "", "128.40"]);
    let data = b.rows.iter().filter(|r| r.cells.iter().any(|c| c.contains('.'))).count();
    assert_eq!(data, 7);
}

/// A 表二 laid out as corpus 21's: a name printed on the line above its coded row, its tail below.
#[test]
fn a_name_printed_above_its_code_belongs_to_the_row_below() {
    let text = "表二
                 2026年部门收入总体情况表
单位名称：某单位                                        单位：万元
 科目编码         科目名称           总计       一般公共预算     事业收入
 2010350   事业运行                  64.35       61.90        2.45
            其他政府办公厅（室）及相关机构事务
 2010399                         1,208.46       437.16      771.30
           支出
205        教育支出                  12.84       12.84
";
    let b = &read(text)[0];
    assert_eq!(b.marker.as_deref(), Some("表二"));
    assert_eq!(b.preamble, vec!["单位名称：某单位"]);
    assert_eq!(row(b, "2010350"), ["2010350", "事业运行", "64.35", "61.90", "2.45"]);
    assert_eq!(
        row(b, "2010399"),
        ["2010399", "其他政府办公厅（室）及相关机构事务支出", "1,208.46", "437.16", "771.30"]
    );
    assert_eq!(row(b, "205"), ["205", "教育支出", "12.84", "12.84"]);
}

#[test]
fn a_number_split_across_lines_is_one_number() {
    let text = "                  项目支出表
 科目编码         科目名称           总计       项目支出
 2010301   行政运行                 163,250       163,250
                                       .48           .48
 2010302   一般行政管理事务              12.00        12.00
";
    let b = &read(text)[0];
    assert_eq!(b.misaligned, None);
    assert_eq!(row(b, "2010301"), ["2010301", "行政运行", "163,250.48", "163,250.48"]);
}

const BASIC: &str = "                    一般公共预算财政拨款基本支出决算表
                                                                 单位：万元
    科目编码       科目名称      决算数                         科目名称        决算数
301                         1,946.30   302                           158.62
            工资福利支出                                 商品和服务支出
                            247.18                                   19.74
301    01                              302
            基本工资                              01   办公费
";

/// A 基本支出决算表 laid out as corpus 01's: each row's 类 codes on a line of their own, its
/// figures on that line or above, its names and the right half's 款 below.
#[test]
fn basic_spending_with_codes_on_their_own_lines_is_read_by_rows() {
    let b = &read(BASIC)[0];
    assert_eq!(b.misaligned, None);
    assert_eq!(row(b, "301"), ["301", "工资福利支出", "1,946.30", "302", "商品和服务支出", "158.62"]);
    assert_eq!(row(b, "30101"), ["30101", "基本工资", "247.18", "30201", "办公费", "19.74"]);
}

/// The same table with a figure after its last row fits neither reading: it says why.
#[test]
fn a_table_whose_columns_cannot_be_placed_says_so() {
    let text = format!("{BASIC}                            1.00\n");
    let b = &read(&text)[0];
    let problem = b.misaligned.as_ref().expect("misaligned");
    // The first line with 302 at its end, after figures and with no name after it.
    assert_eq!(problem.line, 4);
    assert_eq!(problem.detail_en, "a whole number “302” stands among the amounts (a displaced subject code?)");
    let crate::table::Recognised::NotATable(unread) = crate::table::recognise(b, 0, None) else {
        panic!("a misaligned block must not become a table");
    };
    assert_eq!(
        unread.reason_en,
        "could not align columns (line 4: a whole number “302” stands among the amounts (a displaced subject code?))"
    );
    assert!(unread.reason_zh.starts_with("未能可靠对齐列"));
}

#[test]
fn detects_layout_text_but_not_tabs_pipes_or_one_cell_per_line() {
    assert!(looks_like_layout(SPENDING));
    let seed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt")).unwrap_or_default();
    assert!(!seed.is_empty());
    assert!(!looks_like_layout(&seed));
    assert!(!looks_like_layout(&SPENDING.replace("   ", " | ")));
    let one_per_line: String = SPENDING.split_whitespace().map(|w| format!("{w}\n")).collect();
    assert!(!looks_like_layout(&one_per_line));
}

#[test]
fn contents_entries_and_part_headings_are_no_titles() {
    let ws = words("  一、收入支出决算总表");
    assert_eq!(title_of(&ws, false), None);
    assert_eq!(title_of(&words("第二部分 示例区数据管理局2024年度部门决算表"), false), None);
    assert_eq!(
        title_of(&words("     财政拨款支出预算表（功能科目）"), false).as_deref(),
        Some("财政拨款支出预算表（功能科目）")
    );
    assert!(is_marker("公开01表"));
}

/// Exactly the corpus documents extracted with `pdftotext -layout` are read as aligned text. The
/// real documents stay outside the repository: found as tests/common's `corpus_dir` finds them
/// (`$BUDGET_CHECK_CORPUS`, else `../shared/corpus` beside the clone), skipped where absent.
#[test]
fn the_pdf_documents_of_the_corpus_and_only_they_look_like_layout() {
    let dir = match std::env::var_os("BUDGET_CHECK_CORPUS") {
        Some(dir) if !dir.is_empty() => std::path::PathBuf::from(dir),
        _ => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    if !dir.join("01_shanghai-putuo-caizhengju-2024-juesuan.txt").is_file() {
        assert!(
            std::env::var_os("BUDGET_CHECK_REQUIRE_CORPUS").is_none_or(|v| v.is_empty()),
            "real documents not found in {} (BUDGET_CHECK_REQUIRE_CORPUS is set)",
            dir.display()
        );
        use std::io::Write;
        let how = "real documents not found; set BUDGET_CHECK_CORPUS=/path/to/shared/corpus or put shared/ \
                   (with shared/corpus) beside the clone";
        let _ = writeln!(
            std::io::stderr(),
            "skipped the_pdf_documents_of_the_corpus_and_only_they_look_like_layout: {how}"
        );
        return;
    }
    let mut layout: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        .filter(|e| looks_like_layout(&std::fs::read_to_string(e.path()).unwrap_or_default()))
        .map(|e| e.file_name().to_string_lossy().chars().take(2).collect())
        .collect();
    layout.sort();
    assert_eq!(layout, ["01", "03", "05", "07", "21", "22", "23"]);
}

/// A 表十二 laid out as corpus 21's, cut down: one made-up project's indicators, a name wrapped
/// around its values.
const PROJECT_FORM: &str = "表十二
                            2026年市级一般性项目绩效目标表（一级项目）
              当年财政拨款                                                              指标权重
 序号   项目名称                  当年绩效目标           指标名称            指标性质   指标值    计量单位
               预算金额                                                                (%)
                                      区委区政府重点交办事项按期办结率        ＝     100     %      50
                                      便民服务（“一网通+办理”）咨询工单问
                                                              ≥      90     %      40
      区数据管理               按期办结各类事项，确保 题解决率
 1    局业务及日    7,265.40   服务质量达标，支撑区级 年度预算执行率                 =      100    %      10
";

#[test]
fn a_project_form_is_read_indicator_by_indicator() {
    let b = &read(PROJECT_FORM)[0];
    assert_eq!(b.misaligned, None);
    let cells: Vec<&[String]> = b.rows.iter().map(|r| r.cells.as_slice()).collect();
    assert_eq!(
        cells,
        [
            ["指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)"].as_slice(),
            ["区委区政府重点交办事项按期办结率", "＝", "100", "%", "50"].as_slice(),
            ["便民服务（“一网通+办理”）咨询工单问题解决率", "≥", "90", "%", "40"].as_slice(),
            ["年度预算执行率", "=", "100", "%", "10"].as_slice(),
        ]
    );
}

/// A second project (序号 2) in the same form: whose indicators are whose is unknown.
#[test]
fn a_form_of_several_projects_is_left_unread() {
    let text = format!(
        "{PROJECT_FORM} 2    其他项目      10.00   完成 年度预算执行率                 =      100    %      10\n"
    );
    let b = &read(&text)[0];
    let problem = b.misaligned.as_ref().expect("misaligned");
    assert_eq!(problem.line, 11);
    assert_eq!(
        problem.detail_en,
        "a performance form lists several projects; which indicator belongs to which cannot be told"
    );
}

fn lines_of(text: &str) -> Vec<grid::TableLine> {
    text.lines()
        .enumerate()
        .map(|(i, l)| grid::TableLine { no: i + 1, page_break: false, continued: false, words: words(l) })
        .collect()
}

/// A 三公 header read by its words: 22's letter-spaced `小   计` is one column under
/// 公务用车购置及运行费; 23's, whose 合计 spans 会议费 and 培训费 and whose 小计 appears
/// twice, is left to the general reading.
#[test]
fn three_public_headers_are_read_only_in_their_known_shapes() {
    let meteorology = lines_of(
        "                                           公务用车购置及运行费
     合   计          因公出国 (境)费                                        公务接待费
                                小   计          公务用车购置费   公务用车运行费",
    );
    let header: Vec<&grid::TableLine> = meteorology.iter().collect();
    let figures = words::items(&words("             16.42                   15.96                15.96        0.46"));
    let (rows, data) = three::read(&header, &[(5, figures.as_slice())]).expect("a 三公 header");
    assert_eq!(rows.last().map(|(_, cells)| cells.clone()).unwrap_or_default()[2], "小计");
    assert_eq!(data, (5, vec!["16.42".into(), "".into(), "15.96".into(), "".into(), "15.96".into(), "0.46".into()]));

    let court = lines_of(
        "                                   “三公”经费
                                   公务用车购置及运行维护费
  合计                   因公出                                           会议费       培训费
                                                             公务接
              小计       国（境）               公务用车购   公务用车运
                                 小计                           待费
                        费                  置费     行维护费",
    );
    let header: Vec<&grid::TableLine> = court.iter().collect();
    let figures =
        words::items(&words("   2,203.86   462.95    145.00   238.60             238.60   79.35   254.18    1,486.73"));
    assert_eq!(three::read(&header, &[(9, figures.as_slice())]), None);
}

#[test]
fn organisation_captions_name_a_unit_or_department_before_a_colon() {
    assert!(names_organisation("部门（单位）：某市审计局"));
    assert!(names_organisation("单位名称：某市信访局"));
    assert!(names_organisation("编制单位"));
    assert!(!names_organisation("一、一般公共预算拨款收入"));
    assert!(!names_organisation("注：本部门无政府性基金预算支出，故本表无数据"));
}

/// A 项目绩效目标表 as several cities print it, names invented: no 指标性质 column (the nature is
/// in the value), the 一级指标 header wrapped (`一级指` / `标`), text cells wrapped above and
/// below their row's line, and merged 一级/二级 cells centred on the rows they span.
const TARGET_FORM: &str = "                       演示经费项目绩效目标表

          项目名称                    演示经费
          主管部门            示例局               实施单位     示例中心
                         资金总额                   36.50
          项目资金       财政拨款                   36.50
                         其他资金                    0.00

          年度目标      保障演示工作正常开展。

                       一级指
                                  二级指标         三级指标             指标值
                        标

                       成本指              演示支出预算控
                                经济成本指标                          ≤100%
                        标                    制率
                                             聘用演示人员数量          ≥4 人
                                  数量指标
              绩效指标                          演示覆盖率              =100%
                       产出指标
                                  质量指标     演示资料准确率          =90%
                                            演示费用发放及时
                                  时效指标                           ≥95%
                                                  率
                                服务对象满意
                      满意度指标              演示对象投诉次数          ≤20 次
                                  度指标
          备注
";

#[test]
fn target_form_joins_wrapped_cells_to_the_row_they_wrap_around() {
    let blocks = read(TARGET_FORM);
    let form = &blocks[0];
    assert_eq!(form.misaligned, None);
    let rows: Vec<Vec<&str>> = form.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
    let header = rows.iter().position(|r| r.first() == Some(&"一级指标")).expect("indicator header");
    assert_eq!(rows[..header].first(), Some(&vec!["项目名称", "演示经费"]));
    assert_eq!(
        rows[header..],
        [
            vec!["一级指标", "二级指标", "三级指标", "指标值"],
            vec!["成本指标", "经济成本指标", "演示支出预算控制率", "≤100%"],
            vec!["成本指标", "数量指标", "聘用演示人员数量", "≥4人"],
            vec!["产出指标", "数量指标", "演示覆盖率", "=100%"],
            vec!["产出指标", "质量指标", "演示资料准确率", "=90%"],
            vec!["产出指标", "时效指标", "演示费用发放及时率", "≥95%"],
            vec!["满意度指标", "服务对象满意度指标", "演示对象投诉次数", "≤20次"],
            vec!["备注"],
        ]
    );
}

/// A 支出总表 listing units, as Shenzhen prints it (names invented): a unit's name wraps around the
/// line of its figures, and the next unit's codes follow.
#[test]
fn a_unit_name_wrapped_around_its_figures_is_one_row() {
    let text = "                                          支出总表
单位：万元
      预算单位                  科目编码        科目名称              支出总计        基本支出        项目支出
      示例局                                                            500.00          300.00          200.00
                                2010101         行政运行                300.00          300.00            0.00
                                2010102         一般行政管理事务        200.00            0.00          200.00
      示例局下属演示
                                                                        120.00          120.00            0.00
      中心
                                2010350         事业运行                120.00          120.00            0.00
";
    let b = &read(text)[0];
    assert_eq!(b.misaligned, None, "{:#?}", b.rows);
    assert_eq!(row(b, "示例局下属演示中心"), ["示例局下属演示中心", "", "", "120.00", "120.00", "0.00"]);
    assert_eq!(row(b, "2010350"), ["2010350", "", "事业运行", "120.00", "120.00", "0.00"]);
}

/// An empty table under `其中：` over 基本支出 | 项目支出, its 备注 wrapped onto a second line that
/// ends the sentence: the figures stay under their own columns and the note is whole.
#[test]
fn a_grouping_header_is_no_column_and_a_wrapped_note_is_whole() {
    let text = "                        国有资本经营预算拨款支出预算表
                                                              单位：万元
                                                      其中：
      科目编码            科目名称         小计
                                                  基本支出      项目支出
                         合计              0.00        0.00          0.00

      备注：本单位本年没有使用国有资本经营预算拨款安排的支
      出。
";
    let b = &read(text)[0];
    assert_eq!(b.misaligned, None);
    assert_eq!(row(b, "合计"), ["合计", "0.00", "0.00", "0.00"]);
    assert!(b.rows.iter().any(|r| r.cells[2..] == ["基本支出", "项目支出"]), "{:#?}", b.rows);
    assert_eq!(b.notes, ["备注：本单位本年没有使用国有资本经营预算拨款安排的支出。"]);
}

/// The PDF reader sets Chinese names one column per character, half as wide as drawn, so a
/// long name's middle in the text lies left of its cell's; figures stand right-aligned.
/// `40,000.00` ends under the right edge of `一般公共预算拨款小计`'s cell, its middle nearer to that of
/// `其中：专项经费` as the text counts: counted as drawn, it is 小计's.
#[test]
fn figures_go_to_the_cell_whose_name_is_drawn_over_them() {
    let text = "                         部门支出总表
                                                              单位：元
  单位编码   单位名称           合计        一般公共预算拨款小计              其中：专项经费           其他收入
         合计            50,000.00               40,000.00                     10,000.00
  101    某某局           50,000.00               40,000.00                     10,000.00
";
    let blocks = read(text);
    assert_eq!(row(&blocks[0], "某某局"), ["101", "某某局", "50,000.00", "40,000.00", "", "10,000.00"]);
}

/// A form's title wrapped over two lines of its page, the second piece closing a bracket or too
/// short to name a table, is one title; on a new page the piece stays a title of its own.
#[test]
fn a_title_wrapped_onto_the_next_line_is_one_title() {
    let body = PROJECT_FORM.splitn(3, '\n').nth(2).unwrap_or_default();
    let second_title =
        |text: &str| read(&format!("{PROJECT_FORM}{text}{body}")).into_iter().nth(1).and_then(|b| b.title);
    let closing = second_title("      示例区信息化运维补助（市级补助\n            ）项目绩效目标表\n");
    assert_eq!(closing.as_deref(), Some("示例区信息化运维补助（市级补助）项目绩效目标表"));
    let short = second_title("      示例区信息化运维补助项目绩\n            效目标表\n");
    assert_eq!(short.as_deref(), Some("示例区信息化运维补助项目绩效目标表"));
    let next_page = second_title("      示例区信息化运维补助项目绩\n\u{c}            效目标表\n");
    assert_eq!(next_page.as_deref(), Some("效目标表"));
}
