//! The reviewer's checklist (issue 11 point 8): per part of a disclosure, 是/否/待人工核对 and
//! the problems found there, as the library builds it and as the workbook and the command line
//! write it.

mod common;

use budget_check::ingest::{read_file, Source};
use budget_check::review::{self, Item, Lang, Verdict};
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, Report};
use calamine::{Data, Reader, Xlsx};
use common::{corpus_dir, require_corpus, seed_source};
use std::io::Cursor;

fn check(source: Source) -> Report {
    check_sources(&[source], RoundingMode::Nearest)
}

/// Each line as (part, verdict).
fn verdicts(items: &[Item]) -> Vec<(String, Verdict)> {
    items.iter().map(|i| (i.part.zh.clone(), i.verdict)).collect()
}

fn item<'a>(items: &'a [Item], part: &str) -> &'a Item {
    items.iter().find(|i| i.part.zh == part).unwrap_or_else(|| panic!("no line {part} in {:?}", verdicts(items)))
}

/// The seed is its tables only: each table of the Chongqing district set meets the requirements,
/// and the parts a paste of tables does not hold are left to the reviewer, never passed.
#[test]
fn the_seeds_tables_pass_and_the_parts_it_lacks_are_for_the_reviewer() {
    let items = review::items(&check(seed_source()));
    let by_hand = ["封面", "目录", "情况说明", "其他说明（名词解释等）"];
    for part in by_hand {
        assert_eq!(item(&items, part).verdict, Verdict::ByHand, "{part}");
    }
    let tables: Vec<&Item> = items.iter().filter(|i| !by_hand.contains(&i.part.zh.as_str())).collect();
    assert_eq!(tables.len(), 11, "{:?}", verdicts(&items));
    assert!(tables.iter().all(|i| i.verdict == Verdict::Meets && i.problems.is_empty()), "{:?}", verdicts(&items));
    let general = item(&items, "一般公共预算财政拨款支出预算表");
    assert_eq!(general.seen.zh, "读出 表二（第 23 行），23 行；2 处舍入差异（在允许范围内）");
}

/// One figure changed: its table fails with the cell as the likely cause; the others still pass.
#[test]
fn a_changed_figure_fails_its_table_with_the_cell_named() {
    let mut seed = seed_source();
    seed.text = seed.text.replacen("2101101\t行政单位医疗\t11.98\t11.98", "2101101\t行政单位医疗\t12.98\t12.98", 1);
    let items = review::items(&check(seed));
    let general = item(&items, "一般公共预算财政拨款支出预算表");
    assert_eq!(general.verdict, Verdict::Fails);
    // The row's 总计 and 基本支出 both changed: each is a likely cause, its relations named.
    let problems: Vec<&str> = general.problems.iter().map(|p| p.zh.as_str()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for (problem, cell) in problems.iter().zip(["(C13)", "(D13)"]) {
        assert!(problem.starts_with("表二 2101101 行政单位医疗") && problem.contains(cell), "{problem}");
        assert!(problem.contains("此格很可能填错") && problem.contains("；所涉勾稽关系：表二"), "{problem}");
    }
    let failing: Vec<String> =
        items.iter().filter(|i| i.verdict == Verdict::Fails).map(|i| i.part.zh.clone()).collect();
    assert_eq!(failing, ["一般公共预算财政拨款支出预算表"]);
}

/// A whole published document (corpus 07): cover, 目录 and 名词解释 found where printed; the
/// template leftover in the 情况说明 fails that part and not the 名词解释 printed before it.
#[test]
fn a_whole_disclosure_has_each_part_and_its_leftover_in_the_explanation() {
    if !require_corpus() {
        return;
    }
    let name = "07_shanghai-putuo-fuliyuan-2024-danwei-yusuan.txt";
    let report = common::check_corpus(name);
    let items = review::items(&report);
    // The cover's title is the document's second line, as printed (white space dropped).
    let title: String = common::corpus_text(name).lines().nth(1).unwrap_or_default().split_whitespace().collect();
    assert!(title.contains("2024年单位预算"), "{title}");
    assert_eq!(item(&items, "封面").seen.zh, format!("第 2 行 “{title}”"));
    assert_eq!(item(&items, "目录").verdict, Verdict::Meets);
    let explanation = item(&items, "情况说明");
    assert_eq!(explanation.verdict, Verdict::Fails);
    assert_eq!(explanation.problems.len(), 1);
    assert!(explanation.problems[0].zh.starts_with("第 351 行") && explanation.problems[0].zh.contains("原因未填写"));
    let other = item(&items, "其他说明（名词解释等）");
    assert_eq!((other.verdict, other.seen.zh.as_str()), (Verdict::Meets, "第 34 行 “名词解释”"));
    assert_eq!(item(&items, "公开表格齐全").seen.zh, "识别为上海部门（单位）预算公开表（9 张）");
}

/// A published PDF (Yantai 52): the one real error fails its table; a table whose title was
/// found but whose rows could not be read is the reviewer's, not passed.
#[test]
fn a_pdf_with_an_unread_table_leaves_it_to_the_reviewer() {
    if !require_corpus() {
        return;
    }
    let dir = corpus_dir().unwrap().join("pdf-dev");
    let path = common::dev_files("52_yantai-minzheng-2026-yusuan.pdf").pop().expect("Yantai 52");
    let bytes = std::fs::read(&path).unwrap();
    let text = read_file("52.pdf", &bytes).unwrap_or_else(|e| panic!("{} {e}", dir.display())).text;
    let items = review::items(&check(Source { name: "52.pdf".into(), text }));
    let failing: Vec<&Item> = items.iter().filter(|i| i.verdict == Verdict::Fails).collect();
    assert_eq!(failing.len(), 1, "{:?}", verdicts(&items));
    assert!(failing[0].problems[0].zh.contains("(H43)"), "{:?}", failing[0].problems);
    let unread = item(&items, "一般公共预算支出情况表");
    assert_eq!(unread.verdict, Verdict::ByHand);
    assert!(unread.seen.zh.contains("表格内容未能读出"), "{}", unread.seen.zh);
}

/// The workbook holds the form as the library builds it: the title, then one row per part.
#[test]
fn the_workbook_holds_one_row_per_part() {
    let report = check(seed_source());
    let bytes = review::to_xlsx(&report, "seed.txt", Lang::Zh);
    let mut workbook = Xlsx::new(Cursor::new(bytes)).expect("a workbook calamine opens");
    let sheet = workbook.worksheet_range("预算公开检查表").expect("the form's sheet");
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(Data::to_string).collect()).collect();
    assert_eq!(rows[0][0], "预算公开检查表：seed.txt");
    assert_eq!(rows[3], ["序号", "检查项目", "符合要求", "检查情况", "发现的问题"]);
    let items = review::items(&report);
    assert_eq!(rows.len(), 4 + items.len());
    for (row, item) in rows[4..].iter().zip(&items) {
        assert_eq!((row[1].as_str(), row[2].as_str()), (item.part.zh.as_str(), item.verdict.label_zh()));
    }
    let english = review::to_markdown(&report, "seed.txt", Lang::En);
    assert!(english.contains("| 1 | Cover | check by hand |"), "{english}");
}

/// The command line writes the form as Markdown and, for a folder, one workbook with a file
/// column; a file it cannot read is a line for the reviewer.
#[test]
fn the_command_line_writes_the_form() {
    let dir = std::env::temp_dir().join(format!("budget-check-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("seed.txt"), seed_source().text).unwrap();
    std::fs::write(dir.join("broken.xlsx"), b"not a workbook").unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_budget-check")).args(args).output().unwrap();
        (out.status.code(), out.stdout)
    };
    let seed = dir.join("seed.txt").display().to_string();
    let (status, markdown) = run(&["--format", "review", &seed]);
    let markdown = String::from_utf8(markdown).unwrap();
    assert_eq!(status, Some(0));
    assert!(
        markdown.starts_with("# 预算公开检查表") && markdown.contains("| 5 | 财政拨款收支总表 | 是 |"),
        "{markdown}"
    );
    let (status, bytes) = run(&["--each", "--format", "review-xlsx", &dir.display().to_string()]);
    assert_eq!(status, Some(2), "the unreadable file is the worst outcome");
    let mut workbook = Xlsx::new(Cursor::new(bytes)).expect("a workbook");
    let sheet = workbook.worksheet_range("检查表").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(Data::to_string).collect()).collect();
    assert_eq!(rows[0][..3], ["文件", "序号", "检查项目"]);
    assert!(rows[1][0].ends_with("broken.xlsx") && rows[1][3] == "待人工核对", "{:?}", rows[1]);
    let seed_rows = rows.iter().filter(|r| r[0].ends_with("seed.txt")).count();
    assert_eq!(seed_rows, review::items(&check(seed_source())).len());
    let _ = std::fs::remove_dir_all(&dir);
}
