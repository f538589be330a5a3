//! The last resort when the page's own code fails. WebAssembly cannot recover from a panic (the
//! readers are guarded, but a bug can remain), so say so plainly instead of leaving a page that
//! silently stopped responding. The input is autosaved on every edit, so a reload loses nothing
//! the user had already pasted.
//!
//! Yew's renderer replaces any panic hook set with `std::panic::set_hook`; the banner's hook
//! goes through `yew::set_custom_panic_hook`, which it keeps. Browser tests check the banner by
//! dispatching a `budget-check-test-panic` event on the window, which makes the page panic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Shows the message once the first panic happens; installed before the page is mounted.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| show(&info.to_string())));
    if let Some(window) = web_sys::window() {
        let panic = Closure::<dyn Fn()>::new(|| panic!("budget-check-test-panic: a panic injected by a test"));
        let _ = window.add_event_listener_with_callback("budget-check-test-panic", panic.as_ref().unchecked_ref());
        panic.forget();
    }
}

fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("fatal").is_some() {
        return;
    }
    let (Some(body), Ok(banner)) = (document.body(), document.create_element("div")) else { return };
    banner.set_id("fatal");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!(
        "页面内部出错，已停止工作。请重新加载页面：已粘贴的内容已自动保存；若是上传文件时出错，该文件可能已损坏，\
         请在 Excel/WPS 中另存后再试。\nThe page hit an internal error and stopped. Reload it: your input was saved; \
         if this happened while reading an uploaded file, the file may be damaged — save it again from Excel/WPS \
         and retry.\n({detail})"
    )));
    let _ = body.prepend_with_node_1(&banner);
}
