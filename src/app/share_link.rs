//! “复制链接”: the text goes into the address's fragment (`#v1=…`, see `crate::share`), which the
//! browser never sends to the server; opening such a link restores the text.

use super::i18n::{slash, use_lang, Lang};
use crate::share::{self, ShareError};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// What the last share action (or opening a link) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    /// The link is in the address bar and on the clipboard.
    Copied(String),
    /// The link is in the address bar; the clipboard refused it.
    Shown(String),
    /// The page opened with a link and took its text.
    Restored,
    /// The page was opened from a file (the single file, a share, an attachment): its address
    /// is a path on this computer, so a link would open nothing anywhere else.
    NoAddress,
    Failed(ShareError),
}

/// The text of a `#v1=` link the page was opened with, if any. The fragment is then removed
/// from the address, so later edits are not overwritten by the link on the next reload.
pub fn take_from_location() -> Option<Result<String, ShareError>> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#')?;
    if !fragment.starts_with(share::PREFIX) {
        return None;
    }
    let text = share::decode(fragment);
    let bare = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
    let _ = window.history().ok()?.replace_state_with_url(&JsValue::NULL, "", Some(&bare));
    Some(text)
}

/// Whether the page has an address another computer could open: not a `file://` path.
fn hosted() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_none_or(|p| p != "file:")
}

/// The browser's clipboard, where it has one: `navigator.clipboard` is missing outside secure
/// contexts (an intranet page over plain http) and in older browsers, and calling it then would
/// throw out of the page's code.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    (!clipboard.is_undefined() && !clipboard.is_null()).then(|| navigator.clipboard())
}

/// The page's address with `fragment`, also written into the address bar.
fn put_in_address(fragment: &str) -> Option<String> {
    let window = web_sys::window()?;
    let href = window.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    let url = format!("{base}#{fragment}");
    let _ = window.history().ok()?.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    Some(url)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: AttrValue,
    /// How the page was opened: from a link, or not.
    pub initial: Status,
}

#[component]
pub fn ShareLink(props: &Props) -> Html {
    let lang = use_lang();
    let status = {
        let initial = props.initial.clone();
        use_state(move || initial)
    };
    let onclick = {
        let input = props.input.clone();
        let status = status.clone();
        move |_| match share::encode(&input) {
            _ if !hosted() => status.set(Status::NoAddress),
            Err(e) => status.set(Status::Failed(e)),
            Ok(fragment) => {
                let Some(url) = put_in_address(&fragment) else { return };
                status.set(Status::Shown(url.clone()));
                let status = status.clone();
                let clipboard = clipboard();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(clipboard) = clipboard {
                        if JsFuture::from(clipboard.write_text(&url)).await.is_ok() {
                            status.set(Status::Copied(url));
                        }
                    }
                });
            }
        }
    };
    let (state, message, url) = describe(lang, &status);
    html! {
        <div class="share">
            <button id="share-link" type="button" {onclick}>{slash(lang, "复制链接", "Copy link")}</button>
            <p id="share-status" class="share-status" data-state={state} aria-live="polite">{message}</p>
            if let Some(url) = url {
                <label class="share-url">
                    <span class="visually-hidden">{lang.pick("分享链接", "Share link")}</span>
                    <input id="share-url" type="text" readonly=true value={url}
                        onfocus={|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select()} />
                </label>
            }
        </div>
    }
}

fn describe(lang: Lang, status: &Status) -> (Option<&'static str>, String, Option<String>) {
    let hint = lang
        .pick("内容在 # 之后，不会发送到服务器。", "The tables travel after the #, which is never sent to a server.");
    match status {
        Status::Idle => (None, String::new(), None),
        Status::Copied(url) => {
            (Some("copied"), format!("{}{hint}", lang.pick("链接已复制。", "Link copied. ")), Some(url.clone()))
        }
        Status::Shown(url) => (
            Some("shown"),
            format!(
                "{}{hint}",
                lang.pick(
                    "链接在地址栏和下框中，请手动复制。",
                    "The link is in the address bar and below; copy it from there. "
                )
            ),
            Some(url.clone()),
        ),
        Status::Restored => (
            Some("restored"),
            lang.pick("已从链接还原表格内容。", "The tables were restored from the link.").to_string(),
            None,
        ),
        Status::NoAddress => (
            Some("no-address"),
            lang.pick(
                "本页是从本机文件打开的，没有网址，无法生成链接。请把 budget-check.html 文件连同表格一起发送，或导出检查结果。",
                "This page was opened from a file on this computer: it has no web address to link to. Send the \
                 budget-check.html file with the tables instead, or export the report.",
            )
            .to_string(),
            None,
        ),
        Status::Failed(e) => {
            let state = if matches!(e, ShareError::TooLarge(_)) { "too-large" } else { "damaged" };
            (Some(state), lang.pick(&e.message_zh(), &e.message_en()).to_string(), None)
        }
    }
}
