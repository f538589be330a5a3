//! One stated figure: `<subject> <amount> 元/万元`, maybe followed by `占<base>的 X%`.
//!
//! The subject is read from the words right before the amount and matched against a closed
//! vocabulary; anything else (a 类 name, a project, a change 比上年增加 …) keeps its amount but
//! gets no subject, so no rule compares it with anything.

use super::prose::{Prose, BREAK, CHAPTER};
use rust_decimal::Decimal;
use std::str::FromStr;

/// What a figure is an amount of. Only these subjects are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    /// 支出合计, 一般公共预算支出, 财政拨款支出: this year's spending of one scope.
    Spending,
    /// 支出总计: spending plus what is carried over.
    SpendingGrandTotal,
    /// 本年收入合计, 一般公共预算财政拨款收入: this year's income of one scope.
    Income,
    /// 收入总计: income plus what is carried in.
    IncomeGrandTotal,
    Basic,
    Project,
    Personnel,
    PublicUse,
    Wages,
    Goods,
    Households,
    ThreePublic,
    Abroad,
    Reception,
    Vehicles,
    VehiclePurchase,
    VehicleRunning,
    Running,
}

/// Printed names of each subject, longest first so that the most specific one wins.
const TERMS: &[(&str, Term)] = &[
    ("公务用车购置及运行维护费", Term::Vehicles),
    ("公务用车购置及运行费", Term::Vehicles),
    ("对个人和家庭的补助支出", Term::Households),
    ("对个人和家庭的补助", Term::Households),
    ("公务用车运行维护费", Term::VehicleRunning),
    ("因公出国(境)费用", Term::Abroad),
    ("公务用车运行费", Term::VehicleRunning),
    ("公务用车购置费", Term::VehiclePurchase),
    ("商品和服务支出", Term::Goods),
    ("因公出国(境)费", Term::Abroad),
    ("工资福利支出", Term::Wages),
    ("机关运行经费", Term::Running),
    ("公务接待费", Term::Reception),
    ("三公经费", Term::ThreePublic),
    ("基本支出", Term::Basic),
    ("项目支出", Term::Project),
    ("人员经费", Term::Personnel),
    ("公用经费", Term::PublicUse),
];

impl Term {
    pub fn label_zh(self) -> &'static str {
        match self {
            Term::Spending => "支出合计",
            Term::SpendingGrandTotal => "支出总计",
            Term::Income => "收入合计",
            Term::IncomeGrandTotal => "收入总计",
            Term::Basic => "基本支出",
            Term::Project => "项目支出",
            Term::Personnel => "人员经费",
            Term::PublicUse => "公用经费",
            Term::Wages => "工资福利支出",
            Term::Goods => "商品和服务支出",
            Term::Households => "对个人和家庭的补助",
            Term::ThreePublic => "“三公”经费",
            Term::Abroad => "因公出国（境）费",
            Term::Reception => "公务接待费",
            Term::Vehicles => "公务用车购置及运行费",
            Term::VehiclePurchase => "公务用车购置费",
            Term::VehicleRunning => "公务用车运行维护费",
            Term::Running => "机关运行经费",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Term::Spending => "total spending",
            Term::SpendingGrandTotal => "spending grand total",
            Term::Income => "total income",
            Term::IncomeGrandTotal => "income grand total",
            Term::Basic => "basic expenditure",
            Term::Project => "project expenditure",
            Term::Personnel => "personnel costs",
            Term::PublicUse => "public-use costs",
            Term::Wages => "wages and benefits",
            Term::Goods => "goods and services",
            Term::Households => "grants to individuals and households",
            Term::ThreePublic => "\"three public\" expenses",
            Term::Abroad => "official travel abroad",
            Term::Reception => "official reception",
            Term::Vehicles => "official vehicles",
            Term::VehiclePurchase => "official vehicle purchase",
            Term::VehicleRunning => "official vehicle running costs",
            Term::Running => "agency running costs",
        }
    }

    /// Economic classes that appear under both 基本支出 and 项目支出: their parent is part of
    /// what they are.
    pub fn needs_parent(self) -> bool {
        matches!(self, Term::Wages | Term::Goods | Term::Households)
    }
}

/// Which money a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Not said: usually all funds of the department.
    All,
    /// 财政拨款 (general budget + government funds + state capital).
    Fiscal,
    GeneralBudget,
    GovFund,
    StateCapital,
}

impl Scope {
    fn of(text: &str) -> Scope {
        if text.contains("一般公共预算") {
            Scope::GeneralBudget
        } else if text.contains("政府性基金") {
            Scope::GovFund
        } else if text.contains("国有资本经营") {
            Scope::StateCapital
        } else if text.contains("财政拨款") {
            Scope::Fiscal
        } else {
            Scope::All
        }
    }
}

/// Which number of the year a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Stated,
    InitialBudget,
    FullYearBudget,
    Final,
}

impl Measure {
    fn of(text: &str) -> Measure {
        if text.contains("年初预算") {
            Measure::InitialBudget
        } else if text.contains("全年预算") || text.contains("调整预算") {
            Measure::FullYearBudget
        } else if text.contains("决算") {
            Measure::Final
        } else {
            Measure::Stated
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Subject {
    pub term: Term,
    pub scope: Scope,
    pub measure: Measure,
    /// 基本支出 or 项目支出, for the economic classes that occur under both.
    pub parent: Option<Term>,
    /// A year printed with the subject (2023 年…).
    pub year: Option<u16>,
}

impl Subject {
    /// Whether two statements speak of the same figure.
    pub fn same_figure(&self, other: &Subject) -> bool {
        let years = self.year.is_none() || other.year.is_none() || self.year == other.year;
        (self.term, self.scope, self.measure, self.parent) == (other.term, other.scope, other.measure, other.parent)
            && years
    }
}

/// `占基本支出预算 62.35%`.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub percent: Decimal,
    /// What the share is of, as a plain phrase (`基本支出`); empty when not said (`占71.38%`).
    pub base: String,
    /// Line of the percentage.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Line of the amount, 1-based.
    pub line: usize,
    /// The clause as printed, e.g. `2023 年本年一般公共预算基本支出 752418.26 元`.
    pub quote: String,
    /// The amount as printed, with its printed decimals.
    pub value: Decimal,
    /// 元 per printed unit.
    pub factor: Decimal,
    pub unit: &'static str,
    pub subject: Option<Subject>,
    /// A change (比上年增加 …), not a level.
    pub change: bool,
    pub share: Option<Share>,
    /// `其中` was printed since the previous amount.
    pub after_qizhong: bool,
    /// Number of the chapter (一、二、…) the statement is in.
    pub chapter: usize,
    /// The chapter's heading names a unit (`二、某某管理中心`, `一、某局本级`): its figures are
    /// that unit's, not the whole department's.
    pub unit_chapter: bool,
}

/// Words that make an amount a change or a comparison rather than a level.
const CHANGE_WORDS: &[&str] = &[
    "增加",
    "减少",
    "增长",
    "下降",
    "增减",
    "持平",
    "一致",
    "相比",
    "同比",
    "较",
    "上年",
    "去年",
    "上一年",
    "节约",
    "压减",
    "超支",
    "结余",
];

const CLAUSE_ENDS: &[char] = &['，', ',', '。', '；', ';', '：', ':', '、', '！', '？', BREAK, CHAPTER];
const SENTENCE_ENDS: &[char] = &['。', '；', ';', BREAK, CHAPTER];

/// A heading that is the name of a unit: `一、某某局本级`, `二、某某管理中心` — short, no
/// sentence in it, ending in what organisations are called.
fn names_a_unit(heading: &str) -> bool {
    const ORGANISATIONS: &[&str] = &[
        "本级",
        "局",
        "中心",
        "院",
        "所",
        "站",
        "处",
        "队",
        "室",
        "馆",
        "办公室",
        "委员会",
        "学校",
        "医院",
        "署",
        "厅",
        "机关",
    ];
    let name: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.trim_start_matches(|c: char| "一二三四五六七八九十、".contains(c));
    name.chars().count() <= 30
        && !name.contains(['，', '。', '；', ','])
        && ORGANISATIONS.iter().any(|o| name.ends_with(o))
}

/// Every amount in the prose, in order.
pub fn statements(prose: &Prose) -> Vec<Statement> {
    let chars = &prose.chars;
    let mut out: Vec<Statement> = Vec::new();
    let mut chapter = 0;
    let mut unit_chapter = false;
    let mut clause_floor = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == CHAPTER {
            chapter += 1;
            // The heading is the rest of the chapter mark's own line.
            let heading_line = prose.lines.get(i);
            let end = (i + 1..chars.len())
                .find(|&k| chars[k] == BREAK || chars[k] == CHAPTER || prose.lines.get(k) != heading_line)
                .unwrap_or(chars.len());
            unit_chapter = names_a_unit(&prose.text(i + 1..end));
        }
        let starts_number = c.is_ascii_digit() && (i == 0 || !is_number_char(chars[i - 1]));
        if !starts_number {
            i += 1;
            continue;
        }
        let Some((value, number_end)) = number_at(chars, i) else {
            i += 1;
            continue;
        };
        let unit = unit_at(chars, number_end).or_else(|| bare_zero(chars, i, number_end, value));
        let Some((unit, factor, unit_end)) = unit else {
            i = number_end.max(i + 1);
            continue;
        };
        let phrase_start =
            (clause_floor..i).rev().find(|&k| CLAUSE_ENDS.contains(&chars[k])).map_or(clause_floor, |k| k + 1);
        let since_previous = prose.text(clause_floor..i);
        let phrase = prose.text(phrase_start..i);
        let share = share_after(prose, unit_end);
        let quote_end = share.as_ref().map_or(unit_end, |(_, end)| *end);
        let change = is_change(&phrase);
        let mut subject = if change { None } else { subject_of(&phrase) };
        let share = share.map(|(s, _)| s);
        if let (Some(subject), Some(share)) = (subject.as_mut(), share.as_ref()) {
            // `基本支出 …，占一般公共预算支出的 93.52%`: the base says which money it is.
            if subject.scope == Scope::All {
                subject.scope = Scope::of(&share.base);
            }
            if subject.term.needs_parent() && subject.parent.is_none() {
                subject.parent = term_of_base(&share.base);
            }
        }
        out.push(Statement {
            line: prose.lines.get(i).copied().unwrap_or(0),
            quote: prose.text(phrase_start..quote_end).split_whitespace().collect::<Vec<_>>().join(" "),
            value,
            factor,
            unit,
            subject,
            change,
            share,
            after_qizhong: since_previous.contains("其中"),
            chapter,
            unit_chapter,
        });
        clause_floor = unit_end;
        i = unit_end;
    }
    out
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// A number starting at `start`: digits, `,` between groups of three, decimals.
pub(crate) fn number_at(chars: &[char], start: usize) -> Option<(Decimal, usize)> {
    let mut end = start;
    let mut digits = String::new();
    let mut seen_point = false;
    while let Some(&c) = chars.get(end) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ',' && !seen_point {
            let group: String = chars.get(end + 1..end + 4)?.iter().collect();
            let next_is_digit = chars.get(end + 4).is_some_and(char::is_ascii_digit);
            if !group.chars().all(|g| g.is_ascii_digit()) || next_is_digit {
                break;
            }
        } else if c == '.' && !seen_point && chars.get(end + 1).is_some_and(char::is_ascii_digit) {
            seen_point = true;
            digits.push(c);
        } else {
            break;
        }
        end += 1;
    }
    // No budget figure has more than 15 digits before the point or 6 after: longer runs (an
    // ID, a garbled line) are no amount, and bounding them keeps every sum and ratio of the
    // rules within Decimal's range.
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.len() > MAX_WHOLE_DIGITS || fraction.len() > MAX_FRACTION_DIGITS {
        return None;
    }
    Some((Decimal::from_str(&digits).ok()?, end))
}

const MAX_WHOLE_DIGITS: usize = 15;
const MAX_FRACTION_DIGITS: usize = 6;

/// `元`, `万元`, `亿元` (spaces allowed around) right after a number.
pub(crate) fn unit_at(chars: &[char], start: usize) -> Option<(&'static str, Decimal, usize)> {
    let mut k = start;
    let skip_spaces = |mut k: usize| {
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        k
    };
    k = skip_spaces(k);
    let (unit, factor) = match chars.get(k)? {
        '元' => return Some(("元", Decimal::ONE, k + 1)),
        '万' => ("万元", Decimal::from(10_000)),
        '亿' => ("亿元", Decimal::from(100_000_000)),
        _ => return None,
    };
    k = skip_spaces(k + 1);
    (chars.get(k) == Some(&'元')).then_some((unit, factor, k + 1))
}

/// `…支出预算为0；`: nothing, stated without a unit (zero is zero in any unit).
fn bare_zero(chars: &[char], start: usize, end: usize, value: Decimal) -> Option<(&'static str, Decimal, usize)> {
    let after_wei = start > 0 && chars[start - 1] == '为';
    let clause_ends = chars.get(end).is_none_or(|c| CLAUSE_ENDS.contains(c));
    (value.is_zero() && after_wei && clause_ends).then_some(("元", Decimal::ONE, end))
}

/// How far after an amount its `占…%` may stand, in characters.
const SHARE_WINDOW: usize = 80;

/// `，占一般公共预算支出的 93.52%` following an amount, within its sentence.
fn share_after(prose: &Prose, from: usize) -> Option<(Share, usize)> {
    let chars = &prose.chars;
    // A share follows its amount closely; the window also keeps long unpunctuated text linear.
    let window = chars.len().min(from + SHARE_WINDOW);
    let limit = (from..window).find(|&k| SENTENCE_ENDS.contains(&chars[k])).unwrap_or(window);
    // The share belongs to this amount only if no other amount comes first.
    let zhan = (from..limit).find(|&k| chars[k] == '占')?;
    if (from..zhan).any(|k| chars[k].is_ascii_digit()) {
        return None;
    }
    let percent_at = (zhan..limit).find(|&k| chars[k] == '%')?;
    let mut number_start = percent_at;
    while number_start > zhan && chars[number_start - 1] == ' ' {
        number_start -= 1;
    }
    let number_end = number_start;
    while number_start > zhan + 1 && (chars[number_start - 1].is_ascii_digit() || chars[number_start - 1] == '.') {
        number_start -= 1;
    }
    let percent = Decimal::from_str(&prose.text(number_start..number_end)).ok()?;
    let base_text = prose.text(zhan + 1..number_start);
    if base_text.contains(['，', ',']) {
        return None;
    }
    let base = normalise_base(&base_text);
    Some((Share { percent, base, line: prose.lines.get(number_start).copied().unwrap_or(0) }, percent_at + 1))
}

/// `一般公共预算支出的` → `一般公共预算支出`; `基本支出预算` → `基本支出`; quotes dropped.
pub fn normalise_base(text: &str) -> String {
    let mut base = plain_phrase(text);
    for suffix in ["的", "预算数", "预算"] {
        if let Some(rest) = base.strip_suffix(suffix) {
            base = rest.to_string();
        }
    }
    base
}

fn term_of_base(base: &str) -> Option<Term> {
    match base {
        "基本支出" => Some(Term::Basic),
        "项目支出" => Some(Term::Project),
        _ => None,
    }
}

/// A phrase without white space and quotes, with full-width brackets as ASCII ones: statements
/// word one subject with and without them.
fn plain_phrase(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"“”\"'‘’".contains(*c))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect()
}

fn is_change(phrase: &str) -> bool {
    CHANGE_WORDS.iter().any(|w| phrase.contains(w))
}

/// Words that only say which money or which year: what may stand before 支出 in a total.
const SCOPE_WORDS: &[&str] = &[
    "一般公共预算",
    "政府性基金预算",
    "政府性基金",
    "国有资本经营预算",
    "财政拨款",
    "拨款",
    "本年度",
    "本年",
    "年度",
    "部门",
    "单位",
    "本级",
    "年",
];

/// The subject of the words before an amount, if they name one of the vocabulary.
pub fn subject_of(phrase: &str) -> Option<Subject> {
    let text = plain_phrase(phrase);
    let text = strip_item_number(&text);
    let text = text.strip_prefix("其中").unwrap_or(text);
    let scope = Scope::of(text);
    let measure = Measure::of(text);
    let year = year_in(text);
    let mut core = text.to_string();
    let mut total = None;
    loop {
        let before = core.len();
        for suffix in ["为", "是", "共计", "共", "安排", "预算数", "预算", "决算数", "决算"] {
            if let Some(rest) = core.strip_suffix(suffix) {
                core = rest.to_string();
            }
        }
        for (suffix, grand) in [("合计", false), ("总计", true)] {
            if let Some(rest) = core.strip_suffix(suffix) {
                core = rest.to_string();
                total = Some(grand);
            }
        }
        if core.len() == before {
            break;
        }
    }
    let subject = |term, parent| Some(Subject { term, scope, measure, parent, year });
    // `因公出国(境)费支出`, `“三公”经费支出`: a 费 named as spending.
    let named =
        TERMS.iter().find(|(name, _)| core.ends_with(name)).map(|(name, term)| (core.len() - name.len(), *term));
    let named = named.or_else(|| {
        let fee = core.strip_suffix("支出")?;
        TERMS
            .iter()
            .find(|(name, _)| name.ends_with('费') && fee.ends_with(name))
            .map(|(name, term)| (fee.len() - name.len(), *term))
    });
    if let Some((prefix_len, term)) = named {
        let parent = parent_by_prefix(&core[..prefix_len], term, year)?;
        return subject(term, parent);
    }
    // `本年收入合计`, `一般公共预算财政拨款收入`: a total of income, never one source (事业收入).
    if let Some(before_income) = core.strip_suffix("收入") {
        let rest = only_scope_words(before_income, year);
        let says_total = total.is_some() || scope != Scope::All || text.contains("本年");
        let term = if total == Some(true) { Term::IncomeGrandTotal } else { Term::Income };
        return (rest.is_empty() && says_total).then_some(Subject { term, scope, measure, parent: None, year });
    }
    let before_spending = core.strip_suffix("支出")?;
    if before_spending.contains('(') || before_spending.ends_with("收入") {
        return None;
    }
    match total {
        Some(true) => subject(Term::SpendingGrandTotal, None),
        Some(false) => subject(Term::Spending, None),
        // Without 合计, only scope words may precede: `一般公共预算财政拨款支出`, not `教育支出`.
        None => {
            let rest = only_scope_words(before_spending, year);
            // `支出决算为` alone is what a 项 sentence says of that 项, not the total.
            let says_total = scope != Scope::All || text.contains("本年");
            (rest.is_empty() && says_total).then_some(Subject {
                term: Term::Spending,
                scope,
                measure,
                parent: None,
                year,
            })
        }
    }
}

/// What is left of `words` once the year and the scope words are taken out.
/// What the words before a named subject make of it: None when another subject (`其他…`, a
/// class `(类)`), else the subject it is part of, if any (`项目支出中商品和服务支出`).
fn parent_by_prefix(prefix: &str, term: Term, year: Option<u16>) -> Option<Option<Term>> {
    if prefix.ends_with("其他") || prefix.contains("(类)") || prefix.contains("(款)") || prefix.contains("(项)") {
        return None;
    }
    // `信息系统运维服务项目支出`: one project's spending. The department's 项目支出 is named by
    // scope and year words only (`2026年一般公共预算项目支出`, `其中项目支出`).
    let qualifier = only_scope_words(prefix, year).replace('年', "");
    if term == Term::Project && qualifier.chars().last().is_some_and(|c| !"中的和及与、".contains(c)) {
        return None;
    }
    if !term.needs_parent() {
        return Some(None);
    }
    Some(if prefix.contains("项目支出") {
        Some(Term::Project)
    } else if prefix.contains("基本支出") {
        Some(Term::Basic)
    } else {
        None
    })
}

fn only_scope_words(words: &str, year: Option<u16>) -> String {
    let mut rest = words.to_string();
    if let Some(y) = year {
        rest = rest.replace(&y.to_string(), "");
    }
    for word in SCOPE_WORDS {
        rest = rest.replace(word, "");
    }
    rest
}

/// Drops `1.`, `(一)`, `（2）` before a subject.
fn strip_item_number(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            let inner = &rest[..close];
            if inner.chars().count() <= 3
                && inner.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
            {
                return &rest[close + 1..];
            }
        }
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 3 {
        let rest = &text[digits..];
        for mark in ['.', '、'] {
            if let Some(rest) = rest.strip_prefix(mark) {
                return rest;
            }
        }
    }
    text
}

/// `2023年…` → 2023.
pub(crate) fn year_in(text: &str) -> Option<u16> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|k| {
        let digits: String = chars.get(k..k + 4)?.iter().collect();
        let starts = k == 0 || !chars[k - 1].is_ascii_digit();
        (starts && chars.get(k + 4) == Some(&'年') && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::super::prose::prose;
    use super::*;

    fn read(text: &str) -> Vec<Statement> {
        statements(&prose(text, |_| false))
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn subjects_of_the_vocabulary_with_scope_measure_and_year() {
        let s = subject_of("2023 年本年一般公共预算基本支出").unwrap();
        assert_eq!(
            (s.term, s.scope, s.measure, s.year),
            (Term::Basic, Scope::GeneralBudget, Measure::Stated, Some(2023))
        );
        assert_eq!(subject_of("1. 基本支出预算").map(|s| (s.term, s.scope)), Some((Term::Basic, Scope::All)));
        assert_eq!(subject_of("（一）人员经费").map(|s| s.term), Some(Term::Personnel));
        assert_eq!(subject_of("其中:本年支出预算合计").map(|s| s.term), Some(Term::Spending));
        assert_eq!(
            subject_of("一般公共预算财政拨款支出").map(|s| (s.term, s.scope)),
            Some((Term::Spending, Scope::GeneralBudget))
        );
        assert_eq!(subject_of("2026 年“三公”经费预算").map(|s| s.term), Some(Term::ThreePublic));
        assert_eq!(
            subject_of("2026 年一般公共预算财政拨款收入").map(|s| (s.term, s.scope, s.year)),
            Some((Term::Income, Scope::GeneralBudget, Some(2026)))
        );
        assert_eq!(subject_of("收入预算总计").map(|s| s.term), Some(Term::IncomeGrandTotal));
        assert_eq!(subject_of("本年收入合计").map(|s| (s.term, s.scope)), Some((Term::Income, Scope::All)));
        assert_eq!(subject_of("项目支出中商品和服务支出").and_then(|s| s.parent), Some(Term::Project));
        assert_eq!(subject_of("因公出国（境）费支出").map(|s| s.term), Some(Term::Abroad));
        assert_eq!(subject_of("2021年全区一般公共预算中“三公”经费支出预算为").map(|s| s.term), Some(Term::ThreePublic));
    }

    #[test]
    fn class_names_other_items_and_combined_totals_are_not_subjects() {
        for phrase in [
            "一般公共服务支出",
            "教育支出",
            "支出决算为",
            "其他商品和服务支出",
            "收入支出总计",
            "一般公共服务支出(类)",
            "年初预算为",
            "事业收入",
            "其他收入",
            "收入预算",
            "信息系统运维服务项目支出",
        ] {
            assert_eq!(subject_of(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn amounts_units_shares_and_changes() {
        let s = read("1. 基本支出预算 752418.26 元,占一般公共预算支出的\n93.52%,同比减少 128340.5 元,下降 14.57 %。其中:\n工资福利支出预算 604937.18 元");
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].value, s[0].unit, s[0].line), (d("752418.26"), "元", 1));
        assert_eq!(s[0].quote, "1. 基本支出预算 752418.26 元,占一般公共预算支出的93.52%");
        let share = s[0].share.clone().unwrap();
        assert_eq!((share.percent, share.base.as_str(), share.line), (d("93.52"), "一般公共预算支出", 2));
        assert_eq!(s[0].subject.map(|s| (s.term, s.scope)), Some((Term::Basic, Scope::GeneralBudget)));
        assert!(s[1].change && s[1].subject.is_none() && s[1].share.is_none());
        assert!(s[2].after_qizhong);
        assert_eq!(s[2].subject.map(|s| s.term), Some(Term::Wages));
    }

    #[test]
    fn wan_yuan_with_thousands_separators_and_split_units() {
        let s = read("一般公共预算拨款 17,326.45 万元，政府性基金预算支出 612.38 万 元，2026 年，12,34 元");
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].value, s[0].factor), (d("17326.45"), d("10000")));
        assert_eq!(s[0].value.scale(), 2);
        assert_eq!(s[1].unit, "万元");
    }

    #[test]
    fn nothing_stated_without_a_unit() {
        let s = read("一般公共预算拨款支出12,026万元；政府性基金拨款支出预算为0；增长率为0%，编号为0。");
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].subject.map(|s| (s.term, s.scope)), Some((Term::Spending, Scope::GovFund)));
        assert!(s[1].value.is_zero());
        assert_eq!(s[2].subject, None);
    }

    #[test]
    fn a_share_belongs_to_the_amount_right_before_it() {
        let s = read("支出 100 万元，比上年增加 5 万元，占 10%；");
        assert!(s[0].share.is_none());
        assert_eq!(s[1].share.as_ref().map(|s| s.percent), Some(d("10")));
    }
}
