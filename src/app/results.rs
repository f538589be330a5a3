//! The report view: summary, exports, findings, tables and rules not checked, with the view state
//! they share (the hovered cell, the chosen finding). The pasted text's report and each document
//! of 逐份核对 are shown by the same view.

use super::cell_tip::CellTip;
use super::exports::Exports;
use super::findings::Findings;
use super::keep::InputNotes;
use super::marks::{cell_id, key, table_id, table_of, Key, Marks};
use super::not_checked::NotChecked;
use super::reveal;
use super::rule_help::RuleCatalogue;
use super::state::Shared;
use super::summary::Summary;
use super::tables::{Hover, Tables};
use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Shared<Report>,
    /// Opens a rule's explanation.
    pub on_explain: Callback<&'static str>,
}

#[component]
pub fn Results(props: &Props) -> Html {
    let hover = use_state(|| None::<Hover>);
    // The chosen finding, with a counter so choosing the same one again flashes again.
    let chosen = use_state(|| None::<(usize, u32)>);
    let marks = use_memo(props.report.clone(), |report| Shared::new(Marks::new(report)));
    let marks = (*marks).clone();
    {
        // A new report renumbers the findings: forget the chosen and hovered ones.
        let (chosen, hover) = (chosen.clone(), hover.clone());
        use_effect_with(props.report.clone(), move |_| {
            chosen.set(None);
            hover.set(None);
        });
    }
    {
        let report = props.report.clone();
        use_effect_with(*chosen, move |chosen| {
            let target = chosen
                .and_then(|(i, _)| report.findings.get(i))
                .and_then(|f| f.cell.as_ref().map(|c| cell_id(key(c))).or_else(|| table_of(f).map(table_id)));
            if let Some(id) = target {
                reveal::reveal(&id);
            }
        });
    }
    let report = props.report.clone();
    let reveal_table = chosen.and_then(|(i, _)| report.findings.get(i)).and_then(table_of);
    let related = Rc::new(related(&report, &marks, hover.as_ref()));
    let on_select = {
        let chosen = chosen.clone();
        Callback::from(move |i: usize| {
            let n = chosen.map_or(0, |(_, n)| n.wrapping_add(1));
            chosen.set(Some((i, n)));
        })
    };
    let on_hover = {
        let hover = hover.clone();
        Callback::from(move |h: Option<Hover>| hover.set(h))
    };
    let on_explain = props.on_explain.clone();
    html! {
        <div class="results">
            <InputNotes report={report.clone()} />
            <Summary report={report.clone()} />
            <Exports report={report.clone()} />
            <Findings report={report.clone()} {on_select} on_explain={on_explain.clone()} />
            <Tables report={report.clone()} marks={marks.clone()} reveal={reveal_table}
                hovered={hover.as_ref().map(|h| h.cell)} {related} {on_hover} />
            <NotChecked report={report.clone()} {on_explain} />
            <RuleCatalogue />
            <CellTip report={report.clone()} {marks} hover={(*hover).clone()} />
        </div>
    }
}

/// The cells the hovered cell's findings were computed from, tinted while it is hovered.
fn related(report: &Report, marks: &Marks, hover: Option<&Hover>) -> Vec<Key> {
    hover
        .map(|h| {
            marks
                .at(h.cell)
                .iter()
                .filter_map(|&i| report.findings.get(i))
                .flat_map(|f| f.related.iter().map(key))
                .collect()
        })
        .unwrap_or_default()
}
