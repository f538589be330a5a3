//! What the page remembers across reloads in localStorage: the pasted text, the language and the
//! rounding model.
//!
//! Storage can be missing or refuse writes (private windows, quota, sandboxed frames); the page
//! then simply works without remembering.

use super::i18n::Lang;
use crate::tolerance::RoundingMode;

const INPUT_KEY: &str = "budget-check.input";
const LANG_KEY: &str = "budget-check.lang";
const MODE_KEY: &str = "budget-check.rounding";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

fn set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        // A failed write only loses what is remembered; the check itself is unaffected.
        let _ = storage.set_item(key, value);
    }
}

/// The text saved by the last visit, or empty.
pub fn load() -> String {
    get(INPUT_KEY).unwrap_or_default()
}

pub fn save(text: &str) {
    set(INPUT_KEY, text);
}

/// The language chosen last time; Chinese unless English was chosen.
pub fn load_lang() -> Lang {
    match get(LANG_KEY).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

pub fn save_lang(lang: Lang) {
    set(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
}

/// The rounding model chosen last time; round-to-nearest unless another was chosen.
pub fn load_mode() -> RoundingMode {
    match get(MODE_KEY).as_deref() {
        Some("truncate") => RoundingMode::Truncate,
        Some("strict") => RoundingMode::Strict,
        _ => RoundingMode::Nearest,
    }
}

pub fn save_mode(mode: RoundingMode) {
    let value = match mode {
        RoundingMode::Nearest => "nearest",
        RoundingMode::Truncate => "truncate",
        RoundingMode::Strict => "strict",
    };
    set(MODE_KEY, value);
}
