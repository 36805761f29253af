//! Reliability data (Krippendorff 2011, §A): a units × coders table of values, with missing
//! cells, and the result types every agreement measure shares.
//!
//! In: rows of values (from a CSV a researcher brings, or built from a project's codings by
//! `units`). Out: `ReliabilityData`, which the measures read as `Pattern`s: one pattern per unit
//! (its values, one per coder, `None` where missing) with a weight. A weight other than 1 stands
//! for several identical units (the bootstrap draws a unit several times) or for a run of
//! characters at the character unit.

use std::collections::BTreeSet;

use serde::Serialize;

/// A unit's values, one per coder (`None` = missing), and how many units it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Category index (into `ReliabilityData::categories`) per coder.
    pub values: Vec<Option<u32>>,
    pub weight: f64,
}

/// The level of measurement of the values: which difference function alpha uses
/// (Krippendorff 2011, §E).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Nominal,
    Ordinal,
    Interval,
    Ratio,
}

impl Level {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
            Level::Ratio => "ratio",
        }
    }

    /// Parses `nominal`, `ordinal`, `interval` or `ratio`.
    pub fn parse(s: &str) -> Option<Level> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nominal" => Some(Level::Nominal),
            "ordinal" => Some(Level::Ordinal),
            "interval" => Some(Level::Interval),
            "ratio" => Some(Level::Ratio),
            _ => None,
        }
    }

    /// All levels, in the order of Krippendorff 2011.
    pub const ALL: [Level; 4] = [Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio];
}

/// A units × coders table of values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReliabilityData {
    pub coders: Vec<String>,
    pub units: Vec<String>,
    /// The distinct values, sorted: numerically when every value is a number, else as text.
    pub categories: Vec<String>,
    /// The numeric value of each category, when every category is a number.
    pub numeric: Option<Vec<f64>>,
    /// One pattern per unit, in unit order (weight 1).
    pub patterns: Vec<Pattern>,
}

impl ReliabilityData {
    /// Builds the table from text cells: `cells[unit][coder]`, an empty (or blank) cell being a
    /// missing value. Every row must have one cell per coder.
    pub fn from_cells(coders: Vec<String>, units: Vec<String>, cells: &[Vec<Option<String>>]) -> ReliabilityData {
        let distinct: BTreeSet<&str> = cells.iter().flatten().flatten().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        let numbers: Option<Vec<f64>> = distinct.iter().map(|s| s.parse::<f64>().ok().filter(|v| v.is_finite())).collect();
        let mut categories: Vec<String> = distinct.iter().map(|s| s.to_string()).collect();
        let numeric = match numbers {
            Some(nums) => {
                let mut pairs: Vec<(f64, String)> = nums.into_iter().zip(categories).collect();
                pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
                categories = pairs.iter().map(|p| p.1.clone()).collect();
                Some(pairs.into_iter().map(|p| p.0).collect())
            }
            None => None,
        };
        let index_of = |s: &str| categories.iter().position(|c| c == s).map(|i| i as u32);
        let patterns = cells
            .iter()
            .map(|row| Pattern {
                values: row.iter().map(|cell| cell.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(index_of)).collect(),
                weight: 1.0,
            })
            .collect();
        ReliabilityData { coders, units, categories, numeric, patterns }
    }

    /// The same table with each unit counted `mult[unit]` times (a bootstrap draw).
    pub fn reweighted(&self, mult: &[u32]) -> Vec<Pattern> {
        self.patterns
            .iter()
            .zip(mult)
            .filter(|(_, m)| **m > 0)
            .map(|(p, m)| Pattern { values: p.values.clone(), weight: p.weight * f64::from(*m) })
            .collect()
    }
}

/// Why a measure or its interval has no value for these data. `Display` is the English of the
/// command line, the JSON and the exported tables; a window words it in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undefined {
    /// No unit has two pairable values (alpha).
    NoPairableValues,
    /// The disagreement expected by chance is 0: only one value was used (`measure`: alpha, cu-alpha).
    NoExpectedDisagreement { measure: &'static str },
    /// The agreement expected by chance is 1: only one value was used.
    ChanceAgreementIsOne { measure: String },
    /// No unit has values from two coders (percent agreement).
    NoUnitFromTwoCoders,
    /// A measure for exactly two coders, given another number.
    NotTwoCoders { measure: String, coders: usize },
    /// No unit was coded by both coders.
    NoUnitByBoth,
    /// Fleiss' kappa needs at least two coders.
    FleissNeedsTwoCoders,
    /// No unit was coded by every coder.
    NoUnitByEvery,
    /// The unitizing alphas compare at least two coders.
    UnitizingNeedsTwoCoders { coders: usize },
    /// The continua are empty.
    EmptyContinua,
    /// No gaps: every coder marked the whole continuum (|u-alpha).
    NoGaps,
    /// No coder marked any unit (|u-alpha).
    NoUnitsMarked,
    /// A coder's spans of different categories overlap, at a level other than nominal.
    OverlapNeedsNominal { level: Level },
    /// No unit of one coder intersects a unit of another (cu-alpha).
    NoIntersection,
    /// No unit with this value intersects another coder's unit ((k)u-alpha).
    NoIntersectionForValue,
    /// No interval: no resamples were asked for.
    NoResamples,
    /// No interval: fewer than two units to resample.
    TooFewUnits { units: usize },
    /// No interval: the measure was undefined on every resample.
    UndefinedOnEveryResample,
    /// No interval: one continuum, and the bootstrap resamples continua (sources).
    OneContinuum,
    /// No interval: one source, and the bootstrap resamples sources.
    OneSource,
}

impl std::fmt::Display for Undefined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Undefined::NoPairableValues => f.write_str("no unit has two pairable values: alpha is undefined"),
            Undefined::NoExpectedDisagreement { measure } => write!(f, "expected disagreement is 0 (only one value was used): {measure} is undefined"),
            Undefined::ChanceAgreementIsOne { measure } => write!(f, "agreement expected by chance is 1 (only one value was used): {measure} is undefined"),
            Undefined::NoUnitFromTwoCoders => f.write_str("no unit has values from two coders"),
            Undefined::NotTwoCoders { measure, coders } => write!(f, "{measure} compares exactly two coders ({coders} compared); use Fleiss' kappa or alpha"),
            Undefined::NoUnitByBoth => f.write_str("no unit was coded by both coders"),
            Undefined::FleissNeedsTwoCoders => f.write_str("Fleiss' kappa needs at least two coders"),
            Undefined::NoUnitByEvery => f.write_str("no unit was coded by every coder"),
            Undefined::UnitizingNeedsTwoCoders { coders } => write!(f, "unitizing alphas compare at least two coders ({coders} given)"),
            Undefined::EmptyContinua => f.write_str("the continua are empty"),
            Undefined::NoGaps => f.write_str("no gaps: every coder marked the whole continuum, |u-alpha is undefined"),
            Undefined::NoUnitsMarked => f.write_str("no coder marked any unit: |u-alpha is undefined"),
            Undefined::OverlapNeedsNominal { level } => {
                write!(f, "a coder's spans of different categories overlap, which only the nominal level can compare ({} asked)", level.name())
            }
            Undefined::NoIntersection => f.write_str("no unit of one coder intersects a unit of another: cu-alpha is undefined"),
            Undefined::NoIntersectionForValue => f.write_str("no unit with this value intersects another coder's unit"),
            Undefined::NoResamples => f.write_str("no resamples were asked for"),
            Undefined::TooFewUnits { units } => write!(f, "{units} unit(s) to resample: no interval"),
            Undefined::UndefinedOnEveryResample => f.write_str("the measure was undefined on every resample"),
            Undefined::OneContinuum => f.write_str("one continuum: the bootstrap resamples continua (sources), so there is no interval"),
            Undefined::OneSource => f.write_str("one source: the bootstrap resamples sources, so there is no interval"),
        }
    }
}

/// The value of one measure, or why it has none.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Coefficient {
    /// `None` when the measure is undefined for these data (see `undefined`).
    pub value: Option<f64>,
    /// Why the value is undefined (e.g. "expected disagreement is 0: only one value was used").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
    /// The same reason as a value, for a window to word in its own language.
    #[serde(skip)]
    pub why: Option<Undefined>,
    /// For the alphas: the observed disagreement D_o (alpha = 1 - D_o / D_e).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed_disagreement: Option<f64>,
    /// For the alphas: the disagreement expected by chance, D_e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_disagreement: Option<f64>,
    /// For the kappas and pi: the observed agreement p_o.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed_agreement: Option<f64>,
    /// For the kappas and pi: the agreement expected by chance, p_e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_agreement: Option<f64>,
    /// How many pairable values (alpha), units or pairs the value rests on.
    pub n: f64,
}

impl Coefficient {
    /// An undefined value, with the reason.
    pub fn undefined(why: Undefined) -> Coefficient {
        Coefficient { undefined: Some(why.to_string()), why: Some(why), ..Default::default() }
    }

    /// An alpha from its disagreements: `1 - d_o / d_e`, undefined when `d_e` is 0.
    pub fn alpha(d_o: f64, d_e: f64, n: f64) -> Coefficient {
        if d_e <= 1e-12 {
            return Coefficient {
                observed_disagreement: Some(d_o),
                expected_disagreement: Some(d_e),
                n,
                ..Coefficient::undefined(Undefined::NoExpectedDisagreement { measure: "alpha" })
            };
        }
        Coefficient { value: Some(1.0 - d_o / d_e), observed_disagreement: Some(d_o), expected_disagreement: Some(d_e), n, ..Default::default() }
    }

    /// A chance-corrected agreement `(p_o - p_e) / (1 - p_e)`, undefined when `p_e` is 1.
    pub fn kappa(p_o: f64, p_e: f64, n: f64, name: &str) -> Coefficient {
        if 1.0 - p_e <= 1e-12 {
            return Coefficient {
                observed_agreement: Some(p_o),
                expected_agreement: Some(p_e),
                n,
                ..Coefficient::undefined(Undefined::ChanceAgreementIsOne { measure: name.to_string() })
            };
        }
        Coefficient { value: Some((p_o - p_e) / (1.0 - p_e)), observed_agreement: Some(p_o), expected_agreement: Some(p_e), n, ..Default::default() }
    }
}
