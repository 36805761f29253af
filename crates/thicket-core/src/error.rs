//! The library's error type, what kind of failure each error is, and the one table from how a
//! run ended to its exit code (DESIGN.md §6).
//!
//! Every error carries a message for the user (naming the file or value and the reason) and an
//! [`ErrorKind`], so that callers and tests can tell "no code named X" from "bad range" from "the
//! disk refused" without reading the message. The message is what users and scripts see and
//! match on; the kind is what code branches on. [`Ending::exit_code`] is the only place where
//! kinds become exit codes.

use std::path::{Path, PathBuf};

use crate::store::StoreError;

/// What kind of failure an error is: what the user (or a caller) can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Something named does not exist: no source, code, case, participant, coder, attribute or
    /// memo of that name or id; no file at that path.
    NotFound,
    /// A value given cannot be used: a bad range, date, colour, format, name, query or flag, or
    /// a request that makes no sense (merging a code into itself).
    Invalid,
    /// The value is fine but something is in the way: a name already taken, a duplicate coding,
    /// a file that already exists.
    Conflict,
    /// The file is not a usable Thicket project: it fails the integrity check, is truncated, or
    /// is not a Thicket project at all (empty, another application's database, a text file).
    /// It was not changed.
    Damaged,
    /// The project was written by a newer Thicket; it was not changed.
    NewerVersion,
    /// Another Thicket window or process was writing the project for longer than the wait
    /// allows (`store::busy_timeout`); nothing was changed, and trying again may succeed.
    Locked,
    /// The project is encrypted and no passphrase, or a wrong one, was given; it was not changed.
    Passphrase,
    /// A file or folder could not be read, written or created (the error keeps its path), or
    /// the output could not be written.
    Io,
    /// Something this run needs is not there: a display for the window, or a build with it.
    Unavailable,
    /// A bug, or a state Thicket should never reach: an unexpected database error, data in the
    /// project file that Thicket would never have written, a broken bundled sample.
    Internal,
    /// The user stopped the work before it was done (a Cancel button); nothing was changed.
    Cancelled,
}

/// What was being done to a file when it failed; it words the message ("cannot write ...").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoOp {
    /// Reading a file.
    Read,
    /// Writing a file (an export, an `--out` file).
    Write,
    /// Creating a file or folder.
    Create,
}

impl std::fmt::Display for IoOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IoOp::Read => "read",
            IoOp::Write => "write",
            IoOp::Create => "create",
        })
    }
}

/// What went wrong, phrased for the user: each message names the file or value and the reason.
/// [`Error::kind`] says what kind of failure it is.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something named does not exist ([`ErrorKind::NotFound`]).
    #[error("{0}")]
    NotFound(String),
    /// A value given by the user (a name, a range, a date, a flag) cannot be used
    /// ([`ErrorKind::Invalid`]).
    #[error("{0}")]
    Invalid(String),
    /// A name is taken or an item already exists ([`ErrorKind::Conflict`]).
    #[error("{0}")]
    Conflict(String),
    /// Something the run needs is missing from this machine or build ([`ErrorKind::Unavailable`]).
    #[error("{0}")]
    Unavailable(String),
    /// A bug or an impossible state ([`ErrorKind::Internal`]).
    #[error("{0}")]
    Internal(String),
    /// A file could not be read, written or created ([`ErrorKind::Io`]).
    #[error("cannot {op} \"{path}\": {source}")]
    Io { op: IoOp, path: PathBuf, source: std::io::Error },
    /// Standard output could not be written ([`ErrorKind::Io`]); it has no path to name.
    #[error("cannot write output: {0}")]
    Output(#[source] std::io::Error),
    /// The project file could not be opened, read or written (its kind comes from the
    /// [`StoreError`]).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Error {
    /// Nothing has this name, id or path.
    pub fn not_found(message: impl Into<String>) -> Self {
        Error::NotFound(message.into())
    }

    /// A value cannot be used.
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    /// A name is taken, or the thing already exists.
    pub fn conflict(message: impl Into<String>) -> Self {
        Error::Conflict(message.into())
    }

    /// Something the run needs is not available here.
    pub fn unavailable(message: impl Into<String>) -> Self {
        Error::Unavailable(message.into())
    }

    /// The user stopped the work (Cancel); nothing was changed.
    pub fn cancelled() -> Self {
        Error::Store(StoreError::Cancelled)
    }

    /// A bug or a state Thicket should never reach.
    pub fn internal(message: impl Into<String>) -> Self {
        Error::Internal(message.into())
    }

    /// `op` failed on the file at `path`; the message names the path and the system's reason.
    pub fn io(op: IoOp, path: &Path, source: std::io::Error) -> Self {
        Error::Io { op, path: path.to_owned(), source }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Unavailable(_) => ErrorKind::Unavailable,
            Error::Internal(_) => ErrorKind::Internal,
            Error::Io { .. } | Error::Output(_) => ErrorKind::Io,
            Error::Store(e) => e.kind(),
        }
    }

    /// The file this error is about, when it is about one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. } => Some(path),
            Error::Store(e) => e.path(),
            _ => None,
        }
    }

    /// This error, naming the project file `path` if it is about the project but did not say
    /// which file (damage met while reading, a full disk, a read-only file).
    pub fn with_project(self, path: &Path) -> Self {
        match self {
            Error::Store(e) => Error::Store(e.with_path(path)),
            other => other,
        }
    }

    /// 1 for errors the user can fix, 2 for internal errors (see [`Ending::exit_code`]).
    pub fn exit_code(&self) -> i32 {
        i32::from(Ending::Failed(self.kind()).exit_code())
    }
}

impl crate::store::NamesProject for Error {
    fn with_project(self, path: &Path) -> Self {
        Error::with_project(self, path)
    }
}

/// How a run of a command ended: all that its exit code depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// It did what was asked.
    Success,
    /// It ran to the end but reported problems the user must look at: files that could not be
    /// imported, findings of `check`.
    Problems,
    /// It stopped on an error of this kind.
    Failed(ErrorKind),
}

impl Ending {
    /// The process exit code (DESIGN.md §6): 0 ok, 1 a problem the user can act on (the message
    /// names the file or value and the reason), 2 an internal error. The only place exit codes
    /// are decided.
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Success => 0,
            Ending::Problems => 1,
            Ending::Failed(kind) => match kind {
                ErrorKind::NotFound
                | ErrorKind::Invalid
                | ErrorKind::Conflict
                | ErrorKind::Damaged
                | ErrorKind::NewerVersion
                | ErrorKind::Locked
                | ErrorKind::Passphrase
                | ErrorKind::Io
                | ErrorKind::Unavailable
                | ErrorKind::Cancelled => 1,
                ErrorKind::Internal => 2,
            },
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_internal_errors_exit_2() {
        assert_eq!(Ending::Success.exit_code(), 0);
        assert_eq!(Ending::Problems.exit_code(), 1);
        assert_eq!(Error::not_found("no code named \"X\"").exit_code(), 1);
        assert_eq!(Error::conflict("taken").exit_code(), 1);
        assert_eq!(Error::internal("bug").exit_code(), 2);
        let corrupt = StoreError::Corrupt("a coding past the end of its source".into());
        assert_eq!(Error::from(corrupt).exit_code(), 2);
    }

    #[test]
    fn an_io_error_keeps_its_path_and_words_the_message() {
        let e = Error::io(IoOp::Write, Path::new("out/table.csv"), std::io::Error::other("disk full"));
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(e.path(), Some(Path::new("out/table.csv")));
        assert_eq!(e.to_string(), "cannot write \"out/table.csv\": disk full");
    }
}
