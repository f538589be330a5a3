//! The glyphs a PDF page draws, with their text and position, through hayro's interpreter.

use super::{PdfError, MAX_PAGES};
use hayro_interpret::font::{Glyph as FontGlyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache,
    InterpreterSettings, SoftMask,
};

/// Most glyphs kept from one page: a dense A3 table page draws a few thousand.
const MAX_GLYPHS_PER_PAGE: usize = 100_000;

/// One glyph as drawn: its text, its left and right edge and its baseline in points from the
/// page's top-left corner, and its font size.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub baseline: f64,
    pub size: f64,
}

/// What one page draws: its upright glyphs and how many images.
#[derive(Debug, Default)]
pub struct PageGlyphs {
    pub glyphs: Vec<Glyph>,
    pub images: usize,
}

/// Every page's glyphs, in page order.
pub(super) fn read_pages(bytes: &[u8]) -> Result<Vec<PageGlyphs>, PdfError> {
    if !bytes.starts_with(b"%PDF") && !bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::Unreadable("no %PDF header".into()));
    }
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| PdfError::Unreadable(format!("{e:?}")))?;
    let cache = InterpreterCache::new();
    let pages = pdf.pages();
    let mut out = Vec::with_capacity(pages.len().min(MAX_PAGES));
    for page in pages.iter().take(MAX_PAGES) {
        let settings = InterpreterSettings::default();
        let mut context = Context::new(Affine::IDENTITY, Rect::new(0.0, 0.0, 1.0, 1.0), &cache, pdf.xref(), settings);
        let (_, height) = page.render_dimensions();
        let mut collector = Collector { height: f64::from(height), page: PageGlyphs::default() };
        interpret_page(page, &mut context, &mut collector);
        collector.page.glyphs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x0.total_cmp(&b.x0)));
        collector.page.glyphs.dedup_by(|b, a| a.text == b.text && same_place(a, b));
        out.push(collector.page);
    }
    Ok(out)
}

/// Fake bold draws a glyph twice (fill, then stroke) at one place: one of them is kept.
fn same_place(a: &Glyph, b: &Glyph) -> bool {
    (a.x0 - b.x0).abs() < 0.5 && (a.baseline - b.baseline).abs() < 0.5
}

/// A device that keeps glyphs and counts images, and draws nothing.
struct Collector {
    height: f64,
    page: PageGlyphs,
}

impl Collector {
    fn keep(&mut self, glyph: &FontGlyph<'_>, transform: Affine) {
        let [a, b, c, d, _, _] = transform.as_coeffs();
        // Upright text only: rotated stamps and vertical captions are not table cells.
        if a <= 0.0 || b.abs() > a * 0.01 || c.abs() > d.abs() * 0.01 || d <= 0.0 {
            return;
        }
        let text = match glyph.as_unicode() {
            Some(BfString::Char(ch)) => ch.to_string(),
            Some(BfString::String(s)) => s,
            None => return,
        };
        if text.chars().all(char::is_whitespace) || self.page.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
            return;
        }
        let origin = transform * Point::ZERO;
        // Glyph space is 1000 units an em; the transform scales it to points.
        let size = d * 1000.0;
        let advance = match glyph {
            FontGlyph::Outline(outline) => outline.advance_width(),
            FontGlyph::Type3(type3) => type3.advance_width(),
        };
        let width = advance.map_or(0.0, |w| f64::from(w) * a).max(0.0);
        let width = if width > 0.0 { width } else { fallback_width(&text, size) };
        self.page.glyphs.push(Glyph {
            text,
            x0: origin.x,
            x1: origin.x + width,
            baseline: self.height - origin.y,
            size,
        });
    }
}

/// A glyph without a known advance: a wide (CJK) character takes an em, any other half.
fn fallback_width(text: &str, size: f64) -> f64 {
    if text.chars().any(|c| c as u32 >= 0x2E80) {
        size
    } else {
        size / 2.0
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        if matches!(mode, DrawMode::Stroke(_)) {
            return; // the outline of fake bold: its fill was kept
        }
        for glyph in run.glyphs() {
            self.keep(glyph, props.transform * glyph.transform());
        }
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.page.images += 1;
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
