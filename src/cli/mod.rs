//! The command line (DESIGN.md §6): parse arguments, run one command, print, exit 0/1/2.
//!
//! Commands build `Action`s or call the project's queries; printing lives in `output`.
//! Errors go to stderr, naming the file or value and the reason. Each command says how it ended
//! (an `Ending`: success, problems reported, or an error of some kind) and `Ending::exit_code`,
//! in the core, is the one table from that to the exit code.

mod analysis;
mod attributes;
mod backup;
mod codebook;
mod coders;
mod commands;
mod export;
mod framework;
mod memos;
mod merge;
mod output;
mod passphrase;
mod pseudonyms;
mod qualcoder;
mod refi;
mod reconcile;
mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use thicket_core::error::{Ending, ErrorKind};

pub use output::Format;

/// `thicket merge --help`: the matching and conflict rules (docs/merge.md has them in full).
const MERGE_HELP: &str = "Merge one or more projects (FROM) into INTO: everything FROM holds that INTO does not comes in, \
as one undoable step (Edit > Undo in the window), with a report of what came in, what matched, the conflicts and how \
each was resolved. FROM files are only read (each is copied aside first).

What is the same entity:
- sources: by content (the hash of the text); a FROM source with another text and the name of an INTO source is \
kept beside it as \"NAME (2)\", with a warning
- codes: by UUID, then by path (\"Parent/Child\")
- cases, participants, coders, attributes, framework matrices: by UUID, then by name
- codings: by UUID, then by source, code, coder and span
- memos: by UUID; turns: by source and span; attribute values: by attribute and entity; pseudonym entries: by the \
original, in any case
- links (sources and participants in cases, sources' own participants), framework columns and rows: the union

A conflict is the same entity changed differently on the two sides: a code renamed, recoloured, re-described or \
moved; a case, participant, coder or source renamed; a memo, coding memo, framework summary, attribute value, turn \
speaker or pseudonym that differs. Memos record when they were created and last edited, so a memo edited on one \
side only comes in without a conflict; other entities do not, so any difference is a conflict and the rule decides:
- --on-conflict into: keep INTO's value
- --on-conflict from: take FROM's value
- --on-conflict both: keep both where that makes sense (a memo: FROM's version comes in as a second memo; a \
description, a coding memo or a framework summary: both texts), else INTO's value
Without --on-conflict, a conflict stops the merge: nothing is written, the conflicts are listed, exit 1.

Exit codes: 0 merged (or nothing to merge), 1 conflicts or a bad FROM file (named), 2 internal error. \
docs/merge.md has the full rules.";

/// Thicket: qualitative coding of ethnographic case studies.
#[derive(Debug, Parser)]
#[command(name = "thicket", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Write CSV cells exactly as stored: no `'` before a cell that starts with =, +, -, @, tab
    /// or carriage return (which a spreadsheet would run as a formula). For programs, not spreadsheets.
    #[arg(long, global = true)]
    pub raw: bool,
    /// Read the passphrase of an encrypted project from FILE (its first line; a trailing
    /// newline is ignored). Without it: $THICKET_PASSPHRASE, else a prompt when stdin is a terminal.
    #[arg(long = "passphrase-file", value_name = "FILE", global = true)]
    pub passphrase_file: Option<PathBuf>,
}

/// The subcommands. Names and flags are stable once shipped.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Merge one or more projects (FROM) into INTO: everything FROM holds that INTO does not
    /// comes in, as one undoable step, with a report.
    #[command(long_about = MERGE_HELP)]
    Merge {
        /// The project merged into (the only file written).
        into: PathBuf,
        /// The projects merged from (only read: each is copied aside first).
        #[arg(required = true)]
        from: Vec<PathBuf>,
        /// What to do where both sides changed the same thing: into (keep INTO's), from (take
        /// FROM's) or both (keep both where both can be kept: memos, texts). Without it, a
        /// conflict stops the merge and nothing is written.
        #[arg(long = "on-conflict")]
        on_conflict: Option<String>,
        /// Show the report without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// table or json.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Open PROJECT in the window.
    Open { project: PathBuf },
    /// Create an empty project.
    New {
        project: PathBuf,
        #[arg(long)]
        title: Option<String>,
        /// Encrypt the new project with a passphrase (--passphrase-file, $THICKET_PASSPHRASE or
        /// typed twice at a terminal). A lost passphrase cannot be recovered.
        #[arg(long)]
        encrypt: bool,
    },
    /// Encrypt a plain project with a passphrase (--passphrase-file, $THICKET_PASSPHRASE or typed
    /// twice at a terminal). The file is rewritten and replaced once checked. A lost passphrase
    /// cannot be recovered: without it the project cannot be opened.
    Encrypt { project: PathBuf },
    /// Remove the encryption of a project (its passphrase as for any command).
    Decrypt { project: PathBuf },
    /// Change the passphrase of an encrypted project: the current one as for any command, the new
    /// one from --new-passphrase-file, $THICKET_NEW_PASSPHRASE or typed twice at a terminal.
    Passphrase {
        project: PathBuf,
        #[arg(long = "new-passphrase-file", value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
    /// Write the bundled sample study (three families, a focus group, two coders) to PROJECT.
    Sample { project: PathBuf },
    /// Import files or folders as sources.
    // `command()` adds the formats to this line, from the importers' own list.
    Import {
        project: PathBuf,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// interview, focus_group, observation, field_note, case_file or document (default: guessed).
        #[arg(long)]
        kind: Option<String>,
        /// Put the sources in this case (created if missing).
        #[arg(long)]
        case: Option<String>,
        /// Session date, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        /// Read a leading YYYY-MM-DD in each file name as its date (same as --date-from name).
        #[arg(long)]
        date_from_name: bool,
        /// Where to read dates from when --date is not given: name or modified.
        #[arg(long)]
        date_from: Option<String>,
        /// Speaker-turn detection: auto or none.
        #[arg(long, default_value = "auto")]
        speakers: String,
        /// Rename a detected speaker label: LABEL=PARTICIPANT (repeatable; maps several labels
        /// onto one participant, or onto an existing one).
        #[arg(long = "map-speaker")]
        map_speaker: Vec<String>,
        /// Role for a participant the import creates: NAME=ROLE (repeatable).
        #[arg(long = "speaker-role")]
        speaker_role: Vec<String>,
        /// For .csv/.xlsx: `row` (one source per row, other columns as attributes) or `file`.
        #[arg(long, default_value = "row")]
        table: String,
        /// For --table row: the column holding the text (default: the one with the most text).
        #[arg(long)]
        text_column: Option<String>,
        /// For --table row: the column naming each row's source.
        #[arg(long)]
        name_column: Option<String>,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Read a QualCoder project folder (NAME.qda) into a new project; the folder is only read.
    ImportQualcoder {
        /// The new project file (refused if it exists).
        project: PathBuf,
        /// The QualCoder project folder, NAME.qda (holding data.qda).
        folder: PathBuf,
        /// table, csv or json.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Create a new project from a REFI-QDA project (.qdpx) exported by NVivo, ATLAS.ti, MAXQDA,
    /// QualCoder or Thicket: sources, codes, codings, coders, cases, memos and attributes, with a
    /// report of what was read, skipped and corrected.
    #[command(name = "import-qdpx")]
    ImportQdpx {
        /// The new project file (refused if it exists).
        new_project: PathBuf,
        /// The .qdpx file.
        qdpx: PathBuf,
        /// table (a readable report) or json.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// List sources, cases, participants, codes, coders or codings.
    List {
        project: PathBuf,
        what: String,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Manage cases.
    Case {
        project: PathBuf,
        #[command(subcommand)]
        command: CaseCommand,
    },
    /// Set what a source carries besides its text: its author's perspective.
    Source {
        project: PathBuf,
        #[command(subcommand)]
        command: SourceCommand,
    },
    /// Manage participants (stakeholders).
    Participant {
        project: PathBuf,
        #[command(subcommand)]
        command: ParticipantCommand,
    },
    /// Rotating snapshots of a project (NAME.thicket-backups/ beside it): list, make, restore.
    Backup {
        project: PathBuf,
        #[command(subcommand)]
        command: BackupCommand,
    },
    /// The audit trail: every action, undo and redo, newest first (who, when, what, on what).
    Log {
        project: PathBuf,
        /// Only what touched this source.
        #[arg(long)]
        source: Option<String>,
        /// Only what touched this code (its path, e.g. "Ruptures/Withdrawal").
        #[arg(long)]
        code: Option<String>,
        /// Only what this coder did.
        #[arg(long)]
        coder: Option<String>,
        /// Only from this date (YYYY-MM-DD, UTC) or time (RFC 3339) on.
        #[arg(long)]
        since: Option<String>,
        /// table, json or csv.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Manage coders: add, rename, colour, retire, and record blind coding.
    Coder {
        project: PathBuf,
        #[command(subcommand)]
        command: CoderCommand,
    },
    /// Manage the codebook and apply codes.
    Code {
        project: PathBuf,
        #[command(subcommand)]
        command: CodeCommand,
    },
    /// Write and list memos.
    Memo {
        project: PathBuf,
        #[command(subcommand)]
        command: MemoCommand,
    },
    /// Define attributes (typed variables) and set their values on cases, participants, sources.
    Attribute {
        project: PathBuf,
        #[command(subcommand)]
        command: AttributeCommand,
    },
    /// Remove codings.
    Coding {
        project: PathBuf,
        #[command(subcommand)]
        command: CodingCommand,
    },
    /// Retrieve coded segments.
    Segments {
        project: PathBuf,
        /// Code path, e.g. "Ruptures/Withdrawal" (repeatable).
        #[arg(long = "code")]
        codes: Vec<String>,
        /// Retrieve the codings of every code.
        #[arg(long)]
        all_codes: bool,
        /// Include the codings of sub-codes of each --code.
        #[arg(long)]
        subcodes: bool,
        #[arg(long = "case")]
        cases: Vec<String>,
        #[arg(long = "role")]
        roles: Vec<String>,
        #[arg(long = "kind")]
        kinds: Vec<String>,
        #[arg(long = "coder")]
        coders: Vec<String>,
        #[arg(long = "source")]
        sources: Vec<String>,
        /// Boolean retrieval, e.g. "\"Ruptures/Withdrawal\" AND Repair" (AND, OR, NOT, NEAR/N,
        /// FOLLOWED-BY, parentheses); replaces --code and --all-codes.
        #[arg(long)]
        query: Option<String>,
        /// Only segments in sources dated on or after YYYY-MM-DD.
        #[arg(long)]
        from_date: Option<String>,
        /// Only segments in sources dated on or before YYYY-MM-DD.
        #[arg(long)]
        to_date: Option<String>,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Find a word, phrase or regular expression in the sources, with context and speaker.
    Search(search::SearchArgs),
    /// Code every hit of a phrase or regular expression, extended to its sentence, paragraph or turn.
    Autocode(search::AutocodeArgs),
    /// Cross-tabulate codes against cases, roles, kinds, coders, participants, periods or an attribute.
    Crosstab(analysis::CrosstabArgs),
    /// Count which codes co-occur (overlap, same paragraph, same turn, or within N characters).
    Cooccur(analysis::CooccurArgs),
    /// For each case and code, the source kinds and roles that hold codings, and whether they corroborate.
    Triangulate(analysis::TriangulateArgs),
    /// Count codings of one code followed by another within a window, per case; transition matrices.
    Sequence(analysis::SequenceArgs),
    /// Per case, codings of each code per session date.
    Timeline(analysis::TimelineArgs),
    /// Inter-coder agreement: kappas, Krippendorff's alpha and the unitizing alphas, with intervals.
    Agreement(analysis::AgreementArgs),
    /// Framework matrices: cases × codes with a summary in each cell.
    Framework {
        project: PathBuf,
        #[command(subcommand)]
        command: framework::FrameworkCommand,
    },
    /// Reconcile two coders' codings into a master coder: list the disagreements, apply decisions.
    Reconcile(reconcile::ReconcileArgs),
    /// Write what the project holds for other programs and for papers (excerpts, the codebook, case reports).
    Export {
        project: PathBuf,
        #[command(subcommand)]
        command: export::ExportCommand,
    },
    /// The pseudonymisation map that exports apply with --pseudonymise: list, add, remove, prefill, preview.
    Pseudonym {
        project: PathBuf,
        #[command(subcommand)]
        command: pseudonyms::PseudonymCommand,
    },
    /// Every export written from the project: when, what, which file, options, pseudonymised or not.
    ExportLog {
        project: PathBuf,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Measure speed and memory on a seeded synthetic corpus (see BENCHMARKS.md).
    Bench {
        /// small (seconds), medium, reference (1,000 sources, 10 million words, 200,000 codings) or
        /// large (ten times the reference).
        #[arg(long, default_value = "small")]
        scale: String,
        /// Run only these: import, open, segments, crosstab, cooccur, agreement, search, reconcile, window, docview, docx, qdpx, memory, qualcoder, backup, encrypted (repeatable, or comma-separated).
        #[arg(long)]
        only: Vec<String>,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Build the corpus here instead of a temp folder (it is removed afterwards either way).
        #[arg(long)]
        workdir: Option<PathBuf>,
        /// table or json.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Check the project file's integrity and consistency.
    Check {
        project: PathBuf,
        #[arg(long, default_value = "table")]
        format: String,
    },
}

/// `thicket case PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Create a case, or add sources to an existing one.
    Add {
        name: String,
        #[arg(long = "source")]
        sources: Vec<String>,
        #[arg(long)]
        description: Option<String>,
    },
}

/// `thicket coder PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum CoderCommand {
    /// Add a coder (in the next colour of the coders' palette unless --color is given).
    Add {
        name: String,
        /// The coder's colour, #RRGGBB.
        #[arg(long)]
        color: Option<String>,
    },
    /// Rename a coder; their codings and memos go with them.
    Rename { old: String, new: String },
    /// Give a coder another colour (#RRGGBB).
    Color { name: String, color: String },
    /// Retire a coder: their codings and memos stay, but they are not offered for new work.
    Retire { name: String },
    /// Bring back a retired coder.
    Unretire { name: String },
    /// Record that a coder starts (on) or stops (off) coding blind.
    Blind {
        name: String,
        #[arg(value_parser = ["on", "off"])]
        state: String,
    },
}

/// `thicket source PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Say whose perspective a source carries (its author), or take that back.
    #[command(group(clap::ArgGroup::new("perspective").required(true).args(["author", "no_author"])))]
    Set {
        /// The source's name.
        name: String,
        /// The perspective of the one who wrote it: agency, researcher, or a role.
        #[arg(long)]
        author: Option<String>,
        /// The source carries no author's perspective.
        #[arg(long)]
        no_author: bool,
    },
}

/// `thicket participant PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// Create a participant or change their role and cases.
    Set {
        name: String,
        #[arg(long)]
        role: Option<String>,
        /// Add to this case (repeatable).
        #[arg(long = "case")]
        cases: Vec<String>,
        /// Rename the participant (their turns and codings follow).
        #[arg(long)]
        rename: Option<String>,
    },
    /// Merge one participant into another: turns, cases and codings' attribution move over.
    Merge {
        from: String,
        #[arg(long)]
        into: String,
    },
}

/// `thicket code PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum CodeCommand {
    /// Add a code; PATH is "Parent/Child" and missing parents are created.
    Add {
        path: String,
        #[arg(long)]
        color: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Code a range of a source.
    Apply {
        code: String,
        #[arg(long)]
        source: String,
        /// START..END in characters (Unicode scalar values), end exclusive.
        #[arg(long)]
        range: String,
        #[arg(long)]
        coder: Option<String>,
    },
    /// Rename a code (its codings and sub-codes stay with it).
    Rename { path: String, new_name: String },
    /// Move a code, with its sub-codes and codings, under another code or to the top level.
    #[command(group(clap::ArgGroup::new("to").required(true).args(["under", "top"])))]
    Move {
        path: String,
        /// The code to move it under.
        #[arg(long)]
        under: Option<String>,
        /// Move it to the top level.
        #[arg(long)]
        top: bool,
    },
    /// Merge a code into another: its codings and sub-codes move over, and it is deleted.
    Merge {
        from: String,
        #[arg(long)]
        into: String,
    },
    /// Delete a code with its sub-codes, their codings and memos.
    Delete { path: String },
}

/// `thicket memo PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum MemoCommand {
    /// Write a memo on the project, or on a source (or a range of it), a code, a case or a participant.
    #[command(group(clap::ArgGroup::new("on").args(["source", "code", "case", "participant"])))]
    Add {
        /// The memo's text.
        #[arg(long)]
        body: String,
        #[arg(long, default_value = "")]
        title: String,
        /// A memo on this source.
        #[arg(long)]
        source: Option<String>,
        /// With --source: on this passage, START..END in characters, end exclusive.
        #[arg(long, requires = "source")]
        range: Option<String>,
        /// A memo on this code (its path).
        #[arg(long)]
        code: Option<String>,
        /// A memo on this case.
        #[arg(long)]
        case: Option<String>,
        /// A memo on this participant.
        #[arg(long)]
        participant: Option<String>,
        /// The memo's author (default: $THICKET_CODER, else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// List every memo with what it is about.
    List {
        #[arg(long, default_value = "table")]
        format: String,
    },
}

/// `thicket backup PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// List the snapshots, newest first, with their date, size and counts.
    List {
        /// The backup folder (default: NAME.thicket-backups beside the project).
        #[arg(long)]
        folder: Option<PathBuf>,
        /// table, json or csv.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Take a snapshot now (checked before it counts), then drop the oldest beyond --keep
    /// (the newest of each of the last 7 days is kept too).
    Make {
        #[arg(long)]
        folder: Option<PathBuf>,
        /// How many of the newest snapshots to keep (default 10).
        #[arg(long)]
        keep: Option<usize>,
    },
    /// Write a snapshot into a new project file (never over PROJECT).
    Restore {
        /// The snapshot: its file name in the backup folder, or a path.
        snapshot: PathBuf,
        /// The new project file.
        #[arg(long)]
        to: PathBuf,
        #[arg(long)]
        folder: Option<PathBuf>,
    },
}

/// `thicket attribute PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum AttributeCommand {
    /// Define an attribute of cases, participants or sources.
    Define {
        name: String,
        /// case, participant or source.
        #[arg(long)]
        on: String,
        /// text, number, date or category.
        #[arg(long = "type", default_value = "text")]
        value_type: String,
        /// For --type category: an allowed value (repeatable).
        #[arg(long = "category")]
        categories: Vec<String>,
    },
    /// Set (or, with --clear, remove) an attribute's value on one case, participant or source.
    #[command(group(clap::ArgGroup::new("entity").required(true).args(["case", "participant", "source"])))]
    #[command(group(clap::ArgGroup::new("what").required(true).args(["value", "clear"])))]
    Set {
        name: String,
        value: Option<String>,
        #[arg(long)]
        case: Option<String>,
        #[arg(long)]
        participant: Option<String>,
        #[arg(long)]
        source: Option<String>,
        /// Remove the value instead of setting one.
        #[arg(long)]
        clear: bool,
    },
    /// List every attribute with its values.
    List {
        #[arg(long, default_value = "table")]
        format: String,
    },
}

/// `thicket coding PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum CodingCommand {
    /// Remove codings by id (the `id` of `list codings`), with their memos.
    Remove {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
}

/// Runs the binary: the GUI without a subcommand, the CLI otherwise.
pub fn main() -> ExitCode {
    let matches = command().try_get_matches();
    // The project a command works on, so that an error met deep in a query (damage in the file,
    // a full disk) can name it.
    let project: Option<PathBuf> = matches.as_ref().ok().and_then(|m| m.subcommand()).and_then(|(_, sub)| {
        sub.try_get_one::<PathBuf>("project").ok().flatten().cloned()
    });
    let parsed = matches.and_then(|m| Cli::from_arg_matches(&m));
    let ending = match parsed {
        Ok(cli) => {
            thicket_core::export::csv::set_raw(cli.raw);
            passphrase::set_file(cli.passphrase_file.clone());
            run(cli.command, project.as_deref())
        }
        Err(e) => {
            let _ = e.print();
            // `--help` and `--version` come here too, printed to stdout: they are not errors.
            if e.use_stderr() { Ending::Failed(ErrorKind::Invalid) } else { Ending::Success }
        }
    };
    ExitCode::from(ending.exit_code())
}

/// The command line's definition, with what only the importers know filled in: the formats
/// `import` reads come from their own list, so the help cannot drift from what is read.
pub fn command() -> clap::Command {
    let formats = thicket_core::import::SUPPORTED_EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ");
    Cli::command().mut_subcommand("import", |c| c.about(format!("Import files or folders as sources ({formats}); or a REFI-QDA codebook (.qdc) into the project")))
}

/// Runs a parsed command, printing an error to stderr if it fails.
fn run(command: Option<Command>, project: Option<&std::path::Path>) -> Ending {
    commands::run(command).unwrap_or_else(|e| {
        let e = match project {
            Some(p) => e.with_project(p),
            None => e,
        };
        // A name in the message may hold an escape sequence: shown, not sent to the terminal.
        eprintln!("thicket: {}", thicket_core::export::printable::visible(&e.to_string()));
        Ending::Failed(e.kind())
    })
}

