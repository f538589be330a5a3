//! PDFs in the page: read by the on-demand reader module (boot.js's `budgetCheckReadPdf`, a
//! worker running crates/pdf-wasm, the CLI's own reader) and made a file's text by the CLI's
//! [`pdf_file`], so the page and the command line read a PDF alike. Nothing leaves the browser.

use crate::ingest::pdf::wire;
use crate::ingest::{pdf_file, read_file, FileText, ReadError};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether a file goes to the PDF reader, by its extension as the CLI decides.
pub fn is_pdf(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, e)| e.eq_ignore_ascii_case("pdf"))
}

/// Any uploaded file's text: a PDF through the reader module, the rest as before.
pub async fn read_any(name: &str, bytes: &[u8]) -> Result<FileText, ReadError> {
    if !is_pdf(name) {
        return read_file(name, bytes);
    }
    match answer(bytes).await {
        Ok(raw) => match wire::decode(&raw) {
            Some(read) => pdf_file(name, read),
            None => Err(failed(name, "load", "the reader's answer is damaged")),
        },
        Err((stage, message)) => Err(failed(name, &stage, &message)),
    }
}

/// The reader's answer, or the stage that failed (`load`: the module; `read`: this PDF) and why.
async fn answer(bytes: &[u8]) -> Result<Vec<u8>, (String, String)> {
    let window: JsValue = web_sys::window().map_or(JsValue::UNDEFINED, Into::into);
    let reader = Reflect::get(&window, &JsValue::from_str("budgetCheckReadPdf"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| ("load".to_string(), "budgetCheckReadPdf is missing".to_string()))?;
    let promise = reader
        .call1(&JsValue::NULL, &Uint8Array::from(bytes))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| ("load".to_string(), "the reader did not start".to_string()))?;
    match JsFuture::from(promise).await {
        Ok(value) => Ok(Uint8Array::new(&value).to_vec()),
        Err(why) => {
            let field = |key: &str| Reflect::get(&why, &JsValue::from_str(key)).ok().and_then(|v| v.as_string());
            Err((field("stage").unwrap_or_else(|| "load".into()), field("message").unwrap_or_default()))
        }
    }
}

/// A bilingual message naming the file: the module could not be loaded, or failed on this PDF.
fn failed(name: &str, stage: &str, message: &str) -> ReadError {
    if stage == "read" {
        ReadError::new(
            name,
            format_args!("PDF 读取器内部出错（{message}），文件可能已损坏；请用命令行 budget-check 核对，或另存 PDF 后再试"),
            format_args!("the PDF reader failed inside ({message}); the file may be damaged — check it with the budget-check command line, or save the PDF again and retry"),
        )
    } else {
        ReadError::new(
            name,
            format_args!("网页的 PDF 读取模块未能加载（{message}）；请刷新页面重试，或用命令行 budget-check 核对 PDF"),
            format_args!("the page's PDF reader could not be loaded ({message}); reload the page and retry, or check the PDF with the budget-check command line"),
        )
    }
}
