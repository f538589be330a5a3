//! Subject codes printed one level per column: tables with 类 | 款 | 项 code columns print a
//! 款 row as `08  审计事务` and a 项 row as `01  行政运行` under the `201` of their 类. Each such
//! part is completed with the levels above it, so the row carries its whole code.

use super::super::words::{Item, Kind, Word};
use super::lines::is_code_level_line;
use super::{BodyLine, TableLine};

/// The level a code part stands at: the digits it adds to the code above it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    /// The 款 part: the 类 (3 digits) comes before it.
    Kuan,
    /// The 项 part: the 类 and 款 (5 digits) come before it.
    Xiang,
}

impl Level {
    fn prefix_len(self) -> usize {
        match self {
            Level::Kuan => 3,
            Level::Xiang => 5,
        }
    }
}

/// Where the parts of each level stand: (centre × 2, level).
struct PartColumns(Vec<(usize, Level)>);

impl PartColumns {
    /// From the header's `类  款  项` line when it has one, else from the parts themselves: two
    /// columns of parts are 款 then 项; one column is 款 (economic codes have two levels).
    fn measure(body: &[BodyLine], header_lines: &[&TableLine]) -> PartColumns {
        let header = header_lines.iter().rev().find(|l| is_code_level_line(&l.words));
        if let Some(line) = header {
            let at = |name: &str, level| line.words.iter().find(|w| w.text == name).map(|w| (w.centre2(), level));
            let known: Vec<(usize, Level)> =
                [at("款", Level::Kuan), at("项", Level::Xiang)].into_iter().flatten().collect();
            if !known.is_empty() {
                return PartColumns(known);
            }
        }
        let mut centres: Vec<usize> = body
            .iter()
            .filter_map(|b| b.items.first().filter(|i| i.kind == Kind::CodePart).map(|i| i.word.centre2()))
            .collect();
        centres.sort_unstable();
        match (centres.first(), centres.last()) {
            (Some(&low), Some(&high)) if high >= low + 6 => PartColumns(vec![(low, Level::Kuan), (high, Level::Xiang)]),
            (Some(&low), _) => PartColumns(vec![(low, Level::Kuan)]),
            _ => PartColumns(Vec::new()),
        }
    }

    /// The level of a part standing at `word`, if it stands near one of the columns.
    fn level_of(&self, word: &Word) -> Option<Level> {
        let centre2 = word.centre2();
        self.0
            .iter()
            .map(|(at, level)| (at.abs_diff(centre2), *level))
            .filter(|(distance, _)| *distance <= 8)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, level)| level)
    }
}

/// A line's leading two digits: a part (`08  审计事务`), or one whose name wrapped off its line
/// so that only figures follow it (`05     221.01   221.01`).
fn is_part(item: &Item) -> bool {
    let two_digits = item.word.text.len() == 2 && item.word.text.chars().all(|c| c.is_ascii_digit());
    two_digits && matches!(item.kind, Kind::CodePart | Kind::Number)
}

/// Completes every line's leading code part with the code above it; a part with no code above
/// it stays a part (and the table is then reported as misaligned).
pub(super) fn complete_code_parts(body: &mut [BodyLine], header_lines: &[&TableLine]) {
    let columns = PartColumns::measure(body, header_lines);
    let mut above = String::new();
    for line in body.iter_mut() {
        let Some(first) = line.items.first_mut() else { continue };
        if first.kind == Kind::Code {
            above = first.word.text.clone();
            continue;
        }
        if !is_part(first) {
            continue;
        }
        let level = match columns.level_of(&first.word) {
            Some(level) => level,
            // A lone number off the part columns is a figure.
            None if first.kind == Kind::Number => continue,
            None => Level::Kuan,
        };
        let Some(prefix) = above.get(..level.prefix_len()) else { continue };
        let code = format!("{prefix}{}", first.word.text);
        first.kind = Kind::Code;
        first.word.text = code.clone();
        above = code;
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::words::{items, words};
    use super::*;

    fn body(lines: &[&str]) -> Vec<BodyLine> {
        lines
            .iter()
            .enumerate()
            .map(|(index, l)| BodyLine { index, no: index + 1, segment: 0, items: items(&words(l)) })
            .collect()
    }

    fn codes(body: &[BodyLine]) -> Vec<String> {
        body.iter()
            .filter_map(|b| b.items.first().filter(|i| i.kind == Kind::Code).map(|i| i.word.text.clone()))
            .collect()
    }

    #[test]
    fn parts_in_their_own_columns_take_the_levels_above() {
        let header = TableLine { no: 0, page_break: false, continued: false, words: words(" 类    款     项") };
        let mut lines = body(&[
            "201              一般公共服务支出      31.79",
            "       08          审计事务          31.79",
            "            01       行政运行          15.86",
            "            05                       21.01",
            "208              社会保障和就业支出     9.90",
            "       05          行政事业单位养老支出    9.90",
            "            02       事业单位离退休        9.90",
        ]);
        complete_code_parts(&mut lines, &[&header]);
        assert_eq!(codes(&lines), ["201", "20108", "2010801", "2010805", "208", "20805", "2080502"]);
    }

    #[test]
    fn without_a_level_header_one_column_of_parts_is_the_second_level() {
        let mut lines = body(&["301      工资福利支出     12.00", "   01    基本工资     12.00"]);
        complete_code_parts(&mut lines, &[]);
        assert_eq!(codes(&lines), ["301", "30101"]);
    }

    #[test]
    fn a_part_with_nothing_above_stays_a_part() {
        let mut lines = body(&["   01    基本工资     12.00"]);
        complete_code_parts(&mut lines, &[]);
        assert_eq!(lines[0].items[0].kind, Kind::CodePart);
    }
}
