//! The list of documents: one row each, sortable by any column (click its header again to
//! reverse) and filtered by a text and 只看有错误的. A row opens that document's report.

use super::super::i18n::{use_lang, Lang};
use super::state::Doc;
use crate::batch::{row, Cell, Outcome, COLUMNS};
use std::cmp::Ordering;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The column sorted by and whether downwards; `None`: the order the files were checked in.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Sort {
    column: Option<usize>,
    descending: bool,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub docs: Vec<Rc<Doc>>,
    pub on_open: Callback<usize>,
}

#[component]
pub fn DocList(props: &Props) -> Html {
    let lang = use_lang();
    let sort = use_state(Sort::default);
    let filter = use_state(String::new);
    let only_errors = use_state(|| false);
    let shown = order(&props.docs, *sort, &filter, *only_errors);
    let on_filter = {
        let filter = filter.clone();
        move |e: InputEvent| filter.set(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let on_only_errors = {
        let only_errors = only_errors.clone();
        move |e: Event| only_errors.set(e.target_unchecked_into::<HtmlInputElement>().checked())
    };
    html! {
        <div class="batch-list">
            <div class="batch-filters" role="group">
                <label>{lang.pick("筛选文件", "Filter files")}
                    <input id="batch-filter" type="search" value={(*filter).clone()} oninput={on_filter} /></label>
                <label><input id="batch-only-errors" type="checkbox" checked={*only_errors} onchange={on_only_errors} />
                    {lang.pick("只看有错误的", "Only those with errors")}</label>
                <span id="batch-shown" class="hint">
                    {match lang {
                        Lang::Zh => format!("显示 {} / {} 份", shown.len(), props.docs.len()),
                        Lang::En => format!("{} of {} shown", shown.len(), props.docs.len()),
                    }}
                </span>
            </div>
            <table id="batch-table" class="batch-table">
                <thead><tr>{for (0..COLUMNS.len()).map(|c| header(lang, c, &sort))}</tr></thead>
                <tbody>{for shown.into_iter().map(|i| doc_row(lang, i, &props.docs[i], &props.on_open))}</tbody>
            </table>
        </div>
    }
}

/// A column header: a button that sorts by it, the current order said by `aria-sort`.
fn header(lang: Lang, column: usize, sort: &UseStateHandle<Sort>) -> Html {
    let (zh, en) = COLUMNS[column];
    let current = sort.column == Some(column);
    let aria = match (current, sort.descending) {
        (false, _) => None,
        (true, false) => Some("ascending"),
        (true, true) => Some("descending"),
    };
    let onclick = {
        let sort = sort.clone();
        move |_| sort.set(Sort { column: Some(column), descending: current && !sort.descending })
    };
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" data-column={column.to_string()} {onclick}>{lang.pick(zh, en)}</button>
        </th>
    }
}

/// A document's row; a click on it (or Enter on its name, a button whose click bubbles up)
/// opens its report. A file not read has none to open.
fn doc_row(lang: Lang, index: usize, doc: &Doc, on_open: &Callback<usize>) -> Html {
    let s = &doc.summary;
    let outcome = match s.outcome {
        Outcome::Clean => "clean",
        Outcome::Errors => "errors",
        Outcome::NothingRead => "nothing-read",
    };
    let (name, onclick) = match doc.report {
        Some(_) => {
            let on_open = on_open.clone();
            let open = Callback::from(move |_: MouseEvent| on_open.emit(index));
            (html! { <button type="button" class="doc-open">{s.source.clone()}</button> }, Some(open))
        }
        None => (html! { <span class="doc-name">{s.source.clone()}</span> }, None),
    };
    let cells = row(s);
    html! {
        <tr data-index={index.to_string()} class={outcome} {onclick}>
            <th scope="row">{name}</th>
            <td>{lang.pick(&s.set_zh, &s.set_en).to_string()}</td>
            // Between the set and what was not read: the counts.
            {for cells[2..cells.len() - 1].iter().map(|c| html! { <td class="count">{c.text()}</td> })}
            <td class="unread">{lang.pick(&s.unread_zh, &s.unread_en).to_string()}</td>
        </tr>
    }
}

/// The indexes of the documents shown, in the order shown.
fn order(docs: &[Rc<Doc>], sort: Sort, filter: &str, only_errors: bool) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let mut shown: Vec<usize> = (0..docs.len())
        .filter(|&i| {
            let s = &docs[i].summary;
            (!only_errors || s.errors > 0)
                && (needle.is_empty()
                    || [&s.source, &s.set_zh, &s.set_en].iter().any(|t| t.to_lowercase().contains(&needle)))
        })
        .collect();
    if let Some(column) = sort.column {
        shown.sort_by(|&a, &b| {
            let ordering = compare(&row(&docs[a].summary)[column], &row(&docs[b].summary)[column]);
            if sort.descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
    shown
}

/// Counts and shares by value, text by its characters; the sort is stable, so ties keep the
/// checked order.
fn compare(a: &Cell, b: &Cell) -> Ordering {
    match (a, b) {
        (Cell::Number(a), Cell::Number(b)) => a.cmp(b),
        (Cell::Fraction(a, of_a), Cell::Fraction(b, of_b)) => (a * of_b).cmp(&(b * of_a)),
        _ => a.text().cmp(&b.text()),
    }
}
