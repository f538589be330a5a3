//! End to end in headless Chromium, issue 12: nothing the user typed is lost and a failure is
//! always shown. 载入示例 over typed text is undoable; a share link opened over other autosaved
//! text keeps that text one click away; a link longer than any the page makes is refused;
//! another tab's save is said and kept; an upload with a bad byte is read with a note and a
//! damaged .xls refused with a message; a save over the storage quota is said with a download;
//! and a panic injected into the page shows the banner with the input still in the box.

mod support;

use budget_check::share;
use serde_json::json;
use support::browser::{
    check, click, input_value, run, set_input, wait_js, wait_saved, wait_summary, wait_until_mounted, Result, Session,
    SEED, SEED_ZH,
};

#[test]
fn nothing_typed_is_lost_in_headless_chromium() {
    run("budget-check-e2e-hostile", async |s: &Session| scenarios(s).await);
}

async fn scenarios(s: &Session) -> Result<()> {
    let c = &s.client;
    c.goto(&s.url).await?;
    wait_until_mounted(c).await?;
    let base = s.url.split('#').next().unwrap_or_default().to_string();
    previous_text_comes_back(c).await?;
    share_link_over_autosaved_text(c, &base).await?;
    link_leaves_the_address(c).await?;
    too_long_link_is_refused(c, &base).await?;
    other_tab_saves(c).await?;
    uploads_of_damaged_files(c).await?;
    over_the_storage_quota(c).await?;
    panic_keeps_the_input(c).await
}

/// 载入示例 over typed text: the text comes back with one click, and goes again.
async fn previous_text_comes_back(c: &fantoccini::Client) -> Result<()> {
    set_input(c, "表一\n我的内容").await?;
    wait_saved(c, "表一\n我的内容").await?;
    click(c, "#load-example").await?;
    wait_summary(c, SEED_ZH).await?;
    click(c, "#restore-previous").await?;
    wait_input(c, "表一\n我的内容").await?;
    click(c, "#restore-previous").await?;
    wait_input(c, SEED).await?;
    click(c, "#forget-previous").await?;
    wait_js(c, "the offer to go", "return !document.querySelector('#restore-previous');", vec![]).await?;
    Ok(())
}

/// A share link opened over other autosaved text: the link's text shows, the other is kept.
async fn share_link_over_autosaved_text(c: &fantoccini::Client, base: &str) -> Result<()> {
    set_input(c, "表一\n别的内容").await?;
    wait_saved(c, "表一\n别的内容").await?;
    c.goto("about:blank").await?;
    c.goto(&format!("{base}#{}", share::encode(SEED)?)).await?;
    wait_until_mounted(c).await?;
    wait_input(c, SEED).await?;
    let hash = c.execute("return location.hash;", vec![]).await?;
    check(hash == json!(""), format!("the fragment stays after reading it: {hash}"))?;
    click(c, "#restore-previous").await?;
    wait_input(c, "表一\n别的内容").await?;
    wait_saved(c, "表一\n别的内容").await?;
    Ok(())
}

/// 复制链接, then an edit: the link leaves the address, so F5 keeps the edit.
async fn link_leaves_the_address(c: &fantoccini::Client) -> Result<()> {
    click(c, "#share-link").await?;
    wait_js(c, "the link in the address", "return location.hash.startsWith('#v1=');", vec![]).await?;
    set_input(c, "表一\n复制链接后的修改").await?;
    wait_js(c, "the link to leave the address", "return location.hash === '';", vec![]).await?;
    wait_saved(c, "表一\n复制链接后的修改").await?;
    c.refresh().await?;
    wait_until_mounted(c).await?;
    wait_input(c, "表一\n复制链接后的修改").await?;
    set_input(c, "表一\n别的内容").await?;
    wait_saved(c, "表一\n别的内容").await?;
    Ok(())
}

/// A link longer than any the page makes is refused; the box keeps its text.
async fn too_long_link_is_refused(c: &fantoccini::Client, base: &str) -> Result<()> {
    c.goto("about:blank").await?;
    c.goto(&format!("{base}#v1={}", "A".repeat(40 * 1024))).await?;
    wait_until_mounted(c).await?;
    let status = wait_js(
        c,
        "the too-long message",
        "const s = document.querySelector('#share-status'); return s && s.dataset.state === 'damaged' && s.textContent;",
        vec![],
    )
    .await?;
    check(status.as_str().unwrap_or_default().contains("分享链接太长"), format!("long link: {status}"))?;
    wait_input(c, "表一\n别的内容").await?;
    Ok(())
}

/// Another tab saves its text: this tab says so and keeps that text as the previous one.
async fn other_tab_saves(c: &fantoccini::Client) -> Result<()> {
    c.execute(
        "window.dispatchEvent(new StorageEvent('storage', { key: 'budget-check.input', newValue: '表一\\n另一个标签页' }));",
        vec![],
    )
    .await?;
    wait_js(
        c,
        "the other-tab notice",
        "return !!document.querySelector('#other-tab') && !!document.querySelector('#restore-previous');",
        vec![],
    )
    .await?;
    Ok(())
}

/// Uploads: a UTF-8 file with a bad byte is read with a note naming it; a damaged .xls
/// (its directory chain pointing at itself) is refused with a message; the text stays.
async fn uploads_of_damaged_files(c: &fantoccini::Client) -> Result<()> {
    let before = input_value(c).await?;
    let dir = std::env::temp_dir().join(format!("budget-check-e2e-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut bad = "表一\n项目\t金额\n合计\t1.00\n".as_bytes().to_vec();
    bad.insert(bad.len() - 3, 0xC3);
    std::fs::write(dir.join("坏字节.txt"), &bad)?;
    let mut xls = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formats/biao3.xls"))?;
    let dir_start = u32::from_le_bytes(xls[48..52].try_into()?) as usize;
    let fat = 512 * (u32::from_le_bytes(xls[76..80].try_into()?) as usize + 1) + 4 * dir_start;
    xls[fat..fat + 4].copy_from_slice(&(dir_start as u32).to_le_bytes());
    std::fs::write(dir.join("环.xls"), &xls)?;
    let paths = [dir.join("坏字节.txt"), dir.join("环.xls")].map(|p| p.display().to_string()).join("\n");
    c.find(fantoccini::Locator::Css("#upload")).await?.send_keys(&paths).await?;
    let status = wait_js(
        c,
        "the upload outcome",
        "const s = document.querySelector('#upload-status');
         return s.dataset.read === '1' && s.dataset.failed === '1' && s.dataset.notes === '1' && s.textContent;",
        vec![],
    )
    .await?;
    let status = status.as_str().unwrap_or_default();
    check(
        status.contains("坏字节.txt") && status.contains("第 3 行") && status.contains("无法读取文件“环.xls”"),
        format!("upload status: {status}"),
    )?;
    let input = input_value(c).await?;
    check(
        input.starts_with(&before) && input.contains("=== 文件：坏字节.txt ==="),
        format!("after upload: {input:?}"),
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Over the storage quota (about 5 M characters): said, with the text offered as a download.
async fn over_the_storage_quota(c: &fantoccini::Client) -> Result<()> {
    c.execute(
        "const input = document.querySelector('#input');
         input.value = 'x'.repeat(6000000);
         input.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![],
    )
    .await?;
    wait_js(c, "the quota message", "return !!document.querySelector('#save-failed #download-input');", vec![]).await?;
    Ok(())
}

/// A panic: the banner shows, the input stays in the box.
async fn panic_keeps_the_input(c: &fantoccini::Client) -> Result<()> {
    set_input(c, "表一\n最后的内容").await?;
    c.execute("window.dispatchEvent(new Event('budget-check-test-panic'));", vec![]).await?;
    let banner = wait_js(
        c,
        "the panic banner",
        "const b = document.querySelector('#fatal[role=alert]'); return b && b.textContent;",
        vec![],
    )
    .await?;
    let banner = banner.as_str().unwrap_or_default();
    check(banner.contains("页面内部出错") && banner.contains("internal error"), format!("banner: {banner}"))?;
    let input = input_value(c).await?;
    check(input == "表一\n最后的内容", format!("input after the panic: {input:?}"))
}

async fn wait_input(c: &fantoccini::Client, expected: &str) -> Result<()> {
    wait_js(c, "the input", "return document.querySelector('#input').value === arguments[0];", vec![json!(expected)])
        .await
        .map(drop)
}
