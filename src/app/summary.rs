//! The one-line verdict above the findings.

use super::ReportProps;
use yew::prelude::*;

#[component]
pub fn Summary(props: &ReportProps) -> Html {
    let report = &props.report;
    let verdict = if report.has_errors() { "has-errors" } else { "no-errors" };
    // Announced by screen readers after each check, without moving focus.
    html! {
        <section class={classes!("summary", verdict)} aria-live="polite">
            <p id="summary">{report.summary_zh()}</p>
            <p id="summary-en" class="en" lang="en">{report.summary_en()}</p>
        </section>
    }
}
