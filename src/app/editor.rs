//! The input box and its buttons.

use super::state::{Action, State};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The seed disclosure, so a first-time visitor can see what the checker reports.
const EXAMPLE: &str = include_str!("../../tests/fixtures/seed.txt");

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn Editor(props: &Props) -> Html {
    let oninput = {
        let dispatch = props.dispatch.clone();
        move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.dispatch(Action::Edit(text.into()));
        }
    };
    let load_example = {
        let dispatch = props.dispatch.clone();
        move |_| dispatch.dispatch(Action::Load(AttrValue::Static(EXAMPLE)))
    };
    let run_check = {
        let dispatch = props.dispatch.clone();
        move |_| dispatch.dispatch(Action::Check)
    };

    html! {
        <section class="editor" aria-labelledby="input-label">
            <label id="input-label" for="input">
                {"粘贴表格"}
                <span class="en" lang="en">{"Paste tables"}</span>
            </label>
            <p id="input-hint" class="hint">
                {"从 Excel、WPS 或网页复制表格后粘贴（制表符分隔），可一次粘贴多张表。"}
                <span class="en" lang="en">{"Copy from a spreadsheet or web page (tab-separated); several tables at once are fine."}</span>
            </p>
            <textarea
                id="input"
                value={props.value.clone()}
                {oninput}
                aria-describedby="input-hint"
                spellcheck="false"
                autocomplete="off"
                wrap="off"
                placeholder={"表一\n财政拨款收支总表\n单位：万元\n收入\t支出\n…"}
            />
            <div class="actions">
                <button id="run-check" type="button" class="primary" onclick={run_check}>
                    {"检查 / Check"}
                </button>
                <button id="load-example" type="button" onclick={load_example}>
                    {"载入示例 / Load example"}
                </button>
            </div>
        </section>
    }
}
