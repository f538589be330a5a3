//! The input box and its buttons.

use super::i18n::{both, slash, use_lang};
use super::state::{Action, State};
use super::upload::{self, Outcome, UploadStatus};
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
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
    let onpaste = {
        let dispatch = props.dispatch.clone();
        move |e: Event| super::paste::on_paste(e, &dispatch)
    };
    let outcome = use_state(Outcome::default);
    let dragging = use_state(|| false);
    let on_files = {
        let (value, dispatch, outcome) = (props.value.clone(), props.dispatch.clone(), outcome.clone());
        move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(list) = input.files() {
                upload::read(&list, value.clone(), dispatch.clone(), outcome.clone());
            }
            // Cleared, so choosing the same file again reads it again.
            input.set_value("");
        }
    };
    let ondragover = {
        let dragging = dragging.clone();
        move |e: DragEvent| {
            // Accepting the drag is what makes the drop arrive here instead of opening the file.
            e.prevent_default();
            dragging.set(true);
        }
    };
    let ondragleave = {
        let dragging = dragging.clone();
        move |_: DragEvent| dragging.set(false)
    };
    let ondrop = {
        let (value, dispatch, outcome, dragging) =
            (props.value.clone(), props.dispatch.clone(), outcome.clone(), dragging.clone());
        move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                upload::read(&list, value.clone(), dispatch.clone(), outcome.clone());
            }
        }
    };

    html! {
        <section class={classes!("editor", dragging.then_some("dragging"))} aria-labelledby="input-label"
            {ondragover} {ondragleave} {ondrop}>
            <label id="input-label" for="input">{both(lang, "粘贴表格", "Paste tables")}</label>
            <p id="input-hint" class="hint">
                {both(lang,
                    "从 Excel、WPS 或网页复制表格后粘贴，可一次粘贴多张表；也可上传或拖入文件（txt、csv、html、xlsx、xls）。文件只在本机读取。",
                    "Paste tables copied from a spreadsheet or web page, several at once if you like; or upload or drop files (txt, csv, html, xlsx, xls). Files are read in this browser only.")}
            </p>
            <textarea
                id="input"
                value={props.value.clone()}
                {oninput}
                {onpaste}
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
            <div class="upload">
                <label for="upload">{slash(lang, "上传文件", "Upload files")}</label>
                <input id="upload" type="file" multiple=true accept={upload::ACCEPT} onchange={on_files} />
            </div>
            <UploadStatus outcome={(*outcome).clone()} />
            {props.children.clone()}
        </section>
    }
}
