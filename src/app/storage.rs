//! What the page remembers across reloads in localStorage: the pasted text, the language and the
//! rounding model.
//!
//! Storage can be missing or refuse writes (private windows, quota, sandboxed frames): the page
//! still works, and a failed save of the text is reported (`save` returns false) so the page can
//! say so and offer the text as a download instead of losing it silently.

use super::i18n::Lang;
use crate::tolerance::RoundingMode;

const INPUT_KEY: &str = "budget-check.input";
const PREVIOUS_KEY: &str = "budget-check.previous";
const LANG_KEY: &str = "budget-check.lang";
const MODE_KEY: &str = "budget-check.rounding";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Whether the value was stored.
fn set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// The text saved by the last visit, or empty.
pub fn load() -> String {
    get(INPUT_KEY).unwrap_or_default()
}

/// Saves the text; false when the browser refused it (over the quota of about 5 M characters,
/// storage disabled).
pub fn save(text: &str) -> bool {
    set(INPUT_KEY, text)
}

/// The text last replaced (see `State::previous`), kept across reloads until restored or
/// dismissed.
pub fn load_previous() -> Option<String> {
    get(PREVIOUS_KEY).filter(|t| !t.trim().is_empty())
}

pub fn save_previous(text: Option<&str>) {
    match (text, local_storage()) {
        (Some(text), _) => {
            // Best effort: the previous text also stays on the page until it is closed.
            let _ = set(PREVIOUS_KEY, text);
        }
        (None, Some(storage)) => {
            let _ = storage.remove_item(PREVIOUS_KEY);
        }
        (None, None) => {}
    }
}

/// The storage key of the text, to tell it apart in another tab's `storage` events.
pub const INPUT_STORAGE_KEY: &str = INPUT_KEY;

/// The language chosen last time; Chinese unless English was chosen.
pub fn load_lang() -> Lang {
    match get(LANG_KEY).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

pub fn save_lang(lang: Lang) {
    // A failed write only loses what is remembered; the check itself is unaffected.
    let _ = set(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
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
    let _ = set(MODE_KEY, value);
}
