//! The input box and its buttons.

use super::i18n::{both, slash, use_lang};
use super::state::{Action, State};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The seed disclosure, so a first-time visitor can see what the checker reports.
const EXAMPLE: &str = include_str!("../../tests/fixtures/seed.txt");

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub dispatch: UseReducerDispatcher<State>,
    /// Asks before emptying the box.
    pub on_clear: Callback<()>,
    /// Share and upload controls, under the buttons.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Editor(props: &Props) -> Html {
    let lang = use_lang();
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
    let clear = {
        let on_clear = props.on_clear.clone();
        move |_| on_clear.emit(())
    };

    html! {
        <section class="editor" aria-labelledby="input-label">
            <label id="input-label" for="input">{both(lang, "粘贴表格", "Paste tables")}</label>
            <p id="input-hint" class="hint">
                {both(lang,
                    "从 Excel、WPS 或网页复制表格后粘贴（制表符分隔），可一次粘贴多张表。",
                    "Copy from a spreadsheet or web page (tab-separated); several tables at once are fine.")}
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
                    {slash(lang, "检查", "Check")}
                </button>
                <button id="load-example" type="button" onclick={load_example}>
                    {slash(lang, "载入示例", "Load example")}
                </button>
                <button id="clear" type="button" onclick={clear} disabled={props.value.is_empty()}>
                    {slash(lang, "清空", "Clear")}
                </button>
            </div>
            {props.children.clone()}
        </section>
    }
}
