//! Performance-target forms (绩效目标表): key/value header cells (项目名称, 当年预算, 本级安排, …)
//! followed by a block of indicator rows under 一级/二级/三级指标 headers.

use super::{bare_label, Row};
use serde::Serialize;

/// The header fields rules care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKey {
    ProjectName,
    /// 预算执行率权重: the weight given to budget execution, outside the indicator rows.
    ExecutionWeight,
    /// 当年预算 (the project's amount this year).
    CurrentBudget,
    /// 本级安排.
    OwnFunds,
    /// 上级补助.
    HigherSubsidy,
    /// 部门支出预算数 in the department-wide form.
    DeptBudget,
}

const FIELD_WORDS: &[(FieldKey, &str)] = &[
    (FieldKey::ProjectName, "项目名称"),
    (FieldKey::ExecutionWeight, "预算执行率权重"),
    (FieldKey::CurrentBudget, "当年预算"),
    (FieldKey::OwnFunds, "本级安排"),
    (FieldKey::HigherSubsidy, "上级补助"),
    (FieldKey::DeptBudget, "部门支出预算数"),
];

/// A header field: where its label is and where its value is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormField {
    pub key: FieldKey,
    pub row: usize,
    pub label_col: usize,
    pub value_col: usize,
}

/// Which column holds each part of an indicator row.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IndicatorColumns {
    pub level1: Option<usize>,
    pub level2: Option<usize>,
    pub level3: Option<usize>,
    pub weight: Option<usize>,
    pub unit: Option<usize>,
    pub nature: Option<usize>,
    pub value: Option<usize>,
    pub core: Option<usize>,
}

/// One indicator row; the columns say where to read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub row: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Form {
    pub fields: Vec<FormField>,
    pub header_row: Option<usize>,
    pub columns: IndicatorColumns,
    pub indicators: Vec<Indicator>,
}

impl Form {
    pub fn field(&self, key: FieldKey) -> Option<&FormField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Reads the form out of a table's rows.
    pub fn parse(rows: &[Row]) -> Form {
        let mut form = Form::default();
        for (r, row) in rows.iter().enumerate() {
            if form.header_row.is_none() {
                if let Some(columns) = indicator_header(row) {
                    form.header_row = Some(r);
                    form.columns = columns;
                    continue;
                }
                for (c, cell) in row.cells.iter().enumerate() {
                    let key = field_key(&cell.text);
                    if let Some(key) = key.filter(|k| form.field(*k).is_none()) {
                        form.fields.push(FormField { key, row: r, label_col: c, value_col: c + 1 });
                    }
                }
            } else if is_indicator_row(row, &form.columns) {
                form.indicators.push(Indicator { row: r });
            }
        }
        form
    }
}

/// Field labels vary: `当年预算 (万元)`, `当年预算（万元）`, `预算执行率 权重`.
fn field_key(text: &str) -> Option<FieldKey> {
    let mut label = bare_label(text);
    if label.contains('元') {
        for unit in ["(万元)", "（万元）", "(元)", "（元）"] {
            label = label.replace(unit, "");
        }
    }
    FIELD_WORDS.iter().find(|(_, word)| label == *word).map(|(key, _)| *key)
}

fn indicator_header(row: &Row) -> Option<IndicatorColumns> {
    let texts: Vec<String> = row.cells.iter().map(|c| bare_label(&c.text)).collect();
    let find = |words: &[&str]| texts.iter().position(|t| words.iter().any(|w| t == *w));
    let columns = IndicatorColumns {
        level1: find(&["一级指标"]),
        level2: find(&["二级指标"]),
        level3: find(&["三级指标", "指标名称"]),
        weight: find(&["指标权重", "权重", "分值", "权重(%)", "指标权重(%)"]),
        unit: find(&["计量单位", "度量单位", "单位"]),
        nature: find(&["指标性质", "指标值性质", "符号"]),
        value: find(&["指标值", "目标值", "年度指标值"]),
        core: find(&["是否核心指标", "核心指标"]),
    };
    let levels = columns.level1.is_some() || columns.level2.is_some();
    (columns.level3.is_some() && (levels || columns.weight.is_some())).then_some(columns)
}

fn is_indicator_row(row: &Row, columns: &IndicatorColumns) -> bool {
    let filled = |col: Option<usize>| col.and_then(|c| row.cells.get(c)).is_some_and(|cell| !cell.text.is_empty());
    filled(columns.level3) || filled(columns.weight)
}
