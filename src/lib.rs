//! Thicket: qualitative coding of ethnographic case studies.
//!
//! The data flow (see DESIGN.md):
//!
//! ```text
//!  files ──bytes──▶ import/ ──ImportedDocument──▶ project::import_paths ──Action──┐
//!  GUI (ui/) and CLI (cli/) ─────────────────────────────────────────────Action──┤
//!                                                                                ▼
//!                          Project::perform ── one transaction ──▶ store/ (SQLite, the only SQL)
//!                                 │ returns the inverse Action (undo)
//!  ui/ and cli/ ◀── &Project query methods (model/ types) ◀───────────────────────┘
//! ```
//!
//! - `model`: the nouns (sources, cases, participants, turns, codes, codings, coders, memos,
//!   attributes) and typed ids.
//! - `text`: normalisation and offset conversions (chars, bytes, UTF-16, lines, paragraphs).
//! - `store`: the project file; migrations; every SQL statement.
//! - `action` and `project`: every change as an `Action`, applied with undo/redo.
//! - `import`: pure importers and speaker-turn detection.
//! - `export`: tables (CSV, XLSX) and charts (SVG) of the analyses.
//! - `sample`: the bundled fictional sample study.
//! - `cli`: the command line; `ui`: the egui window (feature `gui`).

pub mod action;
pub mod analysis;
pub mod bench;
pub mod cli;
pub mod clock;
pub mod error;
pub mod export;
pub mod import;
pub mod model;
pub mod project;
pub mod sample;
pub mod store;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;

pub use action::Action;
pub use error::{Error, Result};
pub use project::Project;
