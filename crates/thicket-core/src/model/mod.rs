//! Plain domain types: the nouns of a Thicket project (DESIGN.md §4), their typed ids and text spans.
//!
//! Nothing here touches SQLite or egui. The store fills these types from rows; the project layer,
//! analyses, exporters, the CLI and the UI all read them.

mod codebook;
mod entities;
mod entity_set;
mod ids;
mod kinds;
mod span;

pub use codebook::{Codebook, split_path};
pub use entities::*;
pub use entity_set::{EntitySet, Snapshot};
pub use ids::*;
pub use kinds::*;
pub use span::TextSpan;
