//! A script entry point for intranet integrators: `window.wasmBindings.checkText(text)` returns
//! the same report the page shows, as a plain JavaScript object (amounts as exact strings).

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_name = checkText)]
pub fn check_text(text: &str) -> Result<JsValue, JsValue> {
    // A finding's message is two flattened fields, which serde writes as a map: as an object, so
    // `finding.message_zh` reads as it always did (the report holds no other maps).
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    crate::check_text(text).serialize(&serializer).map_err(|e| JsValue::from_str(&e.to_string()))
}
