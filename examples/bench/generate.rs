//! A generated 一般公共预算财政拨款支出表 of any size, for the benchmark and the size tests: a title
//! line, 单位：万元, the header 科目编码/科目名称/合计/基本支出/项目支出, a 合计 row, then unique
//! 类 (3-digit) / 款 (5-digit) / 项 (7-digit) codes in an exact hierarchy with two-decimal figures
//! (each 类 and 款 is the sum of its children, each 合计 the sum of 基本支出 and 项目支出).

/// 款 under each 类 and 项 under each 款: 类 201, 202, … of 1231 rows each; 100k rows reach 类 282.
const KUAN_PER_LEI: u32 = 30;
const XIANG_PER_KUAN: u32 = 40;
/// 类 codes are 201…299 (expenditure by function).
const FIRST_LEI: u32 = 201;
const LEIS: u32 = 99;

/// One generated row: code and (基本支出, 项目支出) in cents.
struct Row {
    code: String,
    basic: i64,
    project: i64,
}

/// A small deterministic generator of figures (no dependency, same document every run).
struct Figures(u64);

impl Figures {
    fn next_cents(&mut self) -> i64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % 100_000) as i64
    }
}

fn cents(value: i64) -> String {
    format!("{}.{:02}", value / 100, value % 100)
}

/// A tab-separated document with `rows` subject rows (plus title, unit, header and 合计).
pub fn expenditure_table(rows: usize) -> String {
    assert!(rows <= (LEIS * (1 + KUAN_PER_LEI * (1 + XIANG_PER_KUAN))) as usize, "too many rows for unique codes");
    let mut figures = Figures(rows as u64);
    let mut out: Vec<Row> = Vec::with_capacity(rows);
    let mut lei = FIRST_LEI - 1;
    while out.len() < rows {
        lei += 1;
        let lei_at = out.len();
        out.push(Row { code: lei.to_string(), basic: 0, project: 0 });
        for kuan in 1..=KUAN_PER_LEI {
            if out.len() >= rows {
                break;
            }
            let kuan_at = out.len();
            out.push(Row { code: format!("{lei}{kuan:02}"), basic: 0, project: 0 });
            let mut xiang = 0;
            while xiang < XIANG_PER_KUAN && out.len() < rows {
                xiang += 1;
                let (basic, project) = (figures.next_cents(), figures.next_cents());
                out.push(Row { code: format!("{lei}{kuan:02}{xiang:02}"), basic, project });
            }
            if xiang == 0 {
                // A 款 without 项 is a leaf and carries its own figures.
                out[kuan_at].basic = figures.next_cents();
                out[kuan_at].project = figures.next_cents();
            } else {
                out[kuan_at].basic = out[kuan_at + 1..].iter().map(|r| r.basic).sum();
                out[kuan_at].project = out[kuan_at + 1..].iter().map(|r| r.project).sum();
            }
        }
        let kuan_rows = out[lei_at + 1..].iter().filter(|r| r.code.len() == 5);
        let (basic, project) = kuan_rows.fold((0, 0), |(b, p), r| (b + r.basic, p + r.project));
        if out.len() > lei_at + 1 {
            out[lei_at].basic = basic;
            out[lei_at].project = project;
        } else {
            out[lei_at].basic = figures.next_cents();
            out[lei_at].project = figures.next_cents();
        }
    }
    let lei_rows = out.iter().filter(|r| r.code.len() == 3);
    let (basic, project) = lei_rows.fold((0, 0), |(b, p), r| (b + r.basic, p + r.project));
    let mut text = String::with_capacity(rows * 48 + 200);
    text.push_str("示例单位 一般公共预算财政拨款支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n");
    text.push_str(&format!("合计\t\t{}\t{}\t{}\n", cents(basic + project), cents(basic), cents(project)));
    for row in &out {
        let name = match row.code.len() {
            3 => "类级支出科目",
            5 => "款级支出科目",
            _ => "项级支出科目",
        };
        let total = row.basic + row.project;
        text.push_str(&format!(
            "{}\t{name}{}\t{}\t{}\t{}\n",
            row.code,
            row.code,
            cents(total),
            cents(row.basic),
            cents(row.project)
        ));
    }
    text
}
