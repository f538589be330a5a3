//! Text copied from a PDF viewer (select all, copy): cells kept apart by one space, empty
//! cells gone, figures of neighbouring cells sometimes run together. Which figure stood in which
//! column cannot be told from it; the reader says so instead of reading nothing silently.

/// Many lines hold two figures or more kept apart by single spaces, and almost no line keeps
/// columns apart by runs of spaces or tabs.
pub fn looks_viewer_copied(text: &str) -> bool {
    let mut single_spaced = 0;
    let mut aligned = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.contains('\t') || line.contains("  ") || line.contains('\u{3000}') {
            aligned += 1;
            continue;
        }
        let figures = line.split(' ').filter(|w| is_figure(w)).count();
        if figures >= 2 {
            single_spaced += 1;
        }
    }
    single_spaced >= 5 && single_spaced > aligned * 2
}

/// `1,234.56`, `12.00`, `0.00`: an amount as tables print it.
fn is_figure(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    digits > 0 && word.contains('.') && word.chars().all(|c| c.is_ascii_digit() || ",.-".contains(c))
}

#[cfg(test)]
mod tests {
    use super::looks_viewer_copied;

    #[test]
    fn single_spaced_figures_are_a_viewer_copy_and_aligned_columns_are_not() {
        let copied = "合计 1,234.00 1,000.00 234.00\n".repeat(6);
        assert!(looks_viewer_copied(&copied));
        let aligned = "合计      1,234.00    1,000.00    234.00\n".repeat(6);
        assert!(!looks_viewer_copied(&aligned));
        assert!(!looks_viewer_copied("合计\t1.00\t2.00\n"));
    }
}
