//! Rules that could not run on this input: a clean result means little if they were skipped.

use super::ReportProps;
use crate::rules;
use yew::prelude::*;

#[component]
pub fn NotChecked(props: &ReportProps) -> Html {
    let report = &props.report;
    html! {
        <section class="not-checked" aria-labelledby="not-checked-heading">
            <h2 id="not-checked-heading">
                {format!("未检查的规则（{}）", report.not_checked.len())}
                <span class="en" lang="en">{"Rules not checked"}</span>
            </h2>
            <ul id="not-checked">
                for n in &report.not_checked {
                    <li data-rule={n.rule} title={n.needs_en.clone()}>
                        <span class="rule">{n.rule}</span>{" "}
                        {rules::rule(n.rule).map(|r| r.name_zh).unwrap_or_default()}
                        {"："}{&n.needs_zh}
                    </li>
                }
            </ul>
        </section>
    }
}
