use super::glyphs::{Glyph, PageGlyphs};
use super::lines::{column_unit, page_text};

fn glyph(text: &str, x0: f64, baseline: f64) -> Glyph {
    let width = if text.is_ascii() { 5.0 } else { 10.0 };
    Glyph { text: text.into(), x0, x1: x0 + width, baseline, size: 10.0 }
}

fn word(text: &str, x0: f64, baseline: f64) -> Vec<Glyph> {
    let mut x = x0;
    text.chars()
        .map(|c| {
            let g = glyph(&c.to_string(), x, baseline);
            x = g.x1;
            g
        })
        .collect()
}

#[test]
fn glyphs_on_one_baseline_make_a_line_with_columns_kept_apart() {
    let mut glyphs = word("合计", 50.0, 100.0);
    glyphs.extend(word("1,234.56", 200.0, 100.4));
    glyphs.extend(word("12.00", 300.0, 100.0));
    glyphs.extend(word("办公费", 50.0, 115.0));
    glyphs.extend(word("3.00", 305.0, 115.0));
    glyphs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x0.total_cmp(&b.x0)));
    let page = PageGlyphs { glyphs, images: 0 };
    let text = page_text(&page, column_unit(std::slice::from_ref(&page)));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["合计", "1,234.56", "12.00"]);
    // Right edges of the figures line up: 12.00 and 3.00 end in the same column.
    assert_eq!(lines[0].chars().count(), lines[1].chars().count(), "{text}");
}

#[test]
fn a_wide_gap_is_at_least_two_spaces_and_touching_glyphs_one_word() {
    let mut glyphs = word("项目", 0.0, 10.0);
    glyphs.extend(word("预算数", 30.0, 10.0));
    let page = PageGlyphs { glyphs, images: 0 };
    let text = page_text(&page, column_unit(std::slice::from_ref(&page)));
    assert_eq!(text, "项目    预算数\n");
}
