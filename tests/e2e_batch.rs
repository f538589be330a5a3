//! End to end in headless Chromium: 逐份核对 (issue 13). Three files chosen together — the seed,
//! the seed with one changed cell, a damaged workbook — each checked as its own document; the
//! list read as a person reads it (exact counts), sorted, filtered, one report opened and left,
//! the list exported (byte for byte what the library writes), a folder chosen, files dropped, the
//! list in English, and the single file opened from disk.
//!
//! Screenshots `batch-list.png` and `batch-report.png` go to `<target>/screenshots/`.

mod support;

use budget_check::batch::{summary_csv, summary_xlsx, DocSummary};
use budget_check::ingest::{read_file, Source};
use budget_check::review::{self, Lang};
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, export};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::path::PathBuf;
use support::browser::{
    batch_rows, check, click, expect_finding, findings, poll, run, screenshot, wait_js, wait_summary,
    wait_until_mounted, watch_progress, Result, Session, SEED,
};

const SET: &str = "重庆区县部门预算公开表（表一至表十）";

#[test]
fn files_are_checked_one_by_one_in_headless_chromium() {
    let files = Files::new();
    run("budget-check-e2e-batch", async |s: &Session| scenarios(s, &files).await);
}

/// The test's own files (the fixtures it makes), removed when dropped.
struct Files(PathBuf);

impl Files {
    fn new() -> Files {
        // In the target folder: chromedriver does not see the test's /tmp.
        let dir = support::target_dir().join(format!("e2e-batch-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("district/sub")).unwrap();
        std::fs::write(dir.join("seed.txt"), SEED).unwrap();
        std::fs::write(dir.join("wrong.txt"), wrong_seed()).unwrap();
        std::fs::write(dir.join("damaged.xlsx"), DAMAGED).unwrap();
        std::fs::write(dir.join("district/seed.txt"), SEED).unwrap();
        std::fs::write(dir.join("district/sub/wrong.txt"), wrong_seed()).unwrap();
        std::fs::write(dir.join("district/.hidden.txt"), "x").unwrap();
        std::fs::write(dir.join("district/memo.docx"), "x").unwrap();
        std::fs::create_dir_all(dir.join("twenty")).unwrap();
        for i in 1..=20 {
            std::fs::write(dir.join(format!("twenty/seed-{i:02}.txt")), SEED).unwrap();
        }
        Files(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const DAMAGED: &[u8] = b"PK\x03\x04 not really a workbook";

/// The seed with 2101101 (表二) raised by 1.00.
fn wrong_seed() -> String {
    let wrong = SEED.replacen("2101101\t行政单位医疗\t11.98\t11.98", "2101101\t行政单位医疗\t12.98\t12.98", 1);
    assert_ne!(wrong, SEED);
    wrong
}

/// What the library makes of each file, as the page should list it.
fn expected_summaries() -> Vec<DocSummary> {
    let doc = |name: &str, text: String| {
        DocSummary::of(name, &check_sources(&[Source { name: name.into(), text }], RoundingMode::Nearest))
    };
    let damaged = read_file("damaged.xlsx", DAMAGED).expect_err("the damaged workbook is refused");
    vec![
        doc("seed.txt", SEED.to_string()),
        doc("wrong.txt", wrong_seed()),
        DocSummary::unreadable("damaged.xlsx", &damaged.message_zh, &damaged.message_en),
    ]
}

async fn scenarios(s: &Session, files: &Files) -> Result<()> {
    let c = &s.client;
    c.goto(&s.url).await?;
    wait_until_mounted(c).await?;
    watch_progress(c).await?;
    click(c, "#each-file").await?;
    let paths = ["seed.txt", "wrong.txt", "damaged.xlsx"].map(|n| files.path(n)).join("\n");
    c.find(Locator::Css("#upload")).await?.send_keys(&paths).await?;
    wait_done(c, 3).await?;
    progress_was_shown(c).await?;
    the_list_reads_as_checked(c).await?;
    screenshot(c, &s.shots.join("batch-list.png")).await?;
    sorting(c).await?;
    filtering(c).await?;
    list_exports(c).await?;
    open_a_report_and_go_back(c, s).await?;
    a_folder(c, files).await?;
    twenty_seeds(c, files).await?;
    dropped_files_in_english(c).await?;
    click(c, "#batch-close").await?;
    wait_summary(c, "识别 0 张表").await?;
    the_single_file(c, files).await
}

/// Two files dropped on the box (逐份核对 still ticked) become two documents; the list in English.
async fn dropped_files_in_english(c: &Client) -> Result<()> {
    c.execute(
        "const data = new DataTransfer();
         data.items.add(new File([arguments[0]], 'a.txt', { type: 'text/plain' }));
         data.items.add(new File([arguments[1]], 'b.txt', { type: 'text/plain' }));
         const box = document.querySelector('#input');
         for (const type of ['dragenter', 'dragover', 'drop']) {
             box.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
         }",
        vec![json!(SEED), json!(wrong_seed())],
    )
    .await?;
    wait_done(c, 2).await?;
    click(c, "#lang-toggle").await?;
    let headers = c
        .execute("return Array.from(document.querySelectorAll('#batch-table thead th'), th => th.textContent);", vec![])
        .await?;
    let expected =
        ["File", "Table set", "Tables read", "Of the set", "Errors", "Other warnings", "Rounding", "Not read"];
    check(headers == json!(expected), format!("English headers {headers}"))?;
    let got = batch_rows(c).await?;
    let set = "Chongqing district budget set (表一–表十)";
    let expected = [["a.txt", set, "19", "9 / 9", "0", "0", "8", ""], ["b.txt", set, "19", "9 / 9", "2", "0", "6", ""]]
        .map(|r| r.map(String::from).to_vec());
    check(got == expected, format!("dropped rows in English {got:?}"))?;
    let summary = c.find(Locator::Css("#batch-summary")).await?.text().await?;
    check(summary == "2 documents: 1 with errors, 0 not read", format!("English summary {summary:?}"))?;
    click(c, "#lang-toggle").await
}

/// The single file opened from disk (file://, its own strict policy) does the same.
async fn the_single_file(c: &Client, files: &Files) -> Result<()> {
    let single = support::page_dist().join("budget-check.html").canonicalize()?;
    c.goto(&format!("file://{}", single.display())).await?;
    wait_until_mounted(c).await?;
    click(c, "#each-file").await?;
    let paths = ["seed.txt", "wrong.txt", "damaged.xlsx"].map(|n| files.path(n)).join("\n");
    c.find(Locator::Css("#upload")).await?.send_keys(&paths).await?;
    wait_done(c, 3).await?;
    the_list_reads_as_checked(c).await
}

async fn wait_done(c: &Client, n: usize) -> Result<()> {
    wait_js(
        c,
        "the batch to finish",
        "const b = document.querySelector('#batch');
         return b && b.dataset.done === 'true' && document.querySelectorAll('#batch-table tbody tr').length === arguments[0];",
        vec![json!(n)],
    )
    .await
    .map(drop)
}

/// The progress texts seen since `watch_progress`, each with its time in ms; then forgotten.
async fn progress_seen(c: &Client) -> Result<Vec<(String, f64)>> {
    let seen = c.execute("const seen = window.e2eProgress; window.e2eProgress = []; return seen;", vec![]).await?;
    Ok(serde_json::from_value(seen)?)
}

/// The bar moved file by file: the page drew between the documents.
async fn progress_was_shown(c: &Client) -> Result<()> {
    let seen: Vec<String> = progress_seen(c).await?.into_iter().map(|(text, _)| text).collect();
    let expected = ["正在核对第 1 / 3 份", "正在核对第 2 / 3 份", "正在核对第 3 / 3 份", "已核对 3 份"];
    check(seen == expected, format!("progress texts {seen:?}, expected {expected:?}"))?;
    let bar =
        c.execute("const p = document.querySelector('#batch-progress'); return [p.value, p.max];", vec![]).await?;
    check(bar == json!([3, 3]), format!("progress bar {bar}"))
}

async fn names(c: &Client) -> Result<Vec<String>> {
    Ok(batch_rows(c).await?.into_iter().map(|r| r[0].clone()).collect())
}

async fn the_list_reads_as_checked(c: &Client) -> Result<()> {
    let damaged = read_file("damaged.xlsx", DAMAGED).expect_err("refused").message_zh;
    let expected = [
        ["seed.txt", SET, "19", "9 / 9", "0", "0", "8", ""],
        ["wrong.txt", SET, "19", "9 / 9", "2", "0", "6", ""],
        ["damaged.xlsx", "", "0", "", "0", "0", "0", &damaged],
    ]
    .map(|r| r.map(String::from).to_vec());
    let got = batch_rows(c).await?;
    check(got == expected, format!("rows {got:#?}, expected {expected:#?}"))?;
    let summary = c.find(Locator::Css("#batch-summary")).await?.text().await?;
    check(summary == "3 份文档：1 份有错误，1 份未能读取", format!("batch summary {summary:?}"))
}

async fn sort_by(c: &Client, column: usize) -> Result<String> {
    click(c, &format!("#batch-table thead button[data-column='{column}']")).await?;
    let aria = c
        .execute(
            "return document.querySelectorAll('#batch-table thead th')[arguments[0]].getAttribute('aria-sort');",
            vec![json!(column)],
        )
        .await?;
    Ok(aria.as_str().unwrap_or_default().to_string())
}

/// Errors up, errors down (ties keep the checked order), then by name.
async fn sorting(c: &Client) -> Result<()> {
    for (column, aria, order) in [
        (4, "ascending", ["seed.txt", "damaged.xlsx", "wrong.txt"]),
        (4, "descending", ["wrong.txt", "seed.txt", "damaged.xlsx"]),
        (0, "ascending", ["damaged.xlsx", "seed.txt", "wrong.txt"]),
    ] {
        let got_aria = sort_by(c, column).await?;
        let got = names(c).await?;
        check(
            got_aria == aria && got == order,
            format!("sorted by {column}: {got_aria} {got:?}, expected {aria} {order:?}"),
        )?;
    }
    Ok(())
}

async fn filtering(c: &Client) -> Result<()> {
    let filter = c.find(Locator::Css("#batch-filter")).await?;
    filter.send_keys("SEED").await?;
    let got = names(c).await?;
    check(got == ["seed.txt"], format!("filtered by SEED: {got:?}"))?;
    let shown = c.find(Locator::Css("#batch-shown")).await?.text().await?;
    check(shown == "显示 1 / 3 份", format!("shown {shown:?}"))?;
    filter.send_keys("\u{e009}a\u{e009}\u{e017}").await?; // Ctrl+A, Ctrl up, Delete
    click(c, "#batch-only-errors").await?;
    let got = names(c).await?;
    check(got == ["wrong.txt"], format!("only errors: {got:?}"))?;
    click(c, "#batch-only-errors").await?;
    check(names(c).await?.len() == 3, "all three again".to_string())
}

/// Fetches an object URL's bytes in the page.
async fn fetch_bytes(c: &Client, url: Value) -> Result<Vec<u8>> {
    let bytes = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(r => r.arrayBuffer())
                 .then(b => done(Array.from(new Uint8Array(b))), e => done('failed: ' + e));",
            vec![url],
        )
        .await?;
    Ok(serde_json::from_value(bytes)?)
}

/// Clicks an export button and returns the bytes of the file it made.
async fn export(c: &Client, group: &str, button: &str, file: &str) -> Result<Vec<u8>> {
    let before =
        c.execute("return document.querySelector(arguments[0]).dataset.url || '';", vec![json!(group)]).await?;
    click(c, button).await?;
    let url = wait_js(
        c,
        &format!("the export {file}"),
        "const e = document.querySelector(arguments[0]);
         return e.dataset.file === arguments[1] && e.dataset.url !== arguments[2] && e.dataset.url;",
        vec![json!(group), json!(file), before],
    )
    .await?;
    fetch_bytes(c, url).await
}

/// The list as CSV and as .xlsx: exactly what the library writes for the three documents.
async fn list_exports(c: &Client) -> Result<()> {
    let expected = expected_summaries();
    let csv = export(c, "#batch-exports", "#batch-export-csv", "逐份核对汇总.csv").await?;
    check(csv == summary_csv(&expected).into_bytes(), format!("summary CSV {:?}", String::from_utf8_lossy(&csv)))?;
    let xlsx = export(c, "#batch-exports", "#batch-export-xlsx", "逐份核对汇总.xlsx").await?;
    check(xlsx == summary_xlsx(&expected), format!("summary .xlsx differs ({} bytes)", xlsx.len()))
}

/// A row opens that document's report (the page's report view, with its exports); 返回列表 goes
/// back to the list as it was left.
async fn open_a_report_and_go_back(c: &Client, s: &Session) -> Result<()> {
    click(c, "#batch-table tbody tr[data-index='1'] .doc-open").await?;
    wait_summary(c, "识别 19 张表，2 个错误，6 处舍入差异").await?;
    let name = c.find(Locator::Css("#batch-open-name")).await?.text().await?;
    check(name == "wrong.txt", format!("open document {name:?}"))?;
    // The changed figure as the likely cause, the 款 sum it breaks (16.98 ≠ 17.99) under it.
    expect_finding(&findings(c).await?, ("SUM003", "error", "表二", "C13"), &["12.98", "11.98", "16.98", "17.99"])?;
    screenshot(c, &s.shots.join("batch-report.png")).await?;
    let report = check_sources(&[Source { name: "wrong.txt".into(), text: wrong_seed() }], RoundingMode::Nearest);
    let csv = export(c, "#exports", "#export-csv", "预算检查报告.csv").await?;
    check(csv == export::to_csv(&report).into_bytes(), "the open document's CSV differs".to_string())?;
    // The reviewer's checklist of that document, as the library writes it for its file.
    let form = export(c, "#exports", "#export-review-xlsx", "预算公开检查表.xlsx").await?;
    check(form == review::to_xlsx(&report, "wrong.txt", Lang::Zh), "the open document's review form differs".into())?;
    let form = export(c, "#exports", "#export-review-md", "预算公开检查表.md").await?;
    let form = String::from_utf8_lossy(&form);
    check(form.contains("| 6 | 一般公共预算财政拨款支出预算表 | 否 |"), format!("review form {form}"))?;
    let list_hidden = c.execute("return document.querySelector('#batch').hidden;", vec![]).await?;
    check(list_hidden == json!(true), format!("the list is hidden under the report: {list_hidden}"))?;
    click(c, "#batch-back").await?;
    // As it was left: sorted by name.
    poll("the list again", || async {
        let got = names(c).await?;
        let shown = c.execute("return !document.querySelector('#batch').hidden;", vec![]).await?;
        let expected = ["damaged.xlsx", "seed.txt", "wrong.txt"];
        Ok(if got == expected && shown == json!(true) { Ok(()) } else { Err(format!("{got:?} shown {shown}")) })
    })
    .await
}

/// A chosen folder: its supported files, sorted by their path in it, hidden files skipped.
async fn a_folder(c: &Client, files: &Files) -> Result<()> {
    let folder = c.find(Locator::Css("#upload-folder")).await?;
    check(folder.attr("webkitdirectory").await?.is_some(), "#upload-folder takes a folder".to_string())?;
    folder.send_keys(&files.path("district")).await?;
    wait_done(c, 2).await?;
    let got: Vec<Vec<String>> = batch_rows(c).await?.into_iter().map(|r| r[..5].to_vec()).collect();
    let expected =
        [["district/seed.txt", SET, "19", "9 / 9", "0"], ["district/sub/wrong.txt", SET, "19", "9 / 9", "2"]]
            .map(|r| r.map(String::from).to_vec());
    check(got == expected, format!("folder rows {got:?}"))?;
    let done = c.find(Locator::Css("#batch-progress-text")).await?.text().await?;
    check(done == "已核对 2 份", format!("folder progress {done:?}"))
}

/// A folder of 20 copies of the seed: every step is shown, and the time it takes is printed
/// (`cargo test --test e2e_batch -- --nocapture`).
async fn twenty_seeds(c: &Client, files: &Files) -> Result<()> {
    progress_seen(c).await?;
    c.find(Locator::Css("#upload-folder")).await?.send_keys(&files.path("twenty")).await?;
    wait_done(c, 20).await?;
    let seen = progress_seen(c).await?;
    let texts: Vec<&str> = seen.iter().map(|(text, _)| text.as_str()).collect();
    let expected: Vec<String> =
        (1..=20).map(|k| format!("正在核对第 {k} / 20 份")).chain(["已核对 20 份".into()]).collect();
    check(texts == expected, format!("progress texts {texts:?}"))?;
    let steps: Vec<f64> = seen.windows(2).map(|w| w[1].1 - w[0].1).collect();
    let longest = steps.iter().copied().fold(0.0, f64::max);
    println!("20 seeds one by one: {:.0} ms, longest step {longest:.0} ms", seen[20].1 - seen[0].1);
    let first = batch_rows(c).await?.into_iter().next().unwrap_or_default();
    check(first.first().map(String::as_str) == Some("twenty/seed-01.txt"), format!("first row {first:?}"))
}
