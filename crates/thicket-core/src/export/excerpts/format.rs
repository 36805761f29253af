//! The formats an excerpt export is written in: one list, which the command line's `--format`
//! and the window's format menu both read, so that a new writer (DOCX) is one entry here.
//!
//! In: the built `Excerpts`. Out: the file's bytes ([`ExcerptFormat::render`]), or the file
//! itself ([`write_replacing`]): written beside its final name and renamed into place, so that a
//! failed or cancelled export never leaves half a file under the name the user chose.

use std::path::{Path, PathBuf};

use super::{Excerpts, excerpt_sheet, to_csv, to_html, to_json, to_markdown};
use crate::error::{Error, IoOp, Result};
use crate::export::xlsx_bytes;

/// A format excerpts can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcerptFormat {
    Markdown,
    Html,
    /// Word, through the report `Document` (`to_document`, `document::to_docx`).
    Docx,
    Csv,
    Xlsx,
    Json,
}

impl ExcerptFormat {
    /// Every format, in the order menus list them.
    pub const ALL: [ExcerptFormat; 6] = [ExcerptFormat::Markdown, ExcerptFormat::Html, ExcerptFormat::Docx, ExcerptFormat::Csv, ExcerptFormat::Xlsx, ExcerptFormat::Json];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            ExcerptFormat::Markdown => "md",
            ExcerptFormat::Html => "html",
            ExcerptFormat::Docx => "docx",
            ExcerptFormat::Csv => "csv",
            ExcerptFormat::Xlsx => "xlsx",
            ExcerptFormat::Json => "json",
        }
    }

    /// The file extensions, without the dot, the usual one first (a file dialog's filter).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ExcerptFormat::Markdown => &["md", "markdown"],
            ExcerptFormat::Html => &["html", "htm"],
            ExcerptFormat::Docx => &["docx"],
            ExcerptFormat::Csv => &["csv"],
            ExcerptFormat::Xlsx => &["xlsx"],
            ExcerptFormat::Json => &["json"],
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// What the format is, for a menu and a file dialog's filter.
    pub fn label(self) -> &'static str {
        match self {
            ExcerptFormat::Markdown => "Markdown",
            ExcerptFormat::Html => "HTML page",
            ExcerptFormat::Docx => "Word document",
            ExcerptFormat::Csv => "CSV table",
            ExcerptFormat::Xlsx => "XLSX workbook",
            ExcerptFormat::Json => "JSON",
        }
    }

    /// Whether the format is text that can go to standard output.
    pub fn is_text(self) -> bool {
        !matches!(self, ExcerptFormat::Xlsx | ExcerptFormat::Docx)
    }

    /// The names, for help and errors: `md, html, docx, csv, xlsx or json`.
    pub fn choices() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }

    /// The format named `s` (as `--format` takes it).
    pub fn parse(s: &str) -> Result<Self> {
        Self::ALL.into_iter().find(|f| f.name() == s).ok_or_else(|| Error::invalid(format!("unknown format \"{s}\": expected {}", Self::choices())))
    }

    /// The file's bytes.
    pub fn render(self, excerpts: &Excerpts) -> Result<Vec<u8>> {
        Ok(match self {
            ExcerptFormat::Markdown => to_markdown(excerpts).into_bytes(),
            ExcerptFormat::Html => to_html(excerpts).into_bytes(),
            ExcerptFormat::Docx => crate::export::document::to_docx(&super::to_document(excerpts))?,
            ExcerptFormat::Csv => to_csv(excerpts).into_bytes(),
            ExcerptFormat::Xlsx => xlsx_bytes(&[excerpt_sheet(excerpts)])?,
            ExcerptFormat::Json => to_json(excerpts)?.into_bytes(),
        })
    }
}

/// Where a file is written before it is renamed to `path`: beside it, hidden, so that the rename
/// stays on one file system.
pub fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

/// Writes `bytes` to `path`, replacing any file there, through `partial_path`: until the rename,
/// `path` is untouched; on a failure the partial file is removed. `keep_going` is asked just
/// before the rename (a cancelled export stops there and leaves nothing).
pub fn write_replacing(path: &Path, bytes: &[u8], keep_going: impl Fn() -> bool) -> Result<bool> {
    let partial = partial_path(path);
    let written = std::fs::write(&partial, bytes).map_err(|e| Error::io(IoOp::Write, path, e));
    if let Err(e) = written {
        std::fs::remove_file(&partial).ok();
        return Err(e);
    }
    if !keep_going() {
        std::fs::remove_file(&partial).map_err(|e| Error::io(IoOp::Write, &partial, e))?;
        return Ok(false);
    }
    if let Err(e) = std::fs::rename(&partial, path) {
        std::fs::remove_file(&partial).ok();
        return Err(Error::io(IoOp::Write, path, e));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly on purpose

    use super::*;

    #[test]
    fn names_parse_and_errors_list_every_format() {
        for f in ExcerptFormat::ALL {
            assert_eq!(ExcerptFormat::parse(f.name()).unwrap(), f);
        }
        assert_eq!(ExcerptFormat::parse("pdf").unwrap_err().to_string(), "unknown format \"pdf\": expected md, html, docx, csv, xlsx or json");
    }

    #[test]
    fn a_write_replaces_the_file_and_a_stopped_one_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").unwrap();
        assert!(!write_replacing(&path, b"new", || false).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert!(write_replacing(&path, b"new", || true).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["out.md"], "no partial file is left");
    }
}
