//! An in-page modal dialog on the native `<dialog>` element (`showModal()`): the page behind it
//! is inert, so screen readers and the mouse stay inside. Focus moves to its close button, Tab
//! and Shift+Tab cycle within it, Escape, the close button or a click on the dimmed page
//! dismiss it, and focus then returns to the control that opened it.
//! (The browser's own `confirm()` cannot be styled, translated or driven by a test.)

use super::i18n::{slash, use_lang};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};
use yew::prelude::*;

/// What Tab can reach inside the dialog.
const FOCUSABLE: &str =
    "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), \
     [tabindex]:not([tabindex='-1'])";

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
    let dialog = use_node_ref();
    let first = use_node_ref();
    {
        let (dialog, first) = (dialog.clone(), first.clone());
        use_effect_with((), move |_| {
            // Still the button that opened the dialog: the effect runs before anything moves focus.
            let opener = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
            if let Some(button) = first.cast::<HtmlElement>() {
                let _ = button.focus();
            }
            move || {
                // Out of the top layer first, or the page is still inert and refuses the focus.
                if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                    d.close();
                }
                // After the re-render that removed the dialog.
                Timeout::new(0, move || restore_focus(opener)).forget();
            }
        });
    }
    let title_id = format!("{}-title", props.id);
    let keydown = {
        let (on_close, dialog) = (props.on_close.clone(), dialog.clone());
        move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                // Closing is the page's decision (it removes the dialog), not the browser's.
                e.prevent_default();
                on_close.emit(());
            }
            "Tab" => {
                if let Some(d) = dialog.cast::<Element>() {
                    if cycle(&d, e.shift_key()) {
                        e.prevent_default();
                    }
                }
            }
            _ => {}
        }
    };
    let cancel = {
        let on_close = props.on_close.clone();
        move |e: Event| {
            e.prevent_default();
            on_close.emit(());
        }
    };
    let backdrop = {
        let on_close = props.on_close.clone();
        move |e: MouseEvent| {
            // The dialog has no padding of its own: a click that lands on the `<dialog>` itself,
            // not on its contents, is a click on the dimmed page around it.
            let on_backdrop = e.target_dyn_into::<Element>().is_some_and(|t| t.tag_name() == "DIALOG");
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
        <dialog id={props.id.clone()} class="dialog" ref={dialog} role={props.role.clone()}
            aria-labelledby={title_id.clone()} onkeydown={keydown} oncancel={cancel} onclick={backdrop}>
            <div class="dialog-body">
                <div class="dialog-head">
                    <h2 id={title_id}>{props.title.clone()}</h2>
                    <button type="button" class="dialog-close" ref={first} onclick={close}
                        aria-label={lang.pick("关闭", "Close")}>{slash(lang, "关闭", "Close")}</button>
                </div>
                {props.children.clone()}
            </div>
        </dialog>
    }
}

/// Tab on the last control goes to the first, Shift+Tab on the first to the last; true when it
/// moved the focus itself (elsewhere the browser's own order applies).
fn cycle(dialog: &Element, backwards: bool) -> bool {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else { return false };
    let items: Vec<HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<HtmlElement>().ok()).collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return false };
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let at = |e: &HtmlElement| active.as_ref().is_some_and(|a| a == e.unchecked_ref::<Element>());
    let target = match backwards {
        true if at(first) || active.as_ref().is_none_or(|a| !dialog.contains(Some(a))) => last,
        false if at(last) || active.as_ref().is_none_or(|a| !dialog.contains(Some(a))) => first,
        _ => return false,
    };
    let _ = target.focus();
    true
}

/// Gives the focus back to `opener`, unless something else already has it (an answer that
/// disables its opener, like 清空, sends it on with [`close_and_focus`]).
fn restore_focus(opener: Option<HtmlElement>) {
    let document = web_sys::window().and_then(|w| w.document());
    let active = document.as_ref().and_then(|d| d.active_element());
    let taken = active.is_some_and(|a| a.is_connected() && a.tag_name() != "BODY");
    if let Some(opener) = opener.filter(|_| !taken) {
        let _ = opener.focus();
    }
}

/// Takes the dialog `dialog` out of the top layer and focuses `target` at once, for an answer
/// after which the opener is no place for the focus.
pub fn close_and_focus(dialog: &str, target: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(d) = document.get_element_by_id(dialog).and_then(|d| d.dyn_into::<HtmlDialogElement>().ok()) {
        d.close();
    }
    if let Some(t) = document.get_element_by_id(target).and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = t.focus();
    }
}
