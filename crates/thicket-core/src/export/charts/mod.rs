//! The charts of the analyses, built in one place for the command line and the window, so that
//! `thicket crosstab … --format svg` and the matrix tab's *Chart as SVG* draw the same chart from
//! the same result.
//!
//! In: an analysis result (`Crosstab`, `Cooccurrence`, `Transitions` with its `Sequence`,
//! `Triangulation`, `Timeline`) and the few choices of what to show (the rows shown, counts or
//! Jaccard coefficients, counts or probabilities, the codes plotted and their colours). Out: a
//! `HeatMap` or a `TimelineChart` without a caption; the caller adds the filters it used
//! (`analysis::Scope::describe`). The texts of the cells are made here too, and the window's
//! tables use the same functions, so a chart reads as the table on screen.

mod cooccurrence;
mod crosstab;
mod sequence;
mod timeline;
mod triangulation;

pub use cooccurrence::{cooccurrence_chart, cooccurrence_text, cooccurrence_value};
pub use crosstab::{crosstab_chart, crosstab_text, crosstab_texts, dimension_title};
pub use sequence::{sequence_texts, transition_text, transition_value, transitions_chart};
pub use timeline::{PALETTE, code_colours, series_colours, timeline_chart};
pub use triangulation::{RoleMarks, kind_mark, kinds_legend, role_marks, triangulation_chart, triangulation_summary_text, triangulation_text};

/// The texts of a table's numbers: `cells[row][col]` and the totals it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableTexts {
    pub cells: Vec<Vec<String>>,
    pub row_totals: Option<Vec<String>>,
    pub col_totals: Option<Vec<String>>,
    pub total: Option<String>,
}
