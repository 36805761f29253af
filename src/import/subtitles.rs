//! .srt and .vtt import. (Placeholder until the subtitle importer lands; see issue 4.)

use super::{Extracted, ImportError};

/// Extracts cues from SubRip.
pub(super) fn extract_srt(_bytes: &[u8]) -> Result<Extracted, ImportError> {
    Err(ImportError::Unsupported("srt".into()))
}

/// Extracts cues from WebVTT.
pub(super) fn extract_vtt(_bytes: &[u8]) -> Result<Extracted, ImportError> {
    Err(ImportError::Unsupported("vtt".into()))
}
