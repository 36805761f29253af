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

/// The value of one measure, or why it has none.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Coefficient {
    /// `None` when the measure is undefined for these data (see `undefined`).
    pub value: Option<f64>,
    /// Why the value is undefined (e.g. "expected disagreement is 0: only one value was used").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
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
    pub fn undefined(reason: impl Into<String>) -> Coefficient {
        Coefficient { undefined: Some(reason.into()), ..Default::default() }
    }

    /// An alpha from its disagreements: `1 - d_o / d_e`, undefined when `d_e` is 0.
    pub fn alpha(d_o: f64, d_e: f64, n: f64) -> Coefficient {
        if d_e <= 1e-12 {
            return Coefficient {
                undefined: Some("expected disagreement is 0 (only one value was used): alpha is undefined".into()),
                observed_disagreement: Some(d_o),
                expected_disagreement: Some(d_e),
                n,
                ..Default::default()
            };
        }
        Coefficient { value: Some(1.0 - d_o / d_e), observed_disagreement: Some(d_o), expected_disagreement: Some(d_e), n, ..Default::default() }
    }

    /// A chance-corrected agreement `(p_o - p_e) / (1 - p_e)`, undefined when `p_e` is 1.
    pub fn kappa(p_o: f64, p_e: f64, n: f64, name: &str) -> Coefficient {
        if 1.0 - p_e <= 1e-12 {
            return Coefficient {
                undefined: Some(format!("agreement expected by chance is 1 (only one value was used): {name} is undefined")),
                observed_agreement: Some(p_o),
                expected_agreement: Some(p_e),
                n,
                ..Default::default()
            };
        }
        Coefficient { value: Some((p_o - p_e) / (1.0 - p_e)), observed_agreement: Some(p_o), expected_agreement: Some(p_e), n, ..Default::default() }
    }
}
