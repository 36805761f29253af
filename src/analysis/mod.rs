//! Analyses: pure functions over plain data (`AnalysisData`), no SQLite, no egui.
//!
//! `Project::analysis_data` gathers what they need once (codings, the sources' cases, kinds,
//! dates and coders, turns and participants' roles); each analysis then answers from memory, so
//! the same numbers come out of the CLI, the GUI and the tests.

mod cooccur;
mod crosstab;
mod data;

pub use cooccur::{Cooccurrence, cooccurrence};
pub use crosstab::{Crosstab, Dimension, Measure, crosstab};
pub use data::{AnalysisCoding, AnalysisData, NO_SPEAKER};
