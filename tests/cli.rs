//! The command-line checker: report on stdout, JSON on request, exit status by outcome.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_budget-check")).args(args).output().expect("run budget-check");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_seed_has_no_errors_and_exits_zero() {
    let (code, stdout, _) = run(&[&fixture("seed.txt")]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("识别 19 张表，0 个错误，8 处舍入差异"), "{stdout}");
    assert!(stdout.contains("[warning] SUM003 表二 21011 行政事业单位医疗 / 总计 (C12)"));
}

#[test]
fn json_output_is_the_report() {
    let (code, stdout, _) = run(&["--format", "json", &fixture("seed.txt")]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(json["counts"]["rounding"], 8);
    assert_eq!(json["tables"].as_array().unwrap().len(), 19);
    assert_eq!(json["findings"][0]["rule"], "SUM002");
    assert_eq!(json["findings"][0]["printed"], "352.16");
    assert_eq!(json["findings"][0]["cell"]["a1"], "C3");
}

#[test]
fn an_error_exits_one_and_strict_mode_counts_rounding_as_errors() {
    let (code, stdout, _) = run(&["--rounding", "strict", &fixture("seed.txt")]);
    assert_eq!(code, 1);
    assert!(stdout.contains("8 个错误"), "{stdout}");
}

#[test]
fn gbk_files_are_read() {
    let dir = std::env::temp_dir().join(format!("budget-check-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gbk.txt");
    let (bytes, _, _) = encoding_rs::GBK.encode(include_str!("fixtures/seed.txt"));
    std::fs::write(&path, &bytes).unwrap();
    let (code, stdout, _) = run(&[path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0);
    assert!(stdout.starts_with("识别 19 张表，0 个错误"), "{stdout}");
}

#[test]
fn unreadable_input_and_bad_arguments_exit_two_with_a_bilingual_message() {
    let (code, _, stderr) = run(&["/nonexistent/file.txt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("无法读取") && stderr.contains("cannot read"), "{stderr}");
    let (code, _, stderr) = run(&["--format", "xml", "a.txt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("usage"));
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
}

#[test]
fn binary_garbage_is_checked_without_a_panic() {
    let dir = std::env::temp_dir().join(format!("budget-check-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("garbage.bin");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&path, bytes).unwrap();
    let (code, stdout, stderr) = run(&[path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    // Nothing read is nothing checked: exit 2 with the reason, never the 0 of a clean document.
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.starts_with("识别 0 张表"), "{stdout}");
    assert!(stderr.contains("没有读出任何表格") && stderr.contains("nothing was checked"), "{stderr}");
}

#[test]
fn text_copied_from_a_pdf_viewer_asks_for_the_pdf_and_exits_two() {
    let dir = std::env::temp_dir().join(format!("budget-check-viewer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("copied.txt");
    // One space between cells, empty cells gone: the columns cannot be told apart.
    let rows = ["支出总表", "单位：万元", "科目编码 科目名称 合计 基本支出 项目支出"];
    let body = (1..=8).map(|i| format!("2010{i}01 行政运行{i} 1,2{i}0.50 1,000.00 2{i}0.50")).collect::<Vec<_>>();
    std::fs::write(&path, [rows.join("\n"), body.join("\n")].join("\n")).unwrap();
    let (code, _, stderr) = run(&["--format", "json", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("PDF 阅读器复制") && stderr.contains("Upload the PDF file itself"), "{stderr}");
}

#[test]
fn spreadsheets_are_read_like_uploads_and_damaged_ones_exit_two() {
    let (code, stdout, _) = run(&[&fixture("formats/biao3.xlsx")]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("[warning] SUM002") && stdout.contains("填报 352.16 计算 352.15"), "{stdout}");

    let damaged = std::env::temp_dir().join(format!("budget-check-damaged-{}.xlsx", std::process::id()));
    std::fs::write(&damaged, b"PK\x03\x04 not really a workbook").unwrap();
    let (code, stdout, stderr) = run(&[damaged.to_str().unwrap()]);
    let _ = std::fs::remove_file(&damaged);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("无法读取文件") && stderr.contains("cannot read file"), "{stderr}");
}
