//! Where the 三公 figures of a table sit: one series per measure (预算数, 决算数, a year), each
//! with the cells of its total and items.

use super::{bare_label, ColumnRole, Table};

/// Where one series of 三公 figures sits: the cells of its total and parts.
#[derive(Default)]
pub struct Series {
    /// 预算数 / 决算数 when the table prints pairs, else empty.
    pub measure: String,
    pub total: Option<(usize, usize)>,
    pub abroad: Option<(usize, usize)>,
    pub vehicles: Option<(usize, usize)>,
    pub purchase: Option<(usize, usize)>,
    pub running: Option<(usize, usize)>,
    pub reception: Option<(usize, usize)>,
}

/// Which item a header or row label names; 会议费, 培训费 and 机关运行经费 name none, they are
/// printed beside the 三公 but outside their total.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    Total,
    Abroad,
    Vehicles,
    Purchase,
    Running,
    Reception,
}

/// The item a label names; `under_vehicles` when a header above it says 公务用车, so that a bare
/// 小计 / 购置费 / 运行费 beneath is one of the vehicle items.
fn item_of(label: &str, under_vehicles: bool) -> Option<Item> {
    let l = bare_label(label);
    let (purchase, running) = (l.contains("购置"), l.contains("运行"));
    let vehicle_part = under_vehicles && (l == "小计" || purchase || running);
    if l.contains("合计") {
        Some(Item::Total)
    } else if l.contains("出国") {
        Some(Item::Abroad)
    } else if l.contains("接待") {
        Some(Item::Reception)
    } else if l.contains("公务用车") || vehicle_part {
        Some(match (purchase, running) {
            (true, false) => Item::Purchase,
            (false, true) => Item::Running,
            _ => Item::Vehicles,
        })
    } else {
        None
    }
}

impl Series {
    /// The cells placed so far, with their items.
    fn cells(&self) -> Vec<(Item, (usize, usize))> {
        [
            (Item::Total, self.total),
            (Item::Abroad, self.abroad),
            (Item::Vehicles, self.vehicles),
            (Item::Purchase, self.purchase),
            (Item::Running, self.running),
            (Item::Reception, self.reception),
        ]
        .into_iter()
        .filter_map(|(item, cell)| Some((item, cell?)))
        .collect()
    }
}

fn place(series: &mut Series, item: Item, cell: (usize, usize)) {
    let slot = match item {
        Item::Total => &mut series.total,
        Item::Abroad => &mut series.abroad,
        Item::Vehicles => &mut series.vehicles,
        Item::Purchase => &mut series.purchase,
        Item::Running => &mut series.running,
        Item::Reception => &mut series.reception,
    };
    slot.get_or_insert(cell);
}

/// Whether a header cell names an item (or the vehicles' 小计) rather than a series.
fn names_item(label: &str, under_vehicles: bool) -> bool {
    item_of(label, under_vehicles).is_some() || bare_label(label) == "小计"
}

/// Which series a column belongs to: the header cells above or below its item that name no item
/// (`预算数`/`决算数` of a 决算 pair, `2025年预算数`/`2026年预算数` of two years), joined.
fn series_key(path: &[String], under_vehicles: bool) -> String {
    path.iter().filter(|l| !names_item(l, under_vehicles)).map(|l| bare_label(l)).collect::<Vec<_>>().join("/")
}

impl Table {
    /// Reads a 三公 table in either layout: one column per item (the Chongqing district set's
    /// 表四, the 决算 table with 预算数/决算数 under each item) or one row per item (stand-alone
    /// tables: 合计, 1.因公出国…, 其中:(1)公务用车运行维护费 …, then 会议费/培训费 outside the
    /// total).
    pub fn three_public_series(&self) -> Vec<Series> {
        series(self)
    }
}

fn series(table: &Table) -> Vec<Series> {
    let mut by_column: Vec<(usize, Series)> = Vec::new();
    for row in table.data_rows() {
        for (col, column) in table.columns.iter().enumerate().filter(|(_, c)| c.role.is_amount()) {
            let under_vehicles = column.path.iter().any(|l| l.contains("公务用车"));
            let Some(label) = column.path.iter().rev().find(|l| names_item(l, under_vehicles)) else { continue };
            let Some(item) = item_of(label, under_vehicles) else { continue };
            let measure = series_key(&column.path, under_vehicles);
            let index = match by_column.iter().position(|(r, s)| *r == row && s.measure == measure) {
                Some(i) => i,
                None => {
                    by_column.push((row, Series { measure, ..Series::default() }));
                    by_column.len() - 1
                }
            };
            place(&mut by_column[index].1, item, (row, col));
        }
    }
    // A 合计 printed outside the header that spans the items (`“三公”经费预算数` over the items
    // only) belongs to the one series beside it.
    let keys: Vec<String> = by_column.iter().map(|(_, s)| s.measure.clone()).collect();
    let mut distinct = keys.clone();
    distinct.sort();
    distinct.dedup();
    if distinct.len() == 2 && distinct.contains(&String::new()) {
        for (_, s) in &mut by_column {
            s.measure = distinct[1].clone();
        }
        let mut merged: Vec<(usize, Series)> = Vec::new();
        for (row, s) in by_column {
            match merged.iter_mut().find(|(r, _)| *r == row) {
                Some((_, into)) => {
                    for (item, cell) in s.cells() {
                        place(into, item, cell);
                    }
                }
                None => merged.push((row, s)),
            }
        }
        by_column = merged;
    }
    let by_column: Vec<Series> = by_column.into_iter().map(|(_, s)| s).collect();
    if by_column.iter().any(|s| s.abroad.is_some() || s.reception.is_some()) {
        return by_column;
    }
    let label_col = table.column_of(ColumnRole::Name, None).or_else(|| table.column_of(ColumnRole::Label, None));
    let Some(label_col) = label_col else { return Vec::new() };
    table
        .amount_columns(None)
        .into_iter()
        .map(|col| {
            let mut series = Series { measure: bare_label(table.columns[col].label()), ..Series::default() };
            for row in table.data_rows() {
                if let Some(item) = item_of(table.text(row, label_col), false) {
                    place(&mut series, item, (row, col));
                }
            }
            series
        })
        .filter(|s| s.total.is_some() || s.abroad.is_some() || s.reception.is_some())
        .collect()
}
