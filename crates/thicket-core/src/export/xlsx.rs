//! Tables as an XLSX workbook: sheets of text and numbers in, one `.xlsx` file out.
//!
//! The workbook is written by `rust_xlsxwriter` (a port of Python's XlsxWriter, made for writing
//! files Excel opens without complaint). What this module adds is the layout a reader expects of
//! an exported table: a bold header row that stays frozen while scrolling, with a filter on it;
//! columns as wide as their content (up to a limit); long-text columns (quotes, memos) wrapped and
//! top-aligned (every text cell of a sheet that asks, `Sheet::wrap_text`: framework summaries); numbers as numbers, shown with the decimals the text formats print. The creation
//! date is fixed, so the same tables always give the same bytes.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::table::{Cell, Sheet, write_file};
use crate::error::{Error, Result};

/// Widest a column gets, in characters; longer text wraps inside it.
const MAX_WIDTH: usize = 60;
/// Narrowest a column gets, so a short header stays readable with the filter button beside it.
const MIN_WIDTH: usize = 8;
/// Rows looked at to size the columns (the header and the first rows show the shape).
const SIZING_ROWS: usize = 2000;
/// Excel's limit on the length of one cell's text.
const MAX_CELL_CHARS: usize = 32_767;

/// Writes `sheets` (header row first), all of them including `xlsx_only` ones, as a workbook
/// at `path`.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) -> Result<()> {
    // The workbook is built in memory, so a failure here is a bug, not the disk's.
    let bytes = workbook(sheets).map_err(|e| Error::internal(format!("cannot write \"{}\": {e}", path.display())))?;
    write_file(path, &bytes)
}

/// The bytes of the workbook `write_xlsx` writes (for callers that write the file themselves).
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>> {
    workbook(sheets).map_err(|e| Error::internal(format!("cannot build the workbook: {e}")))
}

/// The workbook's bytes.
fn workbook(sheets: &[Sheet]) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date instead of "now": exports are byte-stable.
    book.set_properties(&DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?));
    for (sheet, name) in sheets.iter().zip(sheet_names(sheets)) {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        worksheet(ws, sheet)?;
    }
    book.save_to_buffer()
}

/// Fills one worksheet: the header as row 1, then the rows.
fn worksheet(ws: &mut Worksheet, sheet: &Sheet) -> std::result::Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let columns = sheet.header.len().max(sheet.rows.iter().map(Vec::len).max().unwrap_or(0));
    let widths = column_widths(sheet, columns);
    for (c, width) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *width as f64)?;
    }
    for (c, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, clean(h), &bold)?;
    }
    // Number formats with the decimals of each Num cell, made once per count of decimals.
    let mut decimals: Vec<Format> = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            // A sheet of paragraphs (framework summaries) wraps every text cell; others wrap the
            // columns that reached the widest width.
            let text_format = if sheet.wrap_text || widths[c] >= MAX_WIDTH { &wrapped } else { &top };
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    ws.write_string_with_format(r, c, clean(s), text_format)?;
                }
                Cell::Int(v) => {
                    ws.write_number_with_format(r, c, *v as f64, &top)?;
                }
                Cell::Num(v, d) if v.is_finite() => {
                    let d = (*d).min(10);
                    while decimals.len() <= d {
                        let n = decimals.len();
                        let pattern = if n == 0 { "0".to_string() } else { format!("0.{}", "0".repeat(n)) };
                        decimals.push(Format::new().set_num_format(pattern).set_align(FormatAlign::Top));
                    }
                    ws.write_number_with_format(r, c, *v, &decimals[d])?;
                }
                Cell::Num(v, _) => {
                    ws.write_string_with_format(r, c, v.to_string(), &top)?;
                }
            }
        }
    }
    if columns > 0 {
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, sheet.rows.len() as u32, columns as u16 - 1)?;
    }
    Ok(())
}

/// Each column's width in characters: its longest line among the header and the first rows,
/// between `MIN_WIDTH` and `MAX_WIDTH` (a column at the maximum wraps its text).
fn column_widths(sheet: &Sheet, columns: usize) -> Vec<usize> {
    let longest_line = |s: &str| s.split('\n').map(|l| l.chars().count()).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for (c, h) in sheet.header.iter().enumerate() {
        // Room for the filter button beside the header.
        widths[c] = longest_line(h) + 3;
    }
    for row in sheet.rows.iter().take(SIZING_ROWS) {
        for (c, cell) in row.iter().enumerate() {
            let len = match cell {
                Cell::Text(s) => longest_line(s),
                other => other.text().chars().count(),
            };
            widths[c] = widths[c].max(len + 1);
        }
    }
    widths.into_iter().map(|w| w.clamp(MIN_WIDTH, MAX_WIDTH)).collect()
}

/// Text as a cell can hold it: without the control characters XML 1.0 cannot carry (tabs and
/// line breaks stay), and cut at Excel's limit of 32,767 characters.
fn clean(s: &str) -> String {
    s.chars().filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).take(MAX_CELL_CHARS).collect()
}

/// Sheet names as Excel accepts them: at most 31 chars, none of `[]:*?/\`, not blank, no
/// leading or trailing apostrophe, unique.
fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let clean: String = s.name.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '_' } else { c }).take(31).collect();
        let clean = clean.trim_matches('\'').to_string();
        let mut name = if clean.trim().is_empty() { format!("Sheet{}", i + 1) } else { clean };
        if out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            let suffix = format!(" ({})", i + 1);
            name = name.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        }
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Read;

    #[test]
    fn names_are_cleaned_and_made_unique() {
        let s = |n: &str| Sheet { name: n.into(), ..Default::default() };
        assert_eq!(sheet_names(&[s("a/b"), s("A/B"), s(""), s(&"x".repeat(40)), s("'q'")]), ["a_b", "A_B (2)", "Sheet3", &"x".repeat(31), "q"]);
    }

    #[test]
    fn long_text_columns_are_capped_and_short_ones_get_a_minimum() {
        let mut sheet = Sheet::new("t", vec!["n".into(), "quote".into()]);
        sheet.rows.push(vec![Cell::Int(7), Cell::Text(format!("{}\nshort", "word ".repeat(30)))]);
        assert_eq!(column_widths(&sheet, 2), [MIN_WIDTH, MAX_WIDTH]);
    }

    fn sheet_xml(bytes: &[u8], n: usize) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap().read_to_string(&mut xml).unwrap();
        xml
    }

    #[test]
    fn a_workbook_reads_back_through_calamine() {
        let mut first = Sheet { name: "crosstab".into(), header: vec!["code".into(), "Harlow & Co <1>".into()], ..Default::default() };
        first.rows.push(vec![Cell::Text("Ruptures/Withdrawal".into()), Cell::Int(12)]);
        first.rows.push(vec![Cell::Text(" Zoë\tsays \"hi\"\u{1} ".into()), Cell::Num(33.25, 2)]);
        first.rows.push(vec![Cell::Empty, Cell::Int(0)]);
        let second = Sheet { name: "second".into(), header: vec!["only".into()], ..Default::default() };
        let sheets = [first, second];
        let bytes = workbook(&sheets).unwrap();
        // A fixed creation date: the same tables give the same bytes.
        assert_eq!(bytes, workbook(&sheets).unwrap());
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
        assert_eq!(book.sheet_names(), ["crosstab", "second"]);
        let range = book.worksheet_range("crosstab").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(rows[0], [Data::String("code".into()), Data::String("Harlow & Co <1>".into())]);
        assert_eq!(rows[1], [Data::String("Ruptures/Withdrawal".into()), Data::Float(12.0)]);
        assert_eq!(rows[2], [Data::String(" Zoë\tsays \"hi\" ".into()), Data::Float(33.25)]);
        assert_eq!(rows[3], [Data::Empty, Data::Float(0.0)]);
        // The header row is frozen, and its cells use a bold format.
        let xml = sheet_xml(&bytes, 1);
        assert!(xml.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), "{xml}");
        assert!(xml.contains(r#"<autoFilter ref="A1:B4"/>"#), "{xml}");
        let mut styles = String::new();
        zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap().by_name("xl/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
        assert!(styles.contains("<b/>"), "{styles}");
        // The number keeps its two decimals in view.
        assert!(styles.contains(r#"formatCode="0.00""#), "{styles}");
    }

    #[test]
    fn a_sheet_that_asks_wraps_even_its_short_text() {
        let styles = |sheet: Sheet| {
            let bytes = workbook(&[sheet]).unwrap();
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut xml).unwrap();
            xml
        };
        let mut plain = Sheet::new("plain", vec!["case".into(), "Ruptures".into()]);
        plain.rows.push(vec![Cell::Text("Harlow".into()), Cell::Text("Short\nsummary".into())]);
        let wrapped = Sheet { wrap_text: true, ..plain.clone() };
        assert!(!styles(plain).contains("wrapText=\"1\""));
        assert!(styles(wrapped).contains("wrapText=\"1\""));
    }
}
