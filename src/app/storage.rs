//! Keeps the pasted text across reloads in localStorage, stored as the plain text.
//!
//! Storage can be missing or refuse writes (private windows, quota, sandboxed frames); the page
//! then simply works without autosave.

const KEY: &str = "budget-check.input";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The text saved by the last visit, or empty.
pub fn load() -> String {
    local_storage().and_then(|s| s.get_item(KEY).ok()?).unwrap_or_default()
}

pub fn save(text: &str) {
    if let Some(storage) = local_storage() {
        // A failed write only loses the autosave; the check itself is unaffected.
        let _ = storage.set_item(KEY, text);
    }
}
