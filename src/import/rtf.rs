//! .rtf import. (Placeholder until the rtf importer lands; see issue 4.)

use super::{Extracted, ImportError};

/// Extracts readable text.
pub(super) fn extract(_bytes: &[u8]) -> Result<Extracted, ImportError> {
    Err(ImportError::Unsupported("rtf".into()))
}
