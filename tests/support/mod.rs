//! What the browser tests need around the browser: the built page, a static file server and
//! a chromedriver that cannot outlive the test.

// Each browser test file uses its own part of this shared support.
#![allow(dead_code)]

pub mod browser;

use std::fs;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The target directory cargo builds into; screenshots and the test's page build live there.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
        // Compile-time `<target>/tmp`, so the fallback honours `build.target-dir` too.
        None => {
            Path::new(env!("CARGO_TARGET_TMPDIR")).parent().expect("CARGO_TARGET_TMPDIR has a parent").to_path_buf()
        }
    }
}

/// PATH with the tools `scripts/setup.sh` installs, as the Makefile exports it.
fn tool_path() -> std::ffi::OsString {
    let home = PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
    let cargo_bin =
        std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| home.join(".cargo")).join("bin");
    let tools = std::env::var_os("BUDGET_CHECK_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".cache/budget-check-tools"));
    let mut dirs = vec![cargo_bin, tools.join("node_modules/.bin")];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).expect("PATH entries are joinable")
}

/// The release page with relative URLs and the single file, exactly as `make dist` builds them.
///
/// `make test` builds it right before `cargo test` and names it in `BUDGET_CHECK_E2E_DIST`;
/// without that variable the test builds it itself, so a stale page is never tested.
pub fn page_dist() -> PathBuf {
    if let Some(dir) = std::env::var_os("BUDGET_CHECK_E2E_DIST") {
        let dir = PathBuf::from(dir);
        assert!(dir.join("index.html").is_file(), "BUDGET_CHECK_E2E_DIST={} has no index.html", dir.display());
        return dir;
    }
    let dist = target_dir().join("e2e-dist");
    let _ = fs::remove_dir_all(&dist);
    let status = Command::new("trunk")
        .args(["build", "--release", "--public-url", "./", "--dist"])
        .arg(&dist)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", tool_path())
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .status()
        .unwrap_or_else(|e| panic!("cannot run trunk ({e}); run `scripts/setup.sh test`"));
    assert!(status.success(), "trunk build failed: {status}");
    // The single file and the wasm feature check, as `make dist` does them.
    let status = Command::new("python3")
        .arg("scripts/dist.py")
        .arg(&dist)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", tool_path())
        .status()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e})"));
    assert!(status.success(), "scripts/dist.py failed: {status}");
    dist
}

/// Serves `root` under `prefix` (e.g. `/intranet/budget-check/`) on 127.0.0.1 and returns the
/// page's URL. Anything outside the prefix is 404, so an absolute asset URL fails the test.
pub fn serve_static(root: PathBuf, prefix: &'static str) -> io::Result<String> {
    assert!(prefix.starts_with('/') && prefix.ends_with('/'));
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}{prefix}", listener.local_addr()?);
    // Detached: it only accepts on loopback and ends with the test process.
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            thread::spawn(move || {
                let _ = answer(stream, &root, prefix);
            });
        }
    });
    Ok(url)
}

fn answer(mut stream: TcpStream, root: &Path, prefix: &str) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 64 * 1024 {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        request.extend_from_slice(&buf[..n]);
    }
    let request = String::from_utf8_lossy(&request);
    let mut words = request.split_whitespace();
    let method = words.next().unwrap_or_default();
    let target = words.next().unwrap_or_default();
    let path = target.split(['?', '#']).next().unwrap_or_default();

    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", "text/plain", b"", method);
    }
    if path == prefix.trim_end_matches('/') {
        let head = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {prefix}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return stream.write_all(head.as_bytes());
    }
    let Some(file) = path.strip_prefix(prefix).and_then(|rest| file_in(root, rest)) else {
        return respond(&mut stream, "404 Not Found", "text/plain", b"not found", method);
    };
    match fs::read(&file) {
        Ok(body) => respond(&mut stream, "200 OK", content_type(&file), &body, method),
        Err(_) => respond(&mut stream, "404 Not Found", "text/plain", b"not found", method),
    }
}

/// The file a request path names inside `root`, refusing anything that climbs out of it.
fn file_in(root: &Path, rest: &str) -> Option<PathBuf> {
    let rest = if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() };
    let relative = Path::new(&rest);
    if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(root.join(relative))
}

/// Browsers refuse `WebAssembly.instantiateStreaming` and module scripts without these.
fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: &str, content_type: &str, body: &[u8], method: &str) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// A fresh directory removed on drop: Chromium's profile, so no state leaks between runs.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> io::Result<TempDir> {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `/usr/bin/chromedriver` on a free loopback port, in its own process group so that dropping
/// it (also when the test panics) ends it and the Chromium it started, and nothing else.
pub struct ChromeDriver {
    child: Child,
    pub url: String,
}

impl ChromeDriver {
    pub fn start(log: &Path) -> io::Result<ChromeDriver> {
        use std::os::unix::process::CommandExt;

        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot start /usr/bin/chromedriver ({e}); run `scripts/setup.sh test`"),
                )
            })?;
        let mut driver = ChromeDriver { child, url: format!("http://127.0.0.1:{port}") };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Some(status) = driver.child.try_wait()? {
                return Err(io::Error::other(format!("chromedriver exited early: {status}; see {}", log.display())));
            }
            if Instant::now() > deadline {
                return Err(io::Error::other("chromedriver did not listen within 20 s"));
            }
            thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // The group id is the child's pid (process_group(0)): only our chromedriver and the
        // browser it launched are in it.
        let _ =
            Command::new("kill").args(["-KILL", "--", &format!("-{}", self.child.id())]).stderr(Stdio::null()).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
