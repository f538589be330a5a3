//! 逐份核对 · one document per file: the files chosen together (or a folder's) are checked one
//! by one, each as its own document, and listed with their counts; a row opens that document's
//! report in the page's usual report view. Only the per-document summaries and reports are kept.

mod list;
pub mod run;
pub mod state;

use super::exports::download_bytes;
use super::i18n::{both, slash, use_lang, Lang};
use super::results::Results;
use crate::batch::{summary_csv, summary_xlsx, DocSummary, Outcome};
use list::DocList;
use state::{Batch, BatchAction};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub batch: UseReducerHandle<Batch>,
    pub on_explain: Callback<&'static str>,
}

/// The list, and over it the open document's report; the list stays (hidden) while a report is
/// open, so 返回列表 finds it sorted and filtered as it was left.
#[component]
pub fn BatchView(props: &Props) -> Html {
    let lang = use_lang();
    let batch = &props.batch;
    let dispatch = batch.dispatcher();
    let open =
        batch.open.and_then(|i| batch.docs.get(i)).and_then(|d| Some((d.summary.source.clone(), d.report.clone()?)));
    let back = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(BatchAction::Back)
    };
    let on_open = {
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| dispatch.dispatch(BatchAction::Open(i)))
    };
    let close = move |_| {
        run::cancel();
        dispatch.dispatch(BatchAction::Close);
    };
    let summaries: Vec<DocSummary> = batch.docs.iter().map(|d| d.summary.clone()).collect();
    html! {
        <>
            if let Some((name, report)) = open.clone() {
                <div class="batch-open">
                    <div class="batch-bar">
                        <button id="batch-back" type="button" onclick={back}>{slash(lang, "返回列表", "Back to the list")}</button>
                        <span id="batch-open-name" class="doc-name">{name}</span>
                    </div>
                    <Results {report} on_explain={props.on_explain.clone()} />
                </div>
            }
            <section id="batch" class="results batch" aria-labelledby="batch-title" hidden={open.is_some()}
                data-done={(!batch.running()).to_string()}>
                <div class="batch-bar">
                    <h2 id="batch-title">{both(lang, "逐份核对", "One document per file")}</h2>
                    <button id="batch-close" type="button" onclick={close}>{slash(lang, "关闭", "Close")}</button>
                </div>
                {progress(lang, batch)}
                <p id="batch-summary" aria-live="polite">{headline(lang, &summaries)}</p>
                <SummaryExports {summaries} />
                <DocList docs={batch.docs.clone()} {on_open} />
            </section>
        </>
    }
}

/// `<progress>` and 第 k / n 份, updated after each document.
fn progress(lang: Lang, batch: &Batch) -> Html {
    let (k, n) = (batch.docs.len(), batch.total);
    let text = match (lang, batch.running()) {
        (Lang::Zh, true) => format!("正在核对第 {} / {n} 份", k + 1),
        (Lang::En, true) => format!("Checking {} of {n}", k + 1),
        (Lang::Zh, false) => format!("已核对 {n} 份"),
        (Lang::En, false) => format!("{n} checked"),
    };
    html! {
        <div class="batch-progress">
            <progress id="batch-progress" max={n.to_string()} value={k.to_string()}></progress>
            <span id="batch-progress-text" role="status">{text}</span>
        </div>
    }
}

fn headline(lang: Lang, summaries: &[DocSummary]) -> String {
    let count = |o: Outcome| summaries.iter().filter(|s| s.outcome == o).count();
    let (errors, unread) = (count(Outcome::Errors), count(Outcome::NothingRead));
    match lang {
        Lang::Zh => format!("{} 份文档：{errors} 份有错误，{unread} 份未能读取", summaries.len()),
        Lang::En => format!("{} documents: {errors} with errors, {unread} not read", summaries.len()),
    }
}

#[derive(Properties, PartialEq)]
struct ExportProps {
    summaries: Vec<DocSummary>,
}

/// The list as CSV or .xlsx, made in the page like the report's exports.
#[component]
fn SummaryExports(props: &ExportProps) -> Html {
    let lang = use_lang();
    let last = use_mut_ref(|| None::<String>);
    let shown = use_state(|| None::<(String, String)>);
    let button = |id: &str, label: &str, extension: &'static str| {
        let (summaries, last, shown) = (props.summaries.clone(), last.clone(), shown.clone());
        let onclick = move |_| {
            let name = format!("逐份核对汇总.{extension}");
            let (mime, bytes) = match extension {
                "csv" => ("text/csv;charset=utf-8", summary_csv(&summaries).into_bytes()),
                _ => (super::exports::XLSX_MIME, summary_xlsx(&summaries)),
            };
            if let Some(url) = download_bytes(&name, mime, &bytes, &last) {
                shown.set(Some((name, url)));
            }
        };
        html! { <button type="button" id={id.to_string()} {onclick}>{label.to_string()}</button> }
    };
    let (file, url) = shown.as_ref().map(|(f, u)| (f.clone(), u.clone())).unzip();
    html! {
        <div id="batch-exports" class="exports" role="group" aria-labelledby="batch-exports-label" data-url={url} data-file={file}>
            <span id="batch-exports-label" class="label">{both(lang, "导出汇总", "Export the list")}</span>
            {button("batch-export-csv", &slash(lang, "CSV（Excel）", "CSV (Excel)"), "csv")}
            {button("batch-export-xlsx", &slash(lang, "Excel 表格（.xlsx）", "Excel workbook (.xlsx)"), "xlsx")}
        </div>
    }
}
