//! End to end in headless Chromium: the release page that `make dist` ships, served under a
//! sub-path as on an intranet, used as a person would (load the example, paste, copy and paste, reload).
//!
//! Needs trunk, wasm-bindgen, wasm-opt, /usr/bin/chromium and /usr/bin/chromedriver, which
//! `scripts/setup.sh test` installs; `make test` runs it with everything else. Screenshots go
//! to `<target>/screenshots/`, chromedriver's log to `<target>/budget-check-e2e-profile-chromedriver.log`.

mod support;

use fantoccini::{Client, Locator};
use serde_json::json;
use std::path::Path;
use support::browser::{
    check, expect_finding, findings, input_value, poll, run, screenshot, set_input, summary, wait_saved,
    wait_until_mounted, Result, Session,
};

const SEED: &str = include_str!("fixtures/seed.txt");

#[test]
fn page_checks_tables_in_headless_chromium() {
    run("budget-check-e2e-profile", async |session: &Session| {
        scenarios(&session.client, &session.url, &session.shots).await
    });
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
    wait_saved(client, text).await?;
    client.refresh().await?;
    wait_until_mounted(client).await?;
    let restored = input_value(client).await?;
    check(
        restored == text,
        format!("after reload #input holds {} characters, expected {}", restored.len(), text.len()),
    )?;
    expect_parent_error(client, "reloaded").await
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
