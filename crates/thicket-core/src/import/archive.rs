//! Reading entries of ZIP-based formats (docx, odt, xlsx) within safety limits, so that a zip
//! bomb, a huge entry or a damaged archive gives a clear error instead of exhausting memory.

use std::io::{Cursor, Read};

use super::ImportError;

/// Most bytes all entries of an archive may expand to.
pub(super) const MAX_TOTAL_UNCOMPRESSED: u64 = 256 * 1024 * 1024;
/// Most entries an archive may hold.
pub(super) const MAX_ENTRIES: usize = 20_000;
/// Largest expansion ratio accepted for an entry bigger than 1 MiB.
const MAX_RATIO: u64 = 200;

/// An opened ZIP archive whose declared sizes passed the limits.
pub(super) struct Archive {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
}

/// Opens an archive; `what` names the format for messages ("a .docx file").
pub(super) fn open(bytes: &[u8], what: &str) -> Result<Archive, ImportError> {
    if !bytes.starts_with(b"PK") {
        return Err(ImportError::Malformed(format!("it is not a ZIP archive, so not {what} (is it an older binary format, or renamed?)")));
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
        .map_err(|e| ImportError::Malformed(format!("it is a damaged or truncated ZIP archive ({e}), so it cannot be read as {what}")))?;
    let mut archive = Archive { zip };
    archive.check_limits()?;
    Ok(archive)
}

impl Archive {
    fn check_limits(&mut self) -> Result<(), ImportError> {
        if self.zip.len() > MAX_ENTRIES {
            return Err(ImportError::TooLarge(format!("the archive holds {} entries (the limit is {MAX_ENTRIES})", self.zip.len())));
        }
        let mut total = 0u64;
        for i in 0..self.zip.len() {
            let entry = self.zip.by_index_raw(i).map_err(|e| ImportError::Malformed(format!("a damaged ZIP entry ({e})")))?;
            let (size, packed) = (entry.size(), entry.compressed_size().max(1));
            total = total.saturating_add(size);
            if size > 1024 * 1024 && size / packed > MAX_RATIO {
                return Err(ImportError::TooLarge(format!(
                    "entry \"{}\" expands {}x (to {} MB): refused as a likely zip bomb",
                    entry.name().map(|n| n.into_owned()).unwrap_or_default(),
                    size / packed,
                    size / 1_000_000
                )));
            }
        }
        if total > MAX_TOTAL_UNCOMPRESSED {
            return Err(ImportError::TooLarge(format!(
                "the archive expands to {} MB (the limit is {} MB)",
                total / 1_000_000,
                MAX_TOTAL_UNCOMPRESSED / 1_000_000
            )));
        }
        Ok(())
    }

    /// The names of all entries, in archive order.
    pub(super) fn names(&self) -> Vec<String> {
        self.zip.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect()
    }

    /// Reads an entry, or `None` if the archive has no entry of that name. Reading stops at the
    /// declared size, so a lying header cannot make it expand further.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let mut entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(ImportError::Malformed(format!("cannot read \"{name}\" in the archive ({e})"))),
        };
        let limit = entry.size().min(MAX_TOTAL_UNCOMPRESSED);
        let mut out = Vec::with_capacity(usize::try_from(limit).unwrap_or(0).min(64 * 1024 * 1024));
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| ImportError::Malformed(format!("\"{name}\" in the archive is damaged ({e})")))?;
        if out.len() as u64 > limit {
            return Err(ImportError::TooLarge(format!("\"{name}\" is larger than its header says: refused")));
        }
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            for (name, data) in entries {
                w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
                w.write_all(data).unwrap();
            }
            w.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn reads_entries_and_reports_missing_ones() {
        let bytes = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let mut a = open(&bytes, "a .docx file").unwrap();
        assert_eq!(a.names(), ["word/document.xml"]);
        assert_eq!(a.read("word/document.xml").unwrap().unwrap(), b"<w:document/>");
        assert_eq!(a.read("content.xml").unwrap(), None);
    }

    #[test]
    fn refuses_non_zip_truncated_zip_and_bombs() {
        assert!(matches!(open(b"\xD0\xCF\x11\xE0 old word", "a .docx file"), Err(ImportError::Malformed(m)) if m.contains("not a ZIP")));
        let good = zip_of(&[("a.xml", b"<a/>")]);
        assert!(matches!(open(&good[..good.len() / 2], "a .docx file"), Err(ImportError::Malformed(m)) if m.contains("damaged or truncated")));
        let zeros = vec![0u8; 50 * 1024 * 1024];
        let bomb = zip_of(&[("word/document.xml", &zeros)]);
        assert!(matches!(open(&bomb, "a .docx file"), Err(ImportError::TooLarge(m)) if m.contains("zip bomb")));
    }
}
