//! How figures are compared (the rounding model) and the page's language.

use super::i18n::{slash, use_lang, Lang};
use crate::tolerance::RoundingMode;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mode: RoundingMode,
    pub on_mode: Callback<RoundingMode>,
    pub on_lang: Callback<Lang>,
}

const MODES: [(RoundingMode, &str); 3] =
    [(RoundingMode::Nearest, "nearest"), (RoundingMode::Truncate, "truncate"), (RoundingMode::Strict, "strict")];

#[component]
pub fn Settings(props: &Props) -> Html {
    let lang = use_lang();
    let on_mode = {
        let on_mode = props.on_mode.clone();
        move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some((mode, _)) = MODES.iter().find(|(_, id)| *id == value) {
                on_mode.emit(*mode);
            }
        }
    };
    let on_lang = {
        let on_lang = props.on_lang.clone();
        move |_| on_lang.emit(lang.other())
    };
    html! {
        <div class="settings">
            <label for="rounding-mode">{slash(lang, "舍入方式", "Rounding")}</label>
            <select id="rounding-mode" onchange={on_mode}
                title={lang.pick("合计与分项之差在什么范围内算作舍入差异", "Which differences between a total and its parts count as rounding")}>
                for (mode, id) in MODES {
                    <option value={id} selected={mode == props.mode}>
                        {slash(lang, mode.label_zh(), mode.label_en())}
                    </option>
                }
            </select>
            <button id="lang-toggle" type="button" onclick={on_lang} lang={lang.other().code()}
                aria-label={lang.pick("Switch to English", "切换到中文")}>
                {lang.pick("English", "中文")}
            </button>
        </div>
    }
}
