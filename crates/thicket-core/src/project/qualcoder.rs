//! `import_qualcoder`: a QualCoder project folder (`NAME.qda`) into a new Thicket project file.
//!
//! The folder is only read: its `data.qda` through `store::read_qualcoder` (read-only and
//! immutable), and a document's file in `documents/` when the database has no text for it.
//! The new project is written beside its final name as a hidden `.NAME.partial` file, in one
//! `Action::ImportProject`, closed, and only then given its name (never over an existing file),
//! so that a failure or a cancel leaves no project file behind.

use std::path::{Path, PathBuf};

use super::Project;
use crate::action::Action;
use crate::error::{Error, IoOp, Result};
use crate::import::qualcoder::rows::QcSource;
use crate::import::qualcoder::{QualCoderReport, convert};
use crate::store::{StoreError, read_qualcoder};

/// Largest document file read for a source without text in the database.
const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the QualCoder project `folder` (or its `data.qda`) into a new project at `new_project`
/// (refused if it exists). `observer` hears the progress of the writing (rows done, rows in
/// all) and may stop it, which leaves nothing behind.
pub fn import_qualcoder(
    new_project: &Path,
    folder: &Path,
    observer: &mut (dyn FnMut(usize, usize) -> bool + Send),
) -> Result<QualCoderReport> {
    if new_project.exists() {
        return Err(StoreError::AlreadyExists { path: new_project.to_owned() }.into());
    }
    let (folder, db) = locate(folder)?;
    let rows = read_qualcoder(&db)?;
    let mut load = |s: &QcSource| document_file(&folder, s);
    let now = crate::clock::now_rfc3339();
    let imported = convert(&rows, &db.display().to_string(), &folder.display().to_string(), &now, &mut load)?;
    let title = folder.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "QualCoder project".into());
    let partial = partial_path(new_project);
    remove_partial(&partial);
    let written = (|| -> Result<()> {
        let mut project = Project::create(&partial, &title)?;
        let label = format!("Import QualCoder project “{title}”");
        project.perform_observed(Action::ImportProject { label, rows: Box::new(imported.rows), step: crate::action::Bundle::ImportQualCoderProject { title: title.to_string() }.boxed() }, observer)?;
        project.close().map(|_| ())
    })();
    if let Err(e) = written {
        remove_partial(&partial);
        return Err(e);
    }
    // A hard link cannot replace an existing file, so a project made meanwhile is never overwritten.
    let placed = match std::fs::hard_link(&partial, new_project) {
        Ok(()) => std::fs::remove_file(&partial).map_err(|e| Error::io(IoOp::Write, &partial, e)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(StoreError::AlreadyExists { path: new_project.to_owned() }.into()),
        Err(_) if !new_project.exists() => std::fs::rename(&partial, new_project).map_err(|e| Error::io(IoOp::Create, new_project, e)),
        Err(_) => Err(StoreError::AlreadyExists { path: new_project.to_owned() }.into()),
    };
    if placed.is_err() {
        remove_partial(&partial);
    }
    placed.map(|()| imported.report)
}

/// The project folder and its database, from the folder or from the `data.qda` in it.
fn locate(given: &Path) -> Result<(PathBuf, PathBuf)> {
    let meta = std::fs::metadata(given).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::not_found(format!("cannot import \"{}\": no such folder", given.display())),
        _ => Error::io(IoOp::Read, given, e),
    })?;
    if meta.is_file() {
        if given.file_name().is_some_and(|n| n == "data.qda") {
            let folder = given.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            return Ok((folder.to_owned(), given.to_owned()));
        }
        return Err(Error::invalid(format!(
            "cannot import \"{}\": it is a file, not a QualCoder project folder (a folder NAME.qda holding data.qda)",
            given.display()
        )));
    }
    let db = given.join("data.qda");
    if !db.is_file() {
        return Err(Error::not_found(format!(
            "cannot import \"{}\": it has no data.qda, so it is not a QualCoder project folder",
            given.display()
        )));
    }
    Ok((given.to_owned(), db))
}

/// The file of a document whose text the database lacks: `documents/NAME` for a document kept
/// in the project (`mediapath` empty or `/docs/NAME`), or the linked file (`docs:PATH`).
fn document_file(folder: &Path, s: &QcSource) -> Option<(String, Vec<u8>)> {
    let path = match s.mediapath.as_deref() {
        None | Some("") => folder.join("documents").join(&s.name),
        Some(m) if m.starts_with("/docs/") => folder.join("documents").join(&m["/docs/".len()..]),
        Some(m) if m.starts_with("docs:") => PathBuf::from(&m["docs:".len()..]),
        Some(_) => return None,
    };
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_DOCUMENT_BYTES {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    // A document kept under its source name may lack an extension: read it as text.
    let name = if crate::import::extension(&name).is_some() { name } else { format!("{name}.txt") };
    Some((name, bytes))
}

/// `.NAME.partial` beside `path`.
fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

/// Removes a partial project and its SQLite side files, if there.
fn remove_partial(partial: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = partial.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
