//! `thicket import-qdpx NEW F.qdpx` and REFI-QDA files given to `thicket import`: a project
//! becomes a new Thicket project; a codebook (.qdc) is merged into an open one.

use std::path::{Path, PathBuf};

use super::output::{Format, say};
use thicket_core::error::{Ending, Error, Result};
use thicket_core::project::refi::{RefiImportReport, create_from_qdpx};
use thicket_core::project::default_coder;

/// The REFI-QDA kind of a path, by extension.
pub(super) fn refi_kind(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "qdpx" => Some("qdpx"),
        "qdc" => Some("qdc"),
        _ => None,
    }
}

/// `thicket import-qdpx NEW F.qdpx`.
pub(super) fn import_qdpx(new: &Path, qdpx: &Path, format: &str) -> Result<Ending> {
    let format = Format::parse(format)?;
    let report = create_from_qdpx(new, qdpx, &mut |_, _| true)?;
    print_report(format, &report, &format!("created {}", new.display()))?;
    Ok(Ending::Success)
}

/// `thicket import P F.qdc|F.qdpx`: a codebook merges into the project; a project file needs
/// `import-qdpx` (or, when P does not exist yet, is imported as one).
pub(super) fn import(project: &Path, paths: &[PathBuf], format: &str) -> Result<Ending> {
    let [path] = paths else {
        return Err(Error::invalid(
            "a REFI-QDA file (.qdpx or .qdc) is imported on its own: give it as the only path".to_string(),
        ));
    };
    match refi_kind(path) {
        Some("qdpx") if !project.exists() => import_qdpx(project, path, format),
        Some("qdpx") => Err(Error::invalid(format!(
            "\"{}\" is a REFI-QDA project: it becomes a new Thicket project with `thicket import-qdpx NEW.thicket \"{}\"` (\"{}\" already exists; to bring only its codebook into it, export a .qdc from the other program)",
            path.display(),
            path.display(),
            project.display()
        ))),
        _ => {
            let format = Format::parse(format)?;
            let bytes = std::fs::read(path).map_err(|e| Error::not_found(format!("cannot read \"{}\": {e}", path.display())))?;
            let mut p = super::passphrase::open_project(project)?;
            let report = p.import_codebook(&bytes, &path.display().to_string(), &default_coder())?;
            p.close()?;
            print_report(format, &report, &format!("merged the codebook into {}", project.display()))?;
            Ok(Ending::Success)
        }
    }
}

fn print_report(format: Format, report: &RefiImportReport, done: &str) -> Result<()> {
    if format == Format::Json {
        let json = serde_json::to_string_pretty(report).map_err(|e| Error::internal(e.to_string()))?;
        say!("{json}");
    } else {
        say!("{done}");
        say!("{}", report.to_text().trim_end());
    }
    Ok(())
}
