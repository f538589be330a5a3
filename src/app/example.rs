//! The example disclosure (the seed, `tests/fixtures/seed.txt`), one click away but out of the
//! first load: the hosted page fetches `seed.txt` beside it (Trunk copies it to `dist/`), the
//! single file carries it inline as `#example-text` (written by `scripts/dist.py`).

use super::state::{Action, State};
use super::upload::Outcome;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;
use yew::prelude::*;

/// The example's file name beside the page.
const EXAMPLE_FILE: &str = "seed.txt";

/// Loads the example into the box; if it cannot be had, says so under the buttons.
pub fn load(dispatch: UseReducerDispatcher<State>, outcome: UseStateHandle<Outcome>) {
    wasm_bindgen_futures::spawn_local(async move {
        match example_text().await {
            Some(text) => dispatch.dispatch(Action::Load(text.into())),
            None => outcome.set(Outcome {
                failed: vec![(
                    format!("示例文件 {EXAMPLE_FILE} 未能载入：请确认它与本页在同一文件夹"),
                    format!("the example {EXAMPLE_FILE} could not be loaded: keep it in the page's folder"),
                )],
                ..Outcome::default()
            }),
        }
    });
}

async fn example_text() -> Option<String> {
    let window = web_sys::window()?;
    if let Some(inline) = window.document()?.get_element_by_id("example-text") {
        return inline.text_content();
    }
    let response: Response = JsFuture::from(window.fetch_with_str(EXAMPLE_FILE)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
