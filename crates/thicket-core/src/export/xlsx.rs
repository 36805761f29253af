//! A minimal XLSX writer: sheets of text and numbers in, one `.xlsx` file out.
//!
//! An XLSX file is a zip of XML parts. This writes only the five kinds a spreadsheet needs:
//! `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels` and one
//! `xl/worksheets/sheetN.xml` per sheet. Text is stored as inline strings (no shared-string table)
//! and numbers as plain values, without styles. Entries carry a fixed timestamp, so the same
//! tables always give the same bytes.

use std::io::Write;
use std::path::Path;

use super::table::{Cell, Sheet, write_file};
use crate::error::{Error, Result};

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Writes `sheets` (header row first), all of them including `xlsx_only` ones, as a workbook
/// at `path`.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) -> Result<()> {
    // The workbook is zipped in memory, so a failure here is a bug, not the disk's.
    let bytes = workbook(sheets).map_err(|e| Error::internal(format!("cannot write \"{}\": {e}", path.display())))?;
    write_file(path, &bytes)
}

/// The bytes of the workbook `write_xlsx` writes (for callers that write the file themselves).
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>> {
    workbook(sheets).map_err(|e| Error::internal(format!("cannot build the workbook: {e}")))
}

/// The workbook's bytes.
fn workbook(sheets: &[Sheet]) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error>> {
    let names = sheet_names(sheets);
    let mut parts: Vec<(String, String)> = Vec::new();
    let overrides: String = (1..=sheets.len())
        .map(|i| {
            format!(
                "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            )
        })
        .collect();
    parts.push((
        "[Content_Types].xml".into(),
        format!(
            "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             {overrides}</Types>"
        ),
    ));
    parts.push((
        "_rels/.rels".into(),
        format!(
            "{XML_HEAD}<Relationships xmlns=\"{PKG_REL_NS}\">\
             <Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        ),
    ));
    let entries: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>", escape(n), i + 1, i + 1))
        .collect();
    parts.push((
        "xl/workbook.xml".into(),
        format!("{XML_HEAD}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheets>{entries}</sheets></workbook>"),
    ));
    let rels: String = (1..=sheets.len())
        .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        .collect();
    parts.push(("xl/_rels/workbook.xml.rels".into(), format!("{XML_HEAD}<Relationships xmlns=\"{PKG_REL_NS}\">{rels}</Relationships>")));
    for (i, sheet) in sheets.iter().enumerate() {
        parts.push((format!("xl/worksheets/sheet{}.xml", i + 1), worksheet(sheet)));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, xml) in parts {
        zip.start_file(name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// One sheet's XML: the header as row 1, then the rows.
fn worksheet(sheet: &Sheet) -> String {
    let header: Vec<Cell> = sheet.header.iter().map(|h| Cell::Text(h.clone())).collect();
    let mut rows = String::new();
    for (r, row) in std::iter::once(&header).chain(&sheet.rows).enumerate() {
        let n = r + 1;
        rows.push_str(&format!("<row r=\"{n}\">"));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{n}", column_name(c));
            let text = |s: &str| format!("<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", escape(s));
            rows.push_str(&match cell {
                Cell::Empty => continue,
                Cell::Text(s) => text(s),
                Cell::Int(v) => format!("<c r=\"{at}\"><v>{v}</v></c>"),
                Cell::Num(v, _) if v.is_finite() => format!("<c r=\"{at}\"><v>{v}</v></c>"),
                Cell::Num(v, _) => text(&v.to_string()),
            });
        }
        rows.push_str("</row>");
    }
    format!("{XML_HEAD}<worksheet xmlns=\"{MAIN_NS}\"><sheetData>{rows}</sheetData></worksheet>")
}

/// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
fn column_name(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Sheet names as Excel accepts them: at most 31 chars, none of `[]:*?/\`, not blank, unique.
fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let clean: String = s.name.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(31).collect();
        let mut name = if clean.trim().is_empty() { format!("Sheet{}", i + 1) } else { clean };
        if out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            let suffix = format!(" ({})", i + 1);
            name = name.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        }
        out.push(name);
    }
    out
}

/// Escapes text for XML, dropping the control chars XML 1.0 cannot hold.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn names_are_cleaned_and_made_unique() {
        let s = |n: &str| Sheet { name: n.into(), ..Default::default() };
        assert_eq!(sheet_names(&[s("a/b"), s("A/B"), s(""), s(&"x".repeat(40))]), ["a_b", "A_B (2)", "Sheet3", &"x".repeat(31)]);
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
        // A fixed timestamp: the same tables give the same bytes.
        assert_eq!(bytes, workbook(&sheets).unwrap());
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["crosstab", "second"]);
        let range = book.worksheet_range("crosstab").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(rows[0], [Data::String("code".into()), Data::String("Harlow & Co <1>".into())]);
        assert_eq!(rows[1], [Data::String("Ruptures/Withdrawal".into()), Data::Float(12.0)]);
        assert_eq!(rows[2], [Data::String(" Zoë\tsays \"hi\" ".into()), Data::Float(33.25)]);
        assert_eq!(rows[3], [Data::Empty, Data::Float(0.0)]);
    }
}
