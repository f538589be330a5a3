//! The input box and its buttons.

use super::batch::run::folder_files;
use super::i18n::{both, slash, use_lang};
use super::state::{Action, State};
use super::upload::{self, Outcome, UploadStatus};
use web_sys::{DragEvent, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub dispatch: UseReducerDispatcher<State>,
    /// Asks before emptying the box.
    pub on_clear: Callback<()>,
    /// Checks files one by one, each as its own document (逐份核对).
    pub on_batch: Callback<Vec<File>>,
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
    let outcome = use_state(Outcome::default);
    // The seed disclosure, so a first-time visitor can see what the checker reports.
    let load_example = {
        let (dispatch, outcome) = (props.dispatch.clone(), outcome.clone());
        move |_| super::example::load(dispatch.clone(), outcome.clone())
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
    let dragging = use_state(|| false);
    let each = use_state(|| false);
    // Several files with 逐份核对 chosen: each its own document; else appended to the box.
    let take = {
        let (dispatch, outcome) = (props.dispatch.clone(), outcome.clone());
        let (each, on_batch) = (*each, props.on_batch.clone());
        move |files: Vec<File>| {
            if each && files.len() > 1 {
                on_batch.emit(files);
            } else {
                upload::read(files, dispatch.clone(), outcome.clone());
            }
        }
    };
    let on_files = {
        let take = take.clone();
        move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(list) = input.files() {
                take(upload::files(&list));
            }
            // Cleared, so choosing the same file again reads it again.
            input.set_value("");
        }
    };
    let on_folder = {
        let on_batch = props.on_batch.clone();
        move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(list) = input.files() {
                on_batch.emit(folder_files(upload::files(&list)));
            }
            input.set_value("");
        }
    };
    let on_each = {
        let each = each.clone();
        move |e: Event| each.set(e.target_unchecked_into::<HtmlInputElement>().checked())
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
        let dragging = dragging.clone();
        move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                take(upload::files(&list));
            }
        }
    };

    html! {
        <section class={classes!("editor", dragging.then_some("dragging"))} aria-labelledby="input-label"
            {ondragover} {ondragleave} {ondrop}>
            <label id="input-label" for="input">{both(lang, "粘贴表格", "Paste tables")}</label>
            <p id="input-hint" class="hint">
                {both(lang,
                    "从 Excel、WPS 或网页复制表格后粘贴，可一次粘贴多张表；也可上传或拖入文件（txt、csv、html、xlsx、xls、pdf）。勾选“多个文件逐份核对”或选择文件夹时，每个文件作为单独的文档核对。文件只在本机读取。",
                    "Paste tables copied from a spreadsheet or web page, several at once if you like; or upload or drop files (txt, csv, html, xlsx, xls, pdf). With “One document per file” ticked, or a folder chosen, each file is checked as its own document. Files are read in this browser only.")}
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
                <label class="each-file"><input id="each-file" type="checkbox" checked={*each} onchange={on_each} />
                    {slash(lang, "多个文件逐份核对", "One document per file")}</label>
                <label for="upload-folder">{slash(lang, "选择文件夹（逐份核对）", "Choose a folder (one document per file)")}</label>
                <input id="upload-folder" type="file" webkitdirectory=true multiple=true onchange={on_folder} />
            </div>
            <UploadStatus outcome={(*outcome).clone()} />
            {props.children.clone()}
        </section>
    }
}
