//! End to end in headless Chromium: the release page that `make dist` ships, served under a
//! sub-path as on an intranet, used as a person would (load the example, paste, copy and paste, reload).
//!
//! Needs trunk, wasm-bindgen, wasm-opt, /usr/bin/chromium and /usr/bin/chromedriver, which
//! `scripts/setup.sh test` installs; `make test` runs it with everything else. Screenshots go
//! to `<target>/screenshots/`, chromedriver's log to `<target>/e2e-chromedriver.log`.

mod support;

use fantoccini::{Client, ClientBuilder, Locator};
use serde::Deserialize;
use serde_json::json;
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};
use support::{page_dist, serve_static, target_dir, ChromeDriver, TempDir};

type Error = Box<dyn std::error::Error + Send + Sync>;
type Result<T> = std::result::Result<T, Error>;

/// Where the page is served: a sub-path proves the build has no absolute asset URLs.
const SUB_PATH: &str = "/intranet/budget-check/";
/// Generous for a cold wasm start on a loaded 2-core machine; every wait polls.
const TIMEOUT: Duration = Duration::from_secs(20);
const STORAGE_KEY: &str = "budget-check.input";
const SEED: &str = include_str!("fixtures/seed.txt");

#[test]
fn page_checks_tables_in_headless_chromium() {
    let dist = page_dist();
    let url = serve_static(dist, SUB_PATH).expect("static server on 127.0.0.1");
    let target = target_dir();
    let shots = target.join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot directory");
    let profile = TempDir::new("budget-check-e2e-profile").expect("browser profile directory");
    let driver = ChromeDriver::start(&target.join("e2e-chromedriver.log")).expect("chromedriver");

    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
    let outcome = runtime.block_on(async {
        let client = connect(&driver.url, &profile.0).await?;
        let outcome = scenarios(&client, &url, &shots).await;
        // Close the browser before reporting, so a failed scenario leaves no Chromium behind.
        let closed = client.close().await;
        outcome?;
        closed.map_err(Error::from)
    });
    drop(driver);
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

async fn connect(driver: &str, profile: &Path) -> Result<Client> {
    let options = json!({
        "binary": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            // The machine's network is closed: no background fetches to wait on or fail.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            format!("--user-data-dir={}", profile.display()),
            "--window-size=1280,800",
        ],
    });
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".to_string(), options);
    let client = ClientBuilder::rustls()?.capabilities(capabilities).connect(driver).await?;
    Ok(client)
}

async fn scenarios(client: &Client, url: &str, shots: &Path) -> Result<()> {
    client.goto(url).await?;
    wait_until_mounted(client).await?;
    screenshot(client, &shots.join("empty.png")).await?;

    seed_example(client).await?;
    screenshot(client, &shots.join("seed-checked.png")).await?;

    let text = two_tables_with_an_error();
    set_input(client, &text).await?;
    expect_parent_error(client, "set").await?;

    clear(client).await?;
    copy_and_paste(client, &text).await?;
    expect_parent_error(client, "copied and pasted").await?;
    screenshot(client, &shots.join("pasted-error.png")).await?;

    reload_keeps_input(client, &text).await
}

/// Scenario A: the built-in example is recognised and only its known rounding differences
/// are reported.
async fn seed_example(client: &Client) -> Result<()> {
    let before = summary(client).await?;
    client.find(Locator::Css("#load-example")).await?.click().await?;
    let summary = poll("the example's summary", || async {
        let now = summary(client).await?;
        Ok(if now.contains("识别") && now != before { Ok(now) } else { Err(format!("summary {now:?}")) })
    })
    .await?;
    check(summary.contains("识别 19 张表，0 个错误，8 处舍入差异"), format!("seed summary: {summary:?}"))?;

    let found = findings(client).await?;
    check(found.len() >= 8, format!("seed: {} findings, expected at least 8: {found:#?}", found.len()))?;
    let errors: Vec<_> = found.iter().filter(|f| f.severity == "error").collect();
    check(errors.is_empty(), format!("seed has errors: {errors:#?}"))?;
    // The summary counts the rounding differences; each of them is a warning in the list.
    let warnings = found.iter().filter(|f| f.severity == "warning").count();
    check(warnings >= 8, format!("seed: {warnings} warnings, expected the 8 rounding differences: {found:#?}"))?;
    expect_finding(&found, ("SUM002", "warning", "表三", "C3"), &["352.16", "352.15"])?;
    expect_finding(&found, ("SUM003", "warning", "表二", "C12"), &["16.98", "16.99"])
}

/// Scenario B text: the seed's 表二 and 表三 with 2101101 raised by 1.00, so its parent 21011
/// (row 12 of 表二) no longer adds up.
fn two_tables_with_an_error() -> String {
    let start = SEED.find("\n表二\n").expect("seed has 表二") + 1;
    let end = SEED.find("\n表四\n").expect("seed has 表四") + 1;
    let section = &SEED[start..end];
    let wrong = section.replacen("2101101\t行政单位医疗\t11.98\t11.98", "2101101\t行政单位医疗\t12.98\t12.98", 1);
    assert_ne!(wrong, section, "seed 表二 still has 2101101 at 11.98");
    wrong
}

/// What `budget-check` prints for that text: 2 tables, 2 errors at 21011 (总计 C12 and 基本支出
/// D12), printed 16.98 against computed 17.99.
async fn expect_parent_error(client: &Client, how: &str) -> Result<()> {
    let found = poll(&format!("the {how} text's error"), || async {
        let found = findings(client).await?;
        Ok(if found.iter().any(|f| f.rule == "SUM003" && f.severity == "error") {
            Ok(found)
        } else {
            Err(format!("summary {:?}", summary(client).await?))
        })
    })
    .await?;
    let summary = summary(client).await?;
    check(summary.contains("识别 2 张表，2 个错误"), format!("{how} summary: {summary:?}"))?;
    expect_finding(&found, ("SUM003", "error", "表二", "C12"), &["16.98", "17.99"])?;
    expect_finding(&found, ("SUM003", "error", "表二", "D12"), &["16.98", "17.99"])
}

/// Scenario C: the autosaved text comes back after a reload and is checked again.
async fn reload_keeps_input(client: &Client, text: &str) -> Result<()> {
    // A person would not reload within the same instant; wait for the save, not a fixed time.
    poll("the input to be saved", || async {
        let saved =
            client.execute("return window.localStorage.getItem(arguments[0]);", vec![json!(STORAGE_KEY)]).await?;
        Ok(if saved.as_str() == Some(text) {
            Ok(())
        } else {
            Err(format!("saved {} characters", saved.as_str().map_or(0, str::len)))
        })
    })
    .await?;
    client.refresh().await?;
    wait_until_mounted(client).await?;
    let restored = input_value(client).await?;
    check(
        restored == text,
        format!("after reload #input holds {} characters, expected {}", restored.len(), text.len()),
    )?;
    expect_parent_error(client, "reloaded").await
}

/// Replaces the text in one go, as a paste does: sets the value, then fires the `input` event
/// the page listens for.
async fn set_input(client: &Client, text: &str) -> Result<()> {
    client
        .execute(
            "const input = document.querySelector('#input');
             input.focus();
             input.value = arguments[0];
             input.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(text)],
        )
        .await?;
    Ok(())
}

/// Empties the text area with real key presses (select all, delete) and waits for the page to
/// forget the previous report.
async fn clear(client: &Client) -> Result<()> {
    let input = client.find(Locator::Css("#input")).await?;
    input.click().await?;
    input.send_keys("\u{e009}a\u{e009}\u{e017}").await?; // Ctrl+A, Ctrl up, Delete
    poll("the report to clear", || async {
        let value = input_value(client).await?;
        let left = findings(client).await?.len();
        Ok(if value.is_empty() && left == 0 {
            Ok(())
        } else {
            Err(format!("#input has {} characters, {left} findings left", value.len()))
        })
    })
    .await
}

/// Pastes as a person does, with real key presses: Ctrl+A, Ctrl+C in a scratch text area
/// holding the text (the spreadsheet), then Ctrl+V into the page. Typing it key by key cannot
/// work: Tab moves the focus out of a text area instead of inserting a tab.
async fn copy_and_paste(client: &Client, text: &str) -> Result<()> {
    client
        .execute(
            "const source = document.createElement('textarea');
             source.id = 'e2e-clipboard-source';
             source.value = arguments[0];
             document.body.append(source);",
            vec![json!(text)],
        )
        .await?;
    let source = client.find(Locator::Css("#e2e-clipboard-source")).await?;
    source.click().await?;
    source.send_keys("\u{e009}ac\u{e009}").await?; // Ctrl down, a, c, Ctrl up
    client.execute("document.querySelector('#e2e-clipboard-source').remove();", vec![]).await?;

    let input = client.find(Locator::Css("#input")).await?;
    input.click().await?;
    input.send_keys("\u{e009}v\u{e009}").await?;
    let pasted = input_value(client).await?;
    check(pasted == text, format!("pasted text differs: got {pasted:?}, expected {text:?}"))
}

async fn wait_until_mounted(client: &Client) -> Result<()> {
    poll("the page to start", || async {
        let ready = client.find_all(Locator::Css("#input, #load-example, #summary")).await?.len();
        Ok(if ready == 3 { Ok(()) } else { Err(format!("{ready} of #input, #load-example, #summary present")) })
    })
    .await
}

/// One `li.finding`, read from its data attributes and visible text.
#[derive(Debug, Deserialize)]
struct Finding {
    rule: String,
    severity: String,
    table: String,
    cell: String,
    text: String,
}

async fn findings(client: &Client) -> Result<Vec<Finding>> {
    let found = client
        .execute(
            "return Array.from(document.querySelectorAll('#findings li.finding'), li => ({
                rule: li.dataset.rule || '',
                severity: li.dataset.severity || '',
                table: li.dataset.table || '',
                cell: li.dataset.cell || '',
                text: li.textContent,
            }));",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

fn expect_finding(
    found: &[Finding],
    (rule, severity, table, cell): (&str, &str, &str, &str),
    figures: &[&str],
) -> Result<()> {
    let hit = found.iter().find(|f| {
        f.rule == rule
            && f.severity == severity
            && f.table == table
            && f.cell == cell
            && figures.iter().all(|n| f.text.contains(n))
    });
    check(hit.is_some(), format!("no {severity} {rule} at {table} {cell} showing {figures:?} in {found:#?}"))
}

async fn summary(client: &Client) -> Result<String> {
    Ok(client.find(Locator::Css("#summary")).await?.text().await?)
}

async fn input_value(client: &Client) -> Result<String> {
    let value = client.execute("return document.querySelector('#input').value;", vec![]).await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

async fn screenshot(client: &Client, path: &Path) -> Result<()> {
    std::fs::write(path, client.screenshot().await?)?;
    Ok(())
}

/// Polls `probe` until it yields `Ok(value)`; its `Err(state)` says what it saw, for the
/// timeout message.
async fn poll<T, F, Fut>(what: &str, mut probe: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<std::result::Result<T, String>>>,
{
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match probe().await? {
            Ok(value) => return Ok(value),
            Err(state) if Instant::now() > deadline => {
                return Err(format!("timed out after {TIMEOUT:?} waiting for {what}: {state}").into())
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

fn check(ok: bool, message: String) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(message.into())
    }
}
