//! The findings panel: counts by severity, filters, findings grouped by table. A click (or Enter)
//! on a finding shows its cell; the rule's explanation is one button away.

use super::i18n::{both, slash, use_lang, Lang};
use super::marks::{table_of, Tone};
use super::state::Shared;
use crate::report::{Finding, Report, Severity};
use crate::rules;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Shared<Report>,
    /// A finding was chosen: show its cell.
    pub on_select: Callback<usize>,
    /// Show a rule's explanation.
    pub on_explain: Callback<&'static str>,
}

/// What the reviewer chose to see. Table and rule are select values: empty means all.
#[derive(Debug, Clone, PartialEq)]
struct Filter {
    severities: [bool; 3],
    table: String,
    rule: String,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter { severities: [true; 3], table: String::new(), rule: String::new() }
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The group a finding is listed under: its table, or the document as a whole (last).
fn group(f: &Finding) -> usize {
    table_of(f).unwrap_or(usize::MAX)
}

impl Filter {
    /// The filter as it applies to `report`: a table or rule the new report no longer has
    /// reads as “all”, as its select then shows.
    fn within(&self, report: &Report) -> Filter {
        let has_table = report.findings.iter().any(|f| group(f).to_string() == self.table);
        let has_rule = report.findings.iter().any(|f| f.rule == self.rule);
        Filter {
            severities: self.severities,
            table: if has_table { self.table.clone() } else { String::new() },
            rule: if has_rule { self.rule.clone() } else { String::new() },
        }
    }

    fn keeps(&self, f: &Finding) -> bool {
        let severity = SEVERITIES.iter().position(|&s| s == f.severity).is_some_and(|i| self.severities[i]);
        severity
            && (self.table.is_empty() || self.table == group(f).to_string())
            && (self.rule.is_empty() || self.rule == f.rule)
    }
}

#[component]
pub fn Findings(props: &Props) -> Html {
    let lang = use_lang();
    let filter = use_state(Filter::default);
    let report = &props.report;
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let active = filter.within(report);
    for (i, f) in report.findings.iter().enumerate().filter(|(_, f)| active.keeps(f)) {
        groups.entry(group(f)).or_default().push(i);
    }
    let shown: usize = groups.values().map(Vec::len).sum();
    let total = report.findings.len();
    let heading = match lang {
        Lang::Zh if shown < total => format!("检查发现（显示 {shown} / {total}）"),
        Lang::Zh => format!("检查发现（{total}）"),
        Lang::En if shown < total => format!("Findings ({shown} of {total} shown)"),
        Lang::En => format!("Findings ({total})"),
    };
    html! {
        <section class="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{both(lang, &heading, "Findings")}</h2>
            {controls(lang, report, &filter, &active)}
            if total == 0 && report.nothing_read.is_some() {
                <p class="none">{both(lang, "未作核对：没有读出表格。", "Nothing checked: no table was read.")}</p>
            } else if total == 0 {
                <p class="none">{both(lang, "没有发现问题。", "Nothing found.")}</p>
            } else if shown == 0 {
                <p class="none">{both(lang, "没有符合筛选条件的发现。", "No finding matches the filters.")}</p>
            }
            <ol id="findings">
                for (g, list) in &groups {
                    <li class="group" role="presentation" data-group={group_name(lang, report, *g)}>
                        {group_name(lang, report, *g)}
                    </li>
                    for &i in list {
                        if let Some(f) = report.findings.get(i) { {finding(lang, report, i, f, props)} }
                    }
                }
            </ol>
        </section>
    }
}

fn group_name(lang: Lang, report: &Report, g: usize) -> String {
    match report.tables.get(g) {
        Some(t) if t.number.is_some() => {
            format!("{} · {}", t.short_name(), lang.pick(t.kind.label_zh(), t.kind.label_en()))
        }
        Some(t) => t.short_name(),
        None => lang.pick("整份文档", "Whole document").to_string(),
    }
}

/// Severity checkboxes with their counts, then the table and rule selects.
fn controls(lang: Lang, report: &Report, filter: &UseStateHandle<Filter>, active: &Filter) -> Html {
    let c = &report.counts;
    let counts = [c.errors, c.warnings, c.infos];
    let mut tables: Vec<usize> = report.findings.iter().map(group).collect();
    tables.sort_unstable();
    tables.dedup();
    let mut codes: Vec<&'static str> = report.findings.iter().map(|f| f.rule).collect();
    codes.sort_unstable();
    codes.dedup();
    let on_table = {
        let filter = filter.clone();
        move |e: Event| {
            let table = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(Filter { table, ..(*filter).clone() });
        }
    };
    let on_rule = {
        let filter = filter.clone();
        move |e: Event| {
            let rule = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(Filter { rule, ..(*filter).clone() });
        }
    };
    html! {
        <div class="filters" role="group" aria-label={lang.pick("筛选检查发现", "Filter findings")}>
            for (i, severity) in SEVERITIES.iter().enumerate() {
                {severity_box(lang, *severity, counts[i], i, filter)}
            }
            if c.rounding > 0 {
                <span class="count-rounding">{match lang {
                    Lang::Zh => format!("（其中舍入差异 {}）", c.rounding),
                    Lang::En => format!("({} of them rounding)", c.rounding),
                }}</span>
            }
            <label class="select">
                {slash(lang, "表", "Table")}
                <select id="filter-table" onchange={on_table}>
                    <option value="" selected={active.table.is_empty()}>{lang.pick("全部", "All")}</option>
                    for g in tables {
                        <option value={g.to_string()} selected={active.table == g.to_string()}>{group_name(lang, report, g)}</option>
                    }
                </select>
            </label>
            <label class="select">
                {slash(lang, "规则", "Rule")}
                <select id="filter-rule" onchange={on_rule}>
                    <option value="" selected={active.rule.is_empty()}>{lang.pick("全部", "All")}</option>
                    for code in codes {
                        <option value={code} selected={active.rule == code}>
                            {format!("{code} {}", rules::rule(code).map(|r| lang.pick(r.name_zh, r.name_en)).unwrap_or_default())}
                        </option>
                    }
                </select>
            </label>
        </div>
    }
}

fn severity_box(lang: Lang, severity: Severity, count: usize, i: usize, filter: &UseStateHandle<Filter>) -> Html {
    let onchange = {
        let filter = filter.clone();
        move |e: Event| {
            let mut next = (*filter).clone();
            if let Some(slot) = next.severities.get_mut(i) {
                *slot = e.target_unchecked_into::<HtmlInputElement>().checked();
            }
            filter.set(next);
        }
    };
    let label = match lang {
        Lang::Zh => severity.label_zh(),
        Lang::En => severity_en(severity),
    };
    html! {
        <label class={classes!("count", format!("sev-{}", severity.label_en()))}>
            <input type="checkbox" id={format!("filter-{}", severity.label_en())}
                checked={filter.severities.get(i).copied().unwrap_or(true)} {onchange} />
            {format!(" {label} ")}<span class="n">{count}</span>
        </label>
    }
}

fn severity_en(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Notes",
    }
}

/// 错误 / 提醒 / 舍入差异 / 信息, as the finding's badge.
pub fn severity_label(lang: Lang, f: &Finding) -> &'static str {
    match Tone::of(f) {
        Tone::Error => lang.pick("错误", "Error"),
        Tone::Warning => lang.pick("提醒", "Warning"),
        Tone::Rounding => lang.pick("舍入差异", "Rounding"),
        Tone::Info => lang.pick("信息", "Note"),
    }
}

fn finding(lang: Lang, report: &Report, i: usize, f: &Finding, props: &Props) -> Html {
    let table = table_of(f);
    let table_name = table.map(|t| report.table_name(t)).unwrap_or_default();
    let place = match (&f.cell, table) {
        (Some(cell), _) => cell.describe(&table_name),
        (None, Some(_)) => table_name.clone(),
        (None, None) => match &f.text {
            Some(text) => lang.pick(&text.describe(), &text.describe_en()).to_string(),
            None => lang.pick("文档", "document").to_string(),
        },
    };
    let a1 = f.cell.as_ref().map(|c| c.a1.clone()).unwrap_or_default();
    let severity = f.severity.label_en();
    // Rounding differences are warnings too, but styled more softly than real ones.
    let agreement = (Tone::of(f) == Tone::Rounding).then_some("rounding");
    let select = {
        let on_select = props.on_select.clone();
        move |_: MouseEvent| on_select.emit(i)
    };
    let key = {
        let on_select = props.on_select.clone();
        move |e: KeyboardEvent| {
            // Enter on the finding itself; its 规则说明 button handles its own Enter.
            let on_item = e.target_dyn_into::<web_sys::Element>().is_some_and(|t| t.tag_name() == "LI");
            if e.key() == "Enter" && on_item {
                e.prevent_default();
                on_select.emit(i);
            }
        }
    };
    let explain = {
        let on_explain = props.on_explain.clone();
        let rule = f.rule;
        move |e: MouseEvent| {
            // The finding itself reacts to clicks: the explanation must not also scroll away.
            e.stop_propagation();
            on_explain.emit(rule);
        }
    };
    let name = rules::rule(f.rule).map(|r| lang.pick(r.name_zh, r.name_en)).unwrap_or_default();
    html! {
        <li
            class={classes!("finding", format!("sev-{severity}"))}
            data-index={i.to_string()}
            data-rule={f.rule}
            data-severity={severity}
            data-table={table_name}
            data-cell={a1}
            data-agreement={agreement}
            tabindex="0"
            onclick={select}
            onkeydown={key}
        >
            <span class="severity">{severity_label(lang, f)}</span>{" "}
            <span class="rule">{f.rule}</span>{" "}
            <span class="place">{place}</span>
            {figure("printed", lang.pick("填报", "printed"), f.printed)}
            {figure("computed", lang.pick("计算", "computed"), f.computed)}
            {figure("difference", lang.pick("差额", "difference"), f.difference)}
            {" "}<span class="message">{lang.pick(&f.message.zh, &f.message.en).to_string()}</span>
            if lang == Lang::Zh {
                {" "}<span class="message-en" lang="en">{&f.message.en}</span>
            }
            <button type="button" class="explain" data-rule={f.rule} onclick={explain}
                aria-label={format!("{} {} {name}", lang.pick("规则说明", "About rule"), f.rule)}>
                {slash(lang, "规则说明", "About this rule")}
            </button>
            {explained(lang, report, f)}
        </li>
    }
}

/// The failing relations a likely wrong cell explains, listed under it.
fn explained(lang: Lang, report: &Report, f: &Finding) -> Html {
    if f.explains.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="explains" aria-label={lang.pick("由此引起", "Caused by this figure")}>
            for e in &f.explains {
                <li class="explained" data-rule={e.rule}>
                    <span class="rule">{e.rule}</span>{" "}
                    <span class="place">{report.place_zh(e)}</span>
                    {figure("printed", lang.pick("填报", "printed"), e.printed)}
                    {figure("computed", lang.pick("计算", "computed"), e.computed)}
                    {figure("difference", lang.pick("差额", "difference"), e.difference)}
                    {" "}<span class="message">{lang.pick(&e.message.zh, &e.message.en).to_string()}</span>
                </li>
            }
        </ul>
    }
}

/// `<span class="printed">填报 16.98</span>`, or nothing when the rule compared no figures.
fn figure(class: &'static str, label: &str, value: Option<Decimal>) -> Html {
    match value {
        Some(v) => html! { <>{" "}<span class={class}>{format!("{label} {v}")}</span></> },
        None => Html::default(),
    }
}
