//! .csv and .xlsx import: bytes in, a [`Table`] of text cells (a header row and data rows) out.
//!
//! Survey exports and case lists arrive as CSV from every tool and locale (comma, semicolon or tab
//! separated; UTF-8 with or without BOM, UTF-16, or Windows-1252 from Excel) and as Excel workbooks.
//! Both become the same `Table`: unique, non-empty header names, every row as wide as the header. The
//! import layer (`table_documents`) then makes each row a source or the whole table one source.

use std::collections::HashSet;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, Reader, Xlsx, XlsxError};

use super::ImportError;
use crate::text::normalize_str;

/// Records looked at to guess the CSV delimiter.
const SNIFF_RECORDS: usize = 5;
/// Bytes looked at to guess the CSV delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// Delimiters recognised, in order of preference when the evidence is equal.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];
/// Most cells (rows times columns, short rows padded) a table may have: about 50 MB of empty cells, far
/// beyond a survey export, yet it stops a small file with one very long row and many short ones (or two
/// far-apart spreadsheet cells) from asking for gigabytes.
const MAX_CELLS: usize = 2_000_000;

/// A table of text cells with a header row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Column names: non-empty (`column N` where the file has none) and unique (`answer (2)`).
    pub headers: Vec<String>,
    /// Rows of cells, in header order, each exactly as long as `headers` (short rows are padded).
    pub rows: Vec<Vec<String>>,
    /// The encoding the table was decoded from.
    pub encoding: String,
}

/// Reads CSV: decoded as text, delimiter guessed, first record as the header.
pub(super) fn read_csv(bytes: &[u8]) -> Result<Table, ImportError> {
    let (text, encoding) = super::decode_text(bytes)?;
    // Line breaks inside quoted cells end up in the answers: make them "\n" like every other text.
    let text = if encoding == "UTF-8" { text } else { normalize_str(&text) };
    let (delimiter, body) = match excel_separator_line(&text) {
        Some((delimiter, body)) => (delimiter, body),
        None => (sniff_delimiter(&text), text.as_str()),
    };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(body.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Malformed(format!("it is not readable as CSV ({e})")))?;
        records.push(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    let mut records = records.into_iter();
    let header = records.next().ok_or_else(|| ImportError::NoText("the CSV file has no rows".into()))?;
    build(header, records.collect(), encoding.to_string())
}

/// Excel's `sep=;` first line, which names the delimiter, and the text after it.
fn excel_separator_line(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let sep = first.trim_end().strip_prefix("sep=")?;
    let &[d] = sep.as_bytes() else { return None };
    DELIMITERS.contains(&d).then_some((d, rest))
}

/// The delimiter whose count is the same, and not zero, in each of the first records (counting only
/// outside quotes); failing that, the one most frequent in the header; failing that, a comma.
fn sniff_delimiter(text: &str) -> u8 {
    let records: Vec<Vec<u8>> = first_records(text).into_iter().filter(|r| !r.iter().all(u8::is_ascii_whitespace)).collect();
    let score = |d: u8| {
        let counts: Vec<usize> = records.iter().map(|r| r.iter().filter(|&&b| b == d).count()).collect();
        let header = counts.first().copied().unwrap_or(0);
        let consistent = header > 0 && counts.iter().all(|&c| c == header);
        (consistent, header)
    };
    let mut best = (b',', score(b','));
    for d in DELIMITERS {
        let s = score(d);
        if s > best.1 {
            best = (d, s);
        }
    }
    best.0
}

/// The bytes outside quotes of the first few records (a quoted field may hold line breaks and delimiters).
fn first_records(text: &str) -> Vec<Vec<u8>> {
    let mut records = vec![Vec::new()];
    let mut quoted = false;
    for &b in text.as_bytes().iter().take(SNIFF_BYTES) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                if records.len() == SNIFF_RECORDS {
                    break;
                }
                records.push(Vec::new());
            }
            _ if !quoted => records.last_mut().into_iter().for_each(|r| r.push(b)),
            _ => {}
        }
    }
    // A file cut off inside the sniffed bytes leaves a partial last record that would spoil the count.
    if records.len() > 1 && text.len() > SNIFF_BYTES {
        records.pop();
    }
    records
}

/// Reads the first worksheet of an XLSX workbook: its first used row is the header.
pub(super) fn read_xlsx(bytes: &[u8]) -> Result<Table, ImportError> {
    // calamine inflates entries without Thicket's limits: check the archive against them first.
    drop(super::archive::open(bytes, "an .xlsx workbook")?);
    // calamine has panicked on damaged workbooks before; a bad file must give an error, not end the app.
    let cells = catch_unwind(AssertUnwindSafe(|| first_sheet_cells(bytes))).map_err(|_| {
        ImportError::Malformed("the .xlsx workbook is damaged (the spreadsheet reader failed on it)".into())
    })??;
    grid(cells)
}

/// The non-empty cells of the first worksheet as (row, column, text), streamed rather than read as a
/// calamine `Range`: a range is allocated densely from its corner cells, so two cells at A1 and XFD1048576
/// would ask for billions of cells before any limit could be checked.
fn first_sheet_cells(bytes: &[u8]) -> Result<Vec<(u32, u32, String)>, ImportError> {
    let damaged = |e: XlsxError| ImportError::Malformed(format!("it is not a readable .xlsx workbook ({e})"));
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut cells = Vec::new();
    for name in workbook.sheet_names() {
        let mut reader = match workbook.worksheet_cells_reader(&name) {
            Ok(reader) => reader,
            // Chart sheets have no cells: the first worksheet is the one that counts.
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(damaged(e)),
        };
        while let Some(cell) = reader.next_cell().map_err(damaged)? {
            let (row, col) = cell.get_position();
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if !text.is_empty() {
                cells.push((row, col, text));
            }
        }
        return Ok(cells);
    }
    Err(ImportError::NoText("the workbook has no worksheets".into()))
}

/// The cells laid out from the top-left used cell to the bottom-right one; the first row is the header.
fn grid(cells: Vec<(u32, u32, String)>) -> Result<Table, ImportError> {
    let bounds = |f: fn(&(u32, u32, String)) -> u32| (cells.iter().map(f).min(), cells.iter().map(f).max());
    let ((Some(top), Some(bottom)), (Some(left), Some(right))) = (bounds(|c| c.0), bounds(|c| c.1)) else {
        return Err(ImportError::NoText("the first worksheet is empty".into()));
    };
    let (height, width) = ((bottom - top) as usize + 1, (right - left) as usize + 1);
    check_cells(height, width)?;
    let mut grid = vec![vec![String::new(); width]; height];
    for (row, col, text) in cells {
        if let Some(cell) = grid.get_mut((row - top) as usize).and_then(|r| r.get_mut((col - left) as usize)) {
            *cell = text;
        }
    }
    let mut rows = grid.into_iter();
    let header = rows.next().unwrap_or_default();
    build(header, rows.collect(), "UTF-8".into())
}

/// Refuses tables whose padded grid would be too big to hold, however few cells the file really has.
fn check_cells(rows: usize, columns: usize) -> Result<(), ImportError> {
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(ImportError::TooLarge(format!(
            "the table spans {rows} rows by {columns} columns, over the limit of {MAX_CELLS} cells"
        )));
    }
    Ok(())
}

/// A cell as the user sees it: whole numbers without ".0", dates as `YYYY-MM-DD`, booleans as words.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => normalize_str(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_duration() => number_text(dt.as_f64()),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _ms) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// `3` rather than `3.0`; other numbers in Rust's shortest round-trip form (`0.1`, not `0.1000000001`).
fn number_text(f: f64) -> String {
    // Beyond 2^53 floats are not exact integers any more; print them as they are.
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// A table from a header record and data records: names made usable, rows made as wide as the widest.
fn build(header: Vec<String>, mut rows: Vec<Vec<String>>, encoding: String) -> Result<Table, ImportError> {
    let width = rows.iter().map(Vec::len).chain(std::iter::once(header.len())).max().unwrap_or(0).max(1);
    check_cells(rows.len() + 1, width)?;
    let headers = header_names(header, width);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    Ok(Table { headers, rows, encoding })
}

/// Header names trimmed (and of a stray BOM), `column N` for missing ones, duplicates numbered.
fn header_names(header: Vec<String>, width: usize) -> Vec<String> {
    let mut names: Vec<String> = header
        .into_iter()
        .map(|h| h.trim_start_matches('\u{feff}').split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    names.resize(width, String::new());
    let mut taken: HashSet<String> = HashSet::new();
    let mut unique = Vec::with_capacity(width);
    for (i, name) in names.into_iter().enumerate() {
        let base = if name.is_empty() { format!("column {}", i + 1) } else { name };
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate.to_lowercase()) {
            candidate = format!("{base} ({n})");
            n += 1;
        }
        taken.insert(candidate.to_lowercase());
        unique.push(candidate);
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextError;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn comma_csv_with_bom_quotes_and_line_breaks() {
        let csv = "\u{feff}id,role,answer\r\nr1,mother,\"She came, she listened.\r\nThen she said \"\"we'll see\"\".\"\r\nr2,father,Fine\r\n";
        let t = read_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.headers, strings(&["id", "role", "answer"]));
        assert_eq!(t.rows[0], strings(&["r1", "mother", "She came, she listened.\nThen she said \"we'll see\"."]));
        assert_eq!(t.rows[1], strings(&["r2", "father", "Fine"]));
        assert_eq!(t.encoding, "UTF-8");
    }

    #[test]
    fn semicolons_and_tabs_are_sniffed() {
        let t = read_csv(b"id;answer\n1;Yes, mostly\n2;No, never, not once\n").unwrap();
        assert_eq!(t.headers, strings(&["id", "answer"]));
        assert_eq!(t.rows[1], strings(&["2", "No, never, not once"]));
        let t = read_csv(b"id\tanswer\n1\tYes; mostly\n").unwrap();
        assert_eq!(t.rows[0], strings(&["1", "Yes; mostly"]));
        let t = read_csv(b"answer\nYes\n").unwrap();
        assert_eq!((t.headers.len(), t.rows.len()), (1, 1));
    }

    #[test]
    fn excel_sep_line_names_the_delimiter() {
        let t = read_csv(b"sep=;\r\nid;answer\r\n1;Yes, mostly\r\n").unwrap();
        assert_eq!(t.headers, strings(&["id", "answer"]));
        assert_eq!(t.rows, [strings(&["1", "Yes, mostly"])]);
        assert_eq!(excel_separator_line("sep=x\na"), None);
    }

    #[test]
    fn sniffing_ignores_delimiters_inside_quotes() {
        assert_eq!(sniff_delimiter("\"a;b;c\",\"d;e\"\n\"x;y\",\"z\"\n"), b',');
        assert_eq!(sniff_delimiter("id;text\n1;\"a, b,\nc, d\"\n2;e\n"), b';');
    }

    #[test]
    fn ragged_rows_are_padded_and_extra_cells_get_columns() {
        let t = read_csv(b"id,answer\n1\n2,two,extra,more\n3,three\n").unwrap();
        assert_eq!(t.headers, strings(&["id", "answer", "column 3", "column 4"]));
        assert_eq!(t.rows, [strings(&["1", "", "", ""]), strings(&["2", "two", "extra", "more"]), strings(&["3", "three", "", ""])]);
    }

    #[test]
    fn header_names_are_filled_and_made_unique() {
        let names = header_names(strings(&["\u{feff} answer ", "", "Answer", "answer (2)", "answer"]), 6);
        assert_eq!(names, strings(&["answer", "column 2", "Answer (2)", "answer (2) (2)", "answer (3)", "column 6"]));
    }

    #[test]
    fn windows_1252_csv_is_decoded() {
        let t = read_csv(b"id;name;answer\n1;Jos\xE9;Tr\xE8s bien, \x93merci\x94\n2;Zo\xEB;\xC7a d\xE9pend\n").unwrap();
        assert_eq!(t.encoding, "windows-1252");
        assert_eq!(t.rows[0], strings(&["1", "José", "Très bien, “merci”"]));
    }

    #[test]
    fn numbers_print_as_people_write_them() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(-12.0), "-12");
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(cell_text(&Data::Bool(true)), "true");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        let date = calamine::ExcelDateTime::new(45366.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2024-03-15");
        let with_time = calamine::ExcelDateTime::new(45366.5, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(with_time)), "2024-03-15 12:00:00");
    }

    #[test]
    fn huge_padded_grids_are_refused_before_allocating() {
        let mut csv = "x,".repeat(3000);
        csv.push('\n');
        csv.push_str(&"y\n".repeat(1000));
        assert!(matches!(read_csv(csv.as_bytes()), Err(ImportError::TooLarge(m)) if m.contains("1001 rows by 3001 columns")));
        let far = vec![(0, 0, "id".to_string()), (1_048_575, 16_383, "x".to_string())];
        assert!(matches!(grid(far), Err(ImportError::TooLarge(_))));
    }

    #[test]
    fn the_grid_starts_at_the_first_used_cell() {
        let t = grid(vec![(2, 1, "id".into()), (2, 2, "answer".into()), (4, 2, "yes".into()), (4, 2, "again".into())]).unwrap();
        assert_eq!(t.headers, strings(&["id", "answer"]));
        assert_eq!(t.rows, [strings(&["", ""]), strings(&["", "again"])]);
        assert!(matches!(grid(Vec::new()), Err(ImportError::NoText(m)) if m.contains("empty")));
    }

    #[test]
    fn bad_bytes_give_reasons() {
        assert_eq!(read_csv(b""), Err(ImportError::Text(TextError::Empty)));
        assert!(matches!(read_csv(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Err(ImportError::Text(TextError::Binary { .. }))));
        assert!(matches!(read_xlsx(b"id,answer\n1,yes\n"), Err(ImportError::Malformed(m)) if m.contains("not a ZIP")));
        assert!(matches!(read_xlsx(b"PK\x03\x04 truncated"), Err(ImportError::Malformed(m)) if m.contains("damaged or truncated")));
    }
}
