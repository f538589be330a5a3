//! Checks the files one after another, each as its own document, yielding to the browser between
//! files so the progress bar moves and the page stays responsive. Nothing leaves the browser.

use super::super::readers::read_any;
use super::super::state::Shared;
use super::super::upload::file_bytes;
use super::state::{BatchAction, Doc};
use crate::batch::{DocSummary, FOLDER_EXTENSIONS};
use crate::ingest::Source;
use crate::report::{InputNote, Text};
use crate::tolerance::RoundingMode;
use std::cell::Cell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;
use yew::prelude::*;

thread_local! {
    /// The run allowed to go on; starting or closing a batch moves it on, stopping the old loop.
    static CURRENT: Cell<u32> = const { Cell::new(0) };
}

/// Stops the running batch, if any; returns the next run's number.
pub fn cancel() -> u32 {
    CURRENT.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    })
}

/// A file's name as the list shows it: its path inside a chosen folder, else its name.
pub fn display_name(file: &File) -> String {
    let relative =
        js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath")).ok().and_then(|v| v.as_string());
    relative.filter(|p| !p.is_empty()).unwrap_or_else(|| file.name())
}

/// The files of a chosen folder worth checking: the supported extensions, no hidden files or
/// files in hidden folders (`.git`, `.~lock…`).
pub fn folder_files(files: Vec<File>) -> Vec<File> {
    let wanted = |path: &str| {
        let hidden = path.split('/').any(|part| part.starts_with('.'));
        let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        !hidden && FOLDER_EXTENSIONS.contains(&extension.as_str())
    };
    let mut files: Vec<File> = files.into_iter().filter(|f| wanted(&display_name(f))).collect();
    files.sort_by_key(display_name);
    files
}

/// Starts checking `files` one by one under `mode`; a batch already running stops.
pub fn start(files: Vec<File>, mode: RoundingMode, dispatch: UseReducerDispatcher<super::state::Batch>) {
    let run = cancel();
    dispatch.dispatch(BatchAction::Start { run, total: files.len() });
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            yield_to_browser().await;
            if CURRENT.with(Cell::get) != run {
                return;
            }
            let doc = check_file(&file, mode).await;
            dispatch.dispatch(BatchAction::Add { run, doc });
        }
    });
}

/// One file read and checked as a document of its own; its reader's notes join the report's.
async fn check_file(file: &File, mode: RoundingMode) -> Doc {
    let name = display_name(file);
    let read = match file_bytes(file).await {
        Ok(bytes) => read_any(&name, &bytes).await.map_err(|e| (e.message_zh, e.message_en)),
        Err(why) => Err(why),
    };
    match read {
        Ok(read) => {
            let mut report = crate::check_sources(&[Source { name: name.clone(), text: read.text }], mode);
            let notes = read.notes.into_iter().map(|(zh, en)| InputNote { message: Text::new(zh, en) });
            report.notes.splice(0..0, notes);
            Doc { summary: DocSummary::of(&name, &report), report: Some(Shared::new(report)) }
        }
        Err((zh, en)) => Doc { summary: DocSummary::unreadable(&name, &zh, &en), report: None },
    }
}

/// A `setTimeout(0)`: the browser draws and handles input before the next file is checked.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window()
            .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).ok())
            .is_some();
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
