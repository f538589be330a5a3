//! Pasting from Excel, WPS or a web page: the clipboard's HTML flavour keeps merged cells and
//! printed decimals that its plain-text flavour loses, so a table in HTML is read from there.

use super::state::{Action, State};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;

/// Replaces the selection with the clipboard's table, read from its HTML, when it holds one;
/// otherwise lets the browser paste the plain text as usual.
pub fn on_paste(e: Event, dispatch: &UseReducerDispatcher<State>) {
    let Some(data) = e.dyn_ref::<ClipboardEvent>().and_then(ClipboardEvent::clipboard_data) else { return };
    let html = data.get_data("text/html").unwrap_or_default();
    // Any rich-text copy offers HTML; only tables are worth reading from it.
    if !html.to_ascii_lowercase().contains("<table") {
        return;
    }
    let text = crate::ingest::html_to_text(&html);
    if text.trim().is_empty() {
        return;
    }
    let area = e.target_unchecked_into::<HtmlTextAreaElement>();
    e.prevent_default();
    // setRangeText counts in UTF-16 like the selection itself, so Chinese text stays intact.
    if area.set_range_text(&text).is_ok() {
        let end = area.selection_start().ok().flatten().unwrap_or(0) + text.encode_utf16().count() as u32;
        let _ = area.set_selection_range(end, end);
        dispatch.dispatch(Action::Edit(area.value().into()));
    }
}
