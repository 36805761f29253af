//! `thicket merge INTO FROM... [--on-conflict into|from|both] [--dry-run] [--format table|json]`.
//!
//! Opens every FROM first (a bad one stops everything before INTO is touched), then merges them
//! all as one step. Without a rule, conflicts stop the merge: the report lists them and the run
//! ends with exit 1, INTO unchanged.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::output::{Format, emit};
use thicket_core::error::{Ending, Error, Result};
use thicket_core::project::{ConflictRule, MergeOptions, MergeReport};

pub(super) fn run(into: &Path, from: &[PathBuf], on_conflict: Option<&str>, dry_run: bool, format: &str) -> Result<Ending> {
    let format = Format::parse(format)?;
    if format == Format::Csv {
        return Err(Error::invalid("unknown --format \"csv\" for merge: expected table or json"));
    }
    let rule = on_conflict
        .map(|r| ConflictRule::parse(r).ok_or_else(|| Error::invalid(format!("unknown --on-conflict \"{r}\": expected into, from or both"))))
        .transpose()?;
    let sources = from.iter().map(|p| super::passphrase::open_merge_source(p)).collect::<Result<Vec<_>>>()?;
    let mut project = super::passphrase::open_project(into)?;
    let outcome = project.merge(&sources, MergeOptions { rule, dry_run }, &mut |_, _| true)?;
    project.close()?;
    let unresolved = outcome.unresolved();
    match format {
        Format::Json => {
            let value = json!({
                "into": into.display().to_string(),
                "dry_run": dry_run,
                "rule": rule,
                "applied": outcome.applied,
                "unresolved": unresolved,
                "reports": outcome.reports,
            });
            let text = serde_json::to_string_pretty(&value).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            emit(&format!("{text}\n"))?;
        }
        _ => {
            for report in &outcome.reports {
                emit(&render(report))?;
            }
            let end = if outcome.applied {
                format!("merged into {} (one step: undo takes it all back)\n", into.display())
            } else if dry_run {
                format!("dry run: {} was not changed\n", into.display())
            } else if unresolved > 0 {
                String::new()
            } else {
                format!("nothing to merge: {} already holds everything\n", into.display())
            };
            emit(&end)?;
        }
    }
    if unresolved > 0 {
        let files: Vec<String> = outcome.reports.iter().filter(|r| r.unresolved() > 0).map(|r| format!("\"{}\"", r.from)).collect();
        eprintln!(
            "thicket: cannot merge {} into \"{}\": {unresolved} conflicts (listed above); choose a rule with --on-conflict into|from|both. Nothing was changed",
            files.join(", "),
            into.display()
        );
        return Ok(Ending::Problems);
    }
    Ok(Ending::Success)
}

/// A report as text: counts, conflicts, warnings.
fn render(r: &MergeReport) -> String {
    let mut out = format!("from {}\n", r.from);
    let mut table = super::output::Table::new(vec!["kind", "added", "matched", "matched by name", "updated"]);
    for c in r.counts.iter().filter(|c| c.added + c.matched + c.matched_by_name + c.updated > 0) {
        table.rows.push(vec![c.kind.into(), c.added.to_string(), c.matched.to_string(), c.matched_by_name.to_string(), c.updated.to_string()]);
    }
    out.push_str(&table.to_text());
    if !r.conflicts.is_empty() {
        out.push_str(&format!("conflicts ({}):\n", r.conflicts.len()));
        for c in &r.conflicts {
            out.push_str(&format!("  {}: {}: here \"{}\", there \"{}\": {}\n", c.kind, c.entity, c.into, c.from, c.resolution));
        }
    }
    if !r.warnings.is_empty() {
        out.push_str(&format!("warnings ({}):\n", r.warnings.len()));
        for w in &r.warnings {
            out.push_str(&format!("  {w}\n"));
        }
    }
    out
}
