//! Rules that could not run on this input, and what each needs: a clean result means little if
//! they were skipped.

use super::i18n::{both, slash, use_lang};
use super::state::Shared;
use crate::report::Report;
use crate::rules;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Shared<Report>,
    pub on_explain: Callback<&'static str>,
}

#[component]
pub fn NotChecked(props: &Props) -> Html {
    let lang = use_lang();
    let report = &props.report;
    let n = report.not_checked.len();
    html! {
        <section class="not-checked" aria-labelledby="not-checked-heading">
            <h2 id="not-checked-heading">
                {both(lang, &format!("未检查的规则（{n}）"), &format!("Rules not checked ({n})"))}
            </h2>
            <ul id="not-checked">
                for item in &report.not_checked {
                    <li data-rule={item.rule}>
                        <span class="rule">{item.rule}</span>{" "}
                        {rules::rule(item.rule).map(|r| lang.pick(r.name_zh, r.name_en)).unwrap_or_default()}
                        {lang.pick("：", ": ")}{lang.pick(&item.needs.zh, &item.needs.en).to_string()}
                        {" "}
                        <button type="button" class="explain" data-rule={item.rule} onclick={
                            let on_explain = props.on_explain.clone();
                            let rule = item.rule;
                            move |_| on_explain.emit(rule)
                        }>{slash(lang, "规则说明", "About this rule")}</button>
                    </li>
                }
            </ul>
        </section>
    }
}
