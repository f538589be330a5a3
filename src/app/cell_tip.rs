//! The box beside a marked cell: what was printed, what the parts add up to, and the difference.
//! Related cells in the same table light up in the grid; those in other tables (often folded,
//! like PRJ001's project forms) are listed here instead, so hovering never unfolds or re-draws
//! a table.

use super::i18n::{use_lang, Lang};
use super::marks::Marks;
use super::marks::{cell_id, key};
use super::state::Shared;
use super::tables::Hover;
use crate::report::{Finding, Report};
use crate::rules;
use crate::table::CellRef;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Shared<Report>,
    pub marks: Shared<Marks>,
    pub hover: Option<Hover>,
}

#[component]
pub fn CellTip(props: &Props) -> Html {
    let lang = use_lang();
    let tip = use_node_ref();
    {
        // Placed through the CSSOM, not a style attribute: the page's Content-Security-Policy
        // allows no inline styles.
        let tip = tip.clone();
        let at = props.hover.as_ref().map(|h| (h.left.max(0.0), h.top.max(0.0)));
        use_effect_with(at, move |at| {
            if let (Some((left, top)), Some(tip)) = (at, tip.cast::<web_sys::HtmlElement>()) {
                let style = tip.style();
                // Kept inside the window: near the right edge the box opens leftwards.
                let _ = style.set_property("left", &format!("min({left}px, calc(100vw - 22rem))"));
                let _ = style.set_property("top", &format!("{top}px"));
            }
        });
    }
    let Some(hover) = &props.hover else {
        return html! { <div id="cell-tip" role="tooltip" hidden=true ref={tip}></div> };
    };
    html! {
        <div id="cell-tip" role="tooltip" ref={tip}>
            for &i in props.marks.at(hover.cell) {
                if let Some(f) = props.report.findings.get(i) { {finding(lang, &props.report, hover.cell.0, f)} }
            }
        </div>
    }
}

/// At most this many related cells of other tables are listed; the rest are counted.
const ELSEWHERE_SHOWN: usize = 12;

fn finding(lang: Lang, report: &Report, table: usize, f: &Finding) -> Html {
    let name = rules::rule(f.rule).map(|r| lang.pick(r.name_zh, r.name_en)).unwrap_or_default();
    let severity = super::findings::severity_label(lang, f);
    html! {
        <div class="tip-finding" data-rule={f.rule}>
            <p class="tip-head">{format!("{severity} · {} {name}", f.rule)}</p>
            <dl>
                {figure("printed", lang.pick("填报", "printed"), f.printed)}
                {figure("computed", lang.pick("计算", "computed"), f.computed)}
                {figure("difference", lang.pick("差额", "difference"), f.difference)}
            </dl>
            <p class="tip-message">{lang.pick(&f.message.zh, &f.message.en).to_string()}</p>
            {elsewhere(lang, report, table, f)}
        </div>
    }
}

fn figure(class: &'static str, label: &str, value: Option<Decimal>) -> Html {
    match value {
        Some(v) => html! { <><dt>{label.to_string()}</dt><dd class={class}>{v.to_string()}</dd></> },
        None => Html::default(),
    }
}

/// The finding's related cells outside the hovered cell's table: table name, A1 and the text
/// printed there.
fn elsewhere(lang: Lang, report: &Report, table: usize, f: &Finding) -> Html {
    let cells: Vec<&CellRef> = f.related.iter().filter(|c| c.table != table).collect();
    if cells.is_empty() {
        return Html::default();
    }
    let more = cells.len().saturating_sub(ELSEWHERE_SHOWN);
    html! {
        <div class="tip-related">
            <p class="tip-related-head">{lang.pick("相关单元格（其他表）", "Related cells in other tables")}</p>
            <ul>
                for c in cells.iter().take(ELSEWHERE_SHOWN) {
                    <li data-cell={cell_id(key(c))}>
                        <span class="where">{format!("{} {}", report.table_name(c.table), c.a1)}</span>{" "}
                        <span class="value">{report.tables.get(c.table).map(|t| t.text(c.row, c.col).to_string()).unwrap_or_default()}</span>
                    </li>
                }
            </ul>
            if more > 0 {
                <p class="tip-more">{match lang { Lang::Zh => format!("另有 {more} 个"), Lang::En => format!("and {more} more") }}</p>
            }
        </div>
    }
}
