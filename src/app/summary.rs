//! The one-line verdict above the findings.

use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
}

#[component]
pub fn Summary(props: &Props) -> Html {
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
