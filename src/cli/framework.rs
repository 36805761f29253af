//! `thicket framework PROJECT …`: framework matrices (cases × codes, a summary in each cell) as
//! the window's Framework tab keeps them: list, create, rearrange, rename, delete, write a
//! summary, show a matrix or one cell with its segments, and export.
//!
//! Every change is one undoable action (`CreateFramework`, `SetFrameworkCell`, …); the report is
//! built once (`export::framework::FrameworkReport`) and written by the format's writer.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::{Value, json};

use super::output::{Format, Table, emit, print, say, snippet};
use thicket_core::action::{Action, EntitySet};
use thicket_core::analysis::{AnalysisLoad, framework_grid, framework_segments};
use thicket_core::error::{Ending, Error, IoOp, Result};
use thicket_core::export::document::{to_html, to_markdown};
use thicket_core::export::framework::FrameworkReport;
use super::pseudonyms::export_map;
use thicket_core::export::{Pseudonymise, csv_of};
use thicket_core::model::*;
use thicket_core::project::{Project, default_coder};

/// `thicket framework PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// List the framework matrices with their size and how many cells have a summary.
    List {
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Create a matrix: the given codes as columns and cases as rows, in the order given
    /// (default: the top-level codes × every case).
    Create {
        name: String,
        /// A column: code path (repeatable; its sub-codes' segments count in it).
        #[arg(long = "code")]
        codes: Vec<String>,
        /// A row: case name (repeatable).
        #[arg(long = "case")]
        cases: Vec<String>,
    },
    /// Replace a matrix's columns (--code) and/or rows (--case); summaries of those taken out are kept.
    Layout {
        name: String,
        #[arg(long = "code")]
        codes: Vec<String>,
        #[arg(long = "case")]
        cases: Vec<String>,
    },
    /// Rename a matrix.
    Rename { name: String, new_name: String },
    /// Delete a matrix with its summaries.
    Delete { name: String },
    /// Write (or, with --clear, remove) the summary of one case under one code.
    #[command(group(clap::ArgGroup::new("what").required(true).args(["summary", "clear"])))]
    Set {
        name: String,
        #[arg(long)]
        case: String,
        /// The column's code path.
        #[arg(long)]
        code: String,
        #[arg(long)]
        summary: Option<String>,
        #[arg(long)]
        clear: bool,
        /// Who writes it (default: $THICKET_CODER, else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// Show a matrix (summaries and segment counts), or with --case and --code one cell and its segments.
    Show {
        name: String,
        #[arg(long, requires = "code")]
        case: Option<String>,
        #[arg(long, requires = "case")]
        code: Option<String>,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Write a matrix as md, html, docx, xlsx, csv or json.
    Export {
        name: String,
        /// md, html, docx, xlsx, csv or json.
        #[arg(long, default_value = "md")]
        format: String,
        /// The file to write; - for stdout (not for xlsx or docx).
        #[arg(long)]
        out: PathBuf,
        /// Apply the project's pseudonym map to what is written.
        #[arg(long)]
        pseudonymise: bool,
    },
}

/// Runs one `framework` subcommand.
pub fn run(project: PathBuf, command: FrameworkCommand) -> Result<Ending> {
    // What can be checked without the project is checked first, so a typo fails fast.
    if let FrameworkCommand::Export { format, out, .. } = &command {
        let format = ExportFormat::parse(format)?;
        if format == ExportFormat::Xlsx && out.as_os_str() == "-" {
            return Err(Error::invalid("--format xlsx writes a file: give --out FILE.xlsx"));
        }
    }
    let mut p = super::passphrase::open_project(&project)?;
    match command {
        FrameworkCommand::List { format } => list(&p, Format::parse(&format)?)?,
        FrameworkCommand::Create { name, codes, cases } => {
            let action = match (codes.is_empty(), cases.is_empty()) {
                (true, true) => p.default_framework(&name)?,
                _ => {
                    let Action::CreateFramework { codes: default_codes, cases: default_cases, .. } = p.default_framework(&name)? else {
                        return Err(Error::internal("the default matrix is not a CreateFramework"));
                    };
                    let codes = if codes.is_empty() { default_codes } else { code_ids(&p, &codes)? };
                    let cases = if cases.is_empty() { default_cases } else { case_ids(&p, &cases)? };
                    Action::CreateFramework { name: name.clone(), codes, cases }
                }
            };
            let (n_codes, n_cases) = match &action {
                Action::CreateFramework { codes, cases, .. } => (codes.len(), cases.len()),
                _ => (0, 0),
            };
            p.perform(action)?;
            say!("created framework matrix \"{name}\": {n_cases} cases × {n_codes} codes");
        }
        FrameworkCommand::Layout { name, codes, cases } => {
            if codes.is_empty() && cases.is_empty() {
                return Err(Error::invalid("say what to change: --code PATH (repeatable) for the columns, --case NAME for the rows"));
            }
            let id = p.framework_named(&name)?.framework.id;
            let mut steps = Vec::new();
            if !codes.is_empty() {
                steps.push(Action::SetFrameworkColumns { id, codes: code_ids(&p, &codes)? });
            }
            if !cases.is_empty() {
                steps.push(Action::SetFrameworkRows { id, cases: case_ids(&p, &cases)? });
            }
            p.perform(Action::Batch {
                label: format!("Arrange framework matrix “{name}”"),
                actions: steps,
                step: thicket_core::action::Bundle::ArrangeFramework { name: name.to_string() }.boxed(),
            })?;
            let m = p.framework(id)?;
            say!("framework matrix \"{name}\": {} cases × {} codes", m.cases.len(), m.codes.len());
        }
        FrameworkCommand::Rename { name, new_name } => {
            let id = p.framework_named(&name)?.framework.id;
            p.perform(Action::RenameFramework { id, name: new_name.clone() })?;
            say!("renamed framework matrix \"{name}\" to \"{new_name}\"");
        }
        FrameworkCommand::Delete { name } => {
            let m = p.framework_named(&name)?;
            p.perform(Action::Remove(EntitySet { frameworks: vec![m.framework.id], ..Default::default() }))?;
            say!("deleted framework matrix \"{name}\" and its {} summaries", m.cells.len());
        }
        FrameworkCommand::Set { name, case, code, summary, clear: _, coder } => {
            let m = p.framework_named(&name)?;
            let case_id = p.case_named(&case)?.id;
            let code_id = p.code_at(&code)?;
            let summary = summary.unwrap_or_default();
            let cleared = summary.is_empty();
            // A new coder is created in the summary's own transaction: all or nothing.
            let framework = m.framework.id;
            let coder_name = coder.unwrap_or_else(default_coder);
            // The audit trail names the summary's writer as who wrote it.
            p.set_actor(&coder_name);
            p.perform_as(&coder_name, |coder| Some(Action::SetFrameworkCell { framework, case: case_id, code: code_id, summary, coder, updated_at: None }))?;
            if cleared {
                say!("cleared the summary of \"{case}\" under \"{code}\" in \"{name}\"");
            } else {
                say!("wrote the summary of \"{case}\" under \"{code}\" in \"{name}\"");
            }
        }
        FrameworkCommand::Show { name, case: Some(case), code: Some(code), format } => show_cell(&p, &name, &case, &code, Format::parse(&format)?)?,
        FrameworkCommand::Show { name, format, .. } => show(&p, &name, Format::parse(&format)?)?,
        FrameworkCommand::Export { name, format, out, pseudonymise } => export(&mut p, &name, ExportFormat::parse(&format)?, &out, pseudonymise)?,
    }
    p.close()?;
    Ok(Ending::Success)
}

fn code_ids(p: &Project, paths: &[String]) -> Result<Vec<CodeId>> {
    paths.iter().map(|path| p.code_at(path)).collect()
}

fn case_ids(p: &Project, names: &[String]) -> Result<Vec<CaseId>> {
    names.iter().map(|n| p.case_named(n).map(|c| c.id)).collect()
}

fn list(p: &Project, format: Format) -> Result<()> {
    let mut table = Table::new(vec!["name", "cases", "codes", "summaries", "created"]);
    let mut rows = Vec::new();
    for f in p.frameworks()? {
        let m = p.framework(f.id)?;
        // Summaries shown: those of the matrix's own rows and columns.
        let shown = m.cells.iter().filter(|c| m.cases.contains(&c.case) && m.codes.contains(&c.code)).count();
        table.rows.push(vec![f.name.clone(), m.cases.len().to_string(), m.codes.len().to_string(), shown.to_string(), f.created_at.clone()]);
        rows.push(json!({
            "id": f.id, "uuid": f.uuid, "name": f.name, "cases": m.cases.len(), "codes": m.codes.len(),
            "summaries": shown, "created_at": f.created_at,
        }));
    }
    print(format, &table, &Value::Array(rows))
}

/// The report of the matrix named `name` (segment counts from the project's codings).
fn report(p: &Project, name: &str) -> Result<FrameworkReport> {
    let m = p.framework_named(name)?;
    let data = p.analysis_data_with(AnalysisLoad::default())?;
    Ok(FrameworkReport::build(&m, &data))
}

/// The whole matrix: a row per case, a column per code, each cell `(n) summary…`.
fn show(p: &Project, name: &str, format: Format) -> Result<()> {
    let r = report(p, name)?;
    if format == Format::Json {
        return emit(&format!("{}\n", json_text(&r)?));
    }
    // The table's header names are static in `Table`; this one has the codes, so it is built here.
    let mut out = thicket_core::export::Sheet::new("framework", std::iter::once("case".to_string()).chain(r.codes.iter().cloned()).collect());
    for row in &r.rows {
        let mut cells = vec![thicket_core::export::Cell::Text(row.case.clone())];
        for c in &row.cells {
            let summary = if format == Format::Csv { c.summary.clone() } else { snippet(&c.summary, 40) };
            cells.push(thicket_core::export::Cell::Text(if summary.is_empty() { format!("({})", c.segments) } else { format!("({}) {summary}", c.segments) }));
        }
        out.rows.push(cells);
    }
    emit(&if format == Format::Csv { out.to_csv() } else { out.to_text() })
}

/// One cell: its summary, who wrote it, and its segments with source, speakers and text.
fn show_cell(p: &Project, name: &str, case: &str, code: &str, format: Format) -> Result<()> {
    let m = p.framework_named(name)?;
    let case_id = p.case_named(case)?.id;
    let code_id = p.code_at(code)?;
    if !m.cases.contains(&case_id) {
        return Err(Error::invalid(format!("case \"{case}\" is not a row of the framework matrix \"{name}\"")));
    }
    if !m.codes.contains(&code_id) {
        return Err(Error::invalid(format!("code \"{code}\" is not a column of the framework matrix \"{name}\"")));
    }
    let data = p.analysis_data_with(AnalysisLoad { speakers: true, texts: true })?;
    let grid = framework_grid(&data, &[case_id], &[code_id]);
    let segments = framework_segments(&data, grid.codings(case_id, code_id));
    let cell = m.cell(case_id, code_id);
    let coder = cell.map(|c| data.coders.get(&c.coder).map(|k| k.name.clone()).unwrap_or_default());
    if format == Format::Json {
        let value = json!({
            "framework": name, "case": case, "code": code,
            "summary": cell.map(|c| c.summary.clone()).unwrap_or_default(),
            "edited_by": coder, "updated_at": cell.map(|c| c.updated_at.clone()),
            "segments": segments.iter().map(|s| json!({
                "coding": s.coding, "source": s.source, "code": s.code, "coder": s.coder, "speakers": s.speakers,
                "start": s.span.start, "end": s.span.end, "text": s.text,
            })).collect::<Vec<_>>(),
        });
        return emit(&format!("{}\n", serde_json::to_string_pretty(&value).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?));
    }
    let mut table = Table::new(vec!["source", "speakers", "code", "coder", "range", "text"]);
    for s in &segments {
        let text = if format == Format::Csv { s.text.clone() } else { snippet(&s.text, 60) };
        let speakers = if s.speakers.is_empty() { "no speaker".to_string() } else { s.speakers.join(", ") };
        table.rows.push(vec![s.source.clone(), speakers, s.code.clone(), s.coder.clone(), s.span.to_string(), text]);
    }
    if format == Format::Table {
        match (cell, coder) {
            (Some(c), Some(by)) => say!("summary ({by}, {}):\n{}\n", c.updated_at, c.summary),
            _ => say!("no summary yet\n"),
        }
        say!("{} segments", segments.len());
    }
    print(format, &table, &Value::Null)
}

/// The formats `framework export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Md,
    Html,
    Docx,
    Xlsx,
    Csv,
    Json,
}

impl ExportFormat {
    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "md" => ExportFormat::Md,
            "html" => ExportFormat::Html,
            "xlsx" => ExportFormat::Xlsx,
            "csv" => ExportFormat::Csv,
            "json" => ExportFormat::Json,
            "docx" => ExportFormat::Docx,
            _ => return Err(Error::invalid(format!("unknown format \"{s}\": expected md, html, docx, xlsx, csv or json"))),
        })
    }
}

fn json_text(r: &FrameworkReport) -> Result<String> {
    serde_json::to_string_pretty(r).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))
}

/// Writes matrix `name` in `format` to `out` (or stdout), through the pseudonym map when asked,
/// and records a written file in the export log.
fn export(p: &mut Project, name: &str, format: ExportFormat, out: &std::path::Path, pseudonymise: bool) -> Result<()> {
    let r = report(p, name)?;
    let map = export_map(p, pseudonymise)?;
    let map = map.as_ref();
    let document = || {
        let mut d = r.document();
        if let Some(map) = map {
            d.pseudonymise(map);
        }
        d
    };
    let mut sheets = r.sheets();
    if let Some(map) = map {
        sheets.pseudonymise(map);
    }
    let bytes = match format {
        ExportFormat::Docx if out.as_os_str() == "-" => return Err(Error::invalid("--format docx writes a file: give --out FILE.docx")),
        ExportFormat::Xlsx => thicket_core::export::xlsx_bytes(&sheets)?,
        ExportFormat::Docx => thicket_core::export::document::to_docx(&document())?,
        ExportFormat::Md => to_markdown(&document()).into_bytes(),
        ExportFormat::Html => to_html(&document()).into_bytes(),
        ExportFormat::Csv => csv_of(&sheets).into_bytes(),
        ExportFormat::Json => {
            let mut value = serde_json::to_value(&r).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            if let Some(map) = map {
                value.pseudonymise(map);
            }
            let text = serde_json::to_string_pretty(&value).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            format!("{text}\n").into_bytes()
        }
    };
    if out.as_os_str() == "-" {
        return emit(&String::from_utf8_lossy(&bytes));
    }
    std::fs::write(out, bytes).map_err(|e| Error::io(IoOp::Write, out, e))?;
    p.log_written_export("framework", out, json!({ "framework": name, "format": format!("{format:?}").to_lowercase(), "pseudonymise": pseudonymise }), map)?;
    Ok(())
}
