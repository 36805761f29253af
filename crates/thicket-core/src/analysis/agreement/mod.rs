//! Inter-coder agreement (issue #13 §3; docs/agreement.md defines every number).
//!
//! - `reliability`: reliability data (units × coders, missing values) and the result types;
//! - `nominal`: percent agreement, Cohen's kappa, Scott's pi, Fleiss' kappa;
//! - `alpha`: Krippendorff's alpha via the coincidence matrix, four levels;
//! - `unitizing`: u-alpha, |u-alpha, cu-alpha, (k)u-alpha on spans over continua;
//! - `bootstrap`: seeded percentile intervals;
//! - `units`: units (character, sentence, paragraph, turn) from a project's codings;
//! - `input`: CSV reliability data and spans, with line-numbered errors;
//! - `report`: the agreement table for a project, a table or spans.
//!
//! Undefined values: when a measure cannot be computed (the expected disagreement is 0 because
//! one value was used throughout, no unit has two values, Cohen's kappa asked of three coders)
//! its value is `None` with the reason beside it. It is never reported as 1: perfect agreement
//! on a single value is also perfectly uninformative about the coders' ability to tell values
//! apart (Krippendorff 2011, §F).

mod alpha;
mod bootstrap;
mod input;
mod nominal;
mod reliability;
mod report;
mod unitizing;
mod units;

pub use alpha::{alpha_from_coincidences, coincidences, krippendorff_alpha};
pub use bootstrap::{BootstrapOptions, DEFAULT_SEED, Interval, SplitMix64, bootstrap, percentile_interval};
pub use input::{InputError, read_lengths, read_spans, read_table};
pub use nominal::{cohen_kappa, fleiss_kappa, percent_agreement, scott_pi};
pub use reliability::{Coefficient, Level, Pattern, ReliabilityData, Undefined};
pub use report::{AgreementRow, AgreementSpec, AgreementTable, By, Estimate, Measure, RowKind, project_agreement, span_agreement, table_agreement};
pub use unitizing::{Continuum, Span, SpanData, UnitizingIntervals, UnitizingResult, unitizing, unitizing_with_intervals};
pub use units::{CodedUnits, Unit, UnitKind, UnitSpec, coded_units};
