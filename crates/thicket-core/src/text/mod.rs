//! Text handling shared by importers, the store, analyses and the document view.
//!
//! Bytes come in from importers and leave as one normalised `String` per source ([`normalize`]); after that the
//! text is immutable and every span is a half-open range of chars (Unicode scalar values) into it. [`offsets`]
//! converts those char offsets to and from bytes (Rust slicing, egui layout), UTF-16 code units (REFI-QDA) and
//! line/paragraph numbers (citations); [`words`] counts words for statistics; [`find`] finds phrases and regular
//! expressions as char spans, comparing text folded by [`fold`] (case, accents, typography, Unicode form) and
//! mapping hits back to the stored chars, and [`sentences`] splits text into sentences (search and autocode); [`trim`] trims a
//! selected span to its non-blank ends before it is coded; [`pseudonymise`] rewrites names on the way out
//! (exports), with the char offsets of each replacement for a preview. Keeping every conversion here means there is one place to
//! get them right, and one place that is property-tested.

pub mod find;
pub mod fold;
pub mod normalize;
pub mod offsets;
pub mod pseudonymise;
pub mod sentences;
pub mod trim;
pub mod words;

pub use find::{Finder, PatternError, PatternKind, SearchPattern};
pub use fold::{Folding, FoldedText, Language};
pub use normalize::{TextError, normalize, normalize_str};
pub use offsets::{TextIndex, char_range_to_byte_range, slice_chars};
pub use pseudonymise::{PseudonymMap, Replacement};
pub use sentences::sentences;
pub use trim::trim_span;
pub use words::word_count;
