//! What was read: the recognised tables and the blocks that were not read as tables.

use super::ReportProps;
use crate::table::TableKind;
use yew::prelude::*;

#[component]
pub fn Tables(props: &ReportProps) -> Html {
    let report = &props.report;
    html! {
        <section class="tables" aria-labelledby="tables-heading">
            <h2 id="tables-heading">
                {format!("识别的表格（{}）", report.tables.len())}
                <span class="en" lang="en">{"Recognised tables"}</span>
            </h2>
            <ul id="tables">
                for t in &report.tables {
                    <li data-kind={kind_id(t.kind)} title={t.title.clone()}>
                        {format!("{} · {} · {}", t.short_name(), t.kind.label_zh(), t.unit.label())}
                    </li>
                }
            </ul>
            if !report.unrecognised.is_empty() {
                <h3 id="unrecognised-heading">
                    {format!("未识别的内容（{}）", report.unrecognised.len())}
                    <span class="en" lang="en">{"Not read as tables"}</span>
                </h3>
                <ul id="unrecognised" aria-labelledby="unrecognised-heading">
                    for b in &report.unrecognised {
                        <li data-line={b.line.to_string()} title={b.reason_en.clone()}>
                            {format!("第 {} 行 {}：{}", b.line, b.title, b.reason_zh)}
                        </li>
                    }
                </ul>
            }
        </section>
    }
}

/// The kind's name as in the JSON report (`fiscal_summary`), so tests and styles can select it.
fn kind_id(kind: TableKind) -> Option<String> {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string))
}
