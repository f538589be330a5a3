//! Every rule's passing and failing case, as data: `tests/fixtures/rule_cases/CODE.case` names a
//! document (a made-up file beside it, or its own text after a `---` line), the edits that make
//! the failing case (`fail: printed => changed`, each printed text found exactly once; `pass:`
//! edits likewise make the passing case when the document alone is not one) and where the rule
//! must fire (`at: 表二 C5`, `at: 表五`, `at: line 3`, `at: document`). `\t` and `\n` stand for a
//! tab and a line break in edits.
//!
//! A rule fires when it reports at its own severity or a graver one: an info rule fires with any
//! finding, an error rule's rounding warnings do not count. The passing case must not fire; the
//! failing case must fire at the place named. Adding a rule means adding its case file.

mod common;

use budget_check::report::Finding;
use budget_check::rules::{self, Rule};
use budget_check::{check_text, Report};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rule_cases")
}

/// One rule's cases, read from its file.
struct Case {
    pass: String,
    fail: String,
    at: String,
}

fn unescape(text: &str) -> String {
    text.trim().replace("\\t", "\t").replace("\\n", "\n")
}

/// `document` with each `printed => changed` edit made; an edit whose printed text is not found
/// exactly once is an error of the case file.
fn edited(document: &str, edits: &[&str]) -> Result<String, String> {
    let mut text = document.to_string();
    for edit in edits {
        let (from, to) = edit.split_once("=>").ok_or_else(|| format!("edit without `=>`: {edit}"))?;
        let (from, to) = (unescape(from), unescape(to));
        match text.matches(&from).count() {
            1 => text = text.replacen(&from, &to, 1),
            n => return Err(format!("{from:?} is printed {n} times, not once")),
        }
    }
    Ok(text)
}

fn read_case(code: &str) -> Result<Case, String> {
    let path = dir().join(format!("{code}.case"));
    let file = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (head, inline) = match file.split_once("\n---\n") {
        Some((head, inline)) => (head, Some(inline)),
        None => (file.as_str(), None),
    };
    let (mut document, mut pass, mut fail, mut at) = (inline.map(str::to_string), Vec::new(), Vec::new(), None);
    for line in head.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (key, value) = line.split_once(':').ok_or_else(|| format!("not `key: value`: {line}"))?;
        match key.trim() {
            "doc" => {
                let base = dir().join(value.trim());
                document = Some(std::fs::read_to_string(&base).map_err(|e| format!("{}: {e}", base.display()))?);
            }
            "pass" => pass.push(value),
            "fail" => fail.push(value),
            "at" => at = Some(value.trim().to_string()),
            other => return Err(format!("unknown key {other:?}")),
        }
    }
    let document = document.ok_or("no `doc:` and no text after `---`")?;
    if fail.is_empty() {
        return Err("no `fail:` edit".to_string());
    }
    let pass = edited(&document, &pass)?;
    let fail = edited(&pass, &fail)?;
    Ok(Case { pass, fail, at: at.ok_or("no `at:`")? })
}

/// Where a finding is, as a case names it.
fn place(report: &Report, f: &Finding) -> String {
    match (&f.cell, f.table, &f.text) {
        (Some(cell), Some(t), _) => format!("{} {}", report.table_name(t), cell.a1),
        (None, Some(t), _) => report.table_name(t),
        (_, None, Some(text)) => format!("line {}", text.line),
        _ => "document".to_string(),
    }
}

/// The places where `rule` fires: its findings at its own severity or a graver one.
fn fired(report: &Report, rule: &Rule) -> Vec<String> {
    let fires = |f: &&Finding| f.rule == rule.code && f.severity <= rule.severity;
    common::relations(report).into_iter().filter(fires).map(|f| place(report, f)).collect()
}

fn check_case(rule: &Rule) -> Result<(), String> {
    let case = read_case(rule.code)?;
    let passing = fired(&check_text(&case.pass), rule);
    if !passing.is_empty() {
        return Err(format!("the passing case fires at {passing:?}"));
    }
    let failing = fired(&check_text(&case.fail), rule);
    if !failing.contains(&case.at) {
        return Err(format!("the failing case fires at {failing:?}, not at {:?}", case.at));
    }
    Ok(())
}

#[test]
fn every_rule_has_a_passing_and_a_failing_case() {
    let problems: Vec<String> = rules::registry()
        .iter()
        .filter_map(|rule| check_case(rule).err().map(|e| format!("{}: {e}", rule.code)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_case_file_is_a_registered_rule() {
    let codes: Vec<&str> = rules::registry().iter().map(|r| r.code).collect();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(code) = name.strip_suffix(".case") {
            assert!(codes.contains(&code), "{name} names no rule");
        }
    }
}
