//! A printed subject name must be a name of its code (2210201 is 住房公积金): a wrong pairing
//! means the row was typed into the wrong line or a template row was relabelled. Names come from
//! the bundled list in `data/subjects.txt` (《政府收支分类科目》, with earlier editions' names).

use super::{Ctx, Explanation, Rule};
use crate::report::{Severity, Text};
use crate::table::{ColumnRole, SubjectCode};
use std::collections::HashMap;
use std::sync::OnceLock;

pub const RULES: &[Rule] = &[Rule {
    code: "NAM001",
    name_zh: "科目编码与名称",
    name_en: "Subject code and name",
    severity: Severity::Warning,
    explanation: Explanation {
        what_zh: "科目名称应与科目编码对应（如 2210201 应为“住房公积金”）：按财政部《政府收支分类科目》（功能分类类、款及常见项，经济分类类、款；含历年旧称）核对，比较时忽略空格和标点；未收录的编码不作判断；因换行被截断或与相邻行片段相连的名称（仍包含正确名称或为其一部分）不报。一张表若有至少 3 个、且超过一半已收录编码的名称不对应，视为采用了其他（如地方部门经济）分类，不核对其名称，只提示一次。",
        why_zh: "编码与名称不符，说明金额填错了行、套用模板时改了名称，或科目已调整而未同步——公开检查把“科目编码与名称不对应”列为常见问题。",
        fix_zh: "按当年《政府收支分类科目》改正科目名称或编码。",
        what_en: "A subject's printed name must be one of its code's names in the national classification (类/款 and common 项 of the functional codes, 类/款 of the economic codes, older names included); spaces and punctuation are ignored; codes not in the list are not judged; a name cut or joined at a line wrap (still containing, or part of, the right name) is accepted. A table where at least 3, and more than half, of the listed codes carry other names follows another (e.g. local) scheme: its names are not judged and one note says so.",
        why_en: "A name that does not fit its code means the amount sits on the wrong line, or a template row was relabelled.",
        fix_en: "Correct the name or the code according to that year's classification.",
    },
    run: names_fit_codes,
}];

/// Removes what printings of one name differ in: spaces and punctuation of either width.
pub(super) fn normalise(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace() && !"（）()、，,。.“”\"'‘’·：:《》-—_".contains(*c)).collect()
}

/// Code → its known names, normalised.
pub(super) fn known() -> &'static HashMap<&'static str, Vec<String>> {
    static KNOWN: OnceLock<HashMap<&'static str, Vec<String>>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        include_str!("data/subjects.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(code, names)| (code, names.split('|').map(normalise).collect()))
            .collect()
    })
}

/// The names a code may carry, as printed in the list (for messages).
fn listed(code: &str) -> Option<&'static str> {
    include_str!("data/subjects.txt").lines().find_map(|l| l.strip_prefix(code)?.strip_prefix('\t'))
}

/// Fewest names that disagree with their codes before a table may be taken to follow another
/// classification: one or two wrong names are always reported.
const OTHER_SCHEME_MIN_MISMATCHES: usize = 3;

/// A printed name of a known code, and whether it fits the code.
struct Judged {
    row: usize,
    name_col: usize,
    code: SubjectCode,
    fits: bool,
}

fn names_fit_codes(ctx: &mut Ctx) {
    for table in ctx.tables().iter().filter(|t| !t.kind.is_performance()) {
        let mut judged = Vec::new();
        for (code_col, amount_cols) in table.halves() {
            let end = amount_cols.first().copied().unwrap_or(table.columns.len());
            let Some(name_col) = (code_col + 1..end).find(|&c| table.columns[c].role == ColumnRole::Name) else {
                continue;
            };
            for row in table.data_rows() {
                let Some(code) = table.code_at(row, code_col) else { continue };
                let Some(names) = known().get(code.as_str()) else { continue };
                let printed = table.text(row, name_col);
                if printed.is_empty() {
                    continue;
                }
                // A name cut where a PDF wrapped the line (其他对个人和家庭 | 的补助), or joined
                // with a neighbour's wrapped part, still holds (or is held by) the right name.
                let printed_name = normalise(printed);
                let wrapped = printed_name.chars().count() >= 4
                    && names.iter().any(|n| n.contains(&printed_name) || printed_name.contains(n.as_str()));
                let fits = wrapped || names.contains(&printed_name);
                judged.push(Judged { row, name_col, code, fits });
            }
        }
        // Most names disagreeing is not a table of typos but another numbering (上海 部门经济分类
        // has 30202 咨询费, 303 离退休人员经费): its names cannot be judged by the national list.
        let mismatches = judged.iter().filter(|j| !j.fits).count();
        if mismatches >= OTHER_SCHEME_MIN_MISMATCHES && mismatches * 2 > judged.len() {
            let judged = judged.len();
            ctx.report(Severity::Info, Text::new(format!(
                    "{} 的科目编码多数（{}/{judged}）与《政府收支分类科目》的名称不对应，应是采用了其他（如地方部门经济）分类，未核对其科目名称",
                    table.short_name(),
                    mismatches
                ), format!(
                    "{}: most of its codes ({}/{judged}) carry other names than in the national classification, so it follows another (e.g. local) scheme; its subject names were not compared",
                    table.short_name(),
                    mismatches
                ))).in_table(table.index);
            continue;
        }
        for Judged { row, name_col, code, fits } in judged {
            let printed = table.text(row, name_col);
            let failure = (!fits).then(|| {
                let expected = listed(code.as_str()).unwrap_or_default().replace('|', "”或“");
                Text::new(
                    format!(
                        "{} 科目 {code} 的名称为“{printed}”，按《政府收支分类科目》应为“{expected}”",
                        table.short_name()
                    ),
                    format!(
                        "{} subject {code} is named {printed:?}; the classification names it {expected:?}",
                        table.short_name()
                    ),
                )
            });
            if let Some(finding) = ctx.check(failure) {
                let mut cell = table.cell_ref(row, name_col);
                cell.row_label = format!("{code} {printed}");
                finding.at(&cell);
            }
        }
    }
}
