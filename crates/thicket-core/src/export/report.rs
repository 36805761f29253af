//! The one place a report becomes a file: `ReportFormat` names the formats, `Report` is what a
//! report model offers (its `Document`, its JSON, and a CSV when it is a table at heart), and
//! `write_report` picks the writer. The command line and the window both go through it, so a new
//! writer is one more variant and one more arm here.

use serde::Serialize;

use super::document::{self, Document};
use super::pseudonymise::Pseudonymise;
use super::table::Sheet;
use crate::text::PseudonymMap;
use crate::error::{Error, Result};

/// A file format a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Markdown,
    Html,
    /// Word, from the report's `Document` (`document::to_docx`).
    Docx,
    Csv,
    Json,
}

impl ReportFormat {
    /// The name the command line takes (`md`, `html`, `csv`, `json`); also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
            ReportFormat::Docx => "docx",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
        }
    }

    /// A label for menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "Markdown",
            ReportFormat::Html => "HTML",
            ReportFormat::Docx => "Word (DOCX)",
            ReportFormat::Csv => "CSV",
            ReportFormat::Json => "JSON",
        }
    }

    /// Parses a name among `accepted` (a report's `FORMATS`); the error lists them.
    pub fn parse(s: &str, accepted: &[ReportFormat]) -> Result<Self> {
        let choices = || accepted.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ");
        accepted
            .iter()
            .copied()
            .find(|f| f.name() == s)
            .ok_or_else(|| Error::invalid(format!("unknown format \"{s}\": expected {}", choices())))
    }
}

/// A report model that can be written in several formats.
pub trait Report: Serialize {
    /// The formats this report is written in, the first the default.
    const FORMATS: &'static [ReportFormat];

    /// The report as a document (Markdown, HTML and DOCX are written from it).
    fn document(&self) -> Document;

    /// The report as one table (written as CSV), for reports that are tables at heart; `None`
    /// for the others.
    fn table(&self) -> Option<Sheet> {
        None
    }
}

/// The bytes of `report` in `format`. JSON is the model itself, pretty-printed with sorted keys, so
/// scripts read the numbers rather than the document's formatted text.
pub fn write_report<R: Report>(report: &R, format: ReportFormat) -> Result<Vec<u8>> {
    write_report_with(report, format, None)
}

/// `write_report`, with the project's pseudonym map applied on the way out when one is given:
/// to the document, the table or the JSON values, whichever the format writes (the model itself
/// is left as it is).
pub fn write_report_with<R: Report>(report: &R, format: ReportFormat, map: Option<&PseudonymMap>) -> Result<Vec<u8>> {
    if !R::FORMATS.contains(&format) {
        return Err(Error::invalid(format!("this report cannot be written as {}", format.label())));
    }
    let document = || {
        let mut doc = report.document();
        if let Some(map) = map {
            doc.pseudonymise(map);
        }
        doc
    };
    Ok(match format {
        ReportFormat::Markdown => document::to_markdown(&document()).into_bytes(),
        ReportFormat::Html => document::to_html(&document()).into_bytes(),
        ReportFormat::Docx => document::to_docx(&document())?,
        ReportFormat::Csv => {
            let mut sheet = report.table().ok_or_else(|| Error::invalid("this report has no CSV form"))?;
            if let Some(map) = map {
                sheet.pseudonymise(map);
            }
            sheet.to_csv().into_bytes()
        }
        ReportFormat::Json => {
            // Through a `Value`, whose maps are sorted, so keys come in the same order as in the
            // other JSON exports.
            let mut value = serde_json::to_value(report).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            if let Some(map) = map {
                value.pseudonymise(map);
            }
            let text = serde_json::to_string_pretty(&value).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            format!("{text}\n").into_bytes()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_among_those_a_report_accepts() {
        let accepted = [ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Json];
        assert_eq!(ReportFormat::parse("html", &accepted).ok(), Some(ReportFormat::Html));
        assert_eq!(ReportFormat::parse("csv", &accepted).unwrap_err().to_string(), "unknown format \"csv\": expected md, html, json");
        assert_eq!(ReportFormat::parse("docx", &accepted).unwrap_err().to_string(), "unknown format \"docx\": expected md, html, json");
        assert_eq!(ReportFormat::parse("docx", &[ReportFormat::Docx]).ok(), Some(ReportFormat::Docx));
    }
}
