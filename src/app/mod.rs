//! The web page (wasm32 only): the only code that knows about the DOM.
//!
//! One reducer holds the text and its report; the page re-checks a moment after typing stops, so
//! pasting a whole disclosure does not re-check it once per keystroke.

mod api;
mod editor;
mod findings;
mod not_checked;
mod state;
mod storage;
mod summary;
mod tables;

use editor::Editor;
use findings::Findings;
use gloo::timers::callback::Timeout;
use not_checked::NotChecked;
use state::{Action, ReportProps, State};
use summary::Summary;
use tables::Tables;
use yew::prelude::*;

/// How long typing must pause before the text is checked again.
const DEBOUNCE_MS: u32 = 300;

/// Mounts the page into `#app`, replacing the loading notice, or into `<body>` if it is missing.
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

#[component]
fn App() -> Html {
    let state = use_reducer(|| State::new(storage::load().into()));

    {
        let dispatch = state.dispatcher();
        use_effect_with(state.input.clone(), move |_| {
            let pending = Timeout::new(DEBOUNCE_MS, move || dispatch.dispatch(Action::Check));
            // Dropping the timeout cancels it: only the last edit of a burst gets checked.
            move || drop(pending)
        });
    }
    use_effect_with(state.input.clone(), |input| storage::save(input));

    html! {
        <>
            <header class="page-header">
                <h1>{"预算公开表格检查"}<span class="en" lang="en">{"Budget disclosure check"}</span></h1>
                <p class="intro">
                    {"粘贴部门预算或决算公开表格，核对合计、勾稽关系和舍位平衡。所有检查都在本机浏览器中完成，内容不会上传。"}
                    <span class="en" lang="en">
                        {"Paste department budget tables to check totals and cross-table relations. Everything runs in this browser; nothing is uploaded."}
                    </span>
                </p>
            </header>
            <main class="layout">
                <Editor value={state.input.clone()} dispatch={state.dispatcher()} />
                <div class="results">
                    <Summary report={state.report.clone()} />
                    <Findings report={state.report.clone()} />
                    <Tables report={state.report.clone()} />
                    <NotChecked report={state.report.clone()} />
                </div>
            </main>
        </>
    }
}
