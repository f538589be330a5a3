//! Files chosen or dropped on the input: each file's text goes at the end of the box under a
//! marker line naming it (`crate::ingest::file_marker`), so every table remembers its file.
//! Files are read in the browser; nothing is uploaded anywhere.

use super::i18n::{use_lang, Lang};
use super::readers::{by_module, read_any};
use super::state::{Action, State};
use crate::ingest::{file_marker, MAX_FILE_BYTES};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};
use yew::prelude::*;

/// The file types the input offers; others are still tried by their extension.
pub const ACCEPT: &str = ".txt,.tsv,.csv,.html,.htm,.xlsx,.xlsm,.xlsb,.xls,.ods,.pdf";

/// The outcome of the last files read: the names read, the messages of those that failed, and
/// the notes on what was guessed, repaired or left out of those read; while a PDF is being read,
/// its name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub reading: Option<String>,
    pub read: Vec<String>,
    pub failed: Vec<(String, String)>,
    pub notes: Vec<(String, String)>,
}

pub fn files(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A file's bytes, or why not (over the size limit, refused by the browser), naming the file.
pub async fn file_bytes(file: &File) -> Result<Vec<u8>, (String, String)> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let mb = (file.size() / 1_048_576.0).round();
        let limit = MAX_FILE_BYTES >> 20;
        return Err((
            format!("无法读取文件“{name}”：文件有 {mb} MB，超过上限 {limit} MB，未读取"),
            format!("cannot read file \"{name}\": the file is {mb} MB, over the {limit} MB limit; it was not read"),
        ));
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err((
            format!("无法读取文件“{name}”：浏览器拒绝读取"),
            format!("cannot read file \"{name}\": the browser refused"),
        )),
    }
}

/// Reads every file in order and appends the readable ones to the box, to its text as it is
/// then: a PDF can take seconds, and what the user typed meanwhile is kept.
pub fn read(files: Vec<File>, dispatch: UseReducerDispatcher<State>, outcome: UseStateHandle<Outcome>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut text = String::new();
        let mut done = Outcome::default();
        for file in files {
            let name = file.name();
            if by_module(&name) {
                outcome.set(Outcome { reading: Some(name.clone()), ..done.clone() });
            }
            let read = match file_bytes(&file).await {
                Ok(bytes) => read_any(&name, &bytes).await.map_err(|e| (e.message_zh, e.message_en)),
                Err(why) => Err(why),
            };
            match read {
                Ok(read) => {
                    done.notes.extend(read.notes);
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    text.push_str(&file_marker(&name));
                    text.push('\n');
                    text.push_str(&read.text);
                    done.read.push(name);
                }
                Err(why) => done.failed.push(why),
            }
        }
        if !done.read.is_empty() {
            dispatch.dispatch(Action::Append(text.into()));
        }
        outcome.set(done);
    });
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Outcome,
}

/// What the last upload did, announced to screen readers.
#[component]
pub fn UploadStatus(props: &Props) -> Html {
    let lang = use_lang();
    let o = &props.outcome;
    let read = match (lang, o.read.len()) {
        (_, 0) => String::new(),
        (Lang::Zh, n) => format!("已读入 {n} 个文件：{}。", o.read.join("、")),
        (Lang::En, n) => format!("Read {n} file(s): {}. ", o.read.join(", ")),
    };
    html! {
        <div id="upload-status" class="upload-status" role="status" data-read={o.read.len().to_string()}
            data-failed={o.failed.len().to_string()} data-notes={o.notes.len().to_string()}
            data-reading={o.reading.is_some().to_string()}>
            if let Some(name) = &o.reading {
                <p class="upload-reading">{match lang {
                    Lang::Zh => format!("正在读取“{name}”…"),
                    Lang::En => format!("Reading \"{name}\"…"),
                }}</p>
            }
            if !read.is_empty() { <p>{read}</p> }
            for (zh, en) in &o.failed {
                <p class="upload-error">{lang.pick(zh, en).to_string()}</p>
            }
            for (zh, en) in &o.notes {
                <p class="upload-note">{lang.pick(zh, en).to_string()}</p>
            }
        </div>
    }
}
