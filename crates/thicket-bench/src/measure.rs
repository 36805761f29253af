//! The timed operations and their bare-SQL bounds, plus process facts (memory, machine).

use std::path::Path;
use std::time::Instant;

use super::Figure;
use crate::baseline::Bounds;
use thicket_core::analysis::{Dimension, Measure, cooccurrence, crosstab as crosstab_of};
use thicket_core::error::Result;
use thicket_core::project::{AutocodeSpec, CodingUnit, Project, SearchScope, SegmentFilter};
use thicket_core::text::{Folding, Language, SearchPattern};

/// Runs `f` `runs` times and returns the median wall time in milliseconds.
pub fn median_ms<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<f64> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        std::hint::black_box(f()?);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

/// Opening the project, for reading and for writing (docs/integrity.md), against opening SQLite
/// and reading the schema; and the full soundness check, which a write pays once an hour.
pub(super) fn open(path: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    say("open…");
    let bound = median_ms(5, || crate::baseline::open_and_read_schema(path))?;
    // The full check: quick_check and every text against its hash (it stamps the file, so the
    // write figure below is what every write of the next hour pays).
    let full = median_ms(3, || Project::open(path)?.verify())?;
    let read = median_ms(7, || {
        let p = Project::open(path)?;
        let title = p.title()?;
        p.close()?;
        Ok(title)
    })?;
    let write = median_ms(7, || {
        let mut p = Project::open(path)?;
        p.ready_to_write()?;
        p.close()
    })?;
    Ok(vec![
        Figure::new("open project for reading", read, "ms")
            .bound(bound)
            .budget(20.0)
            .note("Project::open, read the title, close: header against file length, identity, version, lock; bound: open the SQLite file and read its schema"),
        Figure::new("open project for writing", write, "ms")
            .bound(bound)
            .budget(50.0)
            .note("as for reading, plus the gate before the first write (header again; the full check passed within the hour)"),
        Figure::new("full soundness check (before a write, once an hour)", full, "ms")
            .note("PRAGMA quick_check and every source text against its SHA-256: what the first write of a process pays, at most once an hour"),
    ])
}

/// Retrieval of every segment of the most used code.
pub(super) fn segments(project: &Project, bounds: &Bounds, say: fn(&str)) -> Result<Figure> {
    say("segments…");
    let counts = project.coding_counts()?;
    let Some((&top, &n)) = counts.iter().max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id))) else {
        return Ok(Figure::new("segments of the most used code", 0.0, "ms").note("no codings"));
    };
    let path = project.codebook()?.path(top).unwrap_or_default().to_string();
    let filter = SegmentFilter { codes: vec![path.clone()], ..Default::default() };
    let ours = median_ms(5, || project.segments(&filter))?;
    let Some((_, bound)) = bounds.segments.filter(|(code, _)| *code == top.0) else {
        return Err(thicket_core::Error::internal(format!("the segments bound measured another code than {}", top.0)));
    };
    Ok(Figure::new("segments of the most used code", ours, "ms")
        .bound(bound)
        .note(format!("{n} segments of \"{path}\" with cases, speakers, roles, citation lines; bound: one SQL join with substr")))
}

/// Codes × cases, segments: cold (load + compute, as the CLI does), warm (data already in
/// memory, as the open window has it), and codes × roles (which needs speaker attribution).
pub(super) fn crosstab(project: &Project, bounds: &Bounds, say: fn(&str)) -> Result<Vec<Figure>> {
    say("crosstab…");
    let bound = bounds.code_case_ms;
    let cold = median_ms(5, || Ok(crosstab_of(&project.analysis_data(false)?, Dimension::Cases, Measure::Segments)))?;
    let data = project.analysis_data(true)?;
    let warm = median_ms(5, || Ok(crosstab_of(&data, Dimension::Cases, Measure::Segments)))?;
    let roles = median_ms(5, || Ok(crosstab_of(&project.analysis_data(true)?, Dimension::Roles, Measure::Segments)))?;
    Ok(vec![
        Figure::new("crosstab codes × cases, cold", cold, "ms")
            .bound(bound)
            .budget(100.0)
            .note("load every coding from the file, then count; bound: one SQL GROUP BY"),
        Figure::new("crosstab codes × cases, warm", warm, "ms")
            .bound(bound)
            .budget(100.0)
            .note("codings already in memory, as in the open window"),
        Figure::new("crosstab codes × roles, cold", roles, "ms").note("also loads every turn and attributes codings to speakers"),
    ])
}

/// The reconciliation queue between the corpus's two coders (the second re-coded a quarter of the
/// sources, agreeing on most codings): the command line's list (read codings and decisions, find
/// the disagreements), its agreement before and after (which also reads the coded sources' texts
/// for their paragraphs), and the window's worker on data already loaded with the texts.
pub(super) fn reconcile(project: &Project, say: fn(&str)) -> Result<Vec<Figure>> {
    use thicket_core::analysis::{AnalysisLoad, QueueOrder, reconcile_figures};
    use thicket_core::project::ReconcileScope;
    say("reconcile…");
    let scope = ReconcileScope { coders: project.coders_named(&["Amara".into(), "Jonas".into()])?, master: "consensus".into(), ..Default::default() };
    let items = project.reconcile_queue(&scope, QueueOrder::Text)?.items.len();
    let queue = median_ms(3, || project.reconcile_queue(&scope, QueueOrder::Text))?;
    let agreement = median_ms(3, || project.reconcile_agreement(&scope))?;
    let data = project.analysis_data_with(AnalysisLoad { speakers: true, texts: true })?;
    let warm = median_ms(3, || Ok(reconcile_figures(&data, &scope.coders, None, &[], QueueOrder::Text)))?;
    Ok(vec![
        Figure::new("reconciliation queue, 2 coders, all codes", queue, "ms")
            .budget(1000.0)
            .note(format!("{items} disagreements; read both coders' codings and the decisions, cluster per source and code")),
        Figure::new("reconciliation agreement before/after (paragraph kappa)", agreement, "ms")
            .budget(1000.0)
            .note("reads the coded sources' texts for their paragraphs"),
        Figure::new("reconciliation queue and agreement, warm", warm, "ms")
            .budget(1000.0)
            .note("the window's worker: data already loaded with the texts"),
    ])
}

/// What the window re-reads after every change (sources, cases, codebook, counts per code).
#[cfg(feature = "gui")]
pub(super) fn listings(project: &Project, say: fn(&str)) -> Result<Figure> {
    say("window listings…");
    let ours = median_ms(5, || thicket_gui::summary::Summary::load(project, 0))?;
    Ok(Figure::new("window listings re-read after a change", ours, "ms").note("sources, cases, codebook and codings per code, for the side panels"))
}

/// Overlap co-occurrence of all codes, cold (load + compute, as the CLI does) and warm (codings
/// in memory, as the open window has them), against one SQL self-join counting the same pairs.
/// The two must agree pair for pair, or the figure would compare different work.
pub(super) fn cooccur(project: &Project, bounds: &Bounds, say: fn(&str)) -> Result<Vec<Figure>> {
    say("cooccur…");
    let pairs = &bounds.pairs;
    let data = project.analysis_data(false)?;
    let table = cooccurrence(&data);
    check_pairs(&data, &table, pairs)?;
    let bound = bounds.pairs_ms;
    let cold = median_ms(3, || Ok(cooccurrence(&project.analysis_data(false)?)))?;
    let warm = median_ms(5, || Ok(cooccurrence(&data)))?;
    let n: i64 = pairs.iter().map(|(_, _, n)| n).sum();
    Ok(vec![
        Figure::new("co-occurrence by overlap, all codes, cold", cold, "ms")
            .bound(bound)
            .note(format!("{n} overlapping pairs; load every coding, then sweep; bound: one SQL self-join along the covering index")),
        Figure::new("co-occurrence by overlap, all codes, warm", warm, "ms").bound(bound).note("codings already in memory, as in the open window"),
    ])
}

/// Fails unless the SQL pair counts equal the analysis's, cell for cell.
fn check_pairs(data: &thicket_core::analysis::AnalysisData, table: &thicket_core::analysis::Cooccurrence, pairs: &[(i64, i64, i64)]) -> Result<()> {
    let walk = data.codebook.walk();
    let row: std::collections::HashMap<i64, usize> = walk.iter().enumerate().map(|(i, (_, c))| (c.id.0, i)).collect();
    let mut expected = 0u64;
    for &(a, b, n) in pairs {
        let (Some(&i), Some(&j)) = (row.get(&a), row.get(&b)) else { continue };
        if table.counts[i][j] != n as u64 {
            return Err(thicket_core::Error::internal(format!("co-occurrence bound disagrees for codes {a} and {b}: SQL {n}, analysis {}", table.counts[i][j])));
        }
        expected += n as u64;
    }
    let counted: u64 = (0..walk.len()).flat_map(|i| (i + 1..walk.len()).map(move |j| (i, j))).map(|(i, j)| table.counts[i][j]).sum();
    if counted != expected {
        return Err(thicket_core::Error::internal(format!("co-occurrence bound disagrees: SQL {expected} pairs, analysis {counted}")));
    }
    Ok(())
}

/// Project search, three ways (a whole word the full-text index narrows; a piece of a word and a
/// regular expression, which scan every source), and planning an autocode run to the sentence.
/// A word of the corpus's vocabulary, chosen the same way every run (the search, autocode and
/// window figures use it).
pub(super) fn common_word(project: &Project) -> Result<String> {
    let Some(first) = project.sources()?.into_iter().next() else { return Ok("family".into()) };
    let text = project.source_text(first.id)?;
    Ok(text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 6).nth(20).unwrap_or("family").to_lowercase())
}

pub(super) fn search(project: &Project, say: fn(&str)) -> Result<Vec<Figure>> {
    say("search…");
    if project.sources()?.is_empty() {
        return Ok(Vec::new());
    }
    // A word of the corpus's vocabulary, chosen the same way every run.
    let word = common_word(project)?;
    let piece: String = word.chars().skip(1).take(4).collect();
    let scope = SearchScope::default();
    let whole = SearchPattern::plain(&word, true);
    let found = project.search(&whole, &scope)?;
    let indexed = median_ms(5, || project.search(&whole, &scope))?;
    let inside = SearchPattern::plain(&piece, false);
    let inside_found = project.search(&inside, &scope)?;
    let scanned = median_ms(3, || project.search(&inside, &scope))?;
    let regex = SearchPattern::regex(format!(r"(?i)\b{word}\b"));
    let regex_ms = median_ms(3, || project.search(&regex, &scope))?;
    // The Turkish case rules change ASCII letters, so every text is folded (and, with no index
    // counterpart, every source scanned): the cost of folding, which ASCII texts otherwise skip.
    let turkish = whole.clone().with_folding(Folding { language: Language::Turkish, ..Folding::default() });
    let turkish_found = project.search(&turkish, &scope)?;
    let folded_ms = median_ms(3, || project.search(&turkish, &scope))?;
    let mut figures = vec![
        Figure::new("search a whole word, project", indexed, "ms").note(format!(
            "\"{word}\": {} hits in {} sources; the index narrowed the scan to {} of {} sources",
            found.total, found.sources_with_hits, found.sources_scanned, found.sources_in_scope
        )),
        Figure::new("search inside words, project", scanned, "ms")
            .note(format!("\"{piece}\": {} hits; no whole word to ask the index for, so all {} sources are read and scanned", inside_found.total, inside_found.sources_scanned)),
        Figure::new("search a regular expression, project", regex_ms, "ms").note(format!("the whole word again, as a regex: the same {} hits, every source read and scanned", found.total)),
        Figure::new("search a whole word, every text folded, project", folded_ms, "ms").note(format!(
            "\"{word}\" under the Turkish case rules: {} hits; all {} sources read, folded (case, accents, typography, NFC) and scanned",
            turkish_found.total, turkish_found.sources_scanned
        )),
    ];
    if let Some((_, code)) = project.codebook()?.walk().first() {
        let spec = AutocodeSpec { pattern: whole.clone(), code: code.id, unit: CodingUnit::Sentence, role: None, sources: Vec::new(), coder: None };
        let plan = project.plan_autocode(&spec)?;
        let planned = median_ms(3, || project.plan_autocode(&spec))?;
        figures.push(Figure::new("autocode plan, sentence unit", planned, "ms").note(format!("\"{word}\": {} codings from {} hits", plan.added(), plan.hits)));
    }
    Ok(figures)
}

/// How many excerpts the DOCX figure exports.
const DOCX_EXCERPTS: usize = 10_000;

/// Exporting 10,000 excerpts (fewer in a smaller corpus) to DOCX, as `thicket export PROJECT excerpts --format docx` does:
/// select the codings of the first cases (every code), keep the first 10,000, build them with a
/// sentence of context and the other codes on each passage, grouped by code then case, make the
/// `Document` and the DOCX, and write the file. Timed whole (one run, as a user waits for it) and
/// the writer alone (median of three), with this process's peak resident memory while exporting
/// (the high-water mark is reset before, where Linux allows it).
pub(super) fn docx(path: &Path, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    use thicket_core::export::document::to_docx;
    use thicket_core::export::excerpts::{self, CodeChoice, ExcerptOptions, GroupBy, Selection};
    say("docx export…");
    let project = Project::open(path)?;
    let mut options = ExcerptOptions::new("Excerpts: benchmark corpus")?;
    options.group_by = GroupBy::CodeCase;
    options.context = 1;
    options.other_codes = true;
    options.counts = true;
    // Whole cases, in name order, until they hold enough codings (chosen before timing).
    let mut selection = Selection::of(CodeChoice::All);
    for case in project.cases()? {
        selection.cases.push(case.name);
        if excerpts::select(&project, &selection)?.len() >= DOCX_EXCERPTS {
            break;
        }
    }
    let out = dir.join("excerpts.docx");
    let reset = reset_peak_rss();
    let before = current_rss_mb();
    let started = Instant::now();
    let mut segments = excerpts::select(&project, &selection)?;
    let select_s = started.elapsed().as_secs_f64();
    segments.truncate(DOCX_EXCERPTS);
    let built = excerpts::build(&project, segments, &options)?;
    let bytes = to_docx(&excerpts::to_document(&built))?;
    std::fs::write(&out, &bytes).map_err(|e| thicket_core::Error::io(thicket_core::error::IoOp::Write, &out, e))?;
    let whole = started.elapsed().as_secs_f64();
    let peak = peak_rss_mb();
    let writer = median_ms(3, || to_docx(&excerpts::to_document(&built)))?;
    project.close()?;
    let _ = std::fs::remove_file(&out);
    let cases = selection.cases.len();
    let peak_note = if reset {
        format!("the process's peak resident memory while exporting (VmHWM reset before; {before:.0} MB resident when it began)")
    } else {
        "VmHWM could not be reset: this is the whole run's peak".to_string()
    };
    Ok(vec![
        Figure::new(&format!("export {} excerpts to DOCX", thousands(built.total)), whole * 1000.0, "ms").budget(5000.0).note(format!(
            "{} excerpts of {cases} cases grouped by code and case, with context and other codes, {:.1} MB file; selecting took {:.0} ms",
            built.total,
            bytes.len() as f64 / 1e6,
            select_s * 1000.0
        )),
        Figure::new("DOCX writer alone", writer, "ms").note("Excerpts → Document → zipped DOCX bytes, in memory"),
        Figure::new("DOCX export peak memory", peak, "MB").note(peak_note),
    ])
}

/// Exporting the whole project as a REFI-QDA `.qdpx`, as `thicket export PROJECT qdpx` does:
/// every source's text into the zip, every coding as a selection, every memo as a note, in code
/// points (UTF-16 costs one index per text more). Timed whole, one run, with the file's size and
/// this process's peak resident memory while exporting (the archive is built in memory).
pub(super) fn qdpx(path: &Path, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    use thicket_core::export::refi::{QdpxOptions, qdpx_bytes};
    say("qdpx export…");
    let project = Project::open(path)?;
    let out = dir.join("bench.qdpx");
    let reset = reset_peak_rss();
    let started = Instant::now();
    let (bytes, counts) = qdpx_bytes(&project, &QdpxOptions::default(), &mut |_, _| true)?;
    std::fs::write(&out, &bytes).map_err(|e| thicket_core::Error::io(thicket_core::error::IoOp::Write, &out, e))?;
    let whole = started.elapsed().as_secs_f64();
    let peak = peak_rss_mb();
    project.close()?;
    let _ = std::fs::remove_file(&out);
    let peak_note = if reset { "the process's peak resident memory while exporting (VmHWM reset before)".to_string() } else { "VmHWM could not be reset: this is the whole run's peak".to_string() };
    Ok(vec![
        Figure::new("export the project to REFI-QDA (.qdpx)", whole * 1000.0, "ms").note(format!(
            "{} sources, {} selections, {} codings, {} notes; {:.1} MB file",
            counts.sources,
            counts.selections,
            counts.codings,
            counts.notes,
            bytes.len() as f64 / 1e6
        )),
        Figure::new("qdpx export peak memory", peak, "MB").note(peak_note),
    ])
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Resets this process's peak resident memory (VmHWM) to its current size (Linux 4.0 and
/// later); false where that is not possible.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Resident memory of this process now, in MB (Linux; 0 elsewhere).
fn current_rss_mb() -> f64 {
    status_kb("VmRSS:") / 1024.0
}

fn status_kb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).map(String::from))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .unwrap_or(0.0)
}

/// Peak resident set size of this process, in MB (Linux; 0 elsewhere).
pub fn peak_rss_mb() -> f64 {
    status_kb("VmHWM:") / 1024.0
}

/// CPU model and core count, for the report.
pub(super) fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split(':').nth(1)).map(|s| s.trim().to_string()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cpu}, {cores} cores, {}", std::env::consts::OS)
}

/// Inter-coder agreement of the two coders (the second re-coded a quarter of the sources):
/// Krippendorff's alpha at the paragraph unit over every code, and cu-alpha on the raw spans,
/// both without intervals (point estimates, as the table first shows them), the data in memory.
pub(super) fn agreement(project: &Project, say: fn(&str)) -> Result<Vec<Figure>> {
    use thicket_core::analysis::AnalysisLoad;
    use thicket_core::analysis::agreement::{AgreementSpec, BootstrapOptions, By, Measure as M, UnitKind, project_agreement};
    say("agreement…");
    let data = project.analysis_data_with(AnalysisLoad { speakers: true, texts: true })?;
    let coders: Vec<_> = data.coders.values().map(|c| c.id).collect();
    let spec = |measure: M, draws: usize| AgreementSpec {
        coders: coders.clone(),
        codes: Vec::new(),
        subcodes: false,
        unit: UnitKind::Paragraph,
        all_units: false,
        by: By::Code,
        measures: vec![measure],
        bootstrap: BootstrapOptions { draws, ..Default::default() },
    };
    let mut units = 0.0;
    let mut alpha = None;
    let alpha_ms = median_ms(3, || {
        let t = project_agreement(&data, &spec(M::KrippendorffAlpha, 0), &mut |_| true)?;
        if let Some(t) = t {
            units = t.overall.units;
            alpha = t.overall.get(M::KrippendorffAlpha).and_then(|e| e.coefficient.value);
        }
        Ok(())
    })?;
    let mut cu = None;
    let cu_ms = median_ms(3, || {
        let t = project_agreement(&data, &spec(M::CuAlpha, 0), &mut |_| true)?;
        cu = t.and_then(|t| t.overall.get(M::CuAlpha).and_then(|e| e.coefficient.value));
        Ok(())
    })?;
    let ci_ms = median_ms(1, || project_agreement(&data, &spec(M::KrippendorffAlpha, 1000), &mut |_| true))?;
    let shown = |v: Option<f64>| v.map_or("undefined".to_string(), |v| format!("{v:.3}"));
    Ok(vec![
        Figure::new("agreement: alpha per code, paragraph unit", alpha_ms, "ms").budget(1000.0).note(format!(
            "{} codes and pooled, {units:.0} paragraphs both coders' sources; pooled alpha {}",
            data.codebook.len(),
            shown(alpha)
        )),
        Figure::new("agreement: cu-alpha on raw spans", cu_ms, "ms").budget(3000.0).note(format!("every code a category, each source a continuum; cu-alpha {}", shown(cu))),
        Figure::new("agreement: alpha per code with 1,000-draw intervals", ci_ms, "ms").note("the bootstrap the table computes in the background"),
    ])
}

/// Backups and the audit trail (issue #15 §4, §6): one snapshot of the project (`VACUUM INTO` a
/// temporary name, `quick_check`, rename), applying one code (the action with its audit row),
/// and what the audit row itself costs in bare SQL: one row naming 3 entities (a coding) and one
/// naming 10,000 (an import of 10,000 files).
pub(super) fn backup_and_audit(path: &Path, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    say("backup…");
    let folder = dir.join("bench.thicket-backups");
    let mut p = Project::open(path)?;
    let started = Instant::now();
    let info = p.make_backup(Some(&folder), 10)?;
    let snapshot = started.elapsed().as_secs_f64() * 1000.0;
    say("audit…");
    let source = p.sources()?.first().map(|s| (s.id, s.char_len)).ok_or_else(|| thicket_core::Error::internal("no source"))?;
    let code = p.codebook()?.children(None).first().copied().ok_or_else(|| thicket_core::Error::internal("no code"))?;
    let coder = p.ensure_coder("bench")?;
    let mut start = 0;
    let apply = median_ms(21, || {
        start = (start + 7) % source.1.saturating_sub(5).max(1);
        let span = thicket_core::model::TextSpan::new(start, start + 5).ok_or_else(|| thicket_core::Error::internal("span"))?;
        p.perform(thicket_core::Action::AddCodings(vec![thicket_core::action::NewCoding { source: source.0, code, coder, span, memo: String::new() }]))
    })?;
    // The window's automatic backup: a snapshot on a worker, through a read-only connection of
    // its own, while this connection goes on applying codes. Each write's time is what a frame
    // that writes would wait; none may wait for the snapshot.
    say("background backup while writing…");
    let job = p.backup_job(Some(&folder), 10).ok_or_else(|| thicket_core::Error::internal("the project is not writable"))?;
    let started = Instant::now();
    let worker = std::thread::spawn(move || job.run());
    let mut during = Vec::new();
    while !worker.is_finished() {
        let t = Instant::now();
        start = (start + 7) % source.1.saturating_sub(5).max(1);
        let span = thicket_core::model::TextSpan::new(start, start + 5).ok_or_else(|| thicket_core::Error::internal("span"))?;
        p.perform(thicket_core::Action::AddCodings(vec![thicket_core::action::NewCoding { source: source.0, code, coder, span, memo: String::new() }]))?;
        during.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    worker.join().map_err(|_| thicket_core::Error::internal("the backup worker stopped"))??;
    let background = started.elapsed().as_secs_f64() * 1000.0;
    during.sort_by(f64::total_cmp);
    let slowest = during.last().copied().unwrap_or(0.0);
    let median_during = during.get(during.len() / 2).copied().unwrap_or(0.0);
    // The same number of writes without a snapshot, for the slowest of them: on a shared
    // machine one write in a few hundred is slow whatever runs beside it.
    let mut alone = Vec::new();
    for _ in 0..during.len().max(1) {
        let t = Instant::now();
        start = (start + 7) % source.1.saturating_sub(5).max(1);
        let span = thicket_core::model::TextSpan::new(start, start + 5).ok_or_else(|| thicket_core::Error::internal("span"))?;
        p.perform(thicket_core::Action::AddCodings(vec![thicket_core::action::NewCoding { source: source.0, code, coder, span, memo: String::new() }]))?;
        alone.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    alone.sort_by(f64::total_cmp);
    let slowest_alone = alone.last().copied().unwrap_or(0.0);
    let median_alone = alone.get(alone.len() / 2).copied().unwrap_or(0.0);
    p.close()?;
    let small = median_ms(21, || crate::baseline::audit_row(path, 3))?;
    let large = median_ms(3, || crate::baseline::audit_row(path, 10_000))?;
    Ok(vec![
        Figure::new("backup snapshot", snapshot, "ms").note(format!(
            "Project::make_backup: VACUUM INTO a temporary name, quick_check of the copy, rename, rotation; {:.1} MB; in the window it runs in the background",
            info.bytes as f64 / 1e6
        )),
        Figure::new("background backup (window)", background, "ms").note(format!(
            "Project::backup_job run on a worker with its own read-only connection while the project is written: {} codes applied meanwhile, median {median_during:.1} ms, slowest {slowest:.1} ms (alone: see the next figure)",
            during.len()
        )),
        Figure::new("slowest write during a background backup", slowest, "ms").bound(slowest_alone).note(format!(
            "what a frame that applies a code waits while a snapshot is being taken (the snapshot never holds the write lock); bound: the slowest of as many writes without one (median {median_alone:.1} ms)"
        )),
        Figure::new("apply one code, with its audit row", apply, "ms").note("Project::perform(AddCodings(1)) at this scale, committed (synchronous = FULL)"),
        Figure::new("audit row alone (1 row, 3 entities)", small, "ms").note("bare SQL in its own transaction, commit included: an upper bound of what the row adds to an action"),
        Figure::new("audit row of a 10,000-file import", large, "ms").note("bare SQL: one row naming 10,000 sources, in its own transaction, commit included"),
    ])
}

/// What encryption at rest costs (docs/integrity.md, "Encryption at rest"): converting a copy of
/// the project, then the same opening, crosstab and search on the plain and the encrypted copy.
/// SQLCipher derives the key once per opening (PBKDF2, 256,000 iterations) and decrypts each page
/// it reads.
pub(super) fn encrypted(path: &Path, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    use thicket_core::store::Passphrase;
    say("encrypted…");
    let key = Passphrase::new("bench passphrase").map_err(thicket_core::Error::invalid)?;
    let plain = dir.join("bench-plain.thicket");
    let secret = dir.join("bench-encrypted.thicket");
    for copy in [&plain, &secret] {
        let _ = std::fs::remove_file(copy);
        Project::open(path)?.save_copy(copy)?;
    }
    let started = Instant::now();
    let mut p = Project::open(&secret)?;
    p.set_encryption(Some(&key))?;
    p.close()?;
    let convert = started.elapsed().as_secs_f64() * 1000.0;
    let open = |k: Option<&Passphrase>, file: &Path| {
        median_ms(5, || {
            let p = Project::open_keyed(file, k)?;
            let title = p.title()?;
            p.close()?;
            Ok(title)
        })
    };
    let open_plain = open(None, &plain)?;
    let open_secret = open(Some(&key), &secret)?;
    let cold = |k: Option<&Passphrase>, file: &Path| -> Result<f64> {
        let p = Project::open_keyed(file, k)?;
        let ms = median_ms(3, || Ok(crosstab_of(&p.analysis_data(false)?, Dimension::Cases, Measure::Segments)))?;
        p.close()?;
        Ok(ms)
    };
    let crosstab_plain = cold(None, &plain)?;
    let crosstab_secret = cold(Some(&key), &secret)?;
    let search = |k: Option<&Passphrase>, file: &Path| -> Result<f64> {
        let p = Project::open_keyed(file, k)?;
        let word = common_word(&p)?;
        let whole = SearchPattern::plain(&word, true);
        let ms = median_ms(3, || p.search(&whole, &SearchScope::default()))?;
        p.close()?;
        Ok(ms)
    };
    let search_plain = search(None, &plain)?;
    let search_secret = search(Some(&key), &secret)?;
    for copy in [&plain, &secret] {
        let _ = std::fs::remove_file(copy);
    }
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    Ok(vec![
        Figure::new("encrypt a copy of the project", convert, "ms").note(format!("{bytes:.0} MB: export with the new key, check against the project, rename")),
        Figure::new("open project for reading, encrypted", open_secret, "ms").bound(open_plain).note("the key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations) on every open; bound: the plain copy"),
        Figure::new("crosstab codes × cases, cold, encrypted", crosstab_secret, "ms").bound(crosstab_plain).note("every coding read through page decryption; bound: the plain copy"),
        Figure::new("search a whole word, project, encrypted", search_secret, "ms").bound(search_plain).note("index and texts read through page decryption; bound: the plain copy"),
    ])
}
