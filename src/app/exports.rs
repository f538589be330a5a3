//! Report downloads made in the page: a Blob and an object URL, nothing sent anywhere.
//!
//! The last file's object URL stays alive (and is named on `#exports[data-url]`) until the next
//! export, so a browser that opens downloads in a tab, or a test, can still read it.

use super::i18n::{both, slash, use_lang, Lang};
use super::state::Shared;
use crate::report::Report;
use crate::review;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

/// A file the page exports: the report (CSV, JSON, Markdown) or the reviewer's checklist
/// (a workbook or Markdown, in the page's language).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
    Markdown,
    ReviewXlsx,
    ReviewMarkdown,
}

impl Format {
    /// The button's id (`export-csv`) and the file's name.
    fn id_and_name(self) -> (&'static str, &'static str) {
        match self {
            Format::Csv => ("export-csv", "预算检查报告.csv"),
            Format::Json => ("export-json", "预算检查报告.json"),
            Format::Markdown => ("export-md", "预算检查报告.md"),
            Format::ReviewXlsx => ("export-review-xlsx", "预算公开检查表.xlsx"),
            Format::ReviewMarkdown => ("export-review-md", "预算公开检查表.md"),
        }
    }

    /// Saves this file of `report`; returns its object URL.
    fn save(self, report: &Report, lang: Lang, last: &Rc<RefCell<Option<String>>>) -> Option<String> {
        let (_, name) = self.id_and_name();
        let source = review::source_name(report);
        let lang = review_lang(lang);
        match self {
            // With a BOM, so Excel on Chinese Windows reads it as UTF-8.
            Format::Csv => download(name, "text/csv;charset=utf-8", &crate::export::to_csv(report), last),
            Format::Json => download(name, "application/json;charset=utf-8", &report.to_json(), last),
            Format::Markdown => download(name, MARKDOWN_MIME, &crate::export::to_markdown(report), last),
            Format::ReviewXlsx => download_bytes(name, XLSX_MIME, &review::to_xlsx(report, &source, lang), last),
            Format::ReviewMarkdown => download(name, MARKDOWN_MIME, &review::to_markdown(report, &source, lang), last),
        }
    }
}

const MARKDOWN_MIME: &str = "text/markdown;charset=utf-8";
pub(super) const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn review_lang(lang: Lang) -> review::Lang {
    match lang {
        Lang::Zh => review::Lang::Zh,
        Lang::En => review::Lang::En,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Shared<Report>,
}

#[component]
pub fn Exports(props: &Props) -> Html {
    let lang = use_lang();
    let last = use_mut_ref(|| None::<String>);
    let shown = use_state(|| None::<(String, String)>);
    let button = |format: Format, zh: &str, en: &str| {
        let report = props.report.clone();
        let last = last.clone();
        let shown = shown.clone();
        let (id, name) = format.id_and_name();
        let onclick = move |_| {
            if let Some(url) = format.save(&report, lang, &last) {
                shown.set(Some((name.to_string(), url)));
            }
        };
        html! { <button type="button" {id} {onclick}>{slash(lang, zh, en)}</button> }
    };
    let (file, url) = match &*shown {
        Some((name, url)) => (Some(name.clone()), Some(url.clone())),
        None => (None, None),
    };
    html! {
        <div id="exports" class="exports" role="group" aria-labelledby="exports-label" data-url={url} data-file={file}>
            <span id="exports-label" class="label">{both(lang, "导出报告", "Export report")}</span>
            {button(Format::Csv, "CSV（Excel）", "CSV (Excel)")}
            {button(Format::Json, "JSON", "JSON")}
            {button(Format::Markdown, "Markdown", "Markdown")}
            {button(Format::ReviewXlsx, "检查表（Excel）", "Review form (Excel)")}
            {button(Format::ReviewMarkdown, "检查表（Markdown）", "Review form (Markdown)")}
            <button type="button" id="print" onclick={|_| print()}>{slash(lang, "打印", "Print")}</button>
        </div>
    }
}

/// Saves `text` as a file named `name`; returns its object URL.
pub(super) fn download(name: &str, mime: &str, text: &str, last: &Rc<RefCell<Option<String>>>) -> Option<String> {
    save(name, mime, &JsValue::from_str(text), last)
}

/// Saves `bytes` (a workbook) as a file named `name`; returns its object URL.
pub(super) fn download_bytes(
    name: &str,
    mime: &str,
    bytes: &[u8],
    last: &Rc<RefCell<Option<String>>>,
) -> Option<String> {
    save(name, mime, &js_sys::Uint8Array::from(bytes), last)
}

/// A Blob of one part, its object URL (the previous one revoked) and a click on a download link.
fn save(name: &str, mime: &str, part: &JsValue, last: &Rc<RefCell<Option<String>>>) -> Option<String> {
    let parts = js_sys::Array::of1(part);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    if let Some(previous) = last.borrow_mut().replace(url.clone()) {
        let _ = Url::revoke_object_url(&previous);
    }
    let anchor = web_sys::window()?.document()?.create_element("a").ok()?.dyn_into::<HtmlAnchorElement>().ok()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Some(url)
}

fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
