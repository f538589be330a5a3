//! The findings, in report order, each pointing at the cell a reviewer should look at.

use super::ReportProps;
use crate::report::{Finding, Report};
use crate::rules;
use crate::tolerance::Agreement;
use rust_decimal::Decimal;
use yew::prelude::*;

#[component]
pub fn Findings(props: &ReportProps) -> Html {
    let report = &props.report;
    html! {
        <section class="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">
                {format!("检查发现（{}）", report.findings.len())}
                <span class="en" lang="en">{"Findings"}</span>
            </h2>
            if report.findings.is_empty() {
                <p class="none">{"没有发现问题。"}<span class="en" lang="en">{"Nothing found."}</span></p>
            }
            <ol id="findings">
                for f in &report.findings {
                    {finding(report, f)}
                }
            </ol>
        </section>
    }
}

fn finding(report: &Report, f: &Finding) -> Html {
    let table = f.table.or(f.cell.as_ref().map(|c| c.table));
    let table_name = table.map(|t| report.table_name(t)).unwrap_or_default();
    let place = match (&f.cell, table) {
        (Some(cell), _) => cell.describe(&table_name),
        (None, Some(_)) => table_name.clone(),
        (None, None) => "文档".to_string(),
    };
    let a1 = f.cell.as_ref().map(|c| c.a1.clone()).unwrap_or_default();
    let severity = f.severity.label_en();
    // Rounding differences are warnings too, but styled more softly than real ones.
    let agreement = (f.agreement == Some(Agreement::Rounding)).then_some("rounding");
    html! {
        <li
            class={classes!("finding", format!("sev-{severity}"))}
            data-rule={f.rule}
            data-severity={severity}
            data-table={table_name}
            data-cell={a1}
            data-agreement={agreement}
            title={tooltip(f.rule)}
        >
            <span class="severity">{f.severity.label_zh()}</span>{" "}
            <span class="rule">{f.rule}</span>{" "}
            <span class="place">{place}</span>
            {figure("printed", "填报", f.printed)}
            {figure("computed", "计算", f.computed)}
            {figure("difference", "差额", f.difference)}
            {" "}<span class="message">{&f.message_zh}</span>
            {" "}<span class="message-en" lang="en">{&f.message_en}</span>
        </li>
    }
}

/// `<span class="printed">填报 16.98</span>`, or nothing when the rule compared no figures.
fn figure(class: &'static str, label: &str, value: Option<Decimal>) -> Html {
    match value {
        Some(v) => html! { <>{" "}<span class={class}>{format!("{label} {v}")}</span></> },
        None => Html::default(),
    }
}

/// The rule's name and what it checks, so a reviewer can tell why a cell was flagged.
fn tooltip(code: &str) -> Option<AttrValue> {
    let rule = rules::rule(code)?;
    Some(format!("{} {}：{}", rule.code, rule.name_zh, rule.explanation.what_zh).into())
}
