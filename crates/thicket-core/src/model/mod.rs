//! Plain domain types: the nouns of a Thicket project (DESIGN.md §4), their typed ids and text spans,
//! and the rules that hold for them whatever face changes them: the code tree's paths and moves
//! ([`Codebook`], [`Placement`]), code names taken from the text ([`in_vivo_name`]) and code colours
//! ([`Rgb`], [`next_code_colour`]). The pseudonymisation map and the export log ([`Pseudonym`],
//! [`ExportRecord`]) are data about the project's exports, kept here like the rest.
//!
//! Nothing here touches SQLite or egui. The store fills these types from rows; the project layer,
//! analyses, exporters, the CLI and the UI all read them.

mod audit;
mod codebook;
mod colour;
mod colour_vision;
mod entities;
mod entity_set;
mod framework;
mod ids;
mod kinds;
mod placement;
mod pseudonyms;
mod reconcile;
pub mod qualcoder_rows;
pub mod refi_dialect;
mod span;

pub use audit::{AuditEntity, AuditEntityKind, AuditEntry, AuditFilter, NewAuditEntry};
pub use codebook::{Codebook, in_vivo_name, split_path};
pub use colour_vision::{Deficiency, delta_e, simulate};
pub use colour::{CODE_PALETTE, CODER_PALETTE, Rgb, next_code_colour, next_coder_colour};
pub use entities::*;
pub use entity_set::{EntitySet, Snapshot};
pub use framework::{Framework, FrameworkCell, FrameworkMatrix};
pub use ids::*;
pub use kinds::*;
pub use placement::Placement;
pub use pseudonyms::{ExportRecord, NewExportRecord, NewPseudonym, Pseudonym};
pub use reconcile::{Choice, DecisionKey, DecisionSlot, ReconcileDecision, join_ids, split_ids};
pub use span::TextSpan;
/// Reading a new code's path, refusing empty levels (`A//B`).
pub use codebook::parse_new_code_path;

/// Codes for the unit tests of the tree's rules, built in one place.
#[cfg(test)]
pub(crate) mod test_codes {
    use super::{Code, CodeDescription, CodeId};

    /// Code `id` named `name` under `parent`, at `order` among its siblings; black, undescribed.
    pub fn code(id: i64, parent: Option<i64>, name: &str, order: i64) -> Code {
        Code {
            id: CodeId(id),
            uuid: String::new(),
            parent_id: parent.map(CodeId),
            name: name.into(),
            color: "#000000".into(),
            description: CodeDescription::default(),
            sort_order: order,
        }
    }
}
