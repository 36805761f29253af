//! Plain text, in UTF-8, UTF-16 or a legacy single-byte encoding (see `decode`). Markdown is
//! decoded the same way and then loses its markup (see `markdown`).

use super::{Extracted, ImportError};

/// Decodes the bytes; the text is normalised by the caller.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let (text, encoding) = super::decode_text(bytes)?;
    Ok(Extracted { text, encoding: encoding.to_string(), ..Default::default() })
}
