//! The web page (wasm32 only): the only code that knows about the DOM.
//!
//! One reducer holds the text, the rounding mode and the report; the page re-checks a moment
//! after typing stops, so pasting a whole disclosure does not re-check it once per keystroke.
//! Another holds 逐份核对 (files checked one by one), shown instead of the text's report while
//! it is open. Everything else here is view state: language, open dialog.

mod api;
mod batch;
mod cell_tip;
mod dialog;
mod editor;
mod example;
mod exports;
mod fatal;
mod findings;
mod i18n;
mod keep;
mod marks;
mod not_checked;
mod paste;
mod readers;
mod results;
mod reveal;
mod rule_help;
mod settings;
mod share_link;
mod state;
mod storage;
mod summary;
mod tables;
mod upload;

use batch::state::Batch;
use batch::BatchView;
use dialog::Dialog;
use editor::Editor;
use gloo::timers::callback::Timeout;
use i18n::{both, slash, Lang};
use results::Results;
use settings::Settings;
use share_link::{ShareLink, Status};
use state::{Action, ReportProps, State};
use yew::prelude::*;

/// How long typing must pause before the text is checked again.
const DEBOUNCE_MS: u32 = 300;

/// Mounts the page into `#app`, replacing the loading notice, or into `<body>` if it is missing.
pub fn start() {
    fatal::install();
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// The text the page opens with: a share link's, else the autosaved one; and the text kept
/// as the previous one. A link never replaces the autosaved text without a word: that text
/// becomes the previous one, one click away (also after F5 on a link the page itself made).
fn opening_text() -> (String, Status, Option<String>) {
    let saved = storage::load();
    match share_link::take_from_location() {
        Some(Ok(text)) => {
            let previous = (!saved.trim().is_empty() && saved != text).then_some(saved).or_else(storage::load_previous);
            (text, Status::Restored, previous)
        }
        Some(Err(e)) => (saved, Status::Failed(e), storage::load_previous()),
        None => (saved, Status::Idle, storage::load_previous()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Open {
    Rule(&'static str),
    ConfirmClear,
}

#[component]
fn App() -> Html {
    let opening = use_memo((), |_| opening_text());
    let state = use_reducer(|| {
        State::new(opening.0.clone().into(), storage::load_mode()).with_previous(opening.2.clone().map(AttrValue::from))
    });
    let save_failed = use_state(|| false);
    let other_tab = use_state(|| false);
    let lang = use_state(storage::load_lang);
    let dialog = use_state(|| None::<Open>);
    let batch = use_reducer(Batch::default);

    {
        let dispatch = state.dispatcher();
        use_effect_with(state.input.clone(), move |_| {
            let pending = Timeout::new(DEBOUNCE_MS, move || dispatch.dispatch(Action::Check));
            // Dropping the timeout cancels it: only the last edit of a burst gets checked.
            move || drop(pending)
        });
    }
    {
        let save_failed = save_failed.clone();
        use_effect_with(state.input.clone(), move |input| {
            save_failed.set(!storage::save(input));
            keep::drop_stale_link(input);
        });
    }
    use_effect_with(state.previous.clone(), |previous| storage::save_previous(previous.as_deref()));
    {
        // Another tab saved its text: keep it as the previous text here, and say so, so the
        // tab edited last does not silently overwrite the other's work.
        let (dispatch, other_tab) = (state.dispatcher(), other_tab.clone());
        use_effect_with((), move |_| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let field = |name: &str| js_sys::Reflect::get(&e, &name.into()).ok().and_then(|v| v.as_string());
                if field("key").as_deref() == Some(storage::INPUT_STORAGE_KEY) {
                    if let Some(text) = field("newValue") {
                        dispatch.dispatch(Action::KeepPrevious(text.into()));
                        other_tab.set(true);
                    }
                }
            });
            if let Some(window) = web_sys::window() {
                let _ = window.add_event_listener_with_callback(
                    "storage",
                    wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
                );
            }
            listener.forget();
        });
    }
    use_effect_with(state.mode, |mode| storage::save_mode(*mode));
    use_effect_with(*lang, |lang| {
        storage::save_lang(*lang);
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let on_explain = {
        let dialog = dialog.clone();
        Callback::from(move |rule: &'static str| dialog.set(Some(Open::Rule(rule))))
    };
    let on_batch = {
        let (dispatch, mode) = (batch.dispatcher(), state.mode);
        Callback::from(move |files| batch::run::start(files, mode, dispatch.clone()))
    };
    let on_mode = {
        let dispatch = state.dispatcher();
        Callback::from(move |mode| dispatch.dispatch(Action::Mode(mode)))
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    let on_clear = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(Some(Open::ConfirmClear)))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };
    let l = *lang;

    html! {
        <ContextProvider<Lang> context={l}>
            <header class="page-header">
                <div class="title-row">
                    <h1>{both(l, "预算公开表格检查", "Budget disclosure check")}</h1>
                    <Settings mode={state.mode} {on_mode} {on_lang} />
                </div>
                <p class="intro">
                    {both(l,
                        "粘贴部门预算或决算公开表格，核对合计、勾稽关系和舍位平衡。所有检查都在本机浏览器中完成，内容不会上传。",
                        "Paste department budget tables to check totals and cross-table relations. Everything runs in this browser; nothing is uploaded.")}
                </p>
            </header>
            <main class="layout">
                <Editor value={state.input.clone()} dispatch={state.dispatcher()} {on_clear} {on_batch}>
                    <ShareLink input={state.input.clone()} initial={opening.1.clone()} />
                    <keep::Keep input={state.input.clone()} previous={state.previous.clone()}
                        save_failed={*save_failed} other_tab={*other_tab} dispatch={state.dispatcher()} />
                </Editor>
                if batch.total > 0 {
                    <BatchView batch={batch.clone()} {on_explain} />
                } else {
                    <Results report={state.report.clone()} {on_explain} />
                }
            </main>
            {match *dialog {
                Some(Open::Rule(code)) => html! {
                    <Dialog id="rule-dialog" title={both(l, "规则说明", "About this rule")} on_close={close.clone()}>
                        if let Some(rule) = crate::rules::rule(code) { {rule_help::explain(l, &rule)} }
                    </Dialog>
                },
                Some(Open::ConfirmClear) => confirm_clear(l, close.clone(), state.dispatcher()),
                None => Html::default(),
            }}
        </ContextProvider<Lang>>
    }
}

/// 清空 asks first: the text may be the only copy of an afternoon's pasting.
fn confirm_clear(lang: Lang, close: Callback<()>, dispatch: UseReducerDispatcher<State>) -> Html {
    let yes = {
        let close = close.clone();
        move |_| {
            // 清空 disables itself: the focus goes to the emptied box instead.
            dialog::close_and_focus("confirm-clear", "input");
            dispatch.dispatch(Action::Load(AttrValue::Static("")));
            close.emit(());
        }
    };
    let no = {
        let close = close.clone();
        move |_| close.emit(())
    };
    html! {
        <Dialog id="confirm-clear" role="alertdialog" title={both(lang, "清空输入？", "Clear the input?")} on_close={close}>
            <p>{both(lang, "将删除输入框中的全部内容和检查结果；之后可以用“恢复之前的内容”找回。", "This removes all text in the box and its report; “Restore the previous text” brings it back.")}</p>
            <div class="actions">
                <button id="confirm-no" type="button" onclick={no}>{slash(lang, "取消", "Cancel")}</button>
                <button id="confirm-yes" type="button" class="danger" onclick={yes}>{slash(lang, "清空", "Clear")}</button>
            </div>
        </Dialog>
    }
}
