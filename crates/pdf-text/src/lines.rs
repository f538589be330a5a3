//! A page's glyphs set out as text lines: glyphs sharing a baseline make a line; each glyph
//! stands at the character column its left edge falls on, counted in half-ems of the
//! document's body font (one scale for every page, so a table continued on a page with less
//! text keeps its columns), and columns of figures line up as they do on paper.

use super::glyphs::{Glyph, PageGlyphs};

/// The page as whitespace-aligned lines, ending with a line break; `unit` is the width of one
/// character column (see [`column_unit`]).
pub(super) fn page_text(page: &PageGlyphs, unit: f64) -> String {
    let mut out = String::new();
    let mut previous: Option<(f64, f64)> = None; // baseline and font size of the last line
    for line in baseline_lines(&page.glyphs) {
        let (baseline, size) = (line[0].baseline, line_size(&line));
        if let Some((last, last_size)) = previous {
            let pitch = 1.25 * last_size.max(size);
            let blank = ((baseline - last) / pitch - 0.6).floor().clamp(0.0, 2.0) as usize;
            out.extend(std::iter::repeat_n('\n', blank));
        }
        out.push_str(&line_text(&line, unit));
        out.push('\n');
        previous = Some((baseline, size));
    }
    out
}

/// One character column: half the size most glyphs of the document are printed in (the table
/// body, not titles).
pub(super) fn column_unit(pages: &[PageGlyphs]) -> f64 {
    body_size(pages.iter().flat_map(|p| &p.glyphs)) / 2.0
}

fn body_size<'a>(glyphs: impl Iterator<Item = &'a Glyph>) -> f64 {
    let mut sizes: Vec<f64> = glyphs.map(|g| g.size).filter(|s| *s > 1.0).collect();
    if sizes.is_empty() {
        return 10.0;
    }
    sizes.sort_by(f64::total_cmp);
    sizes[sizes.len() / 2]
}

fn line_size(line: &[&Glyph]) -> f64 {
    line.iter().map(|g| g.size).fold(0.0, f64::max)
}

/// Glyphs grouped into lines by baseline (the glyphs come sorted by baseline), each line
/// sorted left to right.
fn baseline_lines(glyphs: &[Glyph]) -> Vec<Vec<&Glyph>> {
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (glyph.baseline - line[0].baseline).abs() <= 0.3 * glyph.size.min(line[0].size) => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// One line's glyphs as text: touching glyphs make a word; a word space stays one space; a wider
/// gap becomes spaces up to the column the next glyph's left edge falls on, two at least.
fn line_text(line: &[&Glyph], unit: f64) -> String {
    let mut text = String::new();
    let mut column = 0usize;
    let mut last_right: Option<f64> = None;
    for glyph in line {
        let target = (glyph.x0 / unit).round().max(0.0) as usize;
        let spaces = match last_right {
            None => target,
            Some(right) => {
                let gap = glyph.x0 - right;
                if gap < 0.2 * glyph.size {
                    0
                } else if gap < 0.6 * glyph.size {
                    // A space between words: one, however large the font (a title stays one chunk).
                    1
                } else {
                    target.saturating_sub(column).max(2)
                }
            }
        };
        text.extend(std::iter::repeat_n(' ', spaces));
        text.push_str(&glyph.text);
        column += spaces + glyph.text.chars().count();
        last_right = Some(glyph.x1.max(glyph.x0));
    }
    text
}
