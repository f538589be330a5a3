//! End to end in headless Chromium, one session through the reviewer's features on the seed:
//! tables drawn with marked cells and related cells on hover, a finding leading to its cell,
//! related cells of folded tables listed in the details box, filters, rule explanations (a modal
//! `<dialog>` that keeps and returns the focus), the rounding mode, exports (byte for byte what the library
//! writes), share links, clear-with-confirm, the language switch and a narrow window.
//!
//! The page is served under a sub-path like the other browser test; screenshots
//! `finding-focused.png`, `english.png` and `narrow.png` go to `<target>/screenshots/`.

mod support;

use budget_check::ingest::{file_marker, file_text, html_to_text};
use budget_check::{check_text, export, rules, share};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::time::Duration;
use support::browser::{
    check, click, findings, input_value, open_with_example, poll, run, screenshot, set_input, summary, wait_js,
    wait_saved, wait_summary, wait_until_mounted, Result, Session, SEED, SEED_ZH, STORAGE_KEY,
};

#[test]
fn reviewer_features_in_headless_chromium() {
    run("budget-check-e2e-features", async |s: &Session| scenarios(s).await);
}

async fn scenarios(s: &Session) -> Result<()> {
    open_with_example(s).await?;
    let c = &s.client;

    tables_are_drawn_with_marks(c).await?;
    hover_shows_figures_and_related_cells(c).await?;
    tip_lists_related_cells_of_folded_tables(c).await?;
    finding_click_opens_and_flashes_its_cell(c).await?;
    screenshot(c, &s.shots.join("finding-focused.png")).await?;
    enter_on_a_finding_flashes_its_cell(c).await?;
    filters_narrow_the_list(c).await?;
    rule_explanation_opens_and_closes(c).await?;
    strict_mode_turns_rounding_into_errors(c).await?;
    exports_are_the_library_reports(s).await?;
    print_shows_results_without_controls(s).await?;
    paste_reads_the_html_flavour(c).await?;
    upload_appends_each_file_under_its_marker(c).await?;
    dropped_file_is_appended(c).await?;
    share_link_round_trip(c).await?;
    too_large_for_a_link(c).await?;
    clear_asks_first(c).await?;
    english_is_remembered(s).await
}

/// The 19 seed tables as a list of table views; those with findings open, the rest folded; the
/// rounding cell of 表二 (21011 总计, C12 = row 11, column 2) marked softly and its row tinted.
async fn tables_are_drawn_with_marks(c: &Client) -> Result<()> {
    let seen = c
        .execute(
            "const views = Array.from(document.querySelectorAll('#tables > li.table-view'));
             const open = v => v.querySelector('.table-toggle').getAttribute('aria-expanded') === 'true';
             const cell = document.querySelector('#cell-1-11-2');
             return {
                 views: views.length,
                 open: views.filter(open).map(v => v.dataset.table),
                 grids: document.querySelectorAll('#tables table.grid').length,
                 text: cell.textContent,
                 classes: Array.from(cell.classList).sort(),
                 tabindex: cell.getAttribute('tabindex'),
                 row: cell.parentElement.className,
                 marks: document.querySelectorAll('td.mark').length,
                 head: document.querySelector('#table-1 thead').textContent.includes('科目编码'),
             };",
            vec![],
        )
        .await?;
    let expected = json!({
        "views": 19,
        "open": ["表二", "表三", "表五", "表七", "表八"],
        "grids": 5,
        "text": "16.98",
        "classes": ["mark", "num", "tone-rounding"],
        "tabindex": "0",
        "row": "row-tone-rounding",
        // 8 rounding cells and PRJ001's note on 表八 E2.
        "marks": 9,
        "head": true,
    });
    check(seen == expected, format!("tables: got {seen:#}, expected {expected:#}"))
}

/// Pointing at 表二 C12 shows printed, computed and difference, and lights up its four children.
async fn hover_shows_figures_and_related_cells(c: &Client) -> Result<()> {
    move_mouse_to(c, "#cell-1-11-2").await?;
    let tip = wait_js(
        c,
        "the cell details",
        "const tip = document.querySelector('#cell-tip');
         if (tip.hidden) return null;
         return {
             printed: tip.querySelector('dd.printed').textContent,
             computed: tip.querySelector('dd.computed').textContent,
             difference: tip.querySelector('dd.difference').textContent,
             rule: tip.querySelector('.tip-finding').dataset.rule,
             related: Array.from(document.querySelectorAll('td.related'), td => [td.id, td.textContent]),
         };",
        vec![],
    )
    .await?;
    let expected = json!({
        "printed": "16.98", "computed": "16.99", "difference": "-0.01", "rule": "SUM003",
        "related": [["cell-1-12-2", "11.98"], ["cell-1-13-2", "2.93"], ["cell-1-14-2", "1.44"], ["cell-1-15-2", "0.64"]],
    });
    check(tip == expected, format!("hover: got {tip:#}, expected {expected:#}"))?;
    move_mouse_to(c, "h1").await?;
    wait_js(
        c,
        "the details to go",
        "return document.querySelector('#cell-tip').hidden && !document.querySelector('td.related');",
        vec![],
    )
    .await?;
    Ok(())
}

/// 表八 E2 (PRJ001): the ten project forms it adds up are folded, so the details box lists each
/// one's table, A1 and printed figure, exactly as the library reports them; 表二's SUM003 has
/// none outside its own table.
async fn tip_lists_related_cells_of_folded_tables(c: &Client) -> Result<()> {
    let report = check_text(SEED);
    let prj = report.findings.iter().find(|f| f.rule == "PRJ001").ok_or("seed has PRJ001")?;
    let expected: Vec<String> = prj
        .related
        .iter()
        .map(|r| {
            let text = report.tables.get(r.table).map(|t| t.text(r.row, r.col)).unwrap_or_default();
            format!("{} {} {text}", report.table_name(r.table), r.a1)
        })
        .collect();
    check(expected.len() == 10, format!("seed PRJ001 relates {} cells", expected.len()))?;
    move_mouse_to(c, "#cell-7-1-4").await?;
    let listed = wait_js(
        c,
        "the related cells of other tables",
        "const tip = document.querySelector('#cell-tip');
         const items = tip.hidden ? [] : Array.from(tip.querySelectorAll('.tip-related li'), li => li.textContent);
         const folded = document.querySelectorAll('#table-9 table.grid').length;
         return items.length > 0 && { items, folded };",
        vec![],
    )
    .await?;
    let want = json!({ "items": expected, "folded": 0 });
    check(listed == want, format!("PRJ001 tip: got {listed:#}, expected {want:#}"))?;
    move_mouse_to(c, "#cell-1-11-2").await?;
    let none = wait_js(
        c,
        "表二 C12's details",
        "const tip = document.querySelector('#cell-tip');
         return !tip.hidden && tip.querySelector('.tip-finding').dataset.rule === 'SUM003'
             && tip.querySelectorAll('.tip-related').length === 0;",
        vec![],
    )
    .await;
    check(none.is_ok(), "表二 C12's tip lists cells of other tables".to_string())?;
    move_mouse_to(c, "h1").await?;
    wait_js(c, "the details to go", "return document.querySelector('#cell-tip').hidden;", vec![]).await?;
    Ok(())
}

/// 表三 folded by hand, then a click on its SUM002 finding (C3) unfolds it, focuses and flashes
/// the cell, and the details box shows the figures.
async fn finding_click_opens_and_flashes_its_cell(c: &Client) -> Result<()> {
    click(c, "#table-2 .table-toggle").await?;
    wait_js(c, "表三 to fold", "return !document.querySelector('#cell-2-2-2');", vec![]).await?;
    click(c, "#findings li.finding[data-index='0']").await?;
    let seen = wait_js(
        c,
        "表三 C3 to flash",
        "const cell = document.querySelector('#cell-2-2-2');
         if (!cell || !cell.hasAttribute('data-flash')) return null;
         const tip = document.querySelector('#cell-tip');
         return [document.activeElement.id, cell.textContent, tip.hidden, tip.querySelector('dd.printed').textContent];",
        vec![],
    )
    .await?;
    let expected = json!(["cell-2-2-2", "352.16", false, "352.16"]);
    check(seen == expected, format!("finding click: got {seen}, expected {expected}"))
}

/// Keyboard: focus the third finding (表二 C12) and press Enter.
async fn enter_on_a_finding_flashes_its_cell(c: &Client) -> Result<()> {
    c.execute("document.querySelector(\"#findings li.finding[data-index='2']\").focus();", vec![]).await?;
    c.find(Locator::Css("#findings li.finding[data-index='2']")).await?.send_keys("\u{e007}").await?;
    let seen = wait_js(
        c,
        "表二 C12 to flash",
        "const cell = document.querySelector('#cell-1-11-2');
         return cell.hasAttribute('data-flash') && document.activeElement.id;",
        vec![],
    )
    .await?;
    check(seen == json!("cell-1-11-2"), format!("Enter: focus on {seen}"))
}

/// The seed's 12 findings: 8 rounding warnings and 4 notes, grouped by table.
async fn filters_narrow_the_list(c: &Client) -> Result<()> {
    let groups = c
        .execute("return Array.from(document.querySelectorAll('#findings li.group'), g => g.dataset.group);", vec![])
        .await?;
    let expected = json!([
        "表二 · 一般公共预算财政拨款支出表",
        "表三 · 一般公共预算财政拨款基本支出表",
        "表五 · 政府性基金预算支出表",
        "表七 · 部门收入总表",
        "表八 · 部门支出总表",
        "整份文档"
    ]);
    check(groups == expected, format!("groups: got {groups:#}, expected {expected:#}"))?;

    click(c, "#filter-warning").await?;
    // Grouped by table: 表五 (EMP001) before 表八 (PRJ001), the whole document last.
    expect_list(c, "warnings hidden", &[("EMP001", ""), ("PRJ001", "E2"), ("SET001", ""), ("SET002", "")]).await?;
    click(c, "#filter-warning").await?;
    click(c, "#filter-table option[value='1']").await?;
    expect_list(c, "表二 only", &[("SUM003", "C12"), ("SUM003", "D12")]).await?;
    click(c, "#filter-table option[value='']").await?;
    click(c, "#filter-rule option[value='SUM002']").await?;
    expect_list(c, "SUM002 only", &[("SUM002", "C3"), ("SUM002", "D3")]).await?;
    click(c, "#filter-rule option[value='']").await?;
    poll("all 12 findings back", || async {
        let n = findings(c).await?.len();
        Ok(if n == 12 { Ok(()) } else { Err(format!("{n} findings")) })
    })
    .await
}

async fn expect_list(c: &Client, what: &str, expected: &[(&str, &str)]) -> Result<()> {
    poll(what, || async {
        let found: Vec<(String, String)> = findings(c).await?.into_iter().map(|f| (f.rule, f.cell)).collect();
        let want: Vec<(String, String)> = expected.iter().map(|(r, a)| (r.to_string(), a.to_string())).collect();
        Ok(if found == want { Ok(()) } else { Err(format!("{found:?}, expected {want:?}")) })
    })
    .await
}

/// 规则说明 on the first finding shows SUM002's what/why/fix; Escape closes it.
async fn rule_explanation_opens_and_closes(c: &Client) -> Result<()> {
    click(c, "#findings li.finding[data-index='0'] button.explain").await?;
    let text = wait_js(
        c,
        "the rule dialog",
        "const d = document.querySelector('#rule-dialog'); return d && d.textContent;",
        vec![],
    )
    .await?;
    let text = text.as_str().unwrap_or_default();
    let rule = rules::rule("SUM002").ok_or("SUM002 is registered")?;
    let e = rule.explanation;
    for part in [rule.code, rule.name_zh, e.what_zh, e.why_zh, e.fix_zh, e.what_en] {
        check(text.contains(part), format!("rule dialog lacks {part:?}: {text:?}"))?;
    }
    let modal = c.execute("return document.querySelector('#rule-dialog').matches('dialog:modal');", vec![]).await?;
    check(modal == json!(true), "the rule dialog is not a modal <dialog>".to_string())?;
    // The close button is its only control: Tab and Shift+Tab stay on it.
    let order = [focused(c).await?, press(c, TAB).await?, press(c, SHIFT_TAB).await?];
    check(order == ["dialog-close"; 3].map(String::from), format!("focus in the rule dialog: {order:?}"))?;
    press(c, ESCAPE).await?;
    wait_js(c, "the rule dialog to close", "return !document.querySelector('#rule-dialog');", vec![]).await?;
    let back = wait_js(
        c,
        "focus back on 规则说明",
        "const b = document.querySelector(\"#findings li.finding[data-index='0'] button.explain\");
         return document.activeElement === b;",
        vec![],
    )
    .await;
    check(back.is_ok(), format!("after Escape the focus is on {}", focused(c).await?))
}

const TAB: &str = "\u{e004}";
/// Shift down, Tab, then all modifiers up.
const SHIFT_TAB: &str = "\u{e008}\u{e004}\u{e000}";
const ESCAPE: &str = "\u{e00c}";

/// The focused element's id, else its class.
async fn focused(c: &Client) -> Result<String> {
    let v = c.execute("const a = document.activeElement; return a.id || a.className;", vec![]).await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Sends `keys` to the focused element and says where the focus went.
async fn press(c: &Client, keys: &str) -> Result<String> {
    c.active_element().await?.send_keys(keys).await?;
    focused(c).await
}

/// Strict equality: the 8 rounding differences become 8 errors; back to nearest restores them.
async fn strict_mode_turns_rounding_into_errors(c: &Client) -> Result<()> {
    click(c, "#rounding-mode option[value='strict']").await?;
    let summary = wait_summary(c, "识别 19 张表，8 个错误，0 处舍入差异").await?;
    check(summary.contains("严格相等"), format!("strict summary names the mode: {summary:?}"))?;
    let errors = findings(c).await?.into_iter().filter(|f| f.severity == "error").count();
    check(errors == 8, format!("strict: {errors} errors"))?;
    click(c, "#rounding-mode option[value='nearest']").await?;
    let summary = wait_summary(c, SEED_ZH).await?;
    check(summary.contains("四舍五入区间"), format!("nearest summary names the mode: {summary:?}"))
}

/// Each export button downloads exactly what the library writes for the seed (CSV with its BOM):
/// read back from the object URL, and from the file the browser saved.
async fn exports_are_the_library_reports(s: &Session) -> Result<()> {
    let c = &s.client;
    let report = check_text(SEED);
    let cases = [("csv", export::to_csv(&report)), ("json", report.to_json()), ("md", export::to_markdown(&report))];
    for (id, expected) in cases {
        let before = c.execute("return document.querySelector('#exports').dataset.url || '';", vec![]).await?;
        click(c, &format!("#export-{id}")).await?;
        let file = format!("预算检查报告.{id}");
        let url = wait_js(
            c,
            &format!("the {id} export"),
            "const e = document.querySelector('#exports');
             return e.dataset.file === arguments[0] && e.dataset.url !== arguments[1] && e.dataset.url;",
            vec![json!(file), before],
        )
        .await?;
        let text = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(arguments[0]).then(r => r.arrayBuffer())
                     .then(b => done(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)), e => done('failed: ' + e));",
                vec![url],
            )
            .await?;
        let text = text.as_str().unwrap_or_default();
        check(text == expected, format!("{id} export differs: {} vs {} characters", text.len(), expected.len()))?;
        let saved = s.downloads.join(&file);
        let bytes = poll(&format!("{} to be saved", saved.display()), || async {
            Ok(std::fs::read(&saved).map_err(|e| e.to_string()))
        })
        .await?;
        check(bytes == expected.as_bytes(), format!("saved {file} differs from the library's {id}"))?;
    }
    Ok(())
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(name)
}

/// A paste whose clipboard holds Excel's HTML (and a useless plain text) is read from the HTML,
/// exactly as `html_to_text` reads it, and checked.
async fn paste_reads_the_html_flavour(c: &Client) -> Result<()> {
    set_input(c, "").await?;
    wait_summary(c, "识别 0 张表").await?;
    let html = std::fs::read_to_string(fixture("biao4-clipboard.html"))?;
    c.execute(
        "const input = document.querySelector('#input');
         input.focus();
         const data = new DataTransfer();
         data.setData('text/html', arguments[0]);
         data.setData('text/plain', 'plain text flavour');
         input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
        vec![json!(html)],
    )
    .await?;
    let expected = html_to_text(&html);
    let summary_expected = check_text(&expected).summary_zh();
    wait_summary(c, &summary_expected).await?;
    let input = input_value(c).await?;
    check(input == expected, format!("pasted HTML gave {input:?}, expected {expected:?}"))
}

/// Two files chosen at once (an .xlsx and a GBK .csv): each appended under its marker, in order,
/// after what the box held, and the whole checked as one document.
async fn upload_appends_each_file_under_its_marker(c: &Client) -> Result<()> {
    let mut expected = input_value(c).await?;
    for name in ["biao3.xlsx", "biao2-gbk.csv"] {
        let body = file_text(name, &std::fs::read(fixture(name))?)?;
        // A file starts on a line of its own.
        if !expected.is_empty() && !expected.ends_with('\n') {
            expected.push('\n');
        }
        expected = format!("{expected}{}\n{body}", file_marker(name));
    }
    let paths = ["biao3.xlsx", "biao2-gbk.csv"].map(|n| fixture(n).display().to_string()).join("\n");
    c.find(Locator::Css("#upload")).await?.send_keys(&paths).await?;
    let summary_expected = check_text(&expected).summary_zh();
    wait_summary(c, &summary_expected).await?;
    let input = input_value(c).await?;
    check(input == expected, format!("after upload #input is {input:?}, expected {expected:?}"))?;
    let status = c.execute("return document.querySelector('#upload-status').textContent;", vec![]).await?;
    check(status == json!("已读入 2 个文件：biao3.xlsx、biao2-gbk.csv。"), format!("upload status {status}"))?;
    // Each table names its file.
    let tables = c
        .execute(
            "return Array.from(document.querySelectorAll('#tables > li.table-view'), v => v.dataset.table);",
            vec![],
        )
        .await?;
    let report = check_text(&expected);
    let names: Vec<String> = report.tables.iter().map(|t| t.short_name()).collect();
    check(tables == json!(names), format!("tables after upload {tables}, expected {names:?}"))?;
    let sources: Vec<&str> = report.tables.iter().map(|t| t.source.as_str()).collect();
    check(sources.ends_with(&["biao3.xlsx", "biao2-gbk.csv"]), format!("table sources {sources:?}"))
}

/// A file dropped on the box (the seed's 表二 as a UTF-8 .txt) is appended under its marker.
async fn dropped_file_is_appended(c: &Client) -> Result<()> {
    let start = SEED.find("\n表二\n").ok_or("seed has 表二")? + 1;
    let end = SEED.find("\n表三\n").ok_or("seed has 表三")? + 1;
    let section = &SEED[start..end];
    let mut expected = input_value(c).await?;
    if !expected.ends_with('\n') {
        expected.push('\n');
    }
    expected = format!("{expected}{}\n{}", file_marker("表二.txt"), file_text("表二.txt", section.as_bytes())?);
    c.execute(
        "const data = new DataTransfer();
         data.items.add(new File([arguments[0]], '表二.txt', { type: 'text/plain' }));
         const box = document.querySelector('#input');
         for (const type of ['dragenter', 'dragover', 'drop']) {
             box.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
         }",
        vec![json!(section)],
    )
    .await?;
    wait_summary(c, &check_text(&expected).summary_zh()).await?;
    let input = input_value(c).await?;
    check(
        input == expected,
        format!("after the drop #input has {} characters, expected {}", input.len(), expected.len()),
    )?;
    let status = c.execute("return document.querySelector('#upload-status').textContent;", vec![]).await?;
    check(status == json!("已读入 1 个文件：表二.txt。"), format!("drop status {status}"))
}

/// Printed: summary, findings and the open tables with their marks; no input, buttons or filters.
async fn print_shows_results_without_controls(s: &Session) -> Result<()> {
    let c = &s.client;
    s.emulate_media("print").await?;
    let seen = c
        .execute(
            "const shown = css => { const e = document.querySelector(css); return !!e && getComputedStyle(e).display !== 'none'; };
             return ['#summary', '#findings li.finding', '#cell-1-11-2', '.editor', '#exports', '.filters',
                     'button.explain', '.settings', '#rule-catalogue'].map(css => [css, shown(css)]);",
            vec![],
        )
        .await?;
    screenshot(c, &s.shots.join("print.png")).await?;
    s.emulate_media("").await?;
    let expected = json!([
        ["#summary", true],
        ["#findings li.finding", true],
        ["#cell-1-11-2", true],
        [".editor", false],
        ["#exports", false],
        [".filters", false],
        ["button.explain", false],
        [".settings", false],
        ["#rule-catalogue", false]
    ]);
    check(seen == expected, format!("print: got {seen}, expected {expected}"))
}

/// 复制链接 puts the seed in `#v1=…`; the link opened afresh restores it over the autosave and
/// drops the fragment from the address.
async fn share_link_round_trip(c: &Client) -> Result<()> {
    click(c, "#load-example").await?;
    wait_summary(c, SEED_ZH).await?;
    click(c, "#share-link").await?;
    let link = wait_js(
        c,
        "the share link",
        "const s = document.querySelector('#share-status').dataset.state;
         const u = document.querySelector('#share-url');
         return (s === 'copied' || s === 'shown') && u && u.value;",
        vec![],
    )
    .await?;
    let link = link.as_str().unwrap_or_default().to_string();
    let page = c.current_url().await?;
    let expected = format!("{}#{}", page.as_str().split('#').next().unwrap_or_default(), share::encode(SEED)?);
    check(link == expected, format!("share link {} characters, expected {}", link.len(), expected.len()))?;

    // Something else in the autosave: the link must win over it.
    set_input(c, "表一\n别的内容").await?;
    wait_saved(c, "表一\n别的内容").await?;
    c.goto("about:blank").await?;
    c.goto(&link).await?;
    wait_until_mounted(c).await?;
    wait_summary(c, SEED_ZH).await?;
    let input = input_value(c).await?;
    check(input == SEED, format!("restored input has {} characters, expected the seed", input.len()))?;
    let seen =
        c.execute("return [location.hash, document.querySelector('#share-status').dataset.state];", vec![]).await?;
    check(seen == json!(["", "restored"]), format!("after opening the link: {seen}"))
}

/// 100 000 pseudo-random digits do not compress below 32 KB: the page says so instead.
async fn too_large_for_a_link(c: &Client) -> Result<()> {
    let mut x: u64 = 12345;
    let noise: String = (0..100_000)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from(b'0' + (x >> 60) as u8 % 10)
        })
        .collect();
    set_input(c, &noise).await?;
    click(c, "#share-link").await?;
    let text = wait_js(
        c,
        "the too-large message",
        "const s = document.querySelector('#share-status');
         return s.dataset.state === 'too-large' && s.textContent;",
        vec![],
    )
    .await?;
    let text = text.as_str().unwrap_or_default();
    check(text.contains("内容太大，无法放进链接") && text.contains("上限 32 KB"), format!("too large: {text:?}"))
}

/// 清空 asks in the page; 取消 keeps the text, 清空 in the dialog empties box, report and autosave.
async fn clear_asks_first(c: &Client) -> Result<()> {
    click(c, "#load-example").await?;
    wait_summary(c, SEED_ZH).await?;
    click(c, "#clear").await?;
    wait_js(c, "the confirm dialog", "return !!document.querySelector('#confirm-clear[role=alertdialog]');", vec![])
        .await?;
    // Tab cycles through the dialog's three buttons only; Shift+Tab goes back round.
    let order = [
        focused(c).await?,
        press(c, TAB).await?,
        press(c, TAB).await?,
        press(c, TAB).await?,
        press(c, SHIFT_TAB).await?,
    ];
    let expected = ["dialog-close", "confirm-no", "confirm-yes", "dialog-close", "confirm-yes"].map(String::from);
    check(order == expected, format!("Tab in the confirm dialog: {order:?}"))?;
    press(c, ESCAPE).await?;
    wait_focus(c, "Escape to close and focus 清空", "clear").await?;

    click(c, "#clear").await?;
    click(c, "#confirm-no").await?;
    wait_js(c, "the dialog to close", "return !document.querySelector('#confirm-clear');", vec![]).await?;
    wait_focus(c, "取消 to focus 清空", "clear").await?;
    check(input_value(c).await? == SEED, "取消 changed the input".to_string())?;

    click(c, "#clear").await?;
    click(c, "#confirm-yes").await?;
    wait_summary(c, "识别 0 张表").await?;
    check(input_value(c).await?.is_empty(), "清空 left text".to_string())?;
    check(findings(c).await?.is_empty(), "清空 left findings".to_string())?;
    // 清空 is disabled now: the focus goes to the empty box instead.
    wait_focus(c, "清空 to focus the box", "input").await?;
    wait_saved(c, "").await
}

async fn wait_focus(c: &Client, what: &str, id: &str) -> Result<()> {
    poll(what, || async {
        let now = focused(c).await?;
        Ok(if now == id { Ok(()) } else { Err(format!("focus on {now:?}")) })
    })
    .await
}

/// English: texts switch, the page's `lang` follows, and the choice survives a reload. Then a
/// 400 px window has no sideways scrolling.
async fn english_is_remembered(s: &Session) -> Result<()> {
    let c = &s.client;
    click(c, "#load-example").await?;
    wait_summary(c, SEED_ZH).await?;
    click(c, "#lang-toggle").await?;
    wait_summary(c, "19 tables recognised, 0 errors, 8 rounding differences").await?;
    c.refresh().await?;
    wait_until_mounted(c).await?;
    wait_summary(c, "19 tables recognised, 0 errors, 8 rounding differences").await?;
    let seen = c
        .execute(
            "return [document.documentElement.lang, localStorage.getItem('budget-check.lang'),
                     document.querySelector('#run-check').textContent, document.querySelector('#lang-toggle').textContent,
                     document.querySelector('#findings li.finding .severity').textContent];",
            vec![],
        )
        .await?;
    let expected = json!(["en", "en", "Check", "中文", "Rounding"]);
    check(seen == expected, format!("english page: got {seen}, expected {expected}"))?;
    screenshot(c, &s.shots.join("english.png")).await?;

    c.set_window_size(400, 800).await?;
    let widths = wait_js(
        c,
        "the narrow layout",
        "const root = document.documentElement;
         return window.innerWidth <= 400 && [root.scrollWidth, root.clientWidth];",
        vec![],
    )
    .await?;
    check(widths.get(0) == widths.get(1), format!("narrow window scrolls sideways: [page, viewport] = {widths}"))?;
    screenshot(c, &s.shots.join("narrow.png")).await?;
    c.set_window_size(1280, 800).await?;

    click(c, "#lang-toggle").await?;
    wait_summary(c, SEED_ZH).await?;
    let saved = c.execute("return localStorage.getItem(arguments[0]) !== null;", vec![json!(STORAGE_KEY)]).await?;
    check(saved == Value::Bool(true), "autosave key missing".to_string())?;
    let lang = summary(c).await?;
    check(lang.contains("四舍五入区间"), format!("back in Chinese: {lang:?}"))
}

async fn move_mouse_to(c: &Client, css: &str) -> Result<()> {
    let element = c.find(Locator::Css(css)).await?;
    let mouse = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
        element,
        duration: Some(Duration::from_millis(0)),
        x: 0.0,
        y: 0.0,
    });
    c.perform_actions(mouse).await?;
    Ok(())
}
