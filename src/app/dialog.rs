//! An in-page modal dialog: focus moves into it, Escape or the close button dismisses it.
//! (The browser's own `confirm()` cannot be styled, translated or driven by a test.)

use super::i18n::{slash, use_lang};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub title: Html,
    pub on_close: Callback<()>,
    /// `alertdialog` for questions that need an answer.
    #[prop_or(AttrValue::Static("dialog"))]
    pub role: AttrValue,
    pub children: Html,
}

#[component]
pub fn Dialog(props: &Props) -> Html {
    let lang = use_lang();
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| {
            if let Some(button) = first.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let title_id = format!("{}-title", props.id);
    let keydown = {
        let on_close = props.on_close.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        }
    };
    let backdrop = {
        let on_close = props.on_close.clone();
        move |e: MouseEvent| {
            // Only a click on the dimmed page itself, not one inside the box. (Yew delegates
            // events, so `current_target` is not the backdrop: compare the target's class.)
            let on_backdrop = e.target_dyn_into::<web_sys::Element>().is_some_and(|t| t.class_name() == "backdrop");
            if on_backdrop {
                on_close.emit(());
            }
        }
    };
    let close = {
        let on_close = props.on_close.clone();
        move |_| on_close.emit(())
    };
    html! {
        <div class="backdrop" onclick={backdrop}>
            <div id={props.id.clone()} class="dialog" role={props.role.clone()} aria-modal="true"
                aria-labelledby={title_id.clone()} onkeydown={keydown}>
                <div class="dialog-head">
                    <h2 id={title_id}>{props.title.clone()}</h2>
                    <button type="button" class="dialog-close" ref={first} onclick={close}
                        aria-label={lang.pick("关闭", "Close")}>{slash(lang, "关闭", "Close")}</button>
                </div>
                {props.children.clone()}
            </div>
        </div>
    }
}
