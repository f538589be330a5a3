//! `budget-check --each`: a district's files checked one by one (issue 13). Exact output and exit
//! status on files the test makes (the seed, the seed with one changed cell, a damaged workbook,
//! a folder), and per-PDF table counts on the real documents of `pdf-dev/`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = include_str!("fixtures/seed.txt");
/// What the reader says of the damaged workbook.
const NOT_XLSX_ZH: &str =
    "不是有效的 XLSX 文件，或文件已损坏、加密（Zip error: invalid Zip archive: Could not find EOCD）";
const NOT_XLSX_EN: &str =
    "not a valid XLSX file, or it is damaged or encrypted (Zip error: invalid Zip archive: Could not find EOCD)";

fn run(args: &[&str]) -> (i32, String, String) {
    run_in(Path::new("."), args)
}

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_budget-check"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run budget-check");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The seed with 2101101 (表二) raised by 1.00, so its parent 21011 no longer adds up.
fn mutated_seed() -> String {
    let wrong = SEED.replacen("2101101\t行政单位医疗\t11.98\t11.98", "2101101\t行政单位医疗\t12.98\t12.98", 1);
    assert_ne!(wrong, SEED, "seed 表二 still has 2101101 at 11.98");
    wrong
}

/// A folder of the test's own files, removed when dropped:
/// `seed.txt`, `wrong.txt`, `damaged.xlsx`, and `more/` with the seed again, a hidden file and
/// a Word file (both skipped by the walk).
struct Batch(PathBuf);

impl Batch {
    fn new(name: &str) -> Batch {
        let dir = std::env::temp_dir().join(format!("budget-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("more")).unwrap();
        std::fs::write(dir.join("seed.txt"), SEED).unwrap();
        std::fs::write(dir.join("wrong.txt"), mutated_seed()).unwrap();
        std::fs::write(dir.join("damaged.xlsx"), b"PK\x03\x04 not really a workbook").unwrap();
        std::fs::write(dir.join("more/again.txt"), SEED).unwrap();
        std::fs::write(dir.join("more/.hidden.txt"), "not a disclosure").unwrap();
        std::fs::write(dir.join("more/memo.docx"), "not read").unwrap();
        Batch(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn each_file_is_its_own_document_with_a_summary_line_and_the_worst_exit_status() {
    let b = Batch::new("each-text");
    let (seed, wrong, damaged, more) =
        (b.path("seed.txt"), b.path("wrong.txt"), b.path("damaged.xlsx"), b.path("more"));
    let (code, stdout, stderr) = run(&["--each", &seed, &wrong, &damaged, &more]);
    assert_eq!(code, 2, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    let set = "重庆区县部门预算公开表（表一至表十）";
    let again = Path::new(&more).join("again.txt").display().to_string();
    assert_eq!(
        lines[..6],
        [
            "逐份核对 4 份文档：1 份有错误，1 份未能读取 / 4 documents checked one by one: 1 with errors, 1 not read".to_string(),
            format!("{seed}：19 张表，0 个错误，0 条其他提醒，8 处舍入差异，{set} / 19 tables, 0 errors, 0 other warnings, 8 rounding differences"),
            format!("{wrong}：19 张表，2 个错误，0 条其他提醒，6 处舍入差异，{set} / 19 tables, 2 errors, 0 other warnings, 6 rounding differences"),
            format!("{damaged}：无法读取文件“{damaged}”：{NOT_XLSX_ZH} / cannot read file \"{damaged}\": {NOT_XLSX_EN}"),
            format!("{again}：19 张表，0 个错误，0 条其他提醒，8 处舍入差异，{set} / 19 tables, 0 errors, 0 other warnings, 8 rounding differences"),
            String::new(),
        ]
    );
    // Then each document's own report, in the same order.
    let heads: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("=== ")).collect();
    assert_eq!(heads, [seed, wrong, damaged.clone(), again].map(|p| format!("=== {p} ===")));
    assert_eq!(stdout.matches("识别 19 张表，0 个错误，8 处舍入差异").count(), 2, "{stdout}");
    assert_eq!(stdout.matches("[error] SUM003 表二 21011 行政事业单位医疗").count(), 2, "{stdout}");
    assert!(stderr.contains(&format!("无法读取文件“{damaged}”")), "{stderr}");
}

#[test]
fn help_explains_each() {
    let (code, _, stderr) = run(&["--help"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("\n  --each  逐份核对：每个文件作为单独的文档检查"), "{stderr}");
    assert!(stderr.contains("\n          Checks each file as its own document"), "{stderr}");
}

#[test]
fn exit_status_is_the_worst_file() {
    let b = Batch::new("each-exit");
    assert_eq!(run(&["--each", &b.path("seed.txt"), &b.path("more")]).0, 0);
    assert_eq!(run(&["--each", &b.path("seed.txt"), &b.path("wrong.txt")]).0, 1);
    assert_eq!(run(&["--each", &b.path("wrong.txt"), &b.path("more/.hidden.txt")]).0, 2, "named: read, nothing found");
    assert_eq!(run(&["--each", &b.path("nonexistent.txt"), &b.path("seed.txt")]).0, 2);
    let empty = b.path("more/empty");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, stdout, stderr) = run(&["--each", &empty]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains("没有找到可检查的文件"), "{stderr}");
}

#[test]
fn json_is_one_report_per_line_with_its_source() {
    let b = Batch::new("each-json");
    let (code, stdout, _) = run(&["--each", "--format", "json", &b.0.display().to_string()]);
    assert_eq!(code, 2);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["damaged.xlsx", "more/again.txt", "seed.txt", "wrong.txt"].map(|n| b.path(n)));
    assert_eq!(
        lines[0]["unreadable"]["message_en"],
        format!("cannot read file \"{}\": {NOT_XLSX_EN}", b.path("damaged.xlsx"))
    );
    assert_eq!(lines[1]["tables"].as_array().unwrap().len(), 19);
    assert_eq!(lines[2]["counts"]["rounding"], 8);
    // Two wrong figures, each the cause of two failing relations listed under it.
    assert_eq!(lines[3]["counts"]["errors"], 2);
    assert_eq!(lines[3]["findings"][0]["rule"], "SUM002");
    let causes: Vec<&serde_json::Value> =
        lines[3]["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert!(causes.iter().all(|f| f["explains"].as_array().map(Vec::len) == Some(2)), "{causes:?}");
}

#[test]
fn csv_is_one_table_with_a_file_column() {
    let b = Batch::new("each-csv");
    std::fs::rename(b.path("wrong.txt"), b.path("=cmd.txt")).unwrap();
    let (code, stdout, _) = run_in(&b.0, &["--each", "--format", "csv", "seed.txt", "=cmd.txt", "damaged.xlsx"]);
    assert_eq!(code, 2);
    assert!(stdout.starts_with("\u{FEFF}文件,严重程度,规则,规则名称,表,单元格"), "{stdout}");
    assert_eq!(stdout.matches('\u{FEFF}').count(), 1);
    let mut reader = csv::Reader::from_reader(stdout.trim_start_matches('\u{FEFF}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let per_file = |name: &str| rows.iter().filter(|r| &r[0] == name).count();
    // One row per finding and one per relation a finding explains.
    let seed_findings = budget_check::check_text(SEED).findings_in_order().count();
    let wrong_findings = budget_check::check_text(&mutated_seed()).findings_in_order().count();
    assert_eq!(per_file("seed.txt"), seed_findings);
    // A file name that starts like a formula is text in the spreadsheet.
    assert_eq!(per_file("'=cmd.txt"), wrong_findings, "{stdout}");
    let damaged: Vec<_> = rows.iter().filter(|r| &r[0] == "damaged.xlsx").collect();
    assert_eq!(damaged.len(), 1);
    let why = format!("cannot read file \"damaged.xlsx\": {NOT_XLSX_EN}");
    assert_eq!((&damaged[0][1], &damaged[0][12]), ("未能读取", why.as_str()));
    assert_eq!(rows.len(), seed_findings + wrong_findings + 1);
}

#[test]
fn markdown_starts_with_the_list_then_each_report() {
    let b = Batch::new("each-md");
    let (code, stdout, _) = run_in(&b.0, &["--each", "--format", "markdown", "seed.txt", "damaged.xlsx"]);
    assert_eq!(code, 2);
    let expected_head = "# 逐份核对 One document per file\n\n\
        逐份核对 2 份文档：0 份有错误，1 份未能读取 / 2 documents checked one by one: 0 with errors, 1 not read\n\n\
        | 文件 | 套表 | 读出表数 | 套表中读出 | 错误 | 其他提醒 | 舍入差异 | 未能读取 |\n|---|---|---|---|---|---|---|---|\n\
        | seed.txt | 重庆区县部门预算公开表（表一至表十） | 19 | 9 / 9 | 0 | 0 | 8 |  |\n";
    assert!(stdout.starts_with(expected_head), "{stdout}");
    assert!(stdout.contains("\n**文件 File：seed.txt**\n\n# 预算公开表格检查报告\n\n识别 19 张表"), "{stdout}");
    assert!(stdout.ends_with(&format!("**文件 File：damaged.xlsx**\n\n无法读取文件“damaged.xlsx”：{NOT_XLSX_ZH}\n\ncannot read file \"damaged.xlsx\": {NOT_XLSX_EN}\n")), "{stdout}");
}

/// The 20 dev PDFs, each its own document: one JSON line per PDF, named after it, with the tables
/// the PDF reader gets (performance forms included, so more than README's standard tables for
/// 45, 46, 59 and 60); 41 and 42 hold no table.
#[test]
fn each_real_pdf_is_its_own_document() {
    if !common::require_corpus() {
        return;
    }
    let pdfs = common::dev_files(".pdf");
    let mut args = vec!["--each", "--format", "json"];
    args.extend(pdfs.iter().map(String::as_str));
    let (code, stdout, _) = run(&args);
    assert_eq!(code, 2, "41 and 42 hold no table");
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let got: Vec<(String, usize)> = lines
        .iter()
        .map(|l| {
            let name = Path::new(l["source"].as_str().unwrap()).file_name().unwrap().to_string_lossy();
            (name[..2].to_string(), l["tables"].as_array().map_or(0, Vec::len))
        })
        .collect();
    let expected = TABLES_PER_PDF.map(|(n, t)| (n.to_string(), t));
    assert_eq!(got, expected);
    assert_eq!(lines.iter().map(|l| l["source"].as_str().unwrap()).collect::<Vec<_>>(), pdfs);
}

/// Tables read per dev PDF (`report.tables`), measured with `--each`; deterministic.
const TABLES_PER_PDF: [(&str, usize); 20] = [
    ("41", 0),
    ("42", 0),
    ("43", 9),
    ("44", 9),
    ("45", 21),
    ("46", 13),
    ("47", 12),
    ("48", 11),
    ("49", 17),
    ("50", 22),
    ("51", 17),
    ("52", 35),
    ("53", 13),
    ("54", 13),
    ("55", 13),
    ("56", 13),
    ("57", 12),
    ("58", 23),
    ("59", 12),
    ("60", 19),
];
