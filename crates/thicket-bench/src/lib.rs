//! `thicket bench`: build a seeded synthetic corpus, run the operations researchers wait on, and
//! print each figure beside its physical bound (the same work in bare SQL) and its budget.
//!
//! Figures that repeat cheaply are medians of several runs. Ratios are the numbers to compare
//! across machines; absolute times are for this machine. No test asserts a time.

mod baseline;
pub mod corpus;
#[cfg(feature = "gui")]
mod docview;
mod measure;
pub mod qualcoder;
#[cfg(feature = "gui")]
mod window;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

pub use corpus::{Corpus, Scale, generate};
pub use measure::{median_ms, peak_rss_mb};

use thicket_core::action::{Action, NewCoding};
use thicket_core::error::{Error, IoOp, Result};
use thicket_core::model::*;
use thicket_core::project::{ImportOptions, Project};

/// The names `--only` accepts.
pub const STAGES: &[&str] = &["import", "open", "segments", "crosstab", "cooccur", "agreement", "search", "reconcile", "window", "docview", "docx", "qdpx", "memory", "qualcoder", "backup", "encrypted"];

/// One measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Stage and what was measured, e.g. `crosstab codes x cases`.
    pub name: String,
    pub value: f64,
    /// `ms`, `MB/s`, `MB`...
    pub unit: String,
    /// The same work in bare SQLite, in the same unit, measured in the same run.
    pub bound: Option<f64>,
    /// How many times the bound's time this took (1.0 = at the bound).
    pub ratio: Option<f64>,
    /// The target from DESIGN.md §8 or the Workbench issue, in the same unit.
    pub budget: Option<f64>,
    /// `met`, `not met`, or empty when there is no budget.
    pub status: String,
    pub note: String,
}

impl Figure {
    fn new(name: &str, value: f64, unit: &str) -> Self {
        Figure { name: name.into(), value, unit: unit.into(), bound: None, ratio: None, budget: None, status: String::new(), note: String::new() }
    }

    /// Adds a bound; for times the ratio is value / bound, for rates bound / value.
    fn bound(mut self, bound: f64) -> Self {
        self.bound = Some(bound);
        let ratio = if self.unit == "MB/s" { bound / self.value } else { self.value / bound };
        self.ratio = ratio.is_finite().then_some(ratio);
        self
    }

    /// Adds a budget (an upper limit for times).
    fn budget(mut self, budget: f64) -> Self {
        self.budget = Some(budget);
        self.status = if self.value <= budget { "met".into() } else { "not met".into() };
        self
    }

    fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }
}

/// Everything a run measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub scale: String,
    pub seed: u64,
    pub sources: usize,
    pub words: usize,
    pub codings: usize,
    pub megabytes: f64,
    pub figures: Vec<Figure>,
    pub machine: String,
}

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub scale: Scale,
    pub only: Vec<String>,
    pub seed: u64,
    /// Where to build the corpus and projects; a temp folder when `None`.
    pub workdir: Option<PathBuf>,
    /// Called with a line of progress for each step.
    pub progress: fn(&str),
}

impl BenchOptions {
    fn wants(&self, stage: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|s| s == stage)
    }
}

/// Runs the benchmarks.
pub fn run(options: &BenchOptions) -> Result<BenchReport> {
    for s in &options.only {
        if !STAGES.contains(&s.as_str()) {
            return Err(Error::invalid(format!("unknown benchmark \"{s}\": expected one of {}", STAGES.join(", "))));
        }
    }
    let tmp;
    let dir: &Path = match &options.workdir {
        Some(d) => d,
        None => {
            tmp = TempDir::new()?;
            &tmp.0
        }
    };
    let say = options.progress;
    let started = Instant::now();
    let corpus = generate(&options.scale, options.seed);
    let megabytes = corpus.sources.iter().map(|s| s.text.len()).sum::<usize>() as f64 / 1e6;
    say(&format!("generated {} sources ({megabytes:.1} MB) and {} codings in {:.1} s", corpus.sources.len(), corpus.codings.len(), started.elapsed().as_secs_f64()));
    let mut figures = Vec::new();
    let needs_project = ["import", "open", "segments", "crosstab", "cooccur", "agreement", "search", "reconcile", "window", "docx", "qdpx", "memory", "backup", "encrypted"].iter().any(|s| options.wants(s));
    let project_path = dir.join("bench.thicket");
    if needs_project {
        let (import, baseline) = build_project(&corpus, dir, &project_path, say)?;
        if options.wants("import") {
            figures.push(Figure::new("import throughput (txt files → project)", megabytes / import, "MB/s").bound(megabytes / baseline).note(format!(
                "{megabytes:.1} MB in {import:.1} s; bound: bare INSERT of the same texts into the same FTS5-indexed table"
            )));
        }
    }
    if options.wants("open") {
        figures.extend(measure::open(&project_path, say)?);
    }
    let mut word = String::new();
    if ["segments", "crosstab", "cooccur", "search", "window"].iter().any(|s| options.wants(s)) {
        say("bounds (bare SQL)…");
        let bounds = baseline::Bounds::measure(&project_path, |stage| options.wants(stage))?;
        let project = Project::open(&project_path)?;
        if options.wants("segments") {
            figures.push(measure::segments(&project, &bounds, say)?);
            #[cfg(feature = "gui")]
            figures.push(measure::listings(&project, say)?);
        }
        if options.wants("crosstab") {
            figures.extend(measure::crosstab(&project, &bounds, say)?);
        }
        if options.wants("cooccur") {
            figures.extend(measure::cooccur(&project, &bounds, say)?);
        }
        if options.wants("search") {
            figures.extend(measure::search(&project, say)?);
        }
        word = measure::common_word(&project)?;
        project.close()?;
    }
    if options.wants("reconcile") {
        let project = Project::open(&project_path)?;
        figures.extend(measure::reconcile(&project, say)?);
        project.close()?;
    }
    if options.wants("window") {
        figures.extend(window_figures(&project_path, &word, say)?);
    }
    if options.wants("agreement") {
        let project = Project::open(&project_path)?;
        figures.extend(measure::agreement(&project, say)?);
        project.close()?;
    }
    if options.wants("docview") {
        figures.extend(docview_figures(&options.scale, options.seed, dir, say)?);
    }
    if options.wants("docx") {
        figures.extend(measure::docx(&project_path, dir, say)?);
    }
    if options.wants("qdpx") {
        figures.extend(measure::qdpx(&project_path, dir, say)?);
    }
    if options.wants("qualcoder") {
        figures.extend(qualcoder::measure(&corpus, &options.scale, options.seed, dir, say)?);
    }
    if options.wants("backup") {
        figures.extend(measure::backup_and_audit(&project_path, dir, say)?);
    }
    if options.wants("encrypted") {
        figures.extend(measure::encrypted(&project_path, dir, say)?);
    }
    if options.wants("memory") {
        figures.push(Figure::new("peak resident memory (whole run)", peak_rss_mb(), "MB").note("VmHWM of this process"));
    }
    let words = corpus.sources.iter().map(|s| thicket_core::text::word_count(&s.text)).sum();
    Ok(BenchReport {
        scale: options.scale.name.into(),
        seed: options.seed,
        sources: corpus.sources.len(),
        words,
        codings: corpus.codings.len(),
        megabytes,
        figures,
        machine: measure::machine(),
    })
}

#[cfg(feature = "gui")]
fn window_figures(path: &Path, word: &str, say: fn(&str)) -> Result<Vec<Figure>> {
    window::run(path, word, say)
}

#[cfg(not(feature = "gui"))]
fn window_figures(_: &Path, _: &str, say: fn(&str)) -> Result<Vec<Figure>> {
    say("window skipped: this build has no GUI");
    Ok(Vec::new())
}

#[cfg(feature = "gui")]
fn docview_figures(scale: &Scale, seed: u64, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    docview::run(scale, seed, dir, say)
}

#[cfg(not(feature = "gui"))]
fn docview_figures(_: &Scale, _: u64, _: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    say("docview skipped: this build has no GUI");
    Ok(Vec::new())
}

/// Writes the corpus as files, imports it case by case through the real import path, adds codes,
/// participants and codings; returns (import seconds, baseline seconds).
fn build_project(corpus: &Corpus, dir: &Path, path: &Path, say: fn(&str)) -> Result<(f64, f64)> {
    let files = dir.join("corpus");
    let _ = std::fs::remove_dir_all(&files);
    for s in &corpus.sources {
        let folder = files.join(&corpus.cases[s.case]).join(s.kind.as_str());
        std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
        let file = folder.join(&s.file_name);
        std::fs::write(&file, &s.text).map_err(|e| io(&file, e))?;
    }
    let _ = std::fs::remove_file(path);
    let mut project = Project::create(path, "Benchmark corpus")?;
    for code in &corpus.codes {
        let (parent, name) = match code.rsplit_once('/') {
            Some((p, n)) => (Some(project.code_at(p)?), n),
            None => (None, code.as_str()),
        };
        project.apply(Action::CreateCode { parent, name: name.into(), color: "#1E88E5".into(), description: CodeDescription::default() })?;
    }
    let mut case_ids = Vec::new();
    for name in &corpus.cases {
        case_ids.push(project.apply(Action::CreateCase { name: name.clone(), description: String::new(), sources: vec![] })?.created.cases[0]);
    }
    for p in &corpus.people {
        project.apply(Action::CreateParticipant { name: p.name.clone(), role: Some(p.role.into()), cases: vec![case_ids[p.case]] })?;
    }
    say("importing…");
    let started = Instant::now();
    for (case, name) in corpus.cases.iter().enumerate() {
        for kind in SourceKind::ALL {
            let folder = files.join(name).join(kind.as_str());
            if !folder.exists() {
                continue;
            }
            let options = ImportOptions { kind: Some(*kind), case: Some(corpus.cases[case].clone()), ..Default::default() };
            let report = project.import_paths(&[folder], &options)?;
            if let Some(f) = report.failed.first() {
                return Err(Error::internal(format!("benchmark import failed on {}: {}", f.path.display(), f.reason)));
            }
        }
    }
    let import = started.elapsed().as_secs_f64();
    say(&format!("imported in {import:.1} s; adding {} codings…", corpus.codings.len()));
    add_codings(&mut project, corpus, &case_ids)?;
    project.close()?;
    let baseline_path = dir.join("baseline.sqlite");
    let _ = std::fs::remove_file(&baseline_path);
    let texts: Vec<(String, String)> = corpus.sources.iter().map(|s| (s.file_name.clone(), s.text.clone())).collect();
    let started = Instant::now();
    baseline::bulk_insert(&baseline_path, &texts)?;
    let baseline = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&baseline_path);
    let _ = std::fs::remove_dir_all(&files);
    Ok((import, baseline))
}

fn add_codings(project: &mut Project, corpus: &Corpus, case_ids: &[CaseId]) -> Result<()> {
    let by_file: std::collections::HashMap<String, SourceId> =
        project.sources()?.into_iter().map(|s| (s.original_name, s.id)).collect();
    let ids: Vec<SourceId> = corpus.sources.iter().map(|s| by_file.get(&s.file_name).copied().unwrap_or(SourceId(0))).collect();
    for (s, id) in corpus.sources.iter().zip(&ids) {
        if !s.other_cases.is_empty() {
            for c in &s.other_cases {
                project.apply(Action::AssignSources { case: case_ids[*c], sources: vec![*id] })?;
            }
        }
    }
    let book = project.codebook()?;
    let codes: Vec<CodeId> = corpus.codes.iter().map(|p| book.by_path(p).unwrap_or(CodeId(0))).collect();
    let coders = [project.ensure_coder("Amara")?, project.ensure_coder("Jonas")?];
    for chunk in corpus.codings.chunks(20_000) {
        let batch = chunk
            .iter()
            .map(|c| NewCoding { source: ids[c.source], code: codes[c.code], coder: coders[c.coder], span: TextSpan { start: c.start, end: c.end }, memo: String::new() })
            .collect();
        project.apply(Action::AddCodings(batch))?;
    }
    Ok(())
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::io(IoOp::Write, path, e)
}

/// A temp folder removed on drop, without a dependency for it in the library.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self> {
        let path = std::env::temp_dir().join(format!("thicket-bench-{}-{}", std::process::id(), thicket_core::clock::now_rfc3339().replace(':', "")));
        std::fs::create_dir_all(&path).map_err(|e| io(&path, e))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
