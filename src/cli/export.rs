//! `thicket export PROJECT excerpts …`: coded passages with citations, for papers.
//!
//! Flags come in as `ExcerptsArgs`; they become a core `Selection` (the same filters as
//! `segments`) and `ExcerptOptions`, the core selects and builds the `Excerpts` model, and one
//! of its writers turns it into the file. Nothing is written to the project.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::analysis::ScopeArgs;
use super::output::emit;
use thicket_core::error::{Ending, Error, Result};
use thicket_core::export::excerpts::{self, CitationTemplate, CodeChoice, ExcerptFormat, ExcerptOptions, GroupBy, Selection, SortBy};
use thicket_core::model::SourceKind;
use thicket_core::project::Project;

/// `thicket export PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Coded excerpts with citations, grouped and sorted, as md, html, csv, xlsx or json.
    Excerpts(ExcerptsArgs),
}

/// `thicket export PROJECT excerpts`
#[derive(Debug, Clone, Args)]
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
    /// md, html, csv, xlsx or json.
    #[arg(long, default_value = "md")]
    pub format: String,
    /// The file to write; - for stdout (not for xlsx).
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `thicket export PROJECT ...`.
pub fn export(project: PathBuf, command: ExportCommand) -> Result<Ending> {
    match command {
        ExportCommand::Excerpts(args) => export_excerpts(project, args),
    }
}

fn export_excerpts(project: PathBuf, args: ExcerptsArgs) -> Result<Ending> {
    // Everything that can be checked without the project is checked first, so a typo fails fast.
    if args.format == "docx" {
        return Err(Error::invalid(format!("--format docx is not available yet: use {}", ExcerptFormat::choices())));
    }
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
    let p = Project::open(&project)?;
    options.title = match args.title {
        Some(t) => t,
        None => format!("Excerpts: {}", p.title()?),
    };
    let segments = excerpts::select(&p, &selection)?;
    let built = excerpts::build(&p, segments, &options)?;
    p.close()?;
    let bytes = format.render(&built)?;
    if to_stdout {
        emit(&String::from_utf8_lossy(&bytes))?;
    } else {
        excerpts::write_replacing(&args.out, &bytes, || true)?;
    }
    Ok(Ending::Success)
}
