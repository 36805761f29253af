//! `thicket reconcile PROJECT --coders A,B --master NAME [--codes …] list|agreed|apply`: the
//! reconciliation queue (docs/reconcile.md) as the window's Reconciliation tab shows it, the
//! agreed codings copied to the master, and decisions applied from a CSV file in one undoable step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::output::{Format, Table, emit, print, say, snippet};
use thicket_core::analysis::{ItemId, QueueOrder, SimpleAgreement};
use thicket_core::error::{Ending, Error, IoOp, Result};
use thicket_core::model::*;
use thicket_core::project::{Project, ReconcileAgreement, ReconcileQueue, ReconcileScope, default_coder, plan_agreed};

/// `thicket reconcile PROJECT ...`
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    pub project: PathBuf,
    /// The coders compared, in order: A,B (at least two, comma-separated).
    #[arg(long, value_delimiter = ',', required = true)]
    pub coders: Vec<String>,
    /// The master coder the decisions write to (created on the first decision), e.g. consensus.
    #[arg(long)]
    pub master: String,
    /// Only these codes (paths, comma-separated or repeated; default: every code).
    #[arg(long, value_delimiter = ',')]
    pub codes: Vec<String>,
    /// Only these sources (names, repeatable; default: every source).
    #[arg(long = "source")]
    pub sources: Vec<String>,
    #[command(subcommand)]
    pub command: ReconcileCommand,
}

/// `thicket reconcile PROJECT ... list|apply`
#[derive(Debug, Subcommand)]
pub enum ReconcileCommand {
    /// List the disagreements with their ids, spans, and the decision recorded for each.
    List {
        /// text (by source, then position) or code (by code, then source and position).
        #[arg(long, default_value = "text")]
        order: String,
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Copy the codings the coders agree on exactly to the master, in one undoable step.
    Agreed {
        /// Who copies (default: $THICKET_CODER, else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// Apply decisions from a CSV file (columns item, decision, start, end, note), in one undoable step.
    Apply {
        #[arg(long)]
        decisions: PathBuf,
        /// Who decides (default: $THICKET_CODER, else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
}

/// Runs one `reconcile` command.
pub fn run(args: ReconcileArgs) -> Result<Ending> {
    let order = match &args.command {
        ReconcileCommand::List { order, format } => {
            Format::parse(format)?;
            QueueOrder::parse(order).ok_or_else(|| Error::invalid(format!("unknown order \"{order}\": expected text or code")))?
        }
        ReconcileCommand::Apply { .. } | ReconcileCommand::Agreed { .. } => QueueOrder::Text,
    };
    let mut p = super::passphrase::open_project(&args.project)?;
    let scope = scope(&p, &args)?;
    let queue = p.reconcile_queue(&scope, order)?;
    match args.command {
        ReconcileCommand::List { format, .. } => {
            let agreement = p.reconcile_agreement(&scope)?;
            list(&p, &queue, &agreement, Format::parse(&format)?)?;
        }
        ReconcileCommand::Agreed { coder } => {
            let agreed = p.reconcile_agreed(&scope)?;
            if agreed.is_empty() {
                say!("\"{}\" already has every coding the coders agree on", scope.master);
            } else {
                let n = agreed.len();
                let coder = coder.unwrap_or_else(default_coder);
                // The audit trail names who copies.
                p.set_actor(&coder);
                p.perform(plan_agreed(&scope, agreed, &coder))?;
                say!("copied {n} agreed codings to \"{}\"", scope.master);
            }
        }
        ReconcileCommand::Apply { decisions, coder } => {
            let rows = read_decisions(&decisions, &queue)?;
            let n = rows.len();
            let coder = coder.unwrap_or_else(default_coder);
            // The audit trail names who decides.
            p.set_actor(&coder);
            let action = p.reconcile_action(&queue, &rows, &coder)?;
            p.perform(action)?;
            let after = p.reconcile_queue(&scope, order)?;
            let decisions = if n == 1 { "decision" } else { "decisions" };
            say!("applied {n} {decisions} to \"{}\": {} of {} resolved", scope.master, after.resolved(), after.items.len());
        }
    }
    p.close()?;
    Ok(Ending::Success)
}

fn scope(p: &Project, args: &ReconcileArgs) -> Result<ReconcileScope> {
    let coders = p.coders_named(&args.coders)?;
    let codes = args.codes.iter().map(|c| p.code_at(c.trim())).collect::<Result<Vec<_>>>()?;
    let sources = args.sources.iter().map(|s| p.source_named(s).map(|s| s.id)).collect::<Result<Vec<_>>>()?;
    Ok(ReconcileScope { coders, master: args.master.clone(), codes, sources })
}

fn spans_text(spans: &[TextSpan]) -> String {
    spans.iter().map(TextSpan::to_string).collect::<Vec<_>>().join(" ")
}

fn figure(a: &SimpleAgreement) -> Value {
    json!({ "units": a.units, "decisions": a.decisions, "percent_agreement": a.percent, "cohen_kappa": a.kappa })
}

/// "82.5% agreement, kappa 0.61 (40 paragraphs)".
pub fn describe(a: &SimpleAgreement) -> String {
    match (a.percent, a.kappa) {
        (None, _) => "no paragraphs coded".into(),
        (Some(p), Some(k)) => format!("{:.1}% agreement, kappa {k:.2} ({} paragraphs)", p * 100.0, a.units),
        (Some(p), None) => format!("{:.1}% agreement, kappa undefined ({} paragraphs)", p * 100.0, a.units),
    }
}

fn list(p: &Project, queue: &ReconcileQueue, agreement: &ReconcileAgreement, format: Format) -> Result<()> {
    let names: HashMap<CoderId, String> = p.coders()?.into_iter().map(|c| (c.id, c.name)).collect();
    let name = |c: &CoderId| names.get(c).cloned().unwrap_or_default();
    let book = p.codebook()?;
    let sources: HashMap<SourceId, Source> = p.sources()?.into_iter().map(|s| (s.id, s)).collect();
    let mut texts: HashMap<SourceId, String> = HashMap::new();
    let coders = &queue.scope.coders;
    let mut table = Table::new(vec!["item", "source", "code", "start", "end", "kind", "a_spans", "b_spans", "resolved", "decision", "note", "text"]);
    let mut items = Vec::new();
    for q in &queue.items {
        let id = q.item.id;
        if let std::collections::hash_map::Entry::Vacant(e) = texts.entry(id.source) {
            e.insert(p.source_text(id.source)?);
        }
        let text = thicket_core::text::slice_chars(&texts[&id.source], id.extent.start..id.extent.end).unwrap_or_default();
        let source = sources.get(&id.source).map(|s| s.name.clone()).unwrap_or_default();
        let code = book.path(id.code).unwrap_or_default().to_string();
        let choice = q.choice(coders);
        let decision = match choice {
            Some(Choice::Edit(s)) => format!("edit {s}"),
            Some(c) => c.name().to_string(),
            None => String::new(),
        };
        let note = q.decision.as_ref().map(|d| d.note.clone()).unwrap_or_default();
        table.rows.push(vec![
            id.to_string(),
            source.clone(),
            code.clone(),
            id.extent.start.to_string(),
            id.extent.end.to_string(),
            q.item.kind.name().to_string(),
            spans_text(q.item.spans.first().map_or(&[], Vec::as_slice)),
            spans_text(q.item.spans.get(1).map_or(&[], Vec::as_slice)),
            if choice.is_some() { "yes" } else { "no" }.to_string(),
            decision,
            note.clone(),
            snippet(text, 60),
        ]);
        let spans: Vec<Value> = coders
            .iter()
            .zip(&q.item.spans)
            .map(|(c, s)| json!({ "coder": name(c), "spans": s.iter().map(|s| json!([s.start, s.end])).collect::<Vec<_>>() }))
            .collect();
        let other: Vec<Value> = coders
            .iter()
            .zip(&q.item.other_codes)
            .filter(|(_, codes)| !codes.is_empty())
            .map(|(c, codes)| json!({ "coder": name(c), "codes": codes.iter().map(|k| book.path(*k).unwrap_or_default()).collect::<Vec<_>>() }))
            .collect();
        let decision_json = match (&q.decision, choice) {
            (Some(d), Some(c)) => json!({
                "choice": c.name(),
                "span": c.span().map(|s| json!([s.start, s.end])),
                "note": d.note, "decided_by": d.decided_by, "decided_at": d.decided_at,
            }),
            _ => Value::Null,
        };
        items.push(json!({
            "item": id.to_string(), "source": source, "code": code, "start": id.extent.start, "end": id.extent.end,
            "kind": q.item.kind.name(), "spans": spans, "other_codes": other, "resolved": choice.is_some(),
            "decision": decision_json, "text": text,
        }));
    }
    let after: Vec<Value> = agreement.after.iter().map(|(c, a)| json!({ "coder": name(c), "with_master": figure(a) })).collect();
    let doc = json!({
        "coders": coders.iter().map(name).collect::<Vec<_>>(),
        "master": queue.scope.master,
        "total": queue.items.len(),
        "resolved": queue.resolved(),
        "agreement": { "unit": "paragraph", "before": figure(&agreement.before), "after": after },
        "items": items,
    });
    print(format, &table, &doc)?;
    if format == Format::Table {
        emit(&format!("{} of {} resolved\n", queue.resolved(), queue.items.len()))?;
        emit(&format!("agreement before, {} with {}: {}\n", name(&coders[0]), name(&coders[1]), describe(&agreement.before)))?;
        for (c, a) in &agreement.after {
            emit(&format!("agreement after, {} with {}: {}\n", name(c), queue.scope.master, describe(a)))?;
        }
    }
    Ok(())
}

/// The decisions of the CSV file at `path` (`ReconcileQueue::decisions_from_csv`).
fn read_decisions(path: &Path, queue: &ReconcileQueue) -> Result<Vec<(ItemId, Choice, String)>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(IoOp::Read, path, e))?;
    queue.decisions_from_csv(&bytes, &path.display().to_string())
}
