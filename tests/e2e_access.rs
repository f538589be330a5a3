//! End to end in headless Chromium, one session for keyboard use and long documents: the whole
//! page walked with Tab alone (every stop has an accessible name, in reading order), then the
//! seed pasted ten times over (≈ 280 KB) timed from the paste to the drawn report.
//!
//! The timings are printed (run with `--nocapture` to see them), not asserted: the machine's load
//! decides them. What is asserted is exact: the counts and the rendered lists.

mod support;

use budget_check::check_text;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::Client;
use serde_json::{json, Value};
use support::browser::{check, click, open_with_example, run, wait_js, wait_summary, Result, Session, SEED};

const TAB: char = '\u{e004}';

#[test]
fn keyboard_and_long_documents_in_headless_chromium() {
    run("budget-check-e2e-access", async |s: &Session| scenarios(s).await);
}

async fn scenarios(s: &Session) -> Result<()> {
    open_with_example(s).await?;
    let c = &s.client;
    tab_reaches_everything_with_a_name(c).await?;
    seed_ten_times(c).await
}

/// Tab alone: records each element the focus lands on (a `focusin` listener) until the focus
/// comes round again; read from the first control of the page, each must have an accessible name, and the
/// controls come in reading order: settings, box, results, findings, tables, rules.
async fn tab_reaches_everything_with_a_name(c: &Client) -> Result<()> {
    c.execute(
        "document.activeElement.blur();
         window.scrollTo(0, 0);
         window.__stops = [];
         // A simplified accessible name: labelledby, aria-label, <label>s, then the text.
         const name = e => {
             const by = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                 .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
             const labels = Array.from(e.labels || [], l => l.textContent).join(' ');
             return [by, e.getAttribute('aria-label') || '', labels, e.textContent || '', e.title || '']
                 .map(t => t.trim()).find(t => t.length > 0) || '';
         };
         document.addEventListener('focusin', ev => {
             const e = ev.target;
             const id = e.id ? '#' + e.id
                 : e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '');
             window.__stops.push({ id, name: name(e), el: e });
         });",
        vec![],
    )
    .await?;
    let mut keys = KeyActions::new("keyboard".to_string());
    for _ in 0..160 {
        keys = keys.then(KeyAction::Down { value: TAB }).then(KeyAction::Up { value: TAB });
    }
    let started = std::time::Instant::now();
    c.perform_actions(keys).await?;
    let walk = c
        .execute(
            "const stops = window.__stops;
             const first = stops.findIndex((s, i) => i > 0 && s.el === stops[0].el);
             const cycle = first < 0 ? stops : stops.slice(0, first);
             // The cycle from the control first in the page, wherever the walk began.
             const top = cycle.reduce((a, s, i) =>
                 a < 0 || (cycle[a].el.compareDocumentPosition(s.el) & Node.DOCUMENT_POSITION_PRECEDING) ? i : a, -1);
             const round = cycle.slice(top).concat(cycle.slice(0, top));
             return {
                 wrapped: first > 0,
                 stops: round.map(s => [s.id, s.name]),
             };",
            vec![],
        )
        .await?;
    println!("Tab walk: 160 presses in {:?}", started.elapsed());
    check(walk["wrapped"] == json!(true), format!("160 Tabs did not come round: {walk:#}"))?;
    let stops = walk["stops"].as_array().cloned().unwrap_or_default();
    let nameless: Vec<&Value> = stops.iter().filter(|s| s[1].as_str().is_none_or(str::is_empty)).collect();
    check(nameless.is_empty(), format!("stops without an accessible name: {nameless:?}"))?;
    let ids: Vec<String> = stops.iter().map(|s| s[0].as_str().unwrap_or_default().to_string()).collect();
    println!("Tab walk: {} stops", ids.len());
    let at = |id: &str| ids.iter().position(|s| s == id);
    let order = [
        "#rounding-mode",
        "#lang-toggle",
        "#input",
        "#run-check",
        "#load-example",
        "#clear",
        "#upload",
        "#share-link",
        "#export-csv",
        "#print",
        "#filter-error",
        "#filter-table",
        "#filter-rule",
        "li.finding",
        "button.explain",
        "button.table-toggle",
        // 表二 C12, the first marked cell of an open table.
        "#cell-1-11-2",
        "summary",
    ];
    let places: Vec<Option<usize>> = order.iter().map(|id| at(id)).collect();
    let in_order = places.iter().all(Option::is_some) && places.windows(2).all(|w| w[0] < w[1]);
    check(in_order, format!("Tab order {order:?} found at {places:?} in {ids:?}"))?;
    // Every finding and every table's toggle is a stop of its own.
    let count = |id: &str| ids.iter().filter(|s| *s == id).count();
    let counts = [count("li.finding"), count("button.explain"), count("button.table-toggle")];
    check(counts == [12, 12, 19], format!("findings, explain buttons, table toggles reached: {counts:?}"))
}

/// The seed ten times (≈ 280 KB, 190 tables) set into the box at once, as a paste does; timed in
/// the page from the `input` event to the frame after the summary changed (this includes the
/// 300 ms pause the page waits for typing to stop), then a redraw alone (the language switch,
/// which re-renders everything without checking). Every table and finding is listed; the first
/// 12 tables with findings are drawn open.
async fn seed_ten_times(c: &Client) -> Result<()> {
    let text = [SEED; 10].join("\n");
    let report = check_text(&text);
    let expected = report.summary_zh();
    let (elapsed, english) = paste_and_redraw(c, &text, &expected).await?;
    let seen = wait_js(
        c,
        "the long report drawn",
        "return {
             findings: document.querySelectorAll('#findings li.finding').length,
             tables: document.querySelectorAll('#tables > li.table-view').length,
             grids: document.querySelectorAll('#tables table.grid').length,
             cells: document.querySelectorAll('#tables td').length,
         };",
        vec![],
    )
    .await?;
    println!(
        "seed × 10 ({} bytes): paste → report drawn in {:.0} ms (300 ms of it the typing pause); \
         redraw alone (language switch) {:.0} ms; {seen}",
        text.len(),
        elapsed.as_f64().unwrap_or_default(),
        english.as_f64().unwrap_or_default()
    );
    click(c, "#lang-toggle").await?;
    wait_summary(c, &expected).await?;
    check(
        seen["findings"] == json!(report.findings.len()) && seen["tables"] == json!(report.tables.len()),
        format!(
            "seed × 10: page shows {seen}, the library {} findings in {} tables",
            report.findings.len(),
            report.tables.len()
        ),
    )?;
    first_twelve_drawn_open(c, &report).await?;
    folded_table_opens_for_its_finding(c, &report).await?;
    typing_stays_quick(c, &text).await
}

/// The paste timed to the frame after the summary shows `expected`, then the language switch
/// (a redraw without checking) timed the same way: both in milliseconds.
async fn paste_and_redraw(c: &Client, text: &str, expected: &str) -> Result<(Value, Value)> {
    let elapsed = c
        .execute_async(
            "const [text, expected, done] = arguments;
             const input = document.querySelector('#input');
             const summary = document.querySelector('#summary');
             input.focus();
             input.value = text;
             const t0 = performance.now();
             input.dispatchEvent(new Event('input', { bubbles: true }));
             const tick = () => summary.textContent.includes(expected)
                 ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)))
                 : setTimeout(tick, 5);
             tick();",
            vec![json!(text), json!(expected)],
        )
        .await?;
    let english = c
        .execute_async(
            "const done = arguments[0];
             const t0 = performance.now();
             document.querySelector('#lang-toggle').click();
             const tick = () => document.documentElement.lang === 'en' && document.querySelector('#findings-heading').textContent.startsWith('Findings')
                 ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)))
                 : setTimeout(tick, 5);
             tick();",
            vec![],
        )
        .await?;
    Ok((elapsed, english))
}

/// Only the first 12 of the 50 tables with findings are drawn; each badge still counts all.
async fn first_twelve_drawn_open(c: &Client, report: &budget_check::report::Report) -> Result<()> {
    let with_findings: Vec<usize> = report
        .tables
        .iter()
        .map(|t| t.index)
        .filter(|&t| report.findings.iter().any(|f| f.table.or(f.cell.as_ref().map(|c| c.table)) == Some(t)))
        .collect();
    check(with_findings.len() == 50, format!("seed × 10 has {} tables with findings", with_findings.len()))?;
    let expected_open: Vec<String> = with_findings.iter().take(12).map(|t| format!("table-{t}")).collect();
    let drawn = c
        .execute(
            "const views = Array.from(document.querySelectorAll('#tables > li.table-view'));
             return {
                 open: views.filter(v => v.querySelector('table.grid')).map(v => v.id),
                 badges: views.filter(v => v.querySelector('.badge')).length,
             };",
            vec![],
        )
        .await?;
    let want = json!({ "open": expected_open, "badges": 50 });
    check(drawn == want, format!("seed × 10 tables: got {drawn}, expected {want}"))
}

/// The last copy's 表二 C12 (SUM003) sits in a table that starts folded: a click on its finding
/// draws the table, focuses and flashes the cell.
async fn folded_table_opens_for_its_finding(c: &Client, report: &budget_check::report::Report) -> Result<()> {
    let (i, cell) = report
        .findings
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, f)| f.cell.as_ref().filter(|c| f.rule == "SUM003" && c.a1 == "C12").map(|c| (i, c)))
        .ok_or("seed × 10 has SUM003 at C12")?;
    let id = format!("cell-{}-{}-{}", cell.table, cell.row, cell.col);
    let folded = c.execute("return !document.getElementById(arguments[0]);", vec![json!(id)]).await?;
    check(folded == json!(true), format!("{id} is drawn before its finding is chosen"))?;
    click(c, &format!("#findings li.finding[data-index='{i}']")).await?;
    let seen = wait_js(
        c,
        "the folded table's cell to flash",
        "const cell = document.getElementById(arguments[0]);
         return cell && cell.hasAttribute('data-flash') && [document.activeElement.id, cell.textContent];",
        vec![json!(id)],
    )
    .await?;
    check(seen == json!([id, "16.98"]), format!("finding {i} in a folded table: {seen}"))
}

/// One more character typed at the end of the long text: timed from the `input` event to the
/// next frame, before the pause runs the check (the page must not redraw the report per key).
async fn typing_stays_quick(c: &Client, text: &str) -> Result<()> {
    let key = c
        .execute_async(
            "const done = arguments[0];
             const input = document.querySelector('#input');
             input.focus();
             input.value += ' ';
             const t0 = performance.now();
             input.dispatchEvent(new Event('input', { bubbles: true }));
             requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));",
            vec![],
        )
        .await?;
    println!("seed × 10: one keystroke to the next frame {:.0} ms", key.as_f64().unwrap_or_default());
    let typed = c.execute("return document.querySelector('#input').value.length;", vec![]).await?;
    check(typed == json!(text.chars().count() + 1), format!("after one key the box holds {typed} characters"))
}
