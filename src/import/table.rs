//! .csv and .xlsx import: a header row and data rows. (Placeholder until the table importer lands.)

use super::ImportError;

/// A table of text cells with a header row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Rows of cells, in header order (ragged rows are padded or reported by the reader).
    pub rows: Vec<Vec<String>>,
    /// The encoding the table was decoded from.
    pub encoding: String,
}

/// Reads CSV.
pub(super) fn read_csv(_bytes: &[u8]) -> Result<Table, ImportError> {
    Err(ImportError::Unsupported("csv".into()))
}

/// Reads the first sheet of an XLSX workbook.
pub(super) fn read_xlsx(_bytes: &[u8]) -> Result<Table, ImportError> {
    Err(ImportError::Unsupported("xlsx".into()))
}
