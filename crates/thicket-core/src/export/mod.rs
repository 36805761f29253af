//! Exports: what Thicket writes for other programs to read.
//!
//! - `table`: titled tables (`Sheet`) as aligned text, CSV and Markdown.
//! - `xlsx`: the same tables as an XLSX workbook (bold frozen header, sized columns).
//! - `analysis_tables`: the tables of each analysis, shared by the command line and the GUI, so
//!   the same question gives the same file from both.
//! - `charts`: each analysis's chart (and the texts of its cells), built from its result for
//!   the command line and the window alike.
//! - `svg`: heat maps and the timeline chart as SVG files, and as PNG (resvg).
//! - `colour`: the colours of those charts, shared with the window.
//! - `excerpts`: coded passages with citations for papers (Markdown, HTML, DOCX, CSV, XLSX, JSON).
//! - `framework`: a framework matrix (cases × codes of summaries) as a `Document` and as sheets.
//! - `document`: a format-neutral report (headings, quotes, tables) and its Markdown, HTML and
//!   DOCX writers, for the codebook, framework matrix, case reports and excerpts.
//! - `report`: `ReportFormat` and `write_report`, the one place a report model becomes a file.
//! - `codebook`, `case_report`: the codebook and per-case reports, built from a project into
//!   plain models that `report` writes.
//! - `pseudonymise`: the project's pseudonymisation map applied to any of these on the way out
//!   (`Excerpts`, `Document`, `Sheet`s, charts, JSON reports: `.pseudonymise(&map)`), one call each.
//! - `refi`: the REFI-QDA exchange files, a whole project as `.qdpx` and the codebook as `.qdc`.
//!
//! Everything here is pure or writes to a path it is given: the GUI asks for the path with a
//! file dialog, tests pass a temp file. The one exception is `excerpts`, whose selection and
//! building read the project (its writers are pure), and the builders of `codebook` and
//! `case_report`, which read it the same way (their models are written by `report`).

pub mod analysis_tables;
pub mod case_report;
pub mod charts;
pub mod codebook;
pub mod colour;
pub mod csv;
pub mod document;
pub mod excerpts;
pub mod framework;
pub mod printable;
pub mod pseudonymise;
pub mod refi;
pub mod report;
pub mod svg;
pub mod table;
mod xlsx;

pub use pseudonymise::{Pseudonymise, pseudonymise_svg};
pub use table::{Cell, Sheet, csv_of, write_csv, write_file};
pub use xlsx::{write_xlsx, xlsx_bytes};
