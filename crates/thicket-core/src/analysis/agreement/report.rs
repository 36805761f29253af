//! The agreement table: every asked measure, with its bootstrap interval, per row (a code, a
//! source, a case, a category) and overall; for a project, for reliability data a researcher
//! brings (`--table`), and for spans on continua (`--spans`).
//!
//! In: `AnalysisData` and an `AgreementSpec`, or `ReliabilityData`, or `SpanData`. Out:
//! `AgreementTable`, which the CLI prints and the window shows.
//!
//! Pooling (the overall row, and the rows by source or case): each (unit, code) pair is one
//! unit of binary reliability data (the code present or absent, per coder), so the pooled
//! coefficients weigh every code by the units it is compared on. The bootstrap of the rows by
//! code and of the overall row resamples units with all their codes together (the same draws
//! for every code); a row by source or case resamples its own units.

use std::collections::BTreeMap;

use serde::Serialize;

use super::alpha::krippendorff_alpha;
use super::bootstrap::{BootstrapOptions, Interval, bootstrap};
use super::nominal::{cohen_kappa, fleiss_kappa, percent_agreement, scott_pi};
use super::reliability::{Coefficient, Level, Pattern, ReliabilityData, Undefined};
use super::unitizing::{Continuum, Span, SpanData, UnitizingResult, unitizing_with_intervals};
use super::units::{CodedUnits, UnitKind, UnitSpec, coded_units, compared_codings, touched_sources};
use crate::analysis::AnalysisData;
use crate::error::{Error, Result};
use crate::model::*;

/// A measure, named as in the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    PercentAgreement,
    CohenKappa,
    ScottPi,
    FleissKappa,
    KrippendorffAlpha,
    UAlpha,
    BinaryUAlpha,
    CuAlpha,
    /// Per category (k)u-alpha of Krippendorff 2019 §12.6.6.
    CategoryUAlpha,
}

impl Measure {
    pub const ALL: [Measure; 9] = [
        Measure::PercentAgreement,
        Measure::CohenKappa,
        Measure::ScottPi,
        Measure::FleissKappa,
        Measure::KrippendorffAlpha,
        Measure::UAlpha,
        Measure::BinaryUAlpha,
        Measure::CuAlpha,
        Measure::CategoryUAlpha,
    ];

    /// The JSON name.
    pub fn key(self) -> &'static str {
        match self {
            Measure::PercentAgreement => "percent_agreement",
            Measure::CohenKappa => "cohen_kappa",
            Measure::ScottPi => "scott_pi",
            Measure::FleissKappa => "fleiss_kappa",
            Measure::KrippendorffAlpha => "krippendorff_alpha",
            Measure::UAlpha => "u_alpha",
            Measure::BinaryUAlpha => "binary_u_alpha",
            Measure::CuAlpha => "cu_alpha",
            Measure::CategoryUAlpha => "Cu_alpha",
        }
    }

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Measure::PercentAgreement => "Percent agreement",
            Measure::CohenKappa => "Cohen's kappa",
            Measure::ScottPi => "Scott's pi",
            Measure::FleissKappa => "Fleiss' kappa",
            Measure::KrippendorffAlpha => "Krippendorff's alpha",
            Measure::UAlpha => "u-alpha",
            Measure::BinaryUAlpha => "|u-alpha",
            Measure::CuAlpha => "cu-alpha",
            Measure::CategoryUAlpha => "Cu-alpha",
        }
    }

    /// Parses a JSON name or a short name (`percent`, `cohen`, `scott`, `fleiss`, `alpha`, `u`,
    /// `binary_u`, `cu`, `Cu`).
    pub fn parse(s: &str) -> Option<Measure> {
        let s = s.trim();
        if let Some(m) = Measure::ALL.iter().find(|m| m.key() == s) {
            return Some(*m);
        }
        match s {
            "Cu" | "Cu-alpha" | "category_u_alpha" => return Some(Measure::CategoryUAlpha),
            "cu" | "cu-alpha" => return Some(Measure::CuAlpha),
            _ => {}
        }
        match s.to_ascii_lowercase().replace('-', "_").as_str() {
            "percent" | "agreement" => Some(Measure::PercentAgreement),
            "cohen" | "kappa" => Some(Measure::CohenKappa),
            "scott" | "pi" => Some(Measure::ScottPi),
            "fleiss" => Some(Measure::FleissKappa),
            "alpha" | "krippendorff" => Some(Measure::KrippendorffAlpha),
            "u" | "u_alpha" => Some(Measure::UAlpha),
            "binary_u" | "binary" | "|u_alpha" => Some(Measure::BinaryUAlpha),
            _ => None,
        }
    }

    /// A unitizing measure (on raw spans, not on units).
    pub fn is_unitizing(self) -> bool {
        matches!(self, Measure::UAlpha | Measure::BinaryUAlpha | Measure::CuAlpha | Measure::CategoryUAlpha)
    }
}

impl Serialize for Measure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// One measure's value and interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub measure: Measure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(flatten)]
    pub coefficient: Coefficient,
    pub ci: Interval,
}

/// What a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Code,
    Source,
    Case,
    Category,
    Overall,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementRow {
    pub kind: RowKind,
    pub label: String,
    /// Units compared (weighted: characters at the character unit; positions for spans).
    pub units: f64,
    pub estimates: Vec<Estimate>,
}

impl AgreementRow {
    /// The estimate of `measure`, if the row has it.
    pub fn get(&self, measure: Measure) -> Option<&Estimate> {
        self.estimates.iter().find(|e| e.measure == measure)
    }
}

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum By {
    #[default]
    Code,
    Source,
    Case,
}

impl By {
    pub fn parse(s: &str) -> Option<By> {
        match s.trim().to_ascii_lowercase().as_str() {
            "code" | "codes" => Some(By::Code),
            "source" | "sources" => Some(By::Source),
            "case" | "cases" => Some(By::Case),
            _ => None,
        }
    }
}

/// The whole table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementTable {
    pub coders: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitKind>,
    /// Which units were counted, in words.
    pub units_counted: String,
    /// How the overall row pools, in words.
    pub pooling: String,
    pub by: Option<By>,
    pub rows: Vec<AgreementRow>,
    pub overall: AgreementRow,
    pub bootstrap: BootstrapNote,
}

/// The bootstrap settings, echoed in the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BootstrapNote {
    pub draws: usize,
    pub confidence: f64,
    pub seed: u64,
    pub resamples: String,
}

impl BootstrapNote {
    fn new(o: &BootstrapOptions, resamples: &str) -> Self {
        BootstrapNote { draws: o.draws, confidence: o.confidence, seed: o.seed, resamples: resamples.into() }
    }
}

/// What to compare in a project.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementSpec {
    pub coders: Vec<CoderId>,
    /// Codes compared; empty = every code.
    pub codes: Vec<CodeId>,
    pub subcodes: bool,
    pub unit: UnitKind,
    pub all_units: bool,
    pub by: By,
    /// Measures to compute; empty = all.
    pub measures: Vec<Measure>,
    pub bootstrap: BootstrapOptions,
}

const CODED_UNITS: &str = "units that at least one compared coder coded with at least one compared code, in the sources every compared coder coded";
const ALL_UNITS: &str = "all units of the sources every compared coder coded (uncoded units count as agreement on absence)";

/// The non-unitizing measures of reliability data.
fn unit_measures(patterns: &[Pattern], coders: usize, categories: usize, level: Level, numeric: Option<&[f64]>, asked: &[Measure]) -> Vec<(Measure, Option<Level>, Coefficient)> {
    let mut out = Vec::new();
    for m in asked.iter().copied().filter(|m| !m.is_unitizing()) {
        let c = match m {
            Measure::PercentAgreement => percent_agreement(patterns, categories),
            Measure::CohenKappa => cohen_kappa(patterns, coders, categories),
            Measure::ScottPi => scott_pi(patterns, coders, categories),
            Measure::FleissKappa => fleiss_kappa(patterns, coders, categories),
            Measure::KrippendorffAlpha => krippendorff_alpha(patterns, categories, level, numeric),
            _ => continue,
        };
        out.push((m, (m == Measure::KrippendorffAlpha).then_some(level), c));
    }
    out
}

fn asked(measures: &[Measure]) -> Vec<Measure> {
    if measures.is_empty() { Measure::ALL.to_vec() } else { Measure::ALL.iter().copied().filter(|m| measures.contains(m)).collect() }
}

fn estimates(values: Vec<(Measure, Option<Level>, Coefficient)>, intervals: Vec<Interval>) -> Vec<Estimate> {
    values.into_iter().zip(intervals).map(|((measure, level, coefficient), ci)| Estimate { measure, level, coefficient, ci }).collect()
}

/// Agreement on reliability data (`thicket agreement --table`): one overall row.
pub fn table_agreement(data: &ReliabilityData, level: Level, measures: &[Measure], options: &BootstrapOptions, keep_going: &mut dyn FnMut(usize) -> bool) -> Option<AgreementTable> {
    let asked = asked(measures);
    let (m, k, numeric) = (data.coders.len(), data.categories.len(), data.numeric.as_deref());
    let values = unit_measures(&data.patterns, m, k, level, numeric, &asked);
    let intervals = bootstrap(
        data.patterns.len(),
        values.len(),
        options,
        |mult| unit_measures(&data.reweighted(mult), m, k, level, numeric, &asked).into_iter().map(|v| v.2.value).collect(),
        keep_going,
    )?;
    let units = data.patterns.len() as f64;
    Some(AgreementTable {
        coders: data.coders.clone(),
        codes: Vec::new(),
        unit: None,
        units_counted: "every row of the table; a unit with fewer than two values is unpairable and adds nothing".into(),
        pooling: "one variable".into(),
        by: None,
        rows: Vec::new(),
        overall: AgreementRow { kind: RowKind::Overall, label: "all units".into(), units, estimates: estimates(values, intervals) },
        bootstrap: BootstrapNote::new(options, "units"),
    })
}

fn unitizing_estimates(r: &UnitizingResult, i: Option<&super::unitizing::UnitizingIntervals>, asked: &[Measure], options: &BootstrapOptions, why: Undefined) -> Vec<Estimate> {
    let none = Interval::none(options, why);
    let pick = |f: fn(&super::unitizing::UnitizingIntervals) -> &Interval| i.map(|i| f(i).clone()).unwrap_or_else(|| none.clone());
    let mut out = Vec::new();
    for m in asked {
        let (coefficient, ci, level) = match m {
            Measure::UAlpha => (r.u_alpha.clone(), pick(|i| &i.u_alpha), Level::Nominal),
            Measure::BinaryUAlpha => (r.binary_u_alpha.clone(), pick(|i| &i.binary_u_alpha), Level::Nominal),
            Measure::CuAlpha => (r.cu_alpha.clone(), pick(|i| &i.cu_alpha), r.level),
            _ => continue,
        };
        out.push(Estimate { measure: *m, level: Some(level), coefficient, ci });
    }
    out
}

/// Agreement on spans over continua (`thicket agreement --spans`): the overall row holds
/// u-alpha, |u-alpha and cu-alpha; one row per category holds its (k)u-alpha (`Cu_alpha`) and
/// the |u-alpha of that category alone against everything else.
pub fn span_agreement(data: &SpanData, level: Level, measures: &[Measure], options: &BootstrapOptions, keep_going: &mut dyn FnMut(usize) -> bool) -> Option<AgreementTable> {
    let asked: Vec<Measure> = asked(measures).into_iter().filter(|m| m.is_unitizing()).collect();
    let (result, intervals) = unitizing_with_intervals(data, level, options, keep_going)?;
    let positions: f64 = data.continua.iter().map(|c| c.length as f64).sum();
    let overall = AgreementRow { kind: RowKind::Overall, label: "all categories".into(), units: positions, estimates: unitizing_estimates(&result, Some(&intervals), &asked, options, Undefined::OneContinuum) };
    let mut rows = Vec::new();
    for (i, name) in data.categories.iter().enumerate() {
        let mut est = Vec::new();
        if asked.contains(&Measure::BinaryUAlpha) {
            let alone = single_category(data, i as u32);
            let (r, iv) = unitizing_with_intervals(&alone, level, options, keep_going)?;
            est.push(Estimate { measure: Measure::BinaryUAlpha, level: Some(Level::Nominal), coefficient: r.binary_u_alpha, ci: iv.binary_u_alpha });
        }
        if asked.contains(&Measure::CategoryUAlpha) {
            let (c, ci) = (result.category_u_alpha[i].1.clone(), intervals.category_u_alpha.get(i).cloned().unwrap_or_default());
            est.push(Estimate { measure: Measure::CategoryUAlpha, level: Some(result.level), coefficient: c, ci });
        }
        rows.push(AgreementRow { kind: RowKind::Category, label: name.clone(), units: positions, estimates: est });
    }
    Some(AgreementTable {
        coders: data.coders.clone(),
        codes: data.categories.clone(),
        unit: None,
        units_counted: "every position of every continuum, gaps included".into(),
        pooling: "all categories on one continuum (several continua are summed)".into(),
        by: None,
        rows,
        overall,
        bootstrap: BootstrapNote::new(options, "continua"),
    })
}

/// The same continua with only the spans of one category (renumbered 0).
fn single_category(data: &SpanData, category: u32) -> SpanData {
    SpanData {
        coders: data.coders.clone(),
        categories: vec![data.categories[category as usize].clone()],
        numeric: None,
        continua: data
            .continua
            .iter()
            .map(|c| Continuum {
                name: c.name.clone(),
                length: c.length,
                spans: c.spans.iter().filter(|s| s.category == category).map(|s| Span { category: 0, ..*s }).collect(),
            })
            .collect(),
    }
}

/// Patterns of binary reliability data from presence masks: `lists` are (unit, mask) lists of
/// codes, `base` the total weight of the units they range over (once per code).
fn mask_patterns(lists: &[&[(u32, u64)]], base: f64, units: &CodedUnits, coders: usize, mult: Option<&[u32]>, keep: &dyn Fn(u32) -> bool) -> Vec<Pattern> {
    let mut by_mask: BTreeMap<u64, f64> = BTreeMap::new();
    let mut listed = 0.0;
    for list in lists {
        for &(u, mask) in *list {
            if !keep(u) {
                continue;
            }
            let w = units.units[u as usize].weight * mult.map_or(1.0, |m| f64::from(m[u as usize]));
            if w > 0.0 {
                *by_mask.entry(mask).or_default() += w;
                listed += w;
            }
        }
    }
    let absent = base * lists.len() as f64 - listed;
    if absent > 1e-9 {
        *by_mask.entry(0).or_default() += absent;
    }
    by_mask.into_iter().map(|(mask, weight)| Pattern { values: (0..coders).map(|i| Some(((mask >> i) & 1) as u32)).collect(), weight }).collect()
}

/// Agreement in a project (`thicket agreement PROJECT`), per code, source or case, and overall.
pub fn project_agreement(data: &AnalysisData, spec: &AgreementSpec, keep_going: &mut dyn FnMut(usize) -> bool) -> Result<Option<AgreementTable>> {
    if spec.coders.len() < 2 {
        return Err(Error::invalid("agreement compares at least two coders: name them with --coders A,B"));
    }
    let codes: Vec<CodeId> = if spec.codes.is_empty() { data.codebook.walk().iter().map(|(_, c)| c.id).collect() } else { spec.codes.clone() };
    let unit_spec = UnitSpec { coders: spec.coders.clone(), codes: codes.clone(), subcodes: spec.subcodes, unit: spec.unit, all_units: spec.all_units };
    let units = coded_units(data, &unit_spec)?;
    let asked = asked(&spec.measures);
    let m = spec.coders.len();
    let code_names: Vec<String> = codes.iter().map(|c| data.code_path(*c)).collect();
    let opts = &spec.bootstrap;
    let unit_asked: Vec<Measure> = asked.iter().copied().filter(|x| !x.is_unitizing()).collect();
    let measures_of = |p: &[Pattern]| unit_measures(p, m, 2, Level::Nominal, None, &unit_asked);
    let all = |_: u32| true;

    // Unitizing data: the compared codings on the sources the compared coders coded.
    let spans = span_data(data, &unit_spec, &code_names);
    let unitizing_asked = asked.iter().any(|x| x.is_unitizing());

    let mut rows = Vec::new();
    let overall;
    match spec.by {
        By::Code => {
            let total: f64 = units.units.iter().map(|u| u.weight).sum();
            let per_code = |mult: Option<&[u32]>| -> Vec<Vec<Pattern>> {
                let base = match mult {
                    None => total,
                    Some(mu) => units.units.iter().zip(mu).map(|(u, k)| u.weight * f64::from(*k)).sum(),
                };
                units.presence.iter().map(|list| mask_patterns(&[list.as_slice()], base, &units, m, mult, &all)).collect()
            };
            // Codes no compared coder applied anywhere would add only agreement on absence.
            let used: Vec<bool> = units.presence.iter().map(|p| !p.is_empty()).collect();
            let pooled = |per: &[Vec<Pattern>]| -> Vec<Pattern> { per.iter().zip(&used).filter(|(_, u)| **u).flat_map(|(p, _)| p.iter().cloned()).collect() };
            let point = per_code(None);
            let mut values: Vec<Vec<(Measure, Option<Level>, Coefficient)>> = point.iter().map(|p| measures_of(p)).collect();
            values.push(measures_of(&pooled(&point)));
            let per_row = unit_asked.len();
            let flat = bootstrap(
                units.units.len(),
                per_row * (codes.len() + 1),
                opts,
                |mult| {
                    let per = per_code(Some(mult));
                    let mut out: Vec<Option<f64>> = per.iter().flat_map(|p| measures_of(p).into_iter().map(|v| v.2.value)).collect();
                    out.extend(measures_of(&pooled(&per)).into_iter().map(|v| v.2.value));
                    out
                },
                keep_going,
            );
            let Some(flat) = flat else { return Ok(None) };
            let mut chunks = flat.chunks(per_row.max(1)).map(<[Interval]>::to_vec);
            let (unitizing_overall, unitizing_per_code) = if unitizing_asked { project_unitizing(&spans, &asked, true, opts, keep_going)? } else { (Some(Vec::new()), vec![Vec::new(); codes.len()]) };
            let Some(unitizing_overall) = unitizing_overall else { return Ok(None) };
            let mut values = values.into_iter();
            for (i, name) in code_names.iter().enumerate() {
                let v = values.next().unwrap_or_default();
                let mut est = estimates(v, chunks.next().unwrap_or_default());
                est.extend(unitizing_per_code[i].iter().cloned());
                rows.push(AgreementRow { kind: RowKind::Code, label: name.clone(), units: total, estimates: est });
            }
            let mut est = estimates(values.next().unwrap_or_default(), chunks.next().unwrap_or_default());
            est.extend(unitizing_overall);
            overall = AgreementRow { kind: RowKind::Overall, label: "all codes (pooled)".into(), units: total, estimates: est };
        }
        By::Source | By::Case => {
            let groups: Vec<(String, Vec<SourceId>)> = if spec.by == By::Source {
                units.sources.iter().filter_map(|s| data.sources.get(s).map(|src| (src.name.clone(), vec![*s]))).collect()
            } else {
                let mut g: BTreeMap<String, Vec<SourceId>> = BTreeMap::new();
                for s in &units.sources {
                    for c in data.source_cases.get(s).map(Vec::as_slice).unwrap_or(&[]) {
                        if let Some(case) = data.cases.get(c) {
                            g.entry(case.name.clone()).or_default().push(*s);
                        }
                    }
                }
                g.into_iter().collect()
            };
            // Codes no compared coder applied anywhere would add only agreement on absence.
            let lists: Vec<&[(u32, u64)]> = units.presence.iter().filter(|p| !p.is_empty()).map(Vec::as_slice).collect();
            let mut groups_all = groups.clone();
            groups_all.push(("all codes (pooled)".into(), units.sources.clone()));
            let last = groups_all.len() - 1;
            for (gi, (label, sources)) in groups_all.into_iter().enumerate() {
                let in_group: Vec<bool> = units.units.iter().map(|u| sources.contains(&u.source)).collect();
                let members: Vec<u32> = (0..units.units.len() as u32).filter(|u| in_group[*u as usize]).collect();
                let keep = |u: u32| in_group[u as usize];
                let base: f64 = members.iter().map(|u| units.units[*u as usize].weight).sum();
                let v = measures_of(&mask_patterns(&lists, base, &units, m, None, &keep));
                let n = v.len();
                let mut global = vec![0u32; units.units.len()];
                let iv = bootstrap(
                    members.len(),
                    n,
                    opts,
                    |mult| {
                        for (u, k) in members.iter().zip(mult) {
                            global[*u as usize] = *k;
                        }
                        let b: f64 = members.iter().map(|u| units.units[*u as usize].weight * f64::from(global[*u as usize])).sum();
                        measures_of(&mask_patterns(&lists, b, &units, m, Some(&global), &keep)).into_iter().map(|v| v.2.value).collect()
                    },
                    keep_going,
                );
                let Some(iv) = iv else { return Ok(None) };
                let mut est = estimates(v, iv);
                if unitizing_asked {
                    let sub = SpanData { continua: spans.continua.iter().filter(|c| sources.iter().any(|s| data.sources.get(s).is_some_and(|x| x.name == c.name))).cloned().collect(), ..spans.clone() };
                    let (Some(o), _) = project_unitizing(&sub, &asked, false, opts, keep_going)? else { return Ok(None) };
                    est.extend(o);
                }
                let row = AgreementRow { kind: if gi == last { RowKind::Overall } else if spec.by == By::Source { RowKind::Source } else { RowKind::Case }, label, units: base, estimates: est };
                rows.push(row);
            }
            overall = rows.pop().unwrap_or(AgreementRow { kind: RowKind::Overall, label: "all codes (pooled)".into(), units: 0.0, estimates: Vec::new() });
        }
    }
    Ok(Some(AgreementTable {
        coders: spec.coders.iter().map(|c| data.coders.get(c).map(|x| x.name.clone()).unwrap_or_default()).collect(),
        codes: code_names,
        unit: Some(spec.unit),
        units_counted: if spec.all_units { ALL_UNITS.into() } else { CODED_UNITS.into() },
        pooling: "each (unit, code) pair is one unit of binary data (code present or absent per coder), over the codes some compared coder applied; unitizing alphas take each source as a continuum, all codes as categories".into(),
        by: Some(spec.by),
        rows,
        overall,
        bootstrap: BootstrapNote::new(opts, "units (runs of characters at the character unit; sources for the unitizing alphas)"),
    }))
}

/// The compared codings as spans on the sources the compared coders coded (whole sources,
/// gaps included), one category per compared code.
fn span_data(data: &AnalysisData, spec: &UnitSpec, code_names: &[String]) -> SpanData {
    let codings = compared_codings(data, spec);
    let continua = touched_sources(data, &spec.coders)
        .into_iter()
        .filter_map(|s| {
            let src = data.sources.get(&s)?;
            let spans = codings
                .get(&s)
                .map(|list| list.iter().map(|(coder, code, span)| Span { coder: *coder, start: span.start as u64, end: span.end as u64, category: *code as u32 }).collect())
                .unwrap_or_default();
            Some(Continuum { name: src.name.clone(), length: src.char_len as u64, spans })
        })
        .collect();
    SpanData { coders: spec.coders.iter().map(|c| c.to_string()).collect(), categories: code_names.to_vec(), numeric: None, continua }
}

/// Unitizing estimates for the overall row and, per category, |u-alpha alone and (k)u-alpha.
/// `None` inside when cancelled.
#[allow(clippy::type_complexity)]
fn project_unitizing(spans: &SpanData, asked: &[Measure], per_category: bool, opts: &BootstrapOptions, keep_going: &mut dyn FnMut(usize) -> bool) -> Result<(Option<Vec<Estimate>>, Vec<Vec<Estimate>>)> {
    let Some((result, intervals)) = unitizing_with_intervals(spans, Level::Nominal, opts, keep_going) else { return Ok((None, Vec::new())) };
    let overall = unitizing_estimates(&result, Some(&intervals), asked, opts, Undefined::OneSource);
    let mut per = Vec::with_capacity(spans.categories.len());
    for i in 0..if per_category { spans.categories.len() } else { 0 } {
        let mut est = Vec::new();
        if asked.contains(&Measure::BinaryUAlpha) {
            let alone = single_category(spans, i as u32);
            let Some((r, iv)) = unitizing_with_intervals(&alone, Level::Nominal, opts, keep_going) else { return Ok((None, Vec::new())) };
            est.push(Estimate { measure: Measure::BinaryUAlpha, level: Some(Level::Nominal), coefficient: r.binary_u_alpha, ci: iv.binary_u_alpha });
        }
        if asked.contains(&Measure::CategoryUAlpha) {
            est.push(Estimate {
                measure: Measure::CategoryUAlpha,
                level: Some(Level::Nominal),
                coefficient: result.category_u_alpha[i].1.clone(),
                ci: intervals.category_u_alpha.get(i).cloned().unwrap_or_default(),
            });
        }
        per.push(est);
    }
    Ok((Some(overall), per))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture::data;

    fn spec(by: By) -> AgreementSpec {
        AgreementSpec {
            coders: vec![CoderId(1), CoderId(2)],
            codes: vec![CodeId(2), CodeId(4)],
            subcodes: false,
            unit: UnitKind::Paragraph,
            all_units: false,
            by,
            measures: vec![Measure::PercentAgreement, Measure::KrippendorffAlpha],
            bootstrap: BootstrapOptions { draws: 0, ..Default::default() },
        }
    }

    /// Worked by hand from the fixture's six paragraph units (see `units::tests`): Withdrawal is
    /// (Amara, Jonas) = (1,0) three times, (0,1) once, (0,0) twice: o_01 = o_10 = 4, o_00 = 4,
    /// n_0 = 8, n_1 = 4, alpha = 1 - 11 * 4 / 32 = -0.375. Pooled with Honesty ((1,0) three
    /// times, (0,0) three times): n_0 = 17, n_1 = 7, o_01 = 7, alpha = 1 - 23 * 7 / 119 = -6/17.
    #[test]
    fn per_code_and_pooled_alpha_on_the_fixture_match_the_hand_computation() {
        let t = project_agreement(&data(), &spec(By::Code), &mut |_| true).unwrap_or_default().unwrap_or_else(|| panic!("cancelled"));
        let w = &t.rows[0];
        assert_eq!(w.label, "Ruptures/Withdrawal");
        assert_eq!(w.get(Measure::PercentAgreement).and_then(|e| e.coefficient.value), Some(2.0 / 6.0));
        let a = w.get(Measure::KrippendorffAlpha).and_then(|e| e.coefficient.value).unwrap_or(f64::NAN);
        assert!((a + 0.375).abs() < 1e-12, "{a}");
        let pooled = t.overall.get(Measure::KrippendorffAlpha).and_then(|e| e.coefficient.value).unwrap_or(f64::NAN);
        assert!((pooled + 6.0 / 17.0).abs() < 1e-12, "{pooled}");
        assert_eq!(t.overall.units, 6.0);
        assert!(t.overall.get(Measure::KrippendorffAlpha).is_some_and(|e| e.ci.undefined.is_some()), "no draws asked: no interval");
    }

    #[test]
    fn rows_by_source_pool_the_codes_of_each_source() {
        let t = project_agreement(&data(), &spec(By::Source), &mut |_| true).unwrap_or_default().unwrap_or_else(|| panic!("cancelled"));
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["a-interview", "b-observation"]);
        assert_eq!(t.rows[0].units, 4.0);
        assert_eq!(t.rows[1].units, 2.0);
        assert_eq!(t.overall.kind, RowKind::Overall);
    }
}
