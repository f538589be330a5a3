//! Comma-separated uploads (.csv as Excel and WPS save them): quote-aware, so `"1,234.50"` and
//! cells with line breaks stay one cell; rewritten as tab-separated rows.
//!
//! A quote that is opened and never closed would make the rest of the file one cell. It is
//! found first: the lines before it are read with quotes, the rest with quotes as plain
//! characters, and the caller is told the line.

/// The rows of a CSV text as tab-separated lines, and the line of a quote left open, if any.
/// A record the parser rejects ends the reading with the line where it stopped.
pub fn csv_to_tsv(text: &str) -> Result<(String, Option<usize>), (u64, String)> {
    let Some((line, at)) = open_quote(text) else { return Ok((rows(text, true)?, None)) };
    let mut tsv = rows(&text[..at], true)?;
    let rest = rows(&text[at..], false)?;
    if !tsv.is_empty() && !rest.is_empty() {
        tsv.push('\n');
    }
    tsv.push_str(&rest);
    Ok((tsv, Some(line)))
}

fn rows(text: &str, quoting: bool) -> Result<String, (u64, String)> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).quoting(quoting).from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| (e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let cells: Vec<String> = record.iter().map(|c| c.replace(['\t', '\r', '\n'], " ").trim().to_string()).collect();
        lines.push(cells.join("\t"));
    }
    Ok(lines.join("\n"))
}

/// The 1-based line and byte offset of that line's start where a quoted cell opens that
/// never closes, read as the csv crate reads quotes (a quote opens a cell only at its start,
/// `""` inside a quoted cell is a quote).
fn open_quote(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut line, mut line_start) = (1, 0);
    let mut opened: Option<(usize, usize)> = None;
    let mut cell_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if opened.is_some() {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    opened = None;
                    cell_start = false;
                }
            }
        } else if b == b'"' && cell_start {
            opened = Some((line, line_start));
        } else {
            cell_start = matches!(b, b',' | b'\n' | b'\r');
        }
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
        i += 1;
    }
    opened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_commas_and_line_breaks_stay_in_their_cell() {
        let (tsv, open) = csv_to_tsv("项目,金额\n\"合计\",\"1,234.50\"\n\"一般\n公共\",5\n").unwrap();
        assert_eq!(tsv, "项目\t金额\n合计\t1,234.50\n一般 公共\t5");
        assert_eq!(open, None);
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_line_and_the_rest_still_read() {
        let (tsv, open) = csv_to_tsv("项目,金额\n\"合计,1234.50\n一般,5\n公共,6\n").unwrap();
        assert_eq!(open, Some(2));
        assert_eq!(tsv, "项目\t金额\n\"合计\t1234.50\n一般\t5\n公共\t6");
    }
}
