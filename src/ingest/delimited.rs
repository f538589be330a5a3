//! Comma-separated uploads (.csv as Excel and WPS save them): quote-aware, so `"1,234.50"` and
//! cells with line breaks stay one cell; rewritten as tab-separated rows.

/// The rows of a CSV text as tab-separated lines. A record the parser rejects ends the reading
/// with the line where it stopped.
pub fn csv_to_tsv(text: &str) -> Result<String, (u64, String)> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| (e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let cells: Vec<String> = record.iter().map(|c| c.replace(['\t', '\r', '\n'], " ").trim().to_string()).collect();
        lines.push(cells.join("\t"));
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_commas_and_line_breaks_stay_in_their_cell() {
        let tsv = csv_to_tsv("项目,金额\n\"合计\",\"1,234.50\"\n\"一般\n公共\",5\n").unwrap();
        assert_eq!(tsv, "项目\t金额\n合计\t1,234.50\n一般 公共\t5");
    }
}
