//! `thicket import-qualcoder NEW.thicket FOLDER.qda`: a QualCoder project into a new project,
//! with a report of what came in, what was skipped and why, and which codings were placed by
//! a second look at their text.

use std::path::Path;

use serde_json::Value;

use super::output::{Format, Table, print, say};
use thicket_core::error::{Ending, Result};
use thicket_core::import::qualcoder::QualCoderReport;
use thicket_core::project::import_qualcoder;

/// Runs the import and prints its report.
pub(super) fn run(project: &Path, folder: &Path, format: &str) -> Result<Ending> {
    let format = Format::parse(format)?;
    let report = import_qualcoder(project, folder, &mut |_, _| true)?;
    if format == Format::Table {
        say!("imported {} into {}", folder.display(), project.display());
    }
    print(format, &report_table(&report), &serde_json::to_value(&report).unwrap_or(Value::Null))?;
    if report.mismatched_total > 0 {
        eprintln!(
            "thicket: {} codings kept at QualCoder's position although the text there differs from QualCoder's quote (listed above)",
            report.mismatched_total
        );
    }
    Ok(Ending::Success)
}

/// The report as rows of (item, name or count, detail).
pub fn report_table(r: &QualCoderReport) -> Table {
    let mut t = Table::new(vec!["item", "name", "detail"]);
    let mut row = |a: &str, b: String, c: String| t.rows.push(vec![a.to_string(), b, c]);
    row("database", r.database_version.clone(), r.qualcoder_version.clone());
    row("sources", r.sources.to_string(), String::new());
    row("codes", r.codes.to_string(), format!("{} of them categories", r.categories));
    row("codings", r.codings.to_string(), String::new());
    row("coders", r.coders.to_string(), String::new());
    row("cases", r.cases.to_string(), format!("{} source links, {} of them to part of a source", r.case_links, r.partial_case_links));
    row("attributes", r.attributes.to_string(), format!("{} values", r.attribute_values));
    row("memos", r.memos.to_string(), format!("{} journals, {} annotations", r.journals, r.annotations));
    if r.important_marks > 0 {
        row("important marks", r.important_marks.to_string(), "not carried: Thicket has no such mark".into());
    }
    for name in &r.read_from_files {
        row("read from file", name.clone(), "the database had no text: read from the documents folder".into());
    }
    for s in &r.skipped {
        row("skipped", format!("{} ({})", s.name, s.what), s.reason.clone());
    }
    row("corrected", r.corrected_total.to_string(), "codings placed by another reading than UTF-16 units".into());
    for c in &r.corrected {
        row("corrected", format!("{} / {}", c.source, c.code), format!("{}..{} read as {}..{}: {}", c.qualcoder_range.0, c.qualcoder_range.1, c.start, c.end, c.how));
    }
    if r.mismatched_total > 0 {
        row("mismatched", r.mismatched_total.to_string(), "codings whose text differs from QualCoder's quote".into());
    }
    for c in &r.mismatched {
        row("mismatched", format!("{} / {}", c.source, c.code), format!("{}..{} read as {}..{}: {}", c.qualcoder_range.0, c.qualcoder_range.1, c.start, c.end, c.how));
    }
    for w in &r.warnings {
        row("warning", String::new(), w.clone());
    }
    t
}
