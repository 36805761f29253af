//! A project to merge from (FROM), opened so that its file is never written: the file (and its
//! write-ahead log, if another process has it open) is copied into a private temporary folder and
//! the copy is opened. Opening the copy runs every check of an ordinary open, and upgrades an older
//! schema in the copy; errors name FROM's file, not the copy.

use std::path::{Path, PathBuf};

use crate::error::{Error, IoOp, Result};
use crate::project::Project;
use crate::store::StoreError;

/// An opened FROM project (a private copy of it), removed when dropped.
#[derive(Debug)]
pub struct MergeSource {
    path: PathBuf,
    folder: PathBuf,
    project: Option<Project>,
}

impl MergeSource {
    /// Copies `path` aside and opens the copy; a missing, damaged, foreign or newer file is
    /// refused with an error naming `path`.
    pub fn open(path: &Path) -> Result<MergeSource> {
        Self::open_keyed(path, None)
    }

    /// `open`, with the passphrase of an encrypted FROM project (a plain one does not need it).
    pub fn open_keyed(path: &Path, key: Option<&crate::store::Passphrase>) -> Result<MergeSource> {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::from(StoreError::NotFound { path: path.to_owned() }),
            _ => Error::Io { op: IoOp::Read, path: path.to_owned(), source: e },
        })?;
        if meta.is_dir() {
            return Err(StoreError::IsDirectory { path: path.to_owned() }.into());
        }
        let folder = std::env::temp_dir().join(format!("thicket-merge-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&folder).map_err(|e| Error::Io { op: IoOp::Create, path: folder.clone(), source: e })?;
        let mut source = MergeSource { path: path.to_owned(), folder, project: None };
        let copy = source.folder.join("from.thicket");
        std::fs::copy(path, &copy).map_err(|e| Error::Io { op: IoOp::Read, path: path.to_owned(), source: e })?;
        let wal = with_suffix(path, "-wal");
        if wal.is_file() {
            std::fs::copy(&wal, with_suffix(&copy, "-wal")).map_err(|e| Error::Io { op: IoOp::Read, path: wal.clone(), source: e })?;
        }
        source.project = Some(Project::open_keyed(&copy, key).map_err(|e| about(e, path))?);
        Ok(source)
    }

    /// The FROM file as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The FROM file's name, for labels.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// The opened copy.
    pub(super) fn project(&self) -> &Project {
        self.project.as_ref().expect("a merge source holds its project until dropped")
    }

    /// True when `other` is FROM's own file.
    pub(super) fn is_file(&self, other: &Path) -> bool {
        match (std::fs::canonicalize(&self.path), std::fs::canonicalize(other)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

impl Drop for MergeSource {
    fn drop(&mut self) {
        drop(self.project.take());
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// An error about the copy, told about FROM's file.
fn about(e: Error, path: &Path) -> Error {
    let Error::Store(store) = e else { return e };
    let path = path.to_owned();
    Error::Store(match store {
        StoreError::NotFound { .. } => StoreError::NotFound { path },
        StoreError::IsDirectory { .. } => StoreError::IsDirectory { path },
        StoreError::NotAProject { reason, .. } => StoreError::NotAProject { path, reason },
        StoreError::NotWritable { reason, .. } => StoreError::NotWritable { path, reason },
        StoreError::NewerVersion { found, supported, .. } => StoreError::NewerVersion { path, found, supported },
        StoreError::Damaged { detail, .. } => StoreError::Damaged { path, detail },
        StoreError::Encrypted { .. } => StoreError::Encrypted { path },
        StoreError::WrongPassphrase { .. } => StoreError::WrongPassphrase { path },
        StoreError::Io { source, .. } => StoreError::Io { path, source },
        other => other,
    })
}
