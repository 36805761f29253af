//! `thicket agreement`: inter-coder agreement in a project (`PROJECT --coders A,B`), on
//! reliability data a researcher brings (`--table FILE.csv`), or on spans over continua
//! (`--spans FILE.csv --length N`). The numbers come from `thicket_core::analysis::agreement`
//! (docs/agreement.md); this file checks the flags, reads the files and prints.

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::{AnalysisFormat, Made, OutputArgs, Report, load, render, write_report};
use thicket_core::analysis::agreement::{self as agreement, AgreementSpec, AgreementTable, BootstrapOptions, By, DEFAULT_SEED, Level, Measure, UnitKind};
use thicket_core::error::{Ending, Error, IoOp, Result};
use thicket_core::export::analysis_tables as tables;

/// `thicket agreement`
#[derive(Debug, Clone, Args, Serialize)]
pub struct AgreementArgs {
    /// The project (not with --table or --spans).
    #[serde(skip)]
    pub project: Option<PathBuf>,
    /// The coders to compare, by name: A,B[,C...].
    #[arg(long, value_delimiter = ',')]
    pub coders: Vec<String>,
    /// The codes to compare, by path (comma-separated or repeated; default: every code).
    #[arg(long, value_delimiter = ',')]
    pub codes: Vec<String>,
    /// Count codings of a code's sub-codes as the code.
    #[arg(long)]
    pub subcodes: bool,
    /// character, sentence, paragraph or turn.
    #[arg(long, default_value = "paragraph")]
    pub unit: String,
    /// Count every unit of the coded sources, not only those some compared coder coded with a compared code.
    #[arg(long)]
    pub all_units: bool,
    /// Measures (comma-separated or repeated): percent_agreement, cohen_kappa, scott_pi,
    /// fleiss_kappa, krippendorff_alpha, u_alpha, binary_u_alpha, cu_alpha, Cu_alpha (default: all).
    #[arg(long = "measure", value_delimiter = ',')]
    pub measures: Vec<String>,
    /// Rows: code, source or case.
    #[arg(long, default_value = "code")]
    pub by: String,
    /// Reliability data: one row per unit, its name first, then one column per coder (empty = missing).
    #[arg(long, value_name = "FILE.csv")]
    #[serde(skip)]
    pub table: Option<PathBuf>,
    /// The level of the --table values (and of cu-alpha on --spans): nominal, ordinal, interval or ratio.
    #[arg(long)]
    pub level: Option<String>,
    /// Spans on continua: rows coder,start,end,category (and optionally source).
    #[arg(long, value_name = "FILE.csv")]
    #[serde(skip)]
    pub spans: Option<PathBuf>,
    /// The length of the one continuum of --spans.
    #[arg(long, value_name = "N")]
    pub length: Option<u64>,
    /// The lengths of the continua of --spans with a source column: rows source,length.
    #[arg(long, value_name = "FILE.csv")]
    #[serde(skip)]
    pub length_of: Option<PathBuf>,
    /// Bootstrap resamples for the confidence intervals (0: none).
    #[arg(long, default_value_t = 1000)]
    pub draws: usize,
    /// Confidence level of the intervals.
    #[arg(long, default_value_t = 0.95)]
    pub confidence: f64,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    #[command(flatten)]
    #[serde(flatten)]
    pub output: OutputArgs,
}

fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(IoOp::Read, path, e))?;
    String::from_utf8(bytes).map_err(|_| Error::invalid(format!("cannot read \"{}\": not UTF-8 text", path.display())))
}

fn bad_file(path: &Path, e: agreement::InputError) -> Error {
    Error::invalid(format!("cannot read \"{}\": {e}", path.display()))
}

/// `thicket agreement`.
pub fn agreement(args: AgreementArgs) -> Result<Ending> {
    let format = AnalysisFormat::parse(&args.output.format)?;
    if format.is_chart() {
        return Err(Error::invalid("agreement writes tables: use --format table, csv, json, md or xlsx"));
    }
    if format.is_file() && args.output.out.is_none() {
        return Err(Error::invalid("--format xlsx writes a file: give --out FILE.xlsx"));
    }
    if !(args.confidence > 0.0 && args.confidence < 1.0) {
        return Err(Error::invalid(format!("--confidence {} is out of range: expected a number between 0 and 1, e.g. 0.95", args.confidence)));
    }
    let options = BootstrapOptions { draws: args.draws, confidence: args.confidence, seed: args.seed };
    let measures = args
        .measures
        .iter()
        .map(|m| Measure::parse(m).ok_or_else(|| Error::invalid(format!("unknown --measure \"{m}\": expected {}", Measure::ALL.map(Measure::key).join(", ")))))
        .collect::<Result<Vec<_>>>()?;
    let level = match &args.level {
        Some(l) => Level::parse(l).ok_or_else(|| Error::invalid(format!("unknown --level \"{l}\": expected nominal, ordinal, interval or ratio")))?,
        None => Level::Nominal,
    };
    let sources = [args.project.is_some(), args.table.is_some(), args.spans.is_some()].iter().filter(|x| **x).count();
    if sources != 1 {
        return Err(Error::invalid("give one of: a PROJECT with --coders A,B, --table FILE.csv, or --spans FILE.csv"));
    }
    if args.project.is_none() {
        let project_only = [
            (!args.coders.is_empty(), "--coders"),
            (!args.codes.is_empty(), "--codes"),
            (args.subcodes, "--subcodes"),
            (args.all_units, "--all-units"),
            (args.unit != "paragraph", "--unit"),
            (args.by != "code", "--by"),
            (args.output.pseudonymise, "--pseudonymise"),
        ];
        if let Some((_, flag)) = project_only.iter().find(|(given, _)| *given) {
            return Err(Error::invalid(format!("{flag} applies to a PROJECT, not to --table or --spans")));
        }
    }
    if args.length.is_some() && args.spans.is_none() || args.length_of.is_some() && args.spans.is_none() {
        return Err(Error::invalid("--length and --length-of go with --spans FILE.csv"));
    }
    let t = if let Some(path) = &args.table {
        let data = agreement::read_table(&read(path)?).map_err(|e| bad_file(path, e))?;
        if level != Level::Nominal && level != Level::Ordinal && data.numeric.is_none() {
            return Err(Error::invalid(format!("cannot read \"{}\": --level {} needs numbers, and some values are not", path.display(), level.name())));
        }
        agreement::table_agreement(&data, level, &measures, &options, &mut |_| true)
    } else if let Some(path) = &args.spans {
        let lengths = match &args.length_of {
            Some(p) => Some(agreement::read_lengths(&read(p)?).map_err(|e| bad_file(p, e))?),
            None => None,
        };
        let data = agreement::read_spans(&read(path)?, args.length, lengths.as_ref()).map_err(|e| bad_file(path, e))?;
        if matches!(level, Level::Interval | Level::Ratio) && data.numeric.is_none() {
            return Err(Error::invalid(format!("cannot read \"{}\": --level {} needs numeric categories", path.display(), level.name())));
        }
        agreement::span_agreement(&data, level, &measures, &options, &mut |_| true)
    } else {
        return project_agreement(&args, measures, options);
    };
    let t = t.ok_or_else(Error::cancelled)?;
    let sheets = vec![tables::agreement_sheet(&t)];
    let json = serde_json::to_value(&t).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    write_report(&sheets, &json, None, format, &args.output)?;
    Ok(Ending::Success)
}

fn project_agreement(args: &AgreementArgs, measures: Vec<Measure>, bootstrap: BootstrapOptions) -> Result<Ending> {
    let project = args.project.as_deref().unwrap_or(Path::new(""));
    let unit = UnitKind::parse(&args.unit).ok_or_else(|| Error::invalid(format!("unknown --unit \"{}\": expected character, sentence, paragraph or turn", args.unit)))?;
    let by = By::parse(&args.by).ok_or_else(|| Error::invalid(format!("unknown --by \"{}\": expected code, source or case", args.by)))?;
    if args.coders.len() < 2 {
        return Err(Error::invalid("name at least two coders to compare: --coders A,B"));
    }
    let data = load(project, true, true, &Default::default())?;
    let mut coders = Vec::new();
    for name in &args.coders {
        let found = data.coders.values().find(|c| c.name == *name).map(|c| c.id);
        let id = found.ok_or_else(|| {
            let known: Vec<&str> = data.coders.values().map(|c| c.name.as_str()).collect();
            Error::invalid(format!("unknown coder \"{name}\": the project's coders are {}", known.join(", ")))
        })?;
        if coders.contains(&id) {
            return Err(Error::invalid(format!("coder \"{name}\" is named twice in --coders")));
        }
        coders.push(id);
    }
    let codes = args.codes.iter().filter(|c| !c.trim().is_empty()).map(|c| data.code_at(c.trim())).collect::<Result<Vec<_>>>()?;
    let spec = AgreementSpec { coders, codes, subcodes: args.subcodes, unit, all_units: args.all_units, by, measures, bootstrap };
    let t: AgreementTable = agreement::project_agreement(&data, &spec, &mut |_| true)?.ok_or_else(Error::cancelled)?;
    let json = serde_json::to_value(&t).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    render(Report { sheets: vec![tables::agreement_sheet(&t)], json, chart: None }, &args.output, Made { project, kind: "agreement", args })?;
    Ok(Ending::Success)
}
