//! The library's error type, and the exit code each error maps to (DESIGN.md §6).

use crate::store::StoreError;

/// What went wrong, phrased for the user: each message names the file or value and the reason.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value given by the user (a name, a range, a path) cannot be used.
    #[error("{0}")]
    Invalid(String),
    /// The project file could not be opened, read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Error {
    /// Builds an `Invalid` error from anything printable.
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    /// 1 for errors the user can fix, 2 for internal errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid(_) => 1,
            Error::Store(e) if e.is_user_error() => 1,
            Error::Store(_) => 2,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
