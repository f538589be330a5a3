//! The box beside a marked cell: what was printed, what the parts add up to, and the difference.

use super::i18n::{use_lang, Lang};
use super::marks::Marks;
use super::tables::Hover;
use crate::report::{Finding, Report};
use crate::rules;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
    pub marks: Rc<Marks>,
    pub hover: Option<Hover>,
}

#[component]
pub fn CellTip(props: &Props) -> Html {
    let lang = use_lang();
    let Some(hover) = &props.hover else {
        return html! { <div id="cell-tip" role="tooltip" hidden=true></div> };
    };
    // Kept inside the window: near the right edge the box opens leftwards.
    let style = format!("left: min({}px, calc(100vw - 22rem)); top: {}px;", hover.left.max(0.0), hover.top.max(0.0));
    html! {
        <div id="cell-tip" role="tooltip" {style}>
            for &i in props.marks.at(hover.cell) {
                if let Some(f) = props.report.findings.get(i) { {finding(lang, f)} }
            }
        </div>
    }
}

fn finding(lang: Lang, f: &Finding) -> Html {
    let name = rules::rule(f.rule).map(|r| lang.pick(r.name_zh, r.name_en)).unwrap_or_default();
    let severity = super::findings::severity_label(lang, f);
    html! {
        <div class="tip-finding" data-rule={f.rule}>
            <p class="tip-head">{format!("{severity} · {} {name}", f.rule)}</p>
            <dl>
                {figure("printed", lang.pick("填报", "printed"), f.printed)}
                {figure("computed", lang.pick("计算", "computed"), f.computed)}
                {figure("difference", lang.pick("差额", "difference"), f.difference)}
            </dl>
            <p class="tip-message">{lang.pick(&f.message_zh, &f.message_en).to_string()}</p>
        </div>
    }
}

fn figure(class: &'static str, label: &str, value: Option<Decimal>) -> Html {
    match value {
        Some(v) => html! { <><dt>{label.to_string()}</dt><dd class={class}>{v.to_string()}</dd></> },
        None => Html::default(),
    }
}
