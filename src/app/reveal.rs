//! Bringing a finding's cell into view: scroll to it, give it the focus, flash it briefly.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// How long the flash lasts; matches the `flash` animation in style.css.
const FLASH_MS: u32 = 1600;

/// Scrolls the element with `id` to the middle of the window, focuses it and flashes it.
pub fn reveal(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_inline(ScrollLogicalPosition::Nearest);
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = element.focus();
    // An attribute, not a class: Yew rewrites `class` when the cell becomes the hovered one,
    // and would cut the flash short. Removing it first restarts the animation.
    let _ = element.remove_attribute("data-flash");
    let _ = element.offset_width();
    let _ = element.set_attribute("data-flash", "");
    Timeout::new(FLASH_MS, move || {
        let _ = element.remove_attribute("data-flash");
    })
    .forget();
}
