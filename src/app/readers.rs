//! PDFs and workbooks in the page: read by on-demand reader modules (boot.js's
//! `budgetCheckRead`, a worker running crates/pdf-wasm or crates/sheet-wasm, the CLI's own
//! readers) and made a file's text by the CLI's [`pdf_file`] and [`sheet_file`], so the page and
//! the command line read a file alike, while the page's first load carries neither reader.
//! Nothing leaves the browser.

use crate::ingest::sheet::Format;
use crate::ingest::{pdf, pdf_file, read_file, sheet, sheet_file, FileText, ReadError, MAX_TEXT_BYTES};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether a file goes to the PDF reader, by its extension as the CLI decides.
fn is_pdf(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, e)| e.eq_ignore_ascii_case("pdf"))
}

/// Whether a file is read by a module (loaded the first time, then in a worker): the page says
/// it is reading, since that can take seconds.
pub fn by_module(name: &str) -> bool {
    is_pdf(name) || Format::of_name(name).is_some()
}

/// Any uploaded file's text: a PDF or a workbook through its reader module, the rest at once.
pub async fn read_any(name: &str, bytes: &[u8]) -> Result<FileText, ReadError> {
    if is_pdf(name) {
        return match answer("pdf", bytes, 0).await {
            Ok(raw) => pdf::wire::decode(&raw).map_or_else(|| Err(damaged(name)), |read| pdf_file(name, read)),
            Err((stage, message)) => Err(failed(name, &stage, &message)),
        };
    }
    if let Some(format) = Format::of_name(name) {
        return match answer("sheet", bytes, format.code()).await {
            Ok(raw) => sheet::wire::decode(&raw).map_or_else(|| Err(damaged(name)), |read| sheet_file(name, read)),
            Err((stage, message)) => Err(failed(name, &stage, &message)),
        };
    }
    read_file(name, bytes)
}

/// The `kind` reader's answer, or the stage that failed (`load`: the module; `read`: this file)
/// and why. `format` and the checker's text limit go to the reader with the file.
async fn answer(kind: &str, bytes: &[u8], format: u32) -> Result<Vec<u8>, (String, String)> {
    let window: JsValue = web_sys::window().map_or(JsValue::UNDEFINED, Into::into);
    let reader = Reflect::get(&window, &JsValue::from_str("budgetCheckRead"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| ("load".to_string(), "budgetCheckRead is missing".to_string()))?;
    let limit = u32::try_from(MAX_TEXT_BYTES).unwrap_or(u32::MAX);
    let args = [JsValue::from_str(kind), Uint8Array::from(bytes).into(), format.into(), limit.into()];
    let promise = reader
        .apply(&JsValue::NULL, &args.into_iter().collect())
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

fn damaged(name: &str) -> ReadError {
    failed(name, "load", "the reader's answer is damaged")
}

/// A bilingual message naming the file: the module could not be loaded, or failed on this file.
fn failed(name: &str, stage: &str, message: &str) -> ReadError {
    if stage == "read" {
        ReadError::new(
            name,
            format_args!("读取器内部出错（{message}），文件可能已损坏；请用命令行 budget-check 核对，或另存文件后再试"),
            format_args!("the reader failed inside ({message}); the file may be damaged — check it with the budget-check command line, or save the file again and retry"),
        )
    } else {
        ReadError::new(
            name,
            format_args!("网页的读取模块未能加载（{message}）；请刷新页面重试，或用命令行 budget-check 核对该文件"),
            format_args!("the page's reader module could not be loaded ({message}); reload the page and retry, or check the file with the budget-check command line"),
        )
    }
}
