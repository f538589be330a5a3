//! The one-line verdict above the findings, naming the rounding model it was reached under.

use super::i18n::{use_lang, Lang};
use super::ReportProps;
use yew::prelude::*;

#[component]
pub fn Summary(props: &ReportProps) -> Html {
    let lang = use_lang();
    let report = &props.report;
    let verdict = match (&report.nothing_read, report.has_errors()) {
        (Some(_), _) => "nothing-read",
        (None, true) => "has-errors",
        (None, false) => "no-errors",
    };
    // Announced by screen readers after each check, without moving focus.
    html! {
        <section class={classes!("summary", verdict)} aria-live="polite">
            <p id="summary">{lang.pick(&report.summary_zh(), &report.summary_en()).to_string()}</p>
            if lang == Lang::Zh {
                <p id="summary-en" class="en" lang="en">{report.summary_en()}</p>
            }
            if let Some(why) = &report.nothing_read {
                <p id="nothing-read" role="alert">{lang.pick(&why.message.zh, &why.message.en).to_string()}</p>
            }
        </section>
    }
}
