//! Thicket's core: everything but the faces. The window (`thicket-gui`) and the command line
//! (the `thicket` binary) sit on top of this crate; it names neither, nor egui, nor clap.
//!
//! The data flow (see docs/DESIGN.md):
//!
//! ```text
//!  files ──bytes──▶ import/ ──ImportedDocument──▶ project::import_paths ──Action──┐
//!  window and command line ──────────────────────────────────────────────Action──┤
//!                                                                                ▼
//!                          Project::perform ── one transaction ──▶ store/ (SQLite, the only SQL)
//!                                 │ returns the inverse Action (undo)
//!  window and command line ◀── &Project query methods (model/ types) ◀────────────┘
//! ```
//!
//! - `model`: the nouns (sources, cases, participants, turns, codes, codings, coders, memos,
//!   attributes) and typed ids; the code tree's rules (moves, in vivo names) and code colours.
//! - `text`: normalisation and offset conversions (chars, bytes, UTF-16, lines, paragraphs).
//! - `store`: the project file; migrations; every SQL statement.
//! - `action` and `project`: every change as an `Action`, applied with undo/redo.
//! - `import`: pure importers and speaker-turn detection.
//! - `analysis`: crosstabs, co-occurrence, triangulation, sequences, timelines; pure functions.
//! - `export`: tables (CSV, XLSX) and charts (SVG) of the analyses.
//! - `sample`: the bundled fictional sample study.
//! - `error`: the error type, the kind of each failure (`ErrorKind`), and the one table from
//!   how a command ended to its exit code.

pub mod action;
pub mod analysis;
pub mod clock;
pub mod error;
pub mod export;
pub mod import;
pub mod model;
pub mod project;
pub mod sample;
pub mod store;
pub mod text;

pub use action::Action;
pub use error::{Error, Result};
pub use project::Project;
