//! A script entry point for intranet integrators: `window.wasmBindings.checkText(text)` returns
//! the same report the page shows, as a plain JavaScript object (amounts as exact strings).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(&crate::check_text(text)).map_err(|e| JsValue::from_str(&e.to_string()))
}
