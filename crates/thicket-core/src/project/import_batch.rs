//! Importing files and folders as one action: read, parse, skip re-imports, report every failure
//! by name, and import the rest in one transaction (a failed file leaves nothing behind).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Project;
use super::apply::text_hash;
use crate::action::{Action, NewSource, NewTurn};
use crate::clock::is_valid_date;
use crate::error::{Error, Result};
use crate::import::{ImportSettings, ImportedDocument, SUPPORTED_EXTENSIONS, extension, import_bytes};
use crate::model::{SourceKind, TextSpan};

/// A path as text in JSON even when it is not valid UTF-8 (serde's own refuses it, and the
/// whole report would be lost): bytes that do not decode become U+FFFD.
fn lossy_path<S: serde::Serializer>(path: &Path, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// How to import a batch.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Kind for every source; guessed from the text when `None`.
    pub kind: Option<SourceKind>,
    /// Case to put every source in (created if missing).
    pub case: Option<String>,
    /// Session date for every source, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where to read each file's date from when `date` is not given.
    pub date_from: DateFrom,
    /// Speaker detection and table handling.
    pub settings: ImportSettings,
    /// Speaker labels to rename on import (label as detected → participant name), which is how
    /// detected speakers are merged or mapped to existing participants.
    pub speaker_map: Vec<(String, String)>,
    /// Roles for participants this import creates (participant name → role).
    pub speaker_roles: Vec<(String, String)>,
}

/// Where a source's session date comes from when no `--date` is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateFrom {
    /// No date.
    #[default]
    Nothing,
    /// A `YYYY-MM-DD` (or `YYYYMMDD`) at the start of the file name, e.g. `2024-03-05_visit.docx`.
    Name,
    /// The file's modification time (local calendar date, as UTC).
    Modified,
}

/// A file (or a row of a table file) that became a source.
#[derive(Debug, Clone, Serialize)]
pub struct ImportedFile {
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    pub source: String,
    pub kind: SourceKind,
    /// The format read, e.g. `docx`.
    pub format: String,
    /// The encoding decoded from, e.g. `UTF-8` or `windows-1252`.
    pub encoding: String,
    pub date: Option<String>,
    pub words: usize,
    /// Speakers found, with their turn counts, by name.
    pub speakers: Vec<(String, usize)>,
}

/// A file that was not imported, and why.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedFile {
    /// In JSON, the path as text; bytes that are not UTF-8 become U+FFFD.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// Why, in English (the CLI's report and its JSON).
    pub reason: String,
    /// Why, as a value a window names in its own language (`reason` is its `Display`).
    #[serde(skip)]
    pub why: SkipReason,
}

impl SkippedFile {
    pub fn new(path: PathBuf, why: SkipReason) -> SkippedFile {
        SkippedFile { path, reason: why.to_string(), why }
    }
}

/// Why a file was not imported. `Display` is the English the command line prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// No such file or folder.
    NotFound,
    /// The file or folder may not be read.
    PermissionDenied,
    /// Another error of the system, as the system words it.
    Io(String),
    /// A named pipe, socket or device (or something else that is not a regular file).
    NotAFile(NotAFile),
    /// A symbolic link to something that cannot be read, and why.
    BrokenLink(Box<SkipReason>),
    /// A link to a folder already imported or being imported.
    FolderLoop,
    /// Bigger than the most one file may have (`MAX_FILE_BYTES`, `limit_mb` MiB): `bytes` long.
    TooBig { bytes: u64, limit_mb: u64 },
    /// The file's reader refused it (core's error message, in English).
    Unreadable(String),
    /// The same text as a source already in the project.
    SameAsSource { name: String },
    /// The same text as another file of the batch.
    SameInBatch,
}

/// What a `SkipReason::NotAFile` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Fifo,
    Socket,
    Device,
    Other,
}

impl Default for SkipReason {
    fn default() -> SkipReason {
        SkipReason::Io(String::new())
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::NotFound => f.write_str("no such file or folder"),
            SkipReason::PermissionDenied => f.write_str("permission denied"),
            SkipReason::Io(text) | SkipReason::Unreadable(text) => f.write_str(text),
            SkipReason::NotAFile(kind) => {
                let what = match kind {
                    NotAFile::Fifo => "a named pipe (FIFO)",
                    NotAFile::Socket => "a socket",
                    NotAFile::Device => "a device",
                    NotAFile::Other => "not a regular file",
                };
                write!(f, "skipped: it is {what}, not a regular file")
            }
            SkipReason::BrokenLink(why) => write!(f, "skipped: a symbolic link to nothing readable ({why})"),
            SkipReason::FolderLoop => f.write_str("skipped: a link to a folder already imported or being imported (a loop)"),
            SkipReason::TooBig { bytes, limit_mb } => write!(f, "it is {:.0} MB, more than the {limit_mb} MB one file may have", *bytes as f64 / 1_048_576.0),
            SkipReason::SameAsSource { name } => write!(f, "same text as source \"{name}\", already in the project"),
            SkipReason::SameInBatch => f.write_str("same text as another file in this batch"),
        }
    }
}

/// What an import did, file by file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub imported: Vec<ImportedFile>,
    /// Same text as a source already in the project (or earlier in the batch): not imported again.
    pub duplicates: Vec<SkippedFile>,
    /// Files that could not be read.
    pub failed: Vec<SkippedFile>,
    /// Roles suggested for participants that are still without one after the import, as
    /// (participant, role): not applied, so a script or the user decides
    /// (`thicket participant P set NAME --role ROLE`, or `--speaker-role` on import).
    pub suggested_roles: Vec<(String, String)>,
}

/// Files read and parsed, not yet in the project: the part of an import that can run on a
/// background thread (it touches no database) with progress and cancel.
#[derive(Debug, Clone, Default)]
pub struct ReadBatch {
    /// Each readable file with its documents (a table file can give several).
    pub files: Vec<(PathBuf, Vec<ImportedDocument>)>,
    /// Files that could not be read or parsed, with the reason.
    pub failed: Vec<SkippedFile>,
    /// True when the user cancelled before every file was read.
    pub cancelled: bool,
}

impl ReadBatch {
    /// Speaker labels found across the batch with their turn counts, by label.
    pub fn speakers(&self) -> Vec<(String, usize)> {
        let mut counts = std::collections::BTreeMap::new();
        for doc in self.files.iter().flat_map(|(_, docs)| docs) {
            for t in &doc.turns {
                *counts.entry(t.speaker.clone()).or_insert(0) += 1;
            }
        }
        counts.into_iter().collect()
    }

    /// Roles suggested for the batch's speaker labels (see `import::suggest_roles`): in each
    /// document, the one who asks clearly the most questions, as `interviewer`. Judged per document,
    /// because a batch holds interviews by different researchers; sorted, without repeats.
    pub fn suggested_roles(&self) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = self
            .files
            .iter()
            .flat_map(|(_, docs)| docs)
            .flat_map(|d| crate::import::suggest_roles([(d.text.as_str(), d.turns.as_slice())]))
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

/// The most bytes one file may have to be imported: 256 MiB (the same limit as for what a ZIP
/// archive may expand to). A bigger file, a device or a file that grows while read is refused
/// before it can exhaust memory. The whole reference corpus (10 million words) is 55 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The files `paths` stand for: explicit files as given, folders expanded recursively (supported
/// formats only, sorted). Paths that do not exist, and what cannot be imported (named pipes,
/// devices, sockets, links to them, links that lead back into a folder being walked), are
/// reported by name in `failed` with the reason; symbolic links are followed to regular files
/// and to folders, each folder walked once.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SkippedFile>) {
    let (mut files, mut failed) = (Vec::new(), Vec::new());
    let mut walked = std::collections::HashSet::new();
    for path in paths {
        collect_files(path, true, &mut walked, &mut files, &mut failed);
    }
    (files, failed)
}

/// Reads and parses files. `progress(done, total)` is called before each file and after the
/// last; returning `false` cancels (the files read so far are kept, nothing is imported yet).
pub fn read_files(files: Vec<PathBuf>, settings: &crate::import::ImportSettings, mut progress: impl FnMut(usize, usize) -> bool) -> ReadBatch {
    let mut batch = ReadBatch::default();
    let total = files.len();
    for (i, path) in files.into_iter().enumerate() {
        if !progress(i, total) {
            batch.cancelled = true;
            return batch;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match read_capped(&path) {
            Err(why) => batch.failed.push(SkippedFile::new(path, why)),
            Ok(bytes) => match import_bytes(&name, &bytes, settings) {
                Ok(docs) => batch.files.push((path, docs)),
                Err(e) => batch.failed.push(SkippedFile::new(path, SkipReason::Unreadable(e.to_string()))),
            },
        }
    }
    progress(total, total);
    batch
}

/// The bytes of a regular file of at most `MAX_FILE_BYTES`, or why not. The type and size are
/// checked before reading, and the read stops past the limit (a file that grows meanwhile).
fn read_capped(path: &Path) -> std::result::Result<Vec<u8>, SkipReason> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err(not_a_file(&meta.file_type()));
    }
    let too_big = |n: u64| SkipReason::TooBig { bytes: n, limit_mb: MAX_FILE_BYTES / 1_048_576 };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Why something that is not a regular file or a folder is not imported.
fn not_a_file(kind: &std::fs::FileType) -> SkipReason {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        SkipReason::NotAFile(if kind.is_fifo() {
            NotAFile::Fifo
        } else if kind.is_socket() {
            NotAFile::Socket
        } else if kind.is_char_device() || kind.is_block_device() {
            NotAFile::Device
        } else {
            NotAFile::Other
        })
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        SkipReason::NotAFile(NotAFile::Other)
    }
}

impl Project {
    /// Imports files and folders (recursively, supported formats only) as one undoable action.
    pub fn import_paths(&mut self, paths: &[PathBuf], options: &ImportOptions) -> Result<ImportReport> {
        check_options(options)?;
        let (files, failed) = expand_paths(paths);
        let mut batch = read_files(files, &options.settings, |_, _| true);
        batch.failed.splice(0..0, failed);
        self.import_read(batch, options)
    }

    /// Adds files already read (see `read_files`) as one undoable action, skipping texts the
    /// project already has.
    pub fn import_read(&mut self, batch: ReadBatch, options: &ImportOptions) -> Result<ImportReport> {
        check_options(options)?;
        let suggestions = batch.suggested_roles();
        let mut report = ImportReport { failed: batch.failed, ..Default::default() };
        let mut seen_hashes = BTreeSet::new();
        let mut sources = Vec::new();
        for (path, docs) in batch.files {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            for doc in docs {
                let hash = text_hash(&doc.text);
                if let Some(existing) = self.source_with_hash(&hash)? {
                    report.duplicates.push(SkippedFile::new(path.clone(), SkipReason::SameAsSource { name: existing.name }));
                    continue;
                }
                if !seen_hashes.insert(hash) {
                    report.duplicates.push(SkippedFile::new(path.clone(), SkipReason::SameInBatch));
                    continue;
                }
                let source = new_source(&path, &name, doc, options);
                report.imported.push(ImportedFile {
                    path: path.clone(),
                    source: source.name.clone(),
                    kind: source.kind,
                    format: source.original_format.clone(),
                    encoding: source.encoding.clone(),
                    date: source.date.clone(),
                    words: crate::text::word_count(&source.text),
                    speakers: speaker_counts(&source.turns),
                });
                sources.push(source);
            }
        }
        if !sources.is_empty() {
            let outcome = self.perform(Action::ImportSources(sources))?;
            // Names may have been made unique on insert; report the stored ones.
            for (file, id) in report.imported.iter_mut().zip(&outcome.created.sources) {
                if let Some(s) = self.source(*id)? {
                    file.source = s.name;
                }
            }
        }
        let people = self.participants()?;
        for (label, role) in suggestions {
            let name = options.speaker_map.iter().find(|(from, _)| *from == label).map_or(label.as_str(), |(_, to)| to.as_str());
            if people.iter().any(|p| p.name == name && p.role.is_none()) {
                report.suggested_roles.push((name.to_string(), role));
            }
        }
        Ok(report)
    }
}

fn check_options(options: &ImportOptions) -> Result<()> {
    if let Some(d) = &options.date
        && !is_valid_date(d)
    {
        return Err(Error::invalid(format!("invalid date \"{d}\": expected YYYY-MM-DD")));
    }
    Ok(())
}

/// Expands folders (sorted, recursive); explicit files are kept whatever their extension so that
/// an unsupported one is reported, while files of other formats inside folders are passed over.
/// `walked` holds the folders (device and inode) already expanded, so that a link back up the
/// tree (`self -> .`, `up -> ../dir`) is reported instead of walked forever.
fn collect_files(path: &Path, explicit: bool, walked: &mut std::collections::HashSet<(u64, u64)>, files: &mut Vec<PathBuf>, failed: &mut Vec<SkippedFile>) {
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match std::fs::metadata(path) {
        Err(e) if link => failed.push(SkippedFile::new(path.to_owned(), SkipReason::BrokenLink(Box::new(io_reason(&e))))),
        Err(e) => failed.push(SkippedFile::new(path.to_owned(), io_reason(&e))),
        Ok(meta) if meta.is_dir() => {
            if !walked.insert(folder_identity(path, &meta)) {
                failed.push(SkippedFile::new(path.to_owned(), SkipReason::FolderLoop));
                return;
            }
            match std::fs::read_dir(path) {
                Err(e) => failed.push(SkippedFile::new(path.to_owned(), io_reason(&e))),
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    children.sort();
                    for child in children {
                        let hidden = child.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
                        if !hidden {
                            collect_files(&child, false, walked, files, failed);
                        }
                    }
                }
            }
        }
        Ok(meta) => {
            let supported = extension(&path.to_string_lossy()).is_some_and(|e| SUPPORTED_EXTENSIONS.contains(&e.as_str()));
            if !meta.is_file() {
                // A pipe would block the read forever and a device never end: never opened.
                if explicit || supported {
                    failed.push(SkippedFile::new(path.to_owned(), not_a_file(&meta.file_type())));
                }
            } else if explicit || supported {
                files.push(path.to_owned());
            }
        }
    }
}

/// What tells two folders apart whatever path leads to them.
fn folder_identity(path: &Path, meta: &std::fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        let _ = path;
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()).hash(&mut h);
        (0, h.finish())
    }
}

fn io_reason(e: &std::io::Error) -> SkipReason {
    match e.kind() {
        std::io::ErrorKind::NotFound => SkipReason::NotFound,
        std::io::ErrorKind::PermissionDenied => SkipReason::PermissionDenied,
        _ => SkipReason::Io(e.to_string()),
    }
}

fn new_source(path: &Path, file_name: &str, doc: ImportedDocument, options: &ImportOptions) -> NewSource {
    let stem = path.file_stem().map(|s| s.to_string_lossy().trim().to_string()).unwrap_or_default();
    let stem = if stem.is_empty() { file_name.to_string() } else { stem };
    let date = options.date.clone().or_else(|| match options.date_from {
        DateFrom::Nothing => None,
        DateFrom::Name => date_in_name(&stem),
        DateFrom::Modified => modified_date(path),
    });
    let rename = |label: &str| -> String {
        options.speaker_map.iter().find(|(from, _)| from == label).map(|(_, to)| to.clone()).unwrap_or_else(|| label.to_string())
    };
    let turns: Vec<NewTurn> = doc
        .turns
        .iter()
        .filter_map(|t| Some(NewTurn { speaker: rename(&t.speaker), span: TextSpan::new(t.span.start, t.span.end)?, timestamp_ms: t.timestamp_ms }))
        .collect();
    let kind = options.kind.unwrap_or_else(|| guess_kind(&turns));
    NewSource {
        name: match &doc.name {
            Some(row) => format!("{stem} – {row}"),
            None => stem,
        },
        kind,
        text: doc.text,
        date,
        original_name: file_name.to_string(),
        original_format: doc.format,
        encoding: doc.encoding,
        page_starts: doc.page_starts,
        time_marks: doc.time_marks,
        cases: options.case.iter().cloned().collect(),
        participants: Vec::new(),
        turns,
        attributes: doc.attributes,
        roles: options.speaker_roles.clone(),
    }
}

/// The file's modification date, `YYYY-MM-DD` (UTC).
fn modified_date(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let t = time::OffsetDateTime::from(modified);
    Some(format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()))
}

/// A `YYYY-MM-DD` or `YYYYMMDD` at the start of a file name, e.g. `2024-03-05_visit`.
fn date_in_name(stem: &str) -> Option<String> {
    if let Some(candidate) = stem.get(..10)
        && is_valid_date(candidate)
    {
        return Some(candidate.to_string());
    }
    let digits = stem.get(..8)?;
    let next_is_digit = stem[8..].starts_with(|c: char| c.is_ascii_digit());
    if !digits.bytes().all(|b| b.is_ascii_digit()) || next_is_digit {
        return None;
    }
    let candidate = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
    is_valid_date(&candidate).then_some(candidate)
}

/// Four or more speakers suggest a focus group; any turns an interview; none a document.
fn guess_kind(turns: &[NewTurn]) -> SourceKind {
    let speakers: BTreeSet<&str> = turns.iter().map(|t| t.speaker.as_str()).collect();
    match speakers.len() {
        0 => SourceKind::Document,
        1..=3 => SourceKind::Interview,
        _ => SourceKind::FocusGroup,
    }
}

fn speaker_counts(turns: &[NewTurn]) -> Vec<(String, usize)> {
    let mut counts = std::collections::BTreeMap::new();
    for t in turns {
        *counts.entry(t.speaker.clone()).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}

/// The action that imports one text held in memory (pasted or generated rather than read from a
/// file), with speaker turns detected, in no case.
pub fn import_text(name: &str, kind: SourceKind, text: &str) -> Action {
    let turns = crate::import::detect_turns(text)
        .into_iter()
        .filter_map(|t| Some(NewTurn { speaker: t.speaker, span: TextSpan::new(t.span.start, t.span.end)?, timestamp_ms: t.timestamp_ms }))
        .collect();
    Action::ImportSources(vec![NewSource {
        name: name.to_string(),
        kind,
        text: text.to_string(),
        date: None,
        original_name: format!("{name}.txt"),
        original_format: "txt".into(),
        encoding: "UTF-8".into(),
        page_starts: None,
        time_marks: Vec::new(),
        cases: Vec::new(),
        participants: Vec::new(),
        turns,
        attributes: Vec::new(),
        roles: Vec::new(),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_at_the_start_of_a_file_name_is_read_only_if_real() {
        assert_eq!(date_in_name("2024-03-05_visit").as_deref(), Some("2024-03-05"));
        assert_eq!(date_in_name("2024-13-05_visit"), None);
        assert_eq!(date_in_name("visit"), None);
        assert_eq!(date_in_name("20240305 visit").as_deref(), Some("2024-03-05"));
        assert_eq!(date_in_name("202403051200"), None);
    }
}
