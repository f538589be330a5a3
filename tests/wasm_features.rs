//! The wasm feature check `make dist` runs (scripts/dist.py) refuses what Chromium 86 lacks:
//! modules using multivalue or reference types (rustc's wasm32 default, Chrome 96+) fail it,
//! one using only bulk-memory and sign-ext passes; a reader module (instantiated by its worker
//! with no imports) that imports anything fails. Needs wasm-opt (scripts/setup.sh).

use std::path::{Path, PathBuf};
use std::process::Command;

fn tool_path() -> std::ffi::OsString {
    let home = PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
    let tools = std::env::var_os("BUDGET_CHECK_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".cache/budget-check-tools"));
    let mut dirs = vec![tools.join("node_modules/.bin")];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).expect("PATH entries are joinable")
}

/// Assembles `wat` with every feature allowed, then runs the dist check on it.
fn check(name: &str, wat: &str) -> (bool, String) {
    check_as(name, wat, &[])
}

/// [`check`] with more arguments to `dist.py --validate`.
fn check_as(name: &str, wat: &str, extra: &[&str]) -> (bool, String) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasm-features");
    std::fs::create_dir_all(&dir).unwrap();
    let (text, module) = (dir.join(format!("{name}.wat")), dir.join(format!("{name}.wasm")));
    std::fs::write(&text, wat).unwrap();
    let built = Command::new("wasm-opt")
        .arg("--all-features")
        .arg(&text)
        .arg("-o")
        .arg(&module)
        .env("PATH", tool_path())
        .output()
        .expect("wasm-opt (run scripts/setup.sh)");
    assert!(built.status.success(), "{name}: {}", String::from_utf8_lossy(&built.stderr));
    let out = Command::new("python3")
        .arg("scripts/dist.py")
        .arg("--validate")
        .arg(&module)
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", tool_path())
        .output()
        .expect("python3");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn multivalue_is_refused() {
    let (ok, said) = check("multivalue", r#"(module (func (export "f") (result i32 i32) i32.const 1 i32.const 2))"#);
    assert!(!ok && said.contains("Chromium 86"), "{said}");
}

#[test]
fn reference_types_are_refused() {
    let (ok, said) =
        check("externref", r#"(module (func (export "g") (param externref) (result externref) local.get 0))"#);
    assert!(!ok && said.contains("Chromium 86"), "{said}");
}

#[test]
fn bulk_memory_and_sign_ext_pass() {
    let (ok, said) = check(
        "allowed",
        r#"(module (memory 1)
             (func (export "h") (param i32) (result i32)
               (memory.fill (i32.const 0) (i32.const 0) (i32.const 1))
               (i32.extend8_s (local.get 0))))"#,
    );
    assert!(ok && said.contains("wasm valid"), "{said}");
}

#[test]
fn a_reader_module_with_an_import_is_refused() {
    let wat = r#"(module (import "env" "f" (func $f)) (memory (export "memory") 1)
                   (func (export "read") call $f))"#;
    let (ok, said) = check("reader-import", wat);
    assert!(ok, "the page's own module may import: {said}");
    let (ok, said) = check_as("reader-import", wat, &["--reader"]);
    assert!(!ok && said.contains("imports 1 item(s)"), "{said}");
}
