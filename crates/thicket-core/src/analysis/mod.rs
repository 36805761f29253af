//! Analyses: pure functions over plain data (`AnalysisData`), no SQLite, no egui.
//!
//! `Project::analysis_data` (or `analysis_data_with`, which can add the source texts) gathers
//! what they need once: codings, the sources' cases, kinds, dates and coders, turns and
//! participants' roles, attributes. Each analysis then answers from memory, so the same numbers
//! come out of the CLI, the GUI and the tests. docs/analysis.md defines every number.
//!
//! - `crosstab`: codes × cases, roles, kinds, coders, participants, periods or an attribute.
//! - `cooccur`: code × code co-occurrence (overlap, paragraph, turn, within N chars), Jaccard.
//! - `triangulate`: per case × code, the source kinds and roles that hold codings.
//! - `sequence`: A followed by B within a window, with lags; transition matrices.
//! - `timeline`: per case, codes per session date.
//! - `framework`: the codings behind each case × code cell of a framework matrix, and their text.
//! - `reconcile`: the disagreements between coders, what each decision writes, a simple agreement figure.
//! - `query`: boolean retrieval (AND, OR, NOT, NEAR, FOLLOWED-BY) over codings.
//! - `agreement`: inter-coder agreement (kappas, alpha, the unitizing alphas) with intervals.

pub mod agreement;
mod cooccur;
mod crosstab;
mod data;
mod framework;
mod query;
mod reconcile;
mod sequence;
mod timeline;
mod triangulate;

pub use cooccur::{Cooccurrence, Proximity, cooccurrence, cooccurrence_with, cooccurring_pairs, parse_proximity};
pub use crosstab::{Coverage, Crosstab, CrosstabSpec, Dimension, Measure, Period, cell_codings, crosstab, crosstab_with, find_attribute};
pub use data::{
    AnalysisCoding, AnalysisData, AnalysisLoad, NO_SESSION, NO_SPEAKER, NO_VALUE, Scope, SourceText, UNDATED, covered_chars, union_spans,
};
pub use framework::{FrameworkGrid, FrameworkSegment, framework_grid, framework_segments};
pub use reconcile::{
    Disagreement, DisagreementKind, ItemId, QueueOrder, ReconcileFigures, SimpleAgreement, agreed_codings, disagreements, paragraph_agreement,
    reconcile_figures, resolved_spans, shared_sources,
};
pub use query::{Distance, Query, evaluate, parse_query, run_query};
pub use sequence::{CaseSequence, Follow, Sequence, SequenceCounts, SequenceSpec, Transitions, Window, sequence, transition_pairs, transitions};
pub use timeline::{CaseTimeline, Timeline, TimelineSession, timeline};
pub use triangulate::{CodeSummary, Corroboration, Triangulation, TriangulationCell, TriangulationOptions, perspectives, triangulate, triangulation_codings};
