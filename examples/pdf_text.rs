//! Prints the text the checker reads from a PDF (pages as whitespace-aligned lines, separated
//! by form feeds), to compare with `pdftotext -layout` or to see why a table was not read.
//!
//! `cargo run --release --example pdf_text FILE.pdf`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    match budget_check::ingest::pdf::pdf_text(&bytes) {
        Ok(pdf) => {
            print!("{}", pdf.text);
            for (_, en) in pdf.notes {
                eprintln!("{en}");
            }
        }
        Err(e) => {
            eprintln!("{path}: {e:?}");
            std::process::exit(2);
        }
    }
}
