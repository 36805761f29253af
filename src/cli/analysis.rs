//! The analysis commands (`crosstab`, `cooccur`, `triangulate`, `sequence`, `timeline`) and the
//! `--query` and date filters of `segments`.
//!
//! Flags come in (clap `Args` structs, used by the variants of `Command`); each command opens
//! the project, loads `AnalysisData` with what its analysis needs, narrows it to the filters,
//! calls the pure function in `analysis/`, and prints the result as an aligned table, CSV, JSON,
//! a Markdown table or an XLSX workbook (docs/cli.md documents every shape), or writes its chart
//! as SVG or PNG (`export::charts`, the window's own charts, captioned with the filters). With
//! `--pseudonymise` the project's pseudonym map rewrites the tables, the JSON and the chart first.
//! The only write to the project is the export log's record of a report written to a file
//! (`--out`). The JSON shapes are the serde-derived reports of `json`.

mod agreement;
mod json;

pub use agreement::{AgreementArgs, agreement};

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::output::emit;
use thicket_core::analysis::{self, AnalysisData, AnalysisLoad, Scope};
use super::pseudonyms::export_map;
use thicket_core::export::svg::{Chart, ChartSize, write_chart_svg};
use thicket_core::export::{Pseudonymise, Sheet, analysis_tables as tables, charts};
use thicket_core::error::{Ending, Error, IoOp, Result};
use thicket_core::model::*;
use thicket_core::project::{Segment, SegmentFilter};

/// Filters shared by the analysis commands: an analysis sees only the codings that pass them.
#[derive(Debug, Clone, Default, Args, Serialize)]
pub struct ScopeArgs {
    /// Only codings in sources of case NAME (repeatable).
    #[arg(long = "case")]
    pub cases: Vec<String>,
    /// Only codings in sources of kind K (repeatable).
    #[arg(long = "kind")]
    pub kinds: Vec<String>,
    /// Only codings attributed to a participant with role ROLE (repeatable).
    #[arg(long = "role")]
    pub roles: Vec<String>,
    /// Only codings by coder NAME (repeatable).
    #[arg(long = "coder")]
    pub coders: Vec<String>,
    /// Only codings in sources dated on or after YYYY-MM-DD.
    #[arg(long)]
    pub from_date: Option<String>,
    /// Only codings in sources dated on or before YYYY-MM-DD.
    #[arg(long)]
    pub to_date: Option<String>,
}

impl ScopeArgs {
    /// The core scope of these flags, with the kinds checked.
    fn scope(&self) -> Result<Scope> {
        let kinds = self
            .kinds
            .iter()
            .map(|k| SourceKind::parse(k).ok_or_else(|| Error::invalid(format!("unknown kind \"{k}\": expected one of {}", SourceKind::choices()))))
            .collect::<Result<Vec<_>>>()?;
        Ok(Scope {
            cases: self.cases.clone(),
            kinds,
            roles: self.roles.clone(),
            coders: self.coders.clone(),
            sources: Vec::new(),
            from_date: self.from_date.clone(),
            to_date: self.to_date.clone(),
        })
    }
}

/// How the analysis commands print.
#[derive(Debug, Clone, Args, Serialize)]
pub struct OutputArgs {
    /// table, csv, json, md, xlsx, svg or png.
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Write to this file instead of stdout (required for xlsx, svg and png).
    #[arg(long)]
    #[serde(skip)]
    pub out: Option<PathBuf>,
    /// The chart's width in millimetres, for svg and png (default 170, a page; 85 is a column).
    #[arg(long, value_name = "N")]
    pub width_mm: Option<u32>,
    /// The PNG's resolution in dots per inch, for svg and png (default 300).
    #[arg(long, value_name = "N")]
    pub dpi: Option<u32>,
    /// Apply the project's pseudonym map to the tables (names of participants, cases, sources).
    #[arg(long)]
    pub pseudonymise: bool,
}

impl OutputArgs {
    /// The chart size asked for, checked against `ChartSize`'s limits.
    fn chart_size(&self) -> Result<ChartSize> {
        let default = ChartSize::default();
        let size = ChartSize { width_mm: self.width_mm.unwrap_or(default.width_mm), dpi: self.dpi.unwrap_or(default.dpi) };
        let (w, d) = (ChartSize::WIDTH_MM, ChartSize::DPI);
        if !w.contains(&size.width_mm) {
            return Err(Error::invalid(format!("--width-mm {} is out of range: expected {} to {} millimetres", size.width_mm, w.start(), w.end())));
        }
        if !d.contains(&size.dpi) {
            return Err(Error::invalid(format!("--dpi {} is out of range: expected {} to {}", size.dpi, d.start(), d.end())));
        }
        Ok(size)
    }
}

/// `thicket crosstab`
#[derive(Debug, Clone, Args, Serialize)]
pub struct CrosstabArgs {
    #[serde(skip)]
    pub project: PathBuf,
    /// cases, roles, kinds, coders, participants, period (= period:month), period:quarter,
    /// period:session or attr:NAME.
    #[arg(long)]
    pub cols: String,
    /// segments, sources, cases, words or coverage.
    #[arg(long, default_value = "segments")]
    pub measure: String,
    /// Count each code together with all its sub-codes.
    #[arg(long)]
    pub rollup: bool,
    #[command(flatten)]
    #[serde(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    #[serde(flatten)]
    pub output: OutputArgs,
}

/// `thicket cooccur`
#[derive(Debug, Clone, Args, Serialize)]
pub struct CooccurArgs {
    #[serde(skip)]
    pub project: PathBuf,
    /// overlap, paragraph, turn or within:N (N characters).
    #[arg(long, default_value = "overlap")]
    pub mode: String,
    /// What table, CSV and Markdown show: count or jaccard (JSON and XLSX hold both).
    #[arg(long, default_value = "count")]
    pub measure: String,
    /// Show only these codes (repeatable); co-occurrence is still computed over all codings.
    #[arg(long = "code")]
    pub codes: Vec<String>,
    /// Pair codings of different coders too (by default both codings of a pair are one coder's).
    #[arg(long)]
    pub across_coders: bool,
    #[command(flatten)]
    #[serde(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    #[serde(flatten)]
    pub output: OutputArgs,
}

/// `thicket triangulate`
#[derive(Debug, Clone, Args, Serialize)]
pub struct TriangulateArgs {
    #[serde(skip)]
    pub project: PathBuf,
    /// Count each code together with all its sub-codes.
    #[arg(long)]
    pub rollup: bool,
    /// A role that does not count as a perspective, e.g. interviewer (repeatable).
    #[arg(long = "ignore-role")]
    pub ignore_roles: Vec<String>,
    /// What table, CSV and Markdown show: grid (codes × cases) or long (one row per cell).
    #[arg(long, default_value = "grid")]
    pub layout: String,
    /// Pair codings of different coders too (by default both codings of a pair are one coder's).
    #[arg(long)]
    pub across_coders: bool,
    #[command(flatten)]
    #[serde(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    #[serde(flatten)]
    pub output: OutputArgs,
}

/// `thicket sequence`
#[derive(Debug, Clone, Args, Serialize)]
pub struct SequenceArgs {
    #[serde(skip)]
    pub project: PathBuf,
    /// Code path of A (with --to).
    #[arg(long)]
    pub from: Option<String>,
    /// Code path of B (with --from).
    #[arg(long)]
    pub to: Option<String>,
    /// turns:N, paragraphs:N, sessions:K or case (anywhere later in the case).
    #[arg(long, default_value = "case")]
    pub window: String,
    /// A code of the transition matrix (repeatable; default: --from and --to).
    #[arg(long = "code")]
    pub codes: Vec<String>,
    /// A code stands for itself only, not for its sub-codes too.
    #[arg(long)]
    pub no_subcodes: bool,
    /// The chart (svg, png) shows transition probabilities instead of counts.
    #[arg(long)]
    pub probabilities: bool,
    /// Pair codings of different coders too (by default both codings of a pair are one coder's).
    #[arg(long)]
    pub across_coders: bool,
    #[command(flatten)]
    #[serde(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    #[serde(flatten)]
    pub output: OutputArgs,
}

/// `thicket timeline`
#[derive(Debug, Clone, Args, Serialize)]
pub struct TimelineArgs {
    #[serde(skip)]
    pub project: PathBuf,
    /// Count each code together with all its sub-codes.
    #[arg(long)]
    pub rollup: bool,
    /// Show only these codes (repeatable).
    #[arg(long = "code")]
    pub codes: Vec<String>,
    #[command(flatten)]
    #[serde(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    #[serde(flatten)]
    pub output: OutputArgs,
}

/// The output formats of the analysis commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnalysisFormat {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
    Svg,
    Png,
}

impl AnalysisFormat {
    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "table" => AnalysisFormat::Table,
            "csv" => AnalysisFormat::Csv,
            "json" => AnalysisFormat::Json,
            "md" => AnalysisFormat::Md,
            "xlsx" => AnalysisFormat::Xlsx,
            "svg" => AnalysisFormat::Svg,
            "png" => AnalysisFormat::Png,
            _ => return Err(Error::invalid(format!("unknown format \"{s}\": expected table, csv, json, md, xlsx, svg or png"))),
        })
    }

    /// Whether the format writes a file, and so needs `--out`.
    fn is_file(self) -> bool {
        matches!(self, AnalysisFormat::Xlsx | AnalysisFormat::Svg | AnalysisFormat::Png)
    }

    /// Whether the format is a chart.
    fn is_chart(self) -> bool {
        matches!(self, AnalysisFormat::Svg | AnalysisFormat::Png)
    }
}

/// Whether the command writes a chart (SVG or PNG), so that it builds one only then.
fn wants_chart(output: &OutputArgs) -> bool {
    AnalysisFormat::parse(&output.format).is_ok_and(AnalysisFormat::is_chart)
}

/// What a command prints: its tables, its JSON report (one of `json`'s), and its chart when
/// the format is one, its caption naming the filters.
struct Report<J> {
    sheets: Vec<Sheet>,
    json: J,
    chart: Option<Chart>,
}

/// Which command a report comes from and the flags it ran with, for the export log.
struct Made<'a, A: Serialize> {
    project: &'a Path,
    kind: &'static str,
    args: &'a A,
}

/// Prints a report in `format`, to `out` or stdout. With `--pseudonymise` the project's map
/// rewrites the tables, the JSON and the chart first; a report written to a file is recorded in the
/// project's export log.
fn render<J: Serialize, A: Serialize>(report: Report<J>, output: &OutputArgs, made: Made<'_, A>) -> Result<()> {
    let format = AnalysisFormat::parse(&output.format)?;
    let Report { mut sheets, json, mut chart } = report;
    // Through a `Value`, whose map sorts the keys: the order docs/cli.md shows.
    let mut json = serde_json::to_value(&json).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    let mut project = None;
    if output.pseudonymise || output.out.is_some() {
        let p = super::passphrase::open_project(made.project)?;
        let map = export_map(&p, output.pseudonymise)?;
        if let Some(map) = &map {
            sheets.pseudonymise(map);
            json.pseudonymise(map);
            if let Some(chart) = &mut chart {
                chart.pseudonymise(map);
            }
        }
        project = Some((p, map));
    }
    write_report(&sheets, &json, chart.as_ref(), format, output)?;
    if let Some((mut p, map)) = project {
        if let Some(file) = &output.out {
            let options = serde_json::to_value(made.args).map_err(|e| Error::internal(format!("cannot record the options: {e}")))?;
            p.log_written_export(made.kind, file, options, map.as_ref())?;
        }
        p.close()?;
    }
    Ok(())
}

/// Writes the tables, the JSON or the chart in `format`, to `out` or stdout.
fn write_report(sheets: &[Sheet], json: &serde_json::Value, chart: Option<&Chart>, format: AnalysisFormat, output: &OutputArgs) -> Result<()> {
    let shown: Vec<&Sheet> = sheets.iter().filter(|s| !s.xlsx_only).collect();
    let titled = shown.len() > 1;
    let text = match format {
        AnalysisFormat::Xlsx | AnalysisFormat::Svg | AnalysisFormat::Png => {
            let Some(path) = &output.out else {
                return Err(missing_out(format));
            };
            if format == AnalysisFormat::Xlsx {
                return thicket_core::export::write_xlsx(path, sheets);
            }
            let chart = chart.ok_or_else(|| Error::internal("the command built no chart"))?;
            return write_chart_svg(&chart.svg(), path, output.chart_size()?, format == AnalysisFormat::Png);
        }
        AnalysisFormat::Json => {
            let text = serde_json::to_string_pretty(json).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            format!("{text}\n")
        }
        // CSV has no room for titles: it holds the first table only.
        AnalysisFormat::Csv => thicket_core::export::csv_of(sheets),
        AnalysisFormat::Table => shown
            .iter()
            .map(|s| {
                let title = if titled { format!("{}\n", s.name) } else { String::new() };
                let note = s.note.as_ref().map(|n| format!("{n}\n")).unwrap_or_default();
                format!("{title}{}{note}", s.to_text())
            })
            .collect::<Vec<_>>()
            .join("\n"),
        AnalysisFormat::Md => shown
            .iter()
            .map(|s| {
                let title = if titled { format!("### {}\n\n", s.name) } else { String::new() };
                let note = s.note.as_ref().map(|n| format!("\n{n}\n")).unwrap_or_default();
                format!("{title}{}{note}", s.to_md())
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    match &output.out {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io(IoOp::Write, path, e)),
        None => emit(&text),
    }
}

/// "--format xlsx writes a file: give --out FILE.xlsx".
fn missing_out(format: AnalysisFormat) -> Error {
    let ext = match format {
        AnalysisFormat::Svg => "svg",
        AnalysisFormat::Png => "png",
        _ => "xlsx",
    };
    Error::invalid(format!("--format {ext} writes a file: give --out FILE.{ext}"))
}

/// Checks the format, and the chart size where it is a chart, before any work, so a typo fails
/// fast.
fn check_format(output: &OutputArgs) -> Result<()> {
    let format = AnalysisFormat::parse(&output.format)?;
    if format.is_file() && output.out.is_none() {
        return Err(missing_out(format));
    }
    if format.is_chart() {
        output.chart_size()?;
    } else if output.width_mm.is_some() || output.dpi.is_some() {
        return Err(Error::invalid(format!("--width-mm and --dpi size a chart: use them with --format svg or png, not {}", output.format)));
    }
    Ok(())
}

/// `chart` with the filters in its caption, as the window's export writes it.
fn captioned(mut chart: Chart, scope: &ScopeArgs, across_coders: bool) -> Result<Chart> {
    chart.caption_mut().push(scope.scope()?.describe_pairing(across_coders));
    Ok(chart)
}

/// A number for JSON, rounded to 4 decimals so that output is stable and readable.
fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Opens the project and loads what an analysis needs, narrowed to the filters.
fn load(project: &Path, speakers: bool, texts: bool, scope: &ScopeArgs) -> Result<AnalysisData> {
    let p = super::passphrase::open_project(project)?;
    let checked = scope.scope()?;
    let roles = p.roles()?;
    for r in &scope.roles {
        if !roles.iter().any(|x| &x.name == r) {
            return Err(Error::invalid(format!("unknown role \"{r}\"")));
        }
    }
    let mut data = p.analysis_data_with(AnalysisLoad { speakers: speakers || !scope.roles.is_empty(), texts })?;
    p.close()?;
    data.restrict(&checked)?;
    Ok(data)
}

/// `thicket crosstab`: codes × the chosen columns.
pub fn crosstab(args: CrosstabArgs) -> Result<Ending> {
    check_format(&args.output)?;
    let dimension = analysis::Dimension::parse(&args.cols)
        .ok_or_else(|| Error::invalid(format!("unknown --cols \"{}\": expected {}", args.cols, analysis::Dimension::CHOICES)))?;
    let measure = analysis::Measure::parse(&args.measure)
        .ok_or_else(|| Error::invalid(format!("unknown --measure \"{}\": expected {}", args.measure, analysis::Measure::CHOICES)))?;
    // Roles and participants need speakers, and so may an attribute (of participants): which
    // target it has is only known once the data is loaded.
    let speakers = matches!(
        dimension,
        analysis::Dimension::Roles | analysis::Dimension::Participants | analysis::Dimension::Attribute(_)
    );
    let data = load(&args.project, speakers, measure == analysis::Measure::Words, &args.scope)?;
    let spec = analysis::CrosstabSpec { dimension, measure, rollup: args.rollup };
    let t = analysis::crosstab_with(&data, &spec)?;
    let chart = if wants_chart(&args.output) {
        let every_row: Vec<usize> = (0..t.rows.len()).collect();
        Some(captioned(Chart::Heat(charts::crosstab_chart(&t, &every_row)), &args.scope, false)?)
    } else {
        None
    };
    render(Report { sheets: vec![tables::crosstab_sheet(&t)], json: json::CrosstabJson::new(&t), chart }, &args.output, Made { project: &args.project, kind: "crosstab", args: &args })?;
    Ok(Ending::Success)
}

/// `thicket cooccur`: code × code co-occurrence.
pub fn cooccur(args: CooccurArgs) -> Result<Ending> {
    check_format(&args.output)?;
    let mode = analysis::parse_proximity(&args.mode)?;
    let jaccard_first = match args.measure.as_str() {
        "count" => false,
        "jaccard" => true,
        other => return Err(Error::invalid(format!("unknown --measure \"{other}\": expected count or jaccard"))),
    };
    let data = load(
        &args.project,
        mode == analysis::Proximity::Turn,
        mode == analysis::Proximity::Paragraph,
        &args.scope,
    )?;
    let mut keep = Vec::new();
    for code in &args.codes {
        let path = data.code_path(data.code_at(code)?);
        keep.push(path);
    }
    let t = analysis::cooccurrence_with(&data, mode, args.across_coders)?;
    let shown: Vec<usize> = (0..t.codes.len()).filter(|i| keep.is_empty() || keep.contains(&t.codes[*i])).collect();
    let sheets = tables::cooccurrence_sheets(&t, &shown, jaccard_first);
    let chart = if wants_chart(&args.output) {
        Some(captioned(Chart::Heat(charts::cooccurrence_chart(&t, &shown, jaccard_first)), &args.scope, args.across_coders)?)
    } else {
        None
    };
    render(Report { sheets, json: json::CooccurJson::new(&t, &shown), chart }, &args.output, Made { project: &args.project, kind: "cooccur", args: &args })?;
    Ok(Ending::Success)
}

/// `thicket triangulate`: per case × code, the kinds and roles that hold codings.
pub fn triangulate(args: TriangulateArgs) -> Result<Ending> {
    check_format(&args.output)?;
    let long_first = match args.layout.as_str() {
        "grid" => false,
        "long" => true,
        other => return Err(Error::invalid(format!("unknown --layout \"{other}\": expected grid or long"))),
    };
    let data = load(&args.project, true, false, &args.scope)?;
    let t = analysis::triangulate(&data, &analysis::TriangulationOptions { rollup: args.rollup, ignore_roles: args.ignore_roles.clone(), across_coders: args.across_coders })?;
    let sheets = tables::triangulation_sheets(&t, long_first);
    let chart = if wants_chart(&args.output) {
        let marks = charts::RoleMarks::new(&analysis::perspectives(&data));
        Some(captioned(Chart::Heat(charts::triangulation_chart(&t, &marks)), &args.scope, args.across_coders)?)
    } else {
        None
    };
    render(Report { sheets, json: json::TriangulationJson::new(&t, &args.ignore_roles), chart }, &args.output, Made { project: &args.project, kind: "triangulate", args: &args })?;
    Ok(Ending::Success)
}

/// `thicket sequence`: A followed by B, and a transition matrix.
pub fn sequence(args: SequenceArgs) -> Result<Ending> {
    check_format(&args.output)?;
    if args.probabilities && !wants_chart(&args.output) {
        return Err(Error::invalid("--probabilities chooses what the chart shows: use it with --format svg or png"));
    }
    let window = analysis::Window::parse_arg(&args.window)?;
    let pair = match (&args.from, &args.to) {
        (Some(a), Some(b)) => Some((a.clone(), b.clone())),
        (None, None) => None,
        _ => return Err(Error::invalid("give both --from A and --to B (or neither, with --code for a transition matrix)")),
    };
    let codes: Vec<String> = match (&pair, args.codes.is_empty()) {
        (_, false) => args.codes.clone(),
        (Some((a, b)), true) => vec![a.clone(), b.clone()],
        (None, true) => return Err(Error::invalid("say what to follow: --from A --to B, or --code C (repeatable) for a transition matrix")),
    };
    let data = load(&args.project, matches!(window, analysis::Window::Turns(_)), matches!(window, analysis::Window::Paragraphs(_)), &args.scope)?;
    let subcodes = !args.no_subcodes;
    let seq = match &pair {
        Some((from, to)) => Some(analysis::sequence(&data, &analysis::SequenceSpec { from: from.clone(), to: to.clone(), window, subcodes, across_coders: args.across_coders })?),
        None => None,
    };
    let tr = analysis::transitions(&data, &codes, window, subcodes, args.across_coders)?;
    let sheets = tables::sequence_sheets(seq.as_ref(), &tr);
    let chart = if wants_chart(&args.output) {
        Some(captioned(Chart::Heat(charts::transitions_chart(&tr, seq.as_ref(), args.probabilities)), &args.scope, args.across_coders)?)
    } else {
        None
    };
    render(Report { sheets, json: json::SequenceJson::new(&data, seq.as_ref(), &tr), chart }, &args.output, Made { project: &args.project, kind: "sequence", args: &args })?;
    Ok(Ending::Success)
}

/// `thicket timeline`: per case, codes per session.
pub fn timeline(args: TimelineArgs) -> Result<Ending> {
    check_format(&args.output)?;
    let data = load(&args.project, false, false, &args.scope)?;
    let t = analysis::timeline(&data, args.rollup);
    let mut keep = Vec::new();
    for code in &args.codes {
        keep.push(data.code_path(data.code_at(code)?));
    }
    let shown: Vec<usize> = (0..t.codes.len()).filter(|i| keep.is_empty() || keep.contains(&t.codes[*i])).collect();
    let sheet = tables::timeline_sheet(&t, &shown);
    let chart = if wants_chart(&args.output) {
        let chosen: Vec<String> = shown.iter().map(|&i| t.codes[i].clone()).collect();
        let series = charts::series_colours(&t, &charts::code_colours(&data), &chosen);
        Some(captioned(Chart::Timeline(charts::timeline_chart(&t, &series)), &args.scope, false)?)
    } else {
        None
    };
    render(Report { sheets: vec![sheet], json: json::TimelineJson::new(&t, &shown), chart }, &args.output, Made { project: &args.project, kind: "timeline", args: &args })?;
    Ok(Ending::Success)
}

/// The filters of `segments`, for `--query`.
pub struct SegmentScope {
    pub cases: Vec<String>,
    pub roles: Vec<String>,
    pub kinds: Vec<SourceKind>,
    pub coders: Vec<String>,
    pub sources: Vec<String>,
    pub from_date: Option<String>,
    pub to_date: Option<String>,
}

/// `thicket segments --query EXPR`: the segments the expression retrieves, among the codings
/// that pass the filters.
pub fn query_segments(project: &Path, query: &str, scope: SegmentScope) -> Result<Vec<Segment>> {
    let p = super::passphrase::open_project(project)?;
    let q = analysis::parse_query(query, &p.codebook()?)?;
    let roles = p.roles()?;
    for r in &scope.roles {
        if !roles.iter().any(|x| &x.name == r) {
            return Err(Error::invalid(format!("unknown role \"{r}\"")));
        }
    }
    let mut data = p.analysis_data_with(AnalysisLoad { speakers: !scope.roles.is_empty(), texts: q.needs_texts() })?;
    data.restrict(&Scope {
        cases: scope.cases,
        kinds: scope.kinds,
        roles: scope.roles,
        coders: scope.coders,
        sources: scope.sources,
        from_date: scope.from_date,
        to_date: scope.to_date,
    })?;
    let ids: HashSet<CodingId> = analysis::evaluate(&data, &q)?.into_iter().collect();
    let mut segments = p.segments(&SegmentFilter::default())?;
    p.close()?;
    segments.retain(|s| ids.contains(&s.coding_id));
    Ok(segments)
}

/// Keeps the segments whose source date lies in `[from, to]` (inclusive; an undated source
/// fails any bound). Without bounds, everything is kept.
pub fn within_dates(mut segments: Vec<Segment>, from: Option<String>, to: Option<String>) -> Result<Vec<Segment>> {
    for d in from.iter().chain(&to) {
        if !thicket_core::clock::is_valid_date(d) {
            return Err(Error::invalid(format!("invalid date \"{d}\": expected YYYY-MM-DD")));
        }
    }
    if let (Some(a), Some(b)) = (&from, &to)
        && a > b
    {
        return Err(Error::invalid(format!("invalid date range: {a} is after {b}")));
    }
    segments.retain(|s| {
        let date = s.date.as_deref();
        from.as_deref().is_none_or(|f| date.is_some_and(|d| d >= f)) && to.as_deref().is_none_or(|t| date.is_some_and(|d| d <= t))
    });
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formats_are_checked_by_name() {
        assert_eq!(AnalysisFormat::parse("xml").unwrap_err().to_string(), "unknown format \"xml\": expected table, csv, json, md, xlsx, svg or png");
        let out = OutputArgs { format: "xlsx".into(), out: None, width_mm: None, dpi: None, pseudonymise: false };
        assert_eq!(check_format(&out).unwrap_err().to_string(), "--format xlsx writes a file: give --out FILE.xlsx");
        let png = OutputArgs { format: "png".into(), out: None, width_mm: None, dpi: None, pseudonymise: false };
        assert_eq!(check_format(&png).unwrap_err().to_string(), "--format png writes a file: give --out FILE.png");
    }

    #[test]
    fn chart_sizes_default_to_a_page_at_print_resolution_and_stay_in_range() {
        let out = |format: &str, width_mm: Option<u32>, dpi: Option<u32>| OutputArgs { format: format.into(), out: Some("c.svg".into()), width_mm, dpi, pseudonymise: false };
        assert_eq!(out("svg", None, None).chart_size().unwrap(), ChartSize { width_mm: 170, dpi: 300 });
        assert_eq!(out("png", Some(85), Some(600)).chart_size().unwrap(), ChartSize { width_mm: 85, dpi: 600 });
        assert_eq!(check_format(&out("svg", Some(5), None)).unwrap_err().to_string(), "--width-mm 5 is out of range: expected 20 to 1000 millimetres");
        assert_eq!(check_format(&out("png", None, Some(5000))).unwrap_err().to_string(), "--dpi 5000 is out of range: expected 72 to 1200");
        assert_eq!(
            check_format(&out("csv", Some(85), None)).unwrap_err().to_string(),
            "--width-mm and --dpi size a chart: use them with --format svg or png, not csv"
        );
    }

    #[test]
    fn json_numbers_are_rounded_to_four_decimals() {
        assert_eq!(r4(100.0 / 3.0), json!(33.3333));
        assert_eq!(r4(0.5), json!(0.5));
    }
}
