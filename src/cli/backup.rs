//! `thicket backup PROJECT list|make|restore` (rotating snapshots, docs/integrity.md "Backups")
//! and `thicket log PROJECT` (the audit trail, docs/integrity.md "Audit trail").

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::BackupCommand;
use super::output::{Format, Table, print, say};
use thicket_core::error::{Ending, Error, Result};
use thicket_core::model::{AuditEntityKind, AuditFilter};
use thicket_core::project::{BACKUP_KEEP, BackupInfo, Project, backup_folder, list_backups, restore_backup};

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1u64 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

fn info_json(i: &BackupInfo) -> Value {
    json!({"file": i.path.display().to_string(), "taken_at": i.taken_at, "bytes": i.bytes, "sources": i.sources, "codes": i.codes, "codings": i.codings, "memos": i.memos})
}

/// A SNAPSHOT argument: a path as given, else a file of that name in the backup folder.
fn snapshot_path(folder: &Path, given: &Path) -> PathBuf {
    if given.exists() || given.components().count() > 1 { given.to_owned() } else { folder.join(given) }
}

/// Runs one `backup` subcommand.
pub fn run(project: &Path, command: BackupCommand) -> Result<Ending> {
    match command {
        BackupCommand::List { folder, format } => {
            let format = Format::parse(&format)?;
            if !project.exists() {
                return Err(Error::not_found(format!("no project \"{}\"", project.display())));
            }
            let folder = folder.unwrap_or_else(|| backup_folder(project));
            let mut table = Table::new(vec!["file", "taken", "size", "sources", "codes", "codings", "memos"]);
            let mut rows = Vec::new();
            let mut bad = false;
            for found in list_backups(&folder)? {
                match found {
                    Ok(i) => {
                        let name = i.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        table.rows.push(vec![name, i.taken_at.clone(), size(i.bytes), i.sources.to_string(), i.codes.to_string(), i.codings.to_string(), i.memos.to_string()]);
                        rows.push(info_json(&i));
                    }
                    Err((path, e)) => {
                        bad = true;
                        eprintln!("thicket: {}", thicket_core::export::printable::visible(&format!("cannot read the backup \"{}\": {e}", path.display())));
                    }
                }
            }
            let json = json!({"folder": folder.display().to_string(), "backups": rows});
            print(format, &table, &json)?;
            Ok(if bad { Ending::Problems } else { Ending::Success })
        }
        BackupCommand::Make { folder, keep } => {
            let p = Project::open(project)?;
            let info = p.make_backup(folder.as_deref(), keep.unwrap_or(BACKUP_KEEP))?;
            p.close()?;
            say!(
                "wrote {} ({}: {} sources, {} codes, {} codings, {} memos)",
                info.path.display(),
                size(info.bytes),
                info.sources,
                info.codes,
                info.codings,
                info.memos
            );
            Ok(Ending::Success)
        }
        BackupCommand::Restore { snapshot, to, folder } => {
            let folder = folder.unwrap_or_else(|| backup_folder(project));
            let snapshot = snapshot_path(&folder, &snapshot);
            if !snapshot.is_file() {
                return Err(Error::not_found(format!("no backup \"{}\"", snapshot.display())));
            }
            let info = restore_backup(&snapshot, &to)?;
            say!(
                "restored {} into {} ({} sources, {} codes, {} codings, {} memos); {} was not changed",
                snapshot.display(),
                to.display(),
                info.sources,
                info.codes,
                info.codings,
                info.memos,
                project.display()
            );
            Ok(Ending::Success)
        }
    }
}

/// `thicket log PROJECT`: the audit trail, newest first, filtered.
pub fn log(project: &Path, source: Option<&str>, code: Option<&str>, coder: Option<String>, since: Option<String>, format: &str) -> Result<Ending> {
    let format = Format::parse(format)?;
    if let Some(s) = &since && !thicket_core::clock::is_valid_date(s.get(..10).unwrap_or(s)) {
        return Err(Error::invalid(format!("--since \"{s}\" is not a date: expected YYYY-MM-DD or an RFC 3339 time")));
    }
    let p = Project::open_for_reading(project)?;
    let entity = match (source, code) {
        (Some(_), Some(_)) => return Err(Error::invalid("give --source or --code, not both")),
        (Some(name), None) => Some((AuditEntityKind::Source, p.source_named(name)?.id.0)),
        (None, Some(path)) => Some((AuditEntityKind::Code, p.code_at(path)?.0)),
        (None, None) => None,
    };
    let filter = AuditFilter { entity, coder, since };
    let total = p.audit_count(&filter)?;
    let rows = p.audit_page(&filter, 0, total.max(1), 50)?;
    let mut table = Table::new(vec!["id", "when", "coder", "kind", "summary", "counts", "entities"]);
    for r in &rows {
        let e = &r.entry;
        let named: Vec<String> = e
            .entities
            .iter()
            .filter(|x| x.kind != AuditEntityKind::Coding)
            .map(|x| if x.name.is_empty() { format!("{} {}", x.kind.as_str(), x.id) } else { format!("{} “{}”", x.kind.as_str(), x.name) })
            .collect();
        table.rows.push(vec![r.id.to_string(), e.at.clone(), e.coder.clone(), e.kind.clone(), e.summary.clone(), e.counts.clone(), named.join("; ")]);
    }
    let json = serde_json::to_value(&rows).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    print(format, &table, &json)?;
    Ok(Ending::Success)
}
