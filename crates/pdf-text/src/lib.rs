//! PDF files, read from the glyphs their pages draw: one crate for the command line (linked in)
//! and the page (built alone as the on-demand module `pdf-text.wasm`, see `crates/pdf-wasm`), so
//! both read a PDF into exactly the same text.
//!
//! Every glyph with its Unicode text (ToUnicode maps, CID fonts) and its place on the page comes
//! from [`glyphs`]; [`lines`] sets them out as whitespace-aligned text, one character column per
//! half of the body font's em, so the same layout reader reads a PDF and a pasted
//! `pdftotext -layout` text. Pages that draw images and no text (scans) are named, never guessed.

#[cfg(feature = "read")]
mod glyphs;
#[cfg(feature = "read")]
mod lines;
pub mod wire;

#[cfg(feature = "read")]
pub use glyphs::PageGlyphs;

/// Most pages a PDF may have before the rest is left out (a disclosure has well under 200).
pub const MAX_PAGES: usize = 2_000;

/// The text of a PDF as the layout reader reads it, with notes on what could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfText {
    pub text: String,
    pub notes: Vec<(String, String)>,
}

/// Why a PDF gave no text at all.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// Not a PDF, damaged beyond repair, or encrypted.
    Unreadable(String),
    /// Every page is an image or blank: a scan, with no text to check.
    NoText { pages: usize, image_pages: usize },
}

/// Reads the text of every page of a PDF, pages separated by form feeds as `pdftotext` does.
#[cfg(feature = "read")]
pub fn pdf_text(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let pages = glyphs::read_pages(bytes)?;
    let mut notes = Vec::new();
    let image_only: Vec<usize> =
        pages.iter().enumerate().filter(|(_, p)| p.glyphs.is_empty() && p.images > 0).map(|(i, _)| i + 1).collect();
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(PdfError::NoText { pages: pages.len(), image_pages: image_only.len() });
    }
    if !image_only.is_empty() {
        let list = page_list(&image_only);
        notes.push((
            format!("第 {list} 页只有图像、没有文字（扫描件？），未能读取，请核对这些页"),
            format!("page(s) {list} hold only images and no text (scanned?); they were not read — check them by eye"),
        ));
    }
    let unit = lines::column_unit(&pages);
    let text = pages.iter().map(|page| lines::page_text(page, unit)).collect::<Vec<_>>().join("\u{c}");
    Ok(PdfText { text, notes })
}

/// `3、5、7` for a short list, `3–40（共 38 页）` style ranges kept short for long ones.
#[cfg(feature = "read")]
fn page_list(pages: &[usize]) -> String {
    if pages.len() <= 8 {
        return pages.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
    }
    let shown: Vec<String> = pages[..6].iter().map(usize::to_string).collect();
    format!("{} … ({} pages)", shown.join(", "), pages.len())
}

#[cfg(all(test, feature = "read"))]
mod tests;
