//! One headless Chromium session against the served page, and the small helpers every browser
//! scenario uses (waiting, reading the findings, typing into the box, screenshots).

use super::{page_dist, serve_static, target_dir, ChromeDriver, TempDir};
use fantoccini::{Client, ClientBuilder, Locator};
use serde::Deserialize;
use serde_json::{json, Value};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T> = std::result::Result<T, Error>;

/// Where the page is served: a sub-path proves the build has no absolute asset URLs.
pub const SUB_PATH: &str = "/intranet/budget-check/";
/// Generous for a cold wasm start on a loaded 2-core machine; every wait polls.
pub const TIMEOUT: Duration = Duration::from_secs(20);
pub const STORAGE_KEY: &str = "budget-check.input";

/// The page's address, the screenshot folder and the browser, for one test's scenarios.
pub struct Session {
    pub client: Client,
    pub url: String,
    pub shots: PathBuf,
    /// Where the browser saves downloads: inside the throwaway profile, never `~/Downloads`.
    pub downloads: PathBuf,
    /// chromedriver's address, for the Chrome-only commands WebDriver has no verb for.
    pub driver: String,
}

impl Session {
    /// Renders the page for `media` (`"print"`, or `""` for the screen) through chromedriver's
    /// DevTools pass-through, so the print stylesheet can be checked without printing.
    pub async fn emulate_media(&self, media: &str) -> Result<()> {
        let id = self.client.session_id().await?.ok_or("no WebDriver session")?;
        let body = json!({ "cmd": "Emulation.setEmulatedMedia", "params": { "media": media } }).to_string();
        let address = self.driver.trim_start_matches("http://").to_string();
        let request = format!(
            "POST /session/{id}/goog/cdp/execute HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let answer = tokio::task::spawn_blocking(move || post(&address, &request)).await??;
        check(answer.starts_with("HTTP/1.1 200"), format!("setEmulatedMedia({media:?}) answered {answer:?}"))
    }
}

/// Sends one HTTP request and reads the status line and headers of the answer. chromedriver
/// keeps connections open whatever the request says, so this stops at the headers (or after a
/// 10 s read timeout) rather than waiting for the connection to close.
fn post(address: &str, request: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request.as_bytes())?;
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

/// Serves the page, starts chromedriver and a fresh headless Chromium, runs `scenarios`, and
/// always closes the browser; panics with the first failure.
pub fn run<F>(profile_name: &str, scenarios: F)
where
    F: AsyncFnOnce(&Session) -> Result<()>,
{
    let dist = page_dist();
    let url = serve_static(dist, SUB_PATH).expect("static server on 127.0.0.1");
    let target = target_dir();
    let shots = target.join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot directory");
    let profile = TempDir::new(profile_name).expect("browser profile directory");
    let log = target.join(format!("{profile_name}-chromedriver.log"));
    let driver = ChromeDriver::start(&log).expect("chromedriver");

    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
    let outcome = runtime.block_on(async {
        let downloads = profile.0.join("downloads");
        let client = connect(&driver.url, &profile.0, &downloads).await?;
        let session = Session { client, url, shots, downloads, driver: driver.url.clone() };
        let outcome = scenarios(&session).await;
        // Close the browser before reporting, so a failed scenario leaves no Chromium behind.
        let closed = session.client.close().await;
        outcome?;
        closed.map_err(Error::from)
    });
    drop(driver);
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

async fn connect(driver: &str, profile: &Path, downloads: &Path) -> Result<Client> {
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
        "prefs": {
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
        },
    });
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".to_string(), options);
    let client = ClientBuilder::rustls()?.capabilities(capabilities).connect(driver).await?;
    Ok(client)
}

/// The seed document the page's example button loads.
pub const SEED: &str = include_str!("../fixtures/seed.txt");
/// The start of the seed's summary line.
pub const SEED_ZH: &str = "识别 19 张表，0 个错误，8 处舍入差异";

/// Opens the page and loads the built-in example, as a reviewer starts.
pub async fn open_with_example(s: &Session) -> Result<()> {
    let c = &s.client;
    c.goto(&s.url).await?;
    wait_until_mounted(c).await?;
    click(c, "#load-example").await?;
    wait_summary(c, SEED_ZH).await.map(drop)
}

pub async fn wait_until_mounted(client: &Client) -> Result<()> {
    poll("the page to start", || async {
        let ready = client.find_all(Locator::Css("#input, #load-example, #summary")).await?.len();
        Ok(if ready == 3 { Ok(()) } else { Err(format!("{ready} of #input, #load-example, #summary present")) })
    })
    .await
}

/// Runs `script` (a function body using `arguments`) until it returns something other than
/// `null`/`false`, and returns that.
pub async fn wait_js(client: &Client, what: &str, script: &str, args: Vec<Value>) -> Result<Value> {
    poll(what, || async {
        let value = client.execute(script, args.clone()).await?;
        Ok(match value {
            Value::Null | Value::Bool(false) => Err("not yet".to_string()),
            v => Ok(v),
        })
    })
    .await
}

/// One `li.finding`, read from its data attributes and visible text.
#[derive(Debug, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: String,
    pub table: String,
    pub cell: String,
    pub text: String,
}

pub async fn findings(client: &Client) -> Result<Vec<Finding>> {
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

pub fn expect_finding(
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

/// The 逐份核对 list's rows as their cells' text, as a reader sees them.
pub async fn batch_rows(client: &Client) -> Result<Vec<Vec<String>>> {
    let rows = client
        .execute(
            "return Array.from(document.querySelectorAll('#batch-table tbody tr'),
                 tr => Array.from(tr.cells, cell => cell.textContent));",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(rows)?)
}

pub async fn summary(client: &Client) -> Result<String> {
    Ok(client.find(Locator::Css("#summary")).await?.text().await?)
}

/// Waits until `#summary` contains `expected`.
pub async fn wait_summary(client: &Client, expected: &str) -> Result<String> {
    poll(&format!("the summary {expected:?}"), || async {
        let now = summary(client).await?;
        Ok(if now.contains(expected) { Ok(now) } else { Err(format!("summary {now:?}")) })
    })
    .await
}

pub async fn input_value(client: &Client) -> Result<String> {
    let value = client.execute("return document.querySelector('#input').value;", vec![]).await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

/// Replaces the text in one go, as a paste does: sets the value, then fires the `input` event
/// the page listens for.
pub async fn set_input(client: &Client, text: &str) -> Result<()> {
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

/// Waits until the autosave holds `text`.
pub async fn wait_saved(client: &Client, text: &str) -> Result<()> {
    poll("the input to be saved", || async {
        let saved =
            client.execute("return window.localStorage.getItem(arguments[0]);", vec![json!(STORAGE_KEY)]).await?;
        Ok(if saved.as_str() == Some(text) {
            Ok(())
        } else {
            Err(format!("saved {} characters", saved.as_str().map_or(0, str::len)))
        })
    })
    .await
}

pub async fn click(client: &Client, css: &str) -> Result<()> {
    client.find(Locator::Css(css)).await?.click().await?;
    Ok(())
}

pub async fn screenshot(client: &Client, path: &Path) -> Result<()> {
    std::fs::write(path, client.screenshot().await?)?;
    Ok(())
}

/// Polls `probe` until it yields `Ok(value)`; its `Err(state)` says what it saw, for the
/// timeout message.
pub async fn poll<T, F, Fut>(what: &str, mut probe: F) -> Result<T>
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
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

pub fn check(ok: bool, message: String) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(message.into())
    }
}

/// Records each text the 逐份核对 progress line shows, with its time (ms since the page
/// started), in `window.e2eProgress`.
pub async fn watch_progress(c: &Client) -> Result<()> {
    c.execute(
        "window.e2eProgress = [];
         new MutationObserver(() => {
             const p = document.querySelector('#batch-progress-text');
             const last = window.e2eProgress[window.e2eProgress.length - 1];
             if (p && (!last || p.textContent !== last[0])) window.e2eProgress.push([p.textContent, performance.now()]);
         }).observe(document.body, { subtree: true, childList: true, characterData: true });",
        vec![],
    )
    .await?;
    Ok(())
}
