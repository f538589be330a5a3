//! End to end in headless Chromium: a district at once (issue 13). A folder of 100 real PDFs —
//! the 20 dev PDFs (659 pages) five times over — chosen in the page and checked one by one: every
//! row of the list is what the library makes of that PDF, the bar moved file by file, and the
//! time, the longest step between two files and the renderer's peak memory are printed
//! (`cargo test --release --test e2e_district -- --nocapture`). Skipped without the corpus.

mod common;
mod support;

use budget_check::batch::{row, DocSummary};
use budget_check::check_sources;
use budget_check::ingest::{read_file, Source};
use budget_check::tolerance::RoundingMode;
use fantoccini::{Client, Locator};
use serde_json::json;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::browser::{batch_rows, check, run, wait_until_mounted, watch_progress, Result};

/// Copies of each dev PDF in the folder.
const COPIES: usize = 5;
/// Long enough for 100 PDFs on a loaded 2-core machine; the figure itself is printed, not judged.
const DEADLINE: Duration = Duration::from_secs(600);

#[test]
fn a_folder_of_a_hundred_pdfs_is_listed_as_the_library_reads_each() {
    if !common::require_corpus() {
        return;
    }
    let folder = Folder::new();
    run("budget-check-e2e-district", async |s: &support::browser::Session| {
        let c = &s.client;
        c.goto(&s.url).await?;
        wait_until_mounted(c).await?;
        watch_progress(c).await?;
        let started = Instant::now();
        c.find(Locator::Css("#upload-folder"))
            .await?
            .send_keys(&folder.dir.join("district").display().to_string())
            .await?;
        wait_done(c, folder.expected.len()).await?;
        let wall = started.elapsed();
        let rows = batch_rows(c).await?;
        let differs = first_difference(&rows, &folder.expected);
        check(
            rows.len() == folder.expected.len() && differs.is_none(),
            format!("first row that differs: {differs:?}"),
        )?;
        let steps = progress_steps(c, folder.expected.len()).await?;
        let longest = steps.iter().copied().fold(0.0, f64::max);
        eprintln!(
            "e2e_district: {} PDFs ({} pages) one by one in {:.1} s, longest step {longest:.0} ms; renderer peak RSS {}",
            folder.expected.len(),
            659 * COPIES,
            wall.as_secs_f64(),
            renderer_peak_rss().map_or("unknown".to_string(), |kb| format!("{} MB", kb / 1024)),
        );
        Ok(())
    });
}

/// The folder (in the target folder: chromedriver does not see /tmp) and the rows it should give.
struct Folder {
    dir: PathBuf,
    expected: Vec<Vec<String>>,
}

impl Folder {
    fn new() -> Folder {
        let dir = support::target_dir().join(format!("e2e-district-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut expected = Vec::new();
        for copy in 1..=COPIES {
            std::fs::create_dir_all(dir.join(format!("district/{copy}"))).unwrap();
        }
        // The list is sorted by path: copy by copy, file by file.
        let pdfs = common::dev_files(".pdf");
        let summaries: Vec<(String, budget_check::Report)> = pdfs.iter().map(|p| library(p)).collect();
        for copy in 1..=COPIES {
            for (path, (name, report)) in pdfs.iter().zip(&summaries) {
                let at = dir.join(format!("district/{copy}/{name}"));
                std::fs::hard_link(path, &at).or_else(|_| std::fs::copy(path, &at).map(drop)).unwrap();
                let summary = DocSummary::of(&format!("district/{copy}/{name}"), report);
                expected.push(row(&summary).iter().map(|cell| cell.text()).collect());
            }
        }
        Folder { dir, expected }
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A dev PDF's file name and the library's report on it, as the command line reads it.
fn library(path: &str) -> (String, budget_check::Report) {
    let name = PathBuf::from(path).file_name().unwrap_or_default().to_string_lossy().into_owned();
    let text = read_file(&name, &std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}")).text;
    let report = check_sources(&[Source { name: name.clone(), text }], RoundingMode::Nearest);
    (name, report)
}

/// The first row the page lists otherwise than the library: (index, page's, library's).
type Difference<'a> = (usize, &'a Vec<String>, &'a Vec<String>);

fn first_difference<'a>(got: &'a [Vec<String>], expected: &'a [Vec<String>]) -> Option<Difference<'a>> {
    got.iter().zip(expected).enumerate().find(|(_, (g, e))| g != e).map(|(k, (g, e))| (k, g, e))
}

/// Waits, past the usual 20 s, until the list holds `n` rows and the batch is done.
async fn wait_done(c: &Client, n: usize) -> Result<()> {
    let deadline = Instant::now() + DEADLINE;
    let script = "const b = document.querySelector('#batch');
        return b && b.dataset.done === 'true' && document.querySelectorAll('#batch-table tbody tr').length === arguments[0];";
    while c.execute(script, vec![json!(n)]).await? != json!(true) {
        if Instant::now() > deadline {
            return Err(format!("{n} documents not listed after {DEADLINE:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(())
}

/// The time between two files' progress texts: each one of them was shown (the page drew
/// between the documents), the last one says all were checked.
async fn progress_steps(c: &Client, n: usize) -> Result<Vec<f64>> {
    let seen: Vec<(String, f64)> = serde_json::from_value(c.execute("return window.e2eProgress;", vec![]).await?)?;
    let texts: Vec<&str> = seen.iter().map(|(text, _)| text.as_str()).collect();
    let expected: Vec<String> =
        (1..=n).map(|k| format!("正在核对第 {k} / {n} 份")).chain([format!("已核对 {n} 份")]).collect();
    check(texts == expected, format!("progress texts {texts:?}"))?;
    Ok(seen.windows(2).map(|w| w[1].1 - w[0].1).collect())
}

/// The highest peak resident memory (kB) of the browser's renderer processes, from /proc.
fn renderer_peak_rss() -> Option<u64> {
    let processes = std::fs::read_dir("/proc").ok()?.flatten();
    let renderer = |pid: &std::path::Path| {
        std::fs::read(pid.join("cmdline")).is_ok_and(|c| String::from_utf8_lossy(&c).contains("--type=renderer"))
    };
    let peak = |pid: &std::path::Path| {
        let status = std::fs::read_to_string(pid.join("status")).ok()?;
        status.lines().find_map(|l| l.strip_prefix("VmHWM:")?.trim().trim_end_matches("kB").trim().parse().ok())
    };
    processes.map(|e| e.path()).filter(|p| renderer(p)).filter_map(|p| peak(&p)).max()
}
