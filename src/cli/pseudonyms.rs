//! `thicket pseudonym PROJECT list|add|remove|prefill|preview` (the pseudonymisation map) and
//! `thicket export-log PROJECT` (which exports were written, with or without it), and the one
//! helper every exporting command uses to apply the map and log the file it wrote.

use std::path::Path;

use clap::Subcommand;
use serde_json::{Value, json};

use super::output::{Format, Table, print, say, snippet};
use thicket_core::action::Action;
use thicket_core::error::{Error, Result};
use thicket_core::model::*;
use thicket_core::project::Project;
use thicket_core::text::PseudonymMap;

/// `thicket pseudonym PROJECT ...`
#[derive(Debug, Subcommand)]
pub enum PseudonymCommand {
    /// List the map: each original, its replacement, how it matches, and where it came from.
    List {
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Add an entry: ORIGINAL (a name, a place, an agency) becomes REPLACEMENT in exports.
    Add {
        original: String,
        replacement: String,
        /// Also replace inside words (default: whole words only).
        #[arg(long)]
        inside_words: bool,
        /// Match ORIGINAL only as written (default: any case, the replacement takes the casing found).
        #[arg(long)]
        exact_case: bool,
    },
    /// Remove entries by their original (any case).
    Remove {
        #[arg(required = true)]
        originals: Vec<String>,
    },
    /// Add participants' names and speaker labels with role-based replacements; existing entries stay.
    Prefill {
        /// Show what would be added, add nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Every replacement the map makes in the sources, their names, case names and memos.
    Preview {
        /// Only the replacements of this entry (its original; repeatable).
        #[arg(long = "entry")]
        entries: Vec<String>,
        /// One line per entry with its count, instead of one per replacement.
        #[arg(long)]
        summary: bool,
        #[arg(long, default_value = "table")]
        format: String,
    },
}

/// Runs one `pseudonym` subcommand.
pub fn run(p: &mut Project, command: PseudonymCommand) -> Result<()> {
    match command {
        PseudonymCommand::List { format } => list(p, Format::parse(&format)?),
        PseudonymCommand::Add { original, replacement, inside_words, exact_case } => {
            let entry = NewPseudonym {
                whole_word: !inside_words,
                case: if exact_case { CaseMode::Exact } else { CaseMode::Keep },
                ..NewPseudonym::added(original.trim(), replacement.trim())
            };
            p.perform(Action::AddPseudonyms(vec![entry]))?;
            say!("added \"{}\" → \"{}\"", original.trim(), replacement.trim());
            Ok(())
        }
        PseudonymCommand::Remove { originals } => {
            let mut ids = Vec::new();
            for o in &originals {
                let entry = p.pseudonym_for(o)?.ok_or_else(|| Error::not_found(format!("no pseudonym for \"{o}\" in the map")))?;
                ids.push(entry.id);
            }
            let n = ids.len();
            p.perform(Action::RemovePseudonyms(ids))?;
            say!("removed {n} pseudonym{}", if n == 1 { "" } else { "s" });
            Ok(())
        }
        PseudonymCommand::Prefill { dry_run, format } => {
            let format = Format::parse(&format)?;
            let new = p.suggested_pseudonyms()?;
            if !dry_run && !new.is_empty() {
                p.perform(Action::Batch {
                    label: format!("Pre-fill {} pseudonyms", new.len()),
                    actions: vec![Action::AddPseudonyms(new.clone())],
                    step: thicket_core::action::Bundle::PrefillPseudonyms { n: new.len() }.boxed(),
                })?;
            }
            let mut table = Table::new(vec!["original", "replacement", "origin"]);
            let mut rows = Vec::new();
            for e in &new {
                table.rows.push(vec![e.original.clone(), e.replacement.clone(), e.origin.to_string()]);
                rows.push(json!({"original": e.original, "replacement": e.replacement, "origin": e.origin}));
            }
            if format == Format::Table && new.is_empty() {
                say!("nothing to add: every participant and speaker label is in the map");
                return Ok(());
            }
            print(format, &table, &json!({"added": !dry_run, "entries": rows}))
        }
        PseudonymCommand::Preview { entries, summary, format } => preview(p, &entries, summary, Format::parse(&format)?),
    }
}

fn list(p: &Project, format: Format) -> Result<()> {
    let mut table = Table::new(vec!["original", "replacement", "whole_word", "case", "origin"]);
    let mut rows = Vec::new();
    for e in p.pseudonyms()? {
        table.rows.push(vec![e.original.clone(), e.replacement.clone(), yes_no(e.whole_word), e.case.to_string(), e.origin.to_string()]);
        rows.push(json!({
            "id": e.id, "original": e.original, "replacement": e.replacement, "whole_word": e.whole_word,
            "case": e.case, "origin": e.origin, "sort_order": e.sort_order,
        }));
    }
    print(format, &table, &Value::Array(rows))
}

fn preview(p: &Project, only: &[String], summary: bool, format: Format) -> Result<()> {
    let mut preview = p.pseudonym_preview()?;
    let mut keep = Vec::new();
    for o in only {
        keep.push(p.pseudonym_for(o)?.ok_or_else(|| Error::not_found(format!("no pseudonym for \"{o}\" in the map")))?.id);
    }
    if !keep.is_empty() {
        preview.entries.retain(|e| keep.contains(&e.id));
        preview.hits.retain(|h| keep.contains(&h.pseudonym));
    }
    let original: std::collections::HashMap<PseudonymId, String> = preview.entries.iter().map(|e| (e.id, e.original.clone())).collect();
    let json = serde_json::to_value(&preview).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    if summary {
        let mut table = Table::new(vec!["original", "replacement", "replacements", "sources"]);
        for e in &preview.entries {
            table.rows.push(vec![e.original.clone(), e.replacement.clone(), e.count.to_string(), e.sources.to_string()]);
        }
        return print(format, &table, &json);
    }
    let mut table = Table::new(vec!["entry", "place", "in", "at", "before", "found", "replacement", "after"]);
    for h in &preview.hits {
        let (before, after) = if format == Format::Csv { (h.before.clone(), h.after.clone()) } else { (snippet(&h.before, 30), snippet(&h.after, 30)) };
        table.rows.push(vec![
            original.get(&h.pseudonym).cloned().unwrap_or_default(),
            h.place.label().to_string(),
            h.source.clone(),
            format!("{}..{}", h.start, h.end),
            before,
            h.found.clone(),
            h.replacement.clone(),
            after,
        ]);
    }
    print(format, &table, &json)
}

/// `thicket export-log PROJECT`: every export recorded, oldest first.
pub fn export_log(project: &Path, format: &str) -> Result<()> {
    let format = Format::parse(format)?;
    let p = super::passphrase::open_project(project)?;
    let log = p.export_log()?;
    p.close()?;
    let mut table = Table::new(vec!["made_at", "kind", "file", "pseudonymised", "map", "options"]);
    for r in &log {
        let f = &r.fields;
        let map = match (&f.map_hash, f.map_entries) {
            (Some(h), Some(n)) => format!("{h} ({n} entries)"),
            (Some(h), None) => h.clone(),
            _ => String::new(),
        };
        let options = serde_json::to_string(&f.options).unwrap_or_default();
        let options = if format == Format::Csv { options } else { snippet(&options, 60) };
        table.rows.push(vec![r.made_at.clone(), f.kind.clone(), f.file.clone(), yes_no(f.pseudonymised), map, options]);
    }
    let json = serde_json::to_value(&log).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    print(format, &table, &json)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// The map `--pseudonymise` asks for (`Project::export_map`), its refusal naming the flag.
pub fn export_map(p: &Project, pseudonymise: bool) -> Result<Option<PseudonymMap>> {
    p.export_map(pseudonymise).map_err(|e| Error::invalid(format!("--pseudonymise: {e}")))
}
