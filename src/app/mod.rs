//! The web page (wasm32 only): the only code that knows about the DOM.

pub fn start() {}
