//! End to end in headless Chromium: PDFs chosen in the page (issue 8) are read by the on-demand
//! reader module (pdf-text.wasm in a worker) and checked like the command line checks them. The
//! CLI on the same file is the oracle: its summary line and its findings (rule, severity, cell)
//! must be the page's. Also: a scan and a damaged PDF give the CLI's own messages, 逐份核对 lists
//! PDFs, the single file reads a PDF from file://, and one real 60-page PDF of the dev corpus
//! gives the CLI's table count (skipped without the corpus); its times are printed
//! (`-- --nocapture`).

mod common;
mod support;

use budget_check::batch::{row, DocSummary};
use budget_check::check_sources;
use budget_check::ingest::{read_file, Source};
use budget_check::tolerance::RoundingMode;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::browser::{
    batch_rows, check, click, findings, run, set_input, wait_js, wait_summary, wait_until_mounted, Result,
};

/// A dense real PDF (60 pages, iText) for the table count and the timing.
const CORPUS_PDF: &str = "pdf-dev/45_shenzhen-jianzhu-gongwushu-2026-yusuan.pdf";
const NOT_A_PDF: &[u8] = b"%PDF-1.7\nthis is not really a PDF";

#[test]
fn pdfs_are_read_in_the_page_as_the_cli_reads_them() {
    let files = Files::new();
    run("budget-check-e2e-pdf", async |s: &support::browser::Session| {
        let c = &s.client;
        c.goto(&s.url).await?;
        wait_until_mounted(c).await?;
        like_the_cli(c, &fixture("seed-a4-landscape.pdf")).await?;
        with_other_files(c, &files).await?;
        one_document_per_file(c, &files).await?;
        a_real_pdf(c).await?;
        let single = support::page_dist().join("budget-check.html").canonicalize()?;
        c.goto(&format!("file://{}", single.display())).await?;
        wait_until_mounted(c).await?;
        like_the_cli(c, &fixture("seed-a4-portrait.pdf")).await
    });
}

/// The test's own files (a damaged PDF), in the target folder: chromedriver does not see /tmp.
struct Files(PathBuf);

impl Files {
    fn new() -> Files {
        let dir = support::target_dir().join(format!("e2e-pdf-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("damaged.pdf"), NOT_A_PDF).unwrap();
        Files(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf").join(name)
}

/// The command line's report on one file: its summary line and its findings as
/// `rule severity cell`, sorted.
fn cli(path: &Path) -> (String, Vec<String>) {
    let bin = env!("CARGO_BIN_EXE_budget-check");
    let text = Command::new(bin).arg(path).output().expect("the CLI runs");
    let summary = String::from_utf8_lossy(&text.stdout).lines().next().unwrap_or_default().to_string();
    let json = Command::new(bin).args(["--format", "json"]).arg(path).output().expect("the CLI runs");
    let report: Value = serde_json::from_slice(&json.stdout).expect("the CLI's JSON");
    let mut found: Vec<String> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            format!(
                "{} {} {}",
                f["rule"].as_str().unwrap_or(""),
                f["severity"].as_str().unwrap_or(""),
                f["cell"]["a1"].as_str().unwrap_or("")
            )
        })
        .collect();
    found.sort();
    (summary, found)
}

/// Empties the box, chooses `paths` and waits until the upload is over (nothing being read).
async fn upload(c: &Client, paths: &[PathBuf]) -> Result<Value> {
    set_input(c, "").await?;
    wait_summary(c, "识别 0 张表").await?;
    // Records whether 正在读取“…”… was shown while reading.
    c.execute(
        "window.e2eReading = false;
         new MutationObserver(() => {
             const p = document.querySelector('#upload-status .upload-reading');
             if (p && p.textContent.indexOf('正在读取“') === 0) window.e2eReading = true;
         }).observe(document.body, { subtree: true, childList: true, characterData: true });",
        vec![],
    )
    .await?;
    let list = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n");
    c.find(Locator::Css("#upload")).await?.send_keys(&list).await?;
    wait_js(
        c,
        "the upload to finish",
        "const s = document.querySelector('#upload-status');
         const done = s && s.dataset.reading === 'false'
             && Number(s.dataset.read) + Number(s.dataset.failed) === arguments[0];
         return done && { read: Number(s.dataset.read), failed: Array.from(s.querySelectorAll('.upload-error'), p => p.textContent),
                          shown: window.e2eReading };",
        vec![json!(paths.len())],
    )
    .await
}

/// One PDF chosen: the page's summary line and findings are the CLI's.
async fn like_the_cli(c: &Client, path: &Path) -> Result<()> {
    let (summary, expected) = cli(path);
    check(summary.starts_with("识别 "), format!("CLI summary {summary:?}"))?;
    let outcome = upload(c, &[path.to_path_buf()]).await?;
    check(outcome["shown"] == json!(true), format!("正在读取“…”… was not shown: {outcome}"))?;
    wait_summary(c, &summary).await?;
    let mut got: Vec<String> =
        findings(c).await?.iter().map(|f| format!("{} {} {}", f.rule, f.severity, f.cell)).collect();
    got.sort();
    check(got == expected, format!("{}: page findings {got:#?}, CLI {expected:#?}", path.display()))
}

/// A PDF with a scan and a damaged PDF chosen together: the good one is read, the other two get
/// the CLI's own bilingual messages.
async fn with_other_files(c: &Client, files: &Files) -> Result<()> {
    let good = fixture("seed-biao2-plus1.pdf");
    let paths = [good.clone(), fixture("no-text.pdf"), files.path("damaged.pdf")];
    let outcome = upload(c, &paths).await?;
    let expected: Vec<String> =
        [("no-text.pdf", std::fs::read(fixture("no-text.pdf"))?), ("damaged.pdf", NOT_A_PDF.to_vec())]
            .iter()
            .map(|(name, bytes)| read_file(name, bytes).expect_err("refused").message_zh)
            .collect();
    check(outcome == json!({ "read": 1, "failed": expected, "shown": true }), format!("upload outcome {outcome}"))?;
    wait_summary(c, &cli(&good).0).await.map(drop)
}

/// 逐份核对: each PDF its own document, listed as the library summarises it.
async fn one_document_per_file(c: &Client, files: &Files) -> Result<()> {
    click(c, "#each-file").await?;
    let paths = [fixture("seed-a4-landscape.pdf"), files.path("damaged.pdf")];
    let list = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n");
    c.find(Locator::Css("#upload")).await?.send_keys(&list).await?;
    wait_js(
        c,
        "the batch to finish",
        "const b = document.querySelector('#batch');
         return b && b.dataset.done === 'true' && document.querySelectorAll('#batch-table tbody tr').length === 2;",
        vec![],
    )
    .await?;
    let rows = batch_rows(c).await?;
    let expected: Vec<Vec<String>> = paths
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let summary = match read_file(&name, &std::fs::read(path).unwrap_or_default()) {
                Ok(read) => DocSummary::of(
                    &name,
                    &check_sources(&[Source { name: name.clone(), text: read.text }], RoundingMode::Nearest),
                ),
                Err(e) => DocSummary::unreadable(&name, &e.message_zh, &e.message_en),
            };
            row(&summary).iter().map(|cell| cell.text()).collect()
        })
        .collect();
    check(rows == expected, format!("batch rows {rows:#?}, expected {expected:#?}"))?;
    click(c, "#batch-close").await?;
    click(c, "#each-file").await
}

/// The 60-page dev PDF: the page reads as many tables as the CLI; times printed.
async fn a_real_pdf(c: &Client) -> Result<()> {
    if !common::require_corpus() {
        return Ok(());
    }
    // Canonical: chromedriver refuses a path with `..` in it.
    let path = common::corpus_dir().and_then(|d| d.join(CORPUS_PDF).canonicalize().ok()).unwrap_or_default();
    let started = Instant::now();
    let (summary, _) = cli(&path);
    let native = started.elapsed();
    let tables = summary.split('，').next().unwrap_or_default().to_string();
    check(tables.starts_with("识别 ") && tables.ends_with(" 张表"), format!("CLI summary {summary:?}"))?;
    // A fresh page: the first read includes loading the reader module.
    c.refresh().await?;
    wait_until_mounted(c).await?;
    let mut times = Vec::new();
    for _ in 0..2 {
        let started = Instant::now();
        upload(c, std::slice::from_ref(&path)).await?;
        wait_summary(c, &summary).await?;
        times.push(started.elapsed());
    }
    eprintln!(
        "e2e_pdf: {CORPUS_PDF}: {tables}; page {} ms (first: loads the reader) / {} ms, file chosen → report drawn; CLI (debug build, text + JSON runs) {} ms",
        ms(times[0]),
        ms(times[1]),
        ms(native)
    );
    Ok(())
}

fn ms(d: Duration) -> u128 {
    d.as_millis()
}
