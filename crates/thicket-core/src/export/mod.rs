//! Exports: what Thicket writes for other programs to read.
//!
//! - `table`: titled tables (`Sheet`) as aligned text, CSV and Markdown.
//! - `xlsx`: the same tables as an XLSX workbook.
//! - `analysis_tables`: the tables of each analysis, shared by the command line and the GUI, so
//!   the same question gives the same file from both.
//! - `svg`: heat maps and the timeline chart as SVG files.
//! - `colour`: the colours of those charts, shared with the window.
//! - `excerpts`: coded passages with citations for papers (Markdown, HTML, CSV, XLSX, JSON).
//! - `document`: a format-neutral report (headings, quotes, tables) and its writers, for the
//!   codebook, framework matrix and case reports.
//!
//! Everything here is pure or writes to a path it is given: the GUI asks for the path with a
//! file dialog, tests pass a temp file. The one exception is `excerpts`, whose selection and
//! building read the project (its writers are pure).

pub mod analysis_tables;
pub mod colour;
pub mod document;
pub mod excerpts;
pub mod svg;
pub mod table;
mod xlsx;

pub use table::{Cell, Sheet, csv_of, write_csv};
pub use xlsx::{write_xlsx, xlsx_bytes};
