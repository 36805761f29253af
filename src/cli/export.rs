//! `thicket export PROJECT excerpts|codebook|case-report|qdpx|qdc …`: coded passages with
//! citations, the codebook, and case reports, for papers; and the REFI-QDA exchange files (a
//! whole project, or the codebook alone) for other QDA tools.
//!
//! Excerpt flags come in as `ExcerptsArgs`; they become a core `Selection` (the same filters as
//! `segments`) and `ExcerptOptions`, the core selects and builds the `Excerpts` model, and one
//! of its writers turns it into the file. The codebook and case reports are core report models
//! written by `export::report::write_report`, the one format dispatch they share with the window.
//! With `--pseudonymise` the project's pseudonym map rewrites the built model first, so every
//! format is pseudonymised alike. The project's text is never changed; the only write is the line
//! of the export log that records the file.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::analysis::ScopeArgs;
use super::output::emit;
use super::pseudonyms::export_map;
use thicket_core::text::PseudonymMap;
use thicket_core::error::{Ending, Error, IoOp, Result};
use thicket_core::export::case_report::{CaseReportOptions, ExcerptPick, build_case_report};
use thicket_core::export::codebook::{CodebookOptions, build_codebook};
use thicket_core::export::excerpts::{self, CitationTemplate, CodeChoice, ExcerptFormat, ExcerptOptions, GroupBy, Selection, SortBy};
use thicket_core::export::report::{Report, ReportFormat, write_report_with};
use thicket_core::export::Pseudonymise;
use thicket_core::export::refi::{PositionUnit, QdpxOptions, qdc_bytes, qdpx_bytes};
use thicket_core::model::SourceKind;
use thicket_core::project::Project;

/// `thicket export PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Coded excerpts with citations, grouped and sorted, as md, html, docx, csv, xlsx or json.
    Excerpts(Box<ExcerptsArgs>),
    /// The codebook: the code tree, colours, descriptions, counts, codes by case, optional anchor quotes.
    Codebook(CodebookArgs),
    /// A report per case: sources, participants, codes with counts, memos and chosen excerpts.
    CaseReport(CaseReportArgs),
    /// The whole project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder.
    Qdpx(QdpxArgs),
    /// The codebook as a REFI-QDA codebook (.qdc).
    Qdc(QdcArgs),
}

/// `thicket export PROJECT qdpx`
#[derive(Debug, Clone, Args, Serialize)]
pub struct QdpxArgs {
    /// How positions are counted: codepoints (the standard's unit, default) or utf16 (what NVivo
    /// and QualCoder count; differs after an emoji).
    #[arg(long, default_value = "codepoints")]
    pub positions: String,
    /// Apply the project's pseudonym map to everything written, the source texts included (their
    /// positions are recomputed on the rewritten texts).
    #[arg(long)]
    pub pseudonymise: bool,
    /// The .qdpx file to write.
    #[arg(long)]
    pub out: PathBuf,
}

/// `thicket export PROJECT qdc`
#[derive(Debug, Clone, Args, Serialize)]
pub struct QdcArgs {
    /// Apply the project's pseudonym map to code names and descriptions.
    #[arg(long)]
    pub pseudonymise: bool,
    /// The .qdc file to write; - for stdout.
    #[arg(long)]
    pub out: PathBuf,
}

/// `thicket export PROJECT codebook`
#[derive(Debug, Clone, Args, Serialize)]
pub struct CodebookArgs {
    /// Apply the project's pseudonym map to what is written (names in quotes, citations, headings).
    #[arg(long)]
    pub pseudonymise: bool,
    /// One anchor quote per code, with its citation.
    #[arg(long)]
    pub anchors: bool,
    /// Choose a code's anchor by hand: "Code/Path=CODING_ID" (repeatable; implies --anchors).
    #[arg(long = "anchor")]
    pub anchor: Vec<String>,
    /// Citation template or preset for anchors, as in `export excerpts`.
    #[arg(long, default_value = "author-date")]
    pub citation: String,
    /// The document's title (default: "Codebook: " and the project's title).
    #[arg(long)]
    pub title: Option<String>,
    /// md, html, docx, csv or json.
    #[arg(long, default_value = "md")]
    pub format: String,
    /// The file to write; - for stdout.
    #[arg(long)]
    pub out: PathBuf,
}

/// `thicket export PROJECT case-report`
#[derive(Debug, Clone, Args, Serialize)]
pub struct CaseReportArgs {
    /// Apply the project's pseudonym map to what is written (names in quotes, citations, headings).
    #[arg(long)]
    pub pseudonymise: bool,
    /// The case to report on (repeatable, in this order).
    #[arg(long = "case")]
    pub cases: Vec<String>,
    /// Report on every case, by name.
    #[arg(long)]
    pub all_cases: bool,
    /// Quote only codings of code PATH (repeatable; default: every code).
    #[arg(long = "code")]
    pub codes: Vec<String>,
    /// Include the codings of sub-codes of each --code.
    #[arg(long)]
    pub subcodes: bool,
    /// Quote the codings a Boolean query retrieves, as `segments --query` takes it.
    #[arg(long)]
    pub query: Option<String>,
    /// At most N excerpts per code, spread over the sessions (0: none). Default: 3 without --code
    /// or --query, all with them.
    #[arg(long)]
    pub excerpts: Option<usize>,
    /// Citation template or preset, as in `export excerpts`.
    #[arg(long, default_value = "author-date")]
    pub citation: String,
    /// The document's title (default: "Case report: " and the project's title).
    #[arg(long)]
    pub title: Option<String>,
    /// md, html, docx or json.
    #[arg(long, default_value = "md")]
    pub format: String,
    /// The file to write; - for stdout.
    #[arg(long)]
    pub out: PathBuf,
}

/// `thicket export PROJECT excerpts`
#[derive(Debug, Clone, Args, Serialize)]
pub struct ExcerptsArgs {
    /// Code path, e.g. "Ruptures/Withdrawal" (repeatable).
    #[arg(long = "code")]
    pub codes: Vec<String>,
    /// Quote the codings of every code.
    #[arg(long)]
    pub all_codes: bool,
    /// Include the codings of sub-codes of each --code.
    #[arg(long)]
    pub subcodes: bool,
    /// Boolean retrieval as `segments --query` takes it; replaces --code and --all-codes.
    #[arg(long)]
    pub query: Option<String>,
    #[command(flatten)]
    #[serde(flatten)]
    pub scope: ScopeArgs,
    /// Only codings attributed to participant NAME (repeatable).
    #[arg(long = "participant")]
    pub participants: Vec<String>,
    /// Only codings in source NAME (repeatable).
    #[arg(long = "source")]
    pub sources: Vec<String>,
    /// code, case, code-case or source.
    #[arg(long, default_value = "code")]
    pub group_by: String,
    /// Order within a group: case, date or position.
    #[arg(long, default_value = "case")]
    pub sort: String,
    /// A template such as "({speaker}, {role}, {date}, ¶{paragraph})", or a preset: author-date or compact.
    #[arg(long, default_value = "author-date")]
    pub citation: String,
    /// Sentences of context before and after each quote.
    #[arg(long, default_value_t = 0)]
    pub context: usize,
    /// Show each coding's memo.
    #[arg(long)]
    pub memos: bool,
    /// Show the other codes on each passage.
    #[arg(long)]
    pub other_codes: bool,
    /// Show each code's definition under its heading.
    #[arg(long)]
    pub definitions: bool,
    /// Show the number of excerpts of each group.
    #[arg(long)]
    pub counts: bool,
    /// The document's title (default: "Excerpts: " and the project's title).
    #[arg(long)]
    pub title: Option<String>,
    /// md, html, docx, csv, xlsx or json.
    #[arg(long, default_value = "md")]
    pub format: String,
    /// The file to write; - for stdout (not for docx or xlsx).
    #[arg(long)]
    #[serde(skip)]
    pub out: PathBuf,
    /// Apply the project's pseudonym map to everything written (quotes, citations, context, memos, headings).
    #[arg(long)]
    pub pseudonymise: bool,
}

/// Runs `thicket export PROJECT ...`.
pub fn export(project: PathBuf, command: ExportCommand) -> Result<Ending> {
    match command {
        ExportCommand::Excerpts(args) => export_excerpts(project, *args),
        ExportCommand::Codebook(args) => export_codebook(project, args),
        ExportCommand::CaseReport(args) => export_case_report(project, args),
        ExportCommand::Qdpx(args) => export_qdpx(project, args),
        ExportCommand::Qdc(args) => export_qdc(project, args),
    }
}

fn export_qdpx(project: PathBuf, args: QdpxArgs) -> Result<Ending> {
    let positions = PositionUnit::parse(&args.positions)?;
    if args.out.as_os_str() == "-" {
        return Err(Error::invalid("a .qdpx is a zip archive: give --out FILE.qdpx"));
    }
    let logged = serde_json::to_value(&args).map_err(|e| Error::internal(format!("cannot record the options: {e}")))?;
    let mut p = super::passphrase::open_project(&project)?;
    let map = export_map(&p, args.pseudonymise)?;
    let options = QdpxOptions { positions, map: map.as_ref() };
    let (bytes, _) = qdpx_bytes(&p, &options, &mut |_, _| true)?;
    excerpts::write_replacing(&args.out, &bytes, || true)?;
    p.log_written_export("qdpx", &args.out, logged, map.as_ref())?;
    p.close()?;
    Ok(Ending::Success)
}

fn export_qdc(project: PathBuf, args: QdcArgs) -> Result<Ending> {
    let logged = serde_json::to_value(&args).map_err(|e| Error::internal(format!("cannot record the options: {e}")))?;
    let p = super::passphrase::open_project(&project)?;
    let map = export_map(&p, args.pseudonymise)?;
    let bytes = qdc_bytes(&p, map.as_ref())?;
    write_logged(p, map.as_ref(), "qdc", &bytes, &args.out, logged)
}

fn export_codebook(project: PathBuf, args: CodebookArgs) -> Result<Ending> {
    let format = ReportFormat::parse(&args.format, thicket_core::export::codebook::CodebookReport::FORMATS)?;
    refuse_binary_to_stdout(format, &args.out)?;
    let mut options = CodebookOptions::new("")?;
    options.anchors = args.anchors;
    options.chosen = args.anchor.iter().map(|a| CodebookOptions::parse_anchor(a)).collect::<Result<_>>()?;
    options.citation = CitationTemplate::preset_or_parse(&args.citation)?;
    let logged = serde_json::to_value(&args).map_err(|e| Error::internal(format!("cannot record the options: {e}")))?;
    let p = super::passphrase::open_project(&project)?;
    let map = export_map(&p, args.pseudonymise)?;
    options.title = match args.title {
        Some(t) => t,
        None => format!("Codebook: {}", p.title()?),
    };
    let report = build_codebook(&p, &options)?;
    write_logged(p, map.as_ref(), "codebook", &write_report_with(&report, format, map.as_ref())?, &args.out, logged)
}

fn export_case_report(project: PathBuf, args: CaseReportArgs) -> Result<Ending> {
    let format = ReportFormat::parse(&args.format, thicket_core::export::case_report::CaseReport::FORMATS)?;
    refuse_binary_to_stdout(format, &args.out)?;
    if args.all_cases != args.cases.is_empty() {
        return Err(Error::invalid("say which cases: --case NAME (repeatable) or --all-cases, not both"));
    }
    let codes = match (&args.query, args.codes.is_empty()) {
        (Some(_), false) => return Err(Error::invalid("--query chooses the codes itself: leave out --code")),
        (Some(q), true) => CodeChoice::Query(q.clone()),
        (None, false) => CodeChoice::Codes { paths: args.codes.clone(), subcodes: args.subcodes },
        (None, true) => CodeChoice::All,
    };
    let per_code = match (args.excerpts, &codes) {
        (Some(n), _) => Some(n),
        (None, CodeChoice::All) => Some(ExcerptPick::DEFAULT_PER_CODE),
        (None, _) => None,
    };
    let logged = serde_json::to_value(&args).map_err(|e| Error::internal(format!("cannot record the options: {e}")))?;
    let mut options = CaseReportOptions::new("")?;
    options.cases = args.cases;
    options.excerpts = ExcerptPick { codes, per_code };
    options.citation = CitationTemplate::preset_or_parse(&args.citation)?;
    let p = super::passphrase::open_project(&project)?;
    let map = export_map(&p, args.pseudonymise)?;
    options.title = match args.title {
        Some(t) => t,
        None => format!("Case report: {}", p.title()?),
    };
    let report = build_case_report(&p, &options)?;
    write_logged(p, map.as_ref(), "case-report", &write_report_with(&report, format, map.as_ref())?, &args.out, logged)
}

/// Writes `bytes` to `out` (or stdout for `-`), records a written file in the export log, and
/// closes the project.
fn write_logged(mut p: Project, map: Option<&PseudonymMap>, kind: &str, bytes: &[u8], out: &std::path::Path, logged: serde_json::Value) -> Result<Ending> {
    write_out(bytes, out)?;
    if out.as_os_str() != "-" {
        p.log_written_export(kind, out, logged, map)?;
    }
    p.close()?;
    Ok(Ending::Success)
}

/// Writes `bytes` to `out`, or to stdout for `-`.
/// DOCX is a zip file: it goes to a file, not to a terminal or a pipe of text.
fn refuse_binary_to_stdout(format: ReportFormat, out: &std::path::Path) -> Result<()> {
    if format == ReportFormat::Docx && out.as_os_str() == "-" {
        return Err(Error::invalid("--format docx writes a file: give --out FILE.docx"));
    }
    Ok(())
}

fn write_out(bytes: &[u8], out: &std::path::Path) -> Result<Ending> {
    if out.as_os_str() == "-" {
        emit(&String::from_utf8_lossy(bytes))?;
    } else {
        std::fs::write(out, bytes).map_err(|e| Error::io(IoOp::Write, out, e))?;
    }
    Ok(Ending::Success)
}

fn export_excerpts(project: PathBuf, args: ExcerptsArgs) -> Result<Ending> {
    // Everything that can be checked without the project is checked first, so a typo fails fast.
    let format = ExcerptFormat::parse(&args.format)?;
    let to_stdout = args.out.as_os_str() == "-";
    if !format.is_text() && to_stdout {
        return Err(Error::invalid(format!("--format {} writes a file: give --out FILE.{}", format.name(), format.extension())));
    }
    let codes = match (&args.query, args.all_codes, args.codes.is_empty()) {
        (Some(_), true, _) | (Some(_), _, false) => {
            return Err(Error::invalid("--query chooses the codes itself: leave out --code and --all-codes"));
        }
        (Some(q), _, _) => CodeChoice::Query(q.clone()),
        (None, true, _) => CodeChoice::All,
        (None, false, false) => CodeChoice::Codes { paths: args.codes.clone(), subcodes: args.subcodes },
        (None, false, true) => return Err(Error::invalid("say which codes: --code PATH (repeatable), --all-codes or --query EXPR")),
    };
    let kinds = args
        .scope
        .kinds
        .iter()
        .map(|k| SourceKind::parse(k).ok_or_else(|| Error::invalid(format!("unknown kind \"{k}\": expected one of {}", SourceKind::choices()))))
        .collect::<Result<Vec<_>>>()?;
    let mut options = ExcerptOptions::new("")?;
    options.group_by = GroupBy::parse(&args.group_by)?;
    options.sort = SortBy::parse(&args.sort)?;
    options.citation = CitationTemplate::preset_or_parse(&args.citation)?;
    options.context = args.context;
    options.memos = args.memos;
    options.other_codes = args.other_codes;
    options.definitions = args.definitions;
    options.counts = args.counts;
    let logged = serde_json::to_value(&args).map_err(|e| Error::internal(format!("cannot record the options: {e}")))?;
    let selection = Selection {
        codes,
        cases: args.scope.cases,
        kinds,
        roles: args.scope.roles,
        participants: args.participants,
        coders: args.scope.coders,
        sources: args.sources,
        from_date: args.scope.from_date,
        to_date: args.scope.to_date,
    };
    let mut p = super::passphrase::open_project(&project)?;
    let map = export_map(&p, args.pseudonymise)?;
    options.title = match args.title {
        Some(t) => t,
        None => format!("Excerpts: {}", p.title()?),
    };
    let segments = excerpts::select(&p, &selection)?;
    let mut built = excerpts::build(&p, segments, &options)?;
    if let Some(map) = &map {
        built.pseudonymise(map);
    }
    let bytes = format.render(&built)?;
    if to_stdout {
        emit(&String::from_utf8_lossy(&bytes))?;
    } else {
        excerpts::write_replacing(&args.out, &bytes, || true)?;
    }
    // Only a file that was written is logged.
    p.log_written_export("excerpts", &args.out, logged, map.as_ref())?;
    p.close()?;
    Ok(Ending::Success)
}
