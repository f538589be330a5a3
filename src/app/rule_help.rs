//! Every rule's explanation: what it checks, why it matters, how to fix a failure.

use super::i18n::{both, use_lang, Lang};
use crate::report::Severity;
use crate::rules::{self, Rule};
use yew::prelude::*;

/// The explanation of one rule, in the page's language (Chinese with English beneath).
pub fn explain(lang: Lang, rule: &Rule) -> Html {
    let e = &rule.explanation;
    let severity = match (lang, rule.severity) {
        (Lang::Zh, s) => s.label_zh(),
        (Lang::En, Severity::Error) => "error",
        (Lang::En, Severity::Warning) => "warning",
        (Lang::En, Severity::Info) => "note",
    };
    html! {
        <div class="rule-help" data-rule={rule.code}>
            <p class="rule-title">
                <span class="rule">{rule.code}</span>{" "}{both(lang, rule.name_zh, rule.name_en)}
                <span class="rule-severity">{format!(" · {} {severity}", lang.pick("失败时为", "fails as"))}</span>
            </p>
            <dl>
                <dt>{both(lang, "检查什么", "What")}</dt>
                <dd>{both(lang, e.what_zh, e.what_en)}</dd>
                <dt>{both(lang, "为什么", "Why")}</dt>
                <dd>{both(lang, e.why_zh, e.why_en)}</dd>
                <dt>{both(lang, "怎么改", "How to fix")}</dt>
                <dd>{both(lang, e.fix_zh, e.fix_en)}</dd>
            </dl>
        </div>
    }
}

/// All rules, folded until asked for.
#[component]
pub fn RuleCatalogue() -> Html {
    let lang = use_lang();
    let all = rules::registry();
    html! {
        <details id="rule-catalogue" class="rule-catalogue">
            <summary>{both(lang, &format!("全部规则说明（{}）", all.len()), &format!("All rules explained ({})", all.len()))}</summary>
            for rule in &all {
                {explain(lang, rule)}
            }
        </details>
    }
}
