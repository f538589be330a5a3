//! What was read: each recognised table drawn as printed, its findings marked on the cells, and
//! the blocks that were not read as tables with the reason.
//!
//! A table's grid is only built while it is open: the first tables with findings start open, the
//! others folded, so a long disclosure stays quick to re-check while typing. (The seed pasted ten
//! times has 50 tables with findings; drawing all their grids took most of the time of a check.)

use super::i18n::{both, use_lang, Lang};
use super::marks::{cell_id, table_id, Key, Marks};
use super::state::Shared;
use crate::report::Report;
use crate::table::{Table, TableKind};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// The marked cell under the pointer or keyboard focus, and where to show its details.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    pub cell: Key,
    pub left: f64,
    pub top: f64,
}

/// How many tables with findings start open; the rest wait for a click (on the table or on one
/// of its findings). Their badges still count every finding.
pub const OPEN_AT_FIRST: usize = 12;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Shared<Report>,
    pub marks: Shared<Marks>,
    /// A table opened by a click on one of its findings.
    pub reveal: Option<usize>,
    /// The hovered cell and the cells its findings were computed from.
    pub hovered: Option<Key>,
    pub related: Rc<Vec<Key>>,
    pub on_hover: Callback<Option<Hover>>,
}

#[component]
pub fn Tables(props: &Props) -> Html {
    let lang = use_lang();
    let report = &props.report;
    let opening: Vec<usize> =
        report.tables.iter().map(|t| t.index).filter(|&t| props.marks.count(t) > 0).take(OPEN_AT_FIRST).collect();
    html! {
        <section class="tables" aria-labelledby="tables-heading">
            <h2 id="tables-heading">
                {both(lang, &format!("识别的表格（{}）", report.tables.len()), &format!("Recognised tables ({})", report.tables.len()))}
            </h2>
            <ul id="tables">
                for t in &report.tables {
                    <TableView
                        key={t.index}
                        index={t.index}
                        report={report.clone()}
                        marks={props.marks.clone()}
                        start_open={opening.contains(&t.index)}
                        revealed={props.reveal == Some(t.index)}
                        hovered={props.hovered.filter(|k| k.0 == t.index)}
                        related={props.related.clone()}
                        on_hover={props.on_hover.clone()}
                    />
                }
            </ul>
            if !report.unrecognised.is_empty() {
                <h3 id="unrecognised-heading">
                    {both(lang, &format!("未识别的内容（{}）", report.unrecognised.len()), &format!("Not read as tables ({})", report.unrecognised.len()))}
                </h3>
                <ul id="unrecognised" aria-labelledby="unrecognised-heading">
                    for b in &report.unrecognised {
                        <li data-line={b.line.to_string()}>
                            <span class="where">{match lang {
                                Lang::Zh => format!("第 {} 行 {}", b.line, b.title),
                                Lang::En => format!("line {} {}", b.line, b.title),
                            }}</span>
                            {"："}{lang.pick(&b.reason_zh, &b.reason_en).to_string()}
                        </li>
                    }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    index: usize,
    report: Shared<Report>,
    marks: Shared<Marks>,
    start_open: bool,
    revealed: bool,
    hovered: Option<Key>,
    related: Rc<Vec<Key>>,
    on_hover: Callback<Option<Hover>>,
}

#[component]
fn TableView(props: &ViewProps) -> Html {
    let lang = use_lang();
    let count = props.marks.count(props.index);
    let open = use_state(|| props.start_open);
    let Some(table) = props.report.tables.get(props.index) else { return Html::default() };
    let shown = *open || props.revealed;
    let toggle = {
        let open = open.clone();
        move |_| open.set(!shown)
    };
    let grid_id = format!("grid-{}", props.index);
    let unit = match lang {
        Lang::Zh => {
            format!("单位：{}{}", table.unit.label(), if table.unit_printed { "" } else { "（未注明，按上表）" })
        }
        Lang::En => {
            format!("unit: {}{}", table.unit.label(), if table.unit_printed { "" } else { " (not printed, assumed)" })
        }
    };
    html! {
        <li class={classes!("table-view", (count > 0).then_some("has-findings"))} id={table_id(props.index)} tabindex="-1"
            data-kind={kind_id(table.kind)} data-table={table.short_name()}>
            <h3 class="table-heading">
                <button type="button" class="table-toggle" aria-expanded={shown.to_string()} aria-controls={grid_id.clone()} onclick={toggle}>
                    <span class="name">{table.short_name()}</span>
                    <span class="meta">{format!(" · {} · {}", lang.pick(table.kind.label_zh(), table.kind.label_en()), unit)}</span>
                    if table.number.is_some() { {" "}<span class="title">{&table.title}</span> }
                    if count > 0 {
                        <span class="badge">{match lang { Lang::Zh => format!("{count} 处发现"), Lang::En => format!("{count} findings") }}</span>
                    }
                </button>
            </h3>
            if shown {
                <div class="grid-wrap" id={grid_id} role="region" aria-label={table.short_name()} tabindex="0">
                    {grid(table, props)}
                    if !table.notes.is_empty() {
                        <p class="notes">{table.notes.join(" ")}</p>
                    }
                </div>
            }
        </li>
    }
}

/// The table as printed: header rows in `<thead>`, every cell's text unchanged.
fn grid(table: &Table, props: &ViewProps) -> Html {
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header = table.header_rows.min(table.rows.len());
    html! {
        <table class="grid">
            <thead>
                for r in 0..header {
                    <tr>
                        for c in 0..width {
                            <th scope="col">{table.text(r, c).to_string()}</th>
                        }
                    </tr>
                }
            </thead>
            <tbody>
                for r in header..table.rows.len() {
                    <tr class={classes!(props.marks.row(table.index, r).map(|t| format!("row-{}", t.class())))}>
                        for c in 0..width {
                            {cell(table, r, c, props)}
                        }
                    </tr>
                }
            </tbody>
        </table>
    }
}

fn cell(table: &Table, row: usize, col: usize, props: &ViewProps) -> Html {
    let key = (table.index, row, col);
    let text = table.text(row, col).to_string();
    let number = table.cell(row, col).is_some_and(|c| c.value.is_number());
    let related = props.related.contains(&key).then_some("related");
    let found = props.marks.at(key);
    let Some(first) = found.first().and_then(|&i| props.report.findings.get(i)) else {
        return html! { <td id={cell_id(key)} class={classes!(number.then_some("num"), related)}>{text}</td> };
    };
    let tone = super::marks::Tone::of(first);
    let active = (props.hovered == Some(key)).then_some("active");
    let enter = hover(props.on_hover.clone(), key);
    let focus = {
        let on_hover = props.on_hover.clone();
        move |e: FocusEvent| on_hover.emit(Some(place(key, &e.target_unchecked_into::<Element>())))
    };
    let leave = {
        let on_hover = props.on_hover.clone();
        move |_: MouseEvent| on_hover.emit(None)
    };
    let blur = {
        let on_hover = props.on_hover.clone();
        move |_: FocusEvent| on_hover.emit(None)
    };
    html! {
        <td id={cell_id(key)} tabindex="0" class={classes!("mark", tone.class(), number.then_some("num"), related, active)}
            data-rule={first.rule} aria-describedby="cell-tip"
            onmouseenter={enter} onmouseleave={leave} onfocus={focus} onblur={blur}>
            {text}
        </td>
    }
}

fn hover(on_hover: Callback<Option<Hover>>, key: Key) -> impl Fn(MouseEvent) {
    move |e: MouseEvent| on_hover.emit(Some(place(key, &e.target_unchecked_into::<Element>())))
}

/// Just below the cell, in viewport coordinates (the details box is `position: fixed`).
fn place(cell: Key, element: &Element) -> Hover {
    let rect = element.get_bounding_client_rect();
    Hover { cell, left: rect.left(), top: rect.bottom() + 4.0 }
}

/// The kind's name as in the JSON report (`fiscal_summary`), so tests and styles can select it.
fn kind_id(kind: TableKind) -> Option<String> {
    let quoted = serde_json::to_string(&kind).ok()?;
    Some(quoted.trim_matches('"').to_string())
}
