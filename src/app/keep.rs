//! Nothing the user typed is lost without a word: the text last replaced (by 载入示例, 清空, a
//! share link, another tab) stays one click away as 恢复之前的内容; a save the browser refused
//! (over its quota of about 5 M characters) is said, with the text offered as a download; and
//! another tab saving its own text is said too.

use super::i18n::{slash, use_lang};
use super::state::{Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: AttrValue,
    pub previous: Option<AttrValue>,
    pub save_failed: bool,
    pub other_tab: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn Keep(props: &Props) -> Html {
    let lang = use_lang();
    let restore = {
        let dispatch = props.dispatch.clone();
        move |_| dispatch.dispatch(Action::Restore)
    };
    let forget = {
        let dispatch = props.dispatch.clone();
        move |_| dispatch.dispatch(Action::ForgetPrevious)
    };
    let last_url = use_mut_ref(|| None::<String>);
    let download = {
        let (input, last_url): (AttrValue, Rc<RefCell<Option<String>>>) = (props.input.clone(), last_url.clone());
        move |_| {
            let _ = super::exports::download("budget-check-input.txt", "text/plain;charset=utf-8", &input, &last_url);
        }
    };
    let chars = |text: &AttrValue| text.chars().count();
    html! {
        <div class="keep" aria-live="polite">
            if let Some(previous) = &props.previous {
                <p id="previous-text" class="keep-previous">
                    {lang.pick(
                        &format!("之前的内容（{} 字）已被替换，可以恢复。", chars(previous)),
                        &format!("The previous text ({} characters) was replaced; it can be restored. ", chars(previous)),
                    ).to_string()}
                    <button id="restore-previous" type="button" onclick={restore}>
                        {slash(lang, "恢复之前的内容", "Restore the previous text")}
                    </button>
                    <button id="forget-previous" type="button" onclick={forget}>{slash(lang, "不用了", "Dismiss")}</button>
                </p>
            }
            if props.other_tab {
                <p id="other-tab" class="keep-warning">
                    {lang.pick(
                        "另一个标签页也在编辑本页并自动保存：它保存的内容已保留为“之前的内容”，本页再修改会覆盖自动保存。",
                        "Another tab is editing this page too and saved its text: that text is kept as the previous text, and edits here overwrite the autosave.",
                    ).to_string()}
                </p>
            }
            if props.save_failed {
                <p id="save-failed" class="keep-warning" role="alert">
                    {lang.pick(
                        &format!("内容（{} 字）超过浏览器可自动保存的上限，未保存：关闭或刷新页面前请下载保存。", chars(&props.input)),
                        &format!("The text ({} characters) is over what the browser can autosave and was not saved: download it before closing or reloading the page. ", chars(&props.input)),
                    ).to_string()}
                    <button id="download-input" type="button" onclick={download}>{slash(lang, "下载文本", "Download the text")}</button>
                </p>
            }
        </div>
    }
}

/// What the checker left out of or removed from the input before reading it (a limit reached,
/// invisible characters), above the results.
#[component]
pub fn InputNotes(props: &super::state::ReportProps) -> Html {
    let lang = use_lang();
    if props.report.notes.is_empty() {
        return Html::default();
    }
    html! {
        <ul id="input-notes" class="input-notes" role="status">
            for note in &props.report.notes {
                <li>{lang.pick(&note.message.zh, &note.message.en).to_string()}</li>
            }
        </ul>
    }
}

/// After 复制链接 the address holds the link (`#v1=…`); once the text is edited it no longer
/// matches, and a reload would put the link's older text over the edits. The fragment is
/// dropped from the address as soon as the text differs from it (the link stays in the
/// share box for copying).
pub fn drop_stale_link(input: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let Ok(hash) = location.hash() else { return };
    if !hash.starts_with(&format!("#{}", crate::share::PREFIX)) || crate::share::decode(&hash).is_ok_and(|t| t == input)
    {
        return;
    }
    let bare = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare));
    }
}
