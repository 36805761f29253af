//! The one place a report becomes a file: `ReportFormat` names the formats, `Report` is what a
//! report model offers (its `Document`, its JSON, and a CSV when it is a table at heart), and
//! `write_report` picks the writer. The command line and the window both go through it, so a new
//! writer is one more variant and one more arm here.

use serde::Serialize;

use super::document::{self, Document};
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

    /// The report as CSV, for reports that are tables at heart; `None` for the others.
    fn csv(&self) -> Option<String> {
        None
    }
}

/// The bytes of `report` in `format`. JSON is the model itself, pretty-printed with sorted keys, so
/// scripts read the numbers rather than the document's formatted text.
pub fn write_report<R: Report>(report: &R, format: ReportFormat) -> Result<Vec<u8>> {
    if !R::FORMATS.contains(&format) {
        return Err(Error::invalid(format!("this report cannot be written as {}", format.label())));
    }
    Ok(match format {
        ReportFormat::Markdown => document::to_markdown(&report.document()).into_bytes(),
        ReportFormat::Html => document::to_html(&report.document()).into_bytes(),
        ReportFormat::Docx => document::to_docx(&report.document())?,
        ReportFormat::Csv => report.csv().ok_or_else(|| Error::invalid("this report has no CSV form"))?.into_bytes(),
        ReportFormat::Json => {
            // Through a `Value`, whose maps are sorted, so keys come in the same order as in the
            // other JSON exports.
            let text = serde_json::to_value(report)
                .and_then(|v| serde_json::to_string_pretty(&v))
                .map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
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
